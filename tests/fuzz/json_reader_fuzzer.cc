// Fuzz target: the CLI's JSON reader (src/cli/json.cc: ParseJson, ParseJsonObject), which
// parses the records of untrusted JSON Lines dumps, and its string writer on what it read.
//
// Properties checked on every input:
//   * no crash, no sanitizer report, and a bounded recursion (nesting is limited);
//   * every string ParseJson returns, member names included, is valid UTF-8 (json.h: "lone
//     surrogates and invalid UTF-8 are errors");
//   * ParseJsonObject with a keep list accepts exactly the objects ParseJson with lenient
//     values accepts and returns their kept top-level members, in order (its skipping path is
//     separate code); the lenient parse accepts what the strict one does, and more only for
//     string values that are not UTF-8 (the reader's ids and the extractor check those);
//   * a string read back from AppendJsonString / AppendValidJsonString's output is the same.
// And when the input carries an expectation (a seed written by make_json_corpus.py, see
// below), the reader's result equals the one Python's json module gave for the same bytes.
//
// Expectation format: <JSON text> kMarker <expected> "\n" <hash>, where <expected> is the
// canonical form of Python's result (see Canonical) or "error", and <hash> the 16 hex digits
// of FNV-1a 64 over <JSON text> kMarker <expected>. The hash makes a mutated seed (libFuzzer)
// an ordinary input instead of a false failure.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "cli/json.h"
#include "format/json_writer.h"
#include "fuzz_check.h"

namespace {

using alam::cli::JsonValue;

constexpr char kMarkerBytes[] = "\n\0\0python-expects";  // and the literal's closing NUL
constexpr std::string_view kMarker(kMarkerBytes, sizeof kMarkerBytes);

// A canonical text of a parsed value, written the same way by make_json_corpus.py: null n,
// booleans t/f, numbers #<as written>, strings "<hex of the UTF-8 bytes>", arrays [a,b],
// objects {"<hex>":v,...} with every member in input order (duplicates kept).
void Canonical(const JsonValue& v, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto hex = [&](const std::string& s) {
    out->push_back('"');
    for (unsigned char c : s) {
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    }
    out->push_back('"');
  };
  switch (v.kind) {
    case JsonValue::Kind::kNull: *out += 'n'; return;
    case JsonValue::Kind::kBool: *out += v.boolean ? 't' : 'f'; return;
    case JsonValue::Kind::kNumber: *out += '#'; *out += v.text; return;
    case JsonValue::Kind::kString: hex(v.text); return;
    case JsonValue::Kind::kArray:
      *out += '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) *out += ',';
        Canonical(v.items[i], out);
      }
      *out += ']';
      return;
    case JsonValue::Kind::kObject:
      *out += '{';
      for (size_t i = 0; i < v.members.size(); ++i) {
        if (i > 0) *out += ',';
        hex(v.members[i].first);
        *out += ':';
        Canonical(v.members[i].second, out);
      }
      *out += '}';
      return;
  }
}

