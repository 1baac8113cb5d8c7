// The C ABI given NULL and bad arguments, function by function (Hyperscan arg_checks style):
// the status code, the out-params set to NULL/0 (poisoned before each call), a non-empty
// alam_last_error(), and every *_free(NULL) being a no-op.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "alam/alam.h"
#include "gtest/gtest.h"
#include "test_util.h"

namespace {

alam_entity_t* const kPoisonEntities = reinterpret_cast<alam_entity_t*>(0x1);
constexpr size_t kPoison = 0xDEADBEEF;

class CArgsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_EQ(alam_extractor_new(nullptr, &ex_), ALAM_OK) << alam_last_error();
  }
  static void TearDownTestSuite() {
    alam_extractor_free(ex_);
    ex_ = nullptr;
  }
  static alam_extractor* ex_;
};
alam_extractor* CArgsTest::ex_ = nullptr;

#define EXPECT_FAILS_WITH(call, code)                      \
  do {                                                     \
    const alam_status st_ = (call);                        \
    EXPECT_EQ(st_, code) << #call << ": " << alam_status_name(st_); \
    EXPECT_STRNE(alam_last_error(), "") << #call;          \
  } while (0)

TEST_F(CArgsTest, FreeNullIsFine) {
  alam_options_free(nullptr);
  alam_extractor_free(nullptr);
  alam_scratch_free(nullptr);
  alam_batch_free(nullptr);
  alam_normalized_free(nullptr);
}

TEST_F(CArgsTest, StatusNames) {
  EXPECT_STREQ(alam_status_name(ALAM_OK), "ALAM_OK");
  EXPECT_STREQ(alam_status_name(ALAM_ERROR_DATA_LOSS), "ALAM_ERROR_DATA_LOSS");
  EXPECT_NE(alam_version_string(), nullptr);
  EXPECT_GT(alam_version_number(), 0u);
}

