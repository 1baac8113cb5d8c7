#include "alam/normalizer.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// The AVX2 block path: x86 with GCC or Clang, which compile a function for AVX2 by attribute
// (the build's own flags stay at the baseline) and detect the CPU's support at run time.
#if defined(__SSE2__) && defined(__GNUC__)
#include <immintrin.h>
#define ALAM_AVX2_BLOCKS 1
#else
#define ALAM_AVX2_BLOCKS 0
#endif

#include "normalize/char_table.h"
#include "normalize/tokenizer.h"
#include "core/utf8.h"
#include "core/strings.h"

namespace alam {

using internal::CharAction;
using internal::CharEntry;
using internal::CharClass;
using internal::CharTable;
using internal::DecodeUtf8;
using internal::kFastClassShift;
using internal::kFastDelete;
using internal::kFastSimple;
using internal::Token;
using internal::TokenBuilder;

// ---- OffsetMap ----

void OffsetMap::Reset(size_t reserve_anchors) {
  anchors_.clear();
  anchors_.reserve(reserve_anchors);
  norm_size_ = orig_size_ = 0;
}

void OffsetMap::AddLinear(uint32_t norm, uint32_t orig) {
  if (!anchors_.empty() && anchors_.back().norm == norm) anchors_.pop_back();
  anchors_.push_back(Anchor{norm, orig, 0});
}

void OffsetMap::AddAtomic(uint32_t norm, uint32_t orig, uint32_t orig_len) {
  if (!anchors_.empty() && anchors_.back().norm == norm) anchors_.pop_back();
  anchors_.push_back(Anchor{norm, orig, orig_len});
}

void OffsetMap::Finish(size_t norm_size, size_t orig_size) {
  norm_size_ = norm_size;
  orig_size_ = orig_size;
}

const OffsetMap::Anchor* OffsetMap::Find(size_t norm_byte) const {
  // Last anchor whose norm <= norm_byte.
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), norm_byte,
                             [](size_t v, const Anchor& a) { return v < a.norm; });
  if (it == anchors_.begin()) return nullptr;
  return &*(it - 1);
}

size_t OffsetMap::ToOriginalStart(size_t norm_offset) const {
  if (norm_offset >= norm_size_) return orig_size_;
  const Anchor* a = Find(norm_offset);
  if (a == nullptr) return 0;
  if (a->orig_len != 0) return a->orig;
  return a->orig + (norm_offset - a->norm);
}

size_t OffsetMap::ToOriginalEnd(size_t norm_offset) const {
  if (norm_offset == 0) return anchors_.empty() ? orig_size_ : anchors_.front().orig;
  if (norm_offset > norm_size_) norm_offset = norm_size_;
  const Anchor* a = Find(norm_offset - 1);
  if (a == nullptr) return 0;
  if (a->orig_len != 0) return a->orig + a->orig_len;
  return a->orig + (norm_offset - a->norm);
}

// ---- Normalize ----

namespace {

// Appends the mapping of one supplementary-plane code point (rare: emoji, math letters).
void MapSupplementary(char32_t cp, std::string_view original, std::string* out,
                      bool* same_shape) {
  bool deleted = false;
  std::string mapped = CharTable::MapCodePoint(cp, &deleted);
  if (deleted) {
    *same_shape = false;
    return;
  }
  *same_shape = mapped == original;
  out->append(mapped);
}

// Feeds the classes of the code points of a replacement (several code points) to `tb`.
void ClassifyReplacement(std::string_view bytes, uint32_t at, TokenBuilder* tb) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  for (size_t k = 0; k < bytes.size();) {
    char32_t cp = 0;
    size_t len = DecodeUtf8(p + k, bytes.size() - k, &cp);
    if (len == 0) len = 1;
    tb->Add(CharTable::ClassOf(cp), at + static_cast<uint32_t>(k));
    k += len;
  }
}

// ---- The block path ----
//
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
constexpr bool kHaveSse2Blocks = true;
#else
constexpr bool kHaveSse2Blocks = false;
#endif

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
    const uint32_t blank = space | x.Is('\t');
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

