// The extractor end to end on a small gazetteer: clitics, boundaries, leftmost-longest,
// gating, namesakes, offsets, errors.
#include "alam/extractor.h"

#include <deque>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "test_gazetteer.h"
#include "test_util.h"

namespace alam {
namespace {

class ExtractorTest : public testing::SmallGazetteerTest {
 protected:
  void SetUp() override { Build(/*with_rules=*/false); }

  std::vector<std::string> Surfaces(const std::string& text) {
    std::vector<std::string> out;
    for (const Entity& e : Run(text)) out.emplace_back(e.text);
    return out;
  }
};

using V = std::vector<std::string>;

TEST_F(ExtractorTest, FindsNamesWithTheirEntries) {
  auto es = Run("قصفت طائرات روسية مدينة حلب");
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].text, "حلب");
  EXPECT_EQ(es[0].id, "place:aleppo");
  EXPECT_EQ(es[0].type, EntityType::kPlace);
  EXPECT_EQ(es[0].subtype, "city");
  EXPECT_EQ(es[0].name_en, "Aleppo");
  EXPECT_EQ(es[0].source, "alias");
  EXPECT_GT(es[0].score, 0.5);
  EXPECT_LE(es[0].score, 1.0);
}

TEST_F(ExtractorTest, ProcliticsStayOutsideTheSpan) {
  EXPECT_EQ(Surfaces("والرقة"), V{"الرقة"});
  EXPECT_EQ(Surfaces("بحلب"), V{"حلب"});
  EXPECT_EQ(Surfaces("وبحلب"), V{"حلب"});
  EXPECT_EQ(Surfaces("فلبنان"), V{"لبنان"});
  EXPECT_EQ(Surfaces("كحلب"), V{"حلب"});
  EXPECT_EQ(Surfaces("بـحلب"), V{"حلب"});  // tatweel after the proclitic
}

TEST_F(ExtractorTest, LamPlusArticleKeepsTheSecondLam) {
  EXPECT_EQ(Surfaces("للرقة"), V{"لرقة"});
  EXPECT_EQ(Surfaces("وللرقة"), V{"لرقة"});
  EXPECT_EQ(Surfaces("للبنان"), V{"لبنان"});  // ل + لبنان, a name that starts with ل
}

TEST_F(ExtractorTest, NeverInsideALongerWord) {
  EXPECT_TRUE(Surfaces("حلبون").empty());
  EXPECT_TRUE(Surfaces("الحلبي").empty());
  EXPECT_TRUE(Surfaces("سورياتل").empty());
}

TEST_F(ExtractorTest, LeftmostLongestWins) {
  auto es = Run("هاجمت قوات سوريا الديمقراطية الرقة");
  ASSERT_EQ(es.size(), 2u);
  EXPECT_EQ(es[0].text, "قوات سوريا الديمقراطية");
  EXPECT_EQ(es[0].id, "faction:sdf");
  EXPECT_EQ(es[1].text, "الرقة");
}

TEST_F(ExtractorTest, MultiWordNamesDoNotRunAcrossPunctuation) {
  EXPECT_EQ(Surfaces("دير الزور"), V{"دير الزور"});
  EXPECT_TRUE(Surfaces("دير، الزور").empty());
  EXPECT_TRUE(Surfaces("دير\nالزور").empty());
}

TEST_F(ExtractorTest, NameWrittenWithoutItsSpace) {
  auto es = Run("في ديرالزور");
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].id, "place:deir");
  EXPECT_EQ(es[0].text, "ديرالزور");
}

TEST_F(ExtractorTest, SpellingVariantsFoldTogether) {
  EXPECT_EQ(Surfaces("الرقه"), V{"الرقه"});
  EXPECT_EQ(Surfaces("الرَّقَّة"), V{"الرَّقَّة"});
  EXPECT_EQ(Surfaces("ﺍﻟﺮﻗﺔ"), V{"ﺍﻟﺮﻗﺔ"});
  EXPECT_EQ(Surfaces("الرقـــة"), V{"الرقـــة"});
}

