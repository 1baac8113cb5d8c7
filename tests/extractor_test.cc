// The extractor end to end on a small gazetteer: clitics, boundaries, leftmost-longest,
// gating, namesakes, offsets, errors; then hostile input on the embedded data (invalid UTF-8,
// NUL, marks, mixed scripts, the size limit, huge documents).
#include "alam/extractor.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "alam/normalizer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "robustness_util.h"
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

// A hashtag's words joined by underscores name what the words name, and the span is the
// hashtag's words as written (not the #).
TEST_F(ExtractorTest, HashtagWordsJoinedByUnderscores) {
  auto es = Run("هاجمت #قوات_سوريا_الديمقراطية مدينة #الرقة");
  ASSERT_EQ(es.size(), 2u);
  EXPECT_EQ(es[0].text, "قوات_سوريا_الديمقراطية");
  EXPECT_EQ(es[0].type, EntityType::kFaction);
  EXPECT_EQ(es[1].text, "الرقة");
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

// One hyphen or en dash between the words of a name, with or without spaces, joins them as a
// space does (كيم جونغ-أون، الجبهة الشعبية – القيادة العامة); the span keeps it as written.
TEST_F(ExtractorTest, MultiWordNamesAcrossOneHyphen) {
  EXPECT_EQ(Surfaces("في دير-الزور"), V{"دير-الزور"});
  EXPECT_EQ(Surfaces("في دير - الزور"), V{"دير - الزور"});
  EXPECT_EQ(Surfaces("في دير- الزور"), V{"دير- الزور"});
  EXPECT_EQ(Surfaces("في دير \u2013 الزور"), V{"دير \u2013 الزور"});
  EXPECT_EQ(Surfaces("في دير\u2010الزور"), V{"دير\u2010الزور"});
  EXPECT_TRUE(Surfaces("دير -- الزور").empty());
  EXPECT_TRUE(Surfaces("دير -، الزور").empty());
  EXPECT_TRUE(Surfaces("دير / الزور").empty());
  EXPECT_TRUE(Surfaces("دير \u2014 الزور").empty());  // an em dash parts clauses
  // A hyphen between two names leaves both (no alias holds the two words).
  EXPECT_EQ(Surfaces("طريق الرقة-دير الزور"), (V{"الرقة", "دير الزور"}));
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
  EXPECT_EQ(Surfaces("تهديد «القاعدة». من جهتهم"), V{"القاعدة"});
  EXPECT_TRUE(Surfaces("هذه القاعدة. من جهتهم").empty());
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
  // After a definite noun with its proclitics too (بالعاصمة، للقنصلية، وللقوات).
  EXPECT_TRUE(Surfaces("في مؤتمر صحفي بالعاصمة السعودية").empty());
  EXPECT_TRUE(Surfaces("بعد دخوله للقنصلية السعودية في").empty());
  EXPECT_EQ(Surfaces("وصل إلى السعودية"), V{"السعودية"});
  EXPECT_EQ(Surfaces("الحرب في سورية"), V{"سورية"});
  EXPECT_EQ(Surfaces("المملكة العربية السعودية"), V{"المملكة العربية السعودية"});
  // The masculine accusative adjective after a counted noun: "320 Syrian refugees".
  EXPECT_TRUE(Surfaces("شملت 320 لاجئا سوريا في").empty());
  EXPECT_TRUE(Surfaces("شملت ٣٢٠ لاجئاً سوريا في").empty());
  EXPECT_EQ(Surfaces("زار مؤخرا سوريا"), V{"سوريا"});          // an adverb, no number
  EXPECT_EQ(Surfaces("العملية التي تشنها سوريا"), V{"سوريا"});  // the pronoun ها
}

TEST_F(ExtractorTest, QuotedNamesakePrefersTheOutletOverThePlace) {
  auto es = Run("التوتر في الشرق الأوسط");
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].id, "place:middle-east");
  es = Run("وقال لـ«الشرق الأوسط» إن");
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].id, "org:asharq-al-awsat");
  EXPECT_EQ(es[0].text, "الشرق الأوسط");
  // Also when punctuation follows the closing mark (no quote gap to the next word then).
  for (const char* text : {"وقال لـ«الشرق الأوسط»: إن", "وقال لـ«الشرق الأوسط»، إن",
                           "وقال لـ\"الشرق الأوسط\". إن"}) {
    es = Run(text);
    ASSERT_EQ(es.size(), 1u) << text;
    EXPECT_EQ(es[0].id, "org:asharq-al-awsat") << text;
  }
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

