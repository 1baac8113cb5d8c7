#include "normalize/tokenizer.h"

#include <unicode/unistr.h>

#include <random>
#include <string>

#include "alam/normalizer.h"
#include "gtest/gtest.h"

namespace alam::internal {
namespace {

std::vector<std::string> Words(const std::string& normalized, std::vector<Gap>* gaps = nullptr) {
  std::vector<Token> toks;
  Tokenize(normalized, &toks);
  std::vector<std::string> out;
  for (const Token& t : toks) {
    out.push_back(normalized.substr(t.start, t.end - t.start));
    if (gaps) gaps->push_back(t.gap);
  }
  return out;
}

TEST(TokenizerTest, SplitsOnSpacesAndPunctuation) {
  std::vector<Gap> gaps;
  auto w = Words("قال المرصد، إن \"داعش\" (التنظيم) انسحب.", &gaps);
  ASSERT_EQ(w.size(), 6u);
  EXPECT_EQ(w[1], "المرصد");
  EXPECT_EQ(w[3], "داعش");
  EXPECT_EQ(gaps[0], Gap::kSpace);
  EXPECT_EQ(gaps[1], Gap::kSpace);
  EXPECT_EQ(gaps[2], Gap::kOther);  // after the Arabic comma
  EXPECT_EQ(gaps[3], Gap::kQuote);
  EXPECT_EQ(gaps[4], Gap::kQuote);
  EXPECT_EQ(gaps[5], Gap::kQuote);
}

// An underscore joins the words of a hashtag as a space would (#حزب_الله is the name حزب الله),
// and stays in the text: a name across it slices the original as written.
TEST(TokenizerTest, UnderscoreAndHashSeparateAsASpace) {
  std::vector<Gap> gaps;
  auto w = Words("#حزب_الله و#بشار_الأسد، سعد #الحريري", &gaps);
  ASSERT_EQ(w, (std::vector<std::string>{"حزب", "الله", "و", "بشار", "الأسد", "سعد",
                                         "الحريري"}));
  EXPECT_EQ(gaps[0], Gap::kSpace);  // after #
  EXPECT_EQ(gaps[1], Gap::kSpace);
  EXPECT_EQ(gaps[3], Gap::kSpace);
  EXPECT_EQ(gaps[4], Gap::kSpace);
  EXPECT_EQ(gaps[5], Gap::kOther);  // after the comma
  EXPECT_EQ(gaps[6], Gap::kSpace);  // a hashtag inside a name: سعد #الحريري
}

TEST(TokenizerTest, DigitsAndLatinAreWords) {
  auto w = Words("الفرقة 17 و cnn");
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[1], "17");
  EXPECT_EQ(w[3], "cnn");
}

TEST(TokenizerTest, LineBreakIsAClauseBoundary) {
  std::vector<Gap> gaps;
  Words("دير\nالزور", &gaps);
  ASSERT_EQ(gaps.size(), 2u);
  EXPECT_EQ(gaps[1], Gap::kOther);
}

TEST(TokenizerTest, InvalidBytesSeparateWords) {
  std::string s = "حلب";
  s += '\xFF';
  s += "حمص";
  auto w = Words(s);
  ASSERT_EQ(w.size(), 2u);
}

TEST(TokenizerTest, EmptyAndSpaceOnly) {
  EXPECT_TRUE(Words("").empty());
  EXPECT_TRUE(Words("  ،، ").empty());
}

}  // namespace
}  // namespace alam::internal

