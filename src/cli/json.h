// Private to the CLI: a small strict JSON reader (one value per call, as JSON Lines needs).
// Writing JSON is the formatter's (format/json_writer.h).
#ifndef ALAM_SRC_CLI_JSON_H_
#define ALAM_SRC_CLI_JSON_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace alam::cli {

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = Kind::kNull;
  bool boolean = false;
  std::string text;  // kString: the decoded string; kNumber: the number as written
  std::vector<JsonValue> items;
  std::vector<std::pair<std::string, JsonValue>> members;
  size_t begin = 0, end = 0;  // where the value is in the text parsed
  // The member named `key` of an object, or nullptr.
  const JsonValue* Find(std::string_view key) const;
  JsonValue* Find(std::string_view key) {
    return const_cast<JsonValue*>(static_cast<const JsonValue&>(*this).Find(key));
  }
  // The member at a dotted path (meta.date: member "date" of member "meta"), or nullptr. A
  // member whose own name is the whole path is found first.
  JsonValue* FindPath(std::string_view path);

};

// Parses exactly one JSON value (surrounding white space allowed). Strings may hold any
// escaped code point, including \u0000; lone surrogates in escapes are errors. JSON text is
// UTF-8: a string holding bytes that are not is an error, except, with `lenient_values`, a
// string value (not a member name), whose bytes are then kept as they are: the CLI's reader
// checks those of ids and kept fields, and the extractor names the invalid byte of a text or
// repairs it (--repair).
absl::StatusOr<JsonValue> ParseJson(std::string_view text, bool lenient_values = false);

// A valid JSON text without the white space outside its strings.
std::string CompactJson(std::string_view json);

// Parses one JSON object, keeping only the top-level members named in `keep` (the others are
// checked for syntax but not stored), with lenient string values. Not an object:
// kInvalidArgument.
absl::StatusOr<JsonValue> ParseJsonObject(std::string_view text, const std::vector<std::string>& keep);

}  // namespace alam::cli

#endif  // ALAM_SRC_CLI_JSON_H_