TEST_F(ExtractorTest, AmbiguousAliasNeedsContext) {
  EXPECT_TRUE(Surfaces("تطوير الصناعة الوطنية").empty());
  EXPECT_EQ(Surfaces("اشتباكات في حي الصناعة"), V{"الصناعة"});
  // A neighbourhood or village named by an ordinary word needs its trigger word: its city
  // named nearby is not enough.
  EXPECT_EQ(Surfaces("تقدمت القوات في الرقة وسيطرت على الصناعة"), V{"الرقة"});
  // Other entries accept a relative named nearby: here a branch of al-Qaeda.
  EXPECT_EQ(Surfaces("أعلنت النصرة فك ارتباطها مع القاعدة"), (V{"النصرة", "القاعدة"}));
  EXPECT_EQ(Surfaces("ومن القاعدة العسكرية"), V{});
  // Quotes between the trigger and the name are allowed; the quotes stay outside.
  EXPECT_EQ(Surfaces("تنظيم \"الدولة\""), V{"الدولة"});
  EXPECT_EQ(Surfaces("تنظيم “الدولة”"), V{"الدولة"});
  EXPECT_TRUE(Surfaces("مؤسسات الدولة").empty());
  // A quoted name is context for a faction, an organization or a person, not for a place.
  EXPECT_EQ(Surfaces("قاتل عناصر \"الدولة\" هناك"), V{"الدولة"});
  EXPECT_TRUE(Surfaces("في \"الصناعة\" هناك").empty());
}

TEST_F(ExtractorTest, UngatedCanBeKeptOnRequest) {
  ExtractorOptions opt = ex_->options();
  opt.keep_ungated = true;
  auto ex = Extractor::Create(opt);
  ASSERT_TRUE(ex.ok());
  auto es = (*ex)->Extract("تطوير الصناعة");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 1u);
  EXPECT_LT((*es)[0].score, 0.5);
  auto scratch = ex_->NewScratch();
  std::vector<Entity> out;
  ASSERT_TRUE(ex_->Extract("تطوير الصناعة", scratch.get(), &out).ok());
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(scratch->last_stats().gated_dropped, 1u);
}

TEST_F(ExtractorTest, NamesakesChooseByTriggerThenProminence) {
  auto es = Run("محافظة الحسكة");
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].id, "place:hasakah-gov");
  EXPECT_EQ(es[0].alternatives, 1u);
  es = Run("وصل إلى الحسكة");
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].id, "place:hasakah");  // the city is more prominent
  EXPECT_EQ(es[0].alternatives, 1u);
}

TEST_F(ExtractorTest, CountryNamesAsAdjectivesAreNotTheCountry) {
  EXPECT_TRUE(Surfaces("قالت المعلمة السعودية").empty());
  EXPECT_TRUE(Surfaces("أعلنت شركة سورية").empty());
  EXPECT_EQ(Surfaces("وصل إلى السعودية"), V{"السعودية"});
  EXPECT_EQ(Surfaces("الحرب في سورية"), V{"سورية"});
  EXPECT_EQ(Surfaces("المملكة العربية السعودية"), V{"المملكة العربية السعودية"});
}

TEST_F(ExtractorTest, QuotedNamesakePrefersTheOutletOverThePlace) {
  auto es = Run("التوتر في الشرق الأوسط");
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].id, "place:middle-east");
  es = Run("وقال لـ«الشرق الأوسط» إن");
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].id, "org:asharq-al-awsat");
  EXPECT_EQ(es[0].text, "الشرق الأوسط");
}

TEST_F(ExtractorTest, LatinAliases) {
  auto es = Run("وقالت شبكة CNN إن");
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].id, "org:cnn");
  EXPECT_EQ(es[0].text, "CNN");
  EXPECT_TRUE(Surfaces("CNNX").empty());
}

TEST_F(ExtractorTest, CodePointOffsetsCountSupplementaryCharacters) {
  const std::string text = "😀 حَلَب";
  auto es = Run(text);
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].byte_start, 5u);
  EXPECT_EQ(es[0].start, 2u);
  EXPECT_EQ(es[0].text, "حَلَب");  // trailing diacritics belong to the name
  EXPECT_EQ(es[0].end, 7u);
}

