// Private: what Extractor::Create compiles, reachable by the benchmarks and fuzzers that
// measure or exercise one stage at a time.
#ifndef ALAM_SRC_COMPILED_DATA_H_
#define ALAM_SRC_COMPILED_DATA_H_

#include "alam/extractor.h"
#include "gazetteer/gazetteer.h"
#include "rules/rules.h"

namespace alam::internal {

struct CompiledData {
  Gazetteer gazetteer;
  RuleSet rules;
  GazetteerStats stats;
};

// The compiled data of an extractor (immutable; shared by all threads).
const CompiledData& CompiledDataOf(const Extractor& extractor);

}  // namespace alam::internal

#endif  // ALAM_SRC_COMPILED_DATA_H_
