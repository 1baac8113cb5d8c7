// Private: strict UTF-8 decoding (RFC 3629): rejects overlong forms, surrogates, code points
// above U+10FFFF, stray continuation bytes and truncated sequences.
#ifndef ALAM_SRC_CORE_UTF8_H_
#define ALAM_SRC_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace alam::internal {

// Decodes one code point from p[0..avail). Returns its length (1–4), or 0 when the bytes do
// not start a valid sequence.
inline size_t DecodeUtf8(const uint8_t* p, size_t avail, char32_t* cp) {
  const uint8_t b0 = p[0];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  if (b0 < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
  if (b0 < 0xE0) {
    if (avail < 2 || (p[1] & 0xC0) != 0x80) return 0;
    *cp = (static_cast<char32_t>(b0 & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (b0 < 0xF0) {
    if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (b0 == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (b0 == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    *cp = (static_cast<char32_t>(b0 & 0x0F) << 12) |
          (static_cast<char32_t>(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 3;
  }
  if (b0 < 0xF5) {
    if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
        (p[3] & 0xC0) != 0x80) {
      return 0;
    }
    if (b0 == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    *cp = (static_cast<char32_t>(b0 & 0x07) << 18) |
          (static_cast<char32_t>(p[1] & 0x3F) << 12) |
          (static_cast<char32_t>(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return 4;
  }
  return 0;
}

// The offset of the first byte of `s` that does not start a valid sequence, or s.size() when
// all of it is valid. Sixteen bytes at a time (SSE2) while they are ASCII and two-byte
// sequences (Arabic, Latin-1: nearly all of the news): such a block is valid when its
// continuation bytes are exactly those after its leads; a block that holds anything else, or
// fails that test, is walked code point by code point, which finds the offset.
inline size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;  // always at the start of a code point
  // Code point by code point up to `stop` (or the code point that crosses it): false at an
  // invalid sequence, which i is then at.
  auto walk = [&](size_t stop) {
    while (i < stop) {
      char32_t cp;
      const size_t len = p[i] < 0x80 ? 1 : DecodeUtf8(p + i, n - i, &cp);
      if (len == 0) return false;
      i += len;
    }
    return true;
  };
#if defined(__SSE2__) && defined(__x86_64__)
  const __m128i continuation_end = _mm_set1_epi8(static_cast<char>(0xC0));  // signed compares
  const __m128i below_lead2 = _mm_set1_epi8(static_cast<char>(0xC1));
  const __m128i lead2_end = _mm_set1_epi8(static_cast<char>(0xE0));
  while (i + 16 <= n) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(x));
    if (high == 0) {
      i += 16;
      continue;
    }
    const unsigned cont =  // 0x80–0xBF
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(x, continuation_end)));
    const unsigned lead2 = static_cast<unsigned>(_mm_movemask_epi8(  // 0xC2–0xDF
        _mm_and_si128(_mm_cmpgt_epi8(x, below_lead2), _mm_cmplt_epi8(x, lead2_end))));
    if ((high & ~(cont | lead2)) == 0 && cont == ((lead2 << 1) & 0xFFFF)) {
      i += (lead2 & 0x8000) != 0 ? 15 : 16;  // a lead in the last byte starts the next block
      continue;
    }
    if (!walk(i + 16)) return i;
  }
#endif
  return walk(n) ? n : i;
}

// The bytes of p[0, n) that are not UTF-8 continuation bytes (10xxxxxx): the number of code
// points of valid UTF-8. Sixteen bytes at a time with SSE2, then eight.
inline size_t CountCharacterStarts(const uint8_t* p, size_t n) {
  size_t count = n, i = 0;
#if defined(__SSE2__) && defined(__x86_64__)
  // A continuation byte, read as a signed byte, is below -64 (0xC0); each one found adds 1 to
  // its lane of `lanes` (the compare gives -1), and the lanes are summed before they can wrap.
  const __m128i limit = _mm_set1_epi8(static_cast<char>(0xC0));
  while (i + 16 <= n) {
    __m128i lanes = _mm_setzero_si128();
    const size_t stop = i + 16 * 255 < n ? i + 16 * 255 : n;
    for (; i + 16 <= stop; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(v, limit));
    }
    const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    count -= static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    std::memcpy(&v, p + i, 8);
    // Bit 7 of each byte set, bit 6 clear: a continuation byte. The eight flags, moved to
    // bit 0 of their bytes, are summed by one multiplication (no popcount instruction needed).
    const uint64_t flags = (v & ~(v << 1) & 0x8080808080808080ull) >> 7;
    count -= static_cast<size_t>((flags * 0x0101010101010101ull) >> 56);
  }
  for (; i < n; ++i) count -= (p[i] & 0xC0) == 0x80;
  return count;
}

// Code points in `s`, counting each invalid byte as one (the convention of repaired text).
inline size_t CountCodePoints(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++count) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const size_t len = DecodeUtf8(p + i, s.size() - i, &cp);
    i += len == 0 ? 1 : len;
  }
  return count;
}

// Whether an Arabic combining mark that normalization removes and that belongs to the letter
// before it (harakat, tanween, Quranic marks; all two bytes) starts at `p`.
inline bool IsTrailingMark(const uint8_t* p, size_t avail) {
  char32_t cp;
  if (avail < 2 || DecodeUtf8(p, avail, &cp) != 2) return false;
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x0610 && cp <= 0x061A) ||
         (cp >= 0x06D6 && cp <= 0x06DC) || (cp >= 0x06DF && cp <= 0x06E4) ||
         (cp >= 0x06E7 && cp <= 0x06E8) || (cp >= 0x06EA && cp <= 0x06ED);
}

// The one wording of an invalid-UTF-8 error: "invalid UTF-8 at byte 12 (byte 0xff)".
inline std::string InvalidUtf8Message(size_t at, unsigned char byte) {
  constexpr char kHex[] = "0123456789abcdef";
  std::string m = "invalid UTF-8 at byte " + std::to_string(at) + " (byte 0x";
  m += kHex[byte >> 4];
  m += kHex[byte & 15];
  m += ')';
  return m;
}

}  // namespace alam::internal

#endif  // ALAM_SRC_CORE_UTF8_H_
