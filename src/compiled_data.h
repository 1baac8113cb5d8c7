// Private: what Extractor::Create compiles, reachable by the benchmarks and fuzzers that
// measure or exercise one stage at a time.
#ifndef ALAM_SRC_COMPILED_DATA_H_
#define ALAM_SRC_COMPILED_DATA_H_

#include "absl/base/call_once.h"
#include "alam/extractor.h"
#include "gazetteer/gazetteer.h"
#include "rules/rules.h"

namespace alam::internal {

struct CompiledData {
  Gazetteer gazetteer;
  RuleSet rules;
  // Filled on the first Extractor::stats() call, not by Create: counting the entries by type,
  // subtype and country took 16M of Create's 390M instructions, and extraction never reads it.
  mutable absl::once_flag stats_once;
  mutable GazetteerStats stats;
};

// The compiled data of an extractor (immutable; shared by all threads).
const CompiledData& CompiledDataOf(const Extractor& extractor);

}  // namespace alam::internal

#endif  // ALAM_SRC_COMPILED_DATA_H_