TEST_F(ExtractorTest, NulInsideTheText) {
  const std::string text("حلب\0الرقة", 3 * 2 + 1 + 5 * 2);
  auto es = Run(text);
  ASSERT_EQ(es.size(), 2u);
  EXPECT_EQ(es[1].byte_start, 7u);
  EXPECT_EQ(es[1].start, 4u);
}

TEST_F(ExtractorTest, EmptyDocument) { EXPECT_TRUE(Run("").empty()); }

TEST_F(ExtractorTest, InvalidUtf8IsAnErrorUnlessRepaired) {
  const std::string bad = "حلب \xC0\xAF الرقة";
  auto r = ex_->Extract(bad);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  ExtractorOptions opt = ex_->options();
  opt.repair_invalid_utf8 = true;
  auto ex = Extractor::Create(opt);
  ASSERT_TRUE(ex.ok());
  auto es = (*ex)->Extract(bad);
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[1].text, "الرقة");
  EXPECT_EQ((*es)[1].byte_start, bad.find("الرقة"));
  EXPECT_EQ((*es)[1].start, 7u);  // each invalid byte counts as one code point
}

TEST_F(ExtractorTest, DocumentSizeLimit) {
  ExtractorOptions opt = ex_->options();
  opt.max_document_bytes = 10;
  auto ex = Extractor::Create(opt);
  ASSERT_TRUE(ex.ok());
  EXPECT_EQ((*ex)->Extract("حلب حلب حلب").status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE((*ex)->Extract("حلب").ok());
}

TEST_F(ExtractorTest, ScratchFromAnotherExtractorIsRejected) {
  auto other = Extractor::Create(ex_->options());
  ASSERT_TRUE(other.ok());
  auto scratch = (*other)->NewScratch();
  std::vector<Entity> out;
  EXPECT_EQ(ex_->Extract("حلب", scratch.get(), &out).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ex_->Extract("حلب", nullptr, &out).code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ExtractorTest, EntryInfo) {
  const EntryInfo* e = ex_->FindEntry("place:raqqa");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->parent_id, "place:raqqa-gov");
  ASSERT_GE(e->parent, 0);
  EXPECT_EQ(ex_->FindEntry("nope"), nullptr);
  auto es = Run("حلب");
  ASSERT_EQ(es.size(), 1u);
  ASSERT_NE(ex_->entry(es[0]), nullptr);
  EXPECT_EQ(ex_->entry(es[0])->country, "SY");
}

TEST_F(ExtractorTest, BatchKeepsOrderAndReportsFailures) {
  std::vector<std::string_view> texts = {"حلب", "\xFF", "", "الرقة والحسكة"};
  std::vector<std::vector<Entity>> out;
  std::vector<absl::Status> st;
  ex_->ExtractBatch(texts, 2, &out, &st);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].size(), 1u);
  EXPECT_FALSE(st[1].ok());
  EXPECT_TRUE(out[2].empty());
  EXPECT_EQ(out[3].size(), 2u);
}

TEST(ExtractorRulesTest, RuleMadeEntitiesNameTheirRule) {
  testing::TempDir dir;
  ExtractorOptions opt;
  opt.use_embedded_data = false;
  opt.gazetteer_files = {dir.Write("t.tsv", testing::kTestTable)};
  opt.rule_files = {dir.Write("r.tsv",
                              "id\ttrigger\ttype\tsubtype\tscore\tgroup\tpattern\n"
                              "village-after-qarya\tقرية\tPLACE\tvillage\t0.7\t1\t"
                              "قريه ([^ \\pP]+)\n")};
  auto ex = Extractor::Create(opt);
  ASSERT_TRUE(ex.ok()) << ex.status();
  auto es = (*ex)->Extract("سيطروا على قرية الحمرات شرق حلب");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[0].text, "الحمرات");
  EXPECT_EQ((*es)[0].source, "rule:village-after-qarya");
  EXPECT_EQ((*es)[0].id, "");
  EXPECT_DOUBLE_EQ((*es)[0].score, 0.7);
  // A gazetteer name after the trigger beats the rule on the same span.
  es = (*ex)->Extract("قرية حلب");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 1u);
  EXPECT_EQ((*es)[0].source, "alias");
  opt.enable_rules = false;
  ex = Extractor::Create(opt);
  ASSERT_TRUE(ex.ok());
  es = (*ex)->Extract("على قرية الحمرات");
  ASSERT_TRUE(es.ok());
  EXPECT_TRUE(es->empty());
}

