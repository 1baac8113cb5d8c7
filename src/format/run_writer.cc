// Runs of records: RunPart, RunWriter and WriteRun (alam/format.h).
#include <fstream>
#include <set>
#include <sstream>

#include "core/json_check.h"
#include "core/parallel.h"
#include "core/strings.h"
#include "format/run_part.h"

#ifndef ALAM_LEAFLET_DIR
#define ALAM_LEAFLET_DIR "/usr/share/javascript/leaflet"
#endif

namespace alam {

namespace internal {

struct RunWriterState {
  const Extractor* extractor = nullptr;
  RecordFormat format = RecordFormat::kJsonLines;
  std::vector<std::string> kept_names;
  std::string leaflet_js, leaflet_css;  // html
  RunPartState merged;
};

namespace {

absl::Status CheckKeptNames(RecordFormat format, const std::vector<std::string>& names) {
  std::set<std::string_view> reserved = {"doc", "entities", "error", "date"};
  if (format == RecordFormat::kCsv || format == RecordFormat::kTsv) {
    reserved.insert(TableColumns().begin(), TableColumns().end());
  }
  std::set<std::string_view> seen;
  for (const std::string& name : names) {
    if (reserved.count(name) > 0) {
      return absl::InvalidArgumentError(Cat("the kept field \"", name, "\" is named like a ",
                                            RecordFormatName(format), " ",
                                            format == RecordFormat::kCsv ||
                                                    format == RecordFormat::kTsv
                                                ? "column"
                                                : "reserved key",
                                            " of the records"));
    }
    if (!seen.insert(name).second) {
      return absl::InvalidArgumentError(Cat("the kept field \"", name, "\" is given twice"));
    }
  }
  return absl::OkStatus();
}

absl::Status ReadLeafletFile(std::string_view name, std::string* out) {
  const std::string path = Cat(ALAM_LEAFLET_DIR, "/", name);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof()) in.setstate(std::ios::failbit);
  if (!in || text.str().empty()) {
    return absl::NotFoundError(Cat("the html format needs Leaflet (Debian: libjs-leaflet): cannot read ", path));
  }
  *out = text.str();
  if (out->find("</script") != std::string::npos || out->find("</style") != std::string::npos) {
    return absl::InvalidArgumentError(Cat(path, " cannot be inlined: it holds a closing tag"));
  }
  return absl::OkStatus();
}

bool IsIsoDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  return true;
}

// Dates and kept fields handed to WriteRun: YYYY-MM-DD, the run's kept fields in its order,
// JSON values.
absl::Status CheckMetas(const std::vector<DocumentMeta>& metas,
                        const std::vector<std::string>& kept_names) {
  for (size_t i = 0; i < metas.size(); ++i) {
    const DocumentMeta& m = metas[i];
    if (!m.date.empty() && !IsIsoDate(m.date)) {
      return absl::InvalidArgumentError(Cat("document ", i, ": the date \"", m.date,
                                            "\" is not YYYY-MM-DD"));
    }
    if (m.kept == nullptr) continue;
    if (m.kept->size() != kept_names.size()) {
      return absl::InvalidArgumentError(Cat("document ", i, ": ", m.kept->size(),
                                            " kept fields, the run has ", kept_names.size()));
    }
    for (size_t k = 0; k < kept_names.size(); ++k) {
      const auto& [name, value] = (*m.kept)[k];
      if (name != kept_names[k] || !IsJsonValue(value)) {
        return absl::InvalidArgumentError(Cat("document ", i, ": kept field ", k, " (",
                                              kept_names[k], ") is not a JSON value or is named \"",
                                              name, "\""));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace
}  // namespace internal

RunPart::RunPart() = default;
RunPart::~RunPart() = default;
RunPart::RunPart(RunPart&& other) noexcept = default;
RunPart& RunPart::operator=(RunPart&& other) noexcept = default;

RunWriter::RunWriter() : state_(std::make_unique<internal::RunWriterState>()) {}
RunWriter::~RunWriter() = default;

absl::StatusOr<std::unique_ptr<RunWriter>> RunWriter::Create(const Extractor& extractor,
                                                             RecordFormat format,
                                                             std::vector<std::string> kept_names) {
  if (RecordFormatName(format).empty()) {
    return absl::InvalidArgumentError(
        internal::Cat("unknown record format ", static_cast<int>(format)));
  }
  absl::Status s = internal::CheckKeptNames(format, kept_names);
  if (!s.ok()) return s;
  std::unique_ptr<RunWriter> run(new RunWriter());
  internal::RunWriterState& st = *run->state_;
  if (format == RecordFormat::kHtml) {
    s = internal::ReadLeafletFile("leaflet.min.js", &st.leaflet_js);
    if (s.ok()) s = internal::ReadLeafletFile("leaflet.css", &st.leaflet_css);
    if (!s.ok()) return s;
  }
  st.extractor = &extractor;
  st.format = format;
  st.kept_names = std::move(kept_names);
  st.merged.format = format;
  return run;
}

RecordFormat RunWriter::format() const { return state_->format; }
const Extractor& RunWriter::extractor() const { return *state_->extractor; }
const std::vector<std::string>& RunWriter::kept_names() const { return state_->kept_names; }

void RunWriter::WriteHeader(std::string* out) const {
  const internal::RunWriterState& st = *state_;
  switch (st.format) {
    case RecordFormat::kCsv: internal::TableHeader(',', st.kept_names, out); return;
    case RecordFormat::kTsv: internal::TableHeader('\t', st.kept_names, out); return;
    case RecordFormat::kHtml: internal::HtmlHead(st.leaflet_css, out); return;
    default: return;
  }
}

void RunWriter::Add(RunPart part) {
  if (part.state_ != nullptr) state_->merged.Merge(std::move(*part.state_));
}

void RunWriter::WriteFooter(std::string* out) const {
  const internal::RunWriterState& st = *state_;
  switch (st.format) {
    case RecordFormat::kGeoJson: internal::WriteGeoJson(*st.extractor, st.merged, out); return;
    case RecordFormat::kHtml:
      internal::HtmlFoot(*st.extractor, st.merged, st.leaflet_js, out);
      return;
    case RecordFormat::kCounts: internal::WriteCounts(st.merged, out); return;
    default: return;
  }
}

absl::StatusOr<size_t> WriteRun(const Extractor& extractor, RecordFormat format,
                                const std::vector<std::string_view>& ids,
                                const std::vector<std::string_view>& texts,
                                const std::vector<std::string_view>& read_errors,
                                const std::vector<DocumentMeta>& metas,
                                const std::vector<std::string>& kept_names, unsigned threads,
                                std::string* out) {
  auto created = RunWriter::Create(extractor, format, kept_names);
  if (!created.ok()) return created.status();
  const absl::Status checked = internal::CheckMetas(metas, kept_names);
  if (!checked.ok()) return checked;
  RunWriter& run = **created;
  const size_t n = std::min(ids.size(), texts.size());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>({threads, 1024, std::max<size_t>(n, 1)}));
  std::vector<std::unique_ptr<Scratch>> scratches(threads);
  std::vector<std::unique_ptr<RecordWriter>> writers(threads);
  for (unsigned t = 0; t < threads; ++t) {
    scratches[t] = extractor.NewScratch();
    writers[t] = std::make_unique<RecordWriter>(run);
  }
  std::vector<std::string> records(n);
  std::vector<RunPart> parts(n);
  std::atomic<size_t> failed{0};
  internal::ParallelFor(n, threads, [&](size_t i, unsigned worker) {
    const DocumentMeta meta = i < metas.size() ? metas[i] : DocumentMeta();
    RecordWriter& w = *writers[worker];
    if (i < read_errors.size() && !read_errors[i].empty()) {
      w.WriteError(ids[i], meta, read_errors[i], &records[i]);
      failed.fetch_add(1, std::memory_order_relaxed);
    } else if (!w.ExtractAndWrite(ids[i], meta, texts[i], scratches[worker].get(), &records[i])
                    .ok()) {
      failed.fetch_add(1, std::memory_order_relaxed);
    }
    parts[i] = w.TakePart();
  });
  std::string footer;
  for (RunPart& p : parts) run.Add(std::move(p));
  run.WriteFooter(&footer);
  size_t total = footer.size();
  for (const std::string& r : records) total += r.size();
  out->reserve(out->size() + total + 4096);
  run.WriteHeader(out);
  for (const std::string& r : records) out->append(r);
  out->append(footer);
  return failed.load();
}

size_t WriteRecords(const Extractor& extractor, RecordFormat format,
                    const std::vector<std::string_view>& ids,
                    const std::vector<std::string_view>& texts,
                    const std::vector<std::string_view>& read_errors, unsigned threads,
                    std::string* out) {
  absl::StatusOr<size_t> failed =
      WriteRun(extractor, format, ids, texts, read_errors, {}, {}, threads, out);
  return failed.ok() ? *failed : std::min(ids.size(), texts.size());
}

}  // namespace alam
