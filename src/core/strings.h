// Private: small string helpers over std::string_view. (Debian's Abseil is built with its own
// absl::string_view, distinct from std::string_view, so absl::StrCat and friends do not take
// the std::string_view used throughout alam.)
#ifndef ALAM_SRC_CORE_STRINGS_H_
#define ALAM_SRC_CORE_STRINGS_H_

#include <charconv>
#include <cstdint>
#include <cstdio>
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

// Hash maps keyed by std::string that can be probed with a std::string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return absl::Hash<absl::string_view>{}(absl::string_view(s.data(), s.size()));
  }
};
struct StringEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};
template <typename V>
using StringMap = absl::flat_hash_map<std::string, V, StringHash, StringEq>;
using StringSet = absl::flat_hash_set<std::string, StringHash, StringEq>;

}  // namespace alam::internal

#endif  // ALAM_SRC_CORE_STRINGS_H_
