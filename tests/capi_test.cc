// The C ABI: every function with NULL and bad arguments (status, message, out-params reset),
// and a normal round trip.
#include "alam/alam.h"

#include <cstring>
#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "test_gazetteer.h"
#include "test_util.h"

namespace {

class CApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(alam_options_new(&opts_), ALAM_OK);
    ASSERT_EQ(alam_options_set_int(opts_, ALAM_OPTION_USE_EMBEDDED_DATA, 0), ALAM_OK);
    ASSERT_EQ(alam_options_add_gazetteer_file(opts_, dir_.Write("t.tsv", alam::testing::kTestTable).c_str()),
              ALAM_OK);
    ASSERT_EQ(alam_extractor_new(opts_, &ex_), ALAM_OK) << alam_last_error();
    ASSERT_EQ(alam_scratch_new(ex_, &scratch_), ALAM_OK);
  }
  void TearDown() override {
    alam_scratch_free(scratch_);
    alam_extractor_free(ex_);
    alam_options_free(opts_);
  }
  alam::testing::TempDir dir_;
  alam_options* opts_ = nullptr;
  alam_extractor* ex_ = nullptr;
  alam_scratch* scratch_ = nullptr;
};

TEST_F(CApiTest, Extract) {
  const std::string text = "وصلت قوات سوريا الديمقراطية إلى الرقة";
  const alam_entity_t* es = nullptr;
  size_t n = 0;
  ASSERT_EQ(alam_extract(ex_, scratch_, text.data(), text.size(), &es, &n), ALAM_OK);
  ASSERT_EQ(n, 2u);
  EXPECT_STREQ(es[0].id, "faction:sdf");
  EXPECT_STREQ(es[0].type_name, "FACTION");
  EXPECT_EQ(es[0].type, ALAM_TYPE_FACTION);
  EXPECT_EQ(text.substr(es[1].byte_start, es[1].byte_end - es[1].byte_start), "الرقة");
  EXPECT_STREQ(es[1].source, "alias");
  EXPECT_STREQ(es[1].name_en, "Raqqa");
  EXPECT_EQ(es[0].struct_size, sizeof(alam_entity_t));
  EXPECT_EQ(alam_entity_at(es, 1), &es[1]);
  alam_entry_t entry;
  ALAM_STRUCT_INIT(&entry);
  ASSERT_EQ(alam_extractor_entry(ex_, es[1].id, &entry), ALAM_OK);
  EXPECT_STREQ(entry.parent, "place:raqqa-gov");
  EXPECT_EQ(entry.struct_size, sizeof(alam_entry_t));
  EXPECT_TRUE(ALAM_HAS_FIELD(&entry, alam_entry_t, prominence));
  alam_stats_t st;
  ALAM_STRUCT_INIT(&st);
  ASSERT_EQ(alam_extractor_stats(ex_, &st), ALAM_OK);
  EXPECT_EQ(st.entries, 26u);
  EXPECT_EQ(st.struct_size, sizeof(alam_stats_t));
}

// A caller built against an older alam.h whose structs had fewer fields: the library writes
// only what fits in its struct_size and never a byte beyond (the canary), and says how much
// it wrote.
TEST_F(CApiTest, OlderCallersSmallerStructs) {
  struct OldEntry {  // alam_entry_t up to subtype
    size_t struct_size;
    const char* id;
    alam_entity_type type;
    const char* subtype;
  };
  struct {
    OldEntry e;
    unsigned char canary[sizeof(alam_entry_t)];
  } old;
  std::memset(&old, 0xAB, sizeof old);
  old.e.struct_size = sizeof(OldEntry);
  ASSERT_EQ(alam_extractor_entry(ex_, "place:raqqa", reinterpret_cast<alam_entry_t*>(&old.e)),
            ALAM_OK);
  EXPECT_EQ(old.e.struct_size, sizeof(OldEntry));
  EXPECT_STREQ(old.e.id, "place:raqqa");
  EXPECT_EQ(old.e.type, ALAM_TYPE_PLACE);
  EXPECT_STREQ(old.e.subtype, "city");
  for (unsigned char c : old.canary) ASSERT_EQ(c, 0xAB) << "wrote past struct_size";
  // On failure only the caller's bytes are zeroed.
  old.e.struct_size = sizeof(OldEntry);
  EXPECT_EQ(alam_extractor_entry(ex_, "no:such", reinterpret_cast<alam_entry_t*>(&old.e)),
            ALAM_ERROR_NOT_FOUND);
  EXPECT_EQ(old.e.id, nullptr);
  EXPECT_EQ(old.e.subtype, nullptr);
  for (unsigned char c : old.canary) ASSERT_EQ(c, 0xAB) << "wrote past struct_size";

  struct OldStats {  // alam_stats_t with entries and aliases only
    size_t struct_size, entries, aliases;
  };
  struct {
    OldStats s;
    size_t canary[8];
  } old_stats;
  std::memset(&old_stats, 0xAB, sizeof old_stats);
  old_stats.s.struct_size = sizeof(OldStats);
  ASSERT_EQ(alam_extractor_stats(ex_, reinterpret_cast<alam_stats_t*>(&old_stats.s)), ALAM_OK);
  EXPECT_EQ(old_stats.s.entries, 26u);
  EXPECT_GT(old_stats.s.aliases, 26u);
  for (size_t c : old_stats.canary) ASSERT_EQ(c, ~size_t{0} / 0xFF * 0xAB);
}