// The fast path of the loop below: ASCII and two-byte characters that are kept, folded to the
// same length or deleted (all of running Arabic text); returns at the first other character.
// A deletion changes the shift between the texts: the next kept character starts a new linear
// anchor. The state is copied into locals so that it stays in registers.
// Stops at `stop` (or one byte past it, not to split a character) and returns false, or
// returns true when the general path is to take the next character; `n` is the input's size.
template <bool kTokens, bool kMap>
inline bool FastPath(const uint8_t* in, size_t stop, size_t n, char* dst, const uint32_t* fast,
                     OffsetMap* map, TokenBuilder* builder, size_t* pos, size_t* out_pos,
                     bool* linear) {
  size_t i = *pos, w = *out_pos;
  bool in_linear = *linear;
  TokenBuilder tb = *builder;
  while (i < stop && i + 1 < n) {  // the input's last byte is left to the general path
    const uint32_t b = in[i];
    const uint32_t c = in[i + 1];
    const bool multi = b >= 0x80;
    if (multi && ((b - 0xC2) >= 30u || (c & 0xC0) != 0x80)) break;
    const uint32_t f = fast[multi ? ((b & 0x1F) << 6) | (c & 0x3F) : b];
    const size_t len = 1 + static_cast<size_t>(multi);
    if (!(f & kFastSimple)) {
      if (!(f & kFastDelete)) break;
      in_linear = false;
      i += len;
      continue;
    }
    if constexpr (kMap) {
      if (!in_linear) {
        map->AddLinear(static_cast<uint32_t>(w), static_cast<uint32_t>(i));
        in_linear = true;
      }
    }
    if constexpr (kTokens) {
      tb.Add(static_cast<CharClass>((f >> kFastClassShift) & 7), static_cast<uint32_t>(w));
    }
    // Two bytes are always written (the buffer has 16 spare bytes); w advances by len.
    const uint16_t bytes = static_cast<uint16_t>(f);
    std::memcpy(dst + w, &bytes, 2);
    w += len;
    i += len;
  }
  *pos = i;
  *out_pos = w;
  *linear = in_linear;
  *builder = tb;
  return i < stop;
}