TEST_F(CArgsTest, Options) {
  EXPECT_FAILS_WITH(alam_options_new(nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_options_set_int(nullptr, ALAM_OPTION_KEEP_UNGATED, 1),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_options_set_double(nullptr, ALAM_OPTION_MIN_SCORE, 0.5),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_options_add_gazetteer_file(nullptr, "x"), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_options_add_rule_file(nullptr, "x"), ALAM_ERROR_INVALID_ARGUMENT);
  alam_options* o = reinterpret_cast<alam_options*>(0x1);
  ASSERT_EQ(alam_options_new(&o), ALAM_OK);
  ASSERT_NE(o, nullptr);
  EXPECT_FAILS_WITH(alam_options_add_gazetteer_file(o, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_options_add_rule_file(o, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  for (alam_option k : {ALAM_OPTION_USE_EMBEDDED_DATA, ALAM_OPTION_ENABLE_RULES,
                        ALAM_OPTION_KEEP_UNGATED, ALAM_OPTION_REPAIR_INVALID_UTF8}) {
    EXPECT_FAILS_WITH(alam_options_set_int(o, k, 2), ALAM_ERROR_INVALID_ARGUMENT);
    EXPECT_FAILS_WITH(alam_options_set_int(o, k, -1), ALAM_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(alam_options_set_int(o, k, 1), ALAM_OK);
  }
  EXPECT_FAILS_WITH(alam_options_set_int(o, ALAM_OPTION_MAX_DOCUMENT_BYTES, 0),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_options_set_int(o, ALAM_OPTION_MAX_DOCUMENT_BYTES, -5),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_options_set_int(o, ALAM_OPTION_EXPLAIN_FEATURES, -2),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_set_int(o, ALAM_OPTION_EXPLAIN_FEATURES, -1), ALAM_OK);
  EXPECT_EQ(alam_options_set_int(o, ALAM_OPTION_EXPLAIN_FEATURES, 5), ALAM_OK);
  // Unknown keys, through both setters (C callers may pass any int; the enum is 32 bits wide).
  for (int k : {0, 8, 42, -1, 0x7FFFFFFF}) {
    EXPECT_FAILS_WITH(alam_options_set_int(o, static_cast<alam_option>(k), 1),
                      ALAM_ERROR_INVALID_ARGUMENT);
    EXPECT_NE(std::strstr(alam_last_error(), ("unknown option key " + std::to_string(k)).c_str()),
              nullptr) << alam_last_error();
    EXPECT_FAILS_WITH(alam_options_set_double(o, static_cast<alam_option>(k), 0.5),
                      ALAM_ERROR_INVALID_ARGUMENT);
    EXPECT_NE(std::strstr(alam_last_error(), ("unknown option key " + std::to_string(k)).c_str()),
              nullptr) << alam_last_error();
  }
  // The wrong setter for a key's value type names the key.
  for (alam_option k : {ALAM_OPTION_USE_EMBEDDED_DATA, ALAM_OPTION_ENABLE_RULES,
                        ALAM_OPTION_KEEP_UNGATED, ALAM_OPTION_REPAIR_INVALID_UTF8,
                        ALAM_OPTION_MAX_DOCUMENT_BYTES, ALAM_OPTION_EXPLAIN_FEATURES}) {
    EXPECT_FAILS_WITH(alam_options_set_double(o, k, 1.0), ALAM_ERROR_INVALID_ARGUMENT);
    EXPECT_NE(std::strstr(alam_last_error(), "alam_options_set_int"), nullptr) << alam_last_error();
  }
  EXPECT_FAILS_WITH(alam_options_set_int(o, ALAM_OPTION_MIN_SCORE, 0), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(std::strstr(alam_last_error(), "ALAM_OPTION_MIN_SCORE"), nullptr) << alam_last_error();
  EXPECT_FAILS_WITH(alam_options_set_double(o, ALAM_OPTION_MIN_SCORE, -0.1),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_options_set_double(o, ALAM_OPTION_MIN_SCORE, 1.5),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_options_set_double(o, ALAM_OPTION_MIN_SCORE, std::nan("")),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_options_set_double(o, ALAM_OPTION_MIN_SCORE, HUGE_VAL),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_set_double(o, ALAM_OPTION_MIN_SCORE, 1.0), ALAM_OK);
  EXPECT_EQ(alam_options_set_double(o, ALAM_OPTION_MIN_SCORE, 0.0), ALAM_OK);
  // A missing data file surfaces when the extractor is built.
  ASSERT_EQ(alam_options_add_gazetteer_file(o, "/nonexistent/alam/x.tsv"), ALAM_OK);
  alam_extractor* ex = reinterpret_cast<alam_extractor*>(0x1);
  EXPECT_FAILS_WITH(alam_extractor_new(o, &ex), ALAM_ERROR_NOT_FOUND);
  EXPECT_EQ(ex, nullptr);
  alam_options_free(o);
}

TEST_F(CArgsTest, MalformedDataFileThroughTheCAbi) {
  alam::testing::TempDir dir;
  const std::string path = dir.Write("bad.tsv", "id\ttype\tname_ar\nplace:x\tPLACE\n");
  alam_options* o = nullptr;
  ASSERT_EQ(alam_options_new(&o), ALAM_OK);
  ASSERT_EQ(alam_options_add_gazetteer_file(o, path.c_str()), ALAM_OK);
  alam_extractor* ex = reinterpret_cast<alam_extractor*>(0x1);
  EXPECT_FAILS_WITH(alam_extractor_new(o, &ex), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ex, nullptr);
  EXPECT_NE(std::strstr(alam_last_error(), "bad.tsv:2:"), nullptr) << alam_last_error();
  alam_options_free(o);
}

TEST_F(CArgsTest, ExtractorNewStatsEntry) {
  EXPECT_FAILS_WITH(alam_extractor_new(nullptr, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  alam_stats_t stats;
  auto poison_stats = [&] {
    std::memset(&stats, 0xAB, sizeof stats);
    stats.struct_size = sizeof stats;
  };
  poison_stats();
  EXPECT_FAILS_WITH(alam_extractor_stats(nullptr, &stats), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(stats.entries, 0u) << "out_stats not zeroed on failure";
  EXPECT_EQ(stats.triggers, 0u);
  EXPECT_EQ(stats.struct_size, sizeof stats);
  EXPECT_FAILS_WITH(alam_extractor_stats(ex_, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  // struct_size never set (0) or too small to hold itself: nothing is written.
  for (size_t bad : {size_t{0}, size_t{1}, sizeof(size_t) - 1}) {
    poison_stats();
    stats.struct_size = bad;
    EXPECT_FAILS_WITH(alam_extractor_stats(ex_, &stats), ALAM_ERROR_INVALID_ARGUMENT);
    EXPECT_NE(std::strstr(alam_last_error(), "struct_size"), nullptr) << alam_last_error();
    EXPECT_EQ(stats.struct_size, bad);
    EXPECT_NE(stats.entries, 0u) << "written although struct_size was " << bad;
  }
  poison_stats();
  ASSERT_EQ(alam_extractor_stats(ex_, &stats), ALAM_OK);
  EXPECT_GT(stats.entries, 1000u);

  alam_entry_t entry;
  auto poison_entry = [&] {
    std::memset(&entry, 0xAB, sizeof entry);
    entry.struct_size = sizeof entry;
  };
  poison_entry();
  EXPECT_FAILS_WITH(alam_extractor_entry(nullptr, "place:iq-mosul", &entry),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(entry.id, nullptr) << "out_entry not zeroed on failure";
  EXPECT_EQ(entry.prominence, 0) << "out_entry not zeroed on failure";
  poison_entry();
  EXPECT_FAILS_WITH(alam_extractor_entry(ex_, nullptr, &entry), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(entry.id, nullptr) << "out_entry not zeroed on failure";
  EXPECT_FAILS_WITH(alam_extractor_entry(ex_, "place:iq-mosul", nullptr),
                    ALAM_ERROR_INVALID_ARGUMENT);
  poison_entry();
  EXPECT_FAILS_WITH(alam_extractor_entry(ex_, "place:no-such-place", &entry),
                    ALAM_ERROR_NOT_FOUND);
  EXPECT_EQ(entry.id, nullptr) << "out_entry not zeroed on failure";
  poison_entry();
  entry.struct_size = 0;
  EXPECT_FAILS_WITH(alam_extractor_entry(ex_, "place:iq-mosul", &entry),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(entry.id, nullptr) << "written although struct_size was 0";
  EXPECT_EQ(entry.struct_size, 0u);
  poison_entry();
  EXPECT_FAILS_WITH(alam_extractor_entry(ex_, "", &entry), ALAM_ERROR_NOT_FOUND);
  poison_entry();
  ASSERT_EQ(alam_extractor_entry(ex_, "place:iq-mosul", &entry), ALAM_OK);
  EXPECT_STREQ(entry.id, "place:iq-mosul");
  EXPECT_EQ(entry.struct_size, sizeof entry);
  // Exactly struct_size: the struct_size field alone, nothing else written.
  poison_entry();
  entry.struct_size = sizeof(size_t);
  ASSERT_EQ(alam_extractor_entry(ex_, "place:iq-mosul", &entry), ALAM_OK);
  EXPECT_EQ(entry.struct_size, sizeof(size_t));
  EXPECT_FALSE(ALAM_HAS_FIELD(&entry, alam_entry_t, id));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(entry.id), ~uintptr_t{0} / 0xFF * 0xAB);
}

TEST_F(CArgsTest, ScratchAndExtract) {
  EXPECT_FAILS_WITH(alam_scratch_new(ex_, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  alam_scratch* s = reinterpret_cast<alam_scratch*>(0x1);
  EXPECT_FAILS_WITH(alam_scratch_new(nullptr, &s), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(s, nullptr);
  ASSERT_EQ(alam_scratch_new(ex_, &s), ALAM_OK);

  const alam_entity_t* ents = kPoisonEntities;
  size_t n = kPoison;
  auto reset = [&] {
    ents = kPoisonEntities;
    n = kPoison;
  };
  EXPECT_FAILS_WITH(alam_extract(nullptr, s, "x", 1, &ents, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ents, nullptr);
  EXPECT_EQ(n, 0u);
  reset();
  EXPECT_FAILS_WITH(alam_extract(ex_, nullptr, "x", 1, &ents, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ents, nullptr);
  EXPECT_EQ(n, 0u);
  reset();
  EXPECT_FAILS_WITH(alam_extract(ex_, s, nullptr, 5, &ents, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ents, nullptr);
  EXPECT_EQ(n, 0u);
  reset();
  EXPECT_FAILS_WITH(alam_extract(ex_, s, "x", 1, nullptr, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(n, 0u);
  EXPECT_FAILS_WITH(alam_extract(ex_, s, "x", 1, &ents, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ents, nullptr);
  reset();
  EXPECT_EQ(alam_extract(ex_, s, nullptr, 0, &ents, &n), ALAM_OK);
  EXPECT_EQ(n, 0u);
  reset();
  EXPECT_FAILS_WITH(alam_extract(ex_, s, "\xED\xA0\x80", 3, &ents, &n),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ents, nullptr);
  EXPECT_EQ(n, 0u);
  EXPECT_NE(std::strstr(alam_last_error(), "byte 0"), nullptr) << alam_last_error();
  // NUL inside: pointer + length, never a C string.
  const char text[] = "\0\xD8\xA7\xD9\x84\xD9\x85\xD9\x88\xD8\xB5\xD9\x84";  // NUL + الموصل
  reset();
  ASSERT_EQ(alam_extract(ex_, s, text, sizeof text - 1, &ents, &n), ALAM_OK);
  ASSERT_EQ(n, 1u);
  EXPECT_EQ(ents[0].byte_start, 1u);
  EXPECT_EQ(ents[0].start, 1u);
  EXPECT_EQ(ents[0].byte_end, sizeof text - 1);
  EXPECT_STREQ(ents[0].type_name, "PLACE");
  EXPECT_EQ(ents[0].struct_size, sizeof(alam_entity_t));
  alam_scratch_free(s);
}

TEST_F(CArgsTest, MaxDocumentBytes) {
  alam_options* o = nullptr;
  ASSERT_EQ(alam_options_new(&o), ALAM_OK);
  ASSERT_EQ(alam_options_set_int(o, ALAM_OPTION_MAX_DOCUMENT_BYTES, 4), ALAM_OK);
  alam_extractor* ex = nullptr;
  ASSERT_EQ(alam_extractor_new(o, &ex), ALAM_OK);
  alam_scratch* s = nullptr;
  ASSERT_EQ(alam_scratch_new(ex, &s), ALAM_OK);
  const alam_entity_t* ents = kPoisonEntities;
  size_t n = kPoison;
  EXPECT_FAILS_WITH(alam_extract(ex, s, "abcde", 5, &ents, &n), ALAM_ERROR_OUT_OF_RANGE);
  EXPECT_EQ(ents, nullptr);
  EXPECT_EQ(n, 0u);
  EXPECT_EQ(alam_extract(ex, s, "abcd", 4, &ents, &n), ALAM_OK);
  alam_scratch_free(s);
  alam_extractor_free(ex);
  alam_options_free(o);
}

TEST_F(CArgsTest, Batch) {
  alam_batch* b = reinterpret_cast<alam_batch*>(0x1);
  EXPECT_FAILS_WITH(alam_extract_batch(ex_, nullptr, nullptr, 0, 1, nullptr),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_extract_batch(nullptr, nullptr, nullptr, 0, 1, &b),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(b, nullptr);
  b = reinterpret_cast<alam_batch*>(0x1);
  const size_t lens[2] = {1, 1};
  EXPECT_FAILS_WITH(alam_extract_batch(ex_, nullptr, lens, 2, 1, &b), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(b, nullptr);
  const char* texts[3] = {"a", nullptr, "\xFF"};
  EXPECT_FAILS_WITH(alam_extract_batch(ex_, texts, nullptr, 2, 1, &b), ALAM_ERROR_INVALID_ARGUMENT);
  const size_t bad_lens[3] = {1, 3, 1};
  EXPECT_FAILS_WITH(alam_extract_batch(ex_, texts, bad_lens, 3, 1, &b),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(b, nullptr);
  // Empty batch.
  ASSERT_EQ(alam_extract_batch(ex_, nullptr, nullptr, 0, 0, &b), ALAM_OK);
  EXPECT_EQ(alam_batch_size(b), 0u);
  alam_batch_free(b);
  // A NULL text of length 0 and a failing document.
  const size_t ok_lens[3] = {1, 0, 1};
  ASSERT_EQ(alam_extract_batch(ex_, texts, ok_lens, 3, 2, &b), ALAM_OK);
  ASSERT_EQ(alam_batch_size(b), 3u);
  const alam_entity_t* ents = kPoisonEntities;
  size_t n = kPoison;
  EXPECT_EQ(alam_batch_get(b, 0, &ents, &n), ALAM_OK);
  EXPECT_EQ(alam_batch_get(b, 1, &ents, &n), ALAM_OK);
  ents = kPoisonEntities;
  n = kPoison;
  EXPECT_FAILS_WITH(alam_batch_get(b, 2, &ents, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(ents, nullptr);
  EXPECT_EQ(n, 0u);
  EXPECT_STRNE(alam_batch_error(b, 2), "");
  EXPECT_STREQ(alam_batch_error(b, 0), "");
  ents = kPoisonEntities;
  n = kPoison;
  EXPECT_FAILS_WITH(alam_batch_get(b, 3, &ents, &n), ALAM_ERROR_OUT_OF_RANGE);
  EXPECT_EQ(ents, nullptr);
  EXPECT_EQ(n, 0u);
  EXPECT_FAILS_WITH(alam_batch_get(b, SIZE_MAX, &ents, &n), ALAM_ERROR_OUT_OF_RANGE);
  EXPECT_FAILS_WITH(alam_batch_get(nullptr, 0, &ents, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_batch_get(b, 0, nullptr, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_batch_get(b, 0, &ents, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(alam_batch_error(b, 3), "");
  EXPECT_STREQ(alam_batch_error(nullptr, 0), "");
  EXPECT_EQ(alam_batch_size(nullptr), 0u);
  alam_batch_free(b);
}

TEST_F(CArgsTest, Normalize) {
  alam_normalized* nz = reinterpret_cast<alam_normalized*>(0x1);
  alam_options* repair = nullptr;
  ASSERT_EQ(alam_options_new(&repair), ALAM_OK);
  ASSERT_EQ(alam_options_set_int(repair, ALAM_OPTION_REPAIR_INVALID_UTF8, 1), ALAM_OK);
  EXPECT_FAILS_WITH(alam_normalize(nullptr, "x", 1, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_normalize(repair, "x", 1, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_FAILS_WITH(alam_normalize(nullptr, nullptr, 1, &nz), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(nz, nullptr);
  nz = reinterpret_cast<alam_normalized*>(0x1);
  EXPECT_FAILS_WITH(alam_normalize(repair, nullptr, 1, &nz), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(nz, nullptr);
  nz = reinterpret_cast<alam_normalized*>(0x1);
  EXPECT_FAILS_WITH(alam_normalize(nullptr, "a\xC0\xAF", 3, &nz), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(nz, nullptr);
  EXPECT_NE(std::strstr(alam_last_error(), "byte 1"), nullptr) << alam_last_error();

  size_t len = kPoison;
  EXPECT_STREQ(alam_normalized_text(nullptr, &len), "");
  EXPECT_EQ(len, 0u);
  EXPECT_STREQ(alam_normalized_text(nullptr, nullptr), "");
  EXPECT_EQ(alam_normalized_to_original_start(nullptr, 5), 0u);
  EXPECT_EQ(alam_normalized_to_original_end(nullptr, 5), 0u);
  size_t count = kPoison;
  EXPECT_FAILS_WITH(alam_normalized_codepoint_map(nullptr, nullptr, 0, &count),
                    ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(count, 0u);

  // Options that do not repair fail on the same text.
  alam_options* strict = nullptr;
  ASSERT_EQ(alam_options_new(&strict), ALAM_OK);
  ASSERT_EQ(alam_options_set_int(strict, ALAM_OPTION_REPAIR_INVALID_UTF8, 0), ALAM_OK);
  nz = reinterpret_cast<alam_normalized*>(0x1);
  EXPECT_FAILS_WITH(alam_normalize(strict, "a\xC0\xAF", 3, &nz), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(nz, nullptr);
  alam_options_free(strict);
  ASSERT_EQ(alam_normalize(repair, "a\xC0\xAF\0b", 5, &nz), ALAM_OK);
  alam_options_free(repair);
  const char* t = alam_normalized_text(nz, &len);
  EXPECT_EQ(std::string(t, len), std::string("a\xEF\xBF\xBD\xEF\xBF\xBD\0b", 9));
  // Offsets past the end clamp to the original size.
  EXPECT_EQ(alam_normalized_to_original_start(nz, 1000), 5u);
  EXPECT_EQ(alam_normalized_to_original_end(nz, 1000), 5u);
  EXPECT_FAILS_WITH(alam_normalized_codepoint_map(nz, nullptr, 0, nullptr),
                    ALAM_ERROR_INVALID_ARGUMENT);
  ASSERT_EQ(alam_normalized_codepoint_map(nz, nullptr, 0, &count), ALAM_OK);
  ASSERT_EQ(count, 5u);
  size_t map[6];
  size_t small_count = kPoison;
  EXPECT_FAILS_WITH(alam_normalized_codepoint_map(nz, map, 5, &small_count),
                    ALAM_ERROR_OUT_OF_RANGE);
  EXPECT_EQ(small_count, 0u) << "out_count not 0 on failure (alam.h: out-params are 0)";
  ASSERT_EQ(alam_normalized_codepoint_map(nz, map, 6, &count), ALAM_OK);
  const size_t expected[6] = {0, 1, 2, 3, 4, 5};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(map[i], expected[i]) << i;
  alam_normalized_free(nz);

  // Empty input, NULL pointer with length 0.
  ASSERT_EQ(alam_normalize(nullptr, nullptr, 0, &nz), ALAM_OK);
  EXPECT_STREQ(alam_normalized_text(nz, &len), "");
  EXPECT_EQ(len, 0u);
  ASSERT_EQ(alam_normalized_codepoint_map(nz, map, 1, &count), ALAM_OK);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(map[0], 0u);
  alam_normalized_free(nz);
}

}  // namespace
