#include "core/json_check.h"

#include <cctype>
#include <cstdint>

#include "core/utf8.h"

namespace alam::internal {

namespace {

class JsonCheck {
 public:
  explicit JsonCheck(std::string_view s) : s_(s) {}

  bool Whole() {
    if (!Value(0)) return false;
    Space();
    return i_ == s_.size();
  }

 private:
  void Space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) {
      ++i_;
    }
  }
  bool Eat(char c) {
    Space();
    if (i_ >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  bool Word(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  bool Digits() {
    const size_t from = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > from;
  }
  bool Number() {
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else if (!Digits()) {
      return false;
    }
    if (i_ < s_.size() && s_[i_] == '.' && (++i_, !Digits())) return false;
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      return Digits();
    }
    return true;
  }
  bool String() {
    const size_t from = ++i_;  // after the quote
    while (i_ < s_.size() && s_[i_] != '"') {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c < 0x20) return false;
      if (c != '\\') {
        ++i_;
        continue;
      }
      if (++i_ >= s_.size()) return false;
      const char e = s_[i_++];
      if (e == 'u') {
        for (int k = 0; k < 4; ++k, ++i_) {
          if (i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_]))) return false;
        }
      } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
        return false;
      }
    }
    if (i_ >= s_.size()) return false;
    const std::string_view body = s_.substr(from, i_ - from);
    ++i_;
    return FindInvalidUtf8(body) == body.size();
  }
  // A list of values (array) or of "key": value pairs (object) after its opening bracket.
  bool Members(char close, bool keyed, int depth) {
    if (Eat(close)) return true;
    do {
      if (keyed) {
        Space();
        if (i_ >= s_.size() || s_[i_] != '"' || !String() || !Eat(':')) return false;
      }
      if (!Value(depth + 1)) return false;
    } while (Eat(','));
    return Eat(close);
  }
  bool Value(int depth) {
    Space();
    if (i_ >= s_.size() || depth > 64) return false;
    switch (s_[i_]) {
      case '{': ++i_; return Members('}', true, depth);
      case '[': ++i_; return Members(']', false, depth);
      case '"': return String();
      case 't': return Word("true");
      case 'f': return Word("false");
      case 'n': return Word("null");
      default: return Number();
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

bool IsJsonValue(std::string_view s) { return JsonCheck(s).Whole(); }

}  // namespace alam::internal
