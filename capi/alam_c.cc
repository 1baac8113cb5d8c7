// The C ABI (alam/alam.h), part 1: version, status names, the thread-local error message and
// options by key. extern "C" shims over the C++ API: argument checks, status codes, and no
// exception crossing the boundary. Part 2 is capi/extract_c.cc, part 3 capi/normalize_c.cc.
#include <string>

#include "capi_util.h"

namespace alam::internal::capi {
namespace {
thread_local std::string g_last_error;
}  // namespace

alam_status Fail(alam_status code, std::string message) {
  g_last_error = std::move(message);
  return code;
}

alam_status FromStatus(const absl::Status& s) {
  if (s.ok()) return ALAM_OK;
  alam_status code = ALAM_ERROR_INTERNAL;
  switch (s.code()) {
    case absl::StatusCode::kInvalidArgument: code = ALAM_ERROR_INVALID_ARGUMENT; break;
    case absl::StatusCode::kNotFound: code = ALAM_ERROR_NOT_FOUND; break;
    case absl::StatusCode::kOutOfRange: code = ALAM_ERROR_OUT_OF_RANGE; break;
    case absl::StatusCode::kFailedPrecondition: code = ALAM_ERROR_FAILED_PRECONDITION; break;
    case absl::StatusCode::kResourceExhausted: code = ALAM_ERROR_RESOURCE_EXHAUSTED; break;
    case absl::StatusCode::kDataLoss: code = ALAM_ERROR_DATA_LOSS; break;
    default: break;
  }
  return Fail(code, std::string(s.message()));
}

namespace {

// The options: each key, its name and its one value type. A new key is a new row here, a new
// case in SetInt or SetDouble, and a new enumerator in alam.h.
enum class ValueType { kInt, kDouble };
struct OptionInfo {
  int key;
  const char* name;
  ValueType type;
};
constexpr OptionInfo kOptions[] = {
    {ALAM_OPTION_USE_EMBEDDED_DATA, "ALAM_OPTION_USE_EMBEDDED_DATA", ValueType::kInt},
    {ALAM_OPTION_ENABLE_RULES, "ALAM_OPTION_ENABLE_RULES", ValueType::kInt},
    {ALAM_OPTION_KEEP_UNGATED, "ALAM_OPTION_KEEP_UNGATED", ValueType::kInt},
    {ALAM_OPTION_REPAIR_INVALID_UTF8, "ALAM_OPTION_REPAIR_INVALID_UTF8", ValueType::kInt},
    {ALAM_OPTION_MAX_DOCUMENT_BYTES, "ALAM_OPTION_MAX_DOCUMENT_BYTES", ValueType::kInt},
    {ALAM_OPTION_MIN_SCORE, "ALAM_OPTION_MIN_SCORE", ValueType::kDouble},
    {ALAM_OPTION_EXPLAIN_FEATURES, "ALAM_OPTION_EXPLAIN_FEATURES", ValueType::kInt},
};

// The row of `key` when `options` is set and the key takes `type`; NULL with the failure
// recorded in *status otherwise.
const OptionInfo* Lookup(const alam_options* options, int key, ValueType type,
                         alam_status* status) {
  *status = ALAM_OK;
  if (options == nullptr) {
    *status = Fail(ALAM_ERROR_INVALID_ARGUMENT, "options is NULL");
    return nullptr;
  }
  for (const OptionInfo& o : kOptions) {
    if (o.key != key) continue;
    if (o.type == type) return &o;
    const char* use = o.type == ValueType::kInt ? " takes an integer: use alam_options_set_int"
                                                : " takes a double: use alam_options_set_double";
    *status = Fail(ALAM_ERROR_INVALID_ARGUMENT, std::string("option ") + o.name + use);
    return nullptr;
  }
  *status = Fail(ALAM_ERROR_INVALID_ARGUMENT, "unknown option key " + std::to_string(key));
  return nullptr;
}

alam_status SetFlag(const OptionInfo& o, int64_t value, bool* field) {
  if (value != 0 && value != 1) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, std::string("option ") + o.name +
                                                 " takes 0 or 1, not " + std::to_string(value));
  }
  *field = value == 1;
  return ALAM_OK;
}

}  // namespace
}  // namespace alam::internal::capi

using alam::internal::capi::Fail;
using alam::internal::capi::Guard;

