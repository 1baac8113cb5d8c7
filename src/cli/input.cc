#include "cli/input.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "cli/byte_stream.h"
#include "cli/encoding.h"
#include "cli/json.h"
#include "core/strings.h"
#include "core/utf8.h"

namespace alam::cli {
namespace {

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool Digits(std::string_view s, size_t from, size_t n, int* value) {
  *value = 0;
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    *value = *value * 10 + (s[i] - '0');
  }
  return true;
}

// After an ISO date: T or a space, HH:MM, then seconds, fractions and a zone (Z, +03:00).
bool IsTimeOfDay(std::string_view t) {
  int h = 0, m = 0;
  if (t.size() < 6 || (t[0] != 'T' && t[0] != ' ') || !Digits(t, 1, 2, &h) || t[3] != ':' ||
      !Digits(t, 4, 2, &m) || h > 24 || m > 59) {
    return false;
  }
  return t.substr(6).find_first_not_of("0123456789:.+-Z") == std::string_view::npos;
}

}  // namespace

std::string NormalizeDate(std::string_view v) {
  int y = 0, m = 0, d = 0;
  if (v.size() < 10 || !Digits(v, 0, 4, &y) || !Digits(v, 5, 2, &m) || !Digits(v, 8, 2, &d) ||
      v[4] != v[7] || (v[4] != '-' && v[4] != '/')) {
    return {};
  }
  if (v.size() > 10 && (v[4] != '-' || !IsTimeOfDay(v.substr(10)))) return {};
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1] || (m == 2 && d == 29 && !leap)) return {};
  std::string out(v.substr(0, 10));
  out[4] = out[7] = '-';
  return out;
}

struct DocumentReader::Source {
  std::string path;
  std::string name;  // base name
  std::unique_ptr<ByteStream> stream;  // null: the input could not be opened (open_error)
  std::string open_error;
  std::unique_ptr<Utf8Converter> converter;  // --encoding other than UTF-8
  std::string raw;  // the converter's input
  bool jsonl = false;
  bool json = false;      // .json: a JSON array of records, or JSON Lines
  bool checked = false;   // the first bytes were looked at (the encoding)
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
  std::string read_error;  // why reading stopped before the end
  uint64_t file_bytes = 0;
  // Reads up to 1 MiB more into buf; false at end of input or on error (sets *error).
  bool Fill(std::string* error) {
    constexpr size_t kRead = size_t{1} << 20;
    if (eof) {
      if (!read_error.empty()) *error = read_error;
      return false;
    }
    if (buf_pos > 0 && buf_pos >= buf_len / 2) {
      std::memmove(buf.data(), buf.data() + buf_pos, buf_len - buf_pos);
      buf_len -= buf_pos;
      buf_pos = 0;
    }
    // Grown to just what this read needs: the string's own capacity grows geometrically,
    // and pages beyond what is read are never touched (a whole-file document's memory is the
    // file's size, not the next power of two).
    std::string* dst = converter ? &raw : &buf;
    const size_t at = converter ? 0 : buf_len;
    if (dst->size() < at + kRead) dst->resize(at + kRead);
    const ptrdiff_t n = stream->Read(dst->data() + at, kRead);
    if (n < 0) {
      *error = read_error = stream->error();
      eof = true;
      return false;
    }
    if (n == 0) eof = true;
    if (!converter) {
      buf_len += static_cast<size_t>(n);
      return n > 0;
    }
    buf.resize(buf_len);
    if (!converter->Convert(std::string_view(raw.data(), static_cast<size_t>(n)), n == 0, &buf,
                            error)) {
      *error = read_error = internal::Cat(path, ": ", *error);
      eof = true;
    }
    buf_len = buf.size();
    return n > 0 && error->empty();
  }
};

DocumentReader::DocumentReader(std::vector<std::string> paths, InputOptions options)
    : paths_(std::move(paths)), options_(std::move(options)) {
  // The top-level members the record's fields are in (meta for meta.date), and the fields.
  for (const auto* names : {&options_.text_fields, &options_.keep_fields}) {
    wanted_fields_.insert(wanted_fields_.end(), names->begin(), names->end());
  }
  wanted_fields_.push_back(options_.id_field);
  if (!options_.date_field.empty()) wanted_fields_.push_back(options_.date_field);
  for (size_t i = 0, n = wanted_fields_.size(); i < n; ++i) {
    const std::string& f = wanted_fields_[i];
    if (f.find('.') != std::string::npos) wanted_fields_.push_back(f.substr(0, f.find('.')));
  }
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
  if (src_ && src_->stream) n += src_->stream->raw_bytes_read();
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
      for (std::string_view z : {"", ".gz", ".xz", ".bz2", ".zst"}) {
        for (std::string_view ext : {".jsonl", ".ndjson"}) {
          s->jsonl = s->jsonl || internal::EndsWith(p, internal::Cat(ext, z));
        }
        s->json = s->json || internal::EndsWith(p, internal::Cat(".json", z));
      }
      s->jsonl = s->jsonl || s->json;
      break;
    }
  }
  struct stat st;
  if (s->path != "-" && stat(s->path.c_str(), &st) == 0) {
    if (S_ISREG(st.st_mode)) s->file_bytes = static_cast<uint64_t>(st.st_size);
    if (S_ISDIR(st.st_mode)) {  // not a document: an error, never an empty record
      s->open_error = internal::Cat(s->path, " is a directory: name its files (", s->path,
                                    "/*.txt)");
      src_ = std::move(s);
      return true;
    }
  }
  s->stream = ByteStream::Open(s->path, &s->open_error);
  if (!IsUtf8Encoding(options_.encoding)) {
    s->converter = std::make_unique<Utf8Converter>(options_.encoding);
  }
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

