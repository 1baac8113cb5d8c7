// Private: what one Scratch holds — each stage's own buffers, reused across documents on one
// thread, and the guard that detects a scratch shared between calls.
#ifndef ALAM_SRC_SCRATCH_STATE_H_
#define ALAM_SRC_SCRATCH_STATE_H_

#include <atomic>
#include <string>
#include <vector>

#include "alam/extractor.h"
#include "core/candidate.h"
#include "gazetteer/gazetteer.h"
#include "normalize/tokenizer.h"
#include "resolve/resolver.h"
#include "rules/rules.h"

namespace alam::internal {

struct NormalizeScratch {
  std::string normalized;
  OffsetMap map;
  std::vector<Token> tokens;
};

struct MatchScratch {
  std::vector<const Gazetteer::WordSlot*> words;
  std::string buf;
  std::vector<Candidate> candidates;
  std::vector<TriggerHit> hits;
  std::vector<RuleSet::Tally> rule_tallies;  // kept across documents
};

struct ScratchState {
  const Extractor* owner = nullptr;
  std::atomic<bool> in_use{false};
  NormalizeScratch normalize;
  MatchScratch match;
  ResolveScratch resolve;
  std::vector<Resolved> resolved;
  std::vector<Entity> segment_entities;  // one segment's entities (Extract, the record writers)
  ExtractStats stats;
};

}  // namespace alam::internal

#endif  // ALAM_SRC_SCRATCH_STATE_H_
