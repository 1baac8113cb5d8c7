// Normalizer: each folding of the contract, the offset map, and the fast table pinned to
// ICU's own whole-string NFKC on real news text.
#include "alam/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <dirent.h>

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "normalize/tokenizer.h"
#include "core/utf8.h"
#include "test_util.h"
#include "core/strings.h"

namespace alam {
namespace {

std::string N(std::string_view s) {
  auto r = Normalize(s);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : "";
}

// The original bytes of the normalized span [s, e).
std::string_view Back(std::string_view original, const OffsetMap& m, size_t s, size_t e) {
  const size_t os = m.ToOriginalStart(s), oe = m.ToOriginalEnd(e);
  return original.substr(os, oe - os);
}

TEST(NormalizerTest, PresentationFormsBecomeLetters) {
  EXPECT_EQ(N("ﺍﻟﺮﻗﺔ"), "الرقه");
  EXPECT_EQ(N("ﻻ"), "لا");
  EXPECT_EQ(N("ﷲ"), "الله");
}

TEST(NormalizerTest, TatweelInsideANameIsRemovedAndMappedBack) {
  const std::string in = "مدينة الرقـــة اليوم";
  std::string out;
  OffsetMap m;
  ASSERT_TRUE(Normalize(in, &out, &m).ok());
  EXPECT_EQ(out, "مدينه الرقه اليوم");
  const size_t s = out.find("الرقه");
  EXPECT_EQ(Back(in, m, s, s + std::string("الرقه").size()), "الرقـــة");
}

TEST(NormalizerTest, DiacriticsAreStripped) {
  EXPECT_EQ(N("حَلَب"), "حلب");
  EXPECT_EQ(N("دِمَشْقُ"), "دمشق");
  EXPECT_EQ(N("قُرْآنٌ"), "قران");  // madda folds to bare alef too
}

TEST(NormalizerTest, LetterFolds) {
  EXPECT_EQ(N("أإآٱ"), "اااا");
  EXPECT_EQ(N("مستشفى"), "مستشفي");
  EXPECT_EQ(N("مدينة"), "مدينه");
  EXPECT_EQ(N("کی"), "كي");  // Persian kaf and yeh
  EXPECT_EQ(N("ە"), "ه");
}

TEST(NormalizerTest, DigitsBecomeAscii) {
  EXPECT_EQ(N("عام ٢٠١٧"), "عام 2017");
  EXPECT_EQ(N("۱۲۳"), "123");
  std::string out;
  OffsetMap m;
  const std::string in = "٢٠١٧م";
  ASSERT_TRUE(Normalize(in, &out, &m).ok());
  EXPECT_EQ(out, "2017م");
  EXPECT_EQ(Back(in, m, 0, 4), "٢٠١٧");
  EXPECT_EQ(Back(in, m, 1, 2), "٠");
}

TEST(NormalizerTest, BidiAndZeroWidthMarksAreDropped) {
  EXPECT_EQ(N("\u200Fالرقة\u200E"), "الرقه");
  EXPECT_EQ(N("دير\u200Bالزور"), "ديرالزور");
  EXPECT_EQ(N("\uFEFFحلب\u061C"), "حلب");
  EXPECT_EQ(N("\u202Bحلب\u202C"), "حلب");
  EXPECT_EQ(N("\u2067حلب\u2069"), "حلب");
}

TEST(NormalizerTest, SpacesFoldAndNbspMapsBack) {
  const std::string in = "دير\u00A0الزور\u2009و\u3000حلب";
  std::string out;
  OffsetMap m;
  ASSERT_TRUE(Normalize(in, &out, &m).ok());
  EXPECT_EQ(out, "دير الزور و حلب");
  const size_t s = out.find("الزور");
  EXPECT_EQ(Back(in, m, s, s + std::string("الزور").size()), "الزور");
  EXPECT_EQ(Back(in, m, 0, out.find(" الزور") + 1), "دير\u00A0");
}

TEST(NormalizerTest, LatinCaseFolds) {
  EXPECT_EQ(N("CNN و BBC"), "cnn و bbc");
  EXPECT_EQ(N("ÉCOLE"), "école");
  EXPECT_EQ(N("ＣＮＮ"), "cnn");  // full-width through NFKC
}

TEST(NormalizerTest, NulIsAnOrdinaryCharacter) {
  const std::string in("حلب\0حمص", 13);
  std::string out;
  OffsetMap m;
  ASSERT_TRUE(Normalize(in, &out, &m).ok());
  EXPECT_EQ(out, in);
}

// The code point count that maps entity offsets (16, then 8 bytes at a time) agrees with
// decoding, for every length and alignment, and past the 4080 bytes after which its
// per-lane byte counters are summed.
TEST(Utf8Test, CountCharacterStartsCountsCodePoints) {
  std::mt19937 rng(3);
  const std::string pieces[] = {"a", " ", "\xD8\xA7", "\xD9\x84", "\xE4\xB8\xAD",
                                "\xF0\x9F\x98\x80", "\xC2\xAB", "\n"};
  std::string text;
  while (text.size() < 9000) text += pieces[rng() % 8];
  for (int iter = 0; iter < 3000; ++iter) {
    const size_t n = iter < 200 ? static_cast<size_t>(iter) : rng() % text.size();
    size_t from = rng() % (text.size() - n + 1);
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
    size_t to = from + n;
    while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
    const std::string_view s = std::string_view(text).substr(from, to - from);
    ASSERT_EQ(internal::CountCharacterStarts(reinterpret_cast<const uint8_t*>(s.data()), s.size()),
              internal::CountCodePoints(s))
        << from << " " << s.size();
  }
  const auto* all = reinterpret_cast<const uint8_t*>(text.data());
  EXPECT_EQ(internal::CountCharacterStarts(all, text.size()), internal::CountCodePoints(text));
}

// The first invalid byte found 16 bytes at a time agrees with decoding code point by code
// point: for texts of valid pieces (ASCII, two-, three- and four-byte sequences) with, now and
// then, a broken one (a stray continuation, a lead cut short, an overlong or surrogate form,
// a byte never used) at every offset and alignment, where a two-byte sequence straddles a
// block's end too.
TEST(Utf8Test, FindInvalidUtf8AgreesWithDecoding) {
  auto reference = [](std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    for (size_t i = 0; i < s.size();) {
      char32_t cp;
      const size_t len = internal::DecodeUtf8(p + i, s.size() - i, &cp);
      if (len == 0) return i;
      i += len;
    }
    return s.size();
  };
  std::mt19937 rng(7);
  const std::string valid[] = {"a", " ", "\xD8\xA7", "\xD9\x84", "\xC2\xAB", "\xDF\xBF",
                               "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\n"};
  const std::string broken[] = {"\x80", "\xBF", "\xD8", "\xC0\x80", "\xC1\xBF",
                                "\xE0\x80\x80", "\xED\xA0\x80", "\xF5", "\xFF",
                                "\xD8\xD8\xA7", "\xE4\xB8"};
  size_t invalid_found = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string text;
    const size_t pieces = rng() % 60;
    const bool arabic_only = iter % 3 == 0;  // long runs of two-byte blocks
    for (size_t k = 0; k < pieces; ++k) {
      if (rng() % 40 == 0) {
        text += broken[rng() % 11];
      } else {
        text += valid[arabic_only ? 2 + rng() % 2 : rng() % 9];
      }
    }
    const size_t want = reference(text);
    ASSERT_EQ(internal::FindInvalidUtf8(text), want) << iter;
    invalid_found += want != text.size();
  }
  EXPECT_GT(invalid_found, 5000u);
  // A two-byte sequence across a block's end, then an error further on.
  const std::string straddle = std::string(15, 'a') + "\xD8\xA7" + std::string(20, 'b') + "\xA7";
  EXPECT_EQ(internal::FindInvalidUtf8(straddle), straddle.size() - 1);
  EXPECT_EQ(internal::FindInvalidUtf8(std::string(15, 'a') + "\xD8"), 15u);
}

TEST(NormalizerTest, InvalidUtf8IsAnErrorNamingTheByte) {
  std::string out;
  OffsetMap m;
  absl::Status s = Normalize("حلب\xFF", &out, &m);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(s.message()).find("byte 6"), std::string::npos) << s;
  EXPECT_TRUE(out.empty());
}

