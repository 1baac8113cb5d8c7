// Private: RE2 context rules (data/rules.tsv). Each rule belongs to trigger words; it runs
// only where one occurs (the matcher reports trigger words in the same pass as the
// gazetteer), anchored at the trigger, over a bounded window, and its capture group is the
// name. Text without triggers costs the rules nothing.
#ifndef ALAM_SRC_RULES_RULES_H_
#define ALAM_SRC_RULES_RULES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "alam/entity.h"
#include "alam/normalizer.h"
#include "normalize/tokenizer.h"
#include "core/candidate.h"
#include "core/strings.h"
#include "rules/space_bound.h"

namespace re2 {
class RE2;
}

namespace alam::internal {

class Gazetteer;

struct Rule {
  std::string id;
  std::string source;  // "rule:<id>"
  std::string trigger; // normalized trigger word (the first, when it has several)
  std::vector<std::string> more_triggers;  // the others (trigger column "قال|قالت|ذكر")
  bool given_names = false;  // trigger column "@given_names": the words of given_names.tsv
  EntityType type;
  std::string subtype;
  double score;
  int group;           // capture group holding the name
  uint32_t max_chars;  // the most code points the name may have; 0: no limit
  // Column `next`, checked before the pattern runs: kQuote (`quote`), a quote mark follows the
  // trigger word; kName (`name`, PERSON rules whose name starts at the word after the
  // trigger), that word may start a person's name (neither a function word nor an ordinary one);
  // kDefinite (`definite`), that word starts with the article after a space; kGiven (`given`,
  // PERSON rules whose name starts at its trigger, a given name), as kName, and the name ends
  // at its last word that may go on a person's name (TrimAfterGivenName); kCalled (`called`,
  // PERSON rules whose trigger announces a name, يدعى، المدعو), as kName, the name cut the same
  // way after its first word, which may stand alone; kNamed (`named`, rules of any type whose
  // name is a person's name after a head word of another type: معبر جابر نصيب، فصيل خالد بن
  // الوليد، مطار شارل ديغول), the word after the trigger is a given name (given_names.tsv) or
  // ابو/ابي/ابا, and the name ends there as a given name's does (TrimAfterGivenName);
  // kLookalike (`lookalike`, a head word with the name it leads: حزب الوطن، لواء النصر، ملعب
  // الرشيد), the word after the trigger is a one-word gazetteer alias that is also an
  // ordinary word (ambiguous.tsv, class common), which alone would be read as that word.
  enum class Next : uint8_t { kAny, kQuote, kName, kDefinite, kGiven, kCalled, kNamed,
                              kLookalike, kKin };
  Next next = Next::kAny;
  std::unique_ptr<re2::RE2> re;
  std::string prefix;  // what every match starts with (RE2::PossibleMatchRange), often ""
  uint32_t max_spaces;  // the most spaces a match holds (MaxSpaces), or kUnboundedSpaces
  // Group 1 is the match less this many leading bytes (TailGroupOffset), or npos.
  size_t tail_group = std::string_view::npos;
};

// What the original text says of a token that normalization took away, read from it through
// the offset map, only for the tokens a rule or the resolver asks about: whether a token علي
// is the given name Ali (written with ي; the preposition على, written with ى, is the same
// word once normalized, and a stop word), and whether a word carries tanween.
class OriginalReading {
 public:
  // No original text: every علي reads as the preposition (`all_names` false) or as the name,
  // and no word carries tanween.
  explicit OriginalReading(bool all_names = false) : all_names_(all_names) {}
  OriginalReading(std::string_view original, const OffsetMap* map)
      : original_(original), map_(map) {}
  bool IsName(std::string_view normalized, const Token& t) const;
  // Whether the original text writes the letter at normalized offset `pos` as `letter`
  // (UTF-8; إ for the ا of امام: the name إمام, not the preposition أمام); false without it.
  bool WritesLetter(size_t pos, std::string_view letter) const;
  // Whether token `t` is علي (the name or the preposition).
  static bool IsAli(std::string_view normalized, const Token& t);
  // Whether token `t`, which ends in ا once normalized, carries the accusative's tanween in the
  // original (دوماً، دومًا): an indefinite noun or adjective in its case (دوما "always", أمريكيا
  // "American", تاما "complete"), never a name of the news, which takes the article or no case
  // ending. Only words in ا are read (nearly all tanween of the news; ٌ and ٍ are rare outside
  // fully vocalized text), so that the offset map is asked about few tokens.
  bool Tanween(std::string_view normalized, const Token& t) const {
    return map_ != nullptr && t.end - t.start >= 4 && normalized[t.end - 2] == '\xD8' &&
           normalized[t.end - 1] == '\xA7' && TanweenBeforeEnd(t);  // ا
  }

 private:
  bool TanweenBeforeEnd(const Token& t) const;  // Tanween, read in the original