// The historical people opinion pieces cite are people, not the villages of their names:
// المتنبي the poet (a village of al-Hasakah after قرية), ابن تيمية، هارون الرشيد.
TEST(ExtractorEmbeddedTest, HistoricalPeopleAreNotVillages) {
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  auto ids = [&](std::string_view text) {
    std::vector<std::string> out;
    auto es = (*ex)->Extract(text);
    EXPECT_TRUE(es.ok()) << es.status();
    if (es.ok()) {
      for (const Entity& e : *es) out.emplace_back(e.id);
    }
    return out;
  };
  EXPECT_EQ(ids("كما قال المتنبي ذات يوم"), (V{"person:al-mutanabbi"}));
  EXPECT_EQ(ids("فتاوى ابن تيمية وعصر هارون الرشيد"),
            (V{"person:ibn-taymiyya", "person:harun-al-rashid"}));
  EXPECT_EQ(ids("في قرية المتنبي بريف الحسكة"),
            (V{"place:SY080400-almtnby", "place:SY080000-al7skh"}));
}

}  // namespace
}  // namespace alam

// ---- Hostile input (was tests/hardening/hostile_input_test.cc) ----
//
// Hostile input: every class of invalid UTF-8, NUL bytes, bidi and zero-width marks, mixed
// scripts, a 100 MB single-line document, a million tiny documents, one name a million
// times, and the document size limit. Each test states the input class and the result that
// the hostile-input matrix of issue 7 records.
namespace alam::robust {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kMosul = "الموصل";     // place:iq-mosul, unambiguous
constexpr std::string_view kDamascus = "دمشق";    // place:SY01
constexpr std::string_view kRaqqa = "الرقة";

struct BadUtf8 {
  std::string what;
  std::string bytes;  // the invalid sequence, inserted between two names
  size_t bad_offset;  // offset of the first bad byte within `bytes`
};

std::vector<BadUtf8> BadUtf8Classes() {
  std::vector<BadUtf8> v = {
      {"truncated 2-byte sequence", "\xD8", 0},
      {"truncated 2-byte sequence before ASCII", "\xD9" "a", 0},
      {"truncated 3-byte sequence", "\xE2\x80", 0},
      {"truncated 4-byte sequence", "\xF0\x9F\x98", 0},
      {"overlong 2-byte (C0)", "\xC0\xAF", 0},
      {"overlong 2-byte (C1)", "\xC1\xBF", 0},
      {"overlong 3-byte", "\xE0\x80\xAF", 0},
      {"overlong 3-byte NUL", "\xE0\x80\x80", 0},
      {"overlong 4-byte", "\xF0\x80\x80\xAF", 0},
      {"surrogate high", "\xED\xA0\x80", 0},
      {"surrogate low", "\xED\xBF\xBF", 0},
      {"surrogate pair as CESU-8", "\xED\xA0\xBD\xED\xB8\x80", 0},
      {"above U+10FFFF (F4 90)", "\xF4\x90\x80\x80", 0},
      {"stray continuation 80", "\x80", 0},
      {"stray continuation BF", "\xBF", 0},
      {"continuation after valid char", "\xD8\xA7\x80", 2},
      {"lead byte followed by lead byte", "\xD8\xD8\xA7", 0},
  };
  for (int b = 0xF5; b <= 0xFF; ++b) {
    char name[32];
    std::snprintf(name, sizeof name, "byte %02X", b);
    v.push_back({name, std::string(1, static_cast<char>(b)), 0});
  }
  return v;
}

TEST(InvalidUtf8Test, EveryClassIsInvalidArgumentNamingTheByte) {
  for (const BadUtf8& c : BadUtf8Classes()) {
    SCOPED_TRACE(c.what);
    const std::string prefix = std::string(kMosul) + " ";
    const std::string text = prefix + c.bytes + " " + std::string(kDamascus);
    const size_t at = prefix.size() + c.bad_offset;
    std::string out = "x";
    OffsetMap map;
    const absl::Status s = Normalize(text, &out, &map);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Msg(s), HasSubstr("byte " + std::to_string(at)));
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(text[at]));
    EXPECT_THAT(Msg(s), HasSubstr(hex));
    EXPECT_TRUE(out.empty());
    EXPECT_TRUE(map.anchors().empty());

    auto ents = Default().Extract(text);
    EXPECT_EQ(ents.status().code(), absl::StatusCode::kInvalidArgument);
    if (!ents.ok()) {
      EXPECT_THAT(Msg(ents.status()), HasSubstr("byte " + std::to_string(at)));
    }
  }
}

