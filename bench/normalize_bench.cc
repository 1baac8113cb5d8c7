// Normalization: alam::Normalize over real news, with and without the offset map.
#include <string>

#include "alam/normalizer.h"
#include "bench_corpus.h"

namespace alam::bench {
namespace {

void BM_Normalize(benchmark::State& state) {
  const Corpus& c = News();
  DocCursor docs(c.docs, 0);
  const bool with_map = state.range(0) != 0;
  NormalizeOptions opt;
  opt.repair_invalid_utf8 = true;
  std::string out;
  OffsetMap map;
  int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& d = docs.Next();
    absl::Status s = Normalize(d, &out, with_map ? &map : nullptr, opt);
    if (!s.ok()) {
      state.SkipWithError("Normalize failed");
      break;
    }
    benchmark::DoNotOptimize(out.data());
    bytes += static_cast<int64_t>(d.size());
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Normalize)->ArgName("offset_map")->Arg(1)->Arg(0)->MinTime(0.5);

}  // namespace
}  // namespace alam::bench
