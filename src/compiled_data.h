// Private: what Extractor::Create compiles, reachable by the benchmarks and fuzzers that
// measure or exercise one stage at a time.
#ifndef ALAM_SRC_COMPILED_DATA_H_
#define ALAM_SRC_COMPILED_DATA_H_

#include <mutex>

#include "alam/extractor.h"
#include "context/context_model.h"
#include "gazetteer/gazetteer.h"
#include "rules/rules.h"

namespace alam::internal {

struct CompiledData {
  Gazetteer gazetteer;
  RuleSet rules;
  ContextModel context;  // loaded with the rule set (on its thread)
  // Filled on the first Extractor::stats() call, not by Create (counting the entries by type,
  // subtype and country takes 16M instructions, 7% of Create's 222M under callgrind, and
  // extraction never reads it): read it only through Extractor::stats(). std::call_once, so
  // that a call that throws (bad_alloc) leaves the next one to try again.
  mutable std::once_flag stats_once;
  mutable GazetteerStats stats;
};

// The compiled data of an extractor (immutable but for the lazily counted stats; shared by
// all threads).
const CompiledData& CompiledDataOf(const Extractor& extractor);

}  // namespace alam::internal

#endif  // ALAM_SRC_COMPILED_DATA_H_
