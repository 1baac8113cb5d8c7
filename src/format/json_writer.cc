#include "format/json_writer.h"

#include <cstdint>
#include <cstring>

#include "core/json_scan.h"
#include "core/utf8.h"

namespace alam::internal {

namespace {

// Writes the JSON form of a byte JSON must escape (IsJsonSpecial with del) or of any other
// single byte at `p` (at most 6 bytes); returns the end.
char* PutEscaped(uint8_t c, char* p) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto two = [&](char second) {
    p[0] = '\\';
    p[1] = second;
    return p + 2;
  };
  switch (c) {
    case '"': return two('"');
    case '\\': return two('\\');
    case '\n': return two('n');
    case '\r': return two('r');
    case '\t': return two('t');
    default:
      if (c < 0x20 || c == 0x7F) {
        std::memcpy(p, "\\u00", 4);
        p[4] = kHex[c >> 4];
        p[5] = kHex[c & 15];
        return p + 6;
      }
      *p = static_cast<char>(c);
      return p + 1;
  }
}

void AppendEscaped(uint8_t c, std::string* out) {
  char buf[6];
  out->append(buf, static_cast<size_t>(PutEscaped(c, buf) - buf));
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  // Short strings (entity texts, aliases, ids) are checked in one pass for both validity and
  // bytes to escape; most need neither and are copied whole.
  if (s.size() < 64) {
    size_t k = 0;
    while (k < s.size()) {
      const uint8_t c = p[k];
      if (c < 0x80) {
        if (IsJsonSpecial(c, /*del=*/true)) break;
        ++k;
      } else if (c >= 0xC2 && c <= 0xDF && k + 1 < s.size() && (p[k + 1] & 0xC0) == 0x80) {
        k += 2;  // a two-byte character: all of Arabic
      } else {
        char32_t cp;
        const size_t len = DecodeUtf8(p + k, s.size() - k, &cp);
        if (len == 0) break;
        k += len;
      }
    }
    if (k == s.size()) {
      out->append(s);
      out->push_back('"');
      return;
    }
  }
  // Runs without a byte JSON must escape are copied whole once they are known to be valid
  // UTF-8 (a character never straddles the end of a run: its bytes are all >= 0x80).
  size_t i = 0;
  while (i < s.size()) {
    const size_t j = i + FindJsonSpecial(s.data() + i, s.size() - i, /*del=*/true);
    if (j > i) {
      const size_t bad = i + FindInvalidUtf8(s.substr(i, j - i));
      out->append(s.data() + i, bad - i);
      i = bad;
      if (bad < j) {
        out->append("\\ufffd");
        ++i;
        continue;
      }
      if (i == s.size()) break;
    }
    AppendEscaped(p[i], out);
    ++i;
  }
  out->push_back('"');
}

char* PutValidJsonString(std::string_view s, char* p) {
  *p++ = '"';
  for (size_t i = 0; i < s.size();) {
    const size_t j = i + FindJsonSpecial(s.data() + i, s.size() - i, /*del=*/true);
    std::memcpy(p, s.data() + i, j - i);
    p += j - i;
    if (j == s.size()) break;
    p = PutEscaped(static_cast<uint8_t>(s[j]), p);
    i = j + 1;
  }
  *p++ = '"';
  return p;
}

void AppendValidJsonString(std::string_view s, std::string* out) {
  const size_t at = out->size();
  out->resize(at + ValidJsonStringBound(s));
  out->resize(static_cast<size_t>(PutValidJsonString(s, out->data() + at) - out->data()));
}

}  // namespace alam::internal