// The normalizer's one loop, with the block path of `Bytes` (see Block); with kTokens it also
// tokenizes what it writes, with kMap it fills the offset map. Without `written`, *out is
// resized to the normalized text; with it, *out keeps at least the size it had (its bytes past
// *written are garbage) so that a buffer reused document after document is never zero-filled
// again.
template <class Bytes, bool kTokens, bool kMap>
absl::Status NormalizeImpl(std::string_view input, std::string* out, size_t* written,
                           OffsetMap* map, std::vector<Token>* tokens,
                           const NormalizeOptions& options) {
  if constexpr (kMap) map->Reset(16);
  std::vector<Token> unused;
  TokenBuilder tb(kTokens ? tokens : &unused);
  if (input.size() >= std::numeric_limits<uint32_t>::max()) {
    out->clear();
    if (written != nullptr) *written = 0;
    if constexpr (kTokens) tokens->clear();
    return absl::OutOfRangeError(internal::Cat("document of ", input.size(),
                                               " bytes is too large (limit 4 GiB - 1)"));
  }
  const CharTable& table = CharTable::Get();
  const char* pool = table.pool();
  const auto* in = reinterpret_cast<const uint8_t*>(input.data());
  const size_t n = input.size();
  // Invariant: the output has room for at least the rest of the input (kept and folded
  // characters never grow), so only expansions need a capacity check. Every byte up to the
  // end is written before it is read, so what *out held stays: a string reused document after
  // document is zero-filled only where it grows.
  if (out->size() < n + 16) out->resize(n + 16);
  char* dst = out->data();
  size_t w = 0;  // bytes written
  // Whether the last anchor is linear and still holds: every step that changes the shift
  // between the texts (a deletion, an atomic replacement) clears it.
  bool in_linear = false;

  auto grow = [&](size_t extra, size_t rest) {
    if (w + extra + rest + 16 > out->size()) {
      out->resize(std::max(out->size() * 2, w + extra + rest + 64));
      dst = out->data();
    }
  };
  auto linear = [&](size_t orig) {
    if constexpr (kMap) {
      if (!in_linear) {
        map->AddLinear(static_cast<uint32_t>(w), static_cast<uint32_t>(orig));
        in_linear = true;
      }
    }
  };
  auto atomic = [&](size_t orig, size_t len) {
    if constexpr (kMap) {
      map->AddAtomic(static_cast<uint32_t>(w), static_cast<uint32_t>(orig),
                     static_cast<uint32_t>(len));
      in_linear = false;
    }
  };
  auto classify = [&](CharClass c, std::string_view written_bytes) {
    if constexpr (kTokens) {
      if (c == CharClass::kMixed) {
        ClassifyReplacement(written_bytes, static_cast<uint32_t>(w), &tb);
      } else {
        tb.Add(c, static_cast<uint32_t>(w));
      }
    }
  };
  auto emit = [&](const CharEntry& e, size_t i, size_t len) {
    switch (e.action) {
      case CharAction::kKeep:
        linear(i);
        classify(e.self_class, {});
        std::memcpy(dst + w, in + i, len);
        w += len;
        break;
      case CharAction::kDelete:
        if constexpr (kMap) in_linear = false;
        break;
      case CharAction::kReplace:
        if (e.length > len) grow(e.length - len, n - i);
        if (e.same_shape) linear(i); else atomic(i, len);
        classify(e.out_class, std::string_view(pool + e.pool_offset, e.length));
        std::memcpy(dst + w, pool + e.pool_offset, e.length);
        w += e.length;
        break;
    }
  };

  size_t i = 0;
  while (i < n) {
    // How far the per-character paths go before the next block: past the one character a
    // block stopped at when blocks take long runs (a mark now and then in running text), else
    // 16 bytes (where blocks would take little: vocalized text, digits, other scripts).
    size_t per_character = 16;
    if constexpr (Bytes::kWidth != 0) {
      while (i + Bytes::kWidth <= n) {
        BlockBits bits;
        const uint32_t len = Block<Bytes>(in + i, dst + w, &bits);
        if (len == 0) break;
        linear(i);
        if constexpr (kTokens) {
          tb.AddBlock(bits.word, bits.quote, bits.other, len, static_cast<uint32_t>(w));
        }
        i += len;
        w += len;
        if (len + 1 < Bytes::kWidth) {  // stopped before a character it does not take
          if (len >= 4) per_character = 1;
          break;
        }
      }
    }
    if (!FastPath<kTokens, kMap>(in, std::min(n, i + per_character), n, dst, table.fast_table(),
                                 map, &tb, &i, &w, &in_linear)) {
      continue;
    }
    if (i >= n) break;
    const uint8_t b = in[i];
    // Two-byte sequences the fast path left: expansions and atomic replacements.
    if (b >= 0xC2 && b < 0xE0 && i + 1 < n && (in[i + 1] & 0xC0) == 0x80) {
      const uint32_t cp = (static_cast<uint32_t>(b & 0x1F) << 6) | (in[i + 1] & 0x3F);
      emit(table.bmp(cp), i, 2);
      i += 2;
      continue;
    }
    char32_t cp = 0;
    const size_t len = internal::DecodeUtf8(in + i, n - i, &cp);
    if (len == 0) {
      if (!options.repair_invalid_utf8) {
        out->clear();
        if (written != nullptr) *written = 0;
        if constexpr (kMap) map->Reset(0);
        if constexpr (kTokens) tokens->clear();
        return absl::InvalidArgumentError(internal::Cat(
            "invalid UTF-8 at byte ", i, " (byte 0x", "0123456789abcdef"[b >> 4],
            "0123456789abcdef"[b & 15], ")"));
      }
      grow(2, n - i);
      atomic(i, 1);
      classify(CharClass::kOther, {});
      dst[w++] = '\xEF';
      dst[w++] = '\xBF';
      dst[w++] = '\xBD';
      i += 1;
      continue;
    }
    if (cp >= 0x10000) {
      std::string tmp;
      bool same = false;
      MapSupplementary(cp, input.substr(i, len), &tmp, &same);
      if (!tmp.empty()) {
        if (tmp.size() > len) grow(tmp.size() - len, n - i);
        if (same) linear(i); else atomic(i, len);
        classify(CharClass::kMixed, tmp);
        std::memcpy(dst + w, tmp.data(), tmp.size());
        w += tmp.size();
      } else if constexpr (kMap) {
        in_linear = false;
      }
      i += len;
      continue;
    }
    emit(table.bmp(cp), i, len);
    i += len;
  }
  if (written == nullptr) {
    out->resize(w);
  } else {
    *written = w;
  }
  if constexpr (kMap) map->Finish(w, n);
  if constexpr (kTokens) tb.Finish(static_cast<uint32_t>(w));
  return absl::OkStatus();
}

