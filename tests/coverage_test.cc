// The embedded gazetteer's coverage, pinned as minimums (the counts `alam stats` prints).
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "alam/extractor.h"
#include "gtest/gtest.h"

namespace alam {
namespace {

class CoverageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto ex = Extractor::Create();
    ASSERT_TRUE(ex.ok()) << ex.status();
    for (const auto& r : (*ex)->stats().rows) {
      by_type_[r.type] += r.entries;
      by_key_[r.type + "/" + r.subtype + "/" + r.country] += r.entries;
    }
  }
  static size_t Count(const std::string& type, const std::string& subtype, const std::string& country) {
    return by_key_[type + "/" + subtype + "/" + country];
  }
  static std::map<std::string, size_t> by_type_, by_key_;
};
std::map<std::string, size_t> CoverageTest::by_type_, CoverageTest::by_key_;

TEST_F(CoverageTest, SyrianAdminUnitsAndLocalities) {
  EXPECT_EQ(Count("PLACE", "governorate", "SY"), 14u);
  EXPECT_EQ(Count("PLACE", "district", "SY"), 62u);
  EXPECT_EQ(Count("PLACE", "subdistrict", "SY"), 272u);
  const size_t settlements = Count("PLACE", "city", "SY") + Count("PLACE", "town", "SY") +
                             Count("PLACE", "village", "SY");
  EXPECT_GE(settlements, 6150u);  // the 6,254 listed towns and villages, less the quarters
  EXPECT_GE(Count("PLACE", "neighbourhood", "SY"), 150u);
}

TEST_F(CoverageTest, IraqiAdminUnitsAndTowns) {
  EXPECT_EQ(Count("PLACE", "governorate", "IQ"), 18u);
  EXPECT_EQ(Count("PLACE", "district", "IQ"), 101u);
  EXPECT_EQ(Count("PLACE", "subdistrict", "IQ"), 294u);
  EXPECT_GE(Count("PLACE", "city", "IQ") + Count("PLACE", "town", "IQ") +
                Count("PLACE", "village", "IQ") + Count("PLACE", "neighbourhood", "IQ"),
            300u);
}

TEST_F(CoverageTest, CountriesAndFeatures) {
  size_t countries = 0, features = 0;
  for (const auto& [k, n] : by_key_) {
    if (k.rfind("PLACE/country/", 0) == 0) countries += n;
    for (const char* f : {"/river/", "/dam/", "/lake/", "/valley/", "/region/", "/crossing/",
                          "/camp/", "/airport/", "/base/", "/oilfield/"}) {
      if (k.rfind("PLACE", 0) == 0 && k.find(f) != std::string::npos) features += n;
    }
  }
  EXPECT_GE(countries, 195u);
  EXPECT_GE(features, 80u);
  size_t abroad = 0;  // places outside Syria and Iraq
  for (const auto& [k, n] : by_key_) {
    if (k.rfind("PLACE/", 0) == 0 && k.substr(k.size() - 3) != "/SY" &&
        k.substr(k.size() - 3) != "/IQ") {
      abroad += n;
    }
  }
  EXPECT_GE(abroad, 5000u);
}

TEST_F(CoverageTest, ActorsAndOperations) {
  EXPECT_GE(by_type_["FACTION"], 250u);
  EXPECT_GE(by_type_["PERSON"], 400u);
  EXPECT_GE(by_type_["ORGANIZATION"], 150u);
  EXPECT_GE(by_type_["OPERATION"], 40u);
}

TEST_F(CoverageTest, EveryCountryHasAPointAndStatsCountThem) {
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  size_t countries = 0;
  for (const auto& r : (*ex)->stats().rows) {
    EXPECT_LE(r.with_coordinates, r.entries) << r.type << "/" << r.subtype << "/" << r.country;
    EXPECT_LE(r.approximate, r.with_coordinates) << r.subtype << "/" << r.country;
    EXPECT_LE(r.with_wikidata, r.entries) << r.subtype << "/" << r.country;
    if (r.type == "PLACE" && r.subtype == "country") {
      EXPECT_EQ(r.with_coordinates, r.entries) << r.country;
      countries += r.entries;
    }
  }
  EXPECT_GE(countries, 195u);
  // The same counts, entry by entry: a country's point, Damascus' Wikidata id.
  const EntryInfo* us = (*ex)->FindEntry("place:us");
  ASSERT_NE(us, nullptr);
  EXPECT_TRUE(us->has_coordinates);
  const EntryInfo* damascus = (*ex)->FindEntry("place:SY010000-dmcq");
  ASSERT_NE(damascus, nullptr);
  EXPECT_EQ(damascus->wikidata, "Q3766");
}