TEST(InvalidUtf8Test, RepairKeepsNamesAndSpansSliceExactly) {
  for (const BadUtf8& c : BadUtf8Classes()) {
    SCOPED_TRACE(c.what);
    // The bad bytes alone, glued to a name, and between names. (Glued only when the class's
    // bytes hold no letter, which would make one word with the name.)
    const std::string glue = c.bytes.find_first_of("a\xA7") == std::string::npos ? c.bytes : " ";
    const std::string text = std::string(kMosul) + " " + c.bytes + " " + std::string(kDamascus) +
                             " " + glue + std::string(kMosul) + glue + " و" +
                             std::string(kMosul);
    auto ents = Repairing().Extract(text);
    ASSERT_TRUE(ents.ok()) << ents.status();
    ExpectSpansSliceExactly(text, *ents);
    EXPECT_EQ(Texts(*ents), (std::vector<std::string>{std::string(kMosul), std::string(kDamascus),
                                                       std::string(kMosul), std::string(kMosul)}));
    // The normalizer's map sends every U+FFFD back to one original byte.
    std::string norm;
    OffsetMap map;
    NormalizeOptions repair;
    repair.repair_invalid_utf8 = true;
    ASSERT_TRUE(Normalize(text, &norm, &map, repair).ok());
    for (size_t k = norm.find("\xEF\xBF\xBD"); k != std::string::npos;
         k = norm.find("\xEF\xBF\xBD", k + 3)) {
      const size_t s = map.ToOriginalStart(k), e = map.ToOriginalEnd(k + 3);
      EXPECT_EQ(e, s + 1) << "U+FFFD at " << k;
    }
  }
}

TEST(NulTest, NulIsAnOrdinaryCharacter) {
  using namespace std::string_literals;
  const std::string text = "\0"s + std::string(kMosul) + "\0"s + std::string(kDamascus) +
                           "\0\0 "s + std::string(kRaqqa) + " \0"s + "في " +
                           std::string(kMosul) + "\0"s;
  ASSERT_EQ(text.find('\0'), 0u);
  std::string norm;
  ASSERT_TRUE(Normalize(text, &norm, nullptr).ok());
  EXPECT_EQ(std::count(norm.begin(), norm.end(), '\0'), 6);
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok()) << ents.status();
  ExpectSpansSliceExactly(text, *ents);
  ASSERT_EQ(ents->size(), 4u);
  EXPECT_EQ((*ents)[0].byte_start, 1u);
  EXPECT_EQ((*ents)[0].start, 1u);
  EXPECT_EQ((*ents)[1].text, kDamascus);
  EXPECT_EQ((*ents)[1].byte_start, 2 + kMosul.size());
  EXPECT_EQ((*ents)[1].start, 8u);  // NUL + 6 letters + NUL
  EXPECT_EQ((*ents)[3].text, kMosul);
  EXPECT_EQ((*ents)[3].byte_end, text.size() - 1);
}

TEST(MarksTest, BidiAndZeroWidthMarksAroundAndInsideNames) {
  // U+200F RLM, U+200E LRM, U+202B RLE, U+202C PDF, U+2067 RLI, U+2069 PDI, U+200B ZWSP,
  // U+200C ZWNJ, U+200D ZWJ, U+FEFF BOM, U+061C ALM, U+2060 WJ, U+00AD soft hyphen.
  const std::string text =
      "\xEF\xBB\xBF\u200f\u0641\u064a\u200e \u202b" + std::string(kMosul) + "\u202c \u2067" +
      std::string(kDamascus) + "\u2069 \u0627\u0644\u0645\u0648\u200b\u0635\u200c\u0644 "
      "\u0627\u0644\u0631\u200d\u0642\u0629\u061c \u2060\u0627\u0644\u0645\u0648\u0635\u00ad"
      "\u0644\u2060 \u0627\u0644\u0640\u0645\u0640\u0648\u0635\u064e\u0644\u0650.";
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok()) << ents.status();
  ExpectSpansSliceExactly(text, *ents);
  EXPECT_EQ(Texts(*ents),
            (std::vector<std::string>{
                std::string(kMosul), std::string(kDamascus),
                "\u0627\u0644\u0645\u0648\u200b\u0635\u200c\u0644",  // inner marks inside
                "\u0627\u0644\u0631\u200d\u0642\u0629",               // trailing ALM outside
                "\u0627\u0644\u0645\u0648\u0635\u00ad\u0644",         // WJ outside, SHY inside
                "\u0627\u0644\u0640\u0645\u0640\u0648\u0635\u064e\u0644\u0650",  // tatweel, kasra
            }));
}

