// extern "C" shims over the C++ API: argument checks, status codes, a thread-local error
// message, and no exception crossing the boundary.
#include "alam/alam.h"

#include <new>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "alam/extractor.h"
#include "alam/normalizer.h"
#include "core/utf8.h"

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

namespace {
// Number of code points in s[0, end), counting each invalid byte as one, resuming a walk.
struct CodePointWalker {
  std::string_view s;
  size_t byte = 0, count = 0;
  size_t To(size_t end) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    while (byte < end) {
      char32_t c;
      const size_t l = alam::internal::DecodeUtf8(p + byte, s.size() - byte, &c);
      byte += l == 0 ? 1 : l;
      ++count;
    }
    return count;
  }
};
}  // namespace

namespace {

thread_local std::string g_last_error;

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

const char* CStr(std::string_view v) { return v.data() == nullptr ? "" : v.data(); }

alam_entity_t ToC(const alam::Entity& e) {
  alam_entity_t c;
  c.start = e.start;
  c.end = e.end;
  c.byte_start = e.byte_start;
  c.byte_end = e.byte_end;
  c.type = static_cast<alam_entity_type>(e.type);
  c.type_name = CStr(alam::EntityTypeName(e.type));
  c.subtype = CStr(e.subtype);
  c.id = CStr(e.id);
  c.name_ar = CStr(e.name_ar);
  c.name_en = CStr(e.name_en);
  c.source = CStr(e.source);
  c.alias = CStr(e.alias);
  c.score = e.score;
  c.alternatives = e.alternatives;
  return c;
}

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

}  // namespace

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

const char* alam_last_error(void) { return g_last_error.c_str(); }

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
  if (options == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "options is NULL");
  auto flag = [&](bool* field) {
    if (value != 0 && value != 1) {
      return Fail(ALAM_ERROR_INVALID_ARGUMENT, "this option takes 0 or 1");
    }
    *field = value == 1;
    return ALAM_OK;
  };
  alam::ExtractorOptions& o = options->options;
  switch (key) {
    case ALAM_OPTION_USE_EMBEDDED_DATA: return flag(&o.use_embedded_data);
    case ALAM_OPTION_ENABLE_RULES: return flag(&o.enable_rules);
    case ALAM_OPTION_KEEP_UNGATED: return flag(&o.keep_ungated);
    case ALAM_OPTION_REPAIR_INVALID_UTF8: return flag(&o.repair_invalid_utf8);
    case ALAM_OPTION_MAX_DOCUMENT_BYTES:
      if (value <= 0) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "max document bytes must be > 0");
      o.max_document_bytes = static_cast<size_t>(value);
      return ALAM_OK;
  }
  return Fail(ALAM_ERROR_INVALID_ARGUMENT, "unknown option key " + std::to_string(key));
}

alam_status alam_options_set_min_score(alam_options* options, double min_score) {
  if (options == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "options is NULL");
  if (!(min_score >= 0 && min_score <= 1)) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "min_score must be in [0, 1]");
  }
  options->options.min_score = min_score;
  return ALAM_OK;
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

alam_status alam_extractor_new(const alam_options* options, alam_extractor** out_extractor) {
  if (out_extractor == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "out_extractor is NULL");
  *out_extractor = nullptr;
  return Guard([&] {
    auto ex = alam::Extractor::Create(options != nullptr ? options->options
                                                         : alam::ExtractorOptions());
    if (!ex.ok()) return FromStatus(ex.status());
    *out_extractor = new alam_extractor{std::move(*ex)};
    return ALAM_OK;
  });
}

void alam_extractor_free(alam_extractor* extractor) { delete extractor; }

