#include "normalize/tokenizer.h"

#include "normalize/char_table.h"
#include "core/utf8.h"

namespace alam::internal {

void Tokenize(std::string_view normalized, std::vector<Token>* out) {
  TokenBuilder tb(out);
  const CharTable& table = CharTable::Get();
  const auto* p = reinterpret_cast<const uint8_t*>(normalized.data());
  const size_t n = normalized.size();
  size_t i = 0;
  while (i < n) {
    char32_t cp;
    size_t len = DecodeUtf8(p + i, n - i, &cp);
    CharClass c;
    if (len == 0) {
      len = 1;
      c = CharClass::kOther;  // an invalid byte separates words
    } else {
      c = cp < 0x10000 ? table.bmp(static_cast<uint32_t>(cp)).self_class : CharTable::ClassOf(cp);
    }
    tb.Add(c, static_cast<uint32_t>(i));
    i += len;
  }
  tb.Finish(static_cast<uint32_t>(n));
}

}  // namespace alam::internal