// A caller built against a newer alam.h with a larger struct: the library fills what it knows,
// leaves the rest alone, and tells through struct_size.
TEST_F(CApiTest, NewerCallersLargerStructs) {
  struct NewStats {
    alam_stats_t s;
    size_t added_later;
  } st;
  std::memset(&st, 0, sizeof st);
  st.s.struct_size = sizeof(NewStats);
  st.added_later = 42;
  ASSERT_EQ(alam_extractor_stats(ex_, &st.s), ALAM_OK);
  EXPECT_EQ(st.s.struct_size, sizeof(alam_stats_t));
  EXPECT_EQ(st.added_later, 42u);
  EXPECT_EQ(st.s.entries, 26u);
}

// Stepping through an entity array by its struct_size, as a caller with an older, smaller
// alam_entity_t does.
TEST_F(CApiTest, EntityArrayStride) {
  struct OldEntity {
    size_t struct_size;
    size_t start, end, byte_start, byte_end;
  };
  const std::string text = "وصلت قوات سوريا الديمقراطية إلى الرقة";
  const alam_entity_t* es = nullptr;
  size_t n = 0;
  ASSERT_EQ(alam_extract(ex_, scratch_, text.data(), text.size(), &es, &n), ALAM_OK);
  ASSERT_EQ(n, 2u);
  const char* base = reinterpret_cast<const char*>(es);
  for (size_t i = 0; i < n; ++i) {
    OldEntity old;
    std::memcpy(&old, base + i * es[0].struct_size, sizeof old);
    EXPECT_EQ(old.struct_size, sizeof(alam_entity_t));
    EXPECT_EQ(old.byte_start, es[i].byte_start);
    EXPECT_EQ(old.end, es[i].end);
    EXPECT_TRUE(ALAM_HAS_FIELD(alam_entity_at(es, i), alam_entity_t, alternatives));
  }
}

