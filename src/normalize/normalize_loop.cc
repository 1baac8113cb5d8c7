// The normalizer's loop: blocks (block_path.h), then the fast path for the two-byte characters
// running text is made of, then one character at a time through the character table, with
// supplementary-plane characters and invalid UTF-8 (an error, or U+FFFD in repair mode).
#include "normalize/normalize_loop.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "normalize/block_path.h"
#include "normalize/char_table.h"
#include "core/utf8.h"
#include "core/strings.h"

namespace alam::internal {
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
// The output side of one run of the loop: the buffer written so far and what follows it (the
// offset map, the tokens). Its members are the steps of the loop; the map and token work
// compiles away when kMap or kTokens is off.
template <bool kTokens, bool kMap>
class LoopOutput {
 public:
  LoopOutput(std::string_view input, std::string* out, OffsetMap* map, std::vector<Token>* tokens)
      : in_(reinterpret_cast<const uint8_t*>(input.data())), n_(input.size()), out_(out),
        map_(map), tb_(tokens), table_(CharTable::Get()), pool_(table_.pool()) {
    // Invariant: the output has room for at least the rest of the input (kept and folded
    // characters never grow), so only expansions need a capacity check. Every byte up to the
    // end is written before it is read, so what *out held stays: a string reused document
    // after document is zero-filled only where it grows.
    if (out_->size() < n_ + 16) out_->resize(n_ + 16);
    dst_ = out_->data();
  }

  // Blocks of `Bytes` from input byte *i while they take whole blocks; returns how far the
  // per-character paths go before the next block: past the one character a block stopped at
  // when blocks take long runs (a mark now and then in running text), else 16 bytes (where
  // blocks would take little: vocalized text, digits, other scripts).
  template <class Bytes>
  size_t Blocks(size_t* i) {
    size_t per_character = 16;
    if constexpr (Bytes::kWidth != 0) {
      while (*i + Bytes::kWidth <= n_) {
        BlockBits bits;
        const uint32_t len = Block<Bytes>(in_ + *i, dst_ + w_, &bits);
        if (len == 0) break;
        Linear(*i);
        if constexpr (kTokens) {
          tb_.AddBlock(bits.word, bits.quote, bits.other, len, static_cast<uint32_t>(w_));
        }
        *i += len;
        w_ += len;
        if (len + 1 < Bytes::kWidth) {  // stopped before a character it does not take
          if (len >= 4) per_character = 1;
          break;
        }
      }
    }
    return per_character;
  }

  // The fast path from *i up to `stop`; true when the general path is to take the next
  // character (see FastPath).
  bool Fast(size_t* i, size_t stop) {
    return FastPath<kTokens, kMap>(in_, stop, n_, dst_, table_.fast_table(), map_, &tb_, i, &w_,
                                   &in_linear_);
  }

  // One character the fast path left, at *i < n: an expansion, an atomic replacement, a
  // supplementary-plane character or an invalid byte. False for an invalid byte without
  // `repair` (nothing written for it).
  bool Character(size_t* i, bool repair) {
    const size_t at = *i;
    const uint8_t b = in_[at];
    // Two-byte sequences the fast path left: expansions and atomic replacements.
    if (b >= 0xC2 && b < 0xE0 && at + 1 < n_ && (in_[at + 1] & 0xC0) == 0x80) {
      const uint32_t cp = (static_cast<uint32_t>(b & 0x1F) << 6) | (in_[at + 1] & 0x3F);
      Emit(table_.bmp(cp), at, 2);
      *i += 2;
      return true;
    }
    char32_t cp = 0;
    const size_t len = DecodeUtf8(in_ + at, n_ - at, &cp);
    if (len == 0) {
      if (!repair) return false;
      ReplacementCharacter(at);
      *i += 1;
    } else if (cp >= 0x10000) {
      Supplementary(cp, at, len);
      *i += len;
    } else {
      Emit(table_.bmp(cp), at, len);
      *i += len;
    }
    return true;
  }

  // The end: *out sized (or *written set), the map and the tokens closed.
  void Finish(size_t* written) {
    if (written == nullptr) {
      out_->resize(w_);
    } else {
      *written = w_;
    }
    if constexpr (kMap) map_->Finish(w_, n_);
    if constexpr (kTokens) tb_.Finish(static_cast<uint32_t>(w_));
  }