TEST(MarksTest, TextMadeOnlyOfMarks) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "\u200f\u200b\u2067\u2069\uFEFF\u064b";
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok());
  EXPECT_TRUE(ents->empty());
  std::string norm;
  OffsetMap map;
  ASSERT_TRUE(Normalize(text, &norm, &map).ok());
  EXPECT_TRUE(norm.empty());
  EXPECT_EQ(map.ToOriginalStart(0), text.size());
}

TEST(MixedScriptsTest, LatinCyrillicCjkEmojiAroundArabicNames) {
  const std::string text =
      "Москва и 北京市 😀 " + std::string(kMosul) + " 🇸🇾🇮🇶 Ελλάδα " + std::string(kDamascus) +
      "😀 ＡＢＣ 𝔸𝕣𝕒𝕓 " + std::string(kRaqqa) + "، 東京 in ISIS-held " + std::string(kMosul) +
      "\U0001F1F8\U0001F1FE";
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok()) << ents.status();
  ExpectSpansSliceExactly(text, *ents);
  std::vector<std::string> arabic;
  for (const Entity& e : *ents) {
    if (e.text == kMosul || e.text == kDamascus || e.text == kRaqqa) arabic.emplace_back(e.text);
  }
  EXPECT_EQ(arabic, (std::vector<std::string>{std::string(kMosul), std::string(kDamascus),
                                              std::string(kRaqqa), std::string(kMosul)}));
  // Code points, not UTF-16 units: the emoji before the first name is one code point.
  const size_t mosul = text.find(kMosul);
  ASSERT_EQ(ents->front().byte_start, mosul);
  EXPECT_EQ(ents->front().start, 15u);  // Москва(6) и(1) 北京市(3) 😀(1) and 4 spaces
}

TEST(LimitsTest, DocumentOverMaxDocumentBytesIsOutOfRange) {
  ExtractorOptions o;
  o.max_document_bytes = 100;
  auto ex = Extractor::Create(o);
  ASSERT_TRUE(ex.ok());
  std::string text(100, ' ');
  text.replace(0, kMosul.size(), kMosul);
  auto ok = (*ex)->Extract(text);
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->size(), 1u);
  text.push_back('a');
  auto too_big = (*ex)->Extract(text);
  EXPECT_EQ(too_big.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(Msg(too_big.status()), HasSubstr("101"));
  // The limit is checked before UTF-8 validation: an oversized invalid document is still
  // out of range, not invalid.
  text.back() = '\xFF';
  EXPECT_EQ((*ex)->Extract(text).status().code(), absl::StatusCode::kOutOfRange);
}

// A document of `target` bytes on one line, made of real news text repeated.
std::string HugeLine(size_t target, std::string* unit_out) {
  std::string unit = ReadAll(std::string(ALAM_SOURCE_DIR) + "/data/sample/001_4e3d15a02d7a4506.txt");
  EXPECT_FALSE(unit.empty()) << "sample article not found under " << ALAM_SOURCE_DIR;
  if (unit.empty()) {
    unit = "قصفت الطائرات مدينة الرقة وريف دمشق، وقالت مصادر في الموصل إن الاشتباكات مستمرة. ";
  }
  for (char& c : unit) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  unit += ' ';
  std::string text;
  text.reserve(target + unit.size());
  while (text.size() + unit.size() <= target) text += unit;
  *unit_out = unit;
  return text;
}

TEST(HugeTest, HundredMegabyteSingleLineDocument) {
  const size_t target = kSanitized ? (size_t{20} << 20) : (size_t{100} << 20);
  std::string unit;
  const std::string text = HugeLine(target, &unit);
  ASSERT_EQ(text.find('\n'), std::string::npos);
  auto unit_ents = Default().Extract(unit);
  ASSERT_TRUE(unit_ents.ok());
  ASSERT_FALSE(unit_ents->empty());
  const size_t copies = text.size() / unit.size();

  auto scratch = Default().NewScratch();
  std::vector<Entity> ents;
  const auto t0 = std::chrono::steady_clock::now();
  const absl::Status s = Default().Extract(text, scratch.get(), &ents);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(s.ok()) << s;
  std::printf("%zu bytes, %zu entities in %.2f s (%.1f MB/s)\n", text.size(), ents.size(), secs,
              static_cast<double>(text.size()) / 1e6 / secs);
  ExpectSpansSliceExactly(text, ents);
  // Context may let more ambiguous names fire across copies, never fewer entities per copy.
  EXPECT_GE(ents.size(), copies * unit_ents->size() * 9 / 10);
  EXPECT_LE(ents.size(), copies * unit_ents->size() * 3 / 2);
  // The last copy's entities sit at the last copy's offsets.
  const size_t last = (copies - 1) * unit.size();
  EXPECT_GE(ents.back().byte_start, last);
  // No time limit here: speed is measured in bench/, not asserted in tests (a loaded machine
  // took 50 s once).
}

