// Helpers of the robustness tests (hostile input, malformed data files, concurrency misuse):
// shared extractors, span checks against the UTF-8 boundary oracle of the fuzz targets, and
// sanitizer detection for the size of the huge inputs.
#ifndef ALAM_TESTS_ROBUSTNESS_UTIL_H_
#define ALAM_TESTS_ROBUSTNESS_UTIL_H_

#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "alam/extractor.h"
#include "fuzz/fuzz_check.h"
#include "gtest/gtest.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define ALAM_TESTS_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define ALAM_TESTS_SANITIZED 1
#endif
#endif
#ifndef ALAM_TESTS_SANITIZED
#define ALAM_TESTS_SANITIZED 0
#endif

namespace alam::robust {

inline constexpr bool kSanitized = ALAM_TESTS_SANITIZED != 0;
#ifdef NDEBUG
inline constexpr bool kOptimized = !kSanitized;
#else
inline constexpr bool kOptimized = false;
#endif

// The default extractor (embedded data), built once per process.
inline const Extractor& Default() {
  static const Extractor* const ex = [] {
    auto e = Extractor::Create();
    EXPECT_TRUE(e.ok()) << e.status();
    return e->release();
  }();
  return *ex;
}

// The embedded data with repair of invalid UTF-8.
inline const Extractor& Repairing() {
  static const Extractor* const ex = [] {
    ExtractorOptions o;
    o.repair_invalid_utf8 = true;
    auto e = Extractor::Create(o);
    EXPECT_TRUE(e.ok()) << e.status();
    return e->release();
  }();
  return *ex;
}

// Every entity slices `text` exactly, on character boundaries, with code point offsets that
// agree with the byte offsets; entities are in order and do not overlap.
inline void ExpectSpansSliceExactly(std::string_view text, const std::vector<Entity>& ents) {
  const fuzz::Boundaries b(text);
  size_t prev = 0;
  for (const Entity& e : ents) {
    ASSERT_LT(e.byte_start, e.byte_end);
    ASSERT_LE(e.byte_end, text.size());
    ASSERT_GE(e.byte_start, prev) << "overlap or disorder at " << e.byte_start;
    prev = e.byte_end;
    ASSERT_TRUE(b.boundary[e.byte_start] && b.boundary[e.byte_end]) << e.byte_start;
    ASSERT_EQ(e.text.data(), text.data() + e.byte_start);
    ASSERT_EQ(e.text.size(), e.byte_end - e.byte_start);
    ASSERT_EQ(e.start, b.cp_index[e.byte_start]);
    ASSERT_EQ(e.end, b.cp_index[e.byte_end]);
  }
}

// Texts of the entities, in order.
inline std::vector<std::string> Texts(const std::vector<Entity>& ents) {
  std::vector<std::string> out;
  for (const Entity& e : ents) out.emplace_back(e.text);
  return out;
}
inline std::vector<std::string> Ids(const std::vector<Entity>& ents) {
  std::vector<std::string> out;
  for (const Entity& e : ents) out.emplace_back(e.id);
  return out;
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string Msg(const absl::Status& s) { return std::string(s.message()); }

}  // namespace alam::robust

#endif  // ALAM_TESTS_ROBUSTNESS_UTIL_H_
