#include "cli/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"

namespace alam::cli {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// The ICU name of an --encoding value.
const char* IcuName(std::string_view name) {
  const std::string n = Lower(name);
  if (n == "cp1256" || n == "windows-1256") return "windows-1256";
  if (n == "iso-8859-6") return "ISO-8859-6";
  return "UTF-8";
}

// The Windows-1256 bytes of Arabic letters (hamza to yeh, tatweel excluded).
bool IsCp1256ArabicLetter(unsigned char b) {
  return (b >= 0xC1 && b <= 0xD6) || (b >= 0xD8 && b <= 0xDB) || (b >= 0xDD && b <= 0xDF) ||
         b == 0xE1 || (b >= 0xE3 && b <= 0xE6) || b == 0xEC || b == 0xED;
}

// An input's first bytes that are UTF-8 with some non-ASCII text in it: read as a single-byte
// encoding they would be mojibake (UTF-8 Arabic as cp1256 reads as Latin and Persian
// letters), never an error. Real cp1256 or ISO-8859-6 Arabic is not UTF-8 beyond a few bytes.
bool LooksLikeUtf8(std::string_view head) {
  size_t high = 0;
  for (unsigned char b : head) high += b >= 0x80;
  return high >= 8 && internal::FindInvalidUtf8(head) + 4 > head.size();
}

}  // namespace

bool IsKnownEncoding(std::string_view name) {
  const std::string n = Lower(name);
  return n == "cp1256" || n == "windows-1256" || n == "iso-8859-6" || n == "utf-8";
}

bool IsUtf8Encoding(std::string_view name) { return name.empty() || Lower(name) == "utf-8"; }

Utf8Converter::Utf8Converter(std::string_view encoding) : name_(encoding) {
  UErrorCode e = U_ZERO_ERROR;
  cnv_ = ucnv_open(IcuName(encoding), &e);
  if (cnv_ != nullptr) {  // a byte without a character is an error, never a silent U+FFFD
    ucnv_setToUCallBack(cnv_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &e);
  }
}

Utf8Converter::~Utf8Converter() {
  if (cnv_ != nullptr) ucnv_close(cnv_);
}

bool Utf8Converter::Convert(std::string_view in, bool last, std::string* out,
                            std::string* error) {
  if (cnv_ == nullptr) {
    *error = internal::Cat("ICU has no converter for ", name_);
    return false;
  }
  if (offset_ == 0 && LooksLikeUtf8(in)) {
    *error = internal::Cat("the input is UTF-8 (its non-ASCII bytes are UTF-8 sequences), not ",
                           name_, ": run again without --encoding");
    return false;
  }
  std::vector<UChar> u16(in.size() + 16);
  const char* src = in.data();
  UChar* dst = u16.data();
  UErrorCode e = U_ZERO_ERROR;
  ucnv_toUnicode(cnv_, &dst, u16.data() + u16.size(), &src, in.data() + in.size(), nullptr,
                 last, &e);
  if (U_FAILURE(e)) {
    char byte[8];
    const size_t at = static_cast<size_t>(src - in.data());
    std::snprintf(byte, sizeof byte, "0x%02X", at > 0 ? static_cast<unsigned char>(src[-1]) : 0);
    *error = internal::Cat("byte ", byte, " at offset ", offset_ + (at > 0 ? at - 1 : 0),
                           " is not a character in ", name_);
    return false;
  }
  offset_ += in.size();
  const int32_t units = static_cast<int32_t>(dst - u16.data());
  const size_t at = out->size();
  out->resize(at + 3 * static_cast<size_t>(units));
  int32_t length = 0;
  u_strToUTF8(out->data() + at, static_cast<int32_t>(out->size() - at), &length, u16.data(),
              units, &e);
  out->resize(at + static_cast<size_t>(std::max(length, 0)));
  return U_SUCCESS(e);
}

std::string Cp1256Hint(std::string_view head) {
  const size_t bad = internal::FindInvalidUtf8(head);
  if (bad + 4 > head.size()) return {};  // valid, or cut inside its last character
  size_t high = 0, letters = 0;
  for (unsigned char b : head) {
    high += b >= 0x80;
    letters += IsCp1256ArabicLetter(b);
  }
  if (high < 4 || letters * 10 < high * 7) return {};
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(head[bad]));
  return internal::Cat("not UTF-8 (byte ", byte, " at offset ", bad, "), and it reads as "
                       "Windows-1256 Arabic: run again with --encoding cp1256");
}

}  // namespace alam::cli
