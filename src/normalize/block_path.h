// Private to normalize_loop.cc: the block path of the normalizer, which takes runs of Arabic or
// ASCII text a block of 16 (SSE2) or 32 (AVX2) bytes at a time.
#ifndef ALAM_SRC_NORMALIZE_BLOCK_PATH_H_
#define ALAM_SRC_NORMALIZE_BLOCK_PATH_H_

#include <cstdint>

#include "normalize/normalize_loop.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if ALAM_AVX2_BLOCKS
#include <immintrin.h>
#endif

namespace alam::internal {

// Runs of Arabic or ASCII text are normalized a block of bytes at a time: ASCII (upper case
// folded), the Arabic letters U+0621–U+063A and U+0641–U+064A (أ إ آ → ا, ة → ه, ى → ي folded
// in the register), the Arabic comma, semicolon and question mark, and « ». All of them keep
// their UTF-8 length, so a block maps back linearly. The classes and mappings are the table's
// (tests/normalizer_test.cc pins every path to the per-character one).
//
// One routine, Block, serves every width; it sees the bytes only through one of the classes
// below, which hold a loaded block and answer with bit masks (bit k: byte k), so that no vector
// type crosses a function that is not compiled for its instruction set: SSE2 (16 bytes, every
// x86-64 CPU) and AVX2 (32 bytes, chosen at run time). NormalizeImpl instantiated with
// PerCharacter has no block path (CPUs without SSE2, and the tests' reference).

struct PerCharacter {
  static constexpr uint32_t kWidth = 0;
};

#if defined(__SSE2__)
class Sse2Bytes {
 public:
  static constexpr uint32_t kWidth = 16;
  explicit Sse2Bytes(const uint8_t* in)
      : x_(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in))), y_(x_) {}
  // The bytes in [lo, hi] (unsigned), those equal to any of `c` (one mask for the set: the
  // comparisons are or-ed in the register), and the bytes >= 0x80.
  uint32_t In(int lo, int hi) const { return Mask(InV(lo, hi)); }
  template <class... C>
  uint32_t Is(C... c) const { return Mask((InV(c, c) | ...)); }
  uint32_t NonAscii() const { return Mask(x_); }
  // Output edits (wrapping byte arithmetic): adds `delta` to the bytes in [lo, hi], or to each
  // `lead` byte followed by a `next` byte.
  void Add(int lo, int hi, int delta) {
    y_ = _mm_add_epi8(y_, _mm_and_si128(InV(lo, hi), Set(delta)));
  }
  void AddBefore(int lead, int next, int delta) {
    const __m128i at = _mm_and_si128(InV(lead, lead), _mm_srli_si128(InV(next, next), 1));
    y_ = _mm_add_epi8(y_, _mm_and_si128(at, Set(delta)));
  }
  void Store(char* dst) const { _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), y_); }

 private:
  static __m128i Set(int c) { return _mm_set1_epi8(static_cast<char>(c)); }
  static uint32_t Mask(__m128i v) { return static_cast<uint32_t>(_mm_movemask_epi8(v)); }
  __m128i InV(int lo, int hi) const {
    if (lo == hi) return _mm_cmpeq_epi8(x_, Set(lo));
    const __m128i d = _mm_sub_epi8(x_, Set(lo));
    return _mm_cmpeq_epi8(_mm_subs_epu8(d, Set(hi - lo)), _mm_setzero_si128());
  }
  __m128i x_, y_;  // the input bytes, the output bytes
};
#endif

#if ALAM_AVX2_BLOCKS
#define ALAM_AVX2 __attribute__((target("avx2")))

// Each byte value 32 times: Avx2Bytes loads its constants from here. GCC 12 builds a constant
// vector in the loop from a general register instead (three instructions, at every use when
// the loop has more constants than there are vector registers); loaded through a pointer it
// cannot see through, each constant is an operand of the instruction that uses it.
struct alignas(32) Splats {
  uint8_t bytes[256][32];
};
constexpr Splats MakeSplats() {
  Splats s{};
  for (int c = 0; c < 256; ++c) {
    for (int k = 0; k < 32; ++k) s.bytes[c][k] = static_cast<uint8_t>(c);
  }
  return s;
}
inline constexpr Splats kSplats = MakeSplats();

