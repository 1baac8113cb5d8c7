// The context model (src/context/): its weight file, its score, its features, and what it
// explains through Entity::explain (alam issue 17).
#include "context/context_model.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "alam/extractor.h"
#include "gtest/gtest.h"

namespace alam::internal {
namespace {

TEST(ContextModelTest, ReadsWeightsBiasAndThreshold) {
  ContextModel m;
  ASSERT_TRUE(m.Add("m.tsv", "# comment\nfeature\tweight\n@bias\t-1.5\n@keep\t0.25\n"
                             "w+1:x\t2\na:y\t-0.5\nw+1:x\t1\n")
                  .ok());
  EXPECT_FALSE(m.empty());
  EXPECT_DOUBLE_EQ(m.Weight(FeatureKey("w+1:", "x")), 3);  // a repeated row adds
  EXPECT_DOUBLE_EQ(m.Weight(FeatureKey("a:y")), -0.5);
  EXPECT_DOUBLE_EQ(m.Weight(FeatureKey("a:", "z")), 0);
  ContextEvidence none, trigger, cue;
  trigger.trigger = true;
  cue.cue = true;
  EXPECT_TRUE(m.Keep(0.25, none));
  EXPECT_FALSE(m.Keep(0.2, none));
  EXPECT_TRUE(m.Keep(-9, trigger));  // gating evidence keeps whatever the score
  EXPECT_TRUE(m.Keep(0, cue));       // @keep_cue unset: 0
  EXPECT_FALSE(m.Keep(-0.1, cue));
  ASSERT_TRUE(m.Add("cue.tsv", "feature\tweight\n@keep_cue\t-2\n").ok());
  EXPECT_TRUE(m.Keep(-1.5, cue));
  EXPECT_FALSE(m.Keep(-1.5, none));
  EXPECT_TRUE(m.Reads("y"));  // no list: every alias's context is read
  ASSERT_TRUE(m.Add("more.tsv", "feature\tweight\nr:y\t1\n").ok());
  EXPECT_TRUE(m.Reads("y"));
  EXPECT_FALSE(m.Reads("z"));
  EXPECT_DOUBLE_EQ(m.Weight(FeatureKey("r:y")), 0);  // a list entry is not a weight
  EXPECT_FALSE(m.KeepConfirmed(1e9));  // @keep_doc unset: never
  ASSERT_TRUE(m.Add("doc.tsv", "feature\tweight\n@keep_doc\t4\n").ok());
  EXPECT_TRUE(m.KeepConfirmed(4));
  EXPECT_FALSE(m.KeepConfirmed(3.9));
}


TEST(ContextModelTest, AFeatureKeyIsTheKeyOfItsPartsJoined) {
  EXPECT_EQ(FeatureKey("aw-1:", "\xD8\xA7\xD9\x84\xD8\xA8\xD8\xA7\xD8\xA8", " ", "x"),
            FeatureKey("aw-1:\xD8\xA7\xD9\x84\xD8\xA8\xD8\xA7\xD8\xA8 x"));
  EXPECT_NE(FeatureKey("w-1:", "x"), FeatureKey("w+1:", "x"));
  EXPECT_NE(FeatureKey("a:ab"), FeatureKey("a:ba"));
}

TEST(ContextModelTest, MalformedFilesAreErrorsNamingTheLine) {
  ContextModel m;
  absl::Status s = m.Add("m.tsv", "feature\tweight\nw+1:x\tmany\n");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("m.tsv:2"), std::string::npos) << s;
  EXPECT_FALSE(m.Add("m.tsv", "feature\tweight\n@threshold\t1\n").ok());
  EXPECT_FALSE(m.Add("m.tsv", "feature\tweight\nw+1:x\tnan\n").ok());
  EXPECT_FALSE(m.Add("m.tsv", "feature\n").ok());  // no weight column
  EXPECT_TRUE(m.empty());
}

// The entities of `text` under `o`.
std::vector<Entity> ExtractWith(const ExtractorOptions& o, const std::string& text,
                                std::unique_ptr<Extractor>* keep) {
  auto ex = Extractor::Create(o);
  EXPECT_TRUE(ex.ok()) << ex.status();
  if (!ex.ok()) return {};
  *keep = std::move(*ex);
  std::unique_ptr<Scratch> scratch = (*keep)->NewScratch();
  std::vector<Entity> out;
  EXPECT_TRUE((*keep)->Extract(text, scratch.get(), &out).ok());
  return out;  // views into the extractor's data and `text` (not `explain`: the scratch is gone)
}

// The explanation of the entity `surface` of `text` under `o`, or "" when there is none.
std::string ExplainOf(const ExtractorOptions& o, const std::string& text,
                      std::string_view surface) {
  auto ex = Extractor::Create(o);
  EXPECT_TRUE(ex.ok()) << ex.status();
  if (!ex.ok()) return "";
  std::unique_ptr<Scratch> scratch = (*ex)->NewScratch();
  std::vector<Entity> out;
  EXPECT_TRUE((*ex)->Extract(text, scratch.get(), &out).ok());
  for (const Entity& e : out) {
    if (e.text == surface) return std::string(e.explain);
  }
  return "";
}

const std::string kBab = "وصلت التعزيزات إلى الباب شرق حلب";

// --explain names the evidence and the features behind a look-alike's decision; without the
// option nothing is explained.
TEST(ContextModelTest, EntitiesKeptByTheModelExplainThemselves) {
  ExtractorOptions o;
  o.explain_features = 5;
  const std::string explain = ExplainOf(o, kBab, "الباب");
  EXPECT_EQ(explain.substr(0, 8), "context ");
  // A compass word, then Aleppo, which contains al-Bab: a cue that gates.
  EXPECT_NE(explain.find("evidence: placed"), std::string::npos) << explain;
  std::unique_ptr<Extractor> ex;
  for (const Entity& e : ExtractWith(ExtractorOptions(), kBab, &ex)) {
    EXPECT_TRUE(e.explain.empty()) << e.text;
  }
}

// What the embedded model learned: al-Qaeda's strongholds (معاقل القاعدة في أبين) without a
// trigger, a member's noun or a relative are the group; "an exception to the rule" (شذوذا عن
// القاعدة) stays a word.
TEST(ContextModelTest, TheModelKeepsANameWithoutEvidenceAndLeavesTheWord) {
  ExtractorOptions o;
  o.explain_features = 5;
  const std::string explain =
      ExplainOf(o, "اليمن.. سقوط ثاني أكبر معاقل القاعدة في أبين", "القاعدة");
  EXPECT_NE(explain.find("keep (evidence: none)"), std::string::npos) << explain;
  std::unique_ptr<Extractor> ex;
  const std::string word = "المثقفين شكلوا شذوذا عن القاعدة بعد أن أصبحوا معروفين";
  for (const Entity& e : ExtractWith(ExtractorOptions(), word, &ex)) EXPECT_NE(e.text, "القاعدة");
}

// A weaker cue (و after a place name, a compass word not followed by a place that contains the
// name) is weighed by the model: "Russia and the West" is not a village called الغرب, "two
// villages north-west of Afrin" not the town of Qaryatein; Nubl and al-Zahraa are two towns.
TEST(ContextModelTest, AWeakCueIsWeighed) {
  ExtractorOptions o;
  o.explain_features = 5;
  o.keep_ungated = true;  // dropped names come out with the low score, explained
  const std::string west = ExplainOf(o, "وتصاعد التوتر بين روسيا والغرب بعد الهجوم", "الغرب");
  EXPECT_NE(west.find("drop (evidence: cue)"), std::string::npos) << west;
  const std::string two =
      ExplainOf(o, "قتل 18 عنصرا في غارات تركية على قريتين شمال غرب عفرين", "قريتين");
  EXPECT_NE(two.find("drop (evidence: cue)"), std::string::npos) << two;
  const std::string zahraa =
      ExplainOf(o, "سيطرت قوات النظام على بلدتي نبل والزهراء في ريف حلب", "الزهراء");
  EXPECT_NE(zahraa.find("keep (evidence: cue)"), std::string::npos) << zahraa;
}

// A user's weight file adds to the embedded weights; --explain lists the largest first.
TEST(ContextModelTest, ExplainsTheLargestWeightsFirst) {
  const std::string path = testing::TempDir() + "/context_model.tsv";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("feature\tweight\nw-3:\xD9\x88\xD8\xB5\xD9\x84\xD8\xAA\t40\n"
               "w+2:\xD8\xAD\xD9\x84\xD8\xA8\t-30\n", f);  // w-3:وصلت w+2:حلب
    std::fclose(f);
  }
  ExtractorOptions o;
  o.gazetteer_files = {path};
  o.explain_features = 2;
  const std::string explain = ExplainOf(o, kBab, "الباب");
  // Weights add to the embedded ones (a few units at most): the two come first, in order.
  EXPECT_NE(explain.find("(evidence: placed): w-3:وصلت +4"), std::string::npos) << explain;
  EXPECT_NE(explain.find(" \xC2\xB7 w+2:حلب -"), std::string::npos) << explain;
  std::remove(path.c_str());
}

