// csv and tsv: one row per mention (alam/format.h).
#include <cstdio>

#include "core/strings.h"
#include "core/utf8.h"
#include "core/utf8_encode.h"
#include "format/run_part.h"

namespace alam::internal {

namespace {

constexpr std::string_view kEntityColumns[] = {
    "start", "end", "byte_start", "byte_end", "text", "type", "subtype", "id", "name_ar",
    "name_en", "country", "governorate", "parent", "lat", "lon", "approximate", "pcode",
    "wikidata", "score", "source"};

std::string_view LineEnd(char sep) { return sep == ',' ? "\r\n" : "\n"; }

// doc, the kept fields and date, each followed by the separator.
void AppendRowHead(char sep, std::string_view doc_id, const DocumentMeta& meta,
                   size_t kept_columns, std::string* out) {
  AppendCell(sep, doc_id, out);
  out->push_back(sep);
  for (size_t k = 0; k < kept_columns; ++k) {
    if (meta.kept != nullptr && k < meta.kept->size()) {
      AppendCell(sep, KeptText((*meta.kept)[k].second), out);
    }
    out->push_back(sep);
  }
  AppendCell(sep, meta.date, out);
  out->push_back(sep);
}

void AppendFixed(const char* format, double v, std::string* out) {
  char buf[48];
  const int n = std::snprintf(buf, sizeof(buf), format, v);
  out->append(buf, static_cast<size_t>(n));
}

// The entity's columns, start to source, each followed by the separator.
void AppendEntityCells(const Extractor& extractor, char sep, const Entity& e, std::string* out) {
  AppendCat(out, e.start, sep, e.end, sep, e.byte_start, sep, e.byte_end, sep);
  const EntryInfo* info = extractor.entry(e);
  const std::string_view none;
  for (std::string_view v :
       {e.text, EntityTypeName(e.type), e.subtype, e.id, e.name_ar, e.name_en,
        info ? info->country : none, info ? GovernorateOf(extractor, *info) : none,
        info ? info->parent_id : none}) {
    AppendCell(sep, v, out);
    out->push_back(sep);
  }
  if (info != nullptr && info->has_coordinates) {
    AppendFixed("%.5f", info->lat, out);
    out->push_back(sep);
    AppendFixed("%.5f", info->lon, out);
    AppendCat(out, sep, info->coordinates_approximate ? "true" : "", sep);
  } else {
    AppendCat(out, sep, sep, sep);
  }
  for (std::string_view v : {info ? info->pcode : none, info ? info->wikidata : none}) {
    AppendCell(sep, v, out);
    out->push_back(sep);
  }
  AppendFixed("%.2f", e.score, out);
  out->push_back(sep);
  AppendCell(sep, e.source, out);
  out->push_back(sep);
}

// A \uXXXX escape's four hex digits at s[0, 4), or -1.
long Hex4(std::string_view s) {
  if (s.size() < 4) return -1;
  long v = 0;
  for (size_t i = 0; i < 4; ++i) {
    const char c = s[i];
    const int d = c >= '0' && c <= '9' ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// The code point of the escape after a backslash at body[i] (i at the letter); advances i.
char32_t Unescape(std::string_view body, size_t* i) {
  const char c = body[*i];
  ++*i;
  switch (c) {
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'u': break;
    default: return static_cast<unsigned char>(c);  // " \\ /
  }
  long cp = Hex4(body.substr(*i));
  if (cp < 0) return 0xFFFD;
  *i += 4;
  if (cp >= 0xD800 && cp <= 0xDBFF && body.substr(*i, 2) == "\\u") {
    const long low = Hex4(body.substr(*i + 2));
    if (low >= 0xDC00 && low <= 0xDFFF) {
      *i += 6;
      return static_cast<char32_t>(0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
    }
  }
  return cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : static_cast<char32_t>(cp);
}

}  // namespace

std::string KeptText(std::string_view json) {
  if (json == "null") return "";
  if (json.size() < 2 || json.front() != '"' || json.back() != '"') return std::string(json);
  const std::string_view body = json.substr(1, json.size() - 2);
  std::string text;
  for (size_t i = 0; i < body.size();) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      text.push_back(body[i++]);
      continue;
    }
    ++i;
    AppendUtf8(Unescape(body, &i), &text);
  }
  return text;
}

const std::vector<std::string_view>& TableColumns() {
  static const std::vector<std::string_view> columns = [] {
    std::vector<std::string_view> c = {"doc", "date"};
    c.insert(c.end(), std::begin(kEntityColumns), std::end(kEntityColumns));
    c.push_back("error");
    return c;
  }();
  return columns;
}

void AppendCell(char sep, std::string_view v, std::string* out) {
  const bool valid = FindInvalidUtf8(v) == v.size();
  std::string fixed;
  if (!valid) {
    AppendValidUtf8(v, &fixed);
    v = fixed;
  }
  if (sep == ',') {
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
      out->append(v);
      return;
    }
    out->push_back('"');
    for (char c : v) {
      if (c == '"') out->push_back('"');
      out->push_back(c);
    }
    out->push_back('"');
    return;
  }
  for (char c : v) {
    switch (c) {
      case '\\': out->append("\\\\"); break;
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      default: out->push_back(c);
    }
  }
}

void TableHeader(char sep, const std::vector<std::string>& kept_names, std::string* out) {
  out->append("doc");
  for (const std::string& k : kept_names) {
    out->push_back(sep);
    AppendCell(sep, k, out);
  }
  out->push_back(sep);
  out->append("date");
  for (std::string_view c : kEntityColumns) AppendCat(out, sep, c);
  AppendCat(out, sep, "error", LineEnd(sep));
}

void TableRows(const Extractor& extractor, char sep, std::string_view doc_id,
               const DocumentMeta& meta, size_t kept_columns,
               const std::vector<Entity>& entities, std::string* out) {
  for (const Entity& e : entities) {
    AppendRowHead(sep, doc_id, meta, kept_columns, out);
    AppendEntityCells(extractor, sep, e, out);
    out->append(LineEnd(sep));  // the error column: empty
  }
}

void TableErrorRow(char sep, std::string_view doc_id, const DocumentMeta& meta,
                   size_t kept_columns, std::string_view error, std::string* out) {
  AppendRowHead(sep, doc_id, meta, kept_columns, out);
  out->append(std::size(kEntityColumns), sep);
  AppendCell(sep, error.empty() ? std::string_view("failed") : error, out);
  out->append(LineEnd(sep));
}

}  // namespace alam::internal
