// Private to the CLI: streams documents from plain-text and JSON Lines inputs, compressed or
// not, in any encoding ICU converts.
#ifndef ALAM_SRC_CLI_INPUT_H_
#define ALAM_SRC_CLI_INPUT_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/json.h"

namespace alam::cli {


struct Document {
  std::string id;
  std::string text;
  std::string error;  // non-empty: the document could not be read (it is still reported)
  std::string date;  // --date-field value normalized to YYYY-MM-DD; empty when none
  std::vector<std::pair<std::string, std::string>> kept;  // --keep-field: (name, the value as compact JSON text; "null" when absent), in flag order
  size_t input_bytes = 0;
};

struct InputOptions {
  enum class Format { kAuto, kText, kJsonl } format = Format::kAuto;
  std::string id_field = "id";
  std::vector<std::string> text_fields = {"text"};
  std::string joiner = "\n\n";  // between several text fields
  // Field names may be dotted paths to nested members (meta.date, article.body); a member
  // whose own name has a dot is found first.
  std::vector<std::string> keep_fields;  // copied into Document::kept
  std::string date_field;                // read into Document::date
  std::string encoding;                  // of the input bytes; "" = UTF-8 (checked)
};

// A date as --date-field takes it (YYYY-MM-DD, YYYY/MM/DD, or an ISO date and time such as
// 2014-06-10T08:00:00Z or 2014-06-10 08:00, whose date is kept as written) as YYYY-MM-DD;
// empty when it is none of those or not a real day.
std::string NormalizeDate(std::string_view value);

// Reads documents in input order. A path ending in .jsonl or .ndjson (or either with .gz, .xz,
// .bz2 or .zst, or any path with Format::kJsonl) holds one JSON object per line (blank lines
// are skipped); a .json path holds one JSON array of objects (read whole; record k is named
// <file>:<k> when it has no id) or JSON Lines; any other path is one plain-text document named
// by its base name. "-" is standard input. Inputs may be gzip, xz, bzip2 or zstd-compressed
// (known by their first bytes; read as a stream); truncated or corrupt compressed data, zip
// archives and directories are errors that say so. With an encoding, the bytes are converted
// to UTF-8 first (offsets are then offsets in that UTF-8); without one, an input whose first
// bytes are Windows-1256 Arabic is one error that says to name it. When two paths share a base name, their documents are
// named by the path as given instead. An input that cannot be opened or a line that is not a valid record
// yields a Document with `error` set, so nothing is silently skipped.
class DocumentReader {
 public:
  DocumentReader(std::vector<std::string> paths, InputOptions options);
  ~DocumentReader();
  // Fills *doc with the next document; false at the end of all inputs.
  bool Next(Document* doc);
  uint64_t total_input_bytes() const { return total_bytes_; }  // of regular files, 0 if unknown
  uint64_t consumed_input_bytes() const;
  // Dates of --date-field that were not dates: how many, and the first of them.
  uint64_t bad_date_count() const { return bad_dates_; }
  const std::string& first_bad_date() const { return first_bad_date_; }

 private:
  struct Source;
  bool OpenNext();
  void ReadWhole(Document* doc);
  bool NextLine(std::string_view* line, std::string* error);
  void ParseRecord(std::string_view line, Document* doc);
  void RecordDocument(absl::StatusOr<JsonValue> record, Document* doc);
  bool CheckFormat(Document* doc);
  bool JsonArrayRecord(Document* doc);
  void JoinTextFields(JsonValue* record, Document* doc) const;
  void ReadMetadata(JsonValue* record, Document* doc);
  std::vector<std::string> paths_;
  InputOptions options_;
  size_t next_path_ = 0;
  std::unique_ptr<Source> src_;
  std::vector<std::string> wanted_fields_;  // id and text fields: the others are skipped
  bool id_is_text_ = false;                 // the id field is one of the text fields
  uint64_t total_bytes_ = 0;
  std::map<std::string, size_t> base_name_count_;  // of the paths given
  uint64_t done_bytes_ = 0;
  std::string_view record_text_;  // the JSON text of the record being read
  uint64_t bad_dates_ = 0;
  std::string first_bad_date_;
};

}  // namespace alam::cli

#endif  // ALAM_SRC_CLI_INPUT_H_
