// The C ABI (alam/alam.h), part 3: the normalizer and its offset maps.
#include <string>

#include "capi_util.h"
#include "core/utf8.h"

namespace alam::internal::capi {
namespace {

// Length of the UTF-8 sequence at p[0, n), counting an invalid byte as one code point.
size_t StepUtf8(const uint8_t* p, size_t n) {
  char32_t c;
  const size_t l = alam::internal::DecodeUtf8(p, n, &c);
  return l == 0 ? 1 : l;
}

// Number of code points in s[0, end), counting each invalid byte as one, resuming a walk.
struct CodePointWalker {
  std::string_view s;
  size_t byte = 0, count = 0;
  size_t To(size_t end) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    for (; byte < end; ++count) byte += StepUtf8(p + byte, s.size() - byte);
    return count;
  }
};

}  // namespace
}  // namespace alam::internal::capi

using alam::internal::capi::Fail;
using alam::internal::capi::FromStatus;
using alam::internal::capi::Guard;

extern "C" {

alam_status alam_normalize(const alam_options* options, const char* text, size_t len,
                           alam_normalized** out_normalized) {
  if (out_normalized == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "out_normalized is NULL");
  *out_normalized = nullptr;
  if (text == nullptr && len != 0) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "text is NULL but len is not 0");
  return Guard([&] {
    auto n = std::make_unique<alam_normalized>();
    alam::NormalizeOptions opt;
    opt.repair_invalid_utf8 = options != nullptr && options->options.repair_invalid_utf8;
    const std::string_view in(text == nullptr ? "" : text, len);
    absl::Status s = alam::Normalize(in, &n->text, &n->map, opt);
    if (!s.ok()) return FromStatus(s);
    n->original.assign(in);
    *out_normalized = n.release();
    return ALAM_OK;
  });
}

const char* alam_normalized_text(const alam_normalized* normalized, size_t* out_len) {
  if (normalized == nullptr) {
    if (out_len != nullptr) *out_len = 0;
    return "";
  }
  if (out_len != nullptr) *out_len = normalized->text.size();
  return normalized->text.c_str();
}

size_t alam_normalized_to_original_start(const alam_normalized* normalized, size_t offset) {
  return normalized == nullptr ? 0 : normalized->map.ToOriginalStart(offset);
}

size_t alam_normalized_to_original_end(const alam_normalized* normalized, size_t offset) {
  return normalized == nullptr ? 0 : normalized->map.ToOriginalEnd(offset);
}

alam_status alam_normalized_codepoint_map(const alam_normalized* normalized, size_t* out_map,
                                          size_t capacity, size_t* out_count) {
  using alam::internal::capi::StepUtf8;
  if (out_count != nullptr) *out_count = 0;
  if (normalized == nullptr || out_count == nullptr) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "normalized and out_count must not be NULL");
  }
  const std::string& t = normalized->text;
  const auto* p = reinterpret_cast<const uint8_t*>(t.data());
  size_t count = 0;
  for (size_t i = 0; i < t.size(); ++count) i += StepUtf8(p + i, t.size() - i);
  if (out_map == nullptr) {
    *out_count = count;
    return ALAM_OK;
  }
  if (capacity < count + 1) {
    return Fail(ALAM_ERROR_OUT_OF_RANGE, "out_map needs count + 1 = " + std::to_string(count + 1) +
                                             " elements");
  }
  alam::internal::capi::CodePointWalker orig{normalized->original};
  size_t k = 0;
  for (size_t i = 0; i < t.size(); ++k) {
    out_map[k] = orig.To(normalized->map.ToOriginalStart(i));
    i += StepUtf8(p + i, t.size() - i);
  }
  out_map[count] = orig.To(normalized->original.size());
  *out_count = count;
  return ALAM_OK;
}

void alam_normalized_free(alam_normalized* normalized) { delete normalized; }

}  // extern "C"
