#include "bench_corpus.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "alam/normalizer.h"
#include "cli/json.h"

#ifndef ALAM_SHARED_DIR
#error "ALAM_SHARED_DIR must be defined by bench/CMakeLists.txt"
#endif

namespace alam::bench {
namespace {

// title + "\n\n" + body, as `alam extract --text-field title --text-field text` joins them.
std::vector<std::string> LoadJsonl(const std::filesystem::path& path) {
  std::vector<std::string> docs;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto v = cli::ParseJson(line);
    if (!v.ok() || v->kind != cli::JsonValue::Kind::kObject) continue;
    std::string text;
    for (const char* field : {"title", "text", "content"}) {
      const cli::JsonValue* f = v->Find(field);
      if (f == nullptr || f->kind != cli::JsonValue::Kind::kString || f->text.empty()) continue;
      if (!text.empty()) text += "\n\n";
      text += f->text;
    }
    if (!text.empty()) docs.push_back(std::move(text));
  }
  return docs;
}

Corpus* Load() {
  const char* env = std::getenv("ALAM_BENCH_CORPORA");
  const std::filesystem::path dir =
      env != nullptr ? std::filesystem::path(env)
                     : std::filesystem::path(ALAM_SHARED_DIR) / "corpora";
  // ALAM_BENCH_SAMPLE: one JSON Lines file instead (run.sh: the Python baselines' sample).
  const char* sample = std::getenv("ALAM_BENCH_SAMPLE");
  const std::filesystem::path from = sample != nullptr ? std::filesystem::path(sample) : dir;
  std::vector<std::vector<std::string>> sources;
  if (sample != nullptr) {
    sources.push_back(LoadJsonl(from));
  } else {
    for (const char* f : {"ant-multisource/antcorpus_multisource_war_subset.jsonl",
                          "ant-v1.1/antcorpus_v1.1_war_subset.jsonl",
                          "saudinewsnet/saudinewsnet_war_subset.jsonl"}) {
      std::vector<std::string> docs = LoadJsonl(dir / f);
      if (!docs.empty()) sources.push_back(std::move(docs));
    }
  }
  if (sources.empty() || sources[0].empty()) {
    std::fprintf(stderr,
                 "alam_bench: no news found in %s (the *_war_subset.jsonl files of "
                 "../shared/corpora, or the ALAM_BENCH_SAMPLE file); set ALAM_BENCH_CORPORA "
                 "or ALAM_BENCH_SAMPLE\n",
                 from.c_str());
    std::exit(2);
  }
  auto* c = new Corpus();
  // Interleave the corpora so that a prefix of the list samples all of them.
  for (size_t i = 0;; ++i) {
    bool any = false;
    for (auto& s : sources) {
      if (i < s.size()) {
        c->docs.push_back(std::move(s[i]));
        any = true;
      }
    }
    if (!any) break;
  }
  NormalizeOptions opt;
  opt.repair_invalid_utf8 = true;
  c->normalized.resize(c->docs.size());
  for (size_t i = 0; i < c->docs.size(); ++i) {
    c->bytes += c->docs[i].size();
    c->concatenated += c->docs[i];
    if (!Normalize(c->docs[i], &c->normalized[i], nullptr, opt).ok()) c->normalized[i].clear();
    c->normalized_bytes += c->normalized[i].size();
  }
  std::fprintf(stderr, "alam_bench: %zu documents, %.2f MB of news (%.2f MB normalized) from %s\n",
               c->docs.size(), static_cast<double>(c->bytes) / 1e6,
               static_cast<double>(c->normalized_bytes) / 1e6, from.c_str());
  return c;
}

}  // namespace

const Corpus& News() {
  static const Corpus* corpus = Load();
  return *corpus;
}

// Memory bandwidth ceiling: copying the same bytes, in one block and document by document.
void BM_Memcpy(benchmark::State& state) {
  const Corpus& c = News();
  std::string dst(c.concatenated.size(), '\0');
  for (auto _ : state) {
    std::memcpy(dst.data(), c.concatenated.data(), c.concatenated.size());
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.concatenated.size()));
}
BENCHMARK(BM_Memcpy)->MinTime(0.5);

void BM_MemcpyPerDocument(benchmark::State& state) {
  const Corpus& c = News();
  DocCursor docs(c.docs, 0);
  std::string dst;
  int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& d = docs.Next();
    dst.resize(d.size());
    std::memcpy(dst.data(), d.data(), d.size());
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
    bytes += static_cast<int64_t>(d.size());
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_MemcpyPerDocument)->MinTime(0.5);

}  // namespace alam::bench