// An extractor of one gazetteer table (no embedded data), written into `dir`.
absl::StatusOr<std::unique_ptr<Extractor>> CreateWithTable(testing::TempDir* dir,
                                                           const std::string& table) {
  ExtractorOptions opt;
  opt.use_embedded_data = false;
  opt.gazetteer_files = {dir->Write("t.tsv", table)};
  return Extractor::Create(opt);
}

// Two names starting at the same word, one the other's prefix: the longer wins, whichever
// entry bears it, and a name inside the longer one is not reported beside it.
TEST(ExtractorOrderTest, TheLongestNameAtAPlaceWins) {
  testing::TempDir dir;
  auto ex = CreateWithTable(
      &dir,
      "id\ttype\tsubtype\tname_ar\tname_en\n"
      "org:council\tORGANIZATION\tbody\tمجلس الأمن\tSecurity Council\n"
      "org:unsc\tORGANIZATION\tun_body\tمجلس الأمن الدولي\tUN Security Council\n"
      "org:unsc-x\tORGANIZATION\tbody\tمجلس الأمن الدولي الموسع\tExpanded Council\n");
  ASSERT_TRUE(ex.ok()) << ex.status();
  auto ids = [&](const std::string& text) {
    auto es = (*ex)->Extract(text);
    EXPECT_TRUE(es.ok());
    std::vector<std::string> out;
    for (const Entity& e : *es) out.push_back(std::string(e.id) + "=" + std::string(e.text));
    return out;
  };
  EXPECT_EQ(ids("اجتمع مجلس الأمن الدولي أمس"),
            std::vector<std::string>{"org:unsc=مجلس الأمن الدولي"});
  EXPECT_EQ(ids("اجتمع مجلس الأمن أمس"), std::vector<std::string>{"org:council=مجلس الأمن"});
  EXPECT_EQ(ids("مجلس الأمن الدولي الموسع ومجلس الأمن"),
            (std::vector<std::string>{"org:unsc-x=مجلس الأمن الدولي الموسع",
                                      "org:council=مجلس الأمن"}));
}

// The gazetteer's files and the rules' load on two threads; the error reported is still the
// first in the order the files are given (embedded, --gazetteer, --rules), whichever thread
// meets it first.
TEST(ExtractorRulesTest, FirstBadFileInOrderIsReported) {
  testing::TempDir dir;
  const std::string good_table = dir.Write("t.tsv", testing::kTestTable);
  const std::string bad_table = dir.Write("bad.tsv", "id\ttype\tname_ar\nx\tNOTATYPE\tحلب\n");
  const std::string good_rules = dir.Write(
      "r.tsv", "id\ttrigger\ttype\tscore\tpattern\nq\tقرية\tPLACE\t0.7\tقريه ([^ ]+)\n");
  const std::string bad_rules = dir.Write(
      "badr.tsv", "id\ttrigger\ttype\tscore\tpattern\nq\tقرية\tPLACE\t0.7\tقريه ([^ ]+\n");
  auto error_of = [](std::vector<std::string> tables, std::vector<std::string> rules) {
    ExtractorOptions opt;
    opt.use_embedded_data = false;
    opt.gazetteer_files = std::move(tables);
    opt.rule_files = std::move(rules);
    auto ex = Extractor::Create(opt);
    return ex.ok() ? std::string("ok") : std::string(ex.status().message());
  };
  EXPECT_EQ(error_of({good_table}, {good_rules}), "ok");
  for (int i = 0; i < 20; ++i) {  // the threads' timing varies; the answer must not
    EXPECT_NE(error_of({good_table, bad_table}, {bad_rules}).find("bad.tsv:2: unknown type"),
              std::string::npos);
    EXPECT_NE(error_of({"/nonexistent/alam/x.tsv"}, {bad_rules}).find("/nonexistent/alam/x.tsv"),
              std::string::npos);
    EXPECT_NE(error_of({good_table}, {bad_rules}).find("badr.tsv:2"), std::string::npos);
  }
}

