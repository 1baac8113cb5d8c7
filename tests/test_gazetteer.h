// A small gazetteer for unit tests: real names, a few namesakes and an ambiguous alias.
#ifndef ALAM_TESTS_TEST_GAZETTEER_H_
#define ALAM_TESTS_TEST_GAZETTEER_H_

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
    "place:karama-raqqa\tPLACE\tvillage\tالكرامة\tAl-Karama (Raqqa)\t\tSY\tplace:raqqa\t\n"
    "place:karama-aleppo\tPLACE\tvillage\tالكرامة\tAl-Karama (Aleppo)\t\tSY\tplace:aleppo\t\n"
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

}  // namespace alam::testing

#endif  // ALAM_TESTS_TEST_GAZETTEER_H_
