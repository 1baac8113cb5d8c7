// `alam extract`: reads documents, hands them to the library's record writer on worker
// threads, writes the records in input order.
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "alam/extractor.h"
#include "alam/format.h"
#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/progress.h"

namespace alam::cli {
namespace {

// Documents above this size are extracted and written segment by segment by the writer
// thread (RecordWriter::ExtractAndWrite with a flush), so that memory holds one segment's
// results at a time, whatever the document's size.
constexpr size_t kLargeDocumentBytes = size_t{1} << 20;

// Where the records go, and whether every write succeeded.
struct Output {
  std::FILE* file = stdout;
  bool ok = true;
  void Write(const std::string& s) {
    if (ok && std::fwrite(s.data(), 1, s.size(), file) != s.size()) ok = false;
  }
};

// Each worker has its own scratch and record writer; the last pair is the writer thread's,
// for the documents it streams.
struct Workers {
  Workers(const Extractor& ex, RunWriter* run_writer, unsigned threads) : run(run_writer) {
    for (unsigned i = 0; i <= threads; ++i) {
      scratches.push_back(ex.NewScratch());
      writers.push_back(std::make_unique<RecordWriter>(*run));
    }
  }
  uint64_t entities() const {
    uint64_t n = 0;
    for (const auto& w : writers) n += w->entity_count();
    return n;
  }
  std::vector<std::unique_ptr<Scratch>> scratches;
  std::vector<std::unique_ptr<RecordWriter>> writers;
  RunWriter* run;  // the header, the footer and the aggregating formats' facts
};

DocumentMeta MetaOf(const Document& d) { return {d.date, d.kept.empty() ? nullptr : &d.kept}; }

// A worker's job: the records of all of a unit's documents.
void ProcessUnit(Workers* w, Unit* u, unsigned worker) {
  size_t text_bytes = 0;
  for (const Document& d : u->docs) text_bytes += d.text.size();
  u->out.reserve(text_bytes + text_bytes / 4 + 256 * u->docs.size());  // typical output size
  RecordWriter& writer = *w->writers[worker];
  for (size_t i = 0; i < u->docs.size(); ++i) {
    const Document& d = u->docs[i];
    if (!d.error.empty()) {
      writer.WriteError(d.id, MetaOf(d), d.error, &u->out);
      u->errors.emplace_back(i, d.error);
      continue;
    }
    absl::Status st = writer.ExtractAndWrite(d.id, MetaOf(d), d.text,
                                             w->scratches[worker].get(), &u->out);
    if (!st.ok()) u->errors.emplace_back(i, std::string(st.message()));
  }
  u->part = writer.TakePart();
}

// The writer thread's job for a large document: its record, written as it is extracted.
void WriteLargeDocument(Workers* w, unsigned slot, Unit* u, Output* out) {
  const Document& d = u->docs[0];
  std::string buf;
  auto flush = [out](std::string* s) {
    out->Write(*s);
    s->clear();
  };
  absl::Status st = w->writers[slot]->ExtractAndWrite(d.id, MetaOf(d), d.text,
                                                      w->scratches[slot].get(), &buf, flush);
  flush(&buf);
  u->part = w->writers[slot]->TakePart();
  if (!st.ok()) u->errors.emplace_back(0, std::string(st.message()));
}

void TuneMalloc() {
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
}

// The extractor lives until the process ends and is never freed: freeing its memory block
// by block at exit cost some 5 ms, a tenth of the start-up, for nothing. A static keeps it
// reachable, so leak checkers do not report it.
const Extractor* CreateExtractor(const ExtractorOptions& options) {
  static const Extractor* extractor = nullptr;
  auto created = Extractor::Create(options);
  if (!created.ok()) {
    std::cerr << "alam: " << created.status().message() << "\n";
    return nullptr;
  }
  extractor = created->release();
  return extractor;
}

size_t UnitBytes(const Args& a, unsigned threads) {
  if (a.batch_bytes != 0) return a.batch_bytes;
  return std::clamp<size_t>((size_t{48} << 20) / (2 * threads + 2), size_t{64} << 10,
                            size_t{1} << 20);
}

struct Totals {
  size_t docs = 0, bytes = 0, failed = 0;
};

// Writes the units in input order as the pipeline hands them over.
void WriteUnits(Pipeline* pipeline, Workers* w, unsigned threads, Output* out,
                const DocumentReader& reader, Progress* progress, Totals* t) {
  while (Unit* u = pipeline->Next()) {
    if (u->streamed) {
      WriteLargeDocument(w, threads, u, out);
    } else {
      out->Write(u->out);
    }
    w->run->Add(std::move(u->part));
    if (!out->ok) return;
    for (const auto& [i, error] : u->errors) {
      std::cerr << "alam: " << u->docs[i].id << ": " << error << "\n";
    }
    t->failed += u->errors.size();
    for (const Document& d : u->docs) t->bytes += d.text.size();
    t->docs += u->docs.size();
    progress->Update(u->consumed_input_bytes, reader.total_input_bytes(), t->docs, t->bytes, false);
  }
}

}  // namespace

int Extract(const Args& a) {
  TuneMalloc();
  const auto start = std::chrono::steady_clock::now();
  const Extractor* ex = CreateExtractor(a.ex);
  if (ex == nullptr) return 2;
  auto run = RunWriter::Create(*ex, a.format, a.in.keep_fields);
  if (!run.ok()) {
    std::cerr << "alam: " << run.status().message() << "\n";
    return 2;
  }
  Output out;
  if (!a.output.empty() && a.output != "-") {
    out.file = std::fopen(a.output.c_str(), "wb");
    if (out.file == nullptr) {
      std::cerr << "alam: cannot write " << a.output << ": " << std::strerror(errno) << "\n";
      return 2;
    }
  }
  const unsigned threads =
      a.threads != 0 ? a.threads : std::max(1u, std::thread::hardware_concurrency());
  Workers w(*ex, run->get(), threads);
  std::string edge;  // the run's header, then its footer
  (*run)->WriteHeader(&edge);
  out.Write(edge);
  Progress progress(a.progress == 1 || (a.progress == -1 && isatty(2)));
  DocumentReader reader(a.files, a.in);
  Totals t;
  {
    Pipeline pipeline(&reader, UnitBytes(a, threads), kLargeDocumentBytes, threads,
                      [&w](Unit* u, unsigned worker) { ProcessUnit(&w, u, worker); });
    WriteUnits(&pipeline, &w, threads, &out, reader, &progress, &t);
  }
  progress.Update(0, reader.total_input_bytes(), t.docs, t.bytes, true);
  edge.clear();
  (*run)->WriteFooter(&edge);
  out.Write(edge);
  if (reader.bad_date_count() > 0 && !a.quiet) {
    std::cerr << "alam: warning: " << reader.bad_date_count() << " value(s) of --date-field "
              << a.in.date_field << " are not dates (the first: " << reader.first_bad_date()
              << "); those documents have no date\n";
  }
  if (!out.ok || std::fflush(out.file) != 0 || (out.file != stdout && std::fclose(out.file) != 0)) {
    std::cerr << "alam: error writing " << (out.file == stdout ? "standard output" : a.output)
              << ": " << std::strerror(errno) << "\n";
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!a.quiet) {
    std::fprintf(stderr, "alam: %zu documents, %llu entities, %zu failed; %.1f MB in %.2f s (%.1f MB/s)\n",
                 t.docs, static_cast<unsigned long long>(w.entities()), t.failed,
                 static_cast<double>(t.bytes) / 1e6, secs,
                 secs > 0 ? static_cast<double>(t.bytes) / 1e6 / secs : 0.0);
  }
  return t.failed > 0 ? 1 : 0;
}

}  // namespace alam::cli
