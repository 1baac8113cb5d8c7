// Malformed data files given through ExtractorOptions::gazetteer_files / rule_files: each is
// rejected with kInvalidArgument whose message names the file and the line; a missing file
// is kNotFound. Line numbers count every line of the file (comments and blank lines too).
#include <string>
#include <vector>

#include "alam/extractor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "hardening_util.h"
#include "test_util.h"

namespace alam::hardening {
namespace {

using ::testing::HasSubstr;
using alam::testing::TempDir;

constexpr char kHeader[] = "id\ttype\tsubtype\tname_ar\tname_en\taliases\tparent\tlat\tlon\n";

struct BadFile {
  const char* what;
  std::string content;
  int line;                // expected line number in the message
  const char* detail;      // expected words of the message
  bool is_rule_file = false;
  bool embedded = false;   // also load the embedded data
};

std::vector<BadFile> BadFiles() {
  const std::string ok_row = "place:t1\tPLACE\tvillage\tزمزمون\tZamzamun\t\t\t\t\n";
  return {
      {"bad column count", std::string(kHeader) + ok_row + "place:t2\tPLACE\tvillage\tكفركرمين\n",
       3, "fields"},
      {"bad column count after comments",
       "# a comment\n\n" + std::string(kHeader) + "# another\n" + ok_row + "place:t2\tPLACE\n", 6,
       "fields"},
      {"unknown column", "id\ttype\tname_ar\tcolour\nplace:t1\tPLACE\tزمزمون\tred\n", 1,
       "unknown column"},
      {"missing required column", "id\tname_ar\nplace:t1\tزمزمون\n", 1, "type"},
      {"duplicate id", std::string(kHeader) + ok_row + ok_row, 3, "duplicate id"},
      {"duplicate of an embedded id",
       std::string(kHeader) + "place:iq-mosul\tPLACE\tcity\tزمزمون\t\t\t\t\t\n", 2,
       "duplicate id", false, true},
      {"missing parent",
       std::string(kHeader) + ok_row + "place:t2\tPLACE\tvillage\tكفركرمين\t\t\tplace:nowhere\t\t\n",
       3, "place:nowhere"},
      {"alias empty after normalization",
       std::string(kHeader) + "place:t1\tPLACE\tvillage\tزمزمون\t\t\u064e\u0651\u0640\t\t\t\n", 2,
       "empty after normalization"},
      {"name_ar empty after normalization",
       std::string(kHeader) + "place:t1\tPLACE\tvillage\t\u200f\u064b\t\t\t\t\t\n", 2,
       "empty after normalization"},
      {"alias with punctuation",
       std::string(kHeader) + "place:t1\tPLACE\tvillage\tزمزمون\t\tزمزمون، الكبرى\t\t\t\n", 2,
       "punctuation"},
      {"alias with a full stop",
       std::string(kHeader) + "place:t1\tPLACE\tvillage\tزمزمون\t\tز.م\t\t\t\n", 2, "punctuation"},
      {"bad coordinates (latitude 91)",
       std::string(kHeader) + "place:t1\tPLACE\tvillage\tزمزمون\t\t\t\t91\t36\n", 2,
       "coordinates"},
      {"bad coordinates (not a number)",
       std::string(kHeader) + "place:t1\tPLACE\tvillage\tزمزمون\t\t\t\t35,5\t36\n", 2,
       "coordinates"},
      {"bad coordinates (only one)",
       std::string(kHeader) + "place:t1\tPLACE\tvillage\tزمزمون\t\t\t\t35.5\t\n", 2,
       "coordinates"},
      {"unknown type",
       std::string(kHeader) + "place:t1\tTOWN\tvillage\tزمزمون\t\t\t\t\t\n", 2, "unknown type"},
      {"invalid id", std::string(kHeader) + "place t1\tPLACE\tvillage\tزمزمون\t\t\t\t\t\n", 2,
       "invalid id"},
      {"invalid UTF-8", std::string(kHeader) + "place:t1\tPLACE\tvillage\t\xD8\t\t\t\t\t\n", 2,
       "UTF-8"},
      {"NUL byte", std::string(kHeader) + "place:t1\tPLACE\tvillage\tز" + std::string(1, '\0') +
                       "\t\t\t\t\t\n",
       2, "NUL"},
      {"id alias to a missing id", "old_id\tid\n# renamed\nplace:t-old\tplace:nowhere\n", 3,
       "place:nowhere", false, true},
      {"id alias that is a current id", "old_id\tid\nplace:iq-mosul\tplace:iq-mosul\n", 2,
       "also a current id", false, true},
      {"rule pattern does not compile",
       "id\ttrigger\ttype\tscore\tpattern\nr_ok\tقرية\tPLACE\t0.5\tقريه (\\p{Arabic}+)\n"
       "r_bad\tقرية\tPLACE\t0.5\tقريه ((\\p{Arabic}+)\n",
       3, "does not compile", true},
      {"rule with unknown type",
       "id\ttrigger\ttype\tscore\tpattern\nr1\tقرية\tVILLAGE\t0.5\tقريه (\\p{Arabic}+)\n", 2,
       "unknown type", true},
      {"rule with score out of range",
       "id\ttrigger\ttype\tscore\tpattern\nr1\tقرية\tPLACE\t2\tقريه (\\p{Arabic}+)\n", 2, "score",
       true},
      {"rule with a capture group it lacks",
       "id\ttrigger\ttype\tscore\tgroup\tpattern\nr1\tقرية\tPLACE\t0.5\t2\tقريه (\\p{Arabic}+)\n",
       2, "group", true},
      {"rule with two-word trigger",
       "id\ttrigger\ttype\tscore\tpattern\nr1\tقرية كبيرة\tPLACE\t0.5\tقريه (\\p{Arabic}+)\n", 2,
       "trigger", true},
      {"rule with unknown column",
       "id\ttrigger\ttype\tscore\tpattern\tflags\nr1\tقرية\tPLACE\t0.5\tقريه (\\p{Arabic}+)\ti\n", 1,
       "unknown column", true},
  };
}

TEST(DataFilesTest, MalformedFilesNameFileAndLine) {
  TempDir dir;
  int n = 0;
  for (const BadFile& f : BadFiles()) {
    SCOPED_TRACE(f.what);
    const std::string name = "bad_" + std::to_string(n++) + ".tsv";
    const std::string path = dir.Write(name, f.content);
    ExtractorOptions o;
    o.use_embedded_data = f.embedded;
    (f.is_rule_file ? o.rule_files : o.gazetteer_files).push_back(path);
    auto ex = Extractor::Create(o);
    ASSERT_FALSE(ex.ok());
    EXPECT_EQ(ex.status().code(), absl::StatusCode::kInvalidArgument) << ex.status();
    EXPECT_THAT(Msg(ex.status()), HasSubstr(name + ":" + std::to_string(f.line) + ":"));
    EXPECT_THAT(Msg(ex.status()), HasSubstr(f.detail));
  }
}

TEST(DataFilesTest, EmptyAndHeaderlessFiles) {
  TempDir dir;
  for (const std::string& content : {std::string(), std::string("# only a comment\n\n"),
                                    std::string("\xEF\xBB\xBF")}) {
    const std::string path = dir.Write("empty.tsv", content);
    ExtractorOptions o;
    o.use_embedded_data = false;
    o.gazetteer_files = {path};
    auto ex = Extractor::Create(o);
    ASSERT_FALSE(ex.ok());
    EXPECT_EQ(ex.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Msg(ex.status()), HasSubstr("empty.tsv"));
  }
}

TEST(DataFilesTest, MissingFileIsNotFound) {
  TempDir dir;
  for (bool rule : {false, true}) {
    ExtractorOptions o;
    (rule ? o.rule_files : o.gazetteer_files).push_back(dir.path() + "/no_such_file.tsv");
    auto ex = Extractor::Create(o);
    EXPECT_EQ(ex.status().code(), absl::StatusCode::kNotFound);
    EXPECT_THAT(Msg(ex.status()), HasSubstr("no_such_file.tsv"));
  }
  // A directory is not a data file either.
  ExtractorOptions o;
  o.gazetteer_files = {dir.path()};
  auto ex = Extractor::Create(o);
  EXPECT_FALSE(ex.ok());
}

TEST(DataFilesTest, GoodUserFileWorksAlongsideTheEmbeddedData) {
  TempDir dir;
  const std::string path = dir.Write(
      "extra.tsv", "# comment\n" + std::string(kHeader) +
                       "place:t1\tPLACE\tvillage\tزمزمون\tZamzamun\tزمزمون الكبرى\tplace:SY01\t\t\n");
  ExtractorOptions o;
  o.gazetteer_files = {path};
  auto ex = Extractor::Create(o);
  ASSERT_TRUE(ex.ok()) << ex.status();
  auto ents = (*ex)->Extract("قصف على زمزمون ومدينة الموصل");
  ASSERT_TRUE(ents.ok());
  EXPECT_EQ(Ids(*ents), (std::vector<std::string>{"place:t1", "place:iq-mosul"}));
}

// Regression: a rule whose name is in capture group 10 or higher. RuleSet::Match keeps the
// groups in `re2::StringPiece groups[10]` and reads groups[r.group] — out of bounds for
// group >= 10 (stack-buffer-overflow under ASan; garbage offsets otherwise).
TEST(DataFilesTest, RuleWithNameInCaptureGroupTen) {
  TempDir dir;
  const std::string path = dir.Write(
      "rules.tsv",
      "id\ttrigger\ttype\tsubtype\tscore\tgroup\tpattern\n"
      "g10\tقرية\tPLACE\tvillage\t0.6\t10\t()()()()()()()()(قريه) (\\p{Arabic}+)\n"
      "g12\tبلدة\tPLACE\ttown\t0.6\t12\t()()()()()()()()()()(بلده) (\\p{Arabic}+)\n");
  ExtractorOptions o;
  o.use_embedded_data = false;
  o.rule_files = {path};
  auto ex = Extractor::Create(o);
  ASSERT_TRUE(ex.ok()) << ex.status();
  const std::string text = "في قرية زمزمون وبلدة كفركرمين";
  auto ents = (*ex)->Extract(text);
  ASSERT_TRUE(ents.ok()) << ents.status();
  ExpectSpansSliceExactly(text, *ents);
  EXPECT_EQ(Texts(*ents), (std::vector<std::string>{"زمزمون", "كفركرمين"}));
}

}  // namespace
}  // namespace alam::hardening
