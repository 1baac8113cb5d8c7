#include "alam/normalizer.h"

#include <algorithm>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "normalize/char_table.h"
#include "normalize/tokenizer.h"
#include "normalize/utf8.h"
#include "util/strings.h"

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

#if defined(__SSE2__)
// The block path, 16 bytes at a time of running Arabic or ASCII text (SSE2: every x86-64 CPU):
// ASCII (upper case folded), the Arabic letters U+0621–U+063A and U+0641–U+064A (أ إ آ → ا,
// ة → ه, ى → ي folded in the register), the Arabic comma, semicolon and question mark, and « ».
// All of them keep their UTF-8 length, so the block maps back linearly. Writes 16 bytes to
// `dst` and returns the bytes consumed (16, or 15 when a two-byte character straddles the end),
// with the block's word, quote and other-separator bytes as bit masks (TokenBuilder::AddBlock);
// returns 0 when the block holds anything else, for the per-character paths. The mapping and
// classes are the table's (tests/normalizer_test.cc pins the two paths to each other).
inline uint32_t SimdBlock(const uint8_t* in, char* dst, uint32_t* word_bits,
                          uint32_t* quote_bits, uint32_t* other_bits) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
  auto eq = [](__m128i v, int c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); };
  // Bytes of v in [lo, lo + span], unsigned.
  auto in_range = [](__m128i v, int lo, int span) {
    const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
    return _mm_cmpeq_epi8(_mm_subs_epu8(d, _mm_set1_epi8(static_cast<char>(span))),
                          _mm_setzero_si128());
  };
  auto mask = [](__m128i v) { return static_cast<uint32_t>(_mm_movemask_epi8(v)); };
  const __m128i d8 = eq(x, 0xD8), d9 = eq(x, 0xD9);
  const __m128i space = eq(x, ' ');
  const uint32_t cont_m = mask(in_range(x, 0x80, 0x3F));
  uint32_t lead_m = mask(_mm_or_si128(d8, d9));
  // Which lead each continuation byte follows.
  const __m128i after_d8 = _mm_slli_si128(d8, 1), after_d9 = _mm_slli_si128(d9, 1);
  const __m128i letter = _mm_or_si128(_mm_and_si128(after_d8, in_range(x, 0xA1, 0xBA - 0xA1)),
                                      _mm_and_si128(after_d9, in_range(x, 0x81, 0x8A - 0x81)));
  const uint32_t letter_m = mask(letter);
  __m128i y = x;
  __m128i word, quote, other;
  if ((lead_m | cont_m | mask(space)) == 0xFFFF && cont_m == ((lead_m << 1) & 0xFFFF) &&
      letter_m == cont_m) {
    // The common block: Arabic letters and spaces only.
    word = _mm_or_si128(letter, _mm_srli_si128(letter, 1));
    quote = other = _mm_setzero_si128();
  } else {
    const __m128i ascii = _mm_cmpgt_epi8(x, _mm_set1_epi8(-1));
    const __m128i c2 = eq(x, 0xC2);
    lead_m |= mask(c2);
    // Every byte is ASCII, one of the three leads, or a continuation right after a lead.
    if ((mask(ascii) | lead_m | cont_m) != 0xFFFF || cont_m != ((lead_m << 1) & 0xFFFF)) return 0;
    const __m128i punct = _mm_and_si128(
        after_d8, _mm_or_si128(_mm_or_si128(eq(x, 0x8C), eq(x, 0x9B)), eq(x, 0x9F)));
    const __m128i guillemet =
        _mm_and_si128(_mm_slli_si128(c2, 1), _mm_or_si128(eq(x, 0xAB), eq(x, 0xBB)));
    if ((letter_m | mask(_mm_or_si128(punct, guillemet))) != cont_m) return 0;
    const __m128i ascii_word = _mm_or_si128(
        in_range(x, '0', 9), in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 25));
    const __m128i blank = _mm_or_si128(space, eq(x, '\t'));
    const __m128i ascii_quote = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(eq(x, '"'), eq(x, '\'')), _mm_or_si128(eq(x, '('), eq(x, ')'))),
        _mm_or_si128(eq(x, '['), eq(x, ']')));
    const __m128i ascii_other =
        _mm_andnot_si128(_mm_or_si128(_mm_or_si128(ascii_word, blank), ascii_quote), ascii);
    word = _mm_or_si128(_mm_or_si128(ascii_word, letter), _mm_srli_si128(letter, 1));
    quote = _mm_or_si128(_mm_or_si128(ascii_quote, guillemet), _mm_srli_si128(guillemet, 1));
    other = _mm_or_si128(_mm_or_si128(ascii_other, punct), _mm_srli_si128(punct, 1));
    // Upper-case ASCII → lower case.
    y = _mm_add_epi8(y, _mm_and_si128(in_range(x, 'A', 'Z' - 'A'), _mm_set1_epi8(0x20)));
  }
  // Folds: أ آ إ → ا and ة → ه (after D8), ى → ي (after D9); all within D8 A2–A9 or D9 89.
  const __m128i alef_maksura = _mm_and_si128(after_d9, eq(x, 0x89));
  if (mask(_mm_or_si128(_mm_and_si128(after_d8, in_range(x, 0xA2, 7)), alef_maksura)) != 0) {
    const __m128i alef = _mm_and_si128(
        after_d8, _mm_or_si128(_mm_or_si128(eq(x, 0xA2), eq(x, 0xA3)), eq(x, 0xA5)));
    const __m128i teh_marbuta = _mm_and_si128(after_d8, eq(x, 0xA9));
    auto put = [&y](__m128i where, int c) {
      y = _mm_or_si128(_mm_andnot_si128(where, y),
                       _mm_and_si128(where, _mm_set1_epi8(static_cast<char>(c))));
    };
    put(alef, 0xA7);
    put(teh_marbuta, 0x87);
    put(_mm_srli_si128(teh_marbuta, 1), 0xD9);  // its lead byte
    y = _mm_sub_epi8(y, alef_maksura);          // 0x89 → 0x8A (the mask is −1)
  }
  _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), y);
  const uint32_t len = (lead_m & 0x8000) != 0 ? 15 : 16;
  const uint32_t full = (1u << len) - 1;
  *word_bits = mask(word) & full;
  *quote_bits = mask(quote) & full;
  *other_bits = mask(other) & full;
  return len;
}
#endif

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

