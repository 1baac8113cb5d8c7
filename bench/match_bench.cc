// Tokenization and gazetteer matching over pre-normalized news, with the full embedded
// gazetteer (and the rule trigger words registered, as Extractor::Create does). Bytes are
// bytes of NORMALIZED text (what these stages read).
#include <memory>
#include <string>
#include <vector>

#include "bench_corpus.h"
#include "compiled_data.h"
#include "gazetteer/gazetteer.h"
#include "gazetteer/matcher.h"
#include "normalize/tokenizer.h"
#include "core/candidate.h"
#include "rules/rules.h"
#include "core/strings.h"

namespace alam::bench {
namespace {

// The extractor's own compiled data (embedded gazetteer, triggers, rule trigger words).
const internal::CompiledData& Embedded() {
  static const Extractor* ex = [] {
    auto made = Extractor::Create();
    if (!made.ok()) {
      std::fprintf(stderr, "alam_bench: %s\n", std::string(made.status().message()).c_str());
      std::exit(2);
    }
    return made->release();
  }();
  return internal::CompiledDataOf(*ex);
}

}  // namespace

const internal::Gazetteer& EmbeddedGazetteer() { return Embedded().gazetteer; }

namespace {

void BM_Tokenize(benchmark::State& state) {
  const Corpus& c = News();
  DocCursor docs(c.normalized, 0);
  std::vector<internal::Token> tokens;
  int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& d = docs.Next();
    internal::Tokenize(d, &tokens);
    benchmark::DoNotOptimize(tokens.data());
    bytes += static_cast<int64_t>(d.size());
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Tokenize)->MinTime(0.5);

// Tokenize + MatchGazetteer: the matching stage as Extractor::Extract runs it.
void BM_TokenizeAndMatch(benchmark::State& state) {
  const Corpus& c = News();
  const internal::Gazetteer& g = Embedded().gazetteer;
  DocCursor docs(c.normalized, 0);
  std::vector<internal::Token> tokens;
  std::vector<const internal::Gazetteer::WordSlot*> words;
  std::vector<internal::Candidate> candidates;
  std::vector<internal::TriggerHit> hits;
  std::string buf;
  int64_t bytes = 0, found = 0;
  for (auto _ : state) {
    const std::string& d = docs.Next();
    internal::Tokenize(d, &tokens);
    candidates.clear();
    hits.clear();
    internal::MatchGazetteer(g, d, tokens, &words, &buf, &candidates, &hits);
    benchmark::DoNotOptimize(candidates.data());
    bytes += static_cast<int64_t>(d.size());
    found += static_cast<int64_t>(candidates.size());
  }
  state.SetBytesProcessed(bytes);
  state.counters["candidates/s"] =
      benchmark::Counter(static_cast<double>(found), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizeAndMatch)->MinTime(0.5);

// MatchGazetteer alone, over tokens computed beforehand.
void BM_MatchOnly(benchmark::State& state) {
  const Corpus& c = News();
  const internal::Gazetteer& g = Embedded().gazetteer;
  std::vector<std::vector<internal::Token>> all_tokens(c.normalized.size());
  for (size_t i = 0; i < c.normalized.size(); ++i) internal::Tokenize(c.normalized[i], &all_tokens[i]);
  size_t i = 0;
  std::vector<const internal::Gazetteer::WordSlot*> words;
  std::vector<internal::Candidate> candidates;
  std::vector<internal::TriggerHit> hits;
  std::string buf;
  int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& d = c.normalized[i];
    candidates.clear();
    hits.clear();
    internal::MatchGazetteer(g, d, all_tokens[i], &words, &buf, &candidates, &hits);
    benchmark::DoNotOptimize(candidates.data());
    bytes += static_cast<int64_t>(d.size());
    if (++i == c.normalized.size()) i = 0;
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_MatchOnly)->MinTime(0.5);

}  // namespace
}  // namespace alam::bench
