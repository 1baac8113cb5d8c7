#include "cli/output.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "alam/normalizer.h"
#include "cli/json.h"
#include "core/utf8.h"
#include "core/strings.h"

namespace alam::cli {

void AppendJsonlHead(std::string_view doc_id, std::string_view error, std::string* out) {
  out->append("{\"doc\": ");
  AppendJsonString(doc_id, out);
  if (!error.empty()) {
    out->append(", \"error\": ");
    AppendJsonString(error, out);
  }
  out->append(", \"entities\": [");
}

namespace {

// The type-to-name_en fields of an entity from its own fields.
void AppendMiddle(const Entity& e, std::string* out) {
  internal::AppendCat(out, ", \"type\": \"", EntityTypeName(e.type), "\", \"subtype\": ");
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

}  // namespace

const JsonlFormatter::Cached& JsonlFormatter::EntryJson(uint32_t entry_index,
                                                        const EntryInfo& info) {
  if (cache_.size() <= entry_index) {
    cache_.resize(std::max<size_t>(entry_index + 1, 2 * cache_.size()));
  }
  Cached& c = cache_[entry_index];
  if (c.ready) return c;
  alam::Entity probe;
  probe.type = info.type;
  probe.subtype = info.subtype;
  probe.id = info.id;
  probe.name_ar = info.name_ar;
  probe.name_en = info.name_en;
  c.offset = static_cast<uint32_t>(cached_text_.size());
  AppendMiddle(probe, &cached_text_);
  c.middle = static_cast<uint32_t>(cached_text_.size() - c.offset);
  if (!info.country.empty()) {
    cached_text_.append(", \"country\": ");
    AppendJsonString(info.country, &cached_text_);
  }
  if (!info.parent_id.empty()) {
    cached_text_.append(", \"parent\": ");
    AppendJsonString(info.parent_id, &cached_text_);
  }
  c.tail = static_cast<uint32_t>(cached_text_.size() - c.offset - c.middle);
  c.ready = true;
  return c;
}

void JsonlFormatter::Entity(const alam::Entity& e, size_t base_cp, size_t base_byte, bool first,
                            std::string* out) {
  // The parts that are not written in place: an entry's cached fields (a rule-made entity's
  // own, formatted now), and the text when it may hold invalid UTF-8 (--repair).
  const EntryInfo* info = ex_.entry(e);
  std::string_view middle, tail;
  if (info != nullptr) {
    const Cached& c = EntryJson(e.entry_index, *info);
    middle = std::string_view(cached_text_.data() + c.offset, c.middle);
    tail = std::string_view(cached_text_.data() + c.offset + c.middle, c.tail);
  } else {
    scratch_.clear();
    AppendMiddle(e, &scratch_);
    middle = scratch_;
  }
  std::string_view checked_text;  // the text's JSON when it had to be checked
  if (!valid_texts_) {
    checked_text_.clear();
    AppendJsonString(e.text, &checked_text_);
    checked_text = checked_text_;
  }
  // One bound, one resize, and every field written in place.
  constexpr std::string_view kText = ", \"text\": ", kSource = ", \"source\": ",
                             kAlias = ", \"alias\": ";
  const size_t text_bound = valid_texts_ ? ValidJsonStringBound(e.text) : checked_text.size();
  const size_t bound = 2 + 4 * (16 + 20) + kText.size() + text_bound + middle.size() + 15 +
                       kSource.size() + ValidJsonStringBound(e.source) + kAlias.size() +
                       ValidJsonStringBound(e.alias) + 40 + tail.size() + 1;
  const size_t at = out->size();
  out->resize(at + bound);
  char* p = out->data() + at;
  auto put = [&](std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  };
  if (!first) put(", ");
  p = PutNumber(p, "{\"start\": ", base_cp + e.start);
  p = PutNumber(p, ", \"end\": ", base_cp + e.end);
  p = PutNumber(p, ", \"byte_start\": ", base_byte + e.byte_start);
  p = PutNumber(p, ", \"byte_end\": ", base_byte + e.byte_end);
  put(kText);
  if (valid_texts_) {
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
  put(tail);
  *p++ = '}';
  out->resize(static_cast<size_t>(p - out->data()));
}

void AppendJsonlTail(std::string* out) { out->append("]}\n"); }

void JsonlFormatter::Record(std::string_view doc_id, const std::vector<alam::Entity>& entities,
                            std::string_view error, std::string* out) {
  AppendJsonlHead(doc_id, error, out);
  for (size_t i = 0; i < entities.size(); ++i) Entity(entities[i], 0, 0, i == 0, out);
  AppendJsonlTail(out);
}

void AppendBioHead(std::string_view doc_id, std::string_view error, std::string* out) {
  out->append("# doc: ");
  for (char c : doc_id) out->push_back(c == '\n' ? ' ' : c);
  out->push_back('\n');
  if (!error.empty()) internal::AppendCat(out, "# error: ", error, "\n");
}

void AppendBioTail(std::string* out) { out->push_back('\n'); }

void AppendBio(std::string_view doc_id, std::string_view text,
               const std::vector<Entity>& entities, std::string_view error, std::string* out) {
  AppendBioHead(doc_id, error, out);
  if (error.empty()) AppendBioTokens(text, entities, out);
  AppendBioTail(out);
}

void AppendBioTokens(std::string_view text, const std::vector<Entity>& entities,
                     std::string* out) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  size_t ent = 0;           // first entity not yet ended
  size_t tok_start = 0;
  bool in_tok = false;
  auto emit = [&](size_t s, size_t e) {
    while (ent < entities.size() && entities[ent].byte_end <= s) ++ent;
    std::string_view tag = "O";
    std::string tagbuf;
    if (ent < entities.size() && entities[ent].byte_start <= s) {
      tagbuf = internal::Cat(s == entities[ent].byte_start ? "B-" : "I-",
                            EntityTypeName(entities[ent].type));
      tag = tagbuf;
    }
    for (size_t k = s; k < e; ++k) {
      const char c = text[k];
      out->push_back(c == '\t' || c == '\n' || c == '\0' ? ' ' : c);
    }
    internal::AppendCat(out, "\t", tag, "\n");
  };
  auto is_boundary = [&](size_t pos) {
    for (size_t k = ent; k < entities.size() && entities[k].byte_start <= pos; ++k) {
      if (entities[k].byte_start == pos || entities[k].byte_end == pos) return true;
    }
    return false;
  };
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp;
    size_t len = internal::DecodeUtf8(p + i, text.size() - i, &cp);
    if (len == 0) {
      len = 1;
      cp = 0xFFFD;
    }
    const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
                       cp == 0x200F || cp == 0x200E || cp == 0x200B || cp == 0xFEFF;
    const bool word = !space && IsWordCodePoint(cp);
    if (in_tok && (!word || is_boundary(i))) {
      emit(tok_start, i);
      in_tok = false;
    }
    if (word) {
      if (!in_tok) {
        in_tok = true;
        tok_start = i;
      }
    } else if (!space) {
      emit(i, i + len);  // a punctuation mark is a token of its own
    }
    i += len;
  }
  if (in_tok) emit(tok_start, text.size());
}

}  // namespace alam::cli
