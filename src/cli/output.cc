#include "cli/output.h"

#include <cmath>

#include "alam/normalizer.h"
#include "cli/json.h"
#include "normalize/utf8.h"
#include "util/strings.h"

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

void AppendJsonlEntity(const Extractor& ex, const Entity& e, size_t base_cp, size_t base_byte,
                       bool first, std::string* out) {
  if (!first) out->append(", ");
  internal::AppendCat(out, "{\"start\": ", base_cp + e.start, ", \"end\": ", base_cp + e.end,
                      ", \"byte_start\": ", base_byte + e.byte_start,
                      ", \"byte_end\": ", base_byte + e.byte_end, ", \"text\": ");
  AppendJsonString(e.text, out);
  internal::AppendCat(out, ", \"type\": \"", EntityTypeName(e.type), "\", \"subtype\": ");
  AppendJsonString(e.subtype, out);
  out->append(", \"id\": ");
  AppendJsonString(e.id, out);
  out->append(", \"name_ar\": ");
  AppendJsonString(e.name_ar, out);
  out->append(", \"name_en\": ");
  AppendJsonString(e.name_en, out);
  // The score with two decimals, as "%.2f" prints it.
  const long hundredths = std::lround(e.score * 100);
  const char score[5] = {static_cast<char>('0' + hundredths / 100), '.',
                         static_cast<char>('0' + hundredths / 10 % 10),
                         static_cast<char>('0' + hundredths % 10), 0};
  internal::AppendCat(out, ", \"score\": ", score, ", \"source\": ");
  AppendJsonString(e.source, out);
  out->append(", \"alias\": ");
  AppendJsonString(e.alias, out);
  if (e.alternatives > 0) internal::AppendCat(out, ", \"alternatives\": ", e.alternatives);
  if (const EntryInfo* info = ex.entry(e)) {
    if (!info->country.empty()) {
      out->append(", \"country\": ");
      AppendJsonString(info->country, out);
    }
    if (!info->parent_id.empty()) {
      out->append(", \"parent\": ");
      AppendJsonString(info->parent_id, out);
    }
  }
  out->push_back('}');
}

void AppendJsonlTail(std::string* out) { out->append("]}\n"); }

void AppendJsonlRecord(const Extractor& ex, std::string_view doc_id,
                       const std::vector<Entity>& entities, std::string_view error,
                       std::string* out) {
  AppendJsonlHead(doc_id, error, out);
  for (size_t i = 0; i < entities.size(); ++i) AppendJsonlEntity(ex, entities[i], 0, 0, i == 0, out);
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
