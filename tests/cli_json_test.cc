// The CLI's JSON reader and string writer.
#include "cli/json.h"

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

}  // namespace
}  // namespace alam::cli
