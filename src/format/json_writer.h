// Private: JSON string literals for the record writers (and the CLI's messages).
#ifndef ALAM_SRC_FORMAT_JSON_WRITER_H_
#define ALAM_SRC_FORMAT_JSON_WRITER_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace alam::internal {

// Appends `s` as a JSON string literal (with quotes). Invalid UTF-8 bytes become \ufffd.
void AppendJsonString(std::string_view s, std::string* out);
// The same for a string known to be valid UTF-8 (gazetteer and rule data, which are checked
// when loaded; text the extractor has checked): only the bytes to escape are looked for.
void AppendValidJsonString(std::string_view s, std::string* out);
// AppendValidJsonString into memory: writes at `p`, which has room for
// ValidJsonStringBound(s) bytes, and returns the end.
char* PutValidJsonString(std::string_view s, char* p);
inline size_t ValidJsonStringBound(std::string_view s) { return 6 * s.size() + 2; }

}  // namespace alam::internal

#endif  // ALAM_SRC_FORMAT_JSON_WRITER_H_
