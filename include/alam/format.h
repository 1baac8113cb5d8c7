// alam/format.h — records of extracted documents, written by the library: the one formatter
// behind the `alam` command, the C ABI (alam_write_records), Python and Dask, so that every
// path gives the same bytes.
//
// Formats:
//   kJsonLines  one line per document: {"doc": ID, "entities": [{"start", "end",
//               "byte_start", "byte_end", "text", "type", "subtype", "id", "name_ar",
//               "name_en", "score", "source", "alias", ["alternatives",] ["country",]
//               ["parent",] ["governorate",] ["lat", "lon", ["approximate": true,]]
//               ["pcode",] ["wikidata"]}, …]} — the bracketed fields when known (the
//               entry's; "governorate" is its nearest ancestor of that subtype,
//               "approximate" marks the parent's point); a failed document: {"doc": ID, "error": MESSAGE,
//               "entities": []}. Scores with two decimals, offsets as in alam/entity.h.
//   kBio        "# doc: ID", then one "token<TAB>tag" line per token (B-/I-TYPE or O; tokens
//               split at entity boundaries, so a proclitic is its own token), then a blank
//               line; a failed document: "# error: MESSAGE" after its header.
//   kCsv, kTsv  a header row, then one row per mention: doc, the kept fields, date, start,
//               end, byte_start, byte_end, text, type, subtype, id, name_ar, name_en, country,
//               governorate, parent, lat, lon, approximate, pcode, wikidata, score, source,
//               error (the jsonl values; empty when unknown; approximate is "true" or empty;
//               a kept field's JSON string value as its text, null as empty, anything else as
//               its compact JSON). A document without mentions has no row; a failed document
//               has one row with only doc, kept fields, date and error filled. csv follows
//               RFC 4180 (CRLF line ends; a field holding a comma, quote, CR or LF is quoted,
//               its quotes doubled); tsv has LF line ends and no quoting: a backslash, tab,
//               LF and CR in a field are written as \\, \t, \n and \r.
//   kGeoJson    one RFC 7946 FeatureCollection for the run: a Point feature ([lon, lat], the
//               entry's coordinates, shortest round-trip decimals) per distinct entry with
//               coordinates, in order of first mention, with properties id, name_ar,
//               name_en, type, subtype, country, governorate, approximate, mentions, docs (ids in
//               input order, each once), first_date and last_date (when dates are given);
//               top level "documents", "failed_documents" and "places_without_coordinates"
//               (distinct PLACE entities without coordinates: entries, or rule-made by text).
//   kHtml       one self-contained page: per document its text (right to left) with each
//               entity a <mark class="ent t-TYPE"> titled with its entry (id, names,
//               type, parent chain; a link to Wikidata when known), then a Leaflet map with a
//               circle marker (class alam-marker) per feature of the run's geojson, which the
//               page holds as data (popups: names, id, mentions). Leaflet's JS and CSS are read when the RunWriter is created from
//               Debian's libjs-leaflet (ALAM_LEAFLET_DIR, /usr/share/javascript/leaflet) and
//               inlined; the page loads nothing (no tile layer: a 1-degree graticule). Every
//               text is escaped.
//   kCounts     TSV with a header: date, type, id, subtype, name_ar, name_en, governorate,
//               mentions (of the entity itself), mentions_with_contained (its own and those
//               of the entries whose parent chain reaches it: a village's mention counts
//               toward its sub-district, district, governorate and country), documents (that
//               count toward it). Keyed by date (empty without dates), type and id (a
//               rule-made entity by its text, id empty); sorted by date, type, id, name_ar.
//
// Kept fields and date (DocumentMeta): jsonl writes each kept field as a top-level key after
// "doc", in order, its value as given (compact JSON text), then "date" when given; bio does
// not write them. Kept field names doc, entities, error and date (and for csv/tsv every
// column name) are refused by RunWriter::Create.
//
// Runs: the per-document formats (jsonl, bio, csv, tsv) are records one after the other; the
// aggregating ones (geojson, html's map, counts) also gather facts of every document. A run is
// a RunWriter: its header, then the records of RecordWriters made from it (any number of
// threads, one writer each), then its footer. Each RecordWriter gathers the facts of the
// documents it writes in a RunPart (TakePart), and the RunWriter merges the parts in input
// order (Add), so the bytes do not depend on the number of threads.
//
// Thread-safety: a RecordWriter is used by one thread at a time (it caches the JSON of the
// entries it has written); WriteRecords runs many threads, each with its own writer.
// Errors: a document that fails still gets its record, with its error; the status returned
// says why it failed (as Extractor::Extract would).
#ifndef ALAM_FORMAT_H_
#define ALAM_FORMAT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "alam/export.h"
#include "alam/extractor.h"

namespace alam {

enum class RecordFormat : uint8_t {
  kJsonLines = 0,
  kBio = 1,
  kCsv = 2,
  kTsv = 3,
  kGeoJson = 4,
  kHtml = 5,
  kCounts = 6
};

// "jsonl", "bio", "csv", "tsv", "geojson", "html" and "counts"; false for anything else.
ALAM_EXPORT bool ParseRecordFormat(std::string_view name, RecordFormat* out);
ALAM_EXPORT std::string_view RecordFormatName(RecordFormat format);

// What a document carries besides its id and text.
struct DocumentMeta {
  std::string_view date;  // YYYY-MM-DD, or empty
  // (name, value as compact JSON text) per kept field, in the run's order; nullptr = none.
  const std::vector<std::pair<std::string, std::string>>* kept = nullptr;
};

namespace internal {
struct RecordWriterState;
struct RunPartState;
struct RunWriterState;
}  // namespace internal

class RecordWriter;
class RunWriter;

// The facts the aggregating formats gather of some consecutive documents (empty for the
// others). Movable.
class ALAM_EXPORT RunPart {
 public:
  RunPart();
  ~RunPart();
  RunPart(RunPart&& other) noexcept;
  RunPart& operator=(RunPart&& other) noexcept;

