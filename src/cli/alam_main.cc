// alam — the command-line tool: extract entities from news dumps, print gazetteer stats.
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/auxv.h>
#endif

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <iostream>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "alam/alam.h"
#include "alam/extractor.h"
#include "alam/format.h"
#include "cli/input.h"
#include "cli/json.h"
#include "core/utf8.h"
#include "core/strings.h"

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
  --batch-bytes N    bytes of text per unit of work handed to a thread; 2 x threads + 2
                     units are in flight at most (default: 1 MB, less with more than 23
                     threads: 48 MB over the units in flight, at least 64 KB each)
  --progress / --no-progress  progress bar on standard error (default: when it is a terminal)
On Linux with glibc 2.35 or later, extract executes itself again once (same process id) with
glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES: malloc asks for transparent huge pages. It does
not when GLIBC_TUNABLES already names glibc.malloc.hugetlb (set it to 0 for glibc's default),
when the kernel's transparent_hugepage setting is "never", or for a setuid program.
Exit status: 0 when every document was processed; 1 when some document failed (each failure
is reported on standard error with its document id, and its record carries "error"); 2 for
usage errors or when the extractor cannot be built.
)";

struct Args {
  std::string command;
  std::vector<std::string> files;
  ExtractorOptions ex;
  InputOptions in;
  RecordFormat format = RecordFormat::kJsonLines;
  unsigned threads = 0;
  size_t batch_bytes = 0;  // 0: chosen from the thread count
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
      if (!ParseRecordFormat(v, &a->format)) {
        *error = "--format takes jsonl or bio";
        return false;
      }
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

// Documents flow through three stages: a reader thread parses them into units of about
// `unit_bytes` of text; worker threads each take the next unread unit and extract and format
// all of its documents into one output string; the main thread writes the units' output in
// input order. At most `window` units are in flight (read and not yet written), which bounds
// memory whatever the dump's size; within the window a worker never waits for the writer or
// for another worker, so the cores stay busy across unit boundaries.
struct Unit {
  std::vector<Document> docs;
  bool streamed = false;  // one large document: the writer extracts it segment by segment
  uint64_t consumed_input_bytes = 0;  // of the inputs, when the reader finished this unit
  // Filled by the worker that processed the unit:
  bool processed = false;
  std::string out;                                  // the documents' records, in order
  std::vector<std::pair<size_t, std::string>> errors;  // (index in docs, message)
};

class Pipeline {
 public:
  // `process` runs on the worker threads, one unit at a time.
  Pipeline(DocumentReader* reader, size_t unit_bytes, size_t large_bytes, unsigned workers,
           std::function<void(Unit*, unsigned worker)> process)
      : reader_(reader),
        unit_bytes_(unit_bytes),
        large_bytes_(large_bytes),
        window_(2 * static_cast<size_t>(workers) + 2),
        process_(std::move(process)) {
    for (unsigned w = 0; w < workers; ++w) {
      try {
        workers_.emplace_back([this, w] { Work(w); });
      } catch (const std::system_error&) {
        break;  // the workers that started share the units
      }
    }
    // Set before the reader starts (Push reads it).
    inline_worker_ = workers_.empty();  // no thread at all: the writer processes units itself
    reader_thread_ = std::thread([this] { Read(); });
  }
  ~Pipeline() {
    {
      std::lock_guard<std::mutex> l(mu_);
      stop_ = true;
    }
    room_cv_.notify_all();
    work_cv_.notify_all();
    reader_thread_.join();
    for (std::thread& t : workers_) t.join();
  }
  // The next unit in input order once it is processed (nullptr at the end). It stays valid
  // until the next call.
  Unit* Next() {
    std::unique_lock<std::mutex> l(mu_);
    if (written_front_) {  // the caller is done with the previous unit
      // Kept for the reader to refill: its buffers keep their capacity, so that the large
      // output strings are not allocated and returned to the system for every unit.
      std::unique_ptr<Unit> done = std::move(inflight_.front());
      inflight_.pop_front();
      done->docs.clear();
      done->out.clear();
      done->errors.clear();
      done->streamed = done->processed = false;
      spare_.push_back(std::move(done));
      ++front_seq_;
      written_front_ = false;
      room_cv_.notify_one();  // the reader, when it waits for room in the window
    }
    while (true) {
      if (!inflight_.empty() && inflight_.front()->processed) break;
      if (inflight_.empty() && read_done_) return nullptr;
      if (inline_worker_) {
        if (Unit* u = ClaimLocked(); u != nullptr) {
          l.unlock();
          process_(u, 0);
          l.lock();
          u->processed = true;
          continue;
        }
      }
      written_cv_.wait(l);
    }
    written_front_ = true;
    return inflight_.front().get();
  }