TEST(NormalizerTest, RepairReplacesEachInvalidByte) {
  NormalizeOptions opt;
  opt.repair_invalid_utf8 = true;
  std::string out;
  OffsetMap m;
  const std::string in = "ا\xC3(\xED\xA0\x80ب";
  ASSERT_TRUE(Normalize(in, &out, &m, opt).ok());
  EXPECT_EQ(out, "ا\uFFFD(\uFFFD\uFFFD\uFFFDب");
  const size_t b = out.rfind("ب");
  EXPECT_EQ(Back(in, m, b, b + 2), "ب");
  EXPECT_EQ(m.ToOriginalStart(2), 2u);
  EXPECT_EQ(m.ToOriginalEnd(5), 3u);
}

// *out keeps its bytes from call to call (only its growth is zero-filled): none of them may
// show through, after a longer text or a shorter one, nor after an error.
TEST(NormalizerTest, ReusedOutputHoldsOnlyTheNewText) {
  const std::string long_text = "قالت قوات سوريا الديمقراطية إنها سيطرت على حي المشلب في الرقة";
  const std::string short_text = "حلب";
  std::string out = "leftover bytes that must not survive";
  OffsetMap m;
  for (const std::string* in : {&long_text, &short_text, &long_text, &short_text}) {
    ASSERT_TRUE(Normalize(*in, &out, &m).ok());
    EXPECT_EQ(out, N(*in));
  }
  EXPECT_FALSE(Normalize("حلب\xFF", &out, &m).ok());
  EXPECT_EQ(out, "");
  ASSERT_TRUE(Normalize(short_text, &out, &m).ok());
  EXPECT_EQ(out, N(short_text));
}

