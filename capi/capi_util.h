// Shared by the capi/*.cc files: the opaque handles' definitions, the thread-local error
// message, status conversion, the exception guard, and the versioned-struct helpers.
// Internal to the library (hidden symbols, namespace alam::internal::capi).
#ifndef ALAM_CAPI_CAPI_UTIL_H_
#define ALAM_CAPI_CAPI_UTIL_H_

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "alam/alam.h"
#include "alam/extractor.h"
#include "alam/normalizer.h"

struct alam_options {
  alam::ExtractorOptions options;
};
struct alam_extractor {
  std::unique_ptr<alam::Extractor> extractor;
};
struct alam_scratch {
  const alam_extractor* owner;
  std::unique_ptr<alam::Scratch> scratch;
  std::vector<alam::Entity> entities;
  std::vector<alam_entity_t> out;
};
struct alam_batch {
  std::vector<std::vector<alam_entity_t>> docs;
  std::vector<absl::Status> statuses;
  std::vector<std::string> messages;
};
struct alam_normalized {
  std::string original;
  std::string text;
  alam::OffsetMap map;
};

namespace alam::internal::capi {

// Records `message` as the calling thread's last error and returns `code`.
alam_status Fail(alam_status code, std::string message);
// ALAM_OK, or the alam_status of a failed absl::Status (its message recorded).
alam_status FromStatus(const absl::Status& s);

// A field's C string. The non-empty fields are NUL-terminated where they live; an empty one
// may point into the middle of its source line (an empty TSV column), so it is "" here.
inline const char* CStr(std::string_view v) { return v.empty() ? "" : v.data(); }

// The C form of an entity (its strings point into the extractor, its text into the caller's).
alam_entity_t ToC(const alam::Entity& e);

// Runs f, turning exceptions (bad_alloc above all) into status codes.
template <typename F>
alam_status Guard(F f) {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    return Fail(ALAM_ERROR_RESOURCE_EXHAUSTED, "out of memory");
  } catch (const std::exception& e) {
    return Fail(ALAM_ERROR_INTERNAL, e.what());
  } catch (...) {
    return Fail(ALAM_ERROR_INTERNAL, "unknown error");
  }
}

// Versioned structs the caller passes in (alam.h, "Growing the ABI"). The caller's struct may
// be smaller than the library's T (an older header), so *out is only ever accessed as bytes,
// and never past min(caller's struct_size, sizeof(T)).

// The number of bytes of *out the library may write, after checking its struct_size: 0 with a
// failure recorded (nothing written) when out is NULL or struct_size < sizeof(size_t).
// Otherwise zeroes those bytes and stores their count in struct_size, so that every failure
// after this leaves the out-param zeroed.
template <typename T>
size_t OpenOut(T* out, const char* name, alam_status* status) {
  *status = ALAM_OK;
  size_t size = 0;
  if (out != nullptr) std::memcpy(&size, out, sizeof size);
  if (out == nullptr || size < sizeof(size_t)) {
    *status = Fail(ALAM_ERROR_INVALID_ARGUMENT,
                   std::string(name) + (out == nullptr ? " is NULL"
                                                       : "->struct_size is below sizeof(size_t): "
                                                         "set it to the struct's sizeof"));
    return 0;
  }
  size = std::min(size, sizeof(T));
  std::memset(out, 0, size);
  std::memcpy(out, &size, sizeof size);
  return size;
}

// Writes the first `size` bytes (from OpenOut) of value into *out, keeping struct_size.
template <typename T>
void CloseOut(T value, T* out, size_t size) {
  value.struct_size = size;
  std::memcpy(out, &value, size);
}

}  // namespace alam::internal::capi

#endif  // ALAM_CAPI_CAPI_UTIL_H_