 private:
  friend class RecordWriter;
  friend class RunWriter;
  std::unique_ptr<internal::RunPartState> state_;
};

// One run of records: its configuration, header and footer, and the facts merged so far.
// Used by one thread at a time.
class ALAM_EXPORT RunWriter {
 public:
  // Fails (kInvalidArgument) for a kept field name that is reserved or repeated, and for html
  // (kNotFound) when Leaflet's files cannot be read. `extractor` must outlive the writer.
  static absl::StatusOr<std::unique_ptr<RunWriter>> Create(
      const Extractor& extractor, RecordFormat format, std::vector<std::string> kept_names = {});
  ~RunWriter();
  RunWriter(const RunWriter&) = delete;
  RunWriter& operator=(const RunWriter&) = delete;

  RecordFormat format() const;
  const Extractor& extractor() const;
  const std::vector<std::string>& kept_names() const;
  // The bytes before the first record (csv/tsv header row, the html page's head).
  void WriteHeader(std::string* out) const;
  // Merges the facts of the next documents, in input order.
  void Add(RunPart part);
  // The bytes after the last record (geojson, counts, the html map and the page's end).
  void WriteFooter(std::string* out) const;

 private:
  friend class RecordWriter;
  RunWriter();
  std::unique_ptr<internal::RunWriterState> state_;
};

class ALAM_EXPORT RecordWriter {
 public:
  // `extractor` must outlive the writer.
  RecordWriter(const Extractor& extractor, RecordFormat format);
  // A writer of `run`'s records (its format and kept fields); `run` must outlive it.
  explicit RecordWriter(const RunWriter& run);
  ~RecordWriter();
  RecordWriter(const RecordWriter&) = delete;
  RecordWriter& operator=(const RecordWriter&) = delete;

  // Extracts `text` with `scratch` and appends the document's record to *out. A document
  // longer than one segment (1 MiB) is written a segment at a time: `flush`, when given, is
  // called with `out` whenever this record's part of it passes 1 MiB, to write it out and
  // clear it, so that memory holds one segment's results whatever the document's size.
  absl::Status ExtractAndWrite(std::string_view doc_id, std::string_view text,
                               Scratch* scratch, std::string* out,
                               const std::function<void(std::string*)>& flush = nullptr);
  absl::Status ExtractAndWrite(std::string_view doc_id, const DocumentMeta& meta,
                               std::string_view text, Scratch* scratch, std::string* out,
                               const std::function<void(std::string*)>& flush = nullptr);
  // The record of a document that could not be read: its id and the error.
  void WriteError(std::string_view doc_id, std::string_view error, std::string* out);
  void WriteError(std::string_view doc_id, const DocumentMeta& meta, std::string_view error,
                  std::string* out);
  // The record of entities extracted from `text` by the same extractor.
  void Write(std::string_view doc_id, std::string_view text, const std::vector<Entity>& entities,
             std::string* out);
  void Write(std::string_view doc_id, const DocumentMeta& meta, std::string_view text,
             const std::vector<Entity>& entities, std::string* out);

  // The facts gathered of the documents written since the last call (for RunWriter::Add).
  RunPart TakePart();

  // Entities written by this writer so far, over all its records.
  uint64_t entity_count() const;

 private:
  std::unique_ptr<internal::RecordWriterState> state_;
};

// A whole run: the header, texts[i]'s record for every i extracted on `threads` threads (0 =
// all cores) in input order (nothing dropped or reordered), the footer. ids[i] names document
// i; metas (empty, or as long as texts) are their dates and kept fields, named by kept_names.
// A non-empty read_errors[i] (read_errors may be empty, or as long as texts) is a document
// that could not be read: its record carries that error. Returns the number of documents that
// failed (their records carry the error), or RunWriter::Create's error, or kInvalidArgument
// for a date that is not YYYY-MM-DD or kept fields that are not the run's (kept_names, in
// order) or not JSON values (nothing is written then).
ALAM_EXPORT absl::StatusOr<size_t> WriteRun(const Extractor& extractor, RecordFormat format,
                                            const std::vector<std::string_view>& ids,
                                            const std::vector<std::string_view>& texts,
                                            const std::vector<std::string_view>& read_errors,
                                            const std::vector<DocumentMeta>& metas,
                                            const std::vector<std::string>& kept_names,
                                            unsigned threads, std::string* out);

// WriteRun without dates and kept fields. When the run cannot be written (html without
// Leaflet), nothing is written and every document counts as failed.
ALAM_EXPORT size_t WriteRecords(const Extractor& extractor, RecordFormat format,
                                const std::vector<std::string_view>& ids,
                                const std::vector<std::string_view>& texts,
                                const std::vector<std::string_view>& read_errors,
                                unsigned threads, std::string* out);

}  // namespace alam

#endif  // ALAM_FORMAT_H_
