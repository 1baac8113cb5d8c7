// Hostile input: every class of invalid UTF-8, NUL bytes, bidi and zero-width marks, mixed
// scripts, a 100 MB single-line document, a million tiny documents, one name a million
// times, and the document size limit. Each test states the input class and the result that
// the hostile-input matrix of issue 7 records.
#include <algorithm>
#include <chrono>
#include <cstring>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "alam/extractor.h"
#include "alam/normalizer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hardening_util.h"

namespace alam::hardening {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kMosul = "الموصل";     // place:iq-mosul, unambiguous
constexpr std::string_view kDamascus = "دمشق";    // place:SY01
constexpr std::string_view kRaqqa = "الرقة";

struct BadUtf8 {
  std::string what;
  std::string bytes;  // the invalid sequence, inserted between two names
  size_t bad_offset;  // offset of the first bad byte within `bytes`
};

std::vector<BadUtf8> BadUtf8Classes() {
  std::vector<BadUtf8> v = {
      {"truncated 2-byte sequence", "\xD8", 0},
      {"truncated 2-byte sequence before ASCII", "\xD9" "a", 0},
      {"truncated 3-byte sequence", "\xE2\x80", 0},
      {"truncated 4-byte sequence", "\xF0\x9F\x98", 0},
      {"overlong 2-byte (C0)", "\xC0\xAF", 0},
      {"overlong 2-byte (C1)", "\xC1\xBF", 0},
      {"overlong 3-byte", "\xE0\x80\xAF", 0},
      {"overlong 3-byte NUL", "\xE0\x80\x80", 0},
      {"overlong 4-byte", "\xF0\x80\x80\xAF", 0},
      {"surrogate high", "\xED\xA0\x80", 0},
      {"surrogate low", "\xED\xBF\xBF", 0},
      {"surrogate pair as CESU-8", "\xED\xA0\xBD\xED\xB8\x80", 0},
      {"above U+10FFFF (F4 90)", "\xF4\x90\x80\x80", 0},
      {"stray continuation 80", "\x80", 0},
      {"stray continuation BF", "\xBF", 0},
      {"continuation after valid char", "\xD8\xA7\x80", 2},
      {"lead byte followed by lead byte", "\xD8\xD8\xA7", 0},
  };
  for (int b = 0xF5; b <= 0xFF; ++b) {
    char name[32];
    std::snprintf(name, sizeof name, "byte %02X", b);
    v.push_back({name, std::string(1, static_cast<char>(b)), 0});
  }
  return v;
}

TEST(InvalidUtf8Test, EveryClassIsInvalidArgumentNamingTheByte) {
  for (const BadUtf8& c : BadUtf8Classes()) {
    SCOPED_TRACE(c.what);
    const std::string prefix = std::string(kMosul) + " ";
    const std::string text = prefix + c.bytes + " " + std::string(kDamascus);
    const size_t at = prefix.size() + c.bad_offset;
    std::string out = "x";
    OffsetMap map;
    const absl::Status s = Normalize(text, &out, &map);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Msg(s), HasSubstr("byte " + std::to_string(at)));
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(text[at]));
    EXPECT_THAT(Msg(s), HasSubstr(hex));
    EXPECT_TRUE(out.empty());
    EXPECT_TRUE(map.anchors().empty());

    auto ents = Default().Extract(text);
    EXPECT_EQ(ents.status().code(), absl::StatusCode::kInvalidArgument);
    if (!ents.ok()) {
      EXPECT_THAT(Msg(ents.status()), HasSubstr("byte " + std::to_string(at)));
    }
  }
}

