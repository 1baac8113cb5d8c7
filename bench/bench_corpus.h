// Benchmarks only: the real news every benchmark runs on, loaded once at start-up.
//
// The corpus is the war subsets of the three news corpora under ../shared/corpora
// (ALAM_SHARED_DIR, fixed at configure time; the environment variable ALAM_BENCH_CORPORA
// overrides the corpora directory), title and body of each document joined by "\n\n" as
// `alam extract --text-field title --text-field text` does. Documents of the three corpora
// are interleaved so that any prefix of the list is a fair sample of all three. The
// environment variable ALAM_BENCH_SAMPLE names one JSON Lines file to run on instead (run.sh
// runs `Extract` on the Python baselines' sample with it).
#ifndef ALAM_BENCH_BENCH_CORPUS_H_
#define ALAM_BENCH_BENCH_CORPUS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "benchmark/benchmark.h"

namespace alam::internal {
class Gazetteer;
}  // namespace alam::internal

namespace alam::bench {

struct Corpus {
  std::vector<std::string> docs;        // original UTF-8, title + "\n\n" + body
  std::vector<std::string> normalized;  // alam::Normalize of each document
  std::string concatenated;             // all documents, for the memcpy baseline
  size_t bytes = 0;                     // sum of docs[i].size()
  size_t normalized_bytes = 0;
};

// The corpus (loaded on first use; aborts with a message when no corpus is found).
const Corpus& News();

// The embedded gazetteer compiled the way Extractor::Create compiles it, with the rule
// trigger words registered (match_bench.cc).
const internal::Gazetteer& EmbeddedGazetteer();

// Cycles through the documents: each call returns the next one (wrapping around). One
// DocCursor per benchmark thread; `start` spreads threads over the corpus.
class DocCursor {
 public:
  DocCursor(const std::vector<std::string>& docs, size_t start)
      : docs_(docs), i_(start % docs.size()) {}
  const std::string& Next() {
    const std::string& d = docs_[i_];
    if (++i_ == docs_.size()) i_ = 0;
    return d;
  }

 private:
  const std::vector<std::string>& docs_;
  size_t i_;
};

}  // namespace alam::bench

#endif  // ALAM_BENCH_BENCH_CORPUS_H_
