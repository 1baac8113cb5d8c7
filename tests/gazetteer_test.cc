// Data files: malformed tables, ambiguity and trigger files and rules are rejected with the
// file and line; good files compile; malformed user files given to Extractor::Create name the
// file and line too.
#include "gazetteer/gazetteer.h"
#include "core/word_table.h"

#include <algorithm>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "alam/extractor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "robustness_util.h"
#include "rules/rules.h"
#include "test_gazetteer.h"
#include "test_util.h"

namespace alam::internal {
namespace {

const char kHeader[] = "id\ttype\tsubtype\tname_ar\tname_en\taliases\tcountry\tparent\n";

absl::Status Load(const std::string& table) {
  Gazetteer g;
  absl::Status s = g.AddTable("t.tsv", table);
  if (!s.ok()) return s;
  return g.Finish();
}

void ExpectError(const std::string& table, const std::string& needle) {
  absl::Status s = Load(table);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << table;
  EXPECT_NE(std::string(s.message()).find(needle), std::string::npos)
      << "message: " << s.message() << "\nexpected to contain: " << needle;
}

// The vocabulary table through several rehashes: every word keeps its id and its head, words
// not added (many sharing a prefix, a length or a filter bit with added ones) are not found.
TEST(WordTableTest, FindsWhatWasAddedAndNothingElse) {
  std::mt19937 rng(11);
  auto word = [&](size_t n) {
    std::string w;
    for (size_t k = 0; k < n; ++k) w += static_cast<char>(rng() % 2 ? 0xD8 : 0xD9), w += static_cast<char>(0x80 + rng() % 40);
    return w;
  };
  internal::WordTable t;
  std::vector<std::string> added;
  for (int i = 0; i < 20000; ++i) {
    std::string w = word(1 + rng() % 8);
    if (t.Find(w) != 0) continue;
    const uint32_t id = t.Insert(w);
    ASSERT_EQ(id, added.size() + 1);
    t.head(id).node = (id % 5 == 0 ? id : 0) & 0x7FFFFFFFu;
    t.head(id).trigger = id % 3 == 0;
    if (id % 7 == 0) t.head(id).alias = static_cast<int32_t>(id) * 2;
    added.push_back(w);
  }
  ASSERT_EQ(t.size(), added.size());
  for (size_t i = 0; i < added.size(); ++i) {
    ASSERT_EQ(t.Find(added[i]), i + 1) << i;
    ASSERT_EQ(t.Insert(added[i]), i + 1);
    ASSERT_EQ(t.Word(static_cast<uint32_t>(i + 1)), added[i]);
    const internal::WordTable::Slot* slot = t.Lookup(added[i]);
    ASSERT_NE(slot, nullptr);
    const uint32_t id = static_cast<uint32_t>(i + 1);
    ASSERT_EQ(slot->id, id);
    ASSERT_EQ(static_cast<uint32_t>(slot->head.node), id % 5 == 0 ? id : 0) << i;
    ASSERT_EQ(static_cast<uint32_t>(slot->head.trigger), id % 3 == 0 ? 1u : 0u) << i;
    ASSERT_EQ(slot->head.alias, id % 7 == 0 ? static_cast<int32_t>(id) * 2 : -1) << i;
  }
  std::vector<std::string> sorted = added;
  std::sort(sorted.begin(), sorted.end());
  size_t absent = 0;
  for (int i = 0; i < 50000; ++i) {
    const std::string w = word(1 + rng() % 9);
    if (std::binary_search(sorted.begin(), sorted.end(), w)) continue;
    ++absent;
    ASSERT_EQ(t.Find(w), 0u) << i;
    ASSERT_EQ(t.Find(w.substr(0, w.size() - 1) + "x"), 0u);
  }
  EXPECT_GT(absent, 10000u);
  EXPECT_EQ(t.Find(""), 0u);
}

// Words read in place (LookupIn: the text's bytes past the word are loaded and masked off when
// there are 16 of them) are found as Find finds them: at every position of a text, up to its
// last byte, with every length from 1 to 24 bytes (longer than 16: the byte-wise hash), and
// whatever follows the word — a word that continues one in the table, or a table word's
// prefix, is not that word.
TEST(WordTableTest, LookupInAgreesWithFind) {
  std::mt19937 rng(5);
  std::string text;
  for (int i = 0; i < 400; ++i) text += static_cast<char>(rng() % 2 ? 0xD8 : 0xD9), text += static_cast<char>(0x80 + rng() % 6);
  internal::WordTable t;
  auto find_in = [&](size_t pos, size_t n) {
    const internal::WordTable::Slot* s = t.LookupIn(text, pos, n);
    return s != nullptr ? s->id : 0u;
  };
  for (int i = 0; i < 300; ++i) {
    const size_t n = 1 + rng() % 24;
    t.Insert(text.substr(rng() % (text.size() - n), n));
  }
  t.Insert(text.substr(text.size() - 3));  // the text's last three bytes
  size_t found = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    for (size_t n = 1; n <= 24 && pos + n <= text.size(); ++n) {
      const uint32_t want = t.Find(text.substr(pos, n));
      ASSERT_EQ(find_in(pos, n), want) << pos << " " << n;
      found += want != 0;
    }
  }
  EXPECT_GT(found, 300u);  // the inserted words and their repeats
  EXPECT_NE(find_in(text.size() - 3, 3), 0u);
  EXPECT_EQ(find_in(text.size() - 3, 2), t.Find(text.substr(text.size() - 3, 2)));
}

// The in-place comparison the table confirms a word with: equal bytes, and a difference at
// any one position of any length up to 40, are told apart as memcmp tells them.
TEST(WordTableTest, BytesEqualAgreesWithMemcmp) {
  for (size_t n = 0; n <= 40; ++n) {
    std::string a(n, '\0');
    for (size_t k = 0; k < n; ++k) a[k] = static_cast<char>(0xD8 + k % 3);
    ASSERT_TRUE(internal::WordTable::BytesEqual(a.data(), std::string(a).data(), n)) << n;
    for (size_t k = 0; k < n; ++k) {
      std::string b = a;
      b[k] = static_cast<char>(b[k] ^ 0x10);
      ASSERT_FALSE(internal::WordTable::BytesEqual(a.data(), b.data(), n)) << n << " " << k;
    }
  }
}

TEST(GazetteerTest, CompilesTheTestTable) {
  Gazetteer g;
  ASSERT_TRUE(g.AddTable("t.tsv", alam::testing::kTestTable).ok());
  ASSERT_TRUE(g.AddAmbiguity("a.tsv", alam::testing::kTestAmbiguity).ok());
  ASSERT_TRUE(g.Finish().ok());
  EXPECT_EQ(g.entries().size(), 26u);
  EXPECT_NE(g.WordId("الرقه"), 0u);  // aliases are stored normalized
  EXPECT_EQ(g.WordId("الرقة"), 0u);
  EXPECT_EQ(g.ambiguous_count(), 3u);
  GazetteerStats st;
  g.FillStats(&st);
  EXPECT_EQ(st.entries, 26u);
}

TEST(GazetteerTest, BadColumnCount) {
  ExpectError(std::string(kHeader) + "place:a\tPLACE\tcity\tحلب\n", "t.tsv:2: expected 8");
}

TEST(GazetteerTest, UnknownColumn) {
  ExpectError("id\ttype\tname_ar\tcolour\nx\tPLACE\tحلب\tred\n", "t.tsv:1: unknown column \"colour\"");
}

TEST(GazetteerTest, MissingRequiredColumn) {
  ExpectError("id\ttype\nx\tPLACE\n", "lacks the required column \"name_ar\"");
}

TEST(GazetteerTest, DuplicateId) {
  ExpectError(std::string(kHeader) + "place:a\tPLACE\tcity\tحلب\t\t\t\t\n" +
                  "place:a\tPLACE\tcity\tحمص\t\t\t\t\n",
              "t.tsv:3: duplicate id \"place:a\" (first at t.tsv:2)");
}

TEST(GazetteerTest, MissingParent) {
  ExpectError(std::string(kHeader) + "place:a\tPLACE\tcity\tحلب\t\t\t\tplace:nowhere\n",
              "t.tsv:2: parent \"place:nowhere\" of \"place:a\" does not exist");
}

TEST(GazetteerTest, ParentCycle) {
  ExpectError(std::string(kHeader) + "place:a\tPLACE\tcity\tحلب\t\t\t\tplace:b\n" +
                  "place:b\tPLACE\tcity\tحمص\t\t\t\tplace:a\n",
              "is a cycle");
}

TEST(GazetteerTest, AliasEmptyAfterNormalization) {
  ExpectError(std::string(kHeader) + "place:a\tPLACE\tcity\tحلب\t\tـــ\t\t\n",
              "t.tsv:2: alias \"ـــ\" of \"place:a\" is empty after normalization");
}

TEST(GazetteerTest, AliasWithPunctuation) {
  ExpectError(std::string(kHeader) + "place:a\tPLACE\tcity\tحلب\t\tحلب، الشهباء\t\t\n",
              "punctuation");
}

TEST(GazetteerTest, BadTypeIdCoordinatesProminence) {
  ExpectError(std::string(kHeader) + "place:a\tTOWN\tcity\tحلب\t\t\t\t\n", "unknown type \"TOWN\"");
  ExpectError(std::string(kHeader) + "place a\tPLACE\tcity\tحلب\t\t\t\t\n", "invalid id");
  ExpectError("id\ttype\tname_ar\tlat\tlon\nx\tPLACE\tحلب\t95\t1\n", "bad coordinates");
  ExpectError("id\ttype\tname_ar\tprominence\nx\tPLACE\tحلب\thigh\n", "prominence");
  ExpectError("id\ttype\tname_ar\nx\tPLACE\t\n", "empty name_ar");
}

TEST(GazetteerTest, InvalidUtf8AndNulInData) {
  ExpectError(std::string(kHeader) + "place:a\tPLACE\tcity\t\xFF\t\t\t\t\n", "t.tsv:2: invalid UTF-8");
  static const char kNulRow[] = "place:a\tPLACE\tcity\tح\0\t\t\t\t\n";
  ExpectError(std::string(kHeader) + std::string(kNulRow, sizeof(kNulRow) - 1), "NUL");
}

TEST(GazetteerTest, CommentsAndBlankLinesAreSkipped) {
  EXPECT_TRUE(Load(std::string("# a comment\n\n") + kHeader + "place:a\tPLACE\tcity\tحلب\t\t\t\t\n").ok());
}

TEST(GazetteerTest, BadTriggersAndAmbiguity) {
  Gazetteer g;
  absl::Status s = g.AddTriggers("tr.tsv", "word\ttype\nقرية كبيرة\tPLACE\n");
  EXPECT_NE(std::string(s.message()).find("tr.tsv:2"), std::string::npos) << s;
  s = g.AddAmbiguity("am.tsv", "alias\tclass\nالصناعة\trare\n");
  EXPECT_NE(std::string(s.message()).find("am.tsv:2: unknown ambiguity class"), std::string::npos) << s;
  s = g.AddAmbiguity("am.tsv", "alias\tclass\nالطبقة\tphrase\n");
  EXPECT_NE(std::string(s.message()).find("am.tsv:2: phrase \"الطبقة\" must be two words"),
            std::string::npos) << s;
  s = g.AddAmbiguity("am.tsv", "alias\tclass\nالأجل القصير\tadjective\n");
  EXPECT_NE(std::string(s.message()).find("am.tsv:2: adjective \"الأجل القصير\" must be one word"),
            std::string::npos) << s;
  s = g.AddAmbiguity("am.tsv", "alias\tclass\nالطبقة الوسطى\tnoun\n");
  EXPECT_NE(std::string(s.message()).find("am.tsv:2: noun \"الطبقة الوسطى\" must be one word"),
            std::string::npos) << s;
}

TEST(GazetteerTest, OrdinaryPhrases) {
  Gazetteer g;
  ASSERT_TRUE(g.AddTable("t.tsv", std::string(kHeader) + "place:t\tPLACE\tcity\tالطبقة\t\t\t\t\n").ok());
  ASSERT_TRUE(g.AddAmbiguity("am.tsv", "alias\tclass\nالطبقة الوسطى\tphrase\n").ok());
  ASSERT_TRUE(g.Finish({}, nullptr).ok());
  std::string buf;
  EXPECT_TRUE(g.OrdinaryPhrase("الطبقه", "الوسطي", &buf));  // normalized, as the resolver asks
  EXPECT_FALSE(g.OrdinaryPhrase("الوسطي", "الطبقه", &buf));
  EXPECT_FALSE(g.OrdinaryPhrase("الطبقه", "السياسيه", &buf));
  bool flagged = false;
  for (uint32_t a = 0; a < g.alias_count(); ++a) {
    flagged |= g.alias_core(a).phrase_first;
    EXPECT_FALSE(g.alias_core(a).phrase_second);  // الطبقه is the phrase's first word
  }
  EXPECT_TRUE(flagged);
  EXPECT_EQ(g.ambiguous_count(), 0u);  // a phrase does not gate its alias everywhere
}

TEST(RuleSetTest, PatternThatDoesNotCompile) {
  RuleSet r;
  absl::Status s = r.Add("r.tsv",
                         "id\ttrigger\ttype\tscore\tpattern\nbad\tقرية\tPLACE\t0.5\tقريه ((\n");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(s.message()).find("r.tsv:2: rule bad: pattern does not compile"),
            std::string::npos) << s;
}