  std::string_view original_;
  const OffsetMap* map_ = nullptr;
  bool all_names_ = false;
};

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  // Parses a rules file; errors name file and line (a pattern that does not compile too).
  absl::Status Add(std::string_view file, std::string_view content);
  // Parses a stopword file (column "word"). Stopwords never belong to a rule-made name;
  // with `common`, the words are ordinary words: a name made only of them is rejected.
  absl::Status AddStopwords(std::string_view file, std::string_view content, bool common);
  // Parses a given-name file (column "word", data/given_names.tsv): the trigger words of the
  // rules whose trigger column is "@given_names"; column "class", optional, "weak" for a given
  // name that is also an ordinary word (weak_given_names_), "apart" for a compound with عبد
  // that starts a name written apart (abd_apart_; no trigger word).
  absl::Status AddGivenNames(std::string_view file, std::string_view content);
  // An ordinary word this frequent (documents per 10,000, the note column of
  // data/common_words.tsv) does not end a rule-made person's name.
  static constexpr double kFrequentWord = 50;
  // The trigger words of every rule (normalized), for Gazetteer::Finish.
  std::vector<std::string_view> TriggerWords() const;
  // Finds each rule's trigger words in the compiled gazetteer's vocabulary (read only).
  void Bind(const Gazetteer& g);

  const Rule& rule(size_t i) const { return *rules_[i]; }
  // A frequent ordinary word of the news (data/common_words.tsv), normalized.
  bool IsCommonWord(std::string_view word) const { return common_words_.contains(word); }
  size_t size() const { return rules_.size(); }
  const StringSet& common_words() const { return common_words_; }
  // A given name of data/given_names.tsv (the person-given-name rule's triggers), normalized.
  // A weak one (class weak: عمر، صالح, also ordinary words) too.
  bool IsGivenName(std::string_view word) const {
    return given_name_set_.contains(word) || weak_given_names_.contains(word);
  }
  // A given name of class weak (an ordinary word too: عمر، صالح), normalized.
  bool IsWeakGivenName(std::string_view word) const { return weak_given_names_.contains(word); }
  // A family's name of the bound gazetteer's people (Gazetteer::IsFamilyWord), normalized.
  bool IsFamilyWord(std::string_view word) const;
  // A country's adjective of the bound gazetteer (Gazetteer::IsCountryAdjective), normalized.
  bool IsCountryAdjective(std::string_view word) const;
  // A function word (data/stopwords.tsv), normalized.
  bool IsStopword(std::string_view word) const { return stopwords_.contains(word); }

  // How often each rule's pattern ran and matched in one thread's documents (RuleSet::Match).
  struct Tally {
    uint32_t runs = 0, matches = 0;
  };

  // Runs the rules of each trigger hit and appends their candidates. `ali` tells the given
  // name علي, which a person's name may hold, from the preposition على (OriginalReading).
  // `tallies` (one thread's, kept across documents; may be null) lets a rule whose pattern
  // has mostly failed so far ask RE2's DFA whether it matches at all before the capture groups
  // are sought: the answer is the same, only its cost differs.
  void Match(std::string_view normalized, const std::vector<Token>& tokens,
             const std::vector<TriggerHit>& hits, const OriginalReading& ali,
             std::vector<Candidate>* out, std::vector<Tally>* tallies = nullptr) const;