 private:
  void Grow(size_t extra, size_t rest) {
    if (w_ + extra + rest + 16 > out_->size()) {
      out_->resize(std::max(out_->size() * 2, w_ + extra + rest + 64));
      dst_ = out_->data();
    }
  }
  // Whether the last anchor is linear and still holds: every step that changes the shift
  // between the texts (a deletion, an atomic replacement) clears in_linear_.
  void Linear(size_t orig) {
    if constexpr (kMap) {
      if (!in_linear_) {
        map_->AddLinear(static_cast<uint32_t>(w_), static_cast<uint32_t>(orig));
        in_linear_ = true;
      }
    }
  }
  void Atomic(size_t orig, size_t len) {
    if constexpr (kMap) {
      map_->AddAtomic(static_cast<uint32_t>(w_), static_cast<uint32_t>(orig),
                      static_cast<uint32_t>(len));
      in_linear_ = false;
    }
  }
  void Classify(CharClass c, std::string_view written_bytes) {
    if constexpr (kTokens) {
      if (c == CharClass::kMixed) {
        ClassifyReplacement(written_bytes, static_cast<uint32_t>(w_), &tb_);
      } else {
        tb_.Add(c, static_cast<uint32_t>(w_));
      }
    }
  }
  void Emit(const CharEntry& e, size_t i, size_t len) {
    switch (e.action) {
      case CharAction::kKeep:
        Linear(i);
        Classify(e.self_class, {});
        std::memcpy(dst_ + w_, in_ + i, len);
        w_ += len;
        break;
      case CharAction::kDelete:
        if constexpr (kMap) in_linear_ = false;
        break;
      case CharAction::kReplace:
        if (e.length > len) Grow(e.length - len, n_ - i);
        if (e.same_shape) Linear(i); else Atomic(i, len);
        Classify(e.out_class, std::string_view(pool_ + e.pool_offset, e.length));
        std::memcpy(dst_ + w_, pool_ + e.pool_offset, e.length);
        w_ += e.length;
        break;
    }
  }
  // Repair mode: the invalid byte at `i` becomes U+FFFD.
  void ReplacementCharacter(size_t i) {
    Grow(2, n_ - i);
    Atomic(i, 1);
    Classify(CharClass::kOther, {});
    dst_[w_++] = '\xEF';
    dst_[w_++] = '\xBF';
    dst_[w_++] = '\xBD';
  }
  void Supplementary(char32_t cp, size_t i, size_t len) {
    std::string tmp;
    bool same = false;
    MapSupplementary(cp, std::string_view(reinterpret_cast<const char*>(in_) + i, len), &tmp,
                     &same);
    if (!tmp.empty()) {
      if (tmp.size() > len) Grow(tmp.size() - len, n_ - i);
      if (same) Linear(i); else Atomic(i, len);
      Classify(CharClass::kMixed, tmp);
      std::memcpy(dst_ + w_, tmp.data(), tmp.size());
      w_ += tmp.size();
    } else if constexpr (kMap) {
      in_linear_ = false;
    }
  }

  const uint8_t* in_;
  size_t n_;
  std::string* out_;
  char* dst_ = nullptr;
  size_t w_ = 0;  // bytes written
  bool in_linear_ = false;
  OffsetMap* map_;
  TokenBuilder tb_;
  const CharTable& table_;
  const char* pool_;
};

// Empties every output of a failed call and returns `status`.
template <bool kTokens, bool kMap>
absl::Status Failed(absl::Status status, std::string* out, size_t* written, OffsetMap* map,
                    std::vector<Token>* tokens, bool reset_map) {
  out->clear();
  if (written != nullptr) *written = 0;
  if constexpr (kMap) {
    if (reset_map) map->Reset(0);
  }
  if constexpr (kTokens) tokens->clear();
  return status;
}

// The normalizer's one loop, with the block path of `Bytes` (see Block); see NormalizeOn.
template <class Bytes, bool kTokens, bool kMap>
absl::Status NormalizeImpl(std::string_view input, std::string* out, size_t* written,
                           OffsetMap* map, std::vector<Token>* tokens,
                           const NormalizeOptions& options) {
  if constexpr (kMap) map->Reset(16);
  std::vector<Token> unused;
  std::vector<Token>* token_out = kTokens ? tokens : &unused;
  if (input.size() >= std::numeric_limits<uint32_t>::max()) {
    return Failed<kTokens, kMap>(
        absl::OutOfRangeError(
            Cat("document of ", input.size(), " bytes is too large (limit 4 GiB - 1)")),
        out, written, map, tokens, /*reset_map=*/false);
  }
  LoopOutput<kTokens, kMap> loop(input, out, map, token_out);
  const size_t n = input.size();
  size_t i = 0;
  while (i < n) {
    const size_t per_character = loop.template Blocks<Bytes>(&i);
    if (!loop.Fast(&i, std::min(n, i + per_character))) continue;
    if (i >= n) break;
    if (!loop.Character(&i, options.repair_invalid_utf8)) {
      const auto b = static_cast<uint8_t>(input[i]);
      return Failed<kTokens, kMap>(
          absl::InvalidArgumentError(Cat("invalid UTF-8 at byte ", i, " (byte 0x",
                                         "0123456789abcdef"[b >> 4],
                                         "0123456789abcdef"[b & 15], ")")),
          out, written, map, tokens, /*reset_map=*/true);
    }
  }
  loop.Finish(written);
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

}  // namespace

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

template absl::Status NormalizeOn<false, false>(BlockPath, std::string_view, std::string*,
    size_t*, OffsetMap*, std::vector<Token>*, const NormalizeOptions&);
template absl::Status NormalizeOn<false, true>(BlockPath, std::string_view, std::string*,
    size_t*, OffsetMap*, std::vector<Token>*, const NormalizeOptions&);
template absl::Status NormalizeOn<true, false>(BlockPath, std::string_view, std::string*,
    size_t*, OffsetMap*, std::vector<Token>*, const NormalizeOptions&);
template absl::Status NormalizeOn<true, true>(BlockPath, std::string_view, std::string*,
    size_t*, OffsetMap*, std::vector<Token>*, const NormalizeOptions&);

}  // namespace alam::internal
