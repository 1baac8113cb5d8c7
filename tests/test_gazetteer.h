// A small gazetteer for unit tests: real names, a few namesakes and an ambiguous alias.
#ifndef ALAM_TESTS_TEST_GAZETTEER_H_
#define ALAM_TESTS_TEST_GAZETTEER_H_

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "alam/extractor.h"
#include "gtest/gtest.h"
#include "test_util.h"

namespace alam::testing {

inline constexpr char kTestTable[] =
    "id\ttype\tsubtype\tname_ar\tname_en\taliases\tcountry\tparent\tprominence\n"
    "place:sy\tPLACE\tcountry\tسوريا\tSyria\tسورية\tSY\t\t\n"
    "place:raqqa-gov\tPLACE\tgovernorate\tالرقة\tRaqqa Governorate\t\tSY\tplace:sy\t\n"
    "place:raqqa\tPLACE\tcity\tالرقة\tRaqqa\t\tSY\tplace:raqqa-gov\t\n"
    "place:raqqa-sinaa\tPLACE\tneighbourhood\tالصناعة\tAl-Sinaa\t\tSY\tplace:raqqa\t\n"
    "place:aleppo\tPLACE\tcity\tحلب\tAleppo\t\tSY\tplace:sy\t\n"
    "place:deir\tPLACE\tcity\tدير الزور\tDeir ez-Zor\t\tSY\tplace:sy\t\n"
    "place:hasakah-gov\tPLACE\tgovernorate\tالحسكة\tAl-Hasakah Governorate\t\tSY\tplace:sy\t\n"
    "place:hasakah\tPLACE\tcity\tالحسكة\tAl-Hasakah\t\tSY\tplace:hasakah-gov\t\n"
    "place:lb\tPLACE\tcountry\tلبنان\tLebanon\t\tLB\t\t\n"
    "faction:sdf\tFACTION\tarmed_group\tقوات سوريا الديمقراطية\tSyrian Democratic Forces\tقسد|قوات سورية الديمقراطية\tSY\t\t\n"
    "faction:isis\tFACTION\tjihadist_group\tالدولة الإسلامية\tIslamic State\tداعش|الدولة\tSY\t\t\n"
    "org:cnn\tORGANIZATION\tmedia\tسي إن إن\tCNN\tCNN\tUS\t\t\n"
    "person:putin\tPERSON\tpolitician\tفلاديمير بوتين\tVladimir Putin\tبوتين\tRU\t\t\n"
    "person:bashar\tPERSON\tpolitician\tبشار الأسد\tBashar al-Assad\t\tSY\t\t\n"
    "person:hollande\tPERSON\tpolitician\tفرانسوا هولاند\tFrançois Hollande\tهولاند\tFR\t\t\n"
    "person:maliki\tPERSON\tpolitician\tنوري المالكي\tNouri al-Maliki\tالمالكي\tIQ\t\t\n"
    "place:damascus\tPLACE\tcity\tدمشق\tDamascus\t\tSY\tplace:sy\t\n"
    "place:rif-dimashq\tPLACE\tgovernorate\tريف دمشق\tRif Dimashq\t\tSY\tplace:sy\t\n"
    "place:damascus-malki\tPLACE\tneighbourhood\tالمالكي\tAl-Malki\t\tSY\tplace:damascus\t\n"
    "place:karama-raqqa\tPLACE\tvillage\tالكرامة\tAl-Karama (Raqqa)\t\tSY\tplace:raqqa\t\n"
    "place:karama-aleppo\tPLACE\tvillage\tالكرامة\tAl-Karama (Aleppo)\t\tSY\tplace:aleppo\t\n"
    "place:middle-east\tPLACE\tregion\tالشرق الأوسط\tMiddle East\t\t\t\t\n"
    "org:asharq-al-awsat\tORGANIZATION\tmedia\tصحيفة الشرق الأوسط\tAsharq Al-Awsat\tالشرق الأوسط\tSA\t\t40\n"
    "place:sa\tPLACE\tcountry\tالسعودية\tSaudi Arabia\tالمملكة العربية السعودية\tSA\t\t\n"
    "faction:aq\tFACTION\tjihadist_group\tالقاعدة\tal-Qaeda\t\t\t\t\n"
    "faction:nusra\tFACTION\tjihadist_group\tجبهة النصرة\tal-Nusra Front\tالنصرة\tSY\tfaction:aq\t\n";

inline constexpr char kTestAmbiguity[] =
    "alias\tclass\tevidence\n"
    "الصناعه\tcommon\ttest\n"
    "الدوله\tcommon\ttest\n"
    "القاعده\tcommon\ttest\n";

inline constexpr char kTestTriggers[] =
    "word\ttype\tsubtype\n"
    "حي\tPLACE\tneighbourhood\n"
    "محافظة\tPLACE\tgovernorate\n"
    "مدينة\tPLACE\tcity\n"
    "قرية\tPLACE\tvillage\n"
    "تنظيم\tFACTION\t\n";

// A fixture with an extractor over the small gazetteer above (no embedded data), optionally
// with the project's own rules, stopwords and given names; Run() keeps every text alive, since entities view
// the text they came from, and checks that each span slices it exactly.
class SmallGazetteerTest : public ::testing::Test {
 protected:
  // `more`: rows of another table in kTestTable's columns, loaded after it.
  void Build(bool with_rules, const std::string& more = {}) {
    ExtractorOptions opt;
    opt.use_embedded_data = false;
    opt.gazetteer_files = {dir_.Write("table.tsv", kTestTable),
                           dir_.Write("ambiguous.tsv", kTestAmbiguity),
                           dir_.Write("triggers.tsv", kTestTriggers)};
    if (!more.empty()) {
      const std::string_view table = kTestTable;
      opt.gazetteer_files.push_back(
          dir_.Write("more.tsv", std::string(table.substr(0, table.find('\n') + 1)) + more));
    }
    if (with_rules) {
      opt.gazetteer_files.push_back(std::string(ALAM_SOURCE_DIR) + "/data/stopwords.tsv");
      opt.gazetteer_files.push_back(std::string(ALAM_SOURCE_DIR) + "/data/common_words.tsv");
      opt.gazetteer_files.push_back(std::string(ALAM_SOURCE_DIR) + "/data/given_names.tsv");
      opt.rule_files = {std::string(ALAM_SOURCE_DIR) + "/data/rules.tsv"};
    }
    auto ex = Extractor::Create(opt);
    ASSERT_TRUE(ex.ok()) << ex.status();
    ex_ = std::move(*ex);
  }

  std::vector<Entity> Run(const std::string& input) {
    const std::string& text = texts_.emplace_back(input);
    auto r = ex_->Extract(text);
    EXPECT_TRUE(r.ok()) << r.status();
    if (!r.ok()) return {};
    for (const Entity& e : *r) {
      EXPECT_EQ(text.substr(e.byte_start, e.byte_end - e.byte_start), e.text);
    }
    return *r;
  }

  TempDir dir_;
  std::unique_ptr<Extractor> ex_;
  std::deque<std::string> texts_;
};

}  // namespace alam::testing

#endif  // ALAM_TESTS_TEST_GAZETTEER_H_
