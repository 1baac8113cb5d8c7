// Full extraction (alam::Extractor::Extract: normalize, match, rules, resolve, offsets back)
// on real news; the context rules on and off, on news and on text without trigger words;
// thread scaling with one scratch per thread; and the gazetteer compile time.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "alam/extractor.h"
#include "bench_corpus.h"
#include "gazetteer/gazetteer.h"
#include "gazetteer/matcher.h"
#include "normalize/tokenizer.h"

namespace alam::bench {
namespace {

const Extractor& GetExtractor(bool rules) {
  static const Extractor* with_rules = nullptr;
  static const Extractor* without_rules = nullptr;
  const Extractor*& ex = rules ? with_rules : without_rules;
  static std::once_flag once[2];
  std::call_once(once[rules ? 1 : 0], [&] {
    ExtractorOptions opt;
    opt.enable_rules = rules;
    opt.repair_invalid_utf8 = true;
    auto made = Extractor::Create(opt);
    if (!made.ok()) {
      std::fprintf(stderr, "alam_bench: %s\n", std::string(made.status().message()).c_str());
      std::exit(2);
    }
    ex = made->release();
  });
  return *ex;
}

// The news with every word dropped whose reading (whole or after proclitics) is a trigger
// word (triggers.tsv) or a rule trigger: text on which the context rules have nothing to do.
const std::vector<std::string>& NoTriggerText() {
  static const std::vector<std::string>* docs = [] {
    const internal::Gazetteer& g = EmbeddedGazetteer();
    auto* out = new std::vector<std::string>();
    std::vector<internal::Token> tokens;
    std::string buf;
    size_t dropped = 0;
    for (const std::string& d : News().normalized) {
      internal::Tokenize(d, &tokens);
      std::string text;
      size_t prev = 0;
      for (const internal::Token& t : tokens) {
        const std::string_view word(d.data() + t.start, t.end - t.start);
        bool trigger = false;
        internal::ForEachReading(word, &buf, [&](std::string_view r, uint32_t) {
          if (g.FindTrigger(r) != nullptr || g.IsTriggerWord(g.WordId(r))) trigger = true;
        });
        text.append(d, prev, t.start - prev);
        if (!trigger) {
          text.append(word);
        } else {
          ++dropped;
        }
        prev = t.end;
      }
      text.append(d, prev, std::string::npos);
      out->push_back(std::move(text));
    }
    std::fprintf(stderr, "alam_bench: no-trigger text: %zu trigger words dropped\n", dropped);
    return out;
  }();
  return *docs;
}

void RunExtract(benchmark::State& state, const Extractor& ex,
                const std::vector<std::string>& corpus) {
  DocCursor docs(corpus, corpus.size() * static_cast<size_t>(state.thread_index()) /
                             static_cast<size_t>(state.threads()));
  std::unique_ptr<Scratch> scratch = ex.NewScratch();
  std::vector<Entity> entities;
  int64_t bytes = 0, found = 0;
  for (auto _ : state) {
    const std::string& d = docs.Next();
    absl::Status s = ex.Extract(d, scratch.get(), &entities);
    if (!s.ok()) {
      state.SkipWithError(std::string(s.message()).c_str());
      break;
    }
    bytes += static_cast<int64_t>(d.size());
    found += static_cast<int64_t>(entities.size());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(state.iterations());  // documents
  state.counters["entities/s"] =
      benchmark::Counter(static_cast<double>(found), benchmark::Counter::kIsRate);
}

// Full extraction, rules on (the default configuration), 1 and 2 threads. With
// UseRealTime the rate is all threads' bytes over wall time.
void BM_Extract(benchmark::State& state) {
  const Corpus& c = News();
  RunExtract(state, GetExtractor(true), c.docs);
}
BENCHMARK(BM_Extract)->MinTime(1.0)->ThreadRange(1, 2)->UseRealTime();

// Rules on/off over news (the difference is the rules' cost) and over text without trigger
// words (the rules should cost nothing there).
void BM_Rules_News(benchmark::State& state) {
  RunExtract(state, GetExtractor(state.range(0) != 0), News().docs);
}
BENCHMARK(BM_Rules_News)->ArgName("rules")->Arg(1)->Arg(0)->MinTime(0.5);

void BM_Rules_NoTriggers(benchmark::State& state) {
  RunExtract(state, GetExtractor(state.range(0) != 0), NoTriggerText());
}
BENCHMARK(BM_Rules_NoTriggers)->ArgName("rules")->Arg(1)->Arg(0)->MinTime(0.5);

// Compiling the full embedded gazetteer, triggers and rules.
void BM_CompileGazetteer(benchmark::State& state) {
  for (auto _ : state) {
    auto ex = Extractor::Create();
    if (!ex.ok()) {
      state.SkipWithError(std::string(ex.status().message()).c_str());
      break;
    }
    benchmark::DoNotOptimize(ex->get());
  }
}
BENCHMARK(BM_CompileGazetteer)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
}  // namespace alam::bench
