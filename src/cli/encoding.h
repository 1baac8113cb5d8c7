// Private to the CLI: --encoding (input bytes converted to UTF-8 by ICU before anything else
// reads them), and the check that names a Windows-1256 input read without it.
#ifndef ALAM_SRC_CLI_ENCODING_H_
#define ALAM_SRC_CLI_ENCODING_H_

#include <memory>
#include <string>
#include <string_view>

struct UConverter;

namespace alam::cli {

// The encodings --encoding accepts (any case): cp1256, windows-1256, iso-8859-6, utf-8.
bool IsKnownEncoding(std::string_view name);
// True for utf-8 (or ""): nothing to convert.
bool IsUtf8Encoding(std::string_view name);

// Converts one input's bytes, chunk by chunk, to UTF-8.
class Utf8Converter {
 public:
  explicit Utf8Converter(std::string_view encoding);
  ~Utf8Converter();
  // Appends the UTF-8 of `in` to *out; `last` for the input's last chunk. False when a byte
  // has no character in the encoding (*error names it and its offset in the input).
  bool Convert(std::string_view in, bool last, std::string* out, std::string* error);

 private:
  UConverter* cnv_ = nullptr;
  std::string name_;
  uint64_t offset_ = 0;  // input bytes converted before this chunk
};

// When `head`, an input's first bytes, is not UTF-8 and reads as Windows-1256 Arabic: the
// message saying so (suggesting --encoding cp1256); otherwise empty.
std::string Cp1256Hint(std::string_view head);

}  // namespace alam::cli

#endif  // ALAM_SRC_CLI_ENCODING_H_
