// Private: the header-driven TSV format shared by every data file (data/README.md).
#ifndef ALAM_SRC_CORE_TSV_H_
#define ALAM_SRC_CORE_TSV_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"

namespace alam::internal {

// One data row: its fields in the header's order, and where it stands.
struct TsvRow {
  const absl::flat_hash_map<std::string_view, size_t>* column;  // header name → index
  std::vector<std::string_view> fields;
  std::string_view file;
  size_t line;
  // The value of column `name`, or "" when the file has no such column.
  std::string_view Get(std::string_view name) const;
  // The index of column `name` (for At), or kNoColumn: a caller reading many columns of
  // many rows looks their names up once.
  static constexpr size_t kNoColumn = static_cast<size_t>(-1);
  size_t Index(std::string_view name) const;
  // The value at column index `i` (from Index), or "" for kNoColumn.
  std::string_view At(size_t i) const { return i == kNoColumn ? std::string_view() : fields[i]; }
  // "file:line: " for messages.
  std::string Where() const;
};

// Parses `content` (named `file` in messages). The first non-comment line is the header; each
// header name must be in `allowed` (when not empty) and all of `required` must be present.
// Lines starting with '#' and blank lines are skipped. A row with a different number of
// fields than the header, invalid UTF-8, or a NUL byte is an error naming file and line.
// `on_row` may return an error, which stops the parse.
// The next line of `content` from *pos that is neither blank nor a comment ('#'), without its
// line break (and '\r'); *line_no counts every line passed. False at the end.
bool NextDataLine(std::string_view content, size_t* pos, size_t* line_no, std::string_view* line);
// The header of a data file: its first line that is neither blank nor a comment ("" if none).
std::string_view TsvHeader(std::string_view content);

absl::Status ParseTsv(std::string_view file, std::string_view content,
                      const std::vector<std::string_view>& allowed,
                      const std::vector<std::string_view>& required,
                      const std::function<absl::Status(const TsvRow&)>& on_row);

}  // namespace alam::internal

#endif  // ALAM_SRC_CORE_TSV_H_