// Each text gives exactly one entity, of the id paired with it (the embedded data).
void ExpectOneEntityEach(const std::vector<std::pair<std::string, std::string>>& cases) {
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  for (const auto& [text, id] : cases) {
    auto es = (*ex)->Extract(text);
    ASSERT_TRUE(es.ok()) << es.status();
    std::vector<std::string> ids;
    for (const Entity& e : *es) ids.emplace_back(e.id);
    EXPECT_EQ(ids, std::vector<std::string>{id}) << text;
  }
}

// A bare governorate capital is the city; with محافظة it is the governorate, with منطقة or
// قضاء the district.
TEST_F(CoverageTest, BareCapitalNamesLinkTheCity) {
  ExpectOneEntityEach({
      {"سيطرت الفصائل على إدلب", "place:SY070000-adlb"},
      {"سيطرت الفصائل على محافظة إدلب", "place:SY07"},
      {"سيطرت الفصائل على منطقة إدلب", "place:SY0700"},
      {"قصف في دمشق", "place:SY010000-dmcq"},
      {"قصف في محافظة دمشق", "place:SY01"},
      {"وصل إلى الرقة", "place:SY110100-alrqh"},
      {"معارك في محافظة الرقة", "place:SY11"},
      {"وصل إلى الموصل", "place:iq-mosul"},
      {"انفجار في بغداد", "place:iq-baghdad"},
      {"انفجار في محافظة بغداد", "place:IQG08"},
      {"هجوم في قضاء الموصل", "place:IQG15Q05"},
      {"قصف في مدينة حلب السورية", "place:SY020000-7lb"},  // السورية: an adjective after a place
  });
}

// Yemen's governorates named like their capitals (OCHA p-codes, data/overrides/
// ye_governorates.tsv): after محافظة the governorate, bare the city; a district sits under its
// governorate.
TEST_F(CoverageTest, YemensGovernoratesAndTheirCapitals) {
  ExpectOneEntityEach({
      {"اشتباكات في محافظة تعز", "place:YE15"},
      {"اشتباكات في تعز", "place:gn-70225"},
      {"غارات على محافظة الحديدة", "place:YE18"},
      {"وصل إلى عدن", "place:ye-aden"},
      {"معارك في محافظة الجوف اليمنية", "place:YE16"},
  });
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  const EntryInfo* e = (*ex)->FindEntry("place:YE2401");  // دار سعد
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->parent_id, "place:YE24");
  // and the capitals under their governorates (عدن، تعز)
  for (const auto& [city, governorate] : {std::pair<std::string, std::string>{"place:ye-aden",
                                                                             "place:YE24"},
                                          {"place:gn-70225", "place:YE15"}}) {
    const EntryInfo* c = (*ex)->FindEntry(city);
    ASSERT_NE(c, nullptr) << city;
    EXPECT_EQ(c->parent_id, governorate) << city;
  }
}

// Lebanon's districts and the border towns of the Syrian war (places_curated.tsv, 2026-12-07),
// under their governorates; al-Qaa is also "the bottom", gated.
TEST_F(CoverageTest, LebanonsDistrictsAndBorderTowns) {
  ExpectOneEntityEach({
      {"يقطنون قرى في حاصبيا", "place:lb-hasbaya-district"},
      {"اختطفوا في البقاع الغربي السبت", "place:lb-west-bekaa-district"},
      {"معارك الحدود اللبنانية السورية في رأس بعلبك", "place:lb-ras-baalbek"},
      {"أوقف الجيش أربعة أشخاص في بلدة بريتال اللبنانية وجرودها", "place:lb-brital"},
      {"تفجيرات انتحارية في بلدة القاع اللبنانية", "place:lb-qaa"},
  });
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  const EntryInfo* e = (*ex)->FindEntry("place:lb-khiam");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->parent_id, "place:lb-marjeyoun-district");
  auto found = (*ex)->Extract("يقودها إلى سباق نحو القاع في ظل الأزمة");
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->empty());
}

