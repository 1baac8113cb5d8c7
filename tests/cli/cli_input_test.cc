// The CLI's document reader: dotted field paths, --keep-field, --date-field, ids that are not
// UTF-8 (the end-to-end checks of compression and encodings are in cli_input_test.py).
#include "cli/input.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace alam::cli {
namespace {

// The documents of a JSON Lines file holding `content`.
std::vector<Document> Read(const std::string& content, InputOptions options,
                           DocumentReader** keep = nullptr, bool array = false) {
  char jsonl[] = "/tmp/alam_input_testXXXXXX.jsonl";
  char json[] = "/tmp/alam_input_testXXXXXX.json";
  char* path = array ? json : jsonl;
  const int fd = mkstemps(path, array ? 5 : 6);
  EXPECT_GE(fd, 0);
  EXPECT_EQ(write(fd, content.data(), content.size()), static_cast<ssize_t>(content.size()));
  close(fd);
  static DocumentReader* last = nullptr;
  delete last;
  last = new DocumentReader({path}, std::move(options));
  std::vector<Document> docs;
  Document d;
  while (last->Next(&d)) docs.push_back(d);
  unlink(path);
  if (keep != nullptr) *keep = last;
  return docs;
}

TEST(NormalizeDateTest, AcceptsTheDocumentedForms) {
  EXPECT_EQ(NormalizeDate("2014-06-10"), "2014-06-10");
  EXPECT_EQ(NormalizeDate("2014/06/10"), "2014-06-10");
  EXPECT_EQ(NormalizeDate("2014-06-10T08:00:00Z"), "2014-06-10");
  EXPECT_EQ(NormalizeDate("2014-06-10T08:00:00.250+03:00"), "2014-06-10");
  EXPECT_EQ(NormalizeDate("2014-06-10 08:00"), "2014-06-10");
  EXPECT_EQ(NormalizeDate("2016-02-29"), "2016-02-29");
}

TEST(NormalizeDateTest, RejectsTheRest) {
  for (const char* bad : {"", "2014-6-10", "10/06/2014", "2014-13-01", "2014-02-30",
                          "2015-02-29", "2014-06-10x", "2014/06/10 08:00", "2014-06/10",
                          "June 10, 2014", "2014-06-10T8", "2014-06-10T25:00"}) {
    EXPECT_EQ(NormalizeDate(bad), "") << bad;
  }
}

TEST(DocumentReaderTest, DottedPathsReachNestedFields) {
  InputOptions o;
  o.id_field = "meta.id";
  o.text_fields = {"article.body"};
  o.date_field = "meta.date";
  o.keep_fields = {"meta.source", "meta", "missing.field", "dotted.key"};
  const auto docs = Read(
      R"({"meta": {"id": "n1", "date": "2014-06-10", "source": "SANA"}, "article": {"body": "حلب"}, "dotted.key": [1, {"a" : null}]})"
      "\n",
      o);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].error, "");
  EXPECT_EQ(docs[0].id, "n1");
  EXPECT_EQ(docs[0].text, "حلب");
  EXPECT_EQ(docs[0].date, "2014-06-10");
  const std::vector<std::pair<std::string, std::string>> kept = {
      {"meta.source", "\"SANA\""},
      {"meta", R"({"id":"n1","date":"2014-06-10","source":"SANA"})"},
      {"missing.field", "null"},
      {"dotted.key", R"([1,{"a":null}])"}};
  EXPECT_EQ(docs[0].kept, kept);
}

TEST(DocumentReaderTest, KeptFieldsOfAJsonArraysRecords) {
  InputOptions o;
  o.keep_fields = {"tags", "meta.n"};
  o.date_field = "meta.d";
  const auto docs = Read(
      "[\n {\"text\": \"a\", \"tags\": [ \"x\" , 2 ], \"meta\": {\"n\": -1.5e3, \"d\": \"2014/06/10\"}},\n"
      " {\"text\": \"b\", \"tags\": {\"k\" : \"\\u0627 \\\"q\\\"\"}}\n]\n",
      o, nullptr, /*array=*/true);
  ASSERT_EQ(docs.size(), 2u);
  const std::vector<std::pair<std::string, std::string>> kept0 = {{"tags", R"(["x",2])"},
                                                                  {"meta.n", "-1.5e3"}};
  const std::vector<std::pair<std::string, std::string>> kept1 = {
      {"tags", R"({"k":"\u0627 \"q\""})"}, {"meta.n", "null"}};
  EXPECT_EQ(docs[0].kept, kept0);
  EXPECT_EQ(docs[0].date, "2014-06-10");
  EXPECT_EQ(docs[1].kept, kept1);
  EXPECT_EQ(docs[1].date, "");
}

TEST(DocumentReaderTest, AnAbsentTextPathIsAMissingTextField) {
  InputOptions o;
  o.text_fields = {"article.body"};
  const auto docs = Read("{\"id\": 1, \"article\": {\"title\": \"x\"}}\n", o);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].error.find("no text field (looked for: article.body)"), std::string::npos)
      << docs[0].error;
}

TEST(DocumentReaderTest, BadDatesAreCountedOnce) {
  InputOptions o;
  o.date_field = "date";
  DocumentReader* reader = nullptr;
  const auto docs = Read(
      "{\"text\": \"a\", \"date\": \"10 June\"}\n{\"text\": \"b\", \"date\": \"2014/06/10\"}\n"
      "{\"text\": \"c\", \"date\": 2014}\n{\"text\": \"d\"}\n{\"text\": \"e\", \"date\": null}\n",
      o, &reader);
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(docs[0].date, "");
  EXPECT_EQ(docs[1].date, "2014-06-10");
  EXPECT_EQ(docs[2].date, "");
  for (const Document& d : docs) EXPECT_EQ(d.error, "");
  EXPECT_EQ(reader->bad_date_count(), 2u);  // absent and null are no date, not bad dates
  EXPECT_EQ(reader->first_bad_date(), "\"10 June\"");
}

TEST(DocumentReaderTest, AnIdOrKeptValueThatIsNotUtf8IsAnErrorOfItsRecord) {
  InputOptions o;
  o.keep_fields = {"src"};
  const auto docs = Read(
      "{\"id\": \"a\xff\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\", \"src\": \"\xd8\"}\n"
      "{\"id\": \"c\", \"text\": \"z\xff\"}\n{\"\xff\": 1, \"text\": \"w\"}\n",
      o);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, docs[0].id.substr(0, docs[0].id.find(':')) + ":1");
  EXPECT_NE(docs[0].error.find("field \"id\" is not valid UTF-8"), std::string::npos) << docs[0].error;
  EXPECT_NE(docs[1].error.find("field \"src\" is not valid UTF-8"), std::string::npos) << docs[1].error;
  EXPECT_EQ(docs[2].error, "");  // a text's bytes go to the extractor (error or --repair)
  EXPECT_EQ(docs[2].text, "z\xff");
  EXPECT_NE(docs[3].error.find("invalid UTF-8 in a member name"), std::string::npos) << docs[3].error;
}

}  // namespace
}  // namespace alam::cli
