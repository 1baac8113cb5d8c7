// Private: a possible entity found by the gazetteer matcher or a rule, before resolution.
#ifndef ALAM_SRC_CORE_CANDIDATE_H_
#define ALAM_SRC_CORE_CANDIDATE_H_

#include <cstdint>

#include "alam/entity.h"

namespace alam::internal {

struct Candidate {
  uint32_t norm_start;  // byte span in the normalized text (proclitics excluded)
  uint32_t norm_end;
  uint32_t tok_begin;   // token range [tok_begin, tok_end)
  uint32_t tok_end;
  int32_t alias;        // gazetteer alias index, or -1 for a rule-made candidate
  int32_t rule;         // rule index, or -1
  uint8_t clitic_bytes; // bytes of proclitics stripped from the first token
  uint32_t trigger = 0; // a rule-made candidate's trigger word (vocabulary id), or 0
};

// Where a rule trigger word occurs: token index, proclitic bytes, word id.
struct TriggerHit {
  uint32_t token;
  uint32_t strip;
  uint32_t word;
};

}  // namespace alam::internal

#endif  // ALAM_SRC_CORE_CANDIDATE_H_