// The normalizer's one loop; with kTokens it also tokenizes what it writes, with kMap it fills
// the offset map. Without `written`, *out is resized to the normalized text; with it, *out
// keeps at least the size it had (its bytes past *written are garbage) so that a buffer reused
// document after document is never zero-filled again.
template <bool kTokens, bool kMap>
absl::Status NormalizeImpl(std::string_view input, std::string* out, size_t* written,
                           OffsetMap* map, std::vector<Token>* tokens,
                           const NormalizeOptions& options) {
  if constexpr (kMap) map->Reset(16);
  std::vector<Token> unused;
  TokenBuilder tb(kTokens ? tokens : &unused);
  if (input.size() >= std::numeric_limits<uint32_t>::max()) {
    out->clear();
    if (written != nullptr) *written = 0;
    return absl::OutOfRangeError(internal::Cat("document of ", input.size(),
                                               " bytes is too large (limit 4 GiB - 1)"));
  }
  const CharTable& table = CharTable::Get();
  const char* pool = table.pool();
  const auto* in = reinterpret_cast<const uint8_t*>(input.data());
  const size_t n = input.size();
  // Invariant: the output has room for at least the rest of the input (kept and folded
  // characters never grow), so only expansions need a capacity check.
  if (written == nullptr) out->clear();
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
#if defined(__SSE2__)
    // Blocks of running text; the per-character paths take at least one block's worth of
    // bytes after a block that did not qualify.
    while (i + 16 <= n) {
      uint32_t word_bits, quote_bits, other_bits;
      const uint32_t len = SimdBlock(in + i, dst + w, &word_bits, &quote_bits, &other_bits);
      if (len == 0) break;
      linear(i);
      if constexpr (kTokens) tb.AddBlock(word_bits, quote_bits, other_bits, len, static_cast<uint32_t>(w));
      i += len;
      w += len;
    }
#endif
    if (!FastPath<kTokens, kMap>(in, std::min(n, i + 16), n, dst, table.fast_table(), map, &tb,
                                 &i, &w, &in_linear)) {
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

}  // namespace

absl::Status Normalize(std::string_view input, std::string* out, OffsetMap* map,
                       const NormalizeOptions& options) {
  if (map == nullptr) return NormalizeImpl<false, false>(input, out, nullptr, nullptr, nullptr, options);
  return NormalizeImpl<false, true>(input, out, nullptr, map, nullptr, options);
}

namespace internal {
absl::Status NormalizeAndTokenize(std::string_view input, std::string* out, size_t* written,
                                  OffsetMap* map, std::vector<Token>* tokens,
                                  const NormalizeOptions& options) {
  if (map == nullptr) return NormalizeImpl<true, false>(input, out, written, nullptr, tokens, options);
  return NormalizeImpl<true, true>(input, out, written, map, tokens, options);
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
