// Private: the one scan both JSON directions share — the first byte of a string that JSON
// cannot carry as it is: a quote, a backslash or a control character below U+0020 (and, with
// `del`, U+007F, which alam's output escapes too). Sixteen bytes at a time with SSE2, then
// eight in a 64-bit word.
#ifndef ALAM_SRC_CORE_JSON_SCAN_H_
#define ALAM_SRC_CORE_JSON_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace alam::internal {

inline bool IsJsonSpecial(uint8_t c, bool del) {
  return c < 0x20 || c == '"' || c == '\\' || (del && c == 0x7F);
}

// Bit 7 of byte k set when byte k of the little-endian word v is special, exactly for the
// lowest such byte (above it a borrow may flag others: only the lowest is used).
inline uint64_t SpecialBytes8(uint64_t v, bool del) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto zero = [](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  uint64_t m = zero(v ^ (kOnes * '"')) | zero(v ^ (kOnes * '\\')) |
               ((v - kOnes * 0x20) & ~v & kHigh);  // bytes below 0x20
  if (del) m |= zero(v ^ (kOnes * 0x7F));
  return m;
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
  // Then eight bytes at a time in a 64-bit word (the short strings: entity texts, aliases),
  // the last word overlapping bytes already looked at (none of them special).
  if (i < n && n >= 8) {
    for (;; i += 8) {
      const size_t at = i + 8 <= n ? i : n - 8;
      uint64_t v;
      std::memcpy(&v, p + at, 8);
      const uint64_t m = SpecialBytes8(v, del);
      if (m != 0) return at + static_cast<size_t>(__builtin_ctzll(m)) / 8;
      if (i + 8 >= n) return n;
    }
  }
  for (; i < n; ++i) {
    if (IsJsonSpecial(static_cast<uint8_t>(p[i]), del)) return i;
  }
  return n;
}

}  // namespace alam::internal

#endif  // ALAM_SRC_CORE_JSON_SCAN_H_
