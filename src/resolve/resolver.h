// Private: from candidates to entities — gating of ambiguous aliases, leftmost-longest
// selection, choice among namesakes, scores. See alam/extractor.h for the documented
// semantics and README "Scores" for the score heuristic.
#ifndef ALAM_SRC_RESOLVE_RESOLVER_H_
#define ALAM_SRC_RESOLVE_RESOLVER_H_

#include <bitset>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "alam/extractor.h"
#include "gazetteer/gazetteer.h"
#include "normalize/tokenizer.h"
#include "context/context_model.h"
#include "core/candidate.h"
#include "rules/rules.h"
#include "core/strings.h"

namespace alam::internal {

struct Resolved {
  uint32_t norm_start;
  uint32_t norm_end;
  int32_t entry;   // gazetteer entry, or -1 (rule-made)
  int32_t alias;   // gazetteer alias, or -1
  int32_t rule;    // rule, or -1
  double score;
  uint32_t alternatives;
  int32_t explain = -1;  // into ResolveScratch::explanations, or -1
  uint32_t trigger = 0;  // the trigger word of a rule's name (Candidate::trigger), or 0
};

// What resolution decided about one candidate before selection.
struct Choice {
  bool valid = false;
  bool gated_out = false;  // an ambiguous alias's candidate the evidence and the model dropped
  int32_t entry = -1;
  double score = 0;
  uint32_t alternatives = 0;
  int32_t explain = -1;  // into ResolveScratch::explanations, or -1
  ContextEvidence evidence;  // of a gated-out candidate
  bool supported = false;  // a trigger word, a relative or a cue next to it supports it
  bool by_trigger = false;  // the trigger word before it supports the chosen entry's type
  // The trigger word is all that supports it: no relative, gating cue or other evidence.
  bool trigger_only = false;
  // Shown as a place without an entry (kUnlistedPlaceRule): `entry` names no place there.
  bool unlisted = false;
};

// Where an entry is named, and by which alias.
struct Mention {
  uint32_t entry;
  uint32_t pos;
  int32_t alias;
};

// A candidate's place in the leftmost-longest order (Resolve, step 3).
struct CandidateOrder {
  uint32_t start;
  uint32_t inverse_end;  // ~norm_end: the longest first
  bool by_rule;
  bool ambiguous;
  uint8_t clitic_bytes;
  int32_t alias;
  int32_t rule;
  uint32_t index;  // into the candidates
};

struct ResolveScratch {
  // The entries the current document names by unambiguous aliases, and the ancestors of
  // those entries (with the named descendant's position and alias), each sorted by entry and
  // then position: a document's context in two short arrays.
  std::vector<Mention> mentions;
  std::vector<Mention> descendant_mentions;
  // Bit e: entry e is in mentions (descendant_mentions). Most entries a candidate asks about
  // are not, and the bit says so without a search.
  std::vector<uint64_t> named;
  std::vector<uint64_t> descendant_named;
  std::vector<CandidateOrder> order;
  std::vector<Choice> choices;
  // The spans of the valid gazetteer candidates (start, end), and whether each one's score
  // reaches ExtractorOptions::min_score (an ambiguous alias gated out does not).
  struct Covered {
    uint32_t start, end;
    bool shown;
  };
  std::vector<Covered> covered;
  std::vector<std::string_view> countries;  // named in the segment (DropUnplacedLocalPlaces)
  std::vector<std::pair<int32_t, int32_t>> picked;  // OneNamesakePerSegment
  // The PERSON rule candidates of the segment: (start, index).
  std::vector<std::pair<uint32_t, uint32_t>> person_rule_spans;
  std::vector<uint32_t> confirmed;  // entries the segment names with evidence, sorted
  // (alias, entry) of the choices a trigger word before the alias made, sorted (ConfirmByDocument)
  std::vector<std::pair<int32_t, int32_t>> named_with_trigger;
  // The document's state across its segments (src/document.h): each person named in full so
  // far with the surname that a later bare mention links by, in order.
  std::vector<std::pair<std::string_view, uint32_t>> document_people;  // value as `surnames`
  // The document's date (DocumentContext::date): empty, or YYYY-MM-DD, valid for one call.
  std::string_view date;
  // surname → entry (| kLaqabBit), or kUnlistedPerson; a rule-made person's given name →
  // kUnlistedGivenName
  StringMap<uint32_t> surnames;
  std::vector<std::string_view> surname_tails;  // each surname less its first letter
  // The names of two words or more of the people rules found in the segment so far, with the
  // size of their first word: the same name again later is that person (LinkSurnames).
  std::vector<std::pair<std::string_view, uint32_t>> full_names;
  // Bit EndKey(w) is set for each surname w: a word whose bit is clear ends with no surname.
  std::bitset<4096> surname_ends;
  // surname_ends and the bits of the first words of full_names: the words LinkSurnames reads.
  std::bitset<4096> stop_ends;
  std::vector<Resolved> extra;
  std::string buf;
  // The document's explanations of the context model's decisions (ExtractorOptions::
  // explain_features): a deque, so that the entities' views of them stay valid while the
  // document grows.
  std::deque<std::string> explanations;
};

// Score constants of the documented heuristic.
inline constexpr double kScoreAliasMultiWord = 0.95;
inline constexpr double kScoreAliasOneWord = 0.90;
inline constexpr double kScoreGatedTrigger = 0.85;
inline constexpr double kScoreGatedParent = 0.80;
inline constexpr double kScoreGatedModel = 0.75;  // kept by the context model or the document
inline constexpr double kScoreUngated = 0.35;
inline constexpr double kNamesakePenalty = 0.05;
inline constexpr double kScoreSurname = 0.75;
inline constexpr uint32_t kContextWindowBytes = 1500;
inline constexpr int kMaxAncestors = 4;
// ExtractorOptions::explain_features asking for every feature.
inline constexpr size_t kExplainAll = SIZE_MAX;
// The built-in rule of document consistency: its index in Resolved::rule, and its source.
inline constexpr int32_t kSurnameRule = -2;
inline constexpr std::string_view kSurnameSource = "rule:surname-after-full-name";
// The built-in rule of lists of people: a person named after a comma and و that continues a
// list begun by a person (ستيفن سوتلوف، وجايمس فولي، وديفيد هاينز،).
inline constexpr int32_t kListRule = -3;
inline constexpr std::string_view kListSource = "rule:person-list";
// The built-in place without an entry: a local place its trigger word names whose namesakes of
// the gazetteer lie in countries the segment does not name (مدينة جنان in China; resolver's
// DropUnplacedLocalPlaces).
inline constexpr int32_t kUnlistedPlaceRule = -4;
inline constexpr std::string_view kUnlistedPlaceSource = "rule:place-after-trigger";
inline constexpr double kScoreUnlistedPlace = 0.70;
// The value of ResolveScratch::surnames for the surname of a person a rule found: a link to
// it is a rule-made PERSON (Resolved::entry -1, rule kSurnameRule).
inline constexpr uint32_t kUnlistedPerson = UINT32_MAX;
// The value for the given name of a person a rule found (صفاء بولار … صفاء): a later bare
// mention links the same way, where no word that may go on a name follows it.
inline constexpr uint32_t kUnlistedGivenName = UINT32_MAX - 1;
inline constexpr bool IsUnlistedValue(uint32_t value) {
  return value == kUnlistedPerson || value == kUnlistedGivenName;
}
// Set on the value of a surname that ends a kunya (أبو أسامة الفرنسي، أبو بكر البغدادي): an
// adjective of origin as often as a name, it links only where no noun before it can take it.
inline constexpr uint32_t kLaqabBit = 0x80000000u;
// Set on the value of the second word of a compound given name that ends a listed person's
// name (رامي عبد الرحمن → الرحمن): it links only as the whole compound, عبد X, standing alone.
inline constexpr uint32_t kCompoundBit = 0x40000000u;
// The entry of a surname's value (IsUnlistedValue aside).
inline constexpr uint32_t SurnameEntry(uint32_t value) {
  return value & ~(kLaqabBit | kCompoundBit);
}

// Starts a document: forgets the people of the previous one.
void BeginResolveDocument(ResolveScratch* scratch);
// Records `r` (an entity kept in the document's output) among the people later segments link
// surnames to, when it is a person named by a name with a surname.
void RememberPerson(const Gazetteer& g, const Resolved& r, ResolveScratch* scratch);

// `original` reads the original text behind the tokens (a default one: no original).
void Resolve(const Gazetteer& g, const RuleSet& rules, const ContextModel& model,
             const ExtractorOptions& options, std::string_view normalized, const std::vector<Token>& tokens,
             const std::vector<Candidate>& candidates, const OriginalReading& original,
             ResolveScratch* scratch, std::vector<Resolved>* out, ExtractStats* stats);

}  // namespace alam::internal

#endif  // ALAM_SRC_RESOLVE_RESOLVER_H_
