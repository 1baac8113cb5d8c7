#include "cli/json.h"

#include <algorithm>
#include <cstring>

#include "core/utf8.h"
#include "core/utf8_encode.h"
#include "core/json_scan.h"
#include "core/strings.h"

namespace alam::cli {
namespace {

constexpr int kMaxDepth = 200;

class Parser {
 public:
  Parser(std::string_view s, const std::vector<std::string>* keep, bool lenient_values)
      : s_(s), keep_(keep), lenient_values_(lenient_values) {}

  absl::StatusOr<JsonValue> ParseAll() {
    JsonValue v;
    absl::Status st = Value(&v, 0);
    if (!st.ok()) return st;
    SkipWs();
    if (pos_ != s_.size()) return Error("trailing characters after the JSON value");
    return v;
  }

 private:
  absl::Status Error(std::string_view what) const {
    return absl::InvalidArgumentError(internal::Cat("JSON: ", what, " at offset ", pos_));
  }
  void SkipWs() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' ||
                                s_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Consume(std::string_view lit) {
    if (s_.substr(pos_, lit.size()) != lit) return false;
    pos_ += lit.size();
    return true;
  }

  absl::Status Value(JsonValue* v, int depth) {
    if (depth > kMaxDepth) return Error("nesting too deep");
    SkipWs();
    v->begin = pos_;
    absl::Status st = Token(v, depth);
    v->end = pos_;
    return st;
  }

  absl::Status Token(JsonValue* v, int depth) {
    if (pos_ >= s_.size()) return Error("unexpected end of input");
    const char c = s_[pos_];
    if (c == '{') return Object(v, depth);
    if (c == '[') return Array(v, depth);
    if (c == '"') {
      v->kind = JsonValue::Kind::kString;
      return String(&v->text);
    }
    if (Consume("true")) {
      v->kind = JsonValue::Kind::kBool;
      v->boolean = true;
      return absl::OkStatus();
    }
    if (Consume("false")) {
      v->kind = JsonValue::Kind::kBool;
      return absl::OkStatus();
    }
    if (Consume("null")) return absl::OkStatus();
    if (c == '-' || (c >= '0' && c <= '9')) return Number(v);
    return Error("unexpected character");
  }

  absl::Status Number(JsonValue* v) {
    const size_t start = pos_;
    if (s_[pos_] == '-') ++pos_;
    const size_t int_start = pos_;
    size_t digits = 0;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_, ++digits;
    if (digits == 0) return Error("bad number");
    if (digits > 1 && s_[int_start] == '0') return Error("bad number (leading zero)");
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      digits = 0;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_, ++digits;
      if (digits == 0) return Error("bad number");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      digits = 0;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_, ++digits;
      if (digits == 0) return Error("bad number");
    }
    v->kind = JsonValue::Kind::kNumber;
    v->text = std::string(s_.substr(start, pos_ - start));
    return absl::OkStatus();
  }

  absl::Status Hex4(uint32_t* out) {
    if (pos_ + 4 > s_.size()) return Error("truncated \\u escape");
    uint32_t v = 0;
    *out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<uint32_t>(c - 'A' + 10);
      else return Error("bad \\u escape");
    }
    *out = v;
    return absl::OkStatus();
  }