 private:
  // Whether rule `r`'s column `next` lets it run at trigger hit `h` (the word after it that a
  // name or the article must start, the given name's length after a proclitic);
  // name_follows caches PersonMayFollow for the hit (-1: not known yet), without and with the
  // adjective a role noun's name may follow.
  bool NextAllows(const Rule& r, std::string_view normalized, const std::vector<Token>& tokens,
                  const TriggerHit& h, const OriginalReading& ali,
                  int name_follows[2]) const;
  // Whether the word after the trigger word at `trigger_token` follows it after a space and
  // starts a person's name: a given name (data/given_names.tsv, علي as OriginalReading reads it) or
  // a kunya word ابو/ابي/ابا (column `next` = named).
  bool GivenNameFollows(std::string_view normalized, const std::vector<Token>& tokens,
                        uint32_t trigger_token, const OriginalReading& ali) const;
  // Whether the word after the trigger word at `trigger_token` follows it after a space and is
  // a given name of any class (weak ones too: ابنه عمر), علي as OriginalReading reads it, or a
  // compound with عبد of class apart written joined (column `next` = kin).
  bool AnyGivenNameFollows(std::string_view normalized, const std::vector<Token>& tokens,
                           uint32_t trigger_token, const OriginalReading& ali) const;
  // Whether the word after the trigger word at `trigger_token` (after `strip` bytes of
  // proclitics) follows it after a space and is a one-word alias of the bound gazetteer that is
  // also an ordinary word, the two not the start of a listed name (column `next` = lookalike).
  bool LookalikeFollows(std::string_view normalized, const std::vector<Token>& tokens,
                        uint32_t trigger_token, uint32_t strip) const;
  // Cuts the name [first, *last] a rule found before a word with tanween (OriginalReading::
  // Tanween), and that of a rule of column `next` given, called or named where its person's
  // name ends (rules.cc: TrimAfterGivenName and its kin); false when no name is left. Other
  // rules' names stay as their pattern found them.
  bool CutName(const Rule& r, std::string_view normalized, const std::vector<Token>& tokens,
               const TriggerHit& h, std::vector<Token>::const_iterator first,
               std::vector<Token>::const_iterator* last, const OriginalReading& ali) const;
  // CutName less the cut before tanween: the end of a person's name by the rule's kind.
  bool CutNameOfItsKind(const Rule& r, std::string_view normalized,
                        const std::vector<Token>& tokens, const TriggerHit& h,
                        std::vector<Token>::const_iterator first,
                        std::vector<Token>::const_iterator* last, const OriginalReading& ali) const;
  // Whether token `t`, after a space, joined to a عبد before it makes a compound of class apart
  // (عبد العزيز → عبدالعزيز).
  bool AbdCompoundAt(std::string_view normalized, const std::vector<Token>& tokens,
                     size_t t) const;
  // Whether hit `h` is the word عبد (after its proclitics): a rule of column `next` = given
  // triggered by it reads عبد and the word after it as the given name (abd_apart_).
  bool AbdHit(std::string_view normalized, const std::vector<Token>& tokens,
              const TriggerHit& h) const;
  // Whether the word after a weak given name at hit `h` makes it a name: with no proclitic
  // before it, a given name of the list after a space (علي as OriginalReading reads it), عبد with a
  // compound of class apart, a nasab (عمر بن عبدالله), a definite nisba that is no ordinary
  // word or a given name with the article (DefiniteGivenName) (عمر إبراهيم، عمر الحريري، صالح
  // القشعمي، عمر عبد العزيز، عمر النايف; not عمر الطفل), or a father's name that is no ordinary
  // word before a family name of the gazetteer's people that is no country's adjective (عمر
  // شهاب الكربولي; not عمر طويل العراقي); after و or ف, only the first two
  // (ConjunctionBeforeTwoNames).
  bool FamilyNameFollows(std::string_view normalized, const std::vector<Token>& tokens,
                         const TriggerHit& h, const OriginalReading& ali) const;
  // Whether word `w` is the article and a given name of the list that is no weak one (النايف،
  // الرشيد is not: رشيد is weak), and no ordinary word: a family name (عمر النايف).
  bool DefiniteGivenName(std::string_view w) const;
  // Whether token `t` follows after a space and is a given name of the list (علي as OriginalReading
  // reads it) or عبد with a compound of class apart.
  bool GivenNameOrAbdFollows(std::string_view normalized, const std::vector<Token>& tokens,
                             size_t t, const OriginalReading& ali) const;
  // Whether hit `h` is a given name after the proclitic و or ف (and no other) that a given
  // name or a compound with عبد follows (GivenNameOrAbdFollows): a name in a list (وعمر عبد
  // العزيز الدخيل، وحسن محمد), not a word with its conjunction.
  bool ConjunctionBeforeTwoNames(std::string_view normalized, const std::vector<Token>& tokens,
                                 const TriggerHit& h, const OriginalReading& ali) const;
  // Whether the words of the name [first, last] rule `r` found at hit `h` reject it
  // (RejectedByWords, rules.cc).
  bool NameRejected(const Rule& r, std::string_view normalized, const std::vector<Token>& tokens,
                    const TriggerHit& h, std::vector<Token>::const_iterator first,
                    std::vector<Token>::const_iterator last, const OriginalReading& ali) const;
  // Calls f(word) for each trigger word of rule `r`.
  template <typename F>
  void ForEachTrigger(const Rule& r, F f) const;

  std::vector<std::unique_ptr<Rule>> rules_;
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> by_word_;
  const Gazetteer* gazetteer_ = nullptr;  // Bind's
  int max_group_ = 1;  // the largest capture group any rule names
  StringSet stopwords_;
  StringSet common_words_;
  StringSet frequent_words_;  // common words of kFrequentWord documents per 10,000 or more
  std::vector<std::string> given_names_;  // AddGivenNames, normalized
  StringSet given_name_set_;               // the same but the weak ones, for IsGivenName
  // Compounds with عبد that start a name written apart (عبد العزيز, class apart), joined.
  StringSet abd_apart_;
  // Given names that are also ordinary words (عمر "age", صالح "interest", class weak): they
  // start a name only before a given name or a definite nisba (FamilyNameFollows).
  StringSet weak_given_names_;
};

}  // namespace alam::internal

#endif  // ALAM_SRC_RULES_RULES_H_