TEST(InvalidUtf8Test, RepairKeepsNamesAndSpansSliceExactly) {
  for (const BadUtf8& c : BadUtf8Classes()) {
    SCOPED_TRACE(c.what);
    // The bad bytes alone, glued to a name, and between names. (Glued only when the class's
    // bytes hold no letter, which would make one word with the name.)
    const std::string glue = c.bytes.find_first_of("a\xA7") == std::string::npos ? c.bytes : " ";
    const std::string text = std::string(kMosul) + " " + c.bytes + " " + std::string(kDamascus) +
                             " " + glue + std::string(kMosul) + glue + " و" +
                             std::string(kMosul);
    auto ents = Repairing().Extract(text);
    ASSERT_TRUE(ents.ok()) << ents.status();
    ExpectSpansSliceExactly(text, *ents);
    EXPECT_EQ(Texts(*ents), (std::vector<std::string>{std::string(kMosul), std::string(kDamascus),
                                                       std::string(kMosul), std::string(kMosul)}));
    // The normalizer's map sends every U+FFFD back to one original byte.
    std::string norm;
    OffsetMap map;
    NormalizeOptions repair;
    repair.repair_invalid_utf8 = true;
    ASSERT_TRUE(Normalize(text, &norm, &map, repair).ok());
    for (size_t k = norm.find("\xEF\xBF\xBD"); k != std::string::npos;
         k = norm.find("\xEF\xBF\xBD", k + 3)) {
      const size_t s = map.ToOriginalStart(k), e = map.ToOriginalEnd(k + 3);
      EXPECT_EQ(e, s + 1) << "U+FFFD at " << k;
    }
  }
}

TEST(NulTest, NulIsAnOrdinaryCharacter) {
  using namespace std::string_literals;
  const std::string text = "\0"s + std::string(kMosul) + "\0"s + std::string(kDamascus) +
                           "\0\0 "s + std::string(kRaqqa) + " \0"s + "في " +
                           std::string(kMosul) + "\0"s;
  ASSERT_EQ(text.find('\0'), 0u);
  std::string norm;
  ASSERT_TRUE(Normalize(text, &norm, nullptr).ok());
  EXPECT_EQ(std::count(norm.begin(), norm.end(), '\0'), 6);
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok()) << ents.status();
  ExpectSpansSliceExactly(text, *ents);
  ASSERT_EQ(ents->size(), 4u);
  EXPECT_EQ((*ents)[0].byte_start, 1u);
  EXPECT_EQ((*ents)[0].start, 1u);
  EXPECT_EQ((*ents)[1].text, kDamascus);
  EXPECT_EQ((*ents)[1].byte_start, 2 + kMosul.size());
  EXPECT_EQ((*ents)[1].start, 8u);  // NUL + 6 letters + NUL
  EXPECT_EQ((*ents)[3].text, kMosul);
  EXPECT_EQ((*ents)[3].byte_end, text.size() - 1);
}

TEST(MarksTest, BidiAndZeroWidthMarksAroundAndInsideNames) {
  // U+200F RLM, U+200E LRM, U+202B RLE, U+202C PDF, U+2067 RLI, U+2069 PDI, U+200B ZWSP,
  // U+200C ZWNJ, U+200D ZWJ, U+FEFF BOM, U+061C ALM, U+2060 WJ, U+00AD soft hyphen.
  const std::string text =
      "\xEF\xBB\xBF\u200f\u0641\u064a\u200e \u202b" + std::string(kMosul) + "\u202c \u2067" +
      std::string(kDamascus) + "\u2069 \u0627\u0644\u0645\u0648\u200b\u0635\u200c\u0644 "
      "\u0627\u0644\u0631\u200d\u0642\u0629\u061c \u2060\u0627\u0644\u0645\u0648\u0635\u00ad"
      "\u0644\u2060 \u0627\u0644\u0640\u0645\u0640\u0648\u0635\u064e\u0644\u0650.";
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok()) << ents.status();
  ExpectSpansSliceExactly(text, *ents);
  EXPECT_EQ(Texts(*ents),
            (std::vector<std::string>{
                std::string(kMosul), std::string(kDamascus),
                "\u0627\u0644\u0645\u0648\u200b\u0635\u200c\u0644",  // inner marks inside
                "\u0627\u0644\u0631\u200d\u0642\u0629",               // trailing ALM outside
                "\u0627\u0644\u0645\u0648\u0635\u00ad\u0644",         // WJ outside, SHY inside
                "\u0627\u0644\u0640\u0645\u0640\u0648\u0635\u064e\u0644\u0650",  // tatweel, kasra
            }));
}

TEST(MarksTest, TextMadeOnlyOfMarks) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "\u200f\u200b\u2067\u2069\uFEFF\u064b";
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok());
  EXPECT_TRUE(ents->empty());
  std::string norm;
  OffsetMap map;
  ASSERT_TRUE(Normalize(text, &norm, &map).ok());
  EXPECT_TRUE(norm.empty());
  EXPECT_EQ(map.ToOriginalStart(0), text.size());
}