  // One escape sequence of a string (pos_ at the backslash), appended to *out.
  absl::Status Escape(std::string* out) {
    // A string with escapes is appended to piece by piece: room for the rest of the line
    // (the decoded string is never longer than its JSON) saves the reallocations.
    if (!skip_ && out->capacity() < out->size() + (s_.size() - pos_)) {
      out->reserve(out->size() + (s_.size() - pos_));
    }
    ++pos_;
    if (pos_ >= s_.size()) return Error("unterminated escape");
    const char e = s_[pos_++];
    if (skip_ && e != 'u') {
      if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) return Error("bad escape");
      return absl::OkStatus();
    }
    std::string scratch;
    std::string* dst = skip_ ? &scratch : out;
    switch (e) {
      case '"': dst->push_back('"'); break;
      case '\\': dst->push_back('\\'); break;
      case '/': dst->push_back('/'); break;
      case 'b': dst->push_back('\b'); break;
      case 'f': dst->push_back('\f'); break;
      case 'n': dst->push_back('\n'); break;
      case 'r': dst->push_back('\r'); break;
      case 't': dst->push_back('\t'); break;
      case 'u': return UnicodeEscape(dst);
      default: return Error("bad escape");
    }
    return absl::OkStatus();
  }

  // \uXXXX (pos_ after the u), a surrogate pair as one code point.
  absl::Status UnicodeEscape(std::string* dst) {
    uint32_t cp = 0;
    absl::Status st = Hex4(&cp);
    if (!st.ok()) return st;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t lo = 0;
      if (!Consume("\\u")) return Error("lone surrogate in \\u escape");
      st = Hex4(&lo);
      if (!st.ok()) return st;
      if (lo < 0xDC00 || lo > 0xDFFF) return Error("lone surrogate in \\u escape");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return Error("lone surrogate in \\u escape");
    }
    internal::AppendUtf8(cp, dst);
    return absl::OkStatus();
  }

  // `strict`: a member name, whose bytes are always checked.
  absl::Status String(std::string* out, bool strict = false) {
    ++pos_;  // opening quote
    if (!skip_) out->clear();
    while (true) {
      if (pos_ >= s_.size()) return Error("unterminated string");
      const auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return absl::OkStatus();
      }
      if (c < 0x20) return Error("control character in string");
      if (c == '\\') {
        absl::Status st = Escape(out);
        if (!st.ok()) return st;
        continue;
      }
      // A run of plain bytes. JSON text is UTF-8: a name, or any string when strict, that is
      // not is an error. Otherwise (the values of a record) the bytes are kept as they are:
      // the caller's normalizer names the document and its byte, or repairs it (--repair).
      const size_t start = pos_;
      pos_ += internal::FindJsonSpecial(s_.data() + pos_, s_.size() - pos_, /*del=*/false);
      if (strict || !lenient_values_) {
        const std::string_view run = s_.substr(start, pos_ - start);
        const size_t bad = internal::FindInvalidUtf8(run);
        if (bad != run.size()) {
          pos_ = start + bad;
          return Error(strict ? "invalid UTF-8 in a member name" : "invalid UTF-8 in a string");
        }
      }
      if (skip_) continue;
      out->append(s_.data() + start, pos_ - start);
    }
  }

  absl::Status Array(JsonValue* v, int depth) {
    v->kind = JsonValue::Kind::kArray;
    ++pos_;
    SkipWs();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return absl::OkStatus();
    }
    while (true) {
      JsonValue dummy;
      JsonValue* item = &dummy;
      if (!skip_) item = &v->items.emplace_back();
      absl::Status st = Value(item, depth + 1);
      if (!st.ok()) return st;
      SkipWs();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return absl::OkStatus();
      }
      return Error("expected , or ]");
    }
  }

  absl::Status Object(JsonValue* v, int depth) {
    v->kind = JsonValue::Kind::kObject;
    ++pos_;
    SkipWs();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return absl::OkStatus();
    }
    if (depth == 0 && keep_ != nullptr) v->members.reserve(keep_->size());
    while (true) {
      SkipWs();
      if (pos_ >= s_.size() || s_[pos_] != '"') return Error("expected a member name");
      std::string key;
      absl::Status st = String(&key, /*strict=*/true);
      if (!st.ok()) return st;
      SkipWs();
      if (pos_ >= s_.size() || s_[pos_] != ':') return Error("expected :");
      ++pos_;
      const bool was_skipping = skip_;
      if (depth == 0 && keep_ != nullptr && !skip_) {
        skip_ = std::find(keep_->begin(), keep_->end(), key) == keep_->end();
      }
      JsonValue member;
      st = Value(&member, depth + 1);
      const bool skipped = skip_;
      skip_ = was_skipping;
      if (!st.ok()) return st;
      if (!skipped) v->members.emplace_back(std::move(key), std::move(member));
      SkipWs();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return absl::OkStatus();
      }
      return Error("expected , or }");
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
  // Top-level members not in keep_ (when set) are checked but not stored.
  const std::vector<std::string>* keep_;
  bool lenient_values_;  // string values keep invalid UTF-8 bytes
  bool skip_ = false;
};

}  // namespace

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (const auto& [k, v] : members) {
    if (k == key) return &v;
  }
  return nullptr;
}

JsonValue* JsonValue::FindPath(std::string_view path) {
  if (JsonValue* whole = Find(path); whole != nullptr || path.find('.') == path.npos) {
    return whole;
  }
  JsonValue* v = this;
  for (std::string_view step : internal::Split(path, '.')) {
    v = v->kind == Kind::kObject ? v->Find(step) : nullptr;
    if (v == nullptr) return nullptr;
  }
  return v;
}

std::string CompactJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < json.size()) out.push_back(json[++i]);
      else if (c == '"') in_string = false;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out.push_back(c);
      in_string = c == '"';
    }
  }
  return out;
}

absl::StatusOr<JsonValue> ParseJson(std::string_view text, bool lenient_values) {
  return Parser(text, nullptr, lenient_values).ParseAll();
}

absl::StatusOr<JsonValue> ParseJsonObject(std::string_view text, const std::vector<std::string>& keep) {
  absl::StatusOr<JsonValue> v = Parser(text, &keep, /*lenient_values=*/true).ParseAll();
  if (v.ok() && v->kind != JsonValue::Kind::kObject) {
    return absl::InvalidArgumentError("JSON Lines record is not an object");
  }
  return v;
}

}  // namespace alam::cli