// Looks at an input's first bytes once: without --encoding, an input that is not UTF-8 but
// reads as Windows-1256 Arabic is one error that says so (rather than one "invalid UTF-8" per
// record, or text repaired into nothing). False when the input failed.
bool DocumentReader::CheckFormat(Document* doc) {
  constexpr size_t kHead = size_t{64} << 10;
  Source& s = *src_;
  s.checked = true;
  if (!options_.encoding.empty()) return true;
  std::string error;
  while (s.buf_len - s.buf_pos < kHead && s.Fill(&error)) {
  }
  const std::string_view head(s.buf.data() + s.buf_pos, std::min(s.buf_len - s.buf_pos, kHead));
  const std::string hint = Cp1256Hint(head);
  if (hint.empty()) return true;
  doc->id = s.name;
  doc->error = internal::Cat(s.path, " is ", hint);
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
    absl::StatusOr<JsonValue> v = ParseJson(all, /*lenient_values=*/true);
    record_text_ = all;  // stays: the input is not read further
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
  record_text_ = line;
  RecordDocument(ParseJsonObject(line, wanted_fields_), doc);
  Source& s = *src_;
  if (s.records_read++ > 0 || doc->error.rfind("no text field", 0) != 0) return;
  // The first record has none of the text fields: the options do not fit this input. One
  // error naming the fields it has, instead of one per record.
  absl::StatusOr<JsonValue> all = ParseJson(line, /*lenient_values=*/true);
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
  JsonValue* id = v.ok() ? v->FindPath(options_.id_field) : nullptr;
  const bool id_ok = id != nullptr && (id->kind == JsonValue::Kind::kString ||
                                       id->kind == JsonValue::Kind::kNumber);
  const size_t id_bad = id_ok ? internal::FindInvalidUtf8(id->text) : 0;
  const bool id_valid = id_ok && id_bad == id->text.size();
  if (id_valid) {
    // Moved, unless the id field is a text field too (then the text is read from it below).
    doc->id = id_is_text_ ? id->text : std::move(id->text);
  } else {
    doc->id = internal::Cat(src_->name, ":", src_->line);
  }
  if (!v.ok()) {
    doc->error = std::string(v.status().message());
  } else if (id != nullptr && !id_ok && id->kind != JsonValue::Kind::kNull) {
    doc->error = internal::Cat("field \"", options_.id_field, "\" is not a string or number");
  } else if (id_ok && !id_valid) {
    doc->error = internal::Cat("field \"", options_.id_field, "\" is not valid UTF-8 (",
                               internal::InvalidUtf8Message(id_bad, id->text[id_bad]), ")");
  } else {
    ReadMetadata(&*v, doc);
    if (doc->error.empty()) JoinTextFields(&*v, doc);
  }
}

// --keep-field and --date-field: before the text, which may be moved out of the record.
void DocumentReader::ReadMetadata(JsonValue* record, Document* doc) {
  const std::string_view text = record_text_;  // the value's offsets are in it
  for (const std::string& f : options_.keep_fields) {
    const JsonValue* v = record->FindPath(f);
    doc->kept.emplace_back(f, v == nullptr ? "null" : CompactJson(text.substr(v->begin, v->end - v->begin)));
    const size_t bad = internal::FindInvalidUtf8(doc->kept.back().second);
    if (bad != doc->kept.back().second.size()) {
      doc->error = internal::Cat("field \"", f, "\" is not valid UTF-8 (",
                                 internal::InvalidUtf8Message(bad, doc->kept.back().second[bad]), ")");
      return;
    }
  }
  if (options_.date_field.empty()) return;
  const JsonValue* d = record->FindPath(options_.date_field);
  if (d == nullptr || d->kind == JsonValue::Kind::kNull) return;
  doc->date = d->kind == JsonValue::Kind::kString ? NormalizeDate(d->text) : "";
  if (!doc->date.empty()) return;
  if (bad_dates_++ == 0) first_bad_date_ = CompactJson(text.substr(d->begin, d->end - d->begin));
}

void DocumentReader::JoinTextFields(JsonValue* record, Document* doc) const {
  bool any = false;
  for (const std::string& f : options_.text_fields) {
    JsonValue* t = record->FindPath(f);
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
    if (!s.stream) {
      doc->id = s.name;
      doc->error = s.open_error;
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
