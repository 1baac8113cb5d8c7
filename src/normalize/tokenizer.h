// Private: splits normalized text into words. One tokenizer serves the gazetteer compiler
// (aliases) and the matcher (documents), so both see the same word boundaries.
#ifndef ALAM_SRC_NORMALIZE_TOKENIZER_H_
#define ALAM_SRC_NORMALIZE_TOKENIZER_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "alam/normalizer.h"
#include "normalize/char_table.h"

namespace alam::internal {

// What separates a word from the word before it.
enum class Gap : uint8_t {
  kSpace = 0,  // only white space (or the start of the text)
  kQuote = 1,  // white space and quotes or brackets: “ ” " « » ( ) [ ] ' ‘ ’
  kOther = 2,  // anything else: punctuation, line breaks … (a clause boundary)
};

struct Token {
  // Left uninitialized: TokenBuilder sizes its buffer ahead without filling it.
  Token() {}  // NOLINT(modernize-use-equals-default): = default would zero-fill on resize
  Token(uint32_t s, uint32_t e, Gap g) : start(s), end(e), gap(g) {}
  uint32_t start;  // byte offsets into the normalized text
  uint32_t end;
  Gap gap;         // separation from the previous token
};

// The one state machine that turns a sequence of classified characters into tokens; driven by
// Tokenize (over normalized text) and by NormalizeAndTokenize (while it writes). Tokens are
// written in place into the vector, which serves as the buffer (sized ahead, so that a block's
// tokens need one capacity check, not one per token); Finish() trims it to the tokens.
class TokenBuilder {
 public:
  explicit TokenBuilder(std::vector<Token>* out)
      : out_(out), data_(out->data()), room_(out->size()) {}
  // A character of class `c` starts at byte `pos` of the normalized text.
  void Add(CharClass c, uint32_t pos) {
    if (c == CharClass::kWord) {
      if (!in_word_) {
        in_word_ = true;
        start_ = pos;
      }
      return;
    }
    if (in_word_) {
      if (count_ == room_) Grow(1);
      data_[count_++] = Token{start_, pos, gap_};
      in_word_ = false;
      gap_ = Gap::kSpace;
    }
    const Gap g = static_cast<Gap>(static_cast<uint8_t>(c) - 1);
    if (g > gap_) gap_ = g;
  }
  // A block of `len` (1 to 32) bytes of normalized text starting at byte `pos`, described by
  // bit masks (bit k: byte pos + k): `word` the bytes of word characters, `quote` and `other`
  // the bytes of separators of those kinds (the rest are spaces). The same tokens as calling
  // Add for each of its characters.
  void AddBlock(uint32_t word, uint32_t quote, uint32_t other, uint32_t len, uint32_t pos) {
    const uint32_t full = len >= 32 ? ~0u : (1u << len) - 1;
    word &= full;
    const uint32_t prev = (word << 1) | (in_word_ ? 1u : 0u);
    uint32_t starts = word & ~prev;
    uint32_t ends = ~word & prev & full;
    if (count_ + 17 > room_) Grow(17);  // a block ends at most 16 words
    Token* d = data_ + count_;
    // Starts and ends alternate, so the k-th end closes the word of the k-th start (or the word
    // carried in, whose gap was fixed where it started). A word's gap is the strongest
    // separator between the previous word's end and its start, with what was carried in from
    // the blocks before for the first word started here.
    const bool spaces_only = (quote | other) == 0;  // no gap can widen
    Gap gap = gap_;
    uint32_t from = 0;  // the separators before the next start begin at this bit
    if (in_word_) {
      if (ends == 0) {  // the word goes on through the block
        count_ = static_cast<size_t>(d - data_);
        return;
      }
      from = Ctz(ends);
      *d++ = Token{start_, pos + from, gap};
      ends &= ends - 1;
      gap = Gap::kSpace;
    }
    while (starts != 0) {
      const uint32_t k = Ctz(starts);
      starts &= starts - 1;
      if (!spaces_only) gap = std::max(gap, Separators(quote, other, from, k));
      if (ends == 0) {  // a word open at the block's end
        start_ = pos + k;
        in_word_ = true;
        gap_ = gap;
        count_ = static_cast<size_t>(d - data_);
        return;
      }
      from = Ctz(ends);
      ends &= ends - 1;
      *d++ = Token{pos + k, pos + from, gap};
      gap = Gap::kSpace;
    }
    in_word_ = false;
    gap_ = spaces_only ? gap : std::max(gap, Separators(quote, other, from, len));
    count_ = static_cast<size_t>(d - data_);
  }
  void Finish(uint32_t end) {
    if (in_word_) {
      if (count_ == room_) Grow(1);
      data_[count_++] = Token{start_, end, gap_};
    }
    in_word_ = false;
    out_->resize(count_);
    room_ = count_;
  }

 private:
  static uint32_t Ctz(uint32_t x) { return static_cast<uint32_t>(__builtin_ctz(x)); }
  // Room for at least `n` more tokens.
  void Grow(size_t n) {
    out_->resize(std::max(out_->size() * 2, count_ + n + 64));
    data_ = out_->data();
    room_ = out_->size();
  }
  // The strongest separator among bits [from, to) of the masks.
  static Gap Separators(uint32_t quote, uint32_t other, uint32_t from, uint32_t to) {
    const uint32_t upto = to >= 32 ? ~0u : (1u << to) - 1;
    const uint32_t range = upto & ~((1u << from) - 1);
    return (other & range) != 0 ? Gap::kOther : (quote & range) != 0 ? Gap::kQuote : Gap::kSpace;
  }

  std::vector<Token>* out_;
  Token* data_;
  size_t room_;       // out_->size(): tokens [count_, room_) are scratch
  size_t count_ = 0;  // tokens written
  bool in_word_ = false;
  uint32_t start_ = 0;
  Gap gap_ = Gap::kSpace;
};

// Normalize (alam/normalizer.h) and Tokenize in one pass: the tokens of the normalized text.
// `map` may be null. With `written` null, *out is the normalized text; otherwise its first
// *written bytes are, and *out keeps its size (a buffer reused across documents is then never
// zero-filled again).
absl::Status NormalizeAndTokenize(std::string_view input, std::string* out, size_t* written,
                                  OffsetMap* map, std::vector<Token>* tokens,
                                  const NormalizeOptions& options);

// Tests only: the normalizer's block paths (normalizer.cc), which must all give the same text,
// offset map and tokens. Normalize and NormalizeAndTokenize take the widest the CPU has.
enum class BlockPath : uint8_t {
  kPerCharacter = 0,  // no blocks: every character through the per-character paths
  kSse2 = 1,          // 16-byte blocks (x86 builds)
  kAvx2 = 2,          // 32-byte blocks (x86 builds, on CPUs with AVX2)
};
bool BlockPathAvailable(BlockPath path);
// NormalizeAndTokenize on `path` (Normalize when `tokens` is null); kFailedPrecondition when
// the path is not available.
absl::Status NormalizeOnPathForTesting(BlockPath path, std::string_view input, std::string* out,
                                       OffsetMap* map, std::vector<Token>* tokens,
                                       const NormalizeOptions& options);

// Appends the words of `normalized` to `*out` (cleared first). A word is a maximal run of
// letters, combining marks and digits (alam::IsWordCodePoint); invalid bytes separate words.
void Tokenize(std::string_view normalized, std::vector<Token>* out);

}  // namespace alam::internal

#endif  // ALAM_SRC_NORMALIZE_TOKENIZER_H_