TEST(NormalizerTest, EmptyInput) {
  std::string out = "x";
  OffsetMap m;
  ASSERT_TRUE(Normalize("", &out, &m).ok());
  EXPECT_EQ(out, "");
  EXPECT_EQ(m.ToOriginalStart(0), 0u);
  EXPECT_EQ(m.ToOriginalEnd(0), 0u);
}

// ---- Pinned to ICU: an independent whole-string reference ----

bool RefStripped(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) ||
         (c >= 0x06E7 && c <= 0x06E8) || (c >= 0x06EA && c <= 0x06ED) || c == 0x0640 ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C ||
         c == 0xFEFF || c == 0x00AD || c == 0x034F;
}

UChar32 RefFold(UChar32 c) {
  static const std::pair<UChar32, UChar32> kMap[] = {
      {0x0623, 0x0627}, {0x0625, 0x0627}, {0x0622, 0x0627}, {0x0671, 0x0627}, {0x0649, 0x064A},
      {0x0629, 0x0647}, {0x06A9, 0x0643}, {0x06CC, 0x064A}, {0x06D5, 0x0647}};
  for (auto [a, b] : kMap) {
    if (c == a) return b;
  }
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  if (u_charType(c) == U_SPACE_SEPARATOR) return ' ';
  UErrorCode st = U_ZERO_ERROR;
  if (u_isalpha(c) && uscript_getScript(c, &st) == USCRIPT_LATIN) return u_foldCase(c, U_FOLD_CASE_DEFAULT);
  return c;
}

// ICU NFKC over the whole text (after removing the stripped marks, which NFKC would
// otherwise compose with), then strip and fold.
std::string Reference(const std::string& text) {
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(text), kept;
  for (int32_t i = 0; i < in.length();) {
    UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (!RefStripped(c)) kept.append(c);
  }
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString nfkc = icu::Normalizer2::getNFKCInstance(st)->normalize(kept, st);
  EXPECT_TRUE(U_SUCCESS(st));
  icu::UnicodeString out;
  for (int32_t i = 0; i < nfkc.length();) {
    UChar32 c = nfkc.char32At(i);
    i += U16_LENGTH(c);
    if (!RefStripped(c)) out.append(RefFold(c));
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

// The five committed sample articles (data/sample/, the same texts as the dev articles).
std::vector<std::string> SampleArticles() {
  std::vector<std::string> texts;
  const std::string dir = std::string(ALAM_SOURCE_DIR) + "/data/sample";
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") {
        texts.push_back(testing::ReadFileOrDie(dir + "/" + name));
      }
    }
    closedir(d);
  }
  return texts;
}