 private:
  void Read() {
    bool more = true;
    while (more) {
      std::unique_ptr<Unit> u = Spare();
      size_t bytes = 0;
      Document d;
      while (bytes < unit_bytes_ && u->docs.size() < 4096 && (more = reader_->Next(&d))) {
        if (d.error.empty() && d.text.size() > large_bytes_) {
          // A large document is a unit of its own, so that it is streamed in order.
          if (!u->docs.empty()) {
            std::unique_ptr<Unit> large = Spare();
            large->docs.push_back(std::move(d));
            large->streamed = true;
            large->consumed_input_bytes = reader_->consumed_input_bytes();
            u->consumed_input_bytes = large->consumed_input_bytes;
            if (!Push(std::move(u))) return;
            u = std::move(large);
          } else {
            u->docs.push_back(std::move(d));
            u->streamed = true;
          }
          break;
        }
        bytes += d.text.size() + 64;
        u->docs.push_back(std::move(d));
      }
      u->consumed_input_bytes = reader_->consumed_input_bytes();
      if (!u->docs.empty() && !Push(std::move(u))) return;
    }
    std::lock_guard<std::mutex> l(mu_);
    read_done_ = true;
    work_cv_.notify_all();
    written_cv_.notify_one();
  }
  std::unique_ptr<Unit> Spare() {
    std::lock_guard<std::mutex> l(mu_);
    if (spare_.empty()) return std::make_unique<Unit>();
    std::unique_ptr<Unit> u = std::move(spare_.back());
    spare_.pop_back();
    return u;
  }
  // Appends a unit once the window has room; false when the pipeline is stopping.
  bool Push(std::unique_ptr<Unit> u) {
    std::unique_lock<std::mutex> l(mu_);
    room_cv_.wait(l, [&] { return inflight_.size() < window_ || stop_; });
    if (stop_) return false;
    const bool streamed = u->streamed;
    if (streamed) u->processed = true;  // nothing for a worker to do
    inflight_.push_back(std::move(u));
    if (inline_worker_ || (streamed && inflight_.size() == 1)) {
      written_cv_.notify_one();  // the writer has a unit to process or to write
    } else if (!streamed) {
      work_cv_.notify_one();
    }
    return true;
  }
  // The next unit no worker has taken, or nullptr; units that need no worker are skipped.
  Unit* ClaimLocked() {
    claimed_seq_ = std::max(claimed_seq_, front_seq_);  // streamed units may be written unclaimed
    while (claimed_seq_ < front_seq_ + inflight_.size()) {
      Unit* u = inflight_[claimed_seq_++ - front_seq_].get();
      if (!u->processed) return u;
    }
    return nullptr;
  }
  void Work(unsigned worker) {
    std::unique_lock<std::mutex> l(mu_);
    while (!stop_) {
      Unit* u = ClaimLocked();
      if (u == nullptr) {
        if (read_done_) return;
        work_cv_.wait(l);
        continue;
      }
      l.unlock();
      process_(u, worker);
      l.lock();
      u->processed = true;
      // The writer waits for the front unit only: the units behind it it finds processed.
      if (u == inflight_.front().get()) written_cv_.notify_one();
    }
  }

