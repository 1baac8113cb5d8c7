// Private: whether a text is one JSON value (RFC 8259), for JSON text callers hand in to be
// written as it is (the kept fields of alam/format.h).
#ifndef ALAM_SRC_CORE_JSON_CHECK_H_
#define ALAM_SRC_CORE_JSON_CHECK_H_

#include <string_view>

namespace alam::internal {

// True when `s` is exactly one JSON value, with whitespace around it allowed, its strings
// valid UTF-8, nested at most 64 deep.
bool IsJsonValue(std::string_view s);

}  // namespace alam::internal

#endif  // ALAM_SRC_CORE_JSON_CHECK_H_
