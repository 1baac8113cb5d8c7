// The context rules of data/rules.tsv, each family and each trap, over a small gazetteer;
// namesakes by parent; document consistency.
#include <deque>
#include <string>
#include <vector>

#include "alam/extractor.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "rules/rules.h"
#include "rules/space_bound.h"
#include "test_gazetteer.h"
#include "test_util.h"

namespace alam {
namespace {

class RulesTest : public testing::SmallGazetteerTest {
 protected:
  void SetUp() override { Build(/*with_rules=*/true); }

  // "surface|TYPE|source" for each entity.
  std::vector<std::string> Labels(const std::string& input) {
    std::vector<std::string> out;
    for (const Entity& e : Run(input)) {
      out.push_back(std::string(e.text) + "|" + std::string(EntityTypeName(e.type)) + "|" +
                    std::string(e.source));
    }
    return out;
  }
};

using V = std::vector<std::string>;

TEST_F(RulesTest, PlaceAfterDescriptor) {
  EXPECT_EQ(Labels("سيطرت القوات على قرية الحمرات"), V{"الحمرات|PLACE|rule:place-after-village-word"});
  EXPECT_EQ(Labels("دخلوا بلدة تل أبيض"), V{"تل أبيض|PLACE|rule:place-after-town-word"});
  EXPECT_EQ(Labels("في قرية الباغوز فوقاني شرقا"), V{"الباغوز فوقاني|PLACE|rule:place-after-village-word"});
  EXPECT_EQ(Labels("مخيم الركبان"), V{"الركبان|PLACE|rule:place-after-camp-word"});
  EXPECT_EQ(Labels("وفي حي الوعر"), V{"الوعر|PLACE|rule:place-after-neighbourhood-word"});
  EXPECT_EQ(Labels("من معبر باب الهوى"), V{"باب الهوى|PLACE|rule:place-after-crossing-word"});
  EXPECT_EQ(Labels("في قرية ابن نومة بالرياض"), V{"ابن نومة|PLACE|rule:place-after-village-word"});
}

// The word after a descriptor that describes the place names none: an adjective of relation
// whose masculine is an ordinary word (مدينة سورية "a Syrian city"), or و before an ordinary
// word (قرية وبلدة "a village and a town").
TEST_F(RulesTest, ADescriptionAfterADescriptorIsNoName) {
  EXPECT_TRUE(Labels("استخدم الغاز في هجوم على مدينة سورية محاصرة").empty());
  EXPECT_TRUE(Labels("سيطروا على أكثر من ثلاثين قرية وبلدة").empty());
  EXPECT_EQ(Labels("سيطروا على بلدة أوشنافية أمس"), V{"أوشنافية|PLACE|rule:place-after-town-word"});
}

// A head word (حزب، مجلس، لواء، ملعب …) with an alias that is also an ordinary word
// (ambiguous.tsv, class common) names a body, a unit or a facility of its own, with the definite
// adjectives of relation after it; the alias alone would be gated out as the word.
TEST_F(RulesTest, AHeadWordWithAnOrdinaryWordAliasIsAName) {
  EXPECT_EQ(Labels("وقال رئيس مجلس الدولة أمس"), V{"مجلس الدولة|ORGANIZATION|rule:org-lookalike-name"});
  EXPECT_EQ(Labels("وأعلن لواء الصناعة مسؤوليته"),
            V{"لواء الصناعة|FACTION|rule:faction-lookalike-name"});
  EXPECT_EQ(Labels("قرب ملعب الصناعة الرياضي أمس"),
            V{"ملعب الصناعة الرياضي|PLACE|rule:place-lookalike-facility"});
  EXPECT_EQ(Labels("أعضاء بحزب الدولة الليبي"),
            V{"حزب الدولة الليبي|ORGANIZATION|rule:org-lookalike-name"});
  // Not after another word, nor with an alias that is no ordinary word (الكرامة, a village).
  EXPECT_TRUE(Labels("قال رئيس الدولة أمس").empty());
  EXPECT_TRUE(Labels("أعضاء حزب الكرامة").empty());
}

// A quoted name after a facility's word (a cemetery, a prison, a stadium, a hospital, a square,
// a bridge, a street) names that place; ميدان with a look-alike is a square of that name, as ساحة.
TEST_F(RulesTest, AQuotedNameAfterAFacilitysWordIsAPlace) {
  EXPECT_EQ(Labels("سيدفنون اليوم في مقبرة \"الشهداء\" بعد الظهر"),
            V{"الشهداء|PLACE|rule:place-quoted-after-facility"});
  EXPECT_EQ(Labels("تنوي تنفيذ اعتداء على ملعب «كامب نو» خلال مباراة"),
            V{"كامب نو|PLACE|rule:place-quoted-after-facility"});
  EXPECT_EQ(Labels("تمكنت من توقيفها في مطار \"ستانستيد\" في أغسطس"),
            V{"ستانستيد|PLACE|rule:place-quoted-after-facility"});
  EXPECT_EQ(Labels("قرب ميدان الصناعة أمس"), V{"ميدان الصناعة|PLACE|rule:place-lookalike-facility"});
  // Not without the quotes, nor after a word of no facility.
  EXPECT_TRUE(Labels("سيدفنون اليوم في مقبرة الشهداء بعد الظهر").empty());
  EXPECT_TRUE(Labels("ووصف الهجوم بأنه \"كارثة\" أمس").empty());
}

// A court named by its kind (محكمة التمييز، محكمة الاستئناف الجزائية، محكمة النقض المصرية) is an
// organization; محكمة before another word is not.
TEST_F(RulesTest, ACourtByItsKindIsAnOrganization) {
  EXPECT_EQ(Labels("بعد ما قررت محكمة التمييز إعادة دراسة الملف"),
            V{"محكمة التمييز|ORGANIZATION|rule:org-court"});
  EXPECT_EQ(Labels("وذلك أمام محكمة النقض المصرية أمس"),
            V{"محكمة النقض المصرية|ORGANIZATION|rule:org-court"});
  EXPECT_TRUE(Labels("ستنظر محكمة الليلة الماضية في القضية").empty());
  EXPECT_TRUE(Labels("أحيل إلى محكمة عسكرية").empty());
}

// A rule-made entity's alias is the trigger word it was found at (normalized), not the first of
// its rule's trigger words: the role noun, the given name, the head word.
TEST_F(RulesTest, ARuleMadeNamesAliasIsTheTriggerWordItWasFoundAt) {
  const std::vector<Entity> found =
      Run("وقال المعارض السوري رياض الترك إن قوات ملعب الصناعة تقدمت");
  std::vector<std::string> aliases;
  for (const Entity& e : found) {
    aliases.push_back(std::string(e.text) + "|" + std::string(e.alias));
  }
  EXPECT_EQ(aliases, (V{"رياض الترك|المعارض", "ملعب الصناعة|ملعب"}));
}

// The head word and the alias that start a listed name are that name cut short: no name of
// their own (حزب العمال of حزب العمال الكردستاني).
TEST_F(RulesTest, AListedNameCutShortIsNoNewName) {
  Build(/*with_rules=*/true,
        "org:state-party\tORGANIZATION\tparty\tحزب الدولة الحديثة\tModern State Party\t\tLY\t\t\n");
  EXPECT_EQ(Labels("أعضاء حزب الدولة الحديثة"),
            V{"حزب الدولة الحديثة|ORGANIZATION|alias"});
  EXPECT_TRUE(Labels("أعضاء حزب الدولة أمس").empty());
}

// After a dual (قريتي، بلدتي، مدينتي، حيي، منطقتي) both names joined by و are places, the second
// without its و.
TEST_F(RulesTest, TwoPlacesAfterADual) {
  EXPECT_EQ(Labels("سيطرت المقاومة على بلدتي الوهط وصبر أمس"),
            (V{"الوهط|PLACE|rule:place-dual-town-first", "صبر|PLACE|rule:place-dual-town-second"}));
  EXPECT_EQ(Labels("وقصفت الطائرات قريتي حوش الظواهرة وحوش الزريقية"),
            (V{"حوش الظواهرة|PLACE|rule:place-dual-village-first",
               "حوش الزريقية|PLACE|rule:place-dual-village-second"}));
  EXPECT_EQ(Labels("اشتباكات في منطقتي الصواغية ودير الزغب"),
            (V{"الصواغية|PLACE|rule:place-dual-area-first",
               "دير الزغب|PLACE|rule:place-dual-area-second"}));
  // One name is not a dual's: nothing without the second; a function word is no name.
  EXPECT_TRUE(Labels("دخلوا بلدتي الوهط أمس").empty());
  EXPECT_TRUE(Labels("تركت بلدتي هذه وتلك").empty());
}

TEST_F(RulesTest, PlaceRuleTraps) {
  EXPECT_TRUE(Labels("هذه مدينة كبيرة جدا").empty());
  EXPECT_TRUE(Labels("في قرية في الريف").empty());
  EXPECT_TRUE(Labels("وهو حي يرزق").empty());          // حي = alive: a neighbourhood needs ال
  EXPECT_TRUE(Labels("قرية، ثم").empty());             // never past punctuation
  EXPECT_TRUE(Labels("آخر مدينة قال إنها").empty());   // a verb is not a name
  EXPECT_TRUE(Labels("آخر مدينة يسيطر عليها").empty());  // nor a common word of the news
  EXPECT_TRUE(Labels("قرية\nالحمرات").empty());        // never across a line
}

TEST_F(RulesTest, PersonAfterTitleOrOffice) {
  EXPECT_EQ(Labels("قال الرئيس الفرنسي إيمانويل ماكرون"),
            V{"إيمانويل ماكرون|PERSON|rule:person-after-president"});
  EXPECT_EQ(Labels("وصرح وزير الخارجية الأمريكي ريكس تيلرسون"),
            V{"ريكس تيلرسون|PERSON|rule:person-minister"});
  EXPECT_EQ(Labels("قال المتحدث باسم البنتاغون جيف ديفيس"),
            V{"جيف ديفيس|PERSON|rule:person-spokesperson"});
  EXPECT_EQ(Labels("قتل العميد عصام زهر"), V{"عصام زهر|PERSON|rule:person-after-brigadier"});
  EXPECT_EQ(Labels("ظهر أبو محمد الجولاني"), V{"أبو محمد الجولاني|PERSON|rule:person-kunya"});
  // Set off by commas after the role, the organization in between.
  EXPECT_EQ(Labels("وقال المتحدث باسم فيلق الشام، سيف الرعد، السبت"),
            V{"سيف الرعد|PERSON|rule:person-spokesperson-comma"});
  EXPECT_EQ(Labels("وكتب مدير المركز، ماثيو هينمان، أن"),
            V{"ماثيو هينمان|PERSON|rule:person-director-2-comma"});
  // A head of government, by the government or by its country.
  EXPECT_EQ(Labels("وقال رئيس الوزراء البلجيكي شارل ميشال إن"),
            V{"شارل ميشال|PERSON|rule:person-after-prime-minister"});
  EXPECT_EQ(Labels("أكد رئيس الوزراء الأردني عبد الله النسور حرص حكومته"),
            V{"عبد الله النسور|PERSON|rule:person-after-prime-minister"});
  EXPECT_EQ(Labels("وقال رئيس وزراء كوسوفو راموش هاراديناي إن"),
            V{"راموش هاراديناي|PERSON|rule:person-after-prime-minister-of"});
  EXPECT_TRUE(Labels("رئيس الوزراء المعترف به دوليا").empty());
  // علي is the name where the original writes it with ي; the preposition على (ى) is the same
  // word once normalized, and a stop word.
  EXPECT_EQ(Labels("وقال العميد علي ميهوب، الجمعة، إن"),
            V{"علي ميهوب|PERSON|rule:person-after-brigadier"});
  EXPECT_TRUE(Labels("وقال العميد على هامش الاجتماع إن").empty());
}

TEST_F(RulesTest, PersonRuleTraps) {
  EXPECT_TRUE(Labels("الرئيس السوري قال إن").empty());
  // Not a person: the ministry itself is an organization.
  EXPECT_EQ(Labels("المتحدث باسم وزارة الدفاع"), V{"وزارة الدفاع|ORGANIZATION|rule:org-ministry"});
  EXPECT_TRUE(Labels("اللواء الثامن").empty());  // a brigade, not a general
  EXPECT_TRUE(Labels("أبو الطفل").empty());
  // What follows the comma is no name: a stop word, or one word only.
  EXPECT_TRUE(Labels("وقال المتحدث باسم الجيش، في بيان، إن").empty());
  EXPECT_TRUE(Labels("وقال مدير المركز، أمس، إن").empty());
  // A preposition before an ordinary word starts no name, and ends none.
  EXPECT_TRUE(Labels("وتعهد وزير الخارجية التونسي بإحداث قنصلية جديدة").empty());
  EXPECT_EQ(Labels("كما تشارك التونسية سارة عبيدي بفيلم جديد"),
            V{"سارة عبيدي|PERSON|rule:person-given-name"});
}

TEST_F(RulesTest, PersonAfterARoleNoun) {
  // Feminine roles, professions and ranks the older title rules leave out, with or without
  // a nationality adjective between role and name.
  EXPECT_EQ(Labels("أما الباحثة مليسيا دالتون، فترى أن"),
            V{"مليسيا دالتون|PERSON|rule:person-after-role-noun"});
  EXPECT_EQ(Labels("وصل المعارض السوري رياض الترك إلى باريس"),
            V{"رياض الترك|PERSON|rule:person-after-role-noun"});
  EXPECT_EQ(Labels("وقال السيناتور ميتش كروكر إنه"),
            V{"ميتش كروكر|PERSON|rule:person-after-role-noun"});
  // The adjective is no name's first word, even where it is an ordinary word (الفلسطيني); التي is
  // no adjective.
  EXPECT_EQ(Labels("ورد اسم المصور الفلسطيني نيراز سعيد في القوائم"),
            V{"نيراز سعيد|PERSON|rule:person-after-role-noun"});
  EXPECT_TRUE(Labels("لكن الضربة القاضية التي تلقتها بالإيقاف جعلتها تترنح").empty());
  // The name ends before the sentence's next word: a definite or ordinary word after ب or ل,
  // a given name after و; a foreign surname that reads as ف + a word stays (روبرت فورد).
  EXPECT_TRUE(Labels("وأصدر القاضي أحكاما بالمؤبد بحق المتهمين").empty());
  EXPECT_EQ(Labels("توجت المغنية الإسرائيلية نيتا برزيلاي بمسابقة الأغنية"),
            V{"نيتا برزيلاي|PERSON|rule:person-after-role-noun"});
  EXPECT_EQ(Labels("وقال القس جيري فالويل إن"),
            V{"جيري فالويل|PERSON|rule:person-after-role-noun"});
  // An ordinary word after the role is no name; nor an adjective "conservative"; a king's
  // name inside an institution's name is that institution's (next = named, the title inside).
  EXPECT_TRUE(Labels("وقالت الباحثة إن الوضع صعب").empty());
  EXPECT_TRUE(Labels("في المجتمع السعودي المحافظ ظواهر منحرفة").empty());
  EXPECT_EQ(Labels("جامعة الملك فهد للبترول"),
            V{"جامعة الملك فهد|ORGANIZATION|rule:org-named-after-person"});
}

TEST_F(RulesTest, PersonNamedBeforeTheirRole) {
  EXPECT_EQ(Labels("وقالت ليندا توم المتحدثة باسم المكتب"),
            V{"ليندا توم|PERSON|rule:person-said-name-role"});
  EXPECT_EQ(Labels("وقال محمد الحجازي وهو متحدث عسكري"),
            V{"محمد الحجازي|PERSON|rule:person-said-name-role"});
  EXPECT_EQ(Labels("وذكر ياسين مكاوي مستشار الرئيس"),  // the shortest name before a role
            V{"ياسين مكاوي|PERSON|rule:person-said-name-role"});
  EXPECT_EQ(Labels("وقال بيير موسكوفيتشي مفوض الشؤون المالية"),  // a commissioner
            V{"بيير موسكوفيتشي|PERSON|rule:person-said-name-role"});
  EXPECT_EQ(Labels("قال هانز جورج ماسن رئيس المكتب"),
            V{"هانز جورج ماسن|PERSON|rule:person-said-name-role"});
  EXPECT_TRUE(Labels("وقال مصدر أمني مسؤول في").empty());  // an ordinary word first
  EXPECT_TRUE(Labels("وقال تشوليت وهو مستشار").empty());   // one word: no name of two
  EXPECT_EQ(Labels("وقال رياض حداد، السفير السوري في موسكو"),  // a comma before the role
            V{"رياض حداد|PERSON|rule:person-said-name-role"});
}

TEST_F(RulesTest, TitleRulesDoNotTakeThePhraseAfterTheTitle) {
  // A preposition before a definite ordinary word, or a frequent ordinary word at the end.
  EXPECT_TRUE(Labels("طالب الرئيس الأمريكي بالانسحاب قريبا").empty());
  EXPECT_TRUE(Labels("أشاد الرئيس الأمريكي للعاصمة التركية").empty());
  EXPECT_TRUE(Labels("وكان المشير حفتر أصدر أوامر").empty());
  EXPECT_TRUE(Labels("أكد الوزير تمتين العلاقات").empty());
  // After a chain of بن the family word is taken, not the next word of the sentence.
  EXPECT_EQ(Labels("وصرح وزير الخارجية السعودي عادل بن أحمد الجبير"),
            V{"عادل بن أحمد الجبير|PERSON|rule:person-minister"});
  EXPECT_EQ(Labels("استقبل السفير نايف بن عبدالعزيز في الرياض"),
            V{"نايف بن عبدالعزيز|PERSON|rule:person-after-ambassador"});
  // A given name's chain of بن goes on to six words with its family word; علي written with ي
  // is the name, with ى the preposition, and the name then ends before its بن.
  EXPECT_EQ(Labels("ويرى عبدالله بن إبراهيم بن سالم أن"),
            V{"عبدالله بن إبراهيم بن سالم|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وقدم وزير المالية، الشيخ أحمد بن محمد آل خليفة، عرضا"),
            V{"أحمد بن محمد آل خليفة|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("واحمد بن محمد بن علي المعروف بالحجازي"),
            V{"احمد بن محمد بن علي|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("واحمد بن محمد بن على المعروف بالحجازي"),
            V{"احمد بن محمد|PERSON|rule:person-given-name"});
  // A definite nisba ends names (أوس الشرقي); a rare surname that is also a word (توم) too.
  EXPECT_EQ(Labels("ودافع المخرج أوس الشرقي عن"), V{"أوس الشرقي|PERSON|rule:person-after-director"});
}

TEST_F(RulesTest, PersonAfterARoleInConstruct) {
  EXPECT_EQ(Labels("وقال خبير الإرهاب ديزفاد جالفيشك: ذهب"),
            V{"ديزفاد جالفيشك|PERSON|rule:person-after-construct-role"});
  EXPECT_EQ(Labels("أكد قائد الشرطة الإندونيسية، تيتو كارنافيان، أن"),
            V{"تيتو كارنافيان|PERSON|rule:person-after-construct-role"});
  // Not a phrase that starts with و and the article, nor a role with no name after it.
  EXPECT_TRUE(Labels("وقائد القوات الجوية، والأمناء المساعدين، وكان").empty());
  EXPECT_TRUE(Labels("قال مسؤول في الوزارة إن").empty());
  // The name may also end before a function word (في، عن، أن …); not after a function word
  // among the nouns in construct, and not a phrase with لل.
  EXPECT_EQ(Labels("ودافع مخرج العمل أوس الشرقي في حوار مع موقع"),
            V{"أوس الشرقي|PERSON|rule:person-after-construct-role"});
  EXPECT_TRUE(Labels("فقامت بإعلام قائد الطائرة الذي اتصل بالأمن في المطار").empty());
  EXPECT_EQ(Labels("وكرر مستشار الشؤون الدولية للمرشد الإيراني في حديث"), V{});
}

// The given name of a person a rule found names that person again, bare, where no word of a
// name follows it (then it starts someone else's name); not a given name that is an ordinary
// word (class weak, or a word of common_words.tsv when no list holds the name), nor علي.
TEST_F(RulesTest, LaterGivenNameOfAPersonARuleFound) {
  EXPECT_EQ(Labels("وقال الباحث توميسلاف سالوبيك إن. وقال توميسلاف إن"),
            (V{"توميسلاف سالوبيك|PERSON|rule:person-given-name",
               "توميسلاف|PERSON|rule:surname-after-full-name"}));
  EXPECT_EQ(Labels("وقال الباحث توميسلاف سالوبيك إن. ووصل توميسلاف ميلر"),
            (V{"توميسلاف سالوبيك|PERSON|rule:person-given-name",
               "توميسلاف ميلر|PERSON|rule:person-given-name"}));
  // After a preposition on an ordinary word (باستجواب), and with و.
  EXPECT_EQ(Labels("وقبض على بشار عبدالعظيم، وفيصل عبدالحليم. وقام باستجواب بشار وفيصل في غرفة"),
            (V{"بشار عبدالعظيم|PERSON|rule:person-given-name",
               "فيصل عبدالحليم|PERSON|rule:person-given-name",
               "بشار|PERSON|rule:surname-after-full-name",
               "فيصل|PERSON|rule:surname-after-full-name"}));
  EXPECT_EQ(Labels("وقال الباحث عمر الحريري إن. وبلغ عمر الطفل"),
            V{"عمر الحريري|PERSON|rule:person-given-name"});
  // A first name no list holds, where it is no ordinary word: the rule that found the person
  // vouches for it (صفاء).
  EXPECT_EQ(Labels("قالت الشرطة إن فتاة تدعى صفاء بولار اعتقلت. وحاولت صفاء أن تغادر"),
            (V{"صفاء بولار|PERSON|rule:person-called",
               "صفاء|PERSON|rule:surname-after-full-name"}));
}

// A person a rule found, named again in full without the rule's trigger, is that person; not
// a name a rule cut after عبد, whose عبد is never a surname either.
TEST_F(RulesTest, LaterFullNameOfAPersonARuleFound) {
  EXPECT_EQ(Labels("قالت الشرطة إن فتاة تدعى صفاء بولار اعتقلت. وفي التفاصيل فإن صفاء بولار اعترفت"),
            (V{"صفاء بولار|PERSON|rule:person-called",
               "صفاء بولار|PERSON|rule:surname-after-full-name"}));
  EXPECT_EQ(Labels("ودافع المخرج أوس الشرقي عن العمل. ورد أوس الشرقي على النقاد"),
            (V{"أوس الشرقي|PERSON|rule:person-after-director",
               "أوس الشرقي|PERSON|rule:surname-after-full-name"}));
  // A family name with آل named again alone; not after the head word of a family or a body
  // named after it.
  EXPECT_EQ(Labels("رفع دعوى على الكاتب محمد آل الشيخ. وكان الكاتب آل الشيخ قد عبر عن رأيه"),
            (V{"محمد آل الشيخ|PERSON|rule:person-given-name",
               "آل الشيخ|PERSON|rule:surname-after-full-name"}));
  EXPECT_EQ(Labels("رفع دعوى على الكاتب محمد آل الشيخ. وأصدرت عائلة آل الشيخ بيانا"),
            V{"محمد آل الشيخ|PERSON|rule:person-given-name"});
}

TEST_F(RulesTest, LaterSurnameOfAPersonARuleFound) {
  EXPECT_EQ(Labels("ودافع المخرج أوس الشرقي عن العمل. وأكد الشرقي أن"),
            (V{"أوس الشرقي|PERSON|rule:person-after-director",
               "الشرقي|PERSON|rule:surname-after-full-name"}));
  // Not where the surname can be an adjective: after a definite noun or a name.
  EXPECT_EQ(Labels("ودافع المخرج أوس الشرقي عن العمل في الريف الشرقي"),
            V{"أوس الشرقي|PERSON|rule:person-after-director"});
  // After an ordinary word with its و (وجددت), but not after a name that starts with ف (فريد).
  EXPECT_EQ(Labels("ودافع المخرج أوس الشرقي عن العمل. وجددت الشرقي دعوتها"),
            (V{"أوس الشرقي|PERSON|rule:person-after-director",
               "الشرقي|PERSON|rule:surname-after-full-name"}));
  EXPECT_EQ(Labels("ودافع المخرج أوس الشرقي عن العمل. ووصل فريد الشرقي"),
            V{"أوس الشرقي|PERSON|rule:person-after-director"});
  // Nor the X of a kunya, nor an ordinary word.
  EXPECT_EQ(Labels("قال أبو علي البصري إن. وقال علي إن"),
            V{"أبو علي البصري|PERSON|rule:person-kunya"});
  // Nor the second word of a compound name with عبد: عبد الرحمن is one given name.
  EXPECT_EQ(Labels("قال الباحث صالح بن عبد الرحمن إن. وقال الرحمن"),
            V{"صالح بن عبد الرحمن|PERSON|rule:person-given-name"});
}

TEST_F(RulesTest, ListsOfPeopleContinue) {
  EXPECT_EQ(Labels("التقى الرئيس الفرنسي إيمانويل ماكرون، وجايمس فولي، وديفيد هاينز."),
            (V{"إيمانويل ماكرون|PERSON|rule:person-after-president",
               "جايمس فولي|PERSON|rule:person-list",
               "ديفيد هاينز|PERSON|rule:person-given-name"}));  // ديفيد: a given name
  // An ordinary word after the comma ends the list (وصول: و is part of the word).
  EXPECT_EQ(Labels("التقى الرئيس الفرنسي إيمانويل ماكرون، ووصول المفتشين، ثم"),
            V{"إيمانويل ماكرون|PERSON|rule:person-after-president"});
  EXPECT_EQ(Labels("التقى الرئيس الفرنسي إيمانويل ماكرون، وصول المفتشين، ثم"),
            V{"إيمانويل ماكرون|PERSON|rule:person-after-president"});
}

TEST_F(RulesTest, PersonFromAGivenName) {
  // A given name of data/given_names.tsv and the words after it that may go on a name: at most
  // two, بن/آل/ابو and عبد + its word between them, none a function word or an ordinary word.
  EXPECT_EQ(Labels("ونشر فلاديمير لوغنينوف صورة"),
            V{"فلاديمير لوغنينوف|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وكتب جاسم بن فهد في رسالة"), V{"جاسم بن فهد|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("ومحاكمة صلاح عبد السلام في بلجيكا"),
            V{"صلاح عبد السلام|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وقال أحمد أبو الغيط إن"), V{"أحمد أبو الغيط|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وتبعه أحمد أبو الطيور أمس"), V{});  // الطيور "the birds": not أحمد أبو
  // The name stops before a word with و (another person), a preposition before the article,
  // a pronoun, a definite word that is not a nisba as the third word, and after two words.
  EXPECT_EQ(Labels("عثر على سيرغي ويوليا فاقدين"), V{});
  EXPECT_EQ(Labels("وكانت نسرين أسعد إبراهيم المعروفة باسم"),
            V{"أسعد إبراهيم|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وقال محمد إبراهيم البياتي إن"),
            V{"محمد إبراهيم البياتي|PERSON|rule:person-given-name"});
  // A definite third word that is no nisba is the family name where the clause ends after it
  // (a mark, or a word with و), unless it ends with ة or is an ordinary word.
  EXPECT_EQ(Labels("وتولى الحادثتين ماجد مصطفى النافع، ومعن"),
            V{"ماجد مصطفى النافع|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وكانت نسرين أسعد إبراهيم المعروفة."),
            V{"أسعد إبراهيم|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("والتقى أحمد حسن الرئيس، ثم"), V{"أحمد حسن|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("حين قتل موسى عليه السلام، كافرا"), V{});  // "peace be upon him"
  EXPECT_EQ(Labels("لقيت ماري كولفين حتفها في قصف"),
            V{"ماري كولفين|PERSON|rule:person-given-name"});
  // No name where the word after the given name is a function word or an ordinary one, nor a
  // three-letter given name after a proclitic (بيان: ب + يان), nor توفيق الله.
  EXPECT_EQ(Labels("قال محمد في بيانه"), V{});
  EXPECT_EQ(Labels("وقالت الوزارة في بيان بثته الوكالة"), V{});
  EXPECT_EQ(Labels("بعد توفيق الله من"), V{});
  // علي starts a name where it is written with ي; على (with ى) is the preposition, the same
  // word once normalized.
  EXPECT_EQ(Labels("وقال رئيس البلدية علي الحجيري إن"),
            V{"علي الحجيري|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وقال رئيس البلدية إن الهجوم وقع على الحجيري أمس"), V{});
  // A formula of blessing after a name is not part of it (رضي الله عنه), even where الله lies
  // past the rule's three words; اللهم is another word.
  EXPECT_EQ(Labels("وقال علي رضي الله عنه"), V{});
  EXPECT_EQ(Labels("روى عبدالله بن عمر رضي الله عنهما"),
            V{"عبدالله بن عمر|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وقال أحمد كرم اللهم"), V{"أحمد كرم|PERSON|rule:person-given-name"});
  // Given names of other languages (data/sources/foreign-given-names.tsv, kept by their use in
  // war news), but not those that are words of the news (دان "condemned", ستورم شادو).
  EXPECT_EQ(Labels("وقالت ميلينا بوغدير للمحكمة"),
            V{"ميلينا بوغدير|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وأطلقت صواريخ ستورم شادو"), V{});
  EXPECT_EQ(Labels("وفي العراق دان مسعود البرزاني الهجوم"),
            V{"مسعود البرزاني|PERSON|rule:person-given-name"});
}

TEST_F(RulesTest, PersonAfterCalled) {
  EXPECT_EQ(Labels("وقال محتج يدعى منتظر حاتم (55 عاما) في المدينة"),
            V{"منتظر حاتم|PERSON|rule:person-called"});
  EXPECT_EQ(Labels("وتم توقيف المدعو عمر عبدالخالق أمس"),
            V{"عمر عبدالخالق|PERSON|rule:person-called"});
  EXPECT_EQ(Labels("فتاة تدعى ماتيلد إلى جبهات القتال"), V{"ماتيلد|PERSON|rule:person-called"});
  EXPECT_EQ(Labels("وجه مقاتل يدعى سيف الله اليماني نداء"),
            V{"سيف الله اليماني|PERSON|rule:person-called"});
  // يدعي "claims" is يدعى once normalized: not before a definite word, a pronoun or a clitic.
  EXPECT_EQ(Labels("ومعسكر آخر يدعي القرب من الله"), V{});
  EXPECT_EQ(Labels("التطرف الذي تدعي مقاومتها"), V{});
  EXPECT_EQ(Labels("يدعي أنه طالب لجوء"), V{});
}

// A given name joined by و right after a person's name, alone or with one word of a name, and
// ended by punctuation, is a person too (rule:person-list); not a weak given name with a
// complement after it (مؤيد لهامون "a supporter of Hamon").
TEST_F(RulesTest, AGivenNameJoinedToAPersonsName) {
  EXPECT_EQ(Labels("التقى بشار الأسد وعمر، ثم غادر"),
            (V{"بشار الأسد|PERSON|alias", "عمر|PERSON|rule:person-list"}));
  EXPECT_EQ(Labels("التقى بشار الأسد وسامي التميمي. ثم غادر"),
            (V{"بشار الأسد|PERSON|alias", "سامي التميمي|PERSON|rule:person-list"}));
  EXPECT_EQ(Labels("التقى بشار الأسد ومؤيد لهامون."), V{"بشار الأسد|PERSON|alias"});
  // At the text's end the item may go on: nothing more (and no token read past the last).
  EXPECT_EQ(Labels("التقى بشار الأسد وعمر"), V{"بشار الأسد|PERSON|alias"});
  EXPECT_EQ(Labels("التقى بشار الأسد وسامي التميمي"), V{"بشار الأسد|PERSON|alias"});
}

// A kunya after a word for a nickname is a person's, in any case, with the article, written
// joined, quoted or not; the ب before it stays outside the span (person-nickname).
TEST_F(RulesTest, AKunyaAfterAWordForANickname) {
  EXPECT_EQ(Labels("والمكنى بـ\"أبو الهمام\" والذي بايع التنظيم"),
            V{"أبو الهمام|PERSON|rule:person-nickname"});
  EXPECT_EQ(Labels("زعيمها سيف الله بن حسين المكنى بأبي عياض، دعا فيه"),
            V{"أبي عياض|PERSON|rule:person-nickname"});
  EXPECT_EQ(Labels("وولد الملقب بـ«أبوصالح»، في نيسان"),
            V{"أبوصالح|PERSON|rule:person-nickname"});
  EXPECT_EQ(Labels("الملقب بالمعلم الثاني"), V{});
}

// A given name right after a noun of a person — kin, or a person described (المتهم، الطفل،
// الملا) — is a name alone (person-after-kin), weak given names too, or with the words of a
// name after it; علي only as the original writes the name, and no ordinary word after the noun.
TEST_F(RulesTest, AGivenNameAfterANounOfAPerson) {
  EXPECT_EQ(Labels("ووصف القاضي المتهم حسن بأنه فرد خطير"),
            V{"حسن|PERSON|rule:person-after-kin"});
  EXPECT_EQ(Labels("سافر إلى ليبيا مع شقيقه هاشم قبل وقت قصير"),
            V{"هاشم|PERSON|rule:person-after-kin"});
  EXPECT_EQ(Labels("والشاب نادر سعادة هو واحد من أربعة"),
            V{"نادر سعادة|PERSON|rule:person-after-kin"});
  EXPECT_EQ(Labels("خرج الإمام علي لصلاة الفجر"), V{"علي|PERSON|rule:person-after-kin"});
  EXPECT_EQ(Labels("لاستضافة نظيره وزوجته على مأدبة عشاء"), V{});
  EXPECT_EQ(Labels("ونقل ابنه البالغ من العمر عشر سنوات"), V{});
  // One word a listed person is named by in full earlier is that person (the surname walk;
  // the embedded gazetteer's Akhtar Mansour).
  auto embedded = Extractor::Create(ExtractorOptions());
  ASSERT_TRUE(embedded.ok());
  auto es = (*embedded)->Extract("عين الملا أختر منصور زعيما، وقال الملا منصور إن");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[1].text, "منصور");
  EXPECT_EQ((*es)[1].id, "person:akhtar-mansour");
  EXPECT_EQ((*es)[1].source, "rule:surname-after-full-name");
}

// A compound given name with عبد written apart (class apart in data/given_names.tsv) starts a
// name at عبد (person-abd-name) where a word of a name follows it; not where the name ends.
TEST_F(RulesTest, CompoundGivenNamesWrittenApart) {
  EXPECT_EQ(Labels("ويواجه عبد الرحمن بوعنان اتهامات بالقتل"),
            V{"عبد الرحمن بوعنان|PERSON|rule:person-abd-name"});
  EXPECT_EQ(Labels("وقال القاضي عبد الستار بيرقدار، المتحدث"),
            V{"عبد الستار بيرقدار|PERSON|rule:person-abd-name"});
  EXPECT_EQ(Labels("في عهد الملك عبد العزيز، والملك سعود"), V{});
  EXPECT_EQ(Labels("وقال عبد المأمور إن"), V{});  // no given name of the table
}

// An indefinite ordinary word in the accusative (…ا) after a name is the sentence's next word:
// it ends the name (هدافا، مقالا، توضيحا); a name that ends in ا stays whole (ألابا).
TEST_F(RulesTest, AnAccusativeWordEndsAName) {
  EXPECT_EQ(Labels("كتب ديفيد إغناتيوس مقالا نشر في الصحيفة"),
            V{"ديفيد إغناتيوس|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("في موقف ابن تيمية من جابر بن حيان توضيحا للأمر"),
            V{"جابر بن حيان|PERSON|rule:person-given-name"});
  // So does a verb of the dual or plural (يعلنان، أثبتوا); فرانسوا is a name.
  EXPECT_EQ(Labels("لكن لاعبي المدرب زلاتكو داليتش أثبتوا العكس"),
            V{"زلاتكو داليتش|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("أوقف الفرنسي أوليفييه فرانسوا جان في المطار"),
            V{"أوليفييه فرانسوا جان|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("النجمة جنيفر أنيستون وجاستن ثيرو يعلنان انفصالهما"),
            (V{"جنيفر أنيستون|PERSON|rule:person-given-name",
               "جاستن ثيرو|PERSON|rule:person-given-name"}));
  EXPECT_EQ(Labels("كان الثنائي سيرج نابري وديفيد ألابا من بين المشاركين"),
            (V{"سيرج نابري|PERSON|rule:person-given-name",
               "ديفيد ألابا|PERSON|rule:person-given-name"}));
}

// A given name that is also an ordinary word (class weak in data/given_names.tsv: عمر "age",
// صالح "interest") starts a name only before a given name, a nasab or a definite nisba, with no
// proclitic before it; after a family name it is its ordinary word again.
TEST_F(RulesTest, WeakGivenNames) {
  EXPECT_EQ(Labels("ويرى عمر الحريري أن"), V{"عمر الحريري|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("ويرى عمر إبراهيم أن"), V{"عمر إبراهيم|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("ويرى عمر عبد العزيز الدخيل أن"),  // the family word: TrimAfterGivenName
            V{"عمر عبد العزيز|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وتولى صالح القشعمي صباح يوم الجمعة"),
            V{"صالح القشعمي|PERSON|rule:person-given-name"});
  // A nasab after it (بن، ابن، بنت and a word that is no stopword).
  EXPECT_EQ(Labels("ويقول الشيخ عمر بن عبدالله الثويني، إمام"),
            V{"عمر بن عبدالله الثويني|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("ويرى صالح بن حسن أن"), V{"صالح بن حسن|PERSON|rule:person-given-name"});
  // A family name that is a given name with the article (a strong one: not الرشيد).
  EXPECT_EQ(Labels("في 2016 اغتيل عمر النايف الناشط في الجبهة"),
            V{"عمر النايف|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("ومنذ عمر الرشيد الأول"), V{});
  // After a verb of saying, a family name that is no word of the language; not an ordinary
  // word or a definite one there.
  EXPECT_EQ(Labels("وقال عمر باباكالي أحد سكان البلدة"),
            V{"عمر باباكالي|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وأضاف سامي خضيرة الهدف الثاني"),
            V{"سامي خضيرة|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وقال صالح إن الوضع صعب"), V{});
}

TEST_F(RulesTest, AListedPersonsFamilyNameEndsAGivenNamesName) {
  // الأسد ends Bashar al-Assad's name in the table: after two given names, a family's name
  // (not a definite word of the sentence, which ends the name before it).
  EXPECT_EQ(Labels("وقال محمد سعيد الأسد في بيان"),
            V{"محمد سعيد الأسد|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وقال محمد سعيد الجديد في بيان"),
            V{"محمد سعيد|PERSON|rule:person-given-name"});
  // After a word that is no given name, not (طيب يزرع is a given name and a verb).
  for (const std::string& label : Labels("قصة رجل طيب يزرع الأسد في بيان")) {
    EXPECT_EQ(label.find("\u0627\u0644\u0623\u0633\u062F"), std::string::npos) << label;
  }
}

TEST_F(RulesTest, ABareWordAfterAFamilyNisbaIsTheSentences) {
  // نقيب "head (of a union)" after اللامي starts the apposition, not a third name; a given name
  // after a definite word that is no nisba goes on (الحاج علي).
  EXPECT_EQ(Labels("وقال مؤيد اللامي نقيب الصحفيين العراقيين إن"),
            V{"مؤيد اللامي|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وقال محمد الحاج علي إن"), V{"محمد الحاج علي|PERSON|rule:person-given-name"});
}

TEST_F(RulesTest, AWordRightAfterAPersonsNameIsNoOneElsesSurname) {
  // الأسد, Bashar al-Assad's surname, goes on the name it follows (its fourth word); after و
  // it is Bashar.
  EXPECT_EQ(Labels("التقى بشار الأسد أمس. وقال محمد ناصر سعيد الأسد إن"),
            (V{"بشار الأسد|PERSON|alias", "محمد ناصر سعيد|PERSON|rule:person-given-name"}));
  EXPECT_EQ(Labels("التقى بشار الأسد أمس. وقال محمد ناصر والأسد إن"),
            (V{"بشار الأسد|PERSON|alias", "محمد ناصر|PERSON|rule:person-given-name",
               "الأسد|PERSON|rule:surname-after-full-name"}));
}

TEST_F(RulesTest, AFamilysNameAfterAalIsANameWhateverElseItReads) {
  // ثاني "second" is a frequent ordinary word, الشيخ a title: after آل, a family's name.
  EXPECT_EQ(Labels("واستقبل الشيخ عبدالله آل ثاني الوفد"),
            V{"عبدالله آل ثاني|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("حضر المقابلة عبدالله بن حمد آل ثاني نائب الأمير"),
            V{"عبدالله بن حمد آل ثاني|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("وقال محمد آل الشيخ إن"), V{"محمد آل الشيخ|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("بلغ عمر ابن في الثلاثين"), V{});
  EXPECT_EQ(Labels("بلغ عمر الطفل عشر سنوات"), V{});
  EXPECT_EQ(Labels("بينما يصل عمر الثاني إلى 21"), V{});
  EXPECT_EQ(Labels("حسم المعركة لصالح العراقي أمس"), V{});
  EXPECT_EQ(Labels("وسيطر بشكل كامل على المدينة"), V{});
  // After و in a list of names, a given name of three letters or a weak one starts a name when a
  // given name or a compound with عبد follows; not the preposition على, nor before a nisba.
  EXPECT_EQ(Labels("الموقوفون ماجد النافع، وعمر عبد العزيز الدخيل، وفهد حمد أمس"),
            (V{"ماجد النافع|PERSON|rule:person-given-name",
               "عمر عبد العزيز|PERSON|rule:person-given-name",
               "فهد حمد|PERSON|rule:person-given-name"}));
  EXPECT_EQ(Labels("واعتمد وعلى محمد أن يقرر"), V{});
  EXPECT_EQ(Labels("بلغ وعمر الحريري"), V{});
}

// A person's name after the head word of a place, a group or a body names that (column next =
// named): not a person. The descriptor stays outside (معبر، فصيل), a head word of the name inside.
TEST_F(RulesTest, NamedAfterAPerson) {
  EXPECT_EQ(Labels("وشهد معبر جابر نصيب الحدودي عبور 248 شخصا"),
            V{"جابر نصيب|PLACE|rule:place-named-crossing"});
  EXPECT_EQ(Labels("التي يسيطر عليها فصيل خالد بن الوليد. من جهة أخرى"),
            V{"خالد بن الوليد|FACTION|rule:faction-named-after-faction"});
  EXPECT_EQ(Labels("في فندق قريب من مطار شارل ديغول أمس"),
            V{"مطار شارل ديغول|PLACE|rule:place-named-airport"});
  EXPECT_EQ(Labels("وأستاذ العلوم السياسية في جامعة جورج تاون"),
            V{"جامعة جورج تاون|ORGANIZATION|rule:org-named-after-person"});
  // A kunya goes on as a given name would (كتيبة أبو عمارة، لواء أبو الفضل العباس).
  EXPECT_EQ(Labels("وكانت كتيبة أبو عمارة قد نفذت هجوما"),
            V{"كتيبة أبو عمارة|FACTION|rule:faction-named-unit"});
  EXPECT_EQ(Labels("وعصائب أهل الحق ولواء أبو الفضل العباس."),
            V{"لواء أبو الفضل العباس|FACTION|rule:faction-named-unit"});
  // No given name after the head word: no name, and the person rule alone elsewhere.
  EXPECT_EQ(Labels("وصل إلى مطار المدينة الدولي"), V{});
  EXPECT_EQ(Labels("وقال لواء في الجيش إن"), V{});
  EXPECT_EQ(Labels("وقال خالد الحمد إن"), V{"خالد الحمد|PERSON|rule:person-given-name"});
}

TEST_F(RulesTest, AParliamentByNationality) {
  EXPECT_EQ(Labels("وقال عضو البرلمان الروسي دميتري سابلين"),
            (V{"البرلمان الروسي|ORGANIZATION|rule:parliament-by-nationality",
               "دميتري سابلين|PERSON|rule:person-after-construct-role"}));
  EXPECT_EQ(Labels("أقر البرلمان الحالي القانون"), V{});  // not a nationality
}

TEST_F(RulesTest, AnOutletWhoseNameHoldsADot) {
  // The gazetteer's aliases are words between spaces; العربية.نت is a rule's.
  EXPECT_EQ(Labels("بحث أجرته \"العربية.نت\" على هذا"),
            V{"العربية.نت|ORGANIZATION|rule:org-al-arabiya-net"});
  EXPECT_EQ(Labels("اللغة العربية نتيجة"), V{});
}

TEST_F(RulesTest, SpecialForcesByNationality) {
  EXPECT_EQ(Labels("وصلت القوات الخاصة الروسية إلى"),
            V{"القوات الخاصة الروسية|FACTION|rule:special-forces-by-nationality"});
  EXPECT_EQ(Labels("وصلت القوات الخاصة التي"), V{});
}

TEST_F(RulesTest, AnIntelligenceServiceByNationality) {
  EXPECT_EQ(Labels("وذكرت الاستخبارات الباكستانية أن"),
            V{"الاستخبارات الباكستانية|ORGANIZATION|rule:intelligence-by-nationality-2"});
  EXPECT_EQ(Labels("اعتقلت المخابرات السورية ناشطا"),
            V{"المخابرات السورية|ORGANIZATION|rule:intelligence-by-nationality"});
  EXPECT_EQ(Labels("وقالت المخابرات العسكرية إن"), V{});  // not a nationality
  // A news agency by nationality, where no entry names it.
  EXPECT_EQ(Labels("ونقلت وكالة الأنباء الروسية عن"),
            V{"وكالة الأنباء الروسية|ORGANIZATION|rule:agency-by-nationality"});
}

TEST_F(RulesTest, ASecurityAgencyWithItsQualifier) {
  EXPECT_EQ(Labels("ضم مدير جهاز الأمن القومي للنظام"),
            V{"جهاز الأمن القومي|ORGANIZATION|rule:org-security-agency"});
  EXPECT_EQ(Labels("وقال جهاز المخابرات العامة الأردني، أمس"),
            V{"جهاز المخابرات العامة الأردني|ORGANIZATION|rule:org-security-agency"});
  EXPECT_EQ(Labels("وفي جهاز الأمن نفسه"), V{});  // no qualifier: which agency is not said
}

TEST_F(RulesTest, AHeadWordBeforeAListedPlaceMakesAPlaceOfItsOwn) {
  // The quarter باب حلب and the village تل دمشق are not Aleppo and Damascus.
  EXPECT_EQ(Labels("انتفض أهالي حي باب حلب"), V{"باب حلب|PLACE|rule:place-after-neighbourhood-word"});
  EXPECT_EQ(Labels("قصف قرية تل دمشق"), V{"تل دمشق|PLACE|rule:place-after-village-word"});
  EXPECT_EQ(Labels("انتفض أهالي منطقة باب حلب"), V{"باب حلب|PLACE|rule:place-area-compound"});
  EXPECT_EQ(Labels("فوق منطقة دير العشائر في ريف"),
            V{"دير العشائر|PLACE|rule:place-area-compound"});
  EXPECT_TRUE(Labels("في منطقة خفض التصعيد").empty());  // منطقة alone leads no name
  // The name the rule finds is the alias itself, or longer than two words: the alias.
  EXPECT_EQ(Labels("في مدينة حلب"), V{"حلب|PLACE|alias"});
  EXPECT_EQ(Labels("في مدينة دير الزور"), V{"دير الزور|PLACE|alias"});
}

TEST_F(RulesTest, APartyByItsNationality) {
  EXPECT_EQ(Labels("وصديق زعيم حزب الوطن الليبي ورجل الأعمال"),
            V{"حزب الوطن الليبي|ORGANIZATION|rule:party-by-nationality"});
  EXPECT_EQ(Labels("أعلن رئيس حزب الأمة القومي السوداني المعارض"),
            V{"حزب الأمة القومي السوداني|ORGANIZATION|rule:party-by-nationality"});
  EXPECT_TRUE(Labels("وقال حزب الوطن إن").empty());  // no nationality: which party is not said
}

TEST_F(RulesTest, AMagazineOrANewspaperByItsHeadWord) {
  EXPECT_EQ(Labels("في مقابلة له مع مجلة التايم إلى"),
            V{"مجلة التايم|ORGANIZATION|rule:org-newspaper"});
  EXPECT_EQ(Labels("ونشرت جريدة فوكوس تقريرا"),
            V{"جريدة فوكوس|ORGANIZATION|rule:org-newspaper"});
  // A definite name in ة (not in ية, a nisba's ending).
  EXPECT_EQ(Labels("في مقابلة مع مجلة الحياة الدولية"),
            V{"مجلة الحياة|ORGANIZATION|rule:org-newspaper"});
  // An indefinite ordinary word after the head word is the sentence's (a verb, a noun).
  EXPECT_TRUE(Labels("كانت مجلة تعتمد على المقالات").empty());
  EXPECT_TRUE(Labels("صحيفة تكشف أسرار رحيله").empty());
}

// A centre or institute of studies or research with the definite words of its name is an
// ORGANIZATION (org-research-centre), a look-alike among them too (السلام); not one described.
TEST_F(RulesTest, AResearchCentreByItsName) {
  EXPECT_EQ(Labels("وقالت المحللة في معهد دراسات الحرب إن"),
            V{"معهد دراسات الحرب|ORGANIZATION|rule:org-research-centre"});
  EXPECT_EQ(Labels("استهدفت الضربات مركز الأبحاث العلمية في برزة"),
            V{"مركز الأبحاث العلمية|ORGANIZATION|rule:org-research-centre"});
  EXPECT_EQ(Labels("وعمل في معهد دراسات السلام"),
            V{"معهد دراسات السلام|ORGANIZATION|rule:org-research-centre"});
  EXPECT_EQ(Labels("واستهدفت مركز أبحاث كبير"), V{});
}

TEST_F(RulesTest, ANewspapersNameIsNotItsDescription) {
  EXPECT_TRUE(Labels("نشرت صحيفة بريطانية تقريرا").empty());  // an adjective
  EXPECT_EQ(Labels("وقالت صحيفة ذي غارديان إن"),
            V{"صحيفة ذي غارديان|ORGANIZATION|rule:org-newspaper"});  // not صحيفة ذي
  // A definite name (الميرور), but not a definite adjective (…ي، …ية).
  EXPECT_EQ(Labels("حسبما نشرته صحيفة الميرور في عددها"),
            V{"صحيفة الميرور|ORGANIZATION|rule:org-newspaper"});
  EXPECT_TRUE(Labels("نشرت صحيفة الرسمية وصحيفة العربي تقريرا").empty());
  // A preposition before a definite ordinary word starts no name of any type.
  EXPECT_TRUE(Labels("فلا يمكن الحكم على مدينة بالسقوط").empty());
}

TEST_F(RulesTest, OrganizationInQuotesAfterItsHeadWord) {
  EXPECT_EQ(Labels("نشرت مجلة «فورين بوليسي» تقريرا"),
            V{"فورين بوليسي|ORGANIZATION|rule:org-quoted-after-head"});
  EXPECT_EQ(Labels("وقالت جمعية \"موسكا\" الإنسانية"),
            V{"موسكا|ORGANIZATION|rule:org-quoted-after-head"});
  // A club or a team (النصر, also "victory", only quoted).
  EXPECT_EQ(Labels("وأكد أنه أحد مشجعي فريق “النصر” منذ صغره"),
            V{"النصر|ORGANIZATION|rule:org-quoted-after-head"});
  EXPECT_EQ(Labels("في مباراة مع نادي \"مانشستر سيتي\" أمس"),
            V{"مانشستر سيتي|ORGANIZATION|rule:org-quoted-after-head"});
  // Unquoted, the head word's own rule (org-newspaper) takes it with its first word.
  EXPECT_EQ(Labels("نشرت مجلة فورين بوليسي"),
            V{"مجلة فورين بوليسي|ORGANIZATION|rule:org-newspaper"});
}

TEST_F(RulesTest, OrdinaryWordsInQuotesAfterAHeadWordAreAName) {
  EXPECT_EQ(Labels("بحسب وكالة \"الأنباء الألمانية\" اليوم"),
            V{"الأنباء الألمانية|ORGANIZATION|rule:org-agency-quoted"});
  EXPECT_EQ(Labels("كتب على موقع \"تويتر\" أمس"),
            V{"تويتر|ORGANIZATION|rule:org-quoted-after-head"});
  EXPECT_EQ(Labels("ذكرت وكالة أنباء «دوغان» اليوم"),
            V{"دوغان|ORGANIZATION|rule:org-news-agency-quoted"});
  // One indefinite word in quotes for emphasis: an adjective after an organization's head
  // word, any word after an operation's.
  EXPECT_TRUE(Labels("وصف الحزب بأنه منظمة \"إرهابية\" أمس").empty());
  EXPECT_TRUE(Labels("يستعد الجيش لعملية \"ضخمة\" في المدينة").empty());
  // Unquoted, not the quoted rule: the whole phrase names the agency by its nationality.
  EXPECT_EQ(Labels("بحسب وكالة الأنباء الألمانية"),
            V{"وكالة الأنباء الألمانية|ORGANIZATION|rule:agency-by-nationality"});
}

TEST_F(RulesTest, FactionInQuotesAfterDescriptor) {
  EXPECT_EQ(Labels("فصيل \"أحرار الشرقية\" المدعوم"),
            V{"أحرار الشرقية|FACTION|rule:faction-quoted-after-faction"});
  EXPECT_EQ(Labels("لواء «صقور الجبل»"), V{"صقور الجبل|FACTION|rule:faction-quoted-after-brigade"});
  EXPECT_TRUE(Labels("فصيل مسلح").empty());
}

TEST_F(RulesTest, ForcesByNationality) {
  EXPECT_EQ(Labels("قصفت القوات الروسية"), V{"القوات الروسية|FACTION|rule:forces-by-nationality"});
  EXPECT_EQ(Labels("وتقدم الجيش التركي"), V{"الجيش التركي|FACTION|rule:army-by-nationality"});
  EXPECT_EQ(Labels("جذور الجيش التركي\n\nتابعنا"),  // a headline: the name ends its line
            V{"الجيش التركي|FACTION|rule:army-by-nationality"});
  EXPECT_TRUE(Labels("القوات الخاصة والجيش الحر").empty());
}

TEST_F(RulesTest, RulesNeverOverrideTheGazetteer) {
  EXPECT_EQ(Labels("قال الرئيس بشار الأسد"), V{"بشار الأسد|PERSON|alias"});
  EXPECT_EQ(Labels("قرية حلب"), V{"حلب|PLACE|alias"});
}

TEST_F(RulesTest, DesignationsOfIsByTrigger) {
  EXPECT_EQ(Labels("عناصر تنظيم الدولة"), V{"الدولة|FACTION|alias"});
  EXPECT_EQ(Labels("تنظيم “الدولة”"), V{"الدولة|FACTION|alias"});
  EXPECT_TRUE(Labels("مؤسسات الدولة").empty());
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

TEST_F(RulesTest, APlaceInsideAGovernorateDoesNotMakeItsNameTheGovernorate) {
  // الكرامة is a village of the city of Raqqa, inside Raqqa governorate.
  auto es = ex_->Extract("قصفت الطائرات قرية الكرامة ثم الرقة");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[1].id, "place:raqqa");
  es = ex_->Extract("قصفت الطائرات قرية الكرامة في محافظة الرقة");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[1].id, "place:raqqa-gov");
}

TEST_F(RulesTest, AFamilyNameGivesWayToTheLongerNameThatEndsWithIt) {
  // The first name as the news spells it (فرنسوا for فرانسوا): the listed person.
  auto es = ex_->Extract("وقال الرئيس فرنسوا هولاند إن");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 1u);
  EXPECT_EQ((*es)[0].text, "فرنسوا هولاند");
  EXPECT_EQ((*es)[0].id, "person:hollande");
  EXPECT_EQ((*es)[0].source, "rule:person-after-president");
  EXPECT_EQ(ex_->entry((*es)[0])->name_en, "François Hollande");
  // Another member of the family: the rule's name, without an id; a later bare family name
  // is that person's, not the listed one's.
  es = ex_->Extract("قال فايز المالكي إن المالكي");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[0].text, "فايز المالكي");
  EXPECT_TRUE((*es)[0].id.empty());
  EXPECT_EQ((*es)[1].source, "rule:surname-after-full-name");
  EXPECT_TRUE((*es)[1].id.empty());
  EXPECT_EQ(ex_->entry((*es)[1]), nullptr);
  // Unless the listed person was named in full before.
  es = ex_->Extract("نوري المالكي وفايز المالكي، ثم المالكي");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 3u);
  EXPECT_EQ((*es)[2].id, "person:maliki");
  // Alone, the family name is the listed person.
  es = ex_->Extract("وقال المالكي إن");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 1u);
  EXPECT_EQ((*es)[0].id, "person:maliki");
}

TEST_F(RulesTest, APersonsNamesakeVillageOrNeighbourhoodNeedsItsTriggerWord) {
  // المالكي is Nouri al-Maliki and a neighbourhood of Damascus: Damascus named next to it does
  // not make it the neighbourhood, nor does it make Damascus "named" by a descendant.
  auto es = ex_->Extract("زار المالكي دمشق");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[0].id, "person:maliki");
  EXPECT_EQ((*es)[1].id, "place:damascus");
  es = ex_->Extract("سقطت قذيفة على حي المالكي في دمشق");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[0].id, "place:damascus-malki");
}

TEST_F(RulesTest, ADescriptorThatLeadsAnAliasStaysOutsideTheSpan) {
  // ريف دمشق names the governorate; its span is دمشق, as the annotation conventions have it.
  auto es = ex_->Extract("قصفت الطائرات ريف دمشق وريف دمشق");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  for (const Entity& e : *es) {
    EXPECT_EQ(e.text, "دمشق");
    EXPECT_EQ(e.id, "place:rif-dimashq");
  }
  es = ex_->Extract("وصل إلى دمشق");
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 1u);
  EXPECT_EQ((*es)[0].id, "place:damascus");
}

// A village's one-word name that ends a person's name a rule found is the family name
// (منذر ماخوس): the person, not the village; the village stays where no name holds it.
TEST_F(RulesTest, AVillageNameEndingAPersonsNameIsTheFamilyName) {
  EXPECT_EQ(Labels("وأوضح خالد الكرامة سفير الائتلاف في باريس"),
            V{"خالد الكرامة|PERSON|rule:person-said-name-role"});
  // (A village named with its country: alone, a village of a common word is no entry's.)
  EXPECT_EQ(Labels("وقصفت الطائرات قرية الكرامة في سوريا أمس"),
            (V{"الكرامة|PLACE|alias", "سوريا|PLACE|alias"}));
}

// The name of a minor place — a town, a camp, a small city, no country or governorate — that ends
// a person's name a rule found is the family name (علي الزعتري of the camp, العقيد تامر الرفاعي),
// not the place; but only after a given name that is no ordinary word, or after a title, with
// only name words between (صلاح نجم الزعتري "Salah, star of Zaatari" stays a place), and never a
// broad place or a prominent one (غزا صدام الكويت "Saddam invaded Kuwait").
TEST_F(RulesTest, AMinorPlaceEndingAPersonsNameIsTheFamilyName) {
  Build(/*with_rules=*/true,
        "place:zaatari\tPLACE\tcamp\tالزعتري\tZaatari camp\t\tJO\t\t\n"
        "place:rifai\tPLACE\ttown\tالرفاعي\tAl-Rifai\t\tIQ\t\t\n"
        "place:kw\tPLACE\tcountry\tالكويت\tKuwait\t\tKW\t\t\n");
  EXPECT_EQ(Labels("وقال منسق الأمم المتحدة علي الزعتري إن الوضع صعب"),
            V{"علي الزعتري|PERSON|rule:person-after-construct-role"});
  EXPECT_EQ(Labels("وقال العقيد تامر الرفاعي في مؤتمر صحفي"),
            V{"تامر الرفاعي|PERSON|rule:person-after-colonel"});
  EXPECT_EQ(Labels("وصل اللاجئون إلى مخيم الزعتري أمس"), V{"الزعتري|PLACE|alias"});
  EXPECT_EQ(Labels("وقال صلاح نجم الزعتري إن"), V{"الزعتري|PLACE|alias"});
  EXPECT_EQ(Labels("كما فعلت يوم غزا صدام الكويت"), V{"الكويت|PLACE|alias"});
}

// A word that is a given name as a whole is not a proclitic before an alias: كلاوس is Klaus,
// not ك + لاوس (Laos); ولاوس is و + لاوس.
TEST_F(RulesTest, AGivenNameIsNoProcliticBeforeAnAlias) {
  Build(/*with_rules=*/true, "place:la\tPLACE\tcountry\tلاوس\tLaos\t\tLA\t\t\n");
  EXPECT_EQ(Labels("وتحدث كلاوس شواب في المنتدى"),
            V{"كلاوس شواب|PERSON|rule:person-given-name"});
  EXPECT_EQ(Labels("بين فيتنام ولاوس"), V{"لاوس|PLACE|alias"});
}

// A person's name that ends the name of a unit, place or body a rule finds named after the
// person is that unit's name (جيش بشار الأسد); a kunya of two words gives no surname (أبو لهب …
// ذات لهب "of flame").
TEST_F(RulesTest, APersonsNameInsideWhatIsNamedAfterThem) {
  EXPECT_EQ(Labels("كانوا ضباطا في جيش بشار الأسد"),
            V{"جيش بشار الأسد|FACTION|rule:faction-named-unit"});
  EXPECT_EQ(Labels("التقى بشار الأسد الوفد"), V{"بشار الأسد|PERSON|alias"});
  Build(/*with_rules=*/true, "person:abu-lahab\tPERSON\thistorical\tأبو لهب\tAbu Lahab\t\t\t\t\n");
  EXPECT_EQ(Labels("وكان أبو لهب من أشراف قريش يصلى نارا ذات لهب"), V{"أبو لهب|PERSON|alias"});
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
  es = ex_->Extract("التقى بشار الأسد ثم سليمان الأسد");  // after a first name: someone else
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 2u);
  EXPECT_EQ((*es)[1].text, "سليمان الأسد");
  EXPECT_EQ((*es)[1].source, "rule:person-given-name");
  EXPECT_TRUE((*es)[1].id.empty());
  ExtractorOptions off = ex_->options();
  off.enable_rules = false;  // document consistency is a rule too
  auto no_rules = Extractor::Create(off);
  ASSERT_TRUE(no_rules.ok());
  es = (*no_rules)->Extract("التقى بشار الأسد الوفد، وقال الأسد إن");
  ASSERT_TRUE(es.ok());
  EXPECT_EQ(es->size(), 1u);
  es = ex_->Extract("وقال الأسد إن بشار الأسد");  // only after the full name
  ASSERT_TRUE(es.ok());
  ASSERT_EQ(es->size(), 1u);
  EXPECT_EQ((*es)[0].source, "alias");
}

// A surname that is also a word of its own is that word where the text shows it: امام written
// أمام is the preposition (عادل إمام … أمام الجمهور), a month's name after شهر or before a word
// of time the month (محمد رمضان … شهر رمضان); written إمام, or bare, the person.
TEST(SurnameWalkTest, ASurnameThatIsAWordOfItsOwn) {
  auto ex = Extractor::Create(ExtractorOptions());
  ASSERT_TRUE(ex.ok());
  auto texts = [&](const std::string& input) {
    std::vector<std::string> out;
    auto es = (*ex)->Extract(input);
    EXPECT_TRUE(es.ok());
    if (es.ok()) {
      for (const Entity& e : *es) out.push_back(std::string(e.text) + "|" + std::string(e.source));
    }
    return out;
  };
  const std::vector<std::string> emam =
      texts("شارك عادل إمام في الفيلم، ووقف أمام الجمهور ثم قال إمام إنه سعيد");
  EXPECT_EQ(std::count(emam.begin(), emam.end(), "أمام|rule:surname-after-full-name"), 0);
  EXPECT_EQ(std::count(emam.begin(), emam.end(), "إمام|rule:surname-after-full-name"), 1);
  const std::vector<std::string> ramadan =
      texts("وقال الممثل محمد رمضان إن المسلسل يعرض في شهر رمضان، وأضاف رمضان أنه سعيد");
  EXPECT_EQ(std::count(ramadan.begin(), ramadan.end(), "رمضان|rule:surname-after-full-name"), 1);
  const std::vector<std::string> king =
      texts("وحضر محمد بن عبد الملك الاجتماع، ثم استقبل الملك سلمان الوفد");
  EXPECT_EQ(std::count(king.begin(), king.end(), "الملك|rule:surname-after-full-name"), 0);
}

// The small test table and, as the only rules, `rules` (a rules.tsv in `dir`).
ExtractorOptions WithRules(testing::TempDir* dir, const std::string& rules) {
  ExtractorOptions opt;
  opt.use_embedded_data = false;
  opt.gazetteer_files = {dir->Write("table.tsv", testing::kTestTable)};
  opt.rule_files = {dir->Write("rules.tsv", rules)};
  return opt;
}

// The surface of each entity `ex` finds in `input`.
std::vector<std::string> Texts(const Extractor& ex, const std::string& input) {
  std::vector<std::string> out;
  auto es = ex.Extract(input);
  EXPECT_TRUE(es.ok()) << es.status();
  if (es.ok()) {
    for (const Entity& e : *es) out.push_back(std::string(e.text));
  }
  return out;
}

// A rule's assertions see the document around its window, not the window alone: (?m)^ holds
// only after a line break, and $ only at the end of the document, not where the window stops
// (rules look at most 160 bytes past their trigger, and never past a line break).
TEST(RuleWindowTest, AssertionsSeeTheDocumentAroundTheWindow) {
  testing::TempDir dir;
  const ExtractorOptions opt = WithRules(&dir,
      "id\ttrigger\ttype\tsubtype\tscore\tgroup\tpattern\n"
      "line-start\tقرية\tPLACE\tvillage\t0.7\t1\t(?m)^قريه ([\\x{0621}-\\x{064A}]+)\n"
      "document-end\tبلدة\tPLACE\ttown\t0.7\t1\tبلده ([a-z]+(?: [a-z]+)*)$\n"
      "any-space\tمخيم\tPLACE\tcamp\t0.7\t1\tمخيم\\s([\\x{0621}-\\x{064A}]+)\n");
  auto ex = Extractor::Create(opt);
  ASSERT_TRUE(ex.ok()) << ex.status();
  auto texts = [&](const std::string& input) { return Texts(**ex, input); };
  EXPECT_EQ(texts("في قرية الحمرات\nقرية الزيتون"), V{"الزيتون"});
  EXPECT_EQ(texts("بلدة abc def"), V{"abc def"});
  // The trigger (8 bytes) and a space, then one word up to byte 160, where the window ends.
  const std::string long_word(160 - 9, 'a');
  EXPECT_EQ(texts("بلدة " + long_word), V{long_word});
  EXPECT_TRUE(texts("بلدة " + long_word + " zz").empty());
  // Nor across a line, even for a pattern whose \s would take the line break.
  EXPECT_EQ(texts("مخيم الركبان"), V{"الركبان"});
  EXPECT_TRUE(texts("مخيم\nالركبان").empty());
}

// A rule that has mostly failed is tested with RE2's DFA before its groups are sought
// (RunPattern): after many failures, in one document and across documents of one extractor,
// the rule still finds exactly the names it finds on a fresh extractor.
TEST(RuleTallyTest, ARuleThatMostlyFailsStillFindsItsNames) {
  testing::TempDir dir;
  const ExtractorOptions opt = WithRules(&dir,
      "id\ttrigger\ttype\tsubtype\tscore\tgroup\tpattern\n"
      "rare\tعملية\tOPERATION\t\t0.7\t1\tعمليه (نصر [\\x{0621}-\\x{064A}]+)\n");
  auto fresh = Extractor::Create(opt);
  auto used = Extractor::Create(opt);
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  ASSERT_TRUE(used.ok()) << used.status();
  std::string misses;
  for (int i = 0; i < 40; ++i) misses += "بدأت عملية عسكرية. ";
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(Texts(**used, misses).empty());
  const std::string mixed = misses + "وأطلقت عملية نصر الشمال";
  EXPECT_EQ(Texts(**used, mixed), V{"نصر الشمال"});
  EXPECT_EQ(Texts(**used, mixed), Texts(**fresh, mixed));
  EXPECT_EQ(Texts(**used, "عملية نصر الجنوب"), V{"نصر الجنوب"});
}

// max_chars caps the name's length in characters (code points, not bytes), after the match:
// the pattern may take any length, and a longer name is no name at all.
TEST(RuleMaxCharsTest, CapsTheNameInCharacters) {
  testing::TempDir dir;
  const ExtractorOptions opt = WithRules(&dir,
      "id\ttrigger\ttype\tsubtype\tscore\tgroup\tmax_chars\tpattern\n"
      "quoted\tفصيل\tFACTION\tarmed_group\t0.7\t1\t5\tفصيل \"([^\"]{2,}?)\"\n"
      "uncapped\tلواء\tFACTION\tarmed_group\t0.7\t1\t\tلواء \"([^\"]{2,}?)\"\n");
  auto ex = Extractor::Create(opt);
  ASSERT_TRUE(ex.ok()) << ex.status();
  auto texts = [&](const std::string& input) { return Texts(**ex, input); };
  EXPECT_EQ(texts("فصيل \"صقور\""), V{"صقور"});    // 4 characters, 8 bytes
  EXPECT_EQ(texts("فصيل \"صقورة\""), V{"صقورة"});  // 5: the cap
  EXPECT_TRUE(texts("فصيل \"الصقور\"").empty());   // 6
  EXPECT_EQ(texts("لواء \"الصقور الحمر\""), V{"الصقور الحمر"});  // no cap
  for (const char* bad : {"0", "-1", "x", "2.5"}) {
    ExtractorOptions o = opt;
    o.rule_files = {dir.Write("bad.tsv",
                              std::string("id\ttrigger\ttype\tscore\tmax_chars\tpattern\n"
                                          "r\tفصيل\tFACTION\t0.7\t") +
                                  bad + "\tفصيل (\\S+)\n")};
    auto e = Extractor::Create(o);
    ASSERT_FALSE(e.ok()) << bad;
    EXPECT_NE(e.status().message().find("bad.tsv:2"), std::string::npos) << e.status();
    EXPECT_NE(e.status().message().find("max_chars"), std::string::npos) << e.status();
  }
}

// next = quote: the rule runs only where a quote mark follows its trigger word, and does
// exactly what it would without the column there; a bad value is an error naming the line.
TEST(RuleNextTest, AQuotedNamesRuleRunsOnlyAfterAQuote) {
  testing::TempDir dir;
  const std::string header = "id\ttrigger\ttype\tscore\tnext\tpattern\n";
  const ExtractorOptions opt = WithRules(&dir, header +
      "q\tفصيل\tFACTION\t0.7\tquote\tفصيل [\"«](\\S+?)[\"»]\n"
      "bare\tلواء\tFACTION\t0.7\t\tلواء (\\S+)\n");
  auto ex = Extractor::Create(opt);
  ASSERT_TRUE(ex.ok()) << ex.status();
  EXPECT_EQ(Texts(**ex, "فصيل «صقور» المدعوم"), V{"صقور"});
  EXPECT_EQ(Texts(**ex, "فصيل \"صقور\" المدعوم"), V{"صقور"});
  EXPECT_TRUE(Texts(**ex, "فصيل صقور المدعوم").empty());
  EXPECT_EQ(Texts(**ex, "لواء صقور"), V{"صقور"});  // no column value: always runs
  ExtractorOptions bad = opt;
  bad.rule_files = {dir.Write("bad.tsv", header + "q\tفصيل\tFACTION\t0.7\tquoted\tفصيل (\\S+)\n")};
  auto e = Extractor::Create(bad);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("bad.tsv:2"), std::string::npos) << e.status();
  EXPECT_NE(e.status().message().find("next"), std::string::npos) << e.status();
}

// next = name (PERSON rules whose name starts at the word after the trigger): the pattern
// runs only where that word may start a person's name, which changes what the rule finds
// nowhere (the words it skips are the ones every rule-made person's first word is checked
// against: function words, ordinary words, a preposition before a definite ordinary word);
// on another type it is an error.
// next = definite: the rule runs only where the word after its trigger starts with the article.
TEST(RuleNextTest, ADefiniteRuleRunsOnlyBeforeTheArticle) {
  testing::TempDir dir;
  const std::string header = "id\ttrigger\ttype\tscore\tnext\tpattern\n";
  auto ex = Extractor::Create(WithRules(&dir, header +
      "d\tخبير\tPERSON\t0.6\tdefinite\tخبير (?:\\S+ )(\\S+ \\S+)،\n"));
  ASSERT_TRUE(ex.ok()) << ex.status();
  EXPECT_EQ(Texts(**ex, "قال خبير الإرهاب ديزفاد جالفيشك، أمس"), V{"ديزفاد جالفيشك"});
  EXPECT_TRUE(Texts(**ex, "قال خبير إرهاب ديزفاد جالفيشك، أمس").empty());
}

TEST(RuleNextTest, ANameRuleRunsOnlyWhereANameMayFollow) {
  testing::TempDir dir;
  const std::string header = "id\ttrigger\ttype\tscore\tnext\tpattern\n";
  auto with_next = [&](const std::string& next) {
    ExtractorOptions o;  // the embedded data, for its function words and ordinary words
    o.rule_files = {dir.Write("r" + next + ".tsv", header + "admit\tاعترف\tPERSON\t0.6\t" + next +
                              "\tاعترف ([\\x{0621}-\\x{064A}]+ [\\x{0621}-\\x{064A}]+)،\n")};
    return o;
  };
  auto plain = Extractor::Create(with_next(""));
  auto checked = Extractor::Create(with_next("name"));
  ASSERT_TRUE(plain.ok()) << plain.status();
  ASSERT_TRUE(checked.ok()) << checked.status();
  const std::vector<std::string> inputs = {
      "اعترف سامر حداد، وهو مسؤول", "واعترف سامر حداد، أمس", "اعترف المتحدث العسكري، أمس",
      "اعترف في بيانه، أمس", "اعترف بالانسحاب الكامل، أمس", "اعترف مصدر أمني، أمس",
      "اعترف «سامر حداد»، أمس"};
  for (const std::string& in : inputs) EXPECT_EQ(Texts(**checked, in), Texts(**plain, in)) << in;
  EXPECT_EQ(Texts(**checked, "واعترف سامر حداد، أمس"), V{"سامر حداد"});
  EXPECT_TRUE(Texts(**checked, "اعترف مصدر أمني، أمس").empty());
  ExtractorOptions bad = WithRules(&dir, header + "n\tفصيل\tFACTION\t0.7\tname\tفصيل (\\S+)\n");
  auto e = Extractor::Create(bad);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("rules.tsv:2"), std::string::npos) << e.status();
  EXPECT_NE(e.status().message().find("PERSON"), std::string::npos) << e.status();
}

// The most spaces a match can hold, read from the pattern: sums over a sequence, the larger
// branch of an alternation, times the top of a repetition; a class counts where it may match
// a space; a repetition of spaces without a top, or syntax the reading does not know, is
// unbounded (never a bound below the truth).
TEST(RuleNextTest, AGivenNameRuleTakesTheWordsOfTheGivenNameFile) {
  testing::TempDir dir;
  const std::string header = "id\ttrigger\ttype\tscore\tnext\tpattern\n";
  ExtractorOptions o = WithRules(&dir, header +
      "g\t@given_names\tPERSON\t0.6\tgiven\t([\\x{0621}-\\x{064A}]+(?: [\\x{0621}-\\x{064A}]+){1,3})\n");
  o.gazetteer_files.push_back(dir.Write("given_names.tsv", "word\tnote\nسامر\t\nسامر\t\n"));
  auto ex = Extractor::Create(o);
  ASSERT_TRUE(ex.ok()) << ex.status();
  EXPECT_EQ(Texts(**ex, "وصل سامر حداد."), V{"سامر حداد"});  // once, though listed twice
  EXPECT_TRUE(Texts(**ex, "وصل ماهر حداد.").empty());
  // A given-name file of two words in a row is an error that names the file and the line.
  o.gazetteer_files.back() = dir.Write("given_names.tsv", "word\nسامر حداد\n");
  auto bad = Extractor::Create(o);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("given_names.tsv:2"), std::string::npos) << bad.status();
  // `given` is for PERSON rules only.
  auto wrong = Extractor::Create(WithRules(&dir, header +
      "g\t@given_names\tPLACE\t0.6\tgiven\t(\\S+ \\S+)\n"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("given"), std::string::npos) << wrong.status();
}

TEST(RuleSpaceBoundTest, CountsTheSpacesAMatchCanHold) {
  using internal::kUnboundedSpaces;
  using internal::MaxSpaces;
  EXPECT_EQ(MaxSpaces("قريه ([\\x{0621}-\\x{064A}]+)"), 1u);
  EXPECT_EQ(MaxSpaces("قريه ([\\x{0621}-\\x{064A}]+)(?:$|[^\\x{0621}-\\x{064A}])"), 2u);
  EXPECT_EQ(MaxSpaces("a(?: b| c d)?"), 2u);
  EXPECT_EQ(MaxSpaces("(?:[a-z]+ ){0,5}[a-z]+"), 5u);
  EXPECT_EQ(MaxSpaces("(?:x|y z){2}"), 2u);
  EXPECT_EQ(MaxSpaces("a\\x{20}b\\x20c\\ d"), 3u);
  EXPECT_EQ(MaxSpaces("[\\x{0621}-\\x{064A}\\n]+"), 0u);  // no space in the class
  EXPECT_EQ(MaxSpaces("[^a-z]"), 1u);
  EXPECT_EQ(MaxSpaces("[^ a-z]+"), 0u);
  EXPECT_EQ(MaxSpaces("[\\x{0000}-\\x{0030}]"), 1u);
  EXPECT_EQ(MaxSpaces("[]a]"), 0u);
  EXPECT_EQ(MaxSpaces("\\w+\\s\\d+"), 1u);
  for (const char* unbounded :
       {"a(?: b)*", "a(?: b)+", "a(?: b){2,}", "[^a]+", "x.*y", "\\s+", "(?i)a b",
        "(?P<n>a b)", "[[:space:]]", "\\pL a", "a (b", "a b)", "[a b", "a{2", "+a"}) {
    EXPECT_EQ(MaxSpaces(unbounded), kUnboundedSpaces) << unbounded;
  }
}

// A literal, then one capturing group that ends the pattern: the group is the match less the
// literal's bytes, found without capture groups (FindGroup).
TEST(RuleSpaceBoundTest, FindsAGroupThatIsTheMatchsTail) {
  using internal::TailGroupOffset;
  constexpr size_t kNo = std::string_view::npos;
  EXPECT_EQ(TailGroupOffset("قريه ([\\x{0621}-\\x{064A}]+)"), std::string_view("قريه ").size());
  EXPECT_EQ(TailGroupOffset("(ابو [a-z]+(?: [a-z]+)?)"), 0u);
  EXPECT_EQ(TailGroupOffset("ab ([)(]+(?:x|\\)))"), 3u);  // parentheses in a class, escaped
  EXPECT_EQ(TailGroupOffset("a([]a)]+)"), 1u);              // ] first in a class is itself
  for (const char* no : {"قريه ([a-z]+)(?:$|[^a-z])",  // something after the group
                         "(?:قال|ذكر) ([a-z]+)",       // no literal before it
                         "a? (b)", "a|b (c)", "(?i)x (y)", "(?:x) (y)", "x(y)?", "x (y)z",
                         "x (y", "nothing"}) {
    EXPECT_EQ(TailGroupOffset(no), kNo) << no;
  }
}

// A rule runs over its reach, the window up to the space its match cannot hold, and matches
// exactly as over the whole window: the character after the name may be the space at the
// cut, and $ does not hold at the cut, only at the end of the document.
TEST(RuleSpaceBoundTest, ARuleMatchesAsOverTheWholeWindow) {
  testing::TempDir dir;
  const ExtractorOptions opt = WithRules(&dir,
      "id\ttrigger\ttype\tsubtype\tscore\tgroup\tpattern\n"
      "two\tبلدة\tPLACE\ttown\t0.7\t1\tبلده ([a-z]+ [a-z]+)(?:$|[^a-z])\n"
      "end\tقرية\tPLACE\tvillage\t0.7\t1\tقريه ([a-z]+ [a-z]+)$\n"
      "some\tمخيم\tPLACE\tcamp\t0.7\t1\tمخيم ((?:[a-z]+ ){0,2}[a-z]+)\\.\n");
  auto ex = Extractor::Create(opt);
  ASSERT_TRUE(ex.ok()) << ex.status();
  auto texts = [&](const std::string& input) { return Texts(**ex, input); };
  EXPECT_EQ(texts("بلدة abc def ghi"), V{"abc def"});
  EXPECT_EQ(texts("بلدة abc def"), V{"abc def"});
  EXPECT_TRUE(texts("قرية abc def ghi").empty());
  EXPECT_EQ(texts("قرية abc def"), V{"abc def"});
  EXPECT_EQ(texts("مخيم ab cd ef. وقتل"), V{"ab cd ef"});
  EXPECT_TRUE(texts("مخيم ab cd ef gh. وقتل").empty());
}

// Every rule of data/rules.tsv compiles to a program RE2's bit-state matcher takes (at most
// 512 instructions in the RE2 of Debian 12): a larger one goes to RE2's NFA, which took 7,000
// to 15,000 cycles a match against 1,000 to 2,000 (government-by-nationality, 580
// instructions before its nationalities were written as stems with a shared ending;
// person-said-name-role, 652). A rule that outgrows it still works, only slower: this test
// says which, and how big.
TEST(RuleProgramTest, EveryEmbeddedRuleFitsTheBitStateMatcher) {
  internal::RuleSet rules;
  const std::string path = std::string(ALAM_SOURCE_DIR) + "/data/rules.tsv";
  ASSERT_TRUE(rules.Add(path, testing::ReadFileOrDie(path)).ok());
  ASSERT_GT(rules.size(), 50u);
  for (size_t i = 0; i < rules.size(); ++i) {
    EXPECT_LE(rules.rule(i).re->ProgramSize(), 512) << rules.rule(i).id;
  }
}

// A given-name file's class column is empty or "weak"; anything else names its row.
TEST(RuleFileTest, GivenNameClasses) {
  internal::RuleSet rules;
  EXPECT_TRUE(rules.AddGivenNames("gn.tsv", "word\tnote\tclass\nمحمد\t\t\nعمر\t\tweak\n").ok());
  EXPECT_TRUE(rules.IsGivenName("محمد"));
  EXPECT_TRUE(rules.IsGivenName("عمر"));
  absl::Status s = rules.AddGivenNames("gn.tsv", "word\tclass\nصالح\tstrong\n");
  EXPECT_NE(std::string(s.message()).find("gn.tsv:2: given name \"صالح\": class must be"),
            std::string::npos) << s;
  s = rules.AddGivenNames("gn.tsv", "word\tclass\nعبدالعزيز\tapart\nصالح\tapart\n");
  EXPECT_NE(std::string(s.message()).find("gn.tsv:3: given name \"صالح\": class apart needs"),
            std::string::npos) << s;
  EXPECT_FALSE(rules.IsGivenName("عبدالعزيز"));  // read apart only, after عبد
}

}  // namespace
}  // namespace alam