  DocumentReader* reader_;
  const size_t unit_bytes_, large_bytes_, window_;
  std::function<void(Unit*, unsigned)> process_;
  // The reader, the workers and the writer wait on a condition each, and an event wakes only
  // the side that may go on (in a virtual machine a wake-up is an interrupt to another CPU;
  // with one condition for all, every unit woke every thread: over the benchmark dump, 2
  // threads made 957 voluntary context switches instead of 460).
  std::mutex mu_;
  std::condition_variable room_cv_;     // the reader: room in the window
  std::condition_variable work_cv_;     // the workers: a unit to process
  std::condition_variable written_cv_;  // the writer: the front unit processed, or the end
  std::deque<std::unique_ptr<Unit>> inflight_;  // in input order; front = next to write
  std::vector<std::unique_ptr<Unit>> spare_;    // written units, to be reused
  size_t front_seq_ = 0;    // sequence number of inflight_.front()
  size_t claimed_seq_ = 0;  // the next unit a worker takes
  bool written_front_ = false, read_done_ = false, stop_ = false, inline_worker_ = false;
  std::thread reader_thread_;
  std::vector<std::thread> workers_;
};

class Progress {
 public:
  explicit Progress(bool on) : on_(on), start_(Clock::now()), last_(start_) {}
  // `consumed` and `total`: input bytes read so far and in all (0 when unknown).
  void Update(uint64_t consumed, uint64_t total, size_t docs, size_t bytes, bool final) {
    if (!on_) return;
    const auto now = Clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    std::string bar;
    if (total > 0) {
      const double frac =
          final ? 1.0 : std::min(1.0, static_cast<double>(consumed) / static_cast<double>(total));
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

// Documents above this size are extracted and written segment by segment by the writer
// (RecordWriter::ExtractAndWrite with a flush), so that memory holds one segment's results
// at a time, whatever the document's size.
constexpr size_t kLargeDocumentBytes = size_t{1} << 20;

// Writes a large document's record as it is extracted; the document's error, "" when none.
std::string WriteLargeDocument(RecordWriter* writer, Scratch* scratch, const Document& d,
                               bool* write_ok) {
  std::string buf;
  auto flush = [&](std::string* out) {
    if (std::fwrite(out->data(), 1, out->size(), stdout) != out->size()) *write_ok = false;
    out->clear();
  };
  absl::Status st = writer->ExtractAndWrite(d.id, d.text, scratch, &buf, flush);
  flush(&buf);
  return st.ok() ? std::string() : std::string(st.message());
}

// Every page of memory the process touches for the first time is a page fault, and on the
// benchmark machine (a virtual machine) a fault costs some 12 µs: touching 20 MB of fresh
// memory page by page takes 63-79 ms there. Building the extractor faults in 5,000 pages, and
// two workers 11,000 over the 200 MB benchmark dump. glibc backs its heaps with transparent
// huge pages (one fault per 2 MB) when the tunable glibc.malloc.hugetlb is 1, which can only
// be set in the environment the program starts with: so `extract` runs itself again with it,
// once (the tunable in the environment stops a second run), unless the environment already
// names it or the kernel offers no huge pages. Measured on that machine, old and new runs
// interleaved: start-up 113 → 78 ms (median of 25), 2 threads over the dump 1.00 → 0.88 s,
// one core 1.75 → 1.72 s; peak RSS 52 → 67 MB. When the exec fails, the program goes on as it is.
#if defined(__GLIBC__) && defined(__linux__)
#if __GLIBC_PREREQ(2, 35)  // the tunable's first release
#define ALAM_EXEC_WITH_HUGE_PAGES 1
#endif
#endif
void ExecWithHugePages(char** argv) {
#if defined(ALAM_EXEC_WITH_HUGE_PAGES)
  constexpr const char* kTunable = "glibc.malloc.hugetlb";
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables != nullptr && std::strstr(tunables, kTunable) != nullptr) return;
  if (getauxval(AT_SECURE) != 0) return;  // glibc ignores GLIBC_TUNABLES there
  // No program interpreter: a static build, or the program started as `ld.so alam …`, which
  // /proc/self/exe would not run again as it was started.
  if (getauxval(AT_BASE) == 0) return;
  std::FILE* f = std::fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
  if (f == nullptr) return;
  char mode[128] = {0};
  const bool read = std::fgets(mode, sizeof(mode), f) != nullptr;
  std::fclose(f);
  if (!read || std::strstr(mode, "[never]") != nullptr) return;
  // The program's own path, not /proc/self/exe: the process is named after the file it runs
  // (ps, top, pgrep alam).
  char self[4096];
  const ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (n <= 0 || static_cast<size_t>(n) >= sizeof(self) - 1) return;
  self[n] = '\0';
  const std::string old = tunables != nullptr ? tunables : "";
  const std::string value = internal::Cat(old, old.empty() ? "" : ":", kTunable, "=1");
  if (setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0) return;
  execv(self, argv);
  if (tunables != nullptr) {  // the exec failed: the environment as it was
    setenv("GLIBC_TUNABLES", old.c_str(), 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
#else
  (void)argv;
#endif
}

int Extract(const Args& a) {
#if defined(__GLIBC__)
  // Every thread's allocations (documents, entities, records) come and go unit by unit. With
  // glibc's default pad (128 KB), a heap is trimmed back whenever that much of its top is
  // free and grown again by the next unit: an mprotect and fresh page faults each time (some
  // 1,700 mprotect calls over the 200 MB benchmark dump). A 16 MB pad — the room a trim
  // leaves and a new heap starts with — takes that to a few dozen, 3% of the run's time on 1
  // and 2 threads. Setting the pad turns off glibc's adaptive mmap threshold, so it is set
  // too: blocks up to 4 MB (long documents) come from the heap and are reused, rather than
  // mapped, faulted in and unmapped one by one. Peak RSS then: 52 MB on that dump (was 48),
  // 163 MB for one 100 MB document (was 156); with huge pages (above) 52-67 MB on the dump.
  mallopt(M_TOP_PAD, 16 << 20);
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
  auto created = Extractor::Create(a.ex);
  if (!created.ok()) {
    std::cerr << "alam: " << created.status().message() << "\n";
    return 2;
  }
  // The extractor lives until the process ends and is never freed: freeing its memory block
  // by block at exit cost some 5 ms, a tenth of the start-up, for nothing. A static keeps it
  // reachable, so leak checkers do not report it.
  static const Extractor* extractor = nullptr;
  extractor = created->release();
  const Extractor* ex = extractor;
  const bool show = a.progress == 1 || (a.progress == -1 && isatty(2));
  Progress progress(show);
  const unsigned threads =
      a.threads != 0 ? a.threads : std::max(1u, std::thread::hardware_concurrency());
  // Each worker has its own scratch and record writer; the last pair is the writer
  // thread's, for the documents it streams.
  std::vector<std::unique_ptr<Scratch>> scratches(threads + 1);
  for (auto& sc : scratches) sc = ex->NewScratch();
  std::vector<std::unique_ptr<RecordWriter>> writers(threads + 1);
  for (auto& w : writers) w = std::make_unique<RecordWriter>(*ex, a.format);
  auto process = [&](Unit* u, unsigned worker) {
    size_t text_bytes = 0;
    for (const Document& d : u->docs) text_bytes += d.text.size();
    u->out.reserve(text_bytes + text_bytes / 4 + 256 * u->docs.size());  // typical output size
    for (size_t i = 0; i < u->docs.size(); ++i) {
      const Document& d = u->docs[i];
      if (!d.error.empty()) {
        writers[worker]->WriteError(d.id, d.error, &u->out);
        u->errors.emplace_back(i, d.error);
        continue;
      }
      absl::Status st = writers[worker]->ExtractAndWrite(d.id, d.text, scratches[worker].get(), &u->out);
      if (!st.ok()) u->errors.emplace_back(i, std::string(st.message()));
    }
  };
  DocumentReader reader(a.files, a.in);
  const size_t unit_bytes =
      a.batch_bytes != 0 ? a.batch_bytes
                         : std::clamp<size_t>((size_t{48} << 20) / (2 * threads + 2),
                                              size_t{64} << 10, size_t{1} << 20);
  Pipeline pipeline(&reader, unit_bytes, kLargeDocumentBytes, threads, process);
  size_t docs = 0, bytes = 0, failed = 0;
  auto write_error = [] {
    std::cerr << "alam: error writing standard output: " << std::strerror(errno) << "\n";
    return 1;
  };
  while (Unit* u = pipeline.Next()) {
    if (u->streamed) {
      bool write_ok = true;
      std::string error = WriteLargeDocument(writers[threads].get(), scratches[threads].get(),
                                             u->docs[0], &write_ok);
      if (!write_ok) return write_error();
      if (!error.empty()) u->errors.emplace_back(0, std::move(error));
    } else if (std::fwrite(u->out.data(), 1, u->out.size(), stdout) != u->out.size()) {
      return write_error();
    }
    for (const auto& [i, error] : u->errors) {
      std::cerr << "alam: " << u->docs[i].id << ": " << error << "\n";
    }
    failed += u->errors.size();
    for (const Document& d : u->docs) bytes += d.text.size();
    docs += u->docs.size();
    progress.Update(u->consumed_input_bytes, reader.total_input_bytes(), docs, bytes, false);
  }
  progress.Update(0, reader.total_input_bytes(), docs, bytes, true);
  if (std::fflush(stdout) != 0) return write_error();
  if (failed > 0) std::cerr << "alam: " << failed << " of " << docs << " documents failed\n";
  return failed > 0 ? 1 : 0;
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
  if (a.command == "extract") {
    alam::cli::ExecWithHugePages(argv);
    return alam::cli::Extract(a);
  }
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