TEST(RuleSetTest, OtherRuleErrors) {
  RuleSet r;
  EXPECT_NE(std::string(r.Add("r.tsv", "id\ttrigger\ttype\tscore\tpattern\nx\tقرية\tTOWN\t0.5\t(a)\n").message())
                .find("unknown type"), std::string::npos);
  EXPECT_NE(std::string(r.Add("r.tsv", "id\ttrigger\ttype\tscore\tpattern\nx\tقرية\tPLACE\t2\t(a)\n").message())
                .find("score"), std::string::npos);
  EXPECT_NE(std::string(r.Add("r.tsv", "id\ttrigger\ttype\tscore\tpattern\nx\tقرية\tPLACE\t0.5\tabc\n").message())
                .find("no capture group"), std::string::npos);
  EXPECT_NE(std::string(r.Add("r.tsv", "id\ttrigger\ttype\tscore\tpattern\nx\tقرية كبيرة\tPLACE\t0.5\t(a)\n").message())
                .find("one word"), std::string::npos);
}

// Ids of an earlier release (AddIdAliases; data/id_aliases.tsv): FindEntry finds the entry an
// old id now names, and a parent given by an old id resolves to that entry.
constexpr char kRenamed[] =
    "id\ttype\tsubtype\tname_ar\tname_en\taliases\tcountry\tparent\n"
    "place:gov\tPLACE\tgovernorate\tحلب\t\t\tSY\t\n"
    "place:town-new\tPLACE\ttown\tمنبج\t\t\tSY\tplace:gov-old\n";