// Namesakes ranked by relatives named nearby: a close relative (a parent, a place inside the
// entry) ranks first and raises the score; a broad ancestor (a country) or a place inside a
// broad entry (a village of a governorate) counts only after prominence, and raises nothing.
TEST(ExtractorResolveTest, CloseAndBroadRelativesNamedNearby) {
  testing::TempDir dir;
  auto ex = CreateWithTable(
      &dir,
      "id\ttype\tsubtype\tname_ar\tname_en\taliases\tcountry\tparent\tprominence\n"
      "place:sy\tPLACE\tcountry\tسوريا\tSyria\t\tSY\t\t\n"
      "place:xx\tPLACE\tcountry\tبلاد بعيدة\tFar Country\t\tXX\t\t\n"
      "place:homs-gov\tPLACE\tgovernorate\tحمص\tHoms Governorate\t\tSY\tplace:sy\t90\n"
      "place:homs\tPLACE\tcity\tحمص\tHoms\t\tSY\tplace:homs-gov\t85\n"
      "place:talbiseh\tPLACE\ttown\tتلبيسة\tTalbiseh\t\tSY\tplace:homs-gov\t\n"
      "place:waer\tPLACE\tneighbourhood\tالوعر\tAl-Waer\t\tSY\tplace:homs\t\n"
      "place:tadmur-sy\tPLACE\tcity\tتدمر\tPalmyra\t\tSY\tplace:sy\t60\n"
      "place:tadmur-xx\tPLACE\tcity\tتدمر\tTadmur (far)\t\tXX\tplace:xx\t60\n");
  ASSERT_TRUE(ex.ok()) << ex.status();
  auto find = [&](const std::string& text, std::string_view surface) {
    auto es = (*ex)->Extract(text);
    EXPECT_TRUE(es.ok());
    for (const Entity& e : *es) {
      if (e.text == surface) return std::make_pair(std::string(e.id), e.score);
    }
    return std::make_pair(std::string("none"), 0.0);
  };
  // A neighbourhood of the city: the city, with the context bonus (0.90 + 0.03).
  auto r = find("حي الوعر في حمص", "حمص");
  EXPECT_EQ(r.first, "place:homs");
  EXPECT_DOUBLE_EQ(r.second, 0.93);
  // A town of the governorate only: not close to the (broad) governorate, so prominence
  // decides, and the score keeps the namesake penalty (0.90 − 0.05).
  r = find("تلبيسة وحمص", "حمص");
  EXPECT_EQ(r.first, "place:homs-gov");
  EXPECT_DOUBLE_EQ(r.second, 0.85);
  // The country of one namesake: broad, so no bonus, but it breaks their tie of prominence,
  // for either of them (without it, place:tadmur-sy would win the tie by its id).
  r = find("سوريا وتدمر", "تدمر");
  EXPECT_EQ(r.first, "place:tadmur-sy");
  EXPECT_DOUBLE_EQ(r.second, 0.85);
  r = find("بلاد بعيدة وتدمر", "تدمر");
  EXPECT_EQ(r.first, "place:tadmur-xx");
  EXPECT_DOUBLE_EQ(r.second, 0.85);
}

TEST(ExtractorEmbeddedTest, EmbeddedGazetteerLoadsAndFindsCoreNames) {
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  EXPECT_GT((*ex)->stats().entries, 1000u);
  auto es = (*ex)->Extract("سيطرت قوات سوريا الديمقراطية على الرقة بدعم من التحالف الدولي");
  ASSERT_TRUE(es.ok());
  std::vector<std::string> texts;
  for (const Entity& e : *es) texts.emplace_back(e.text);
  EXPECT_EQ(texts, (V{"قوات سوريا الديمقراطية", "الرقة", "التحالف الدولي"}));
}

}  // namespace
}  // namespace alam