alam_status alam_extractor_stats(const alam_extractor* extractor, alam_stats_t* out_stats) {
  if (out_stats != nullptr) *out_stats = alam_stats_t{};
  if (extractor == nullptr || out_stats == nullptr) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "extractor and out_stats must not be NULL");
  }
  return Guard([&] {  // the first call counts the gazetteer, which allocates
    const alam::GazetteerStats& s = extractor->extractor->stats();
    *out_stats = alam_stats_t{s.entries, s.aliases, s.ambiguous_aliases, s.rules, s.triggers};
    return ALAM_OK;
  });
}

alam_status alam_extractor_entry(const alam_extractor* extractor, const char* id,
                                 alam_entry_t* out_entry) {
  if (out_entry != nullptr) *out_entry = alam_entry_t{};
  if (extractor == nullptr || id == nullptr || out_entry == nullptr) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "extractor, id and out_entry must not be NULL");
  }
  const alam::EntryInfo* e = extractor->extractor->FindEntry(id);
  if (e == nullptr) return Fail(ALAM_ERROR_NOT_FOUND, std::string("no entry with id ") + id);
  *out_entry = alam_entry_t{CStr(e->id), static_cast<alam_entity_type>(e->type),
                            CStr(e->subtype), CStr(e->name_ar), CStr(e->name_en),
                            CStr(e->country), CStr(e->parent_id), CStr(e->pcode),
                            CStr(e->wikidata), CStr(e->geonames), CStr(e->un_ref),
                            CStr(e->valid_from), CStr(e->valid_to), CStr(e->role),
                            CStr(e->source), e->lat, e->lon, e->has_coordinates ? 1 : 0,
                            e->coordinates_approximate ? 1 : 0, e->prominence};
  return ALAM_OK;
}

alam_status alam_scratch_new(const alam_extractor* extractor, alam_scratch** out_scratch) {
  if (out_scratch == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "out_scratch is NULL");
  *out_scratch = nullptr;
  if (extractor == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "extractor is NULL");
  return Guard([&] {
    *out_scratch = new alam_scratch{extractor, extractor->extractor->NewScratch(), {}, {}};
    return ALAM_OK;
  });
}

void alam_scratch_free(alam_scratch* scratch) { delete scratch; }

alam_status alam_extract(const alam_extractor* extractor, alam_scratch* scratch,
                         const char* text, size_t len, const alam_entity_t** out_entities,
                         size_t* out_count) {
  if (out_entities != nullptr) *out_entities = nullptr;
  if (out_count != nullptr) *out_count = 0;
  if (extractor == nullptr || scratch == nullptr || out_entities == nullptr ||
      out_count == nullptr) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT,
                "extractor, scratch, out_entities and out_count must not be NULL");
  }
  if (text == nullptr && len != 0) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "text is NULL but len is not 0");
  }
  if (scratch->owner != extractor) {
    return Fail(ALAM_ERROR_FAILED_PRECONDITION, "the scratch belongs to another extractor");
  }
  return Guard([&] {
    absl::Status s = extractor->extractor->Extract(std::string_view(text == nullptr ? "" : text, len),
                                                   scratch->scratch.get(), &scratch->entities);
    if (!s.ok()) return FromStatus(s);
    scratch->out.clear();
    for (const alam::Entity& e : scratch->entities) scratch->out.push_back(ToC(e));
    *out_entities = scratch->out.data();
    *out_count = scratch->out.size();
    return ALAM_OK;
  });
}