TEST(MixedScriptsTest, LatinCyrillicCjkEmojiAroundArabicNames) {
  const std::string text =
      "Москва и 北京市 😀 " + std::string(kMosul) + " 🇸🇾🇮🇶 Ελλάδα " + std::string(kDamascus) +
      "😀 ＡＢＣ 𝔸𝕣𝕒𝕓 " + std::string(kRaqqa) + "، 東京 in ISIS-held " + std::string(kMosul) +
      "\U0001F1F8\U0001F1FE";
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok()) << ents.status();
  ExpectSpansSliceExactly(text, *ents);
  std::vector<std::string> arabic;
  for (const Entity& e : *ents) {
    if (e.text == kMosul || e.text == kDamascus || e.text == kRaqqa) arabic.emplace_back(e.text);
  }
  EXPECT_EQ(arabic, (std::vector<std::string>{std::string(kMosul), std::string(kDamascus),
                                              std::string(kRaqqa), std::string(kMosul)}));
  // Code points, not UTF-16 units: the emoji before the first name is one code point.
  const size_t mosul = text.find(kMosul);
  ASSERT_EQ(ents->front().byte_start, mosul);
  EXPECT_EQ(ents->front().start, 15u);  // Москва(6) и(1) 北京市(3) 😀(1) and 4 spaces
}

TEST(LimitsTest, DocumentOverMaxDocumentBytesIsOutOfRange) {
  ExtractorOptions o;
  o.max_document_bytes = 100;
  auto ex = Extractor::Create(o);
  ASSERT_TRUE(ex.ok());
  std::string text(100, ' ');
  text.replace(0, kMosul.size(), kMosul);
  auto ok = (*ex)->Extract(text);
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->size(), 1u);
  text.push_back('a');
  auto too_big = (*ex)->Extract(text);
  EXPECT_EQ(too_big.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(Msg(too_big.status()), HasSubstr("101"));
  // The limit is checked before UTF-8 validation: an oversized invalid document is still
  // out of range, not invalid.
  text.back() = '\xFF';
  EXPECT_EQ((*ex)->Extract(text).status().code(), absl::StatusCode::kOutOfRange);
}

// A document of `target` bytes on one line, made of real news text repeated.
std::string HugeLine(size_t target, std::string* unit_out) {
  std::string unit = ReadAll(std::string(ALAM_SOURCE_DIR) + "/data/sample/001_4e3d15a02d7a4506.txt");
  EXPECT_FALSE(unit.empty()) << "sample article not found under " << ALAM_SOURCE_DIR;
  if (unit.empty()) {
    unit = "قصفت الطائرات مدينة الرقة وريف دمشق، وقالت مصادر في الموصل إن الاشتباكات مستمرة. ";
  }
  for (char& c : unit) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  unit += ' ';
  std::string text;
  text.reserve(target + unit.size());
  while (text.size() + unit.size() <= target) text += unit;
  *unit_out = unit;
  return text;
}

TEST(HugeTest, HundredMegabyteSingleLineDocument) {
  const size_t target = kSanitized ? (size_t{20} << 20) : (size_t{100} << 20);
  std::string unit;
  const std::string text = HugeLine(target, &unit);
  ASSERT_EQ(text.find('\n'), std::string::npos);
  auto unit_ents = Default().Extract(unit);
  ASSERT_TRUE(unit_ents.ok());
  ASSERT_FALSE(unit_ents->empty());
  const size_t copies = text.size() / unit.size();

  auto scratch = Default().NewScratch();
  std::vector<Entity> ents;
  const auto t0 = std::chrono::steady_clock::now();
  const absl::Status s = Default().Extract(text, scratch.get(), &ents);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(s.ok()) << s;
  std::printf("%zu bytes, %zu entities in %.2f s (%.1f MB/s)\n", text.size(), ents.size(), secs,
              static_cast<double>(text.size()) / 1e6 / secs);
  ExpectSpansSliceExactly(text, ents);
  // Context may let more ambiguous names fire across copies, never fewer entities per copy.
  EXPECT_GE(ents.size(), copies * unit_ents->size() * 9 / 10);
  EXPECT_LE(ents.size(), copies * unit_ents->size() * 3 / 2);
  // The last copy's entities sit at the last copy's offsets.
  const size_t last = (copies - 1) * unit.size();
  EXPECT_GE(ents.back().byte_start, last);
  if (kOptimized) {
    EXPECT_LT(secs, 30.0);
  }
}