constexpr char kIdAliases[] =
    "# ids of 0.1.0 that changed\n"
    "old_id\tid\n"
    "place:town-old\tplace:town-new\n"
    "place:gov-old\tplace:gov\n";

absl::Status LoadWithIdAliases(const std::string& table, const std::string& aliases,
                               Gazetteer* g) {
  absl::Status s = g->AddTable("t.tsv", table);
  if (s.ok()) s = g->AddIdAliases("ids.tsv", aliases);
  if (s.ok()) s = g->Finish();
  return s;
}

TEST(GazetteerTest, OldIdsFindTheirCurrentEntry) {
  Gazetteer g;
  ASSERT_TRUE(LoadWithIdAliases(kRenamed, kIdAliases, &g).ok());
  const EntryInfo* town = g.FindEntry("place:town-old");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->id, "place:town-new");
  EXPECT_EQ(town, g.FindEntry("place:town-new"));
  ASSERT_NE(g.FindEntry("place:gov-old"), nullptr);
  EXPECT_EQ(g.FindEntry("place:gov-old")->id, "place:gov");
  EXPECT_EQ(g.FindEntry("place:elsewhere"), nullptr);
  EXPECT_EQ(g.FindEntry(""), nullptr);
}

TEST(GazetteerTest, ParentNamedByAnOldIdResolves) {
  Gazetteer g;
  ASSERT_TRUE(LoadWithIdAliases(kRenamed, kIdAliases, &g).ok());
  const EntryInfo* town = g.FindEntry("place:town-new");
  ASSERT_NE(town, nullptr);
  ASSERT_GE(town->parent, 0);
  EXPECT_EQ(g.entries()[static_cast<size_t>(town->parent)].id, "place:gov");
  EXPECT_EQ(town->parent_id, "place:gov");  // the parent's current id
}