namespace alam::internal {
namespace {

// The fused pass gives exactly the tokens of tokenizing the normalized text afterwards.
void ExpectFusedEqualsSeparate(const std::string& input) {
  NormalizeOptions opt;
  opt.repair_invalid_utf8 = true;
  std::string fused_text, text;
  std::vector<Token> fused, separate;
  ASSERT_TRUE(NormalizeAndTokenize(input, &fused_text, nullptr, nullptr, &fused, opt).ok());
  ASSERT_TRUE(Normalize(input, &text, nullptr, opt).ok());
  ASSERT_EQ(fused_text, text);
  Tokenize(text, &separate);
  ASSERT_EQ(fused.size(), separate.size()) << input;
  for (size_t i = 0; i < fused.size(); ++i) {
    EXPECT_EQ(fused[i].start, separate[i].start);
    EXPECT_EQ(fused[i].end, separate[i].end);
    EXPECT_EQ(fused[i].gap, separate[i].gap) << i;
  }
}

TEST(NormalizeAndTokenizeTest, SameTokensAsTokenizingAfterwards) {
  ExpectFusedEqualsSeparate("قال \"المرصد\"، إن ﺍﻟﺮﻗﺔ (الرقـــة) ﷺ ﻻ CNN ٢٠١٧ دير\u200Bالزور\nحلب");
  ExpectFusedEqualsSeparate("\xFF\xD8 حلب \xC0\xAF\u00A0الرقة 😀 𝐀𝐁 ﹰ");
  ExpectFusedEqualsSeparate("");
  ExpectFusedEqualsSeparate("أعلن #حزب_الله و#الحرس_الثوري_الإيراني في snake_case __ _حلب_");
  std::mt19937 rng(7);
  const char32_t pool[] = {U'ا', U'ل', U' ', U'،', U'"', 0xFEFB, 0xFDFA, 0x0640, 0x064E, U'A',
                           0x1D400, 0xFE70, U'(', 0x00A0, U'\n', U'3', 0x0663, 0x200F};
  // Long runs of what the block path takes (Arabic letters, ، « », spaces, quotes, ASCII)
  // between the rarer characters, so that blocks start and end everywhere.
  const char32_t common[] = {U'ا', U'ل', U'ة', U'أ', U'ى', U' ', U'_', U'،', 0x00AB, 0x00BB,
                             U'"', U'(', U'x', U'Q', U'9', U'\t', U'\n', U'.'};
  for (int iter = 0; iter < 4000; ++iter) {
    icu::UnicodeString u;
    const int len = static_cast<int>(rng() % (iter % 2 == 0 ? 30 : 120));
    for (int k = 0; k < len; ++k) {
      u.append(static_cast<UChar32>(iter % 2 == 0 || rng() % 15 == 0 ? pool[rng() % 18]
                                                                       : common[rng() % 18]));
    }
    std::string s;
    u.toUTF8String(s);
    if (rng() % 5 == 0) s.insert(s.size() / 2, 1, static_cast<char>(0x80 + rng() % 64));
    ExpectFusedEqualsSeparate(s);
  }
}

// The token vector is the builder's buffer, sized ahead and trimmed at the end: reused
// document after document (longer, shorter, failed, empty), it holds each document's tokens
// and nothing of the one before.
TEST(NormalizeAndTokenizeTest, ReusedVectorHoldsOnlyThisDocumentsTokens) {
  std::string doc;
  for (int i = 0; i < 300; ++i) doc += i % 7 == 0 ? "حلب، " : "في الرقة ";
  const std::vector<std::string> docs = {"دير الزور", doc, "حلب", doc + "\xFF", "", doc.substr(0, 700),
                                         "  ", doc};
  NormalizeOptions opt;
  std::string text, fresh_text;
  std::vector<Token> reused;
  for (const std::string& d : docs) {
    std::vector<Token> fresh;
    const absl::Status a = NormalizeAndTokenize(d, &text, nullptr, nullptr, &reused, opt);
    const absl::Status b = NormalizeAndTokenize(d, &fresh_text, nullptr, nullptr, &fresh, opt);
    ASSERT_EQ(a.ok(), b.ok());
    if (!a.ok()) {
      EXPECT_TRUE(reused.empty());
      continue;
    }
    ASSERT_EQ(reused.size(), fresh.size()) << d.size();
    for (size_t i = 0; i < fresh.size(); ++i) {
      ASSERT_EQ(reused[i].start, fresh[i].start);
      ASSERT_EQ(reused[i].end, fresh[i].end);
      ASSERT_EQ(reused[i].gap, fresh[i].gap);
    }
  }
}

}  // namespace
}  // namespace alam::internal
