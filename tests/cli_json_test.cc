// The CLI's JSON reader and string writer.
#include "cli/json.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace alam::cli {
namespace {

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

}  // namespace
}  // namespace alam::cli
