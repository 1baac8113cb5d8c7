#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "alam/format.h"
#include "alam/normalizer.h"
#include "compiled_data.h"
#include "core/parallel.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "document.h"
#include "format/json_writer.h"
#include "format/run_part.h"
#include "scratch_state.h"

namespace alam {

namespace {
constexpr std::string_view kFormatNames[] = {"jsonl", "bio", "csv", "tsv",
                                             "geojson", "html", "counts"};
}  // namespace

bool ParseRecordFormat(std::string_view name, RecordFormat* out) {
  for (size_t i = 0; i < std::size(kFormatNames); ++i) {
    if (kFormatNames[i] == name) {
      *out = static_cast<RecordFormat>(i);
      return true;
    }
  }
  return false;
}

std::string_view RecordFormatName(RecordFormat format) {
  const auto i = static_cast<size_t>(format);
  return i < std::size(kFormatNames) ? kFormatNames[i] : "";
}

namespace internal {
namespace {

// A record's part above this size is handed to the caller's flush between segments.
constexpr size_t kFlushBytes = size_t{1} << 20;

// The type-to-name_en fields of an entity from its own fields.
void AppendMiddle(const Entity& e, std::string* out) {
  AppendCat(out, ", \"type\": \"", EntityTypeName(e.type), "\", \"subtype\": ");
  AppendJsonString(e.subtype, out);
  out->append(", \"id\": ");
  AppendJsonString(e.id, out);
  out->append(", \"name_ar\": ");
  AppendJsonString(e.name_ar, out);
  out->append(", \"name_en\": ");
  AppendJsonString(e.name_en, out);
}

// Writes `key` and then the decimal digits of `v` at `p`; returns the end.
char* PutNumber(char* p, std::string_view key, size_t v) {
  std::memcpy(p, key.data(), key.size());
  p += key.size();
  return std::to_chars(p, p + 24, v).ptr;
}

// Writes `, "score": ` and the score with two decimals, as "%.2f" prints it (15 bytes).
char* PutScore(char* p, double score) {
  const long hundredths = std::lround(score * 100);
  const char text[] = {',', ' ', '"', 's', 'c', 'o', 'r', 'e', '"', ':', ' ',
                       static_cast<char>('0' + hundredths / 100), '.',
                       static_cast<char>('0' + hundredths / 10 % 10),
                       static_cast<char>('0' + hundredths % 10)};
  std::memcpy(p, text, sizeof(text));
  return p + sizeof(text);
}

bool IsBioSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x200F ||
         cp == 0x200E || cp == 0x200B || cp == 0xFEFF;
}

// BIO tokens of `text`, the document's bytes from `base` on; the entities' offsets are the
// document's.
class BioTokens {
 public:
  BioTokens(std::string_view text, size_t base, const std::vector<Entity>& entities,
            std::string* out)
      : text_(text), base_(base), entities_(entities), out_(out) {}

  void Write() {
    const auto* p = reinterpret_cast<const uint8_t*>(text_.data());
    size_t i = 0, tok_start = 0;
    bool in_tok = false;
    while (i < text_.size()) {
      char32_t cp;
      size_t len = DecodeUtf8(p + i, text_.size() - i, &cp);
      if (len == 0) {
        len = 1;
        cp = 0xFFFD;
      }
      const bool space = IsBioSpace(cp);
      const bool word = !space && IsWordCodePoint(cp);
      if (in_tok && (!word || IsBoundary(i))) {
        Emit(tok_start, i);
        in_tok = false;
      }
      if (word && !in_tok) {
        in_tok = true;
        tok_start = i;
      } else if (!word && !space) {
        Emit(i, i + len);  // a punctuation mark is a token of its own
      }
      i += len;
    }
    if (in_tok) Emit(tok_start, text_.size());
  }