TEST(ContextModelTest, AllFeaturesForTraining) {
  ExtractorOptions o;
  o.explain_features = SIZE_MAX;
  o.keep_ungated = true;
  const std::string explain = ExplainOf(o, kBab, "الباب");
  // The alias, the words on both sides up to the clause's end, the neighbour's shape.
  for (const char* f : {"a:الباب ", "w-1:الي ", "w-2:التعزيزات ", "w-3:وصلت ", "w+1:شرق ",
                        "w+2:حلب ", "w+3:| ", "s-1:stop "}) {
    EXPECT_NE(explain.find(f), std::string::npos) << f << " in " << explain;
  }
}

// A look-alike without evidence is kept when the document names its entry elsewhere with
// evidence and the model scores it at @keep_doc: the mayor of al-Qa'im (رئيس بلدية القائم)
// after "the town of al-Qa'im"; alone it stays dropped, and "the present situation" (الوضع
// القائم) stays a word.
TEST(ContextModelTest, ADocumentThatNamesTheEntryWithEvidenceConfirmsALookAlike) {
  std::unique_ptr<Extractor> ex;
  auto count = [&](const std::string& text) {
    int n = 0;
    for (const Entity& e : ExtractWith(ExtractorOptions(), text, &ex)) n += e.text == "القائم";
    return n;
  };
  EXPECT_EQ(count("سيطرت القوات على مدينة القائم. وصرح رئيس بلدية القائم أحمد المحلاوي لوكالة"), 2);
  EXPECT_EQ(count("وصرح رئيس بلدية القائم أحمد المحلاوي لوكالة"), 0);
  EXPECT_EQ(count("سيطرت القوات على مدينة القائم. وقال إن الوضع القائم صعب"), 1);
}

}  // namespace
}  // namespace alam::internal