TEST(HugeTest, MillionTinyDocumentsThroughExtractBatch) {
  const size_t n = 1000000;
  // Document i names Mosul, Damascus or nothing by i % 3, carries i in digits, and every
  // 1000th is invalid UTF-8, so that order and count can be checked one by one.
  std::vector<std::string> docs(n);
  for (size_t i = 0; i < n; ++i) {
    std::string& d = docs[i];
    d = "خبر " + std::to_string(i) + " ";
    if (i % 3 == 0) d += kMosul;
    if (i % 3 == 1) d += kDamascus;
    if (i % 1000 == 999) d += "\xFF";
  }
  std::vector<std::string_view> views(docs.begin(), docs.end());
  std::vector<std::vector<Entity>> out;
  std::vector<absl::Status> statuses;
  const auto t0 = std::chrono::steady_clock::now();
  Default().ExtractBatch(views, 0, &out, &statuses);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%zu documents in %.2f s\n", n, secs);
  ASSERT_EQ(out.size(), n);
  ASSERT_EQ(statuses.size(), n);
  size_t failures = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i % 1000 == 999) {
      ASSERT_EQ(statuses[i].code(), absl::StatusCode::kInvalidArgument) << i;
      ASSERT_TRUE(out[i].empty()) << i;
      ++failures;
      continue;
    }
    ASSERT_TRUE(statuses[i].ok()) << i << ": " << statuses[i];
    const size_t expected = i % 3 == 2 ? 0 : 1;
    ASSERT_EQ(out[i].size(), expected) << i;
    if (expected == 1) {
      ASSERT_EQ(out[i][0].text.data(), docs[i].data() + docs[i].size() - out[i][0].text.size());
      ASSERT_EQ(out[i][0].text, i % 3 == 0 ? kMosul : kDamascus) << i;
    }
  }
  EXPECT_EQ(failures, n / 1000);
}

void ExpectMillionTimes(std::string_view sep) {
  const size_t n = 1000000;
  std::string text;
  text.reserve(n * (kMosul.size() + sep.size()));
  for (size_t i = 0; i < n; ++i) {
    text += kMosul;
    text += sep;
  }
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok()) << ents.status();
  ASSERT_EQ(ents->size(), n);
  const size_t stride = kMosul.size() + sep.size();
  const size_t cp_stride = 6 + fuzz::Boundaries(sep).cp_index[sep.size()];
  for (size_t i = 0; i < n; ++i) {
    const Entity& e = (*ents)[i];
    ASSERT_EQ(e.byte_start, i * stride) << i;
    ASSERT_EQ(e.start, i * cp_stride) << i;
    ASSERT_EQ(e.id, "place:iq-mosul") << i;
  }
}

TEST(HugeTest, OneNameRepeatedAMillionTimesSpaceSeparated) { ExpectMillionTimes(" "); }
TEST(HugeTest, OneNameRepeatedAMillionTimesCommaSeparated) { ExpectMillionTimes("، "); }
TEST(HugeTest, OneNameRepeatedAMillionTimesWithProclitic) {
  // "الموصل والموصل والموصل …": the span excludes the و.
  const size_t n = 1000000;
  std::string text;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) text += " و";
    text += kMosul;
  }
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok());
  ASSERT_EQ(ents->size(), n);
  ExpectSpansSliceExactly(text, *ents);
  for (const Entity& e : *ents) ASSERT_EQ(e.text, kMosul);
}

TEST(HugeTest, OneGiantWordAndOneGiantRunOfPunctuation) {
  const std::string word(size_t{8} << 20, 'a');
  auto a = Default().Extract(word);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->empty());
  std::string arabic;
  for (int i = 0; i < 1 << 20; ++i) arabic += "\u0628";  // ب × 1M, no spaces
  auto b = Default().Extract(arabic);
  ASSERT_TRUE(b.ok());
  std::string punct(size_t{8} << 20, '.');
  punct += std::string(kMosul);
  auto c = Default().Extract(punct);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->size(), 1u);
  EXPECT_EQ(c->front().byte_start, size_t{8} << 20);
}

}  // namespace
}  // namespace alam::hardening
