#include "rules/space_bound.h"

#include <algorithm>
#include <cstddef>

namespace alam::internal {
namespace {

// Saturating arithmetic on bounds (kUnboundedSpaces absorbs).
uint32_t Add(uint32_t a, uint32_t b) {
  return a == kUnboundedSpaces || b == kUnboundedSpaces || a + b < a ? kUnboundedSpaces : a + b;
}
uint32_t Times(uint32_t a, uint64_t n) {
  if (a == 0 || n == 0) return 0;
  if (a == kUnboundedSpaces || n >= kUnboundedSpaces) return kUnboundedSpaces;
  const uint64_t p = static_cast<uint64_t>(a) * n;
  return p >= kUnboundedSpaces ? kUnboundedSpaces : static_cast<uint32_t>(p);
}

// A recursive reading of the pattern: Alternation := Sequence ('|' Sequence)*;
// Sequence := (Atom Quantifier?)*. Any syntax it does not know sets `unknown`, and the
// pattern's bound is then kUnboundedSpaces.
class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  uint32_t Pattern() {
    const uint32_t n = Alternation();
    return unknown_ || i_ != p_.size() ? kUnboundedSpaces : n;
  }

 private:
  bool More() const { return i_ < p_.size() && !unknown_; }

  uint32_t Alternation() {
    uint32_t best = Sequence();
    while (More() && p_[i_] == '|') {
      ++i_;
      best = std::max(best, Sequence());
    }
    return best;
  }

  uint32_t Sequence() {
    uint32_t sum = 0;
    while (More() && p_[i_] != '|' && p_[i_] != ')') sum = Add(sum, Quantified(Atom()));
    return sum;
  }

  // The bound of one atom: a group, a class, an escape or one character.
  uint32_t Atom() {
    const char c = p_[i_++];
    switch (c) {
      case '(': {
        if (i_ < p_.size() && p_[i_] == '?') {  // only (?: is known: flags change matching
          if (p_.substr(i_, 2) != "?:") return Unknown();
          i_ += 2;
        }
        const uint32_t n = Alternation();
        if (i_ >= p_.size() || p_[i_] != ')') return Unknown();
        ++i_;
        return n;
      }
      case '[':
        return Class();
      case '\\':
        return Escape();
      case '.':
        return 1;
      case '^':
      case '$':
        return 0;
      case '*':
      case '+':
      case '?':
      case '{':
        return Unknown();  // a quantifier with nothing before it
      default:
        return c == ' ' ? 1 : 0;  // a byte of a literal character
    }
  }

  // After a backslash outside a class: \x{…} or \xHH, an escaped punctuation mark, or a
  // known class letter.
  uint32_t Escape() {
    if (i_ >= p_.size()) return Unknown();
    const char c = p_[i_++];
    if (c == 'x') {
      const int32_t cp = HexCode();
      return cp < 0 ? Unknown() : cp == ' ' ? 1 : 0;
    }
    switch (c) {
      case 'n': case 't': case 'r': case 'f': case 'v':
      case 'd': case 'w': case 'b': case 'B': case 'A': case 'z':
        return 0;
      case 's': case 'S': case 'D': case 'W':
        return 1;
      default:
        // A punctuation mark or a space written with a backslash is itself.
        if (static_cast<unsigned char>(c) < 0x80 && !IsAlnum(c)) return c == ' ' ? 1 : 0;
        return Unknown();
    }
  }

  // [ … ]: 1 when the class may match a space. Only literal characters, \x{…} and escaped
  // punctuation are read; ranges count by their ends.
  uint32_t Class() {
    bool negated = false;
    if (i_ < p_.size() && p_[i_] == '^') {
      negated = true;
      ++i_;
    }
    bool space = false;
    bool first = true;
    while (i_ < p_.size() && (p_[i_] != ']' || first)) {
      first = false;
      int32_t lo = Member();
      if (lo == -2) return Unknown();
      int32_t hi = lo;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        ++i_;
        hi = Member();
        if (hi < 0) return Unknown();
      }
      if (lo >= 0 && lo <= ' ' && hi >= ' ') space = true;
      if (lo == -1) space = true;  // a member that may be a space (\s)
    }
    if (i_ >= p_.size()) return Unknown();
    ++i_;  // ]
    return space != negated ? 1 : 0;
  }