 private:
  void Emit(size_t s, size_t e) {
    const size_t at = base_ + s;
    while (ent_ < entities_.size() && entities_[ent_].byte_end <= at) ++ent_;
    for (size_t k = s; k < e; ++k) {
      const char c = text_[k];
      out_->push_back(c == '\t' || c == '\n' || c == '\0' ? ' ' : c);
    }
    if (ent_ < entities_.size() && entities_[ent_].byte_start <= at) {
      AppendCat(out_, "\t", at == entities_[ent_].byte_start ? "B-" : "I-",
                EntityTypeName(entities_[ent_].type), "\n");
    } else {
      out_->append("\tO\n");
    }
  }
  bool IsBoundary(size_t pos) const {
    const size_t at = base_ + pos;
    for (size_t k = ent_; k < entities_.size() && entities_[k].byte_start <= at; ++k) {
      if (entities_[k].byte_start == at || entities_[k].byte_end == at) return true;
    }
    return false;
  }

  std::string_view text_;
  size_t base_;
  const std::vector<Entity>& entities_;
  std::string* out_;
  size_t ent_ = 0;  // first entity not yet ended
};

}  // namespace

struct RecordWriterState {
  // An entry's fixed fields in `cached_text`: [offset, + middle) is `, "type": …
  // "name_en": "…"`, then [+ middle, + middle + tail) is `, "country": … , "parent": …`.
  struct Cached {
    uint32_t offset = 0;
    uint32_t middle = 0;
    uint32_t tail = 0;
    bool ready = false;
  };

  RecordWriterState(const Extractor& ex, RecordFormat f, size_t kept)
      : extractor(ex), format(f), valid_texts(!ex.options().repair_invalid_utf8),
        kept_columns(kept) {
    if (f == RecordFormat::kGeoJson || f == RecordFormat::kHtml || f == RecordFormat::kCounts) {
      NewPart();
    }
  }
  void NewPart() {
    part = std::make_unique<RunPartState>();
    part->format = format;
  }

  const Cached& EntryJson(uint32_t entry_index, const EntryInfo& info);
  void AppendWhereabouts(const EntryInfo& info, std::string* out) const;
  void Entity(const alam::Entity& e, std::string* out);
  void JsonHead(std::string_view doc_id, const DocumentMeta& meta, std::string* out) const;
  void Head(std::string_view doc_id, const DocumentMeta& meta, std::string* out);
  void Segment(std::string_view text, size_t base, const std::vector<alam::Entity>& es,
               std::string* out);
  void Tail(std::string* out) const;
  void ErrorRecord(std::string_view error, std::string* out);
  void LateError(std::string_view error, std::string* out);