extern "C" {

uint32_t alam_version_number(void) { return ALAM_VERSION_NUMBER; }
const char* alam_version_string(void) { return ALAM_VERSION_STRING; }

const char* alam_status_name(alam_status status) {
  switch (status) {
    case ALAM_OK: return "ALAM_OK";
    case ALAM_ERROR_INVALID_ARGUMENT: return "ALAM_ERROR_INVALID_ARGUMENT";
    case ALAM_ERROR_NOT_FOUND: return "ALAM_ERROR_NOT_FOUND";
    case ALAM_ERROR_OUT_OF_RANGE: return "ALAM_ERROR_OUT_OF_RANGE";
    case ALAM_ERROR_FAILED_PRECONDITION: return "ALAM_ERROR_FAILED_PRECONDITION";
    case ALAM_ERROR_RESOURCE_EXHAUSTED: return "ALAM_ERROR_RESOURCE_EXHAUSTED";
    case ALAM_ERROR_INTERNAL: return "ALAM_ERROR_INTERNAL";
    case ALAM_ERROR_DATA_LOSS: return "ALAM_ERROR_DATA_LOSS";
  }
  return "ALAM_UNKNOWN_STATUS";
}

const char* alam_last_error(void) { return alam::internal::capi::g_last_error.c_str(); }

alam_status alam_options_new(alam_options** out_options) {
  if (out_options == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "out_options is NULL");
  *out_options = nullptr;
  return Guard([&] {
    *out_options = new alam_options();
    return ALAM_OK;
  });
}

void alam_options_free(alam_options* options) { delete options; }

alam_status alam_options_set_int(alam_options* options, alam_option key, int64_t value) {
  using alam::internal::capi::SetFlag;
  alam_status status;
  const auto* o = alam::internal::capi::Lookup(options, static_cast<int>(key),
                                               alam::internal::capi::ValueType::kInt, &status);
  if (o == nullptr) return status;
  alam::ExtractorOptions& opts = options->options;
  switch (o->key) {
    case ALAM_OPTION_USE_EMBEDDED_DATA: return SetFlag(*o, value, &opts.use_embedded_data);
    case ALAM_OPTION_ENABLE_RULES: return SetFlag(*o, value, &opts.enable_rules);
    case ALAM_OPTION_KEEP_UNGATED: return SetFlag(*o, value, &opts.keep_ungated);
    case ALAM_OPTION_REPAIR_INVALID_UTF8: return SetFlag(*o, value, &opts.repair_invalid_utf8);
    case ALAM_OPTION_MAX_DOCUMENT_BYTES:
      if (value <= 0) {
        return Fail(ALAM_ERROR_INVALID_ARGUMENT, "option ALAM_OPTION_MAX_DOCUMENT_BYTES must be "
                                                 "> 0, not " + std::to_string(value));
      }
      opts.max_document_bytes = static_cast<size_t>(value);
      return ALAM_OK;
    case ALAM_OPTION_EXPLAIN_FEATURES:
      if (value < -1) {
        return Fail(ALAM_ERROR_INVALID_ARGUMENT, "option ALAM_OPTION_EXPLAIN_FEATURES must be "
                                                 ">= -1, not " + std::to_string(value));
      }
      opts.explain_features = value == -1 ? SIZE_MAX : static_cast<size_t>(value);
      return ALAM_OK;
    default: break;
  }
  return Fail(ALAM_ERROR_INTERNAL, std::string("option ") + o->name + " has no integer setter");
}

alam_status alam_options_set_double(alam_options* options, alam_option key, double value) {
  alam_status status;
  const auto* o = alam::internal::capi::Lookup(options, static_cast<int>(key),
                                               alam::internal::capi::ValueType::kDouble, &status);
  if (o == nullptr) return status;
  switch (o->key) {
    case ALAM_OPTION_MIN_SCORE:
      if (!(value >= 0 && value <= 1)) {
        return Fail(ALAM_ERROR_INVALID_ARGUMENT,
                    "option ALAM_OPTION_MIN_SCORE must be in [0, 1], not " + std::to_string(value));
      }
      options->options.min_score = value;
      return ALAM_OK;
    default: break;
  }
  return Fail(ALAM_ERROR_INTERNAL, std::string("option ") + o->name + " has no double setter");
}

alam_status alam_options_add_gazetteer_file(alam_options* options, const char* path) {
  if (options == nullptr || path == nullptr) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "options and path must not be NULL");
  }
  return Guard([&] {
    options->options.gazetteer_files.emplace_back(path);
    return ALAM_OK;
  });
}

alam_status alam_options_add_rule_file(alam_options* options, const char* path) {
  if (options == nullptr || path == nullptr) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "options and path must not be NULL");
  }
  return Guard([&] {
    options->options.rule_files.emplace_back(path);
    return ALAM_OK;
  });
}

}  // extern "C"
