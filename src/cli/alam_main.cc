// alam — the command-line tool: extract entities from news dumps, print gazetteer stats.
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "alam/alam.h"
#include "alam/extractor.h"
#include "cli/input.h"
#include "cli/json.h"
#include "cli/output.h"
#include "normalize/utf8.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace alam::cli {
namespace {

constexpr char kUsage[] = R"(usage: alam extract [options] [FILE...]
       alam stats [--gazetteer FILE]... [--no-embedded]
       alam version

extract: finds the named entities of each document and prints one result per document, in
input order, on standard output.
  FILE            a file ending in .jsonl or .jsonl.gz is JSON Lines (one document per line);
                  any other file is one plain-text document named by its base name; gzip is
                  read transparently; '-' or no FILE reads standard input
  --format F      jsonl (default) or bio
  --input-format F  auto (default: by file name), text or jsonl (applies to every FILE)
  --id-field F    JSON Lines field holding the document id (default: id)
  --text-field F  JSON Lines field holding text; repeat to join several (title, body) with a
                  blank line between them (default: text)
  --threads N     worker threads (default: all cores)
  --gazetteer F   load extra gazetteer entries from F (data/README.md format); repeatable
  --rules F       load extra context rules from F; repeatable
  --no-embedded   do not load the embedded gazetteer and rules
  --no-rules      disable the context rules
  --keep-ungated  also emit ambiguous names that lack supporting context (low score)
  --min-score X   drop entities scoring below X (0..1)
  --repair        replace invalid UTF-8 bytes with U+FFFD instead of failing the document
  --max-doc-bytes N  fail documents larger than N bytes (default 1073741824)
  --batch-bytes N    bytes of text processed per batch (default 4194304)
  --progress / --no-progress  progress bar on standard error (default: when it is a terminal)
Exit status: 0 when every document was processed; 1 when some document failed (each failure
is reported on standard error with its document id, and its record carries "error"); 2 for
usage errors or when the extractor cannot be built.
)";

struct Args {
  std::string command;
  std::vector<std::string> files;
  ExtractorOptions ex;
  InputOptions in;
  bool bio = false;
  unsigned threads = 0;
  size_t batch_bytes = size_t{4} << 20;
  int progress = -1;  // -1 = auto
};

bool ParseArgs(int argc, char** argv, Args* a, std::string* error) {
  if (argc < 2) {
    *error = "missing command";
    return false;
  }
  a->command = argv[1];
  bool text_fields_given = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) {
        *error = internal::Cat(arg, " needs a value");
        return false;
      }
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "--format") {
      if (!value(&v)) return false;
      if (v != "jsonl" && v != "bio") {
        *error = "--format takes jsonl or bio";
        return false;
      }
      a->bio = v == "bio";
    } else if (arg == "--input-format") {
      if (!value(&v)) return false;
      if (v == "auto") a->in.format = InputOptions::Format::kAuto;
      else if (v == "text") a->in.format = InputOptions::Format::kText;
      else if (v == "jsonl") a->in.format = InputOptions::Format::kJsonl;
      else {
        *error = "--input-format takes auto, text or jsonl";
        return false;
      }
    } else if (arg == "--id-field") {
      if (!value(&a->in.id_field)) return false;
    } else if (arg == "--text-field") {
      if (!value(&v)) return false;
      if (!text_fields_given) a->in.text_fields.clear();
      text_fields_given = true;
      a->in.text_fields.push_back(v);
    } else if (arg == "--threads") {
      if (!value(&v)) return false;
      if (!internal::ParseNumber(v, &a->threads) || a->threads > 1024) {
        *error = "--threads takes a number from 0 to 1024";
        return false;
      }
    } else if (arg == "--gazetteer") {
      if (!value(&v)) return false;
      a->ex.gazetteer_files.push_back(v);
    } else if (arg == "--rules") {
      if (!value(&v)) return false;
      a->ex.rule_files.push_back(v);
    } else if (arg == "--no-embedded") {
      a->ex.use_embedded_data = false;
    } else if (arg == "--no-rules") {
      a->ex.enable_rules = false;
    } else if (arg == "--keep-ungated") {
      a->ex.keep_ungated = true;
    } else if (arg == "--repair") {
      a->ex.repair_invalid_utf8 = true;
    } else if (arg == "--min-score") {
      if (!value(&v)) return false;
      if (!internal::ParseNumber(v, &a->ex.min_score) || a->ex.min_score < 0 || a->ex.min_score > 1) {
        *error = "--min-score takes a number from 0 to 1";
        return false;
      }
    } else if (arg == "--max-doc-bytes") {
      if (!value(&v)) return false;
      if (!internal::ParseNumber(v, &a->ex.max_document_bytes) || a->ex.max_document_bytes == 0) {
        *error = "--max-doc-bytes takes a positive number";
        return false;
      }
    } else if (arg == "--batch-bytes") {
      if (!value(&v)) return false;
      if (!internal::ParseNumber(v, &a->batch_bytes) || a->batch_bytes == 0) {
        *error = "--batch-bytes takes a positive number";
        return false;
      }
    } else if (arg == "--progress") {
      a->progress = 1;
    } else if (arg == "--no-progress") {
      a->progress = 0;
    } else if (arg == "-h" || arg == "--help") {
      a->command = "help";
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      *error = internal::Cat("unknown option ", arg);
      return false;
    } else {
      a->files.push_back(arg);
    }
  }
  return true;
}