  // One member of a class: its code point (a UTF-8 character's lead byte stands for a code point
  // above ASCII), -1 for \s, -2 for what is not read.
  int32_t Member() {
    const unsigned char c = static_cast<unsigned char>(p_[i_++]);
    if (c == '[') return -2;  // [:alpha:]
    if (c != '\\') {
      if (c < 0x80) return c;
      while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
      return 0x80;  // any character above ASCII: not a space
    }
    if (i_ >= p_.size()) return -2;
    const char e = p_[i_++];
    if (e == 'x') {
      const int32_t cp = HexCode();
      return cp < 0 ? -2 : cp;
    }
    if (e == 's') return -1;
    if (e == 'n') return '\n';
    if (e == 't') return '\t';
    if (static_cast<unsigned char>(e) < 0x80 && !IsAlnum(e)) return static_cast<unsigned char>(e);
    return -2;
  }

  // After \x: {hex…} or two hex digits; -1 when malformed.
  int32_t HexCode() {
    const bool braced = i_ < p_.size() && p_[i_] == '{';
    if (braced) ++i_;
    int32_t v = 0;
    size_t digits = 0;
    while (i_ < p_.size() && (braced ? p_[i_] != '}' : digits < 2)) {
      const int d = HexDigit(p_[i_]);
      if (d < 0 || v > 0x10FFFF) return -1;
      v = v * 16 + d;
      ++digits;
      ++i_;
    }
    if (digits == 0 || (braced && (i_ >= p_.size() || p_[i_++] != '}'))) return -1;
    return v;
  }

  // The atom's bound `n` under a quantifier that may follow it (? * + {m} {m,} {m,n}, and
  // their lazy forms).
  uint32_t Quantified(uint32_t n) {
    if (!More()) return n;
    uint64_t most = 1;
    const char c = p_[i_];
    if (c == '?') {
      ++i_;
    } else if (c == '*' || c == '+') {
      ++i_;
      most = kUnboundedSpaces;
    } else if (c == '{') {
      const size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) return Unknown();
      const std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
      const size_t comma = body.find(',');
      const std::string_view top = comma == std::string_view::npos ? body : body.substr(comma + 1);
      if (top.empty()) {
        most = kUnboundedSpaces;
      } else if (!Number(top, &most)) {
        return Unknown();
      }
      i_ = close + 1;
    } else {
      return n;
    }
    if (More() && p_[i_] == '?') ++i_;  // lazy: the same strings
    return Times(n, most);
  }

  static bool IsAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  static int HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  static bool Number(std::string_view s, uint64_t* out) {
    uint64_t v = 0;
    for (char c : s) {
      if (c < '0' || c > '9' || v > 100000) return false;
      v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    *out = v;
    return !s.empty();
  }
  uint32_t Unknown() {
    unknown_ = true;
    return kUnboundedSpaces;
  }

  std::string_view p_;
  size_t i_ = 0;
  bool unknown_ = false;
};

}  // namespace

uint32_t MaxSpaces(std::string_view pattern) { return Reader(pattern).Pattern(); }

size_t TailGroupOffset(std::string_view p) {
  constexpr std::string_view kMeta = "\\^$.|?*+()[]{}";
  const size_t open = p.find_first_of(kMeta);
  if (open == std::string_view::npos || p[open] != '(' || p.substr(open + 1, 1) == "?") {
    return std::string_view::npos;
  }
  // The parenthesis that closes it: escapes and bracketed classes hold no group.
  int depth = 0;
  for (size_t i = open; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;  // a ] first in a class is itself
      while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1 == p.size() ? open : std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

}  // namespace alam::internal