#if ALAM_AVX2_BLOCKS
// The AVX2 instance of the loop: flatten inlines NormalizeImpl, Block and the members of
// Avx2Bytes into this one function compiled for AVX2 (the members would otherwise stay calls:
// GCC inlines a function compiled for AVX2 only into one that is too).
template <bool kTokens, bool kMap>
ALAM_AVX2 __attribute__((flatten)) absl::Status NormalizeAvx2(
    std::string_view input, std::string* out, size_t* written, OffsetMap* map,
    std::vector<Token>* tokens, const NormalizeOptions& options) {
  return NormalizeImpl<Avx2Bytes, kTokens, kMap>(input, out, written, map, tokens, options);
}
#endif

using internal::BlockPath;

bool CpuHasAvx2() {
#if ALAM_AVX2_BLOCKS
  __builtin_cpu_init();  // in case this runs before the constructor that sets up the check
  return __builtin_cpu_supports("avx2") != 0;
#else
  return false;
#endif
}

// The widest block path this build and CPU have, chosen once.
BlockPath BestBlockPath() {
  static const BlockPath best = CpuHasAvx2()       ? BlockPath::kAvx2
                                : kHaveSse2Blocks ? BlockPath::kSse2
                                                  : BlockPath::kPerCharacter;
  return best;
}

template <bool kTokens, bool kMap>
absl::Status NormalizeOn(BlockPath path, std::string_view input, std::string* out,
                         size_t* written, OffsetMap* map, std::vector<Token>* tokens,
                         const NormalizeOptions& options) {
  switch (path) {
#if ALAM_AVX2_BLOCKS
    case BlockPath::kAvx2:
      return NormalizeAvx2<kTokens, kMap>(input, out, written, map, tokens, options);
#endif
#if defined(__SSE2__)
    case BlockPath::kSse2:
      return NormalizeImpl<Sse2Bytes, kTokens, kMap>(input, out, written, map, tokens, options);
#endif
    default:
      return NormalizeImpl<PerCharacter, kTokens, kMap>(input, out, written, map, tokens,
                                                         options);
  }
}

// Normalize (tokens null) or NormalizeAndTokenize, on `path`.
absl::Status Run(BlockPath path, std::string_view input, std::string* out, size_t* written,
                 OffsetMap* map, std::vector<Token>* tokens, const NormalizeOptions& options) {
  auto on = [&](auto tokenize, auto with_map) {
    return NormalizeOn<decltype(tokenize)::value, decltype(with_map)::value>(
        path, input, out, written, map, tokens, options);
  };
  if (tokens == nullptr) {
    return map == nullptr ? on(std::false_type(), std::false_type())
                          : on(std::false_type(), std::true_type());
  }
  return map == nullptr ? on(std::true_type(), std::false_type())
                        : on(std::true_type(), std::true_type());
}

}  // namespace

absl::Status Normalize(std::string_view input, std::string* out, OffsetMap* map,
                       const NormalizeOptions& options) {
  return Run(BestBlockPath(), input, out, nullptr, map, nullptr, options);
}

namespace internal {

absl::Status NormalizeAndTokenize(std::string_view input, std::string* out, size_t* written,
                                  OffsetMap* map, std::vector<Token>* tokens,
                                  const NormalizeOptions& options) {
  return Run(BestBlockPath(), input, out, written, map, tokens, options);
}

bool BlockPathAvailable(BlockPath path) {
  switch (path) {
    case BlockPath::kPerCharacter:
      return true;
    case BlockPath::kSse2:
      return kHaveSse2Blocks;
    case BlockPath::kAvx2:
      return CpuHasAvx2();
  }
  return false;
}

absl::Status NormalizeOnPathForTesting(BlockPath path, std::string_view input, std::string* out,
                                       OffsetMap* map, std::vector<Token>* tokens,
                                       const NormalizeOptions& options) {
  if (!BlockPathAvailable(path)) {
    return absl::FailedPreconditionError("block path not available on this build or CPU");
  }
  return Run(path, input, out, nullptr, map, tokens, options);
}

}  // namespace internal

absl::StatusOr<std::string> Normalize(std::string_view input, const NormalizeOptions& options) {
  std::string out;
  absl::Status s = Normalize(input, &out, nullptr, options);
  if (!s.ok()) return s;
  return out;
}

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x10000) return CharTable::Get().bmp(static_cast<uint32_t>(cp)).word();
  return CharTable::IsWord(cp);
}

}  // namespace alam