TEST(GazetteerTest, IdAliasToAMissingIdNamesFileAndLine) {
  Gazetteer g;
  absl::Status s = LoadWithIdAliases(
      kRenamed, std::string(kIdAliases) + "place:gone\tplace:nowhere\n", &g);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(s.message()).find(
                "ids.tsv:5: old id \"place:gone\" names \"place:nowhere\", which does not exist"),
            std::string::npos) << s;
}

TEST(GazetteerTest, IdAliasThatIsALiveIdIsAnError) {
  Gazetteer g;
  absl::Status s =
      LoadWithIdAliases(kRenamed, std::string(kIdAliases) + "place:gov\tplace:town-new\n", &g);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(s.message()).find(
                "ids.tsv:5: old id \"place:gov\" is also a current id (t.tsv:2)"),
            std::string::npos) << s;
}

TEST(GazetteerTest, IdAliasFileErrors) {
  Gazetteer g;
  absl::Status s = g.AddIdAliases("ids.tsv", "old_id\tid\nplace:a b\tplace:gov\n");
  EXPECT_NE(std::string(s.message()).find("ids.tsv:2: invalid id alias"), std::string::npos) << s;
  s = g.AddIdAliases("ids.tsv", "old_id\tid\tnote\n");
  EXPECT_NE(std::string(s.message()).find("unknown column \"note\""), std::string::npos) << s;
  Gazetteer twice;
  s = LoadWithIdAliases(kRenamed, std::string(kIdAliases) + "place:town-old\tplace:gov\n", &twice);
  EXPECT_NE(std::string(s.message()).find("old id \"place:town-old\" names two entries"),
            std::string::npos) << s;
}

