#include "core/tsv.h"

#include <algorithm>

#include "core/utf8.h"
#include "core/strings.h"

namespace alam::internal {

std::string_view TsvRow::Get(std::string_view name) const {
  auto it = column->find(name);
  return it == column->end() ? std::string_view() : fields[it->second];
}

size_t TsvRow::Index(std::string_view name) const {
  auto it = column->find(name);
  return it == column->end() ? kNoColumn : it->second;
}

bool NextDataLine(std::string_view content, size_t* pos, size_t* line_no, std::string_view* line) {
  while (*pos < content.size()) {
    size_t eol = content.find('\n', *pos);
    if (eol == std::string_view::npos) eol = content.size();
    *line = content.substr(*pos, eol - *pos);
    *pos = eol + 1;
    ++*line_no;
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    if (!line->empty() && (*line)[0] != '#') return true;
  }
  return false;
}

std::string_view TsvHeader(std::string_view content) {
  size_t pos = 0, line_no = 0;
  std::string_view line;
  return NextDataLine(content, &pos, &line_no, &line) ? line : std::string_view();
}

std::string TsvRow::Where() const { return Cat(file, ":", line, ": "); }

absl::Status ParseTsv(std::string_view file, std::string_view content,
                      const std::vector<std::string_view>& allowed,
                      const std::vector<std::string_view>& required,
                      const std::function<absl::Status(const TsvRow&)>& on_row) {
  std::vector<std::string> header;
  absl::flat_hash_map<std::string_view, size_t> column;
  TsvRow row{&column, {}, file, 0};
  size_t pos = 0;
  std::string_view line;
  while (NextDataLine(content, &pos, &row.line, &line)) {
    if (line.find('\0') != std::string_view::npos) {
      return absl::InvalidArgumentError(Cat(row.Where(), "NUL byte in a data line"));
    }
    const size_t bad = FindInvalidUtf8(line);
    if (bad != line.size()) {
      return absl::InvalidArgumentError(
          Cat(row.Where(), "invalid UTF-8 at column byte ", bad + 1));
    }
    SplitInto(line, '\t', &row.fields);
    const std::vector<std::string_view>& fields = row.fields;
    if (header.empty()) {
      for (std::string_view f : fields) {
        if (f.empty()) return absl::InvalidArgumentError(Cat(row.Where(), "empty column name in header"));
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), f) == allowed.end()) {
          return absl::InvalidArgumentError(Cat(
              row.Where(), "unknown column \"", f, "\" (known: ", Join(allowed, ", "), ")"));
        }
        if (std::find(header.begin(), header.end(), f) != header.end()) {
          return absl::InvalidArgumentError(Cat(row.Where(), "duplicate column \"", f, "\""));
        }
        header.emplace_back(f);
      }
      for (size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
      for (std::string_view r : required) {
        if (std::find(header.begin(), header.end(), r) == header.end()) {
          return absl::InvalidArgumentError(
              Cat(row.Where(), "header lacks the required column \"", r, "\""));
        }
      }
      continue;
    }
    if (fields.size() != header.size()) {
      return absl::InvalidArgumentError(Cat(row.Where(), "expected ", header.size(),
                                                     " tab-separated fields, found ",
                                                     fields.size()));
    }
    absl::Status s = on_row(row);
    if (!s.ok()) return s;
  }
  if (header.empty()) {
    return absl::InvalidArgumentError(Cat(file, ": no header line"));
  }
  return absl::OkStatus();
}

}  // namespace alam::internal
