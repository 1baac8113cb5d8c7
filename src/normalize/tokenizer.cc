#include "normalize/tokenizer.h"

#include "normalize/char_table.h"
#include "normalize/utf8.h"

namespace alam::internal {
namespace {

Gap Classify(char32_t cp) {
  switch (cp) {
    case U' ':
    case U'\t':
      return Gap::kSpace;
    case U'"': case U'\'': case U'(': case U')': case U'[': case U']':
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x00AB: case 0x00BB:
    case 0x201E: case 0x2039: case 0x203A:
      return Gap::kQuote;
    default:
      return Gap::kOther;
  }
}

}  // namespace

void Tokenize(std::string_view normalized, std::vector<Token>* out) {
  out->clear();
  const CharTable& table = CharTable::Get();
  const auto* p = reinterpret_cast<const uint8_t*>(normalized.data());
  const size_t n = normalized.size();
  size_t i = 0;
  Gap gap = Gap::kSpace;
  bool in_word = false;
  uint32_t word_start = 0;
  while (i < n) {
    char32_t cp;
    size_t len;
    bool word;
    const uint8_t b = p[i];
    if (b < 0x80) {
      cp = b;
      len = 1;
      word = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    } else if (b >= 0xC2 && b < 0xE0 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      cp = (static_cast<char32_t>(b & 0x1F) << 6) | (p[i + 1] & 0x3F);
      len = 2;
      word = table.bmp(static_cast<uint32_t>(cp)).word;
    } else {
      len = DecodeUtf8(p + i, n - i, &cp);
      if (len == 0) {
        len = 1;
        cp = 0xFFFD;
        word = false;
      } else {
        word = cp < 0x10000 ? table.bmp(static_cast<uint32_t>(cp)).word : CharTable::IsWord(cp);
      }
    }
    if (word) {
      if (!in_word) {
        in_word = true;
        word_start = static_cast<uint32_t>(i);
      }
    } else {
      if (in_word) {
        out->push_back(Token{word_start, static_cast<uint32_t>(i), gap});
        in_word = false;
        gap = Gap::kSpace;
      }
      const Gap g = Classify(cp);
      if (g > gap) gap = g;
    }
    i += len;
  }
  if (in_word) out->push_back(Token{word_start, static_cast<uint32_t>(n), gap});
}

}  // namespace alam::internal