// As Sse2Bytes, 32 bytes at a time; every member is compiled for AVX2.
class Avx2Bytes {
 public:
  static constexpr uint32_t kWidth = 32;
  ALAM_AVX2 explicit Avx2Bytes(const uint8_t* in)
      : x_(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(in))), y_(x_),
        splats_(kSplats.bytes) {
    asm("" : "+r"(splats_));  // hides what splats_ points to
  }
  ALAM_AVX2 uint32_t In(int lo, int hi) const { return Mask(InV(lo, hi)); }
  template <class... C>
  ALAM_AVX2 uint32_t Is(C... c) const { return Mask((InV(c, c) | ...)); }
  ALAM_AVX2 uint32_t NonAscii() const { return Mask(x_); }
  ALAM_AVX2 void Add(int lo, int hi, int delta) {
    y_ = _mm256_add_epi8(y_, _mm256_and_si256(InV(lo, hi), Set(delta)));
  }
  ALAM_AVX2 void AddBefore(int lead, int next, int delta) {
    // Byte k of `after` is byte k + 1 of the `next` mask: the shift crosses the two 128-bit
    // lanes, which _mm256_srli_si256 does not.
    const __m256i n = InV(next, next);
    const __m256i after = _mm256_alignr_epi8(_mm256_permute2x128_si256(n, n, 0x81), n, 1);
    const __m256i at = _mm256_and_si256(InV(lead, lead), after);
    y_ = _mm256_add_epi8(y_, _mm256_and_si256(at, Set(delta)));
  }
  ALAM_AVX2 void Store(char* dst) const {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst), y_);
  }

 private:
  ALAM_AVX2 __m256i Set(int c) const {
    return _mm256_load_si256(reinterpret_cast<const __m256i*>(splats_[c & 0xFF]));
  }
  ALAM_AVX2 static uint32_t Mask(__m256i v) {
    return static_cast<uint32_t>(_mm256_movemask_epi8(v));
  }
  ALAM_AVX2 __m256i InV(int lo, int hi) const {
    if (lo == hi) return _mm256_cmpeq_epi8(x_, Set(lo));
    const __m256i d = _mm256_sub_epi8(x_, Set(lo));
    return _mm256_cmpeq_epi8(_mm256_subs_epu8(d, Set(hi - lo)), _mm256_setzero_si256());
  }
  __m256i x_, y_;
  const uint8_t (*splats_)[32];
};
#endif

// What a block holds, for TokenBuilder::AddBlock: the bytes of word characters, of quotes and
// of other separators (the rest are spaces).
struct BlockBits {
  uint32_t word, quote, other;
};

// Normalizes the block at `in` into `dst` (all Bytes::kWidth bytes are written) and returns how
// many of its bytes it took: those before the first character it does not take, or before a
// two-byte character that straddles the block's end; 0 when it takes none. Always inlined:
// only in the loop's AVX2 instance can Avx2Bytes's members be inlined (Clang's flatten does
// not reach through a Block left out of line).
template <class Bytes>
__attribute__((always_inline)) inline uint32_t Block(const uint8_t* in, char* dst,
                                                     BlockBits* bits) {
  constexpr uint32_t kWidth = Bytes::kWidth;
  constexpr uint32_t kAll = kWidth == 32 ? ~0u : (1u << kWidth) - 1;
  Bytes x(in);
  const uint32_t d8 = x.Is(0xD8), d9 = x.Is(0xD9), space = x.Is(' ');
  // A continuation byte is taken only right after its lead: the letters are D8 A1–BA and
  // D9 81–8A. A pair's lead is the bit below its continuation's, so a lead in the last byte
  // is not taken.
  const uint32_t letter = ((d8 << 1) & x.In(0xA1, 0xBA)) | ((d9 << 1) & x.In(0x81, 0x8A));
  uint32_t word = letter | (letter >> 1);
  uint32_t quote = 0, other = 0;
  uint32_t taken = word | space;
  if (taken != kAll) {  // not only Arabic letters and spaces
    const uint32_t ascii = ~x.NonAscii() & kAll;
    const uint32_t punct = (d8 << 1) & x.Is(0x8C, 0x9B, 0x9F);  // ، ؛ ؟
    const uint32_t guillemet = (x.Is(0xC2) << 1) & x.Is(0xAB, 0xBB);  // « »
    const uint32_t pairs = punct | guillemet;
    taken |= ascii | pairs | (pairs >> 1);
    // The classes of the ASCII bytes, for the tokens only (without them, as in Normalize,
    // the compiler drops these comparisons).
    const uint32_t ascii_word = x.In('0', '9') | x.In('A', 'Z') | x.In('a', 'z');
    const uint32_t ascii_quote = x.Is('"', '\'', '(', ')', '[', ']');
    const uint32_t blank = space | x.Is('\t', '_', '#');  // CharTable::ClassOf: _ and # as a space
    word |= ascii_word;
    quote = ascii_quote | guillemet | (guillemet >> 1);
    other = (ascii & ~(ascii_word | ascii_quote | blank)) | punct | (punct >> 1);
    x.Add('A', 'Z', 0x20);  // upper-case ASCII → lower case
  }
  const uint32_t len = taken == kAll ? kWidth : static_cast<uint32_t>(__builtin_ctz(~taken));
  if (len == 0) return 0;
  // Folds: أ آ إ (D8 A3, A2, A5) → ا (D8 A7), ة (D8 A9) → ه (D9 87), ى (D9 89) → ي (D9 8A).
  // Among the pairs taken, each of these continuation bytes follows only that lead; beyond
  // `len` the output bytes are overwritten later, so the edits need not look at the lead —
  // except ة's, which edits the lead itself and so checks both bytes.
  x.Add(0xA3, 0xA3, 0xA7 - 0xA3);
  x.Add(0xA2, 0xA2, 0xA7 - 0xA2);
  x.Add(0xA5, 0xA5, 0xA7 - 0xA5);
  x.AddBefore(0xD8, 0xA9, 1);
  x.Add(0xA9, 0xA9, 0x87 - 0xA9);
  x.Add(0x89, 0x89, 1);
  x.Store(dst);
  const uint32_t kept = len == 32 ? ~0u : (1u << len) - 1;
  bits->word = word & kept;
  bits->quote = quote & kept;
  bits->other = other & kept;
  return len;
}
}  // namespace alam::internal

#endif  // ALAM_SRC_NORMALIZE_BLOCK_PATH_H_