TEST_F(CApiTest, NullArguments) {
  const alam_entity_t* es = reinterpret_cast<const alam_entity_t*>(1);
  size_t n = 7;
  EXPECT_EQ(alam_extract(nullptr, scratch_, "x", 1, &es, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(es, nullptr);
  EXPECT_EQ(n, 0u);
  EXPECT_GT(std::strlen(alam_last_error()), 0u);
  EXPECT_EQ(alam_extract(ex_, nullptr, "x", 1, &es, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_extract(ex_, scratch_, nullptr, 3, &es, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_extract(ex_, scratch_, "x", 1, nullptr, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_extract(ex_, scratch_, "x", 1, &es, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_extract(ex_, scratch_, nullptr, 0, &es, &n), ALAM_OK);  // empty text
  EXPECT_EQ(n, 0u);

  alam_options* o = reinterpret_cast<alam_options*>(1);
  EXPECT_EQ(alam_options_new(nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_set_int(nullptr, ALAM_OPTION_ENABLE_RULES, 1), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_set_double(nullptr, ALAM_OPTION_MIN_SCORE, 0.5), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_add_gazetteer_file(nullptr, "x"), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_add_gazetteer_file(opts_, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_add_rule_file(nullptr, "x"), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_add_rule_file(opts_, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  (void)o;

  alam_extractor* ex = reinterpret_cast<alam_extractor*>(1);
  EXPECT_EQ(alam_extractor_new(nullptr, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_extractor_stats(nullptr, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  alam_stats_t st;
  ALAM_STRUCT_INIT(&st);
  EXPECT_EQ(alam_extractor_stats(ex_, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_extractor_stats(nullptr, &st), ALAM_ERROR_INVALID_ARGUMENT);
  alam_entry_t entry;
  ALAM_STRUCT_INIT(&entry);
  EXPECT_EQ(alam_extractor_entry(nullptr, "x", &entry), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_extractor_entry(ex_, nullptr, &entry), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_extractor_entry(ex_, "x", nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_extractor_entry(ex_, "no:such", &entry), ALAM_ERROR_NOT_FOUND);
  (void)ex;

  alam_scratch* sc = reinterpret_cast<alam_scratch*>(1);
  EXPECT_EQ(alam_scratch_new(nullptr, &sc), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(sc, nullptr);
  EXPECT_EQ(alam_scratch_new(ex_, nullptr), ALAM_ERROR_INVALID_ARGUMENT);

  alam_batch* b = reinterpret_cast<alam_batch*>(1);
  EXPECT_EQ(alam_extract_batch(nullptr, nullptr, nullptr, 0, 1, &b), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(b, nullptr);
  EXPECT_EQ(alam_extract_batch(ex_, nullptr, nullptr, 2, 1, &b), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_extract_batch(ex_, nullptr, nullptr, 0, 1, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  const char* texts[] = {nullptr};
  const size_t lens[] = {4};
  EXPECT_EQ(alam_extract_batch(ex_, texts, lens, 1, 1, &b), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_batch_size(nullptr), 0u);
  EXPECT_EQ(alam_batch_get(nullptr, 0, &es, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_STREQ(alam_batch_error(nullptr, 0), "");

  alam_normalized* nz = reinterpret_cast<alam_normalized*>(1);
  EXPECT_EQ(alam_normalize(nullptr, nullptr, 3, &nz), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(nz, nullptr);
  EXPECT_EQ(alam_normalize(nullptr, "x", 1, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  size_t len = 9;
  EXPECT_STREQ(alam_normalized_text(nullptr, &len), "");
  EXPECT_EQ(len, 0u);
  EXPECT_EQ(alam_normalized_to_original_start(nullptr, 3), 0u);
  EXPECT_EQ(alam_normalized_to_original_end(nullptr, 3), 0u);
  EXPECT_EQ(alam_normalized_codepoint_map(nullptr, nullptr, 0, &len), ALAM_ERROR_INVALID_ARGUMENT);

  // Every free accepts NULL.
  alam_options_free(nullptr);
  alam_extractor_free(nullptr);
  alam_scratch_free(nullptr);
  alam_batch_free(nullptr);
  alam_normalized_free(nullptr);
}

TEST_F(CApiTest, BadOptions) {
  EXPECT_EQ(alam_options_set_int(opts_, static_cast<alam_option>(42), 1), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(alam_last_error()).find("unknown option key 42"), std::string::npos);
  EXPECT_EQ(alam_options_set_double(opts_, static_cast<alam_option>(42), 1), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(alam_last_error()).find("unknown option key 42"), std::string::npos);
  // Each key has one value type.
  EXPECT_EQ(alam_options_set_int(opts_, ALAM_OPTION_MIN_SCORE, 1), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(alam_last_error()).find("ALAM_OPTION_MIN_SCORE"), std::string::npos);
  EXPECT_EQ(alam_options_set_double(opts_, ALAM_OPTION_ENABLE_RULES, 1), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(alam_last_error()).find("ALAM_OPTION_ENABLE_RULES"), std::string::npos);
  EXPECT_EQ(alam_options_set_int(opts_, ALAM_OPTION_ENABLE_RULES, 2), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_set_int(opts_, ALAM_OPTION_MAX_DOCUMENT_BYTES, 0), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_set_double(opts_, ALAM_OPTION_MIN_SCORE, 1.5), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_set_double(opts_, ALAM_OPTION_MIN_SCORE, 0.0 / 0.0),
            ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_options_set_double(opts_, ALAM_OPTION_MIN_SCORE, 0.5), ALAM_OK);
}

TEST_F(CApiTest, ErrorsFromTheLibrary) {
  const alam_entity_t* es;
  size_t n;
  EXPECT_EQ(alam_extract(ex_, scratch_, "\xFF", 1, &es, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(alam_last_error()).find("invalid UTF-8"), std::string::npos);
  alam_options* o;
  ASSERT_EQ(alam_options_new(&o), ALAM_OK);
  ASSERT_EQ(alam_options_add_gazetteer_file(o, "/nonexistent.tsv"), ALAM_OK);
  alam_extractor* ex = reinterpret_cast<alam_extractor*>(1);
  EXPECT_EQ(alam_extractor_new(o, &ex), ALAM_ERROR_NOT_FOUND);
  EXPECT_EQ(ex, nullptr);
  alam_options_free(o);
  // A scratch belongs to one extractor.
  alam_extractor* other;
  ASSERT_EQ(alam_extractor_new(opts_, &other), ALAM_OK);
  EXPECT_EQ(alam_extract(other, scratch_, "x", 1, &es, &n), ALAM_ERROR_FAILED_PRECONDITION);
  alam_extractor_free(other);
}

TEST_F(CApiTest, Batch) {
  const char* texts[] = {"حلب", "\xFF", "الرقة والحسكة"};
  const size_t lens[] = {std::strlen(texts[0]), 1, std::strlen(texts[2])};
  alam_batch* b;
  ASSERT_EQ(alam_extract_batch(ex_, texts, lens, 3, 2, &b), ALAM_OK);
  ASSERT_EQ(alam_batch_size(b), 3u);
  const alam_entity_t* es;
  size_t n;
  EXPECT_EQ(alam_batch_get(b, 0, &es, &n), ALAM_OK);
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(alam_batch_get(b, 1, &es, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(alam_batch_error(b, 1)).find("invalid UTF-8"), std::string::npos);
  EXPECT_EQ(alam_batch_get(b, 2, &es, &n), ALAM_OK);
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(alam_batch_get(b, 3, &es, &n), ALAM_ERROR_OUT_OF_RANGE);
  alam_batch_free(b);
}

TEST_F(CApiTest, Normalize) {
  const std::string in = "الرقـــة ٢٠";
  alam_normalized* nz;
  ASSERT_EQ(alam_normalize(nullptr, in.data(), in.size(), &nz), ALAM_OK);
  size_t len;
  EXPECT_EQ(std::string(alam_normalized_text(nz, &len)), "الرقه 20");
  size_t count;
  ASSERT_EQ(alam_normalized_codepoint_map(nz, nullptr, 0, &count), ALAM_OK);
  EXPECT_EQ(count, 8u);
  std::vector<size_t> map(count + 1);
  EXPECT_EQ(alam_normalized_codepoint_map(nz, map.data(), 2, &count), ALAM_ERROR_OUT_OF_RANGE);
  ASSERT_EQ(alam_normalized_codepoint_map(nz, map.data(), map.size(), &count), ALAM_OK);
  EXPECT_EQ(map[4], 7u);   // ه comes from ة after three tatweels
  EXPECT_EQ(map[6], 9u);   // 2
  EXPECT_EQ(map[8], 11u);  // end
  EXPECT_EQ(alam_normalized_to_original_end(nz, 10), in.find(" "));
  alam_normalized_free(nz);
}

TEST_F(CApiTest, StreamGivesDocumentOffsetsAndText) {
  const std::string text = "وصلت قوات سوريا الديمقراطية\nإلى الرقة";
  alam_stream* stream = nullptr;
  ASSERT_EQ(alam_stream_new(ex_, scratch_, &stream), ALAM_OK) << alam_last_error();
  // The stream holds the scratch.
  const alam_entity_t* es = nullptr;
  size_t n = 0;
  EXPECT_EQ(alam_extract(ex_, scratch_, "x", 1, &es, &n), ALAM_ERROR_FAILED_PRECONDITION);
  std::vector<std::string> found;
  for (size_t at = 0; at < text.size(); at += 5) {  // pieces cut inside characters
    const size_t len = std::min<size_t>(5, text.size() - at);
    ASSERT_EQ(alam_stream_write(stream, text.data() + at, len, &es, &n), ALAM_OK) << alam_last_error();
    for (size_t i = 0; i < n; ++i) found.emplace_back(es[i].text, es[i].text_len);
  }
  ASSERT_EQ(alam_stream_finish(stream, &es, &n), ALAM_OK);
  for (size_t i = 0; i < n; ++i) {
    found.emplace_back(es[i].text, es[i].text_len);
    EXPECT_EQ(text.substr(es[i].byte_start, es[i].byte_end - es[i].byte_start), found.back());
  }
  EXPECT_EQ(found, (std::vector<std::string>{"قوات سوريا الديمقراطية", "الرقة"}));
  EXPECT_EQ(alam_stream_write(stream, "x", 1, &es, &n), ALAM_ERROR_FAILED_PRECONDITION);
  EXPECT_EQ(es, nullptr);
  EXPECT_EQ(n, 0u);
  alam_stream_free(stream);
  EXPECT_EQ(alam_extract(ex_, scratch_, "x", 1, &es, &n), ALAM_OK) << "released by free";
  // Bad arguments: out-params reset, messages set.
  stream = reinterpret_cast<alam_stream*>(1);
  EXPECT_EQ(alam_stream_new(nullptr, scratch_, &stream), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(stream, nullptr);
  EXPECT_EQ(alam_stream_new(ex_, nullptr, &stream), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_stream_new(ex_, scratch_, nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_stream_write(nullptr, "x", 1, &es, &n), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_stream_finish(nullptr, &es, &n), ALAM_ERROR_INVALID_ARGUMENT);
  alam_stream_free(nullptr);
}

TEST_F(CApiTest, RecordsAsTheCommandWritesThem) {
  const char* ids[] = {"a", "b", "c"};
  const size_t id_lens[] = {1, 1, 1};
  const char* texts[] = {"إلى الرقة", "\xFF", nullptr};
  const size_t text_lens[] = {std::strlen(texts[0]), 1, 0};
  const char* errors[] = {nullptr, nullptr, "cannot open c"};
  alam_records* records = nullptr;
  ASSERT_EQ(alam_write_records(ex_, ALAM_RECORD_JSONL, ids, id_lens, texts, text_lens, errors, 3,
                               2, &records), ALAM_OK) << alam_last_error();
  size_t len = 0;
  const char* data = alam_records_data(records, &len);
  const std::string out(data, len);
  EXPECT_EQ(alam_records_failed(records), 2u);
  EXPECT_EQ(out.substr(0, out.find('\n')),
            "{\"doc\": \"a\", \"entities\": [{\"start\": 4, \"end\": 9, \"byte_start\": 7, "
            "\"byte_end\": 17, \"text\": \"الرقة\", \"type\": \"PLACE\", \"subtype\": \"city\", "
            "\"id\": \"place:raqqa\", \"name_ar\": \"الرقة\", \"name_en\": \"Raqqa\", "
            "\"score\": 0.85, \"source\": \"alias\", \"alias\": \"الرقه\", \"alternatives\": 1, "
            "\"country\": \"SY\", \"parent\": \"place:raqqa-gov\", \"governorate\": \"place:raqqa-gov\"}]}")
      << "the city, 0.90 less the namesake penalty (the governorate bears the name too)";
  EXPECT_NE(out.find("{\"doc\": \"b\", \"error\": \"invalid UTF-8 at byte 0 (byte 0xff)\", "
                     "\"entities\": []}\n"), std::string::npos);
  EXPECT_NE(out.find("{\"doc\": \"c\", \"error\": \"cannot open c\", \"entities\": []}\n"),
            std::string::npos);
  alam_records_free(records);
  records = reinterpret_cast<alam_records*>(1);
  EXPECT_EQ(alam_write_records(ex_, static_cast<alam_record_format>(7), ids, id_lens, texts,
                               text_lens, nullptr, 3, 1, &records), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(records, nullptr);
  EXPECT_EQ(alam_write_records(nullptr, ALAM_RECORD_BIO, ids, id_lens, texts, text_lens, nullptr,
                               3, 1, &records), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_write_records(ex_, ALAM_RECORD_BIO, nullptr, id_lens, texts, text_lens, nullptr,
                               3, 1, &records), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_write_records(ex_, ALAM_RECORD_BIO, ids, id_lens, texts, text_lens, nullptr, 3, 1,
                               nullptr), ALAM_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(alam_records_data(nullptr, &len), nullptr);
  EXPECT_EQ(len, 0u);
  EXPECT_EQ(alam_records_failed(nullptr), 0u);
  alam_records_free(nullptr);
}

TEST(CApiVersionTest, Version) {
  EXPECT_EQ(alam_version_number(), static_cast<uint32_t>(ALAM_VERSION_NUMBER));
  EXPECT_STREQ(alam_version_string(), ALAM_VERSION_STRING);
  EXPECT_STREQ(alam_status_name(ALAM_ERROR_NOT_FOUND), "ALAM_ERROR_NOT_FOUND");
  EXPECT_STREQ(alam_status_name(static_cast<alam_status>(7)), "ALAM_ERROR_DATA_LOSS");
}

}  // namespace
