// The CLI's JSON reader and the formatter's string writer.
#include "cli/json.h"
#include "format/json_writer.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "core/json_scan.h"

namespace alam::cli {
namespace {

using internal::AppendJsonString;
using internal::AppendValidJsonString;

TEST(JsonTest, ParsesARecord) {
  auto v = ParseJson(R"( {"id": 17, "text": "حلب\n\"x\" \u0627\ud83d\ude00", "tags": [1, true, null, {"a": -2.5e3}]} )");
  ASSERT_TRUE(v.ok()) << v.status();
  ASSERT_NE(v->Find("id"), nullptr);
  EXPECT_EQ(v->Find("id")->kind, JsonValue::Kind::kNumber);
  EXPECT_EQ(v->Find("id")->text, "17");
  EXPECT_EQ(v->Find("text")->text, "حلب\n\"x\" ا😀");
  EXPECT_EQ(v->Find("tags")->items.size(), 4u);
  EXPECT_EQ(v->Find("missing"), nullptr);
}

TEST(JsonTest, EscapedNulIsKept) {
  auto v = ParseJson(R"({"text": "a\u0000b"})");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->Find("text")->text, std::string("a\0b", 3));
}

TEST(JsonTest, RejectsMalformed) {
  for (const char* bad : {"", "{", "{\"a\" 1}", "{\"a\": }", "[1,]", "\"\\ud800\"", "{\"a\": \"x\"} x",
                          "{\"a\": \"\x01\"}", "nul", "01x", "{\"a\": \"\\q\"}"}) {
    EXPECT_FALSE(ParseJson(bad).ok()) << bad;
  }
  std::string deep(1000, '[');
  EXPECT_FALSE(ParseJson(deep).ok());
}

TEST(JsonTest, WritesEscapes) {
  std::string out;
  AppendJsonString(std::string("a\"b\\c\n\t\x01\0d\xFF", 11), &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\t\\u0001\\u0000d\\ufffd\"");
  out.clear();
  AppendJsonString("الرقة", &out);
  EXPECT_EQ(out, "\"الرقة\"");
}

// Strings under 64 bytes take a one-pass path; longer ones the run-by-run one. Escaping is
// local, so a short string followed by plain ASCII must come out as the short string's output
// followed by that ASCII: random mixes of ASCII, escapes, Arabic, 3- and 4-byte characters and
// invalid bytes, at every length under 64.
TEST(JsonTest, ShortAndLongStringsEscapeAlike) {
  const std::vector<std::string> pieces = {"a", " ", "\"", "\\", "\n", std::string(1, '\0'),
                                           "\x7F", "\xD8\xA7", "\xD9\x84", "\xE2\x80\x8F",
                                           "\xF0\x9F\x98\x80", "\xFF", "\xD8", "\x80",
                                           "\xC0\xAF", "\xED\xA0\x80"};
  std::mt19937 rng(7);
  const std::string tail(64, 'x');
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const size_t target = rng() % 64;
    while (s.size() < target) s += pieces[rng() % pieces.size()];
    if (s.size() >= 64) s.resize(63);
    std::string short_out, long_out;
    AppendJsonString(s, &short_out);
    AppendJsonString(s + tail, &long_out);
    ASSERT_EQ(short_out.substr(0, short_out.size() - 1) + tail + "\"", long_out)
        << "round " << round;
  }
}

// The scan for bytes to escape (16 bytes at a time, then 8 in a word, then one by one) finds
// the first special byte at every position of every length, and flags none of the bytes
// around the special ranges.
TEST(JsonTest, FindJsonSpecialFindsTheFirstAtEveryPosition) {
  const std::string plain = "\x20\x21\x5B\x5D\x7E\x80\xBF\xD8\xFF" "a";
  for (bool del : {false, true}) {
    std::vector<char> specials = {'"', '\\', '\0', '\x01', '\x1F', '\n'};
    if (del) specials.push_back('\x7F');
    for (size_t n = 0; n <= 48; ++n) {
      std::string s(n, 'a');
      for (size_t k = 0; k < n; ++k) s[k] = plain[(k * 7 + n) % plain.size()];
      if (!del) {  // without del, U+007F is an ordinary byte
        std::string t = s;
        if (n > 0) t[n / 2] = '\x7F';
        ASSERT_EQ(internal::FindJsonSpecial(t.data(), n, false), n) << n;
      }
      ASSERT_EQ(internal::FindJsonSpecial(s.data(), n, del), n) << n;
      for (size_t k = 0; k < n; ++k) {
        for (char c : specials) {
          std::string t = s;
          t[k] = c;
          if (k + 2 < n) t[k + 2] = '"';  // a later one must not hide the first
          ASSERT_EQ(internal::FindJsonSpecial(t.data(), n, del), k)
              << "n=" << n << " k=" << k << " c=" << int(c) << " del=" << del;
        }
      }
    }
  }
}

// Valid UTF-8 comes out of the unchecked writer exactly as out of the checking one.
TEST(JsonTest, ValidStringsWrittenAlikeWithoutTheCheck) {
  const std::vector<std::string> pieces = {"a", " ", "\"", "\\", "\n", std::string(1, '\0'),
                                           "\x7F", "\xD8\xA7", "\xD9\x84", "\xE2\x80\x8F",
                                           "\xF0\x9F\x98\x80", "\t", "Z"};
  std::mt19937 rng(5);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const size_t target = rng() % 100;
    while (s.size() < target) s += pieces[rng() % pieces.size()];
    std::string checked, unchecked;
    AppendJsonString(s, &checked);
    AppendValidJsonString(s, &unchecked);
    ASSERT_EQ(checked, unchecked) << "round " << round;
  }
}

}  // namespace
}  // namespace alam::cli