  const Extractor& extractor;
  RecordFormat format;
  // Without repair, a document with invalid UTF-8 fails as a whole, so the texts of the
  // entities it yields are valid UTF-8 and need no second check.
  bool valid_texts;
  size_t entities_written = 0;  // in the current record
  uint64_t total_entities = 0;  // over all records
  std::vector<Cached> cache;
  std::string cached_text;   // the cached fields of every entry written so far, one arena
  std::string scratch;       // a rule-made entity's type-to-name_en fields
  std::string checked_text;  // an entity's text as JSON, when it had to be checked (repair)
  size_t kept_columns = 0;   // csv/tsv: the run's kept fields
  std::unique_ptr<RunPartState> part;  // the aggregating formats' facts
  std::string_view doc_id;   // the current document's (during a call)
  DocumentMeta meta;
};

// Where an entry is and what else names it: governorate, coordinates (with "approximate"
// when they are the parent's), OCHA p-code and Wikidata id, each when known.
void RecordWriterState::AppendWhereabouts(const EntryInfo& info, std::string* out) const {
  const std::string_view governorate = GovernorateOf(extractor, info);
  if (!governorate.empty()) {
    out->append(", \"governorate\": ");
    AppendJsonString(governorate, out);
  }
  if (info.has_coordinates) {
    // Five decimals (about a metre), as "%.5f" prints them: to_chars rounds the same way
    // (exactly), without printf's parsing and locale.
    char buf[64];
    char* p = buf;
    for (const auto& [key, v] : {std::pair<std::string_view, double>{", \"lat\": ", info.lat},
                                 {", \"lon\": ", info.lon}}) {
      std::memcpy(p, key.data(), key.size());
      p = std::to_chars(p + key.size(), buf + sizeof(buf), v, std::chars_format::fixed, 5).ptr;
    }
    out->append(buf, static_cast<size_t>(p - buf));
    if (info.coordinates_approximate) out->append(", \"approximate\": true");
  }
  if (!info.pcode.empty()) {
    out->append(", \"pcode\": ");
    AppendJsonString(info.pcode, out);
  }
  if (!info.wikidata.empty()) {
    out->append(", \"wikidata\": ");
    AppendJsonString(info.wikidata, out);
  }
}

const RecordWriterState::Cached& RecordWriterState::EntryJson(uint32_t entry_index,
                                                              const EntryInfo& info) {
  if (cache.size() <= entry_index) cache.resize(std::max<size_t>(entry_index + 1, 2 * cache.size()));
  Cached& c = cache[entry_index];
  if (c.ready) return c;
  alam::Entity probe;
  probe.type = info.type;
  probe.subtype = info.subtype;
  probe.id = info.id;
  probe.name_ar = info.name_ar;
  probe.name_en = info.name_en;
  c.offset = static_cast<uint32_t>(cached_text.size());
  AppendMiddle(probe, &cached_text);
  c.middle = static_cast<uint32_t>(cached_text.size() - c.offset);
  if (!info.country.empty()) {
    cached_text.append(", \"country\": ");
    AppendJsonString(info.country, &cached_text);
  }
  if (!info.parent_id.empty()) {
    cached_text.append(", \"parent\": ");
    AppendJsonString(info.parent_id, &cached_text);
  }
  AppendWhereabouts(info, &cached_text);
  c.tail = static_cast<uint32_t>(cached_text.size() - c.offset - c.middle);
  c.ready = true;
  return c;
}

void RecordWriterState::Entity(const alam::Entity& e, std::string* out) {
  // The parts that are not written in place: an entry's cached fields (a rule-made entity's
  // own, formatted now), and the text when it may hold invalid UTF-8 (repair).
  const EntryInfo* info = extractor.entry(e);
  std::string_view middle, tail;
  if (info != nullptr) {
    const Cached& c = EntryJson(e.entry_index, *info);
    middle = std::string_view(cached_text.data() + c.offset, c.middle);
    tail = std::string_view(cached_text.data() + c.offset + c.middle, c.tail);
  } else {
    scratch.clear();
    AppendMiddle(e, &scratch);
    middle = scratch;
  }
  if (!valid_texts) {
    checked_text.clear();
    AppendJsonString(e.text, &checked_text);
  }
  // One bound, one resize, and every field written in place.
  constexpr std::string_view kText = ", \"text\": ", kSource = ", \"source\": ",
                             kAlias = ", \"alias\": ", kExplain = ", \"explain\": ";
  const size_t text_bound = valid_texts ? ValidJsonStringBound(e.text) : checked_text.size();
  const size_t bound = 2 + 4 * (16 + 20) + kText.size() + text_bound + middle.size() + 15 +
                       kSource.size() + ValidJsonStringBound(e.source) + kAlias.size() +
                       ValidJsonStringBound(e.alias) + 40 + tail.size() + 1 +
                       (e.explain.empty() ? 0 : kExplain.size() + ValidJsonStringBound(e.explain));
  const size_t at = out->size();
  out->resize(at + bound);
  char* p = out->data() + at;
  auto put = [&](std::string_view s) {
    if (s.empty()) return;  // an empty view may have no data pointer, which memcpy may not get
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  };
  if (entities_written++ > 0) put(", ");
  p = PutNumber(p, "{\"start\": ", e.start);
  p = PutNumber(p, ", \"end\": ", e.end);
  p = PutNumber(p, ", \"byte_start\": ", e.byte_start);
  p = PutNumber(p, ", \"byte_end\": ", e.byte_end);
  put(kText);
  if (valid_texts) {
    p = PutValidJsonString(e.text, p);
  } else {
    put(checked_text);
  }
  put(middle);
  p = PutScore(p, e.score);
  put(kSource);
  p = PutValidJsonString(e.source, p);  // from the rules and gazetteer data
  put(kAlias);
  p = PutValidJsonString(e.alias, p);
  if (e.alternatives > 0) p = PutNumber(p, ", \"alternatives\": ", e.alternatives);
  if (!e.explain.empty()) {
    put(kExplain);
    p = PutValidJsonString(e.explain, p);  // made from the normalized (valid) text
  }
  put(tail);
  *p++ = '}';
  out->resize(static_cast<size_t>(p - out->data()));
}

void RecordWriterState::JsonHead(std::string_view id, const DocumentMeta& m,
                                 std::string* out) const {
  out->append("{\"doc\": ");
  AppendJsonString(id, out);
  if (m.kept != nullptr) {
    for (const auto& [name, value] : *m.kept) {
      out->append(", ");
      AppendJsonString(name, out);
      AppendCat(out, ": ", value);
    }
  }
  if (!m.date.empty()) {
    out->append(", \"date\": ");
    AppendJsonString(m.date, out);
  }
}

void RecordWriterState::Head(std::string_view id, const DocumentMeta& m, std::string* out) {
  doc_id = id;
  meta = m;
  entities_written = 0;
  if (part != nullptr) part->BeginDocument(id, m.date);
  switch (format) {
    case RecordFormat::kJsonLines:
      JsonHead(id, m, out);
      out->append(", \"entities\": [");
      return;
    case RecordFormat::kBio:
      out->append("# doc: ");
      for (char c : id) out->push_back(c == '\n' ? ' ' : c);
      out->push_back('\n');
      return;
    case RecordFormat::kHtml: HtmlDocumentHead(id, m, out); return;
    default: return;  // csv/tsv: rows per mention; geojson, counts: the footer
  }
}

void RecordWriterState::Segment(std::string_view text, size_t base,
                                const std::vector<alam::Entity>& es, std::string* out) {
  total_entities += es.size();
  switch (format) {
    case RecordFormat::kJsonLines:
      for (const alam::Entity& e : es) Entity(e, out);
      return;
    case RecordFormat::kBio: BioTokens(text, base, es, out).Write(); return;
    case RecordFormat::kCsv:
    case RecordFormat::kTsv:
      TableRows(extractor, format == RecordFormat::kCsv ? ',' : '\t', doc_id, meta,
                kept_columns, es, out);
      return;
    case RecordFormat::kHtml: HtmlSegment(extractor, text, base, es, out); break;
    default: break;
  }
  part->AddEntities(extractor, es);
}

void RecordWriterState::Tail(std::string* out) const {
  switch (format) {
    case RecordFormat::kJsonLines: out->append("]}\n"); return;
    case RecordFormat::kBio: out->push_back('\n'); return;
    case RecordFormat::kHtml: HtmlDocumentEnd("", out); return;
    default: return;
  }
}

// The whole record of a document that failed before anything of it was written.
void RecordWriterState::ErrorRecord(std::string_view error, std::string* out) {
  if (part != nullptr) part->AddFailed();
  switch (format) {
    case RecordFormat::kJsonLines:
      JsonHead(doc_id, meta, out);
      out->append(", \"error\": ");
      AppendJsonString(error, out);
      out->append(", \"entities\": []}\n");
      return;
    case RecordFormat::kBio: AppendCat(out, "# error: ", error, "\n\n"); return;
    case RecordFormat::kCsv:
    case RecordFormat::kTsv:
      TableErrorRow(format == RecordFormat::kCsv ? ',' : '\t', doc_id, meta, kept_columns,
                    error, out);
      return;
    case RecordFormat::kHtml: HtmlFailedDocument(doc_id, meta, error, out); return;
    default: return;
  }
}

// An error after part of the record was written (and perhaps flushed).
void RecordWriterState::LateError(std::string_view error, std::string* out) {
  switch (format) {
    case RecordFormat::kJsonLines:
      out->append("], \"error\": ");
      AppendJsonString(error, out);
      out->append("}\n");
      return;
    case RecordFormat::kHtml:
      part->AddFailed();
      HtmlDocumentEnd(error, out);
      return;
    default: ErrorRecord(error, out); return;  // bio: after its tokens; csv/tsv: one more row
  }
}

}  // namespace internal

