// Private: the one scan both JSON directions share — the first byte of a string that JSON
// cannot carry as it is: a quote, a backslash or a control character below U+0020 (and, with
// `del`, U+007F, which alam's output escapes too). Sixteen bytes at a time with SSE2.
#ifndef ALAM_SRC_UTIL_JSON_SCAN_H_
#define ALAM_SRC_UTIL_JSON_SCAN_H_

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace alam::internal {

inline bool IsJsonSpecial(uint8_t c, bool del) {
  return c < 0x20 || c == '"' || c == '\\' || (del && c == 0x7F);
}

// The offset of the first special byte of p[0, n), or n.
inline size_t FindJsonSpecial(const char* p, size_t n, bool del) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i control_max = _mm_set1_epi8(0x1F);
  const __m128i delete_char = _mm_set1_epi8(del ? 0x7F : '"');
  for (; i + 16 <= n; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, control_max), control_max);
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
        _mm_or_si128(control, _mm_cmpeq_epi8(x, delete_char)));
    const int m = _mm_movemask_epi8(hit);
    if (m != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(m)));
  }
#endif
  for (; i < n; ++i) {
    if (IsJsonSpecial(static_cast<uint8_t>(p[i]), del)) return i;
  }
  return n;
}

}  // namespace alam::internal

#endif  // ALAM_SRC_UTIL_JSON_SCAN_H_