// The news names its sources and the armed groups of other wars in their Arabic descriptions
// (the war subsets: SANA 217 times, AFP 166, the Taliban 421).
TEST_F(CoverageTest, AgenciesByTheirDescriptionsAndOtherWarsGroups) {
  ExpectOneEntityEach({
      {"ونقلت وكالة الأنباء السورية عن مصدر", "org:sana"},
      {"وقالت وكالة الصحافة الفرنسية إن", "org:afp"},
      {"وذكرت وكالة الأنباء الفرنسية أن", "org:afp"},
      {"ونقلت وكالة أنباء الأناضول عن", "org:anadolu"},
      {"ونقلت وكالة الإعلام الروسية عن", "org:ria-novosti"},
      {"أصدرت منظمة حظر الأسلحة الكيمياوية تقريرا", "org:opcw"},
      {"هاجمت حركة طالبان نقطة", "faction:taliban"},
      {"أعلنت جماعة بوكو حرام", "faction:boko-haram"},
      {"وقال مسؤول أمريكي لـCNN إن", "org:cnn"},  // a Latin name after a proclitic
  });
}

// The operations after Decisive Storm and in Afghanistan; إعادة الأمل is also the phrase "restoring
// hope", gated (data/overrides/ambiguity_words.tsv): a name after عملية, in quotes or joined to
// عاصفة الحزم, the phrase elsewhere.
TEST_F(CoverageTest, OperationsThatAreAlsoPhrases) {
  ExpectOneEntityEach({
      {"قتلوا خلال مشاركتهم في عملية إعادة الأمل للتحالف", "op:restoring-hope"},
      {"وعملية \"حارس الحرية\" مستمرة", "op:freedoms-sentinel"},
      {"منذ بدء عملية الحرية الدائمة عام 2001", "op:enduring-freedom"},
  });
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  auto es = (*ex)->Extract("تطلعات الشعب في حياة كريمة وإعادة الأمل إليه");
  ASSERT_TRUE(es.ok()) << es.status();
  EXPECT_TRUE(es->empty());
  es = (*ex)->Extract("بعد عاصفة الحزم وإعادة الأمل تغير الوضع");
  ASSERT_TRUE(es.ok()) << es.status();
  std::vector<std::string> ids;
  for (const Entity& e : *es) ids.emplace_back(e.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"op:decisive-storm", "op:restoring-hope"}));
}

// The surname that ends a kunya is an adjective of origin as often as a name: after a noun
// it is the adjective (الرئيس الفرنسي), after a verb the man (وقال الفرنسي).
TEST_F(CoverageTest, AKunyasOriginAfterANounIsAnAdjective) {
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  auto es = (*ex)->Extract("اعتقل أبو أسامة الفرنسي في الرقة. وقال الرئيس الفرنسي إن. وقال الفرنسي إنه");
  ASSERT_TRUE(es.ok()) << es.status();
  std::vector<std::string> got;
  for (const Entity& e : *es) got.push_back(std::string(e.text) + "|" + std::string(e.id));
  EXPECT_EQ(got, (std::vector<std::string>{"أبو أسامة الفرنسي|person:adrien-guihal",
                                           "الرقة|place:SY110100-alrqh",
                                           "الفرنسي|person:adrien-guihal"}));
  EXPECT_EQ((*es)[2].text, "الفرنسي");
  EXPECT_GT((*es)[2].start, 40u);  // the one after وقال, not after الرئيس
}