// Reads batches of documents on its own thread while the previous batch is processed.
class BatchReader {
 public:
  BatchReader(DocumentReader* reader, size_t batch_bytes)
      : reader_(reader), batch_bytes_(batch_bytes), thread_([this] { Run(); }) {}
  ~BatchReader() {
    {
      std::lock_guard<std::mutex> l(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  // The next batch, or nullopt at the end.
  std::optional<std::vector<Document>> Next() {
    std::unique_lock<std::mutex> l(mu_);
    cv_.wait(l, [&] { return !queue_.empty() || done_; });
    if (queue_.empty()) return std::nullopt;
    std::vector<Document> b = std::move(queue_.front());
    queue_.pop_front();
    cv_.notify_all();
    return b;
  }

 private:
  void Run() {
    bool more = true;
    while (more) {
      std::vector<Document> batch;
      size_t bytes = 0;
      Document d;
      while (bytes < batch_bytes_ && batch.size() < 100000 && (more = reader_->Next(&d))) {
        bytes += d.text.size() + 64;
        batch.push_back(std::move(d));
      }
      std::unique_lock<std::mutex> l(mu_);
      cv_.wait(l, [&] { return queue_.size() < 2 || stop_; });
      if (stop_) break;
      if (!batch.empty()) queue_.push_back(std::move(batch));
      cv_.notify_all();
    }
    std::lock_guard<std::mutex> l(mu_);
    done_ = true;
    cv_.notify_all();
  }

  DocumentReader* reader_;
  size_t batch_bytes_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::vector<Document>> queue_;
  bool done_ = false, stop_ = false;
  std::thread thread_;
};

class Progress {
 public:
  explicit Progress(bool on) : on_(on), start_(Clock::now()), last_(start_) {}
  void Update(const DocumentReader& r, size_t docs, size_t bytes, bool final) {
    if (!on_) return;
    const auto now = Clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    std::string bar;
    if (r.total_input_bytes() > 0) {
      const double frac = std::min(1.0, static_cast<double>(r.consumed_input_bytes()) /
                                            static_cast<double>(r.total_input_bytes()));
      const int filled = static_cast<int>(frac * 30);
      bar = internal::Cat("[", std::string(static_cast<size_t>(filled), '#'),
                         std::string(static_cast<size_t>(30 - filled), '.'), "] ",
                         static_cast<int>(frac * 100), "% ");
    }
    std::fprintf(stderr, "\r%s%zu docs, %.1f MB, %.1f MB/s%s", bar.c_str(), docs, mb,
                 secs > 0 ? mb / secs : 0.0, final ? "\n" : "");
    std::fflush(stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool on_;
  Clock::time_point start_, last_;
};

// Documents above this size are extracted and written chunk by chunk, so that memory holds
// one chunk's results at a time, whatever the document's size.
constexpr size_t kChunkBytes = size_t{1} << 20;

// Where to end the chunk of `text` that starts at `from`: after a line break near
// kChunkBytes, else after punctuation, else after a space, else on a character boundary. A
// name never spans a line break or punctuation, so cutting there loses none.
size_t ChunkEnd(std::string_view text, size_t from) {
  if (text.size() - from <= kChunkBytes) return text.size();
  const size_t target = from + kChunkBytes, floor = from + kChunkBytes / 2;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t k = target; k > floor; --k) {
    if (p[k - 1] == '\n') return k;
  }
  for (size_t k = target; k > floor; --k) {
    const unsigned char c = p[k - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
        (c == 0x8C && p[k - 2] == 0xD8)) {  // ، (U+060C)
      return k;
    }
  }
  for (size_t k = target; k > floor; --k) {
    if (p[k - 1] == ' ') return k;
  }
  size_t k = target;
  while (k > from + 1 && (p[k] & 0xC0) == 0x80) --k;
  return k;
}

// Extracts a document larger than kChunkBytes chunk by chunk and writes its record as it goes.
// Returns the document's error ("" when it succeeded); false in *write_ok on a write error.
std::string StreamLargeDocument(const Extractor& ex, Scratch* scratch, JsonlFormatter* formatter,
                                const Args& a, const Document& d, bool* write_ok) {
  std::string error;
  const std::string_view text = d.text;
  if (text.size() > a.ex.max_document_bytes) {
    error = internal::Cat("document of ", text.size(), " bytes exceeds max_document_bytes (",
                          a.ex.max_document_bytes, ")");
  } else if (!a.ex.repair_invalid_utf8) {
    const size_t bad = internal::FindInvalidUtf8(text);
    if (bad != text.size()) {
      const unsigned char b = static_cast<unsigned char>(text[bad]);
      error = internal::Cat("invalid UTF-8 at byte ", bad, " (byte 0x", "0123456789abcdef"[b >> 4],
                            "0123456789abcdef"[b & 15], ")");
    }
  }
  std::string buf;
  auto flush = [&] {
    if (std::fwrite(buf.data(), 1, buf.size(), stdout) != buf.size()) *write_ok = false;
    buf.clear();
  };
  if (a.bio) AppendBioHead(d.id, error, &buf); else AppendJsonlHead(d.id, error, &buf);
  std::vector<Entity> es;
  bool first = true;
  size_t base_cp = 0;
  for (size_t from = 0; error.empty() && from < text.size();) {
    const size_t to = ChunkEnd(text, from);
    const std::string_view chunk = text.substr(from, to - from);
    absl::Status st = ex.Extract(chunk, scratch, &es);
    if (!st.ok()) {
      error = std::string(st.message());
      break;
    }
    if (a.bio) {
      AppendBioTokens(chunk, es, &buf);
    } else {
      for (const Entity& e : es) {
        formatter->Entity(e, base_cp, from, first, &buf);
        first = false;
      }
    }
    if (buf.size() > kChunkBytes) flush();
    base_cp += internal::CountCodePoints(chunk);
    from = to;
  }
  if (a.bio) {
    AppendBioTail(&buf);
  } else {
    if (!error.empty() && !first) {  // failed after some entities were written
      buf.append("], \"error\": ");
      AppendJsonString(error, &buf);
      buf.append("}\n");
    } else {
      AppendJsonlTail(&buf);
    }
  }
  flush();
  return error;
}

int Extract(const Args& a) {
  auto ex = Extractor::Create(a.ex);
  if (!ex.ok()) {
    std::cerr << "alam: " << ex.status().message() << "\n";
    return 2;
  }
  DocumentReader reader(a.files, a.in);
  BatchReader batches(&reader, a.batch_bytes);
  const bool show = a.progress == 1 || (a.progress == -1 && isatty(2));
  Progress progress(show);
  size_t docs = 0, bytes = 0, failed = 0;
  // Each worker extracts and formats its documents; the main thread writes them in order.
  unsigned threads = a.threads != 0 ? a.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<Scratch>> scratches(threads);
  std::vector<std::vector<Entity>> entities(threads);
  for (auto& sc : scratches) sc = (*ex)->NewScratch();
  std::vector<JsonlFormatter> formatters(threads, JsonlFormatter(**ex));
  std::vector<std::string> records, errors;
  while (auto batch = batches.Next()) {
    const size_t n = batch->size();
    records.assign(n, std::string());
    errors.assign(n, std::string());
    auto large = [&](const Document& d) { return d.error.empty() && d.text.size() > kChunkBytes; };
    internal::ParallelFor(n, threads, [&](size_t i, unsigned worker) {
      const Document& d = (*batch)[i];
      if (large(d)) return;  // streamed below, in order
      std::vector<Entity>& es = entities[worker];
      es.clear();
      std::string& error = errors[i];
      error = d.error;
      if (error.empty()) {
        absl::Status st = (*ex)->Extract(d.text, scratches[worker].get(), &es);
        if (!st.ok()) {
          error = std::string(st.message());
          es.clear();
        }
      }
      records[i].reserve(128 + 512 * es.size());
      if (a.bio) {
        AppendBio(d.id, d.text, es, error, &records[i]);
      } else {
        formatters[worker].Record(d.id, es, error, &records[i]);
      }
    });
    for (size_t i = 0; i < n; ++i) {
      const Document& d = (*batch)[i];
      if (large(d)) {
        bool write_ok = true;
        errors[i] = StreamLargeDocument(**ex, scratches[0].get(), &formatters[0], a, d,
                                        &write_ok);
        if (!write_ok) {
          std::cerr << "alam: error writing standard output: " << std::strerror(errno) << "\n";
          return 1;
        }
      }
      if (!errors[i].empty()) {
        ++failed;
        std::cerr << "alam: " << d.id << ": " << errors[i] << "\n";
      }
      bytes += d.text.size();
      if (std::fwrite(records[i].data(), 1, records[i].size(), stdout) != records[i].size()) {
        std::cerr << "alam: error writing standard output: " << std::strerror(errno) << "\n";
        return 1;
      }
    }
    docs += n;
    progress.Update(reader, docs, bytes, false);
  }
  progress.Update(reader, docs, bytes, true);
  if (std::fflush(stdout) != 0) {
    std::cerr << "alam: error writing standard output: " << std::strerror(errno) << "\n";
    return 1;
  }
  if (failed > 0) {
    std::cerr << "alam: " << failed << " of " << docs << " documents failed\n";
    return 1;
  }
  return 0;
}

int Stats(const Args& a) {
  const auto t0 = std::chrono::steady_clock::now();
  auto ex = Extractor::Create(a.ex);
  if (!ex.ok()) {
    std::cerr << "alam: " << ex.status().message() << "\n";
    return 2;
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const GazetteerStats& s = (*ex)->stats();
  std::printf("entries\t%zu\naliases\t%zu\nambiguous_aliases\t%zu\nrules\t%zu\ntriggers\t%zu\n"
              "compile_seconds\t%.3f\n\n",
              s.entries, s.aliases, s.ambiguous_aliases, s.rules, s.triggers, secs);
  std::printf("type\tsubtype\tcountry\tentries\taliases\n");
  for (const auto& r : s.rows) {
    std::printf("%s\t%s\t%s\t%zu\t%zu\n", r.type.c_str(), r.subtype.c_str(), r.country.c_str(),
                r.entries, r.aliases);
  }
  return 0;
}

}  // namespace
}  // namespace alam::cli

int main(int argc, char** argv) {
  alam::cli::Args a;
  std::string error;
  if (!alam::cli::ParseArgs(argc, argv, &a, &error)) {
    std::cerr << "alam: " << error << "\n" << alam::cli::kUsage;
    return 2;
  }
  if (a.command == "extract") return alam::cli::Extract(a);
  if (a.command == "stats") return alam::cli::Stats(a);
  if (a.command == "version") {
    std::printf("alam %s\n", alam_version_string());
    return 0;
  }
  if (a.command == "help" || a.command == "-h" || a.command == "--help") {
    std::fputs(alam::cli::kUsage, stdout);
    return 0;
  }
  std::cerr << "alam: unknown command " << a.command << "\n" << alam::cli::kUsage;
  return 2;
}