RecordWriter::RecordWriter(const Extractor& extractor, RecordFormat format)
    : state_(std::make_unique<internal::RecordWriterState>(extractor, format, 0)) {}
RecordWriter::~RecordWriter() = default;

uint64_t RecordWriter::entity_count() const { return state_->total_entities; }

RunPart RecordWriter::TakePart() {
  RunPart taken;
  if (state_->part != nullptr) {
    taken.state_ = std::move(state_->part);
    state_->NewPart();
  }
  return taken;
}

void RecordWriter::WriteError(std::string_view doc_id, std::string_view error, std::string* out) {
  WriteError(doc_id, DocumentMeta(), error, out);
}

void RecordWriter::WriteError(std::string_view doc_id, const DocumentMeta& meta,
                              std::string_view error, std::string* out) {
  internal::RecordWriterState& w = *state_;
  if (w.format == RecordFormat::kBio) {
    w.Head(doc_id, meta, out);
  } else {
    w.doc_id = doc_id;
    w.meta = meta;
    if (w.part != nullptr) w.part->BeginDocument(doc_id, meta.date);
  }
  w.ErrorRecord(error, out);
}

void RecordWriter::Write(std::string_view doc_id, std::string_view text,
                         const std::vector<Entity>& entities, std::string* out) {
  Write(doc_id, DocumentMeta(), text, entities, out);
}