TEST(NormalizerIcuPinTest, RealNewsMatchesIcuWholeStringResult) {
  std::vector<std::string> texts = SampleArticles();
  ASSERT_EQ(texts.size(), 5u) << "sample articles not found under " << ALAM_SOURCE_DIR << "/data/sample";
  // Plus the presentation forms, ligatures and marks real scraped news carries.
  texts.push_back("ﺍﻟﺮﻗﺔ ﻻ ﷲ ﴿ﭐﻟﻠَّﻪ﴾ ＣＮＮ ٢٠١٧ ۱۲ دیر کرکوک \u00A0\u200Fحلب\u200E ﺑﻐﺪاﺩ");
  for (const std::string& t : texts) {
    EXPECT_EQ(N(t), Reference(t));
  }
}

TEST(NormalizerIcuPinTest, EveryBmpCodePointAloneMatchesIcu) {
  for (UChar32 c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    icu::UnicodeString u(c);
    std::string s;
    u.toUTF8String(s);
    ASSERT_EQ(N(s), Reference(s)) << "U+" << std::hex << c;
  }
}

// ---- Offset map properties over random and real inputs ----

bool IsBoundary(std::string_view s, size_t i) {
  return i == 0 || i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

void CheckMap(const std::string& in, bool repair) {
  std::string out;
  OffsetMap m;
  NormalizeOptions opt;
  opt.repair_invalid_utf8 = repair;
  absl::Status s = Normalize(in, &out, &m, opt);
  if (!s.ok()) {
    EXPECT_FALSE(repair) << s;
    return;
  }
  size_t prev_start = 0, prev_end = 0;
  for (size_t p = 0; p <= out.size(); ++p) {
    if (!IsBoundary(out, p)) continue;
    const size_t os = m.ToOriginalStart(p), oe = m.ToOriginalEnd(p);
    ASSERT_LE(os, in.size());
    ASSERT_LE(oe, in.size());
    ASSERT_GE(os, prev_start) << "start map not monotone at " << p;
    ASSERT_GE(oe, prev_end) << "end map not monotone at " << p;
    if (!repair) {
      ASSERT_TRUE(IsBoundary(in, os)) << p;
      ASSERT_TRUE(IsBoundary(in, oe)) << p;
    }
    prev_start = os;
    prev_end = oe;
  }
  EXPECT_EQ(m.ToOriginalStart(out.size()), in.size());
  // Each normalized character maps back to original text that normalizes to it.
  for (size_t p = 0; p < out.size();) {
    size_t q = p + 1;
    while (q < out.size() && !IsBoundary(out, q)) ++q;
    const size_t os = m.ToOriginalStart(p), oe = m.ToOriginalEnd(q);
    ASSERT_LE(os, oe);
    if (!repair) {
      const std::string piece = in.substr(os, oe - os);
      const std::string np = N(piece);
      ASSERT_NE(np.find(out.substr(p, q - p)), std::string::npos)
          << "normalized char at " << p << " does not come from " << piece;
    }
    p = q;
  }
}

TEST(OffsetMapPropertyTest, RandomInputs) {
  std::mt19937 rng(12345);
  const std::vector<char32_t> pool = {
      U'ا', U'ل', U'ر', U'ق', U'ة', U'أ', U'ى', 0x064E, 0x0651, 0x0640, 0x200F, 0xFEFF, 0x00A0,
      U' ', U'،', U'A', U'z', 0x0663, 0xFEFB, 0xFDF2, 0xFE8D, 0x1F600, 0x1D400, U'\n', 0};
  for (int iter = 0; iter < 3000; ++iter) {
    std::string s;
    const int len = static_cast<int>(rng() % 40);
    for (int k = 0; k < len; ++k) {
      if (rng() % 17 == 0) {
        s.push_back(static_cast<char>(rng() & 0xFF));  // sometimes a raw byte
        continue;
      }
      icu::UnicodeString u(static_cast<UChar32>(pool[rng() % pool.size()]));
      u.toUTF8String(s);
    }
    CheckMap(s, false);
    CheckMap(s, true);
  }
}

// The block paths (16 bytes at a time with SSE2, 32 with AVX2: src/normalize/normalizer.cc) and the per-character path
// give the same text: normalization is per code point, so the whole string's result is the
// concatenation of each code point's own (normalized alone, always per character). Inputs mix
// what the block path takes (Arabic letters, the folded ones, ، ؛ ؟ « », ASCII of every
// class) with what it leaves (ة at a block's end, diacritics, digits, “ ”, Persian letters,
// NBSP), at every alignment.
TEST(NormalizerBlockPathTest, SameAsPerCharacter) {
  std::mt19937 rng(2026);
  const std::vector<char32_t> block = {U'ا', U'ل', U'ر', U'ق', U'ة', U'أ', U'إ', U'آ', U'ى', U'ي',
                                       U'ء', U'غ', U'ف', U'ه', U'و', U'،', U'؛', U'؟', 0x00AB,
                                       0x00BB, U' ', U'\t', U'\n', U'A', U'Z', U'q', U'7', U'"',
                                       U'(', U']', U'.', U'-', 0};
  const std::vector<char32_t> other = {0x064E, 0x0640, 0x0663, 0x201C, 0x06A9, 0x06CC, 0x00A0,
                                       0x0671, 0x060D, 0x0621 - 1, 0x00E9, 0xFEFB, 0x1F600};
  for (int iter = 0; iter < 4000; ++iter) {
    std::vector<char32_t> cps;
    const int len = static_cast<int>(rng() % 90);
    for (int k = 0; k < len; ++k) {
      cps.push_back(rng() % 23 == 0 ? other[rng() % other.size()] : block[rng() % block.size()]);
    }
    std::string in, expected;
    for (char32_t cp : cps) {
      std::string one;
      icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(one);
      in += one;
      expected += N(one);
    }
    ASSERT_EQ(N(in), expected) << in;
    if (iter % 4 == 0) CheckMap(in, false);
  }
}

// ---- The block paths against each other ----

using internal::BlockPath;

// Everything one path gives for `in`: the status, the text, the map's anchors and the tokens
// (`with_map`, `with_tokens`: which of them it was asked for).
std::string OnPath(BlockPath path, const std::string& in, bool with_map, bool with_tokens,
                   const NormalizeOptions& opt) {
  std::string out;
  OffsetMap map;
  std::vector<internal::Token> tokens;
  const absl::Status s = internal::NormalizeOnPathForTesting(
      path, in, &out, with_map ? &map : nullptr, with_tokens ? &tokens : nullptr, opt);
  std::string r = s.ToString() + "\n" + out + "\n";
  for (const OffsetMap::Anchor& a : map.anchors()) {
    r += internal::Cat("a ", a.norm, " ", a.orig, " ", a.orig_len, "\n");
  }
  for (const internal::Token& t : tokens) {
    r += internal::Cat("t ", t.start, " ", t.end, " ", static_cast<int>(t.gap), "\n");
  }
  return r;
}

// The SSE2 and AVX2 paths (where this CPU has them) give what the per-character path gives,
// with and without the map and the tokens.
void ExpectPathsAgree(const std::string& in, const NormalizeOptions& opt = {}) {
  for (int with = 0; with < 4; ++with) {
    const bool with_map = (with & 1) != 0, with_tokens = (with & 2) != 0;
    const std::string want = OnPath(BlockPath::kPerCharacter, in, with_map, with_tokens, opt);
    for (BlockPath path : {BlockPath::kSse2, BlockPath::kAvx2}) {
      if (!internal::BlockPathAvailable(path)) continue;
      ASSERT_EQ(OnPath(path, in, with_map, with_tokens, opt), want)
          << "path " << static_cast<int>(path) << " map " << with_map << " tokens "
          << with_tokens << " on: " << in;
    }
  }
}

TEST(NormalizerBlockPathTest, Avx2PathRunsHere) {
  if (!internal::BlockPathAvailable(BlockPath::kAvx2)) {
    GTEST_SKIP() << "this CPU has no AVX2: only the SSE2 and per-character paths are compared";
  }
  EXPECT_TRUE(internal::BlockPathAvailable(BlockPath::kSse2));
}

// Random mixes of what the blocks take and what they leave, with 0 to 32 bytes before them
// so that every character falls at every place in a block of either width; some with raw
// bytes (invalid UTF-8: an error, or repaired).
TEST(NormalizerBlockPathTest, AllPathsAgreeOnRandomMixesAtEveryAlignment) {
  std::mt19937 rng(7);
  const std::vector<char32_t> block = {U'ا', U'ل', U'ر', U'ق', U'ة', U'أ', U'إ', U'آ', U'ى', U'ي',
                                       U'ء', U'غ', U'ف', U'ه', U'و', U'ب', U'ت', U'،', U'؛', U'؟',
                                       0x00AB, 0x00BB, U' ', U'\t', U'\n', U'A', U'Z', U'q',
                                       U'7', U'"', U'(', U']', U'.', U'-', 0};
  const std::vector<char32_t> other = {0x064B, 0x064E, 0x0651, 0x0640, 0x0663, 0x201C, 0x06A9,
                                       0x00A0, 0x0671, 0x060D, 0x063B, 0x0660, 0x00E9, 0x00A9,
                                       0x00A2, 0x0609, 0x0669, 0xFEFB, 0x1F600, 0x200F};
  NormalizeOptions repair;
  repair.repair_invalid_utf8 = true;
  for (int iter = 0; iter < 300; ++iter) {
    std::string s;
    const int len = static_cast<int>(rng() % 70);
    const int rare = iter % 3 == 0 ? 5 : 40;  // some inputs thick with what the blocks leave
    for (int k = 0; k < len; ++k) {
      if (iter % 5 == 0 && rng() % 19 == 0) {
        // A raw byte: often a stray continuation byte of one of the pairs the blocks edit.
        static constexpr uint8_t kEdited[] = {0xA2, 0xA3, 0xA5, 0xA9, 0x89, 0xD8, 0xD9, 0xC2};
        const uint32_t r = static_cast<uint32_t>(rng());
        s.push_back(static_cast<char>(r % 2 == 0 ? kEdited[(r >> 1) % 8] : 0x80 | (r >> 1 & 0x7F)));
        continue;
      }
      const char32_t cp =
          rng() % rare == 0 ? other[rng() % other.size()] : block[rng() % block.size()];
      icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(s);
    }
    for (size_t shift = 0; shift <= 32; ++shift) {
      const std::string in = std::string(shift, shift % 2 == 0 ? ' ' : 'a') + s;
      ExpectPathsAgree(in);
      ExpectPathsAgree(in, repair);
      if (HasFatalFailure()) return;
    }
  }
}

TEST(NormalizerBlockPathTest, AllPathsAgreeOnRealArticles) {
  const std::vector<std::string> texts = SampleArticles();
  ASSERT_EQ(texts.size(), 5u) << "sample articles not found under " << ALAM_SOURCE_DIR << "/data/sample";
  for (const std::string& t : texts) {
    for (size_t shift = 0; shift < 32; shift += 3) {
      ExpectPathsAgree(std::string(shift, ' ') + t);
      if (HasFatalFailure()) return;
    }
  }
}

TEST(OffsetMapPropertyTest, RealArticles) {
  for (const std::string& t : SampleArticles()) CheckMap(t, false);
}

TEST(OffsetMapTest, SparseOnPlainArabic) {
  std::string out;
  OffsetMap m;
  const std::string in = "قالت قوات سوريا الديمقراطية إنها سيطرت على حي المشلب في الرقة";
  ASSERT_TRUE(Normalize(in, &out, &m).ok());
  EXPECT_LE(m.anchors().size(), 2u);  // one anchor: nothing shifts in plain text
}

}  // namespace
}  // namespace alam
