#include "normalize/tokenizer.h"

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
