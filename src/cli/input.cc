#include "cli/input.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "cli/json.h"
#include "core/strings.h"

namespace alam::cli {
namespace {

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

struct DocumentReader::Source {
  std::string path;
  std::string name;  // base name
  gzFile gz = nullptr;
  bool jsonl = false;
  bool json = false;      // .json: a JSON array of records, or JSON Lines
  bool checked = false;   // the first bytes were looked at (compressed formats gzip is not)
  size_t records_read = 0;  // JSON Lines records parsed
  std::vector<JsonValue> records;  // of a JSON array, in reverse order (taken from the back)
  bool done = false;
  size_t line = 0;
  // Bytes [0, buf_len) of buf have been read, [buf_pos, buf_len) not yet consumed. buf's size
  // only grows, so that its tail is not cleared again before every read.
  std::string buf;
  size_t buf_len = 0;
  size_t buf_pos = 0;
  bool eof = false;
  uint64_t file_bytes = 0;
  ~Source() {
    if (gz != nullptr) gzclose(gz);
  }
  // Reads up to 1 MiB more into buf; false at end of input or on error (sets *error).
  bool Fill(std::string* error) {
    constexpr size_t kRead = size_t{1} << 20;
    if (eof) return false;
    if (buf_pos > 0 && buf_pos >= buf_len / 2) {
      std::memmove(buf.data(), buf.data() + buf_pos, buf_len - buf_pos);
      buf_len -= buf_pos;
      buf_pos = 0;
    }
    // Grown to just what this read needs: the string's own capacity grows geometrically,
    // and pages beyond what is read are never touched (a whole-file document's memory is the
    // file's size, not the next power of two).
    if (buf.size() < buf_len + kRead) buf.resize(buf_len + kRead);
    const int n = gzread(gz, buf.data() + buf_len, kRead);
    if (n < 0) {
      int err = 0;
      const char* msg = gzerror(gz, &err);
      *error = internal::Cat("read error: ", msg != nullptr ? msg : "unknown");
      eof = true;
      return false;
    }
    buf_len += static_cast<size_t>(n);
    if (n == 0) eof = true;
    return n > 0;
  }
};

DocumentReader::DocumentReader(std::vector<std::string> paths, InputOptions options)
    : paths_(std::move(paths)), options_(std::move(options)) {
  wanted_fields_ = options_.text_fields;
  wanted_fields_.push_back(options_.id_field);
  id_is_text_ = std::find(options_.text_fields.begin(), options_.text_fields.end(),
                          options_.id_field) != options_.text_fields.end();
  if (paths_.empty()) paths_.push_back("-");
  for (const std::string& p : paths_) ++base_name_count_[std::string(BaseName(p))];
  for (const std::string& p : paths_) {
    struct stat st;
    if (p != "-" && stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      total_bytes_ += static_cast<uint64_t>(st.st_size);
    }
  }
}

DocumentReader::~DocumentReader() = default;

uint64_t DocumentReader::consumed_input_bytes() const {
  uint64_t n = done_bytes_;
  if (src_ && src_->gz != nullptr) n += static_cast<uint64_t>(gzoffset(src_->gz));
  return n;
}

bool DocumentReader::OpenNext() {
  if (src_) done_bytes_ += src_->file_bytes;
  src_.reset();
  if (next_path_ >= paths_.size()) return false;
  auto s = std::make_unique<Source>();
  s->path = paths_[next_path_++];
  // Named by the base name, or by the path as given when two inputs share a base name
  // (d1/a.txt, d2/a.txt), so that no two documents of a run share a name.
  const std::string base(BaseName(s->path));
  s->name = s->path == "-" ? "stdin" : base_name_count_[base] > 1 ? s->path : base;
  switch (options_.format) {
    case InputOptions::Format::kJsonl: s->jsonl = true; break;
    case InputOptions::Format::kText: s->jsonl = false; break;
    case InputOptions::Format::kAuto: {
      const std::string_view p = s->path;
      for (std::string_view ext : {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"}) {
        s->jsonl = s->jsonl || internal::EndsWith(p, ext);
      }
      s->json = internal::EndsWith(p, ".json") || internal::EndsWith(p, ".json.gz");
      s->jsonl = s->jsonl || s->json;
      break;
    }
  }
  struct stat st;
  if (s->path != "-" && stat(s->path.c_str(), &st) == 0) {
    if (S_ISREG(st.st_mode)) s->file_bytes = static_cast<uint64_t>(st.st_size);
    if (S_ISDIR(st.st_mode)) {  // not a document: an error, never an empty record
      errno = EISDIR;
      src_ = std::move(s);
      return true;
    }
  }
  s->gz = s->path == "-" ? gzdopen(dup(0), "rb") : gzopen(s->path.c_str(), "rb");
  if (s->gz != nullptr) gzbuffer(s->gz, 1 << 17);
  src_ = std::move(s);
  return true;
}

// The whole input as one document.
void DocumentReader::ReadWhole(Document* doc) {
  Source& s = *src_;
  std::string error;
  while (s.Fill(&error)) {
  }
  doc->id = s.name;
  s.buf.resize(s.buf_len);
  doc->text = std::move(s.buf);
  doc->error = error;
  doc->input_bytes = doc->text.size();
  s.done = true;
}

// The next line of a JSON Lines input (without its line break); false at the end or on a read
// error (then *error says which). The bytes already searched for a line break are not
// searched again after a read, so that a line of any length is scanned once.
bool DocumentReader::NextLine(std::string_view* line, std::string* error) {
  Source& s = *src_;
  size_t eol = std::string::npos, from = std::min(s.buf_pos, s.buf_len);
  while (true) {
    const void* nl = std::memchr(s.buf.data() + from, '\n', s.buf_len - from);
    if (nl != nullptr) {
      eol = static_cast<size_t>(static_cast<const char*>(nl) - s.buf.data());
      break;
    }
    const size_t searched = s.buf_len - s.buf_pos;
    if (!s.Fill(error)) break;
    from = s.buf_pos + searched;
  }
  if (!error->empty()) return false;
  if (eol == std::string::npos) {
    if (s.buf_pos >= s.buf_len) return false;
    eol = s.buf_len;  // last line without a newline
  }
  *line = std::string_view(s.buf.data() + s.buf_pos, eol - s.buf_pos);
  s.buf_pos = std::min(eol + 1, s.buf_len);
  ++s.line;
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  return true;
}

// The magic numbers of compressed formats zlib does not read (gzip it reads transparently).
std::string_view CompressionOf(std::string_view head) {
  if (head.substr(0, 6) == std::string_view("\xFD" "7zXZ\0", 6)) return "xz";
  if (head.substr(0, 3) == "BZh") return "bzip2";
  if (head.substr(0, 4) == "\x28\xB5\x2F\xFD") return "zstd";
  if (head.substr(0, 4) == "PK\x03\x04") return "zip";
  return {};
}

// Looks at an input's first bytes once: a compressed format alam does not read is an error
// that says so (instead of "invalid UTF-8 at byte 0"). False when the input failed.
bool DocumentReader::CheckFormat(Document* doc) {
  Source& s = *src_;
  s.checked = true;
  std::string error;
  if (s.buf_len < 6) s.Fill(&error);
  const std::string_view kind =
      CompressionOf(std::string_view(s.buf.data() + s.buf_pos, s.buf_len - s.buf_pos));
  if (kind.empty()) return true;
  doc->id = s.name;
  doc->error = internal::Cat(s.path, " is ", kind, "-compressed: alam reads plain text and gzip; "
                             "decompress it first");
  s.done = true;
  return false;
}

// The next record of a .json input that holds one JSON array of records (the whole input is
// parsed at its first record); false when the input is not an array (JSON Lines, then).
bool DocumentReader::JsonArrayRecord(Document* doc) {
  Source& s = *src_;
  if (s.records.empty() && !s.jsonl) {
    s.done = true;  // every record taken
    return false;
  }
  if (s.records.empty()) {
    std::string error;
    while (s.Fill(&error)) {
    }
    const std::string_view all(s.buf.data() + s.buf_pos, s.buf_len - s.buf_pos);
    const size_t first = all.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || all[first] != '[') {
      s.json = false;  // JSON Lines after all
      return false;
    }
    absl::StatusOr<JsonValue> v = ParseJson(all);
    doc->input_bytes = all.size();
    s.buf_pos = s.buf_len;
    s.jsonl = false;  // from now on, only the array's records
    if (!v.ok() || v->kind != JsonValue::Kind::kArray) {
      doc->id = s.name;
      doc->error = v.ok() ? "not a JSON array" : std::string(v.status().message());
      s.done = true;
      return true;
    }
    s.records.assign(std::make_move_iterator(v->items.rbegin()),
                     std::make_move_iterator(v->items.rend()));
    if (s.records.empty()) {
      s.done = true;
      return false;
    }
  }
  JsonValue record = std::move(s.records.back());
  s.records.pop_back();
  ++s.line;  // the record's place in the array, from 1
  RecordDocument(record.kind == JsonValue::Kind::kObject
                     ? absl::StatusOr<JsonValue>(std::move(record))
                     : absl::StatusOr<JsonValue>(absl::InvalidArgumentError("not a JSON object")),
                 doc);
  return true;
}

// A record's document: its id (or its place in the input when it has none) and its text
// fields joined; an error when the line is not such a record.
void DocumentReader::ParseRecord(std::string_view line, Document* doc) {
  doc->input_bytes = line.size() + 1;
  RecordDocument(ParseJsonObject(line, wanted_fields_), doc);
  Source& s = *src_;
  if (s.records_read++ > 0 || doc->error.rfind("no text field", 0) != 0) return;
  // The first record has none of the text fields: the options do not fit this input. One
  // error naming the fields it has, instead of one per record.
  absl::StatusOr<JsonValue> all = ParseJson(line);
  std::string fields;
  for (const auto& [key, value] : all.ok() ? all->members : decltype(all->members)()) {
    internal::AppendCat(&fields, fields.empty() ? "" : ", ", key);
  }
  doc->id = s.name;
  internal::AppendCat(&doc->error, " in the first record of ", s.path, "; its fields are: ",
                      fields, ". Name the text with --text-field; the rest of ", s.path,
                      " is not read");
  s.done = true;
}

void DocumentReader::RecordDocument(absl::StatusOr<JsonValue> v, Document* doc) {
  JsonValue* id = v.ok() ? v->Find(options_.id_field) : nullptr;
  if (id != nullptr &&
      (id->kind == JsonValue::Kind::kString || id->kind == JsonValue::Kind::kNumber)) {
    // Moved, unless the id field is a text field too (then the text is read from it below).
    doc->id = id_is_text_ ? id->text : std::move(id->text);
  } else {
    doc->id = internal::Cat(src_->name, ":", src_->line);
  }
  if (!v.ok()) {
    doc->error = std::string(v.status().message());
  } else if (id != nullptr && id->kind != JsonValue::Kind::kString &&
             id->kind != JsonValue::Kind::kNumber && id->kind != JsonValue::Kind::kNull) {
    doc->error = internal::Cat("field \"", options_.id_field, "\" is not a string or number");
  } else {
    JoinTextFields(&*v, doc);
  }
}

void DocumentReader::JoinTextFields(JsonValue* record, Document* doc) const {
  bool any = false;
  for (const std::string& f : options_.text_fields) {
    JsonValue* t = record->Find(f);
    if (t == nullptr || t->kind == JsonValue::Kind::kNull) continue;
    if (t->kind != JsonValue::Kind::kString) {
      doc->error = internal::Cat("field \"", f, "\" is not a string");
      return;
    }
    if (options_.text_fields.size() == 1) {
      doc->text = std::move(t->text);  // the usual case: no copy
    } else {
      if (any) doc->text += options_.joiner;
      doc->text += t->text;
    }
    any = true;
  }
  if (!any) {
    doc->error = internal::Cat("no text field (looked for: ");
    for (size_t i = 0; i < options_.text_fields.size(); ++i) {
      internal::AppendCat(&doc->error, i ? ", " : "", options_.text_fields[i]);
    }
    doc->error += ")";
  }
}

bool DocumentReader::Next(Document* doc) {
  *doc = Document();
  while (true) {
    if (!src_ || src_->done) {
      if (!OpenNext()) return false;
    }
    Source& s = *src_;
    if (s.gz == nullptr) {
      doc->id = s.name;
      doc->error = errno == EISDIR
                       ? internal::Cat(s.path, " is a directory: name its files (", s.path,
                                       "/*.txt)")
                       : internal::Cat("cannot open ", s.path, ": ", std::strerror(errno));
      s.done = true;
      return true;
    }
    if (!s.checked && !CheckFormat(doc)) return true;
    if (s.json && JsonArrayRecord(doc)) return true;
    if (s.done) continue;
    if (!s.jsonl) {
      ReadWhole(doc);
      return true;
    }
    std::string error;
    std::string_view line;
    if (!NextLine(&line, &error)) {
      s.done = true;
      if (error.empty()) continue;  // the end of this input
      doc->id = internal::Cat(s.name, ":", s.line + 1);
      doc->error = error;
      return true;
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank
    ParseRecord(line, doc);
    return true;
  }
}

}  // namespace alam::cli
