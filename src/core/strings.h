// Private: small string helpers over std::string_view. (Debian's Abseil is built with its own
// absl::string_view, distinct from std::string_view, so absl::StrCat and friends do not take
// the std::string_view used throughout alam.)
#ifndef ALAM_SRC_CORE_STRINGS_H_
#define ALAM_SRC_CORE_STRINGS_H_

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace alam::internal {

inline void AppendOne(std::string* s, std::string_view v) { s->append(v.data(), v.size()); }
inline void AppendOne(std::string* s, const char* v) { s->append(v); }
inline void AppendOne(std::string* s, const std::string& v) { s->append(v); }
inline void AppendOne(std::string* s, absl::string_view v) { s->append(v.data(), v.size()); }
inline void AppendOne(std::string* s, char c) { s->push_back(c); }
template <typename T, typename = std::enable_if_t<std::is_arithmetic_v<T>>>
void AppendOne(std::string* s, T v) {
  if constexpr (std::is_floating_point_v<T>) {
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%g", static_cast<double>(v));
    s->append(buf, static_cast<size_t>(n));
  } else {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    s->append(buf, static_cast<size_t>(r.ptr - buf));
  }
}

template <typename... Args>
void AppendCat(std::string* s, const Args&... args) {
  (AppendOne(s, args), ...);
}

template <typename... Args>
std::string Cat(const Args&... args) {
  std::string s;
  AppendCat(&s, args...);
  return s;
}

// The pieces of `s` between the separators, into *out (cleared first: a vector reused line
// after line keeps its capacity).
inline void SplitInto(std::string_view s, char sep, std::vector<std::string_view>* out) {
  out->clear();
  size_t start = 0;
  while (true) {
    const size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out->push_back(s.substr(start));
      return;
    }
    out->push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

inline std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  SplitInto(s, sep, &out);
  return out;
}

template <typename Container>
std::string Join(const Container& parts, std::string_view sep) {
  std::string out;
  bool first = true;
  for (const auto& p : parts) {
    if (!first) AppendOne(&out, sep);
    first = false;
    AppendOne(&out, p);
  }
  return out;
}

inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Whole-string integer and floating-point parsing; false on anything else.
template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  if (s.empty()) return false;
  const char* b = s.data();
  const char* e = s.data() + s.size();
  if constexpr (std::is_floating_point_v<T>) {
    if (*b == '+') ++b;
  }
  auto r = std::from_chars(b, e, *out);
  return r.ec == std::errc() && r.ptr == e;
}

// The 8 and the 4 bytes at `q`, unaligned.
inline uint64_t LoadBytes64(const char* q) {
  uint64_t v;
  std::memcpy(&v, q, 8);
  return v;
}
inline uint32_t LoadBytes32(const char* q) {
  uint32_t v;
  std::memcpy(&v, q, 4);
  return v;
}

// a[0, n) == b[0, n): for the usual word of 4 to 16 bytes, two overlapping pairs of loads
// instead of a call to memcmp.
inline bool BytesEqual(const char* a, const char* b, size_t n) {
  if (n >= 8 && n <= 16) {
    return LoadBytes64(a) == LoadBytes64(b) && LoadBytes64(a + n - 8) == LoadBytes64(b + n - 8);
  }
  if (n >= 4 && n < 8) {
    return LoadBytes32(a) == LoadBytes32(b) && LoadBytes32(a + n - 4) == LoadBytes32(b + n - 4);
  }
  return std::memcmp(a, b, n) == 0;
}

// The hash of a key of the word sets and maps below: a word or a short phrase. Up to 16 bytes
// (nearly every key) it is read with at most four overlapping loads and mixed by two
// multiplies; longer keys eight bytes at a time. absl::Hash took twice the instructions for
// such keys. The result is mixed over all 64 bits: the tables take their control bits from
// the low 7 bits and their probe start from the others.
inline size_t HashKey(const char* p, size_t n) {
  constexpr uint64_t kMul1 = 0x9E3779B97F4A7C15ull, kMul2 = 0xC2B2AE3D27D4EB4Full;
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    size_t k = 0;
    for (; k + 16 < n; k += 8) a = (a ^ LoadBytes64(p + k)) * kMul1;  // keys over 16 bytes
    a ^= LoadBytes64(p + k);
    b = LoadBytes64(p + n - 8);
  } else if (n >= 4) {
    a = LoadBytes32(p);
    b = LoadBytes32(p + n - 4);
  } else if (n > 0) {
    a = static_cast<unsigned char>(p[0]) | uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
        uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
  }
  uint64_t h = (a ^ n) * kMul1 ^ (b + n) * kMul2;
  h ^= h >> 31;
  h *= kMul1;
  return static_cast<size_t>(h ^ (h >> 29));
}

// Whether `w` is one of `words` (a short fixed list: particles, demonstratives …). Always
// inlined, so that the list's lengths stay constants at the call and most words are turned
// away by their size alone.
template <size_t N>
__attribute__((always_inline)) inline bool IsOneOf(std::string_view w,
                                                   const std::string_view (&words)[N]) {
  for (std::string_view x : words) {
    if (w == x) return true;
  }
  return false;
}

// Hash maps keyed by std::string that can be probed with a std::string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return HashKey(s.data(), s.size()); }
};
struct StringEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const {
    return a.size() == b.size() && BytesEqual(a.data(), b.data(), a.size());
  }
};
template <typename V>
using StringMap = absl::flat_hash_map<std::string, V, StringHash, StringEq>;
using StringSet = absl::flat_hash_set<std::string, StringHash, StringEq>;

}  // namespace alam::internal

#endif  // ALAM_SRC_CORE_STRINGS_H_