// The embedded data resolves every id of 0.1.0 that changed (data/id_aliases.tsv), through
// Extractor::FindEntry and so the C API's alam_extractor_entry.
TEST(GazetteerTest, EmbeddedIdAliasesResolve) {
  auto ex = Extractor::Create(ExtractorOptions());
  ASSERT_TRUE(ex.ok()) << ex.status();
  std::ifstream in(std::string(ALAM_SOURCE_DIR) + "/data/id_aliases.tsv");
  ASSERT_TRUE(in);
  std::string line;
  size_t resolved = 0;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      EXPECT_EQ(line, "old_id\tid");
      header = false;
      continue;
    }
    const size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    const EntryInfo* e = (*ex)->FindEntry(line.substr(0, tab));
    ASSERT_NE(e, nullptr) << line;
    ASSERT_EQ(e->id, line.substr(tab + 1)) << line;
    ASSERT_EQ(e->id.data()[e->id.size()], '\0');  // a C string for the C API
    ++resolved;
  }
  EXPECT_GT(resolved, 6000u);
}

// A user's gazetteer file whose header is old_id, id is an id-alias file, whatever its name.
TEST(GazetteerTest, UserIdAliasFileIsKnownByItsHeader) {
  alam::testing::TempDir dir;
  ExtractorOptions opt;
  opt.use_embedded_data = false;
  opt.gazetteer_files = {dir.Write("places.tsv", kRenamed), dir.Write("renames.tsv", kIdAliases)};
  auto ex = Extractor::Create(opt);
  ASSERT_TRUE(ex.ok()) << ex.status();
  ASSERT_NE((*ex)->FindEntry("place:town-old"), nullptr);
  EXPECT_EQ((*ex)->FindEntry("place:town-old")->id, "place:town-new");
  EXPECT_EQ((*ex)->stats().entries, 2u);

  opt.gazetteer_files = {dir.Write("places.tsv", kRenamed),
                         dir.Write("renames.tsv", "old_id\tid\nplace:x\tplace:missing\n")};
  ex = Extractor::Create(opt);
  EXPECT_EQ(ex.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(ex.status().message()).find("renames.tsv:2"), std::string::npos)
      << ex.status();
}

TEST(GazetteerTest, MissingFileIsNotFound) {
  ExtractorOptions opt;
  opt.gazetteer_files = {"/nonexistent/alam/table.tsv"};
  auto ex = Extractor::Create(opt);
  EXPECT_EQ(ex.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace alam::internal

// ---- Malformed user data files (was tests/hardening/data_files_test.cc) ----
//
// Malformed data files given through ExtractorOptions::gazetteer_files / rule_files: each is
// rejected with kInvalidArgument whose message names the file and the line; a missing file
// is kNotFound. Line numbers count every line of the file (comments and blank lines too).
namespace alam::robust {
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
}  // namespace alam::robust