// Names that general news uses often are no ordinary words (data/overrides/common_words_names.tsv):
// a rule finds the person they start; and a Chinese county named like Xi Jinping's given name is
// not read inside his name.
TEST_F(CoverageTest, FrequentNamesOfTheNewsAreNoOrdinaryWords) {
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  auto labels = [&](const std::string& text) {
    auto es = (*ex)->Extract(text);
    EXPECT_TRUE(es.ok()) << es.status();
    std::vector<std::string> got;
    if (es.ok()) {
      for (const Entity& e : *es) got.push_back(std::string(e.text) + "|" + std::string(EntityTypeName(e.type)));
    }
    return got;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(labels("وقال المدرب يورغن كلوب إن الفريق جاهز"), V{"يورغن كلوب|PERSON"});
  EXPECT_EQ(labels("وقالت بروين بولدان وهي نائبة عن الحزب إن الانفجار هائل"), V{"بروين بولدان|PERSON"});
  EXPECT_EQ(labels("وقال الرئيس الصيني شي جين بينغ إن بلاده مستعدة"), V{"شي جين بينغ|PERSON"});
  EXPECT_EQ(labels("وعرض كولن باول أدلته"), V{"كولن باول|PERSON"});
  // Gulf family names (tribes' nisbas) as frequent in Saudi news as ordinary words.
  EXPECT_EQ(labels("وأبدى سعيد المطيري فخره بالعمل"), V{"سعيد المطيري|PERSON"});
  EXPECT_EQ(labels("وقال عبدالله الغامدي إن"), V{"عبدالله الغامدي|PERSON"});
  // A weak given name, a father's name and the family name of a listed person (محمد الكربولي);
  // not a country's adjective after a word (عمر طويل "a long life").
  EXPECT_EQ(labels("والعراقيان عمر شهاب الكربولي وعصام"), V{"عمر شهاب الكربولي|PERSON"});
  EXPECT_EQ(labels("بلغ عمر طويل العراقي"), V{});
  // A word left among the ordinary words starts no name: سكوت "silence".
  EXPECT_EQ(labels("وقال المدرب سكوت طويلا"), V{});
}

// An Iraqi village of Who's On First named with a word that general news writes is left out
// (data/tools/ambiguity.py, iraqi_villages; make_tables.py): its name reads as the word, not as
// a hamlet of Nineveh or Anbar, even in a text about Iraq. A village the text announces stays.
TEST_F(CoverageTest, HamletsNamedLikeWordsAreLeftOutOrGated) {
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  for (const char* text : {"وقال لودريان في العراق لا نميل إلى التدخل في الأحكام",
                           "وأوضح الجعفري أن العراق طوى صفحة المواجهة",
                           "ابتعدوا في العراق عن وسطية الإسلام",
                           "قال إن نصرالله في العراق يقولها من السرداب"}) {
    auto es = (*ex)->Extract(text);
    ASSERT_TRUE(es.ok()) << es.status();
    for (const Entity& e : *es) {
      EXPECT_TRUE(e.type != EntityType::kPlace || e.id == "place:iq")
          << text << ": " << e.text << " " << e.id;
    }
  }
  // A Syrian village named with a word of general news that shows its use as a word (the
  // article added or taken away, an inflection) needs its trigger word too: الحمامة "the dove".
  auto dove = (*ex)->Extract("في سوريا كحال الغراب الذي أراد تقليد مشية الحمامة");
  ASSERT_TRUE(dove.ok()) << dove.status();
  for (const Entity& e : *dove) EXPECT_EQ(e.id, "place:sy") << e.text;
  dove = (*ex)->Extract("قصفت الطائرات قرية الحمامة في ريف إدلب");
  ASSERT_TRUE(dove.ok()) << dove.status();
  ASSERT_FALSE(dove->empty());
  EXPECT_EQ((*dove)[0].text, "الحمامة");
  EXPECT_EQ((*dove)[0].type, EntityType::kPlace);
  auto es = (*ex)->Extract("قصفت الطائرات التركية قرية زاركلي في منطقة رواندز");
  ASSERT_TRUE(es.ok()) << es.status();
  ASSERT_FALSE(es->empty());
  EXPECT_EQ((*es)[0].text, "زاركلي");
  EXPECT_EQ((*es)[0].type, EntityType::kPlace);
}

}  // namespace
}  // namespace alam