TEST(HugeTest, MillionTinyDocumentsThroughExtractBatch) {
  const size_t n = 1000000;
  // Document i names Mosul, Damascus or nothing by i % 3, carries i in digits, and every
  // 1000th is invalid UTF-8, so that order and count can be checked one by one.
  std::vector<std::string> docs(n);
  for (size_t i = 0; i < n; ++i) {
    std::string& d = docs[i];
    d = "خبر " + std::to_string(i) + " ";
    if (i % 3 == 0) d += kMosul;
    if (i % 3 == 1) d += kDamascus;
    if (i % 1000 == 999) d += "\xFF";
  }
  std::vector<std::string_view> views(docs.begin(), docs.end());
  std::vector<std::vector<Entity>> out;
  std::vector<absl::Status> statuses;
  const auto t0 = std::chrono::steady_clock::now();
  Default().ExtractBatch(views, 0, &out, &statuses);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%zu documents in %.2f s\n", n, secs);
  ASSERT_EQ(out.size(), n);
  ASSERT_EQ(statuses.size(), n);
  size_t failures = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i % 1000 == 999) {
      ASSERT_EQ(statuses[i].code(), absl::StatusCode::kInvalidArgument) << i;
      ASSERT_TRUE(out[i].empty()) << i;
      ++failures;
      continue;
    }
    ASSERT_TRUE(statuses[i].ok()) << i << ": " << statuses[i];
    const size_t expected = i % 3 == 2 ? 0 : 1;
    ASSERT_EQ(out[i].size(), expected) << i;
    if (expected == 1) {
      ASSERT_EQ(out[i][0].text.data(), docs[i].data() + docs[i].size() - out[i][0].text.size());
      ASSERT_EQ(out[i][0].text, i % 3 == 0 ? kMosul : kDamascus) << i;
    }
  }
  EXPECT_EQ(failures, n / 1000);
}

void ExpectMillionTimes(std::string_view sep) {
  const size_t n = 1000000;
  std::string text;
  text.reserve(n * (kMosul.size() + sep.size()));
  for (size_t i = 0; i < n; ++i) {
    text += kMosul;
    text += sep;
  }
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok()) << ents.status();
  ASSERT_EQ(ents->size(), n);
  const size_t stride = kMosul.size() + sep.size();
  const size_t cp_stride = 6 + fuzz::Boundaries(sep).cp_index[sep.size()];
  for (size_t i = 0; i < n; ++i) {
    const Entity& e = (*ents)[i];
    ASSERT_EQ(e.byte_start, i * stride) << i;
    ASSERT_EQ(e.start, i * cp_stride) << i;
    ASSERT_EQ(e.id, "place:iq-mosul") << i;
  }
}

TEST(HugeTest, OneNameRepeatedAMillionTimesSpaceSeparated) { ExpectMillionTimes(" "); }
TEST(HugeTest, OneNameRepeatedAMillionTimesCommaSeparated) { ExpectMillionTimes("، "); }
TEST(HugeTest, OneNameRepeatedAMillionTimesWithProclitic) {
  // "الموصل والموصل والموصل …": the span excludes the و.
  const size_t n = 1000000;
  std::string text;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) text += " و";
    text += kMosul;
  }
  auto ents = Default().Extract(text);
  ASSERT_TRUE(ents.ok());
  ASSERT_EQ(ents->size(), n);
  ExpectSpansSliceExactly(text, *ents);
  for (const Entity& e : *ents) ASSERT_EQ(e.text, kMosul);
}

TEST(HugeTest, OneGiantWordAndOneGiantRunOfPunctuation) {
  const std::string word(size_t{8} << 20, 'a');
  auto a = Default().Extract(word);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->empty());
  std::string arabic;
  for (int i = 0; i < 1 << 20; ++i) arabic += "\u0628";  // ب × 1M, no spaces
  auto b = Default().Extract(arabic);
  ASSERT_TRUE(b.ok());
  std::string punct(size_t{8} << 20, '.');
  punct += std::string(kMosul);
  auto c = Default().Extract(punct);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->size(), 1u);
  EXPECT_EQ(c->front().byte_start, size_t{8} << 20);
}

}  // namespace
}  // namespace alam::robust