std::string Fnv1a64Hex(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// Splits a seed with an intact expectation into its JSON text and expected result.
bool SplitExpectation(std::string_view input, std::string_view* json, std::string_view* expected) {
  const size_t at = input.find(kMarker);
  if (at == std::string_view::npos) return false;
  const size_t nl = input.rfind('\n');
  if (nl == std::string_view::npos || nl < at + kMarker.size()) return false;
  if (Fnv1a64Hex(input.substr(0, nl)) != input.substr(nl + 1)) return false;
  *json = input.substr(0, at);
  *expected = input.substr(at + kMarker.size(), nl - at - kMarker.size());
  return true;
}

void CheckStringsValid(const JsonValue& v) {
  if (v.kind == JsonValue::Kind::kString) FUZZ_CHECK(alam::fuzz::IsValidUtf8(v.text));
  for (const JsonValue& item : v.items) CheckStringsValid(item);
  for (const auto& [key, member] : v.members) {
    FUZZ_CHECK(alam::fuzz::IsValidUtf8(key));
    CheckStringsValid(member);
  }
}

// Writing a string and reading it back gives it again (only for valid UTF-8: the writer
// replaces invalid bytes, and the unchecked writer's contract excludes them).
void CheckRoundTrip(const std::string& s) {
  if (!alam::fuzz::IsValidUtf8(s)) return;
  std::string checked, unchecked;
  alam::internal::AppendJsonString(s, &checked);
  alam::internal::AppendValidJsonString(s, &unchecked);
  FUZZ_CHECK(checked.size() <= alam::internal::ValidJsonStringBound(s));
  for (const std::string* written : {&checked, &unchecked}) {
    absl::StatusOr<JsonValue> back = alam::cli::ParseJson(*written);
    FUZZ_CHECK(back.ok());
    FUZZ_CHECK(back->kind == JsonValue::Kind::kString);
    FUZZ_CHECK(back->text == s);
  }
}

void CheckRoundTrips(const JsonValue& v) {
  if (v.kind == JsonValue::Kind::kString) CheckRoundTrip(v.text);
  for (const JsonValue& item : v.items) CheckRoundTrips(item);
  for (const auto& [key, member] : v.members) {
    CheckRoundTrip(key);
    CheckRoundTrips(member);
  }
}

bool AllStringsValid(const JsonValue& v) {
  if (v.kind == JsonValue::Kind::kString && !alam::fuzz::IsValidUtf8(v.text)) return false;
  for (const JsonValue& item : v.items) {
    if (!AllStringsValid(item)) return false;
  }
  for (const auto& [key, member] : v.members) {
    if (!AllStringsValid(member)) return false;
  }
  return true;
}

// ParseJsonObject keeps the top-level members named in `keep`, exactly as ParseJson read them.
// It keeps the bytes of string values that are not UTF-8 (ParseJson rejects them): then it
// accepts what the lenient ParseJson accepts, and its member names are still UTF-8.
void CheckKeepAgrees(std::string_view json, const absl::StatusOr<JsonValue>& full) {
  const absl::StatusOr<JsonValue> lenient = alam::cli::ParseJson(json, /*lenient_values=*/true);
  if (full.ok()) {  // strict acceptance implies lenient acceptance, with the same value
    FUZZ_CHECK(lenient.ok());
  } else if (lenient.ok()) {  // only invalid UTF-8 in values made the difference
    FUZZ_CHECK(!AllStringsValid(*lenient));
    for (const auto& [key, member] : lenient->members) FUZZ_CHECK(alam::fuzz::IsValidUtf8(key));
  }
  std::vector<std::string> keep = {"id", "text", "title"};
  if (lenient.ok() && !lenient->members.empty()) keep.push_back(lenient->members.front().first);
  const absl::StatusOr<JsonValue> kept = alam::cli::ParseJsonObject(json, keep);
  const bool object = lenient.ok() && lenient->kind == JsonValue::Kind::kObject;
  FUZZ_CHECK(kept.ok() == object);
  if (!object) return;
  const JsonValue& whole = *lenient;
  FUZZ_CHECK(kept->kind == JsonValue::Kind::kObject);
  size_t k = 0;
  for (const auto& [key, member] : whole.members) {
    bool wanted = false;
    for (const std::string& w : keep) wanted = wanted || w == key;
    if (!wanted) continue;
    FUZZ_CHECK(k < kept->members.size());
    FUZZ_CHECK(kept->members[k].first == key);
    std::string a, b;
    Canonical(member, &a);
    Canonical(kept->members[k].second, &b);
    FUZZ_CHECK(a == b);
    ++k;
  }
  FUZZ_CHECK(k == kept->members.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view json = input, expected;
  const bool has_expectation = SplitExpectation(input, &json, &expected);

  const absl::StatusOr<JsonValue> v = alam::cli::ParseJson(json);
  if (v.ok()) {
    CheckStringsValid(*v);
    CheckRoundTrips(*v);
  } else {
    FUZZ_CHECK(v.status().code() == absl::StatusCode::kInvalidArgument);
  }
  CheckKeepAgrees(json, v);

  if (has_expectation) {
    std::string got = "error";
    if (v.ok()) {
      got.clear();
      Canonical(*v, &got);
    }
    if (got != expected) {
      std::fprintf(stderr, "Python's json module gives %.*s\nthe reader gives %s\n",
                   static_cast<int>(std::min<size_t>(expected.size(), 2000)), expected.data(),
                   got.substr(0, 2000).c_str());
    }
    FUZZ_CHECK(got == expected);
  }
  return 0;
}
