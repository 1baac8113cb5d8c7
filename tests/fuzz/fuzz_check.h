// Shared helpers of the fuzz targets: a CHECK that aborts (so libFuzzer and the corpus replay
// both report the input), and the UTF-8 boundary oracle the targets compare offsets against.
#ifndef ALAM_TESTS_FUZZ_FUZZ_CHECK_H_
#define ALAM_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/utf8.h"

#define FUZZ_CHECK(cond)                                                          \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, \
                   #cond);                                                        \
      std::abort();                                                               \
    }                                                                             \
  } while (0)

namespace alam::fuzz {

// Character boundaries of `s` as alam sees them: each valid UTF-8 sequence is one character,
// each byte that does not start one is a character of its own (the U+FFFD of repair mode).
// boundary[i] is true when byte offset i (0 <= i <= size) starts a character or is the end;
// cp_index[i] is the code point offset of byte offset i (meaningful where boundary[i]).
struct Boundaries {
  std::vector<bool> boundary;
  std::vector<size_t> cp_index;

  explicit Boundaries(std::string_view s) : boundary(s.size() + 1, false), cp_index(s.size() + 1, 0) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    size_t i = 0, cp = 0;
    while (i < s.size()) {
      boundary[i] = true;
      char32_t c;
      size_t len = internal::DecodeUtf8(p + i, s.size() - i, &c);
      if (len == 0) len = 1;
      for (size_t k = 0; k < len; ++k) cp_index[i + k] = cp;
      i += len;
      ++cp;
    }
    boundary[s.size()] = true;
    cp_index[s.size()] = cp;
  }
};

inline bool IsValidUtf8(std::string_view s) { return internal::FindInvalidUtf8(s) == s.size(); }

}  // namespace alam::fuzz

#endif  // ALAM_TESTS_FUZZ_FUZZ_CHECK_H_
