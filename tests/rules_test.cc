// The context rules of data/rules.tsv, each family and each trap, over a small gazetteer;
// namesakes by parent; document consistency.
#include <deque>
#include <string>
#include <vector>

#include "alam/extractor.h"
#include "gtest/gtest.h"
#include "test_gazetteer.h"
#include "test_util.h"

namespace alam {
namespace {

class RulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ExtractorOptions opt;
    opt.use_embedded_data = false;
    opt.gazetteer_files = {dir_.Write("table.tsv", testing::kTestTable),
                           dir_.Write("ambiguous.tsv", testing::kTestAmbiguity),
                           dir_.Write("triggers.tsv", testing::kTestTriggers),
                           std::string(ALAM_SOURCE_DIR) + "/data/stopwords.tsv"};
    opt.rule_files = {std::string(ALAM_SOURCE_DIR) + "/data/rules.tsv"};
    auto ex = Extractor::Create(opt);
    ASSERT_TRUE(ex.ok()) << ex.status();
    ex_ = std::move(*ex);
  }

  // "surface|TYPE|source" for each entity.
  std::vector<std::string> Run(const std::string& input) {
    const std::string& text = texts_.emplace_back(input);
    auto r = ex_->Extract(text);
    EXPECT_TRUE(r.ok()) << r.status();
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const Entity& e : *r) {
      EXPECT_EQ(text.substr(e.byte_start, e.byte_end - e.byte_start), e.text);
      out.push_back(std::string(e.text) + "|" + std::string(EntityTypeName(e.type)) + "|" +
                    std::string(e.source));
    }
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<Extractor> ex_;
  std::deque<std::string> texts_;
};

using V = std::vector<std::string>;

TEST_F(RulesTest, PlaceAfterDescriptor) {
  EXPECT_EQ(Run("سيطرت القوات على قرية الحمرات"), V{"الحمرات|PLACE|rule:place-after-village-word"});
  EXPECT_EQ(Run("دخلوا بلدة تل أبيض"), V{"تل أبيض|PLACE|rule:place-after-town-word"});
  EXPECT_EQ(Run("في قرية الباغوز فوقاني شرقا"), V{"الباغوز فوقاني|PLACE|rule:place-after-village-word"});
  EXPECT_EQ(Run("مخيم الركبان"), V{"الركبان|PLACE|rule:place-after-camp-word"});
  EXPECT_EQ(Run("وفي حي الوعر"), V{"الوعر|PLACE|rule:place-after-neighbourhood-word"});
  EXPECT_EQ(Run("من معبر باب الهوى"), V{"باب الهوى|PLACE|rule:place-after-crossing-word"});
}

TEST_F(RulesTest, PlaceRuleTraps) {
  EXPECT_TRUE(Run("هذه مدينة كبيرة جدا").empty());
  EXPECT_TRUE(Run("في قرية في الريف").empty());
  EXPECT_TRUE(Run("وهو حي يرزق").empty());          // حي = alive: a neighbourhood needs ال
  EXPECT_TRUE(Run("قرية، ثم").empty());             // never past punctuation
  EXPECT_TRUE(Run("آخر مدينة قال إنها").empty());   // a verb is not a name
  EXPECT_TRUE(Run("قرية\nالحمرات").empty());        // never across a line
}

TEST_F(RulesTest, PersonAfterTitleOrOffice) {
  EXPECT_EQ(Run("قال الرئيس الفرنسي إيمانويل ماكرون"),
            V{"إيمانويل ماكرون|PERSON|rule:person-after-president"});
  EXPECT_EQ(Run("وصرح وزير الخارجية الأمريكي ريكس تيلرسون"),
            V{"ريكس تيلرسون|PERSON|rule:person-minister"});
  EXPECT_EQ(Run("قال المتحدث باسم البنتاغون جيف ديفيس"),
            V{"جيف ديفيس|PERSON|rule:person-spokesperson"});
  EXPECT_EQ(Run("قتل العميد عصام زهر"), V{"عصام زهر|PERSON|rule:person-after-brigadier"});
  EXPECT_EQ(Run("ظهر أبو محمد الجولاني"), V{"أبو محمد الجولاني|PERSON|rule:person-kunya"});
}

TEST_F(RulesTest, PersonRuleTraps) {
  EXPECT_TRUE(Run("الرئيس السوري قال إن").empty());
  EXPECT_TRUE(Run("المتحدث باسم وزارة الدفاع").empty());
  EXPECT_TRUE(Run("اللواء الثامن").empty());  // a brigade, not a general
  EXPECT_TRUE(Run("أبو الطفل").empty());
}

TEST_F(RulesTest, FactionInQuotesAfterDescriptor) {
  EXPECT_EQ(Run("فصيل \"أحرار الشرقية\" المدعوم"),
            V{"أحرار الشرقية|FACTION|rule:faction-quoted-after-faction"});
  EXPECT_EQ(Run("لواء «صقور الجبل»"), V{"صقور الجبل|FACTION|rule:faction-quoted-after-brigade"});
  EXPECT_TRUE(Run("فصيل مسلح").empty());
}

TEST_F(RulesTest, ForcesByNationality) {
  EXPECT_EQ(Run("قصفت القوات الروسية"), V{"القوات الروسية|FACTION|rule:forces-by-nationality"});
  EXPECT_EQ(Run("وتقدم الجيش التركي"), V{"الجيش التركي|FACTION|rule:army-by-nationality"});
  EXPECT_TRUE(Run("القوات الخاصة والجيش الحر").empty());
}

TEST_F(RulesTest, RulesNeverOverrideTheGazetteer) {
  EXPECT_EQ(Run("قال الرئيس بشار الأسد"), V{"بشار الأسد|PERSON|alias"});
  EXPECT_EQ(Run("قرية حلب"), V{"حلب|PLACE|alias"});
}

TEST_F(RulesTest, DesignationsOfIsByTrigger) {
  EXPECT_EQ(Run("عناصر تنظيم الدولة"), V{"الدولة|FACTION|alias"});
  EXPECT_EQ(Run("تنظيم “الدولة”"), V{"الدولة|FACTION|alias"});
  EXPECT_TRUE(Run("مؤسسات الدولة").empty());
}

TEST_F(RulesTest, NamesakesPreferTheOneWhoseParentIsNamed) {
  auto es = ex_->Extract("تقدمت القوات في حلب وسيطرت على الكرامة");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[1].id, "place:karama-aleppo");
  EXPECT_EQ((*es)[1].alternatives, 1u);
  es = ex_->Extract("دخلت القوات الرقة ثم الكرامة");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[1].id, "place:karama-raqqa");
}

TEST_F(RulesTest, LaterSurnameLinksToThePersonNamedInFull) {
  auto es = ex_->Extract("التقى بشار الأسد الوفد، وقال الأسد إن");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[1].text, "الأسد");
  EXPECT_EQ((*es)[1].id, "person:bashar");
  EXPECT_EQ((*es)[1].source, "rule:surname-after-full-name");
  es = ex_->Extract("وقال الأسد إن");  // no full name earlier: a lion is not a person
  ASSERT_TRUE(es.ok());
  EXPECT_TRUE(es->empty());
  es = ex_->Extract("وقال الأسد إن بشار الأسد");  // only after the full name
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 1u);
  EXPECT_EQ((*es)[0].source, "alias");
}

}  // namespace
}  // namespace alam
