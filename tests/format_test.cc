// The formatter's runs (alam/format.h): kept fields and dates in the records, refused kept
// field names, and aggregating formats merged in input order whatever the thread count.
#include <string>
#include <vector>

#include "alam/extractor.h"
#include "alam/format.h"
#include "gtest/gtest.h"

namespace alam {
namespace {

const Extractor& Shared() {
  static const Extractor* ex = Extractor::Create().value().release();
  return *ex;
}

const std::vector<std::pair<std::string, std::string>> kKept = {
    {"source", "\"Enab \\\"Baladi\\\"\\n\\u0645\""}, {"page", "3"}, {"tags", "null"}};

TEST(FormatTest, JsonLinesWritesKeptFieldsAfterDocThenTheDate) {
  auto run = RunWriter::Create(Shared(), RecordFormat::kJsonLines, {"source", "page", "tags"});
  ASSERT_TRUE(run.ok()) << run.status();
  RecordWriter writer(**run);
  auto scratch = Shared().NewScratch();
  std::string out;
  ASSERT_TRUE(writer.ExtractAndWrite("d1", {"2024-03-01", &kKept}, "قصف على حلب",
                                     scratch.get(), &out).ok());
  EXPECT_EQ(out.rfind("{\"doc\": \"d1\", \"source\": \"Enab \\\"Baladi\\\"\\n\\u0645\", "
                      "\"page\": 3, \"tags\": null, \"date\": \"2024-03-01\", \"entities\": [{",
                      0),
            0u)
      << out;
  out.clear();
  writer.WriteError("d2", {"2024-03-02", &kKept}, "unreadable", &out);
  EXPECT_EQ(out, "{\"doc\": \"d2\", \"source\": \"Enab \\\"Baladi\\\"\\n\\u0645\", \"page\": 3, "
                 "\"tags\": null, \"date\": \"2024-03-02\", \"error\": \"unreadable\", "
                 "\"entities\": []}\n");
  out.clear();
  writer.WriteError("d3", "unreadable", &out);  // no meta: the record as before
  EXPECT_EQ(out, "{\"doc\": \"d3\", \"error\": \"unreadable\", \"entities\": []}\n");
}

TEST(FormatTest, CsvWritesKeptFieldsAsText) {
  // "source" is a csv column: the kept field is named otherwise there.
  auto run = RunWriter::Create(Shared(), RecordFormat::kCsv, {"outlet", "page", "tags"});
  ASSERT_TRUE(run.ok()) << run.status();
  std::string out;
  (*run)->WriteHeader(&out);
  EXPECT_EQ(out.substr(0, out.find('\r')), "doc,outlet,page,tags,date,start,end,byte_start,"
            "byte_end,text,type,subtype,id,name_ar,name_en,country,governorate,parent,lat,lon,"
            "approximate,pcode,wikidata,score,source,error");
  out.clear();
  RecordWriter(**run).WriteError("d", {"2024-03-01", &kKept}, "bad, \"x\"", &out);
  EXPECT_EQ(out, "d,\"Enab \"\"Baladi\"\"\n\xD9\x85\",3,,2024-03-01"
                 ",,,,,,,,,,,,,,,,,,,,,\"bad, \"\"x\"\"\"\r\n");
}

TEST(FormatTest, ReservedOrRepeatedKeptNamesAreRefused) {
  for (const char* name : {"doc", "entities", "error", "date"}) {
    auto run = RunWriter::Create(Shared(), RecordFormat::kJsonLines, {name});
    EXPECT_EQ(run.status().code(), absl::StatusCode::kInvalidArgument) << name;
  }
  EXPECT_FALSE(RunWriter::Create(Shared(), RecordFormat::kCsv, {"text"}).ok());
  EXPECT_FALSE(RunWriter::Create(Shared(), RecordFormat::kTsv, {"source"}).ok());
  EXPECT_TRUE(RunWriter::Create(Shared(), RecordFormat::kJsonLines, {"text"}).ok());
  EXPECT_FALSE(RunWriter::Create(Shared(), RecordFormat::kJsonLines, {"a", "a"}).ok());
}

TEST(FormatTest, GeoJsonDatesAndCountsAreTheSameOnAnyNumberOfThreads) {
  const std::vector<std::string_view> ids = {"a", "b", "c", "d"};
  const std::vector<std::string_view> texts = {"قصف على حلب", "اشتباكات في حلب والرقة",
                                               "", "غارات على حلب"};
  const std::vector<DocumentMeta> metas = {{"2024-05-02"}, {"2024-01-09"}, {}, {"2024-03-01"}};
  for (RecordFormat f : {RecordFormat::kGeoJson, RecordFormat::kCounts, RecordFormat::kCsv}) {
    std::string one, four;
    ASSERT_TRUE(WriteRun(Shared(), f, ids, texts, {"", "", "unreadable", ""}, metas, {}, 1, &one)
                    .ok());
    ASSERT_TRUE(WriteRun(Shared(), f, ids, texts, {"", "", "unreadable", ""}, metas, {}, 4, &four)
                    .ok());
    EXPECT_EQ(one, four) << RecordFormatName(f);
    if (f == RecordFormat::kGeoJson) {
      EXPECT_NE(one.find("\"failed_documents\": 1"), std::string::npos) << one;
      EXPECT_NE(one.find("\"docs\": [\"a\", \"b\", \"d\"], \"first_date\": \"2024-01-09\", "
                         "\"last_date\": \"2024-05-02\""),
                std::string::npos)
          << one;
    }
  }
}

TEST(FormatTest, FormatNamesRoundTrip) {
  for (std::string_view name : {"jsonl", "bio", "csv", "tsv", "geojson", "html", "counts"}) {
    RecordFormat f;
    ASSERT_TRUE(ParseRecordFormat(name, &f)) << name;
    EXPECT_EQ(RecordFormatName(f), name);
  }
  RecordFormat f;
  EXPECT_FALSE(ParseRecordFormat("xml", &f));
}

}  // namespace
}  // namespace alam
