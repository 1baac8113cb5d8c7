// Parse-only time of a JSON Lines dump: the CLI's hand-written reader (src/cli/json.cc,
// ParseJsonObject keeping "id" and "text", as `alam extract` calls it) against simdjson's
// On-Demand API (the same two fields, unescaped into std::strings as the reader hands them
// on). The file is read into memory first; only parsing is timed. One thread.
//   alam_json_parse_bench FILE [RUNS [METHOD]]   (one line per run and method, then the medians;
//   METHOD 0, 1 or 2 runs that method alone, -1 none: for instruction counts under callgrind)
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/json.h"
#include "simdjson.h"

namespace {

struct Result {
  size_t docs = 0, text_bytes = 0, errors = 0;
};

Result HandWritten(std::string_view all) {
  const std::vector<std::string> keep = {"text", "id"};
  Result r;
  for (size_t pos = 0; pos < all.size();) {
    size_t eol = all.find('\n', pos);
    if (eol == std::string_view::npos) eol = all.size();
    const std::string_view line = all.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.empty()) continue;
    auto v = alam::cli::ParseJsonObject(line, keep);
    if (!v.ok()) {
      ++r.errors;
      continue;
    }
    const alam::cli::JsonValue* text = v->Find("text");
    const alam::cli::JsonValue* id = v->Find("id");
    std::string t = text != nullptr ? std::move(const_cast<alam::cli::JsonValue*>(text)->text) : "";
    std::string i = id != nullptr ? id->text : "";
    r.text_bytes += t.size() + i.size();
    ++r.docs;
  }
  return r;
}

// Line by line, as the reader would call it on each line of its buffer (the bytes after a
// line are its padding; the buffer has SIMDJSON_PADDING more at its end).
Result SimdjsonLines(std::string_view all) {
  simdjson::ondemand::parser parser;
  Result r;
  for (size_t pos = 0; pos < all.size();) {
    size_t eol = all.find('\n', pos);
    if (eol == std::string_view::npos) eol = all.size();
    const std::string_view line = all.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.empty()) continue;
    simdjson::padded_string_view in(line.data(), line.size(),
                                    all.size() - (line.data() - all.data()) + simdjson::SIMDJSON_PADDING);
    simdjson::ondemand::document doc;
    std::string_view text, id;
    if (parser.iterate(in).get(doc) || doc.find_field_unordered("text").get_string().get(text) ||
        doc.find_field_unordered("id").get_string().get(id)) {
      ++r.errors;
      continue;
    }
    std::string t(text), i(id);
    r.text_bytes += t.size() + i.size();
    ++r.docs;
  }
  return r;
}

// The whole buffer as a stream of documents (iterate_many).
Result SimdjsonMany(std::string_view all) {
  simdjson::ondemand::parser parser;
  Result r;
  simdjson::ondemand::document_stream stream;
  if (parser.iterate_many(all.data(), all.size(), size_t{1} << 22).get(stream)) return {0, 0, 1};
  for (auto doc : stream) {
    std::string_view text, id;
    if (doc["text"].get_string().get(text) || doc["id"].get_string().get(id)) {
      ++r.errors;
      continue;
    }
    std::string t(text), i(id);
    r.text_bytes += t.size() + i.size();
    ++r.docs;
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE.jsonl [RUNS]\n", argv[0]);
    return 2;
  }
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  const int only = argc > 3 ? std::atoi(argv[3]) : 3;
  std::ifstream f(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string data = ss.str();
  const size_t size = data.size();
  data.resize(size + simdjson::SIMDJSON_PADDING, ' ');
  const std::string_view all(data.data(), size);
  std::printf("%s: %zu bytes; simdjson implementation: %s\n", argv[1], size,
              simdjson::get_active_implementation()->name().c_str());
  struct Method {
    const char* name;
    Result (*fn)(std::string_view);
    std::vector<double> secs, cpu;
  } methods[] = {{"hand-written (src/cli/json.cc)", HandWritten, {}},
                 {"simdjson ondemand, line by line", SimdjsonLines, {}},
                 {"simdjson ondemand, iterate_many", SimdjsonMany, {}}};
  for (int run = 0; run < runs; ++run) {
    for (Method& m : methods) {  // interleaved, so that a busy moment hits all alike
      if (only != 3 && &m != &methods[only < 0 ? 3 : only]) continue;
      timespec c0, c1;
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
      const auto start = std::chrono::steady_clock::now();
      const Result r = m.fn(all);
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
      const double cpu = static_cast<double>(c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) / 1e9;
      m.secs.push_back(s);
      m.cpu.push_back(cpu);
      std::printf("run %d  %-34s %.3f s (cpu %.3f s)  %zu docs  %zu bytes  %zu errors\n", run + 1,
                  m.name, s, cpu, r.docs, r.text_bytes, r.errors);
    }
  }
  for (Method& m : methods) {
    if (m.secs.empty()) continue;
    std::sort(m.secs.begin(), m.secs.end());
    std::sort(m.cpu.begin(), m.cpu.end());
    const double median = m.secs[m.secs.size() / 2];
    std::printf("median  %-34s %.3f s (cpu %.3f s)  %.0f MB/s\n", m.name, median,
                m.cpu[m.cpu.size() / 2], size / 1e6 / median);
  }
  return 0;
}
