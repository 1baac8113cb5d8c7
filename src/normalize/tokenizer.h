// Private: splits normalized text into words. One tokenizer serves the gazetteer compiler
// (aliases) and the matcher (documents), so both see the same word boundaries.
#ifndef ALAM_SRC_NORMALIZE_TOKENIZER_H_
#define ALAM_SRC_NORMALIZE_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace alam::internal {

// What separates a word from the word before it.
enum class Gap : uint8_t {
  kSpace = 0,  // only white space (or the start of the text)
  kQuote = 1,  // white space and quotes or brackets: “ ” " « » ( ) [ ] ' ‘ ’
  kOther = 2,  // anything else: punctuation, line breaks … (a clause boundary)
};

struct Token {
  uint32_t start;  // byte offsets into the normalized text
  uint32_t end;
  Gap gap;         // separation from the previous token
};

// Appends the words of `normalized` to `*out` (cleared first). A word is a maximal run of
// letters, combining marks and digits (alam::IsWordCodePoint); invalid bytes separate words.
void Tokenize(std::string_view normalized, std::vector<Token>* out);

}  // namespace alam::internal

#endif  // ALAM_SRC_NORMALIZE_TOKENIZER_H_
