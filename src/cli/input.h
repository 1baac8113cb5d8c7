// Private to the CLI: streams documents from plain-text and JSON Lines inputs, gzip or not.
#ifndef ALAM_SRC_CLI_INPUT_H_
#define ALAM_SRC_CLI_INPUT_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
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
};

// Reads documents in input order. A path ending in .jsonl or .ndjson (or either .gz, or any
// path with Format::kJsonl) holds one JSON object per line (blank lines are skipped); a .json
// path holds one JSON array of objects (read whole; record k is named <file>:<k> when it has
// no id) or JSON Lines; any other path is one plain-text document named by its base name. "-"
// is standard input. Files may be gzip-compressed; xz, bzip2, zstd and zip inputs and
// directories are errors that say so. When two paths share a base name, their documents are
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
  std::vector<std::string> paths_;
  InputOptions options_;
  size_t next_path_ = 0;
  std::unique_ptr<Source> src_;
  std::vector<std::string> wanted_fields_;  // id and text fields: the others are skipped
  bool id_is_text_ = false;                 // the id field is one of the text fields
  uint64_t total_bytes_ = 0;
  std::map<std::string, size_t> base_name_count_;  // of the paths given
  uint64_t done_bytes_ = 0;
};

}  // namespace alam::cli

#endif  // ALAM_SRC_CLI_INPUT_H_