void RecordWriter::Write(std::string_view doc_id, const DocumentMeta& meta,
                         std::string_view text, const std::vector<Entity>& entities,
                         std::string* out) {
  internal::RecordWriterState& w = *state_;
  w.Head(doc_id, meta, out);
  w.Segment(text, 0, entities, out);
  w.Tail(out);
}

absl::Status RecordWriter::ExtractAndWrite(std::string_view doc_id, std::string_view text,
                                           Scratch* scratch, std::string* out,
                                           const std::function<void(std::string*)>& flush) {
  return ExtractAndWrite(doc_id, DocumentMeta(), text, scratch, out, flush);
}

absl::Status RecordWriter::ExtractAndWrite(std::string_view doc_id, const DocumentMeta& meta,
                                           std::string_view text, Scratch* scratch,
                                           std::string* out,
                                           const std::function<void(std::string*)>& flush) {
  if (out == nullptr) return absl::InvalidArgumentError("out must not be null");
  internal::ScratchState* st = nullptr;
  absl::Status s = scratch == nullptr
                       ? absl::InvalidArgumentError("scratch must not be null")
                       : internal::AcquireScratch(state_->extractor, scratch, &st);
  if (!s.ok()) {
    WriteError(doc_id, meta, std::string(s.message()), out);
    return s;
  }
  internal::RecordWriterState& w = *state_;
  size_t record_start = out->size();
  bool written = false;  // some of the record's body was written
  w.Head(doc_id, meta, out);
  st->resolve.date = meta.date;  // namesakes valid on the document's date rank first
  s = internal::ExtractDocument(
      w.extractor, text, st, &st->segment_entities,
      [&](const internal::Segment& seg, const std::vector<Entity>& es) {
        w.Segment(text.substr(seg.begin, seg.end - seg.begin), seg.begin, es, out);
        written = true;
        if (flush && out->size() - record_start > internal::kFlushBytes) {
          flush(out);
          record_start = out->size();
        }
      });
  st->resolve.date = {};
  internal::ReleaseScratch(st);
  if (s.ok()) {
    w.Tail(out);
  } else if (!written) {
    out->resize(record_start);
    if (w.format == RecordFormat::kBio) w.Head(doc_id, meta, out);
    w.ErrorRecord(std::string(s.message()), out);
  } else {
    w.LateError(std::string(s.message()), out);
  }
  return s;
}

RecordWriter::RecordWriter(const RunWriter& run)
    : state_(std::make_unique<internal::RecordWriterState>(
          run.extractor(), run.format(), run.kept_names().size())) {}

}  // namespace alam
