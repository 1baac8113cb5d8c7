// Private: from candidates to entities — gating of ambiguous aliases, leftmost-longest
// selection, choice among namesakes, scores. See alam/extractor.h for the documented
// semantics and README "Scores" for the score heuristic.
#ifndef ALAM_SRC_RESOLVE_RESOLVER_H_
#define ALAM_SRC_RESOLVE_RESOLVER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "alam/extractor.h"
#include "gazetteer/gazetteer.h"
#include "normalize/tokenizer.h"
#include "resolve/candidate.h"
#include "rules/rules.h"

namespace alam::internal {

struct Resolved {
  uint32_t norm_start;
  uint32_t norm_end;
  int32_t entry;   // gazetteer entry, or -1 (rule-made)
  int32_t alias;   // gazetteer alias, or -1
  int32_t rule;    // rule, or -1
  double score;
  uint32_t alternatives;
};

struct ResolveScratch {
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> mentions;  // entry → positions
  std::vector<uint32_t> order;
  std::string buf;
};

// Score constants of the documented heuristic.
inline constexpr double kScoreAliasMultiWord = 0.95;
inline constexpr double kScoreAliasOneWord = 0.90;
inline constexpr double kScoreGatedTrigger = 0.85;
inline constexpr double kScoreGatedParent = 0.80;
inline constexpr double kScoreUngated = 0.35;
inline constexpr double kNamesakePenalty = 0.05;
inline constexpr uint32_t kContextWindowBytes = 1500;

void Resolve(const Gazetteer& g, const RuleSet& rules, const ExtractorOptions& options,
             std::string_view normalized, const std::vector<Token>& tokens,
             const std::vector<Candidate>& candidates, ResolveScratch* scratch,
             std::vector<Resolved>* out, ExtractStats* stats);

}  // namespace alam::internal

#endif  // ALAM_SRC_RESOLVE_RESOLVER_H_