alam_status alam_extract_batch(const alam_extractor* extractor, const char* const* texts,
                               const size_t* lens, size_t n, unsigned threads,
                               alam_batch** out_batch) {
  if (out_batch == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "out_batch is NULL");
  *out_batch = nullptr;
  if (extractor == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "extractor is NULL");
  if (n > 0 && (texts == nullptr || lens == nullptr)) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "texts and lens must not be NULL");
  }
  for (size_t i = 0; i < n; ++i) {
    if (texts[i] == nullptr && lens[i] != 0) {
      return Fail(ALAM_ERROR_INVALID_ARGUMENT,
                  "texts[" + std::to_string(i) + "] is NULL but its length is not 0");
    }
  }
  return Guard([&] {
    std::vector<std::string_view> views(n);
    for (size_t i = 0; i < n; ++i) views[i] = std::string_view(texts[i] ? texts[i] : "", lens[i]);
    std::vector<std::vector<alam::Entity>> results;
    auto batch = std::make_unique<alam_batch>();
    extractor->extractor->ExtractBatch(views, threads, &results, &batch->statuses);
    batch->docs.resize(n);
    batch->messages.resize(n);
    for (size_t i = 0; i < n; ++i) {
      for (const alam::Entity& e : results[i]) batch->docs[i].push_back(ToC(e));
      batch->messages[i] = std::string(batch->statuses[i].message());
    }
    *out_batch = batch.release();
    return ALAM_OK;
  });
}

size_t alam_batch_size(const alam_batch* batch) { return batch == nullptr ? 0 : batch->docs.size(); }

alam_status alam_batch_get(const alam_batch* batch, size_t i, const alam_entity_t** out_entities,
                           size_t* out_count) {
  if (out_entities != nullptr) *out_entities = nullptr;
  if (out_count != nullptr) *out_count = 0;
  if (batch == nullptr || out_entities == nullptr || out_count == nullptr) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "batch, out_entities and out_count must not be NULL");
  }
  if (i >= batch->docs.size()) {
    return Fail(ALAM_ERROR_OUT_OF_RANGE, "document index " + std::to_string(i) + " >= batch size " +
                                             std::to_string(batch->docs.size()));
  }
  if (!batch->statuses[i].ok()) return FromStatus(batch->statuses[i]);
  *out_entities = batch->docs[i].data();
  *out_count = batch->docs[i].size();
  return ALAM_OK;
}

const char* alam_batch_error(const alam_batch* batch, size_t i) {
  if (batch == nullptr || i >= batch->messages.size()) return "";
  return batch->messages[i].c_str();
}

void alam_batch_free(alam_batch* batch) { delete batch; }

alam_status alam_normalize(const char* text, size_t len, int repair,
                           alam_normalized** out_normalized) {
  if (out_normalized == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "out_normalized is NULL");
  *out_normalized = nullptr;
  if (text == nullptr && len != 0) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "text is NULL but len is not 0");
  if (repair != 0 && repair != 1) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "repair must be 0 or 1");
  return Guard([&] {
    auto n = std::make_unique<alam_normalized>();
    alam::NormalizeOptions opt;
    opt.repair_invalid_utf8 = repair == 1;
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
  if (out_count != nullptr) *out_count = 0;
  if (normalized == nullptr || out_count == nullptr) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "normalized and out_count must not be NULL");
  }
  const std::string& t = normalized->text;
  const auto* p = reinterpret_cast<const uint8_t*>(t.data());
  size_t count = 0;
  for (size_t i = 0; i < t.size(); ++count) {
    char32_t c;
    size_t l = alam::internal::DecodeUtf8(p + i, t.size() - i, &c);
    i += l == 0 ? 1 : l;
  }
  *out_count = count;
  if (out_map == nullptr) return ALAM_OK;
  if (capacity < count + 1) {
    *out_count = 0;
    return Fail(ALAM_ERROR_OUT_OF_RANGE, "out_map needs count + 1 = " + std::to_string(count + 1) +
                                             " elements");
  }
  CodePointWalker orig{normalized->original};
  size_t k = 0;
  for (size_t i = 0; i < t.size(); ++k) {
    char32_t c;
    size_t l = alam::internal::DecodeUtf8(p + i, t.size() - i, &c);
    out_map[k] = orig.To(normalized->map.ToOriginalStart(i));
    i += l == 0 ? 1 : l;
  }
  out_map[count] = orig.To(normalized->original.size());
  return ALAM_OK;
}

void alam_normalized_free(alam_normalized* normalized) { delete normalized; }

}  // extern "C"
