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
//
// Thread-safety: a RecordWriter is used by one thread at a time (it caches the JSON of the
// entries it has written); WriteRecords runs many threads, each with its own writer.
// Errors: a document that fails still gets its record, with its error; the status returned
// says why it failed (as Extractor::Extract would).
#ifndef ALAM_FORMAT_H_
#define ALAM_FORMAT_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "alam/export.h"
#include "alam/extractor.h"

namespace alam {

enum class RecordFormat : uint8_t { kJsonLines = 0, kBio = 1 };

// "jsonl" and "bio"; false for anything else.
ALAM_EXPORT bool ParseRecordFormat(std::string_view name, RecordFormat* out);

namespace internal {
struct RecordWriterState;
}  // namespace internal

class ALAM_EXPORT RecordWriter {
 public:
  // `extractor` must outlive the writer.
  RecordWriter(const Extractor& extractor, RecordFormat format);
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
  // The record of a document that could not be read: its id and the error.
  void WriteError(std::string_view doc_id, std::string_view error, std::string* out);
  // The record of entities extracted from `text` by the same extractor.
  void Write(std::string_view doc_id, std::string_view text, const std::vector<Entity>& entities,
             std::string* out);

  // Entities written by this writer so far, over all its records.
  uint64_t entity_count() const;

 private:
  std::unique_ptr<internal::RecordWriterState> state_;
};

// Extracts texts[i] and writes its record, for every i, on `threads` threads (0 = all cores),
// into *out in input order (nothing dropped or reordered). ids[i] names document i. A
// non-empty read_errors[i] (read_errors may be empty, or as long as texts) is a document that
// could not be read: its record carries that error. Returns the number of documents that
// failed (their records carry the error).
ALAM_EXPORT size_t WriteRecords(const Extractor& extractor, RecordFormat format,
                                const std::vector<std::string_view>& ids,
                                const std::vector<std::string_view>& texts,
                                const std::vector<std::string_view>& read_errors,
                                unsigned threads, std::string* out);

}  // namespace alam

#endif  // ALAM_FORMAT_H_
