// The C ABI (alam/alam.h), part 2: extractors, their stats and entries, scratches, and
// extraction, one document or a batch.
#include <string>

#include "capi_util.h"

namespace alam::internal::capi {

alam_entity_t ToC(const alam::Entity& e) {
  alam_entity_t c{};
  c.struct_size = sizeof(alam_entity_t);  // the array's stride (alam.h, "Growing the ABI")
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
  c.text = e.text.data();
  c.text_len = e.text.size();
  return c;
}

namespace {

alam_entry_t EntryToC(const alam::EntryInfo& e) {
  alam_entry_t c{};
  c.struct_size = sizeof(alam_entry_t);
  c.id = CStr(e.id);
  c.type = static_cast<alam_entity_type>(e.type);
  c.subtype = CStr(e.subtype);
  c.name_ar = CStr(e.name_ar);
  c.name_en = CStr(e.name_en);
  c.country = CStr(e.country);
  c.parent = CStr(e.parent_id);
  c.pcode = CStr(e.pcode);
  c.wikidata = CStr(e.wikidata);
  c.geonames = CStr(e.geonames);
  c.un_ref = CStr(e.un_ref);
  c.valid_from = CStr(e.valid_from);
  c.valid_to = CStr(e.valid_to);
  c.role = CStr(e.role);
  c.source = CStr(e.source);
  c.lat = e.lat;
  c.lon = e.lon;
  c.has_coordinates = e.has_coordinates ? 1 : 0;
  c.coordinates_approximate = e.coordinates_approximate ? 1 : 0;
  c.prominence = e.prominence;
  return c;
}

// Resets an entity array's out-params and checks them and the handles; NULL-safe.
alam_status CheckExtractArgs(const alam_extractor* extractor, const alam_scratch* scratch,
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
  return ALAM_OK;
}

alam_status CheckBatchArgs(const alam_extractor* extractor, const char* const* texts,
                           const size_t* lens, size_t n, alam_batch** out_batch) {
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
  return ALAM_OK;
}

}  // namespace
}  // namespace alam::internal::capi

using alam::internal::capi::CloseOut;
using alam::internal::capi::Fail;
using alam::internal::capi::FromStatus;
using alam::internal::capi::Guard;
using alam::internal::capi::EntryToC;
using alam::internal::capi::OpenOut;
using alam::internal::capi::ToC;

extern "C" {

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
  alam_status status;
  const size_t size = OpenOut(out_stats, "out_stats", &status);
  if (size == 0) return status;
  if (extractor == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "extractor is NULL");
  return Guard([&] {  // the first call counts the gazetteer, which allocates
    const alam::GazetteerStats& s = extractor->extractor->stats();
    CloseOut(alam_stats_t{sizeof(alam_stats_t), s.entries, s.aliases, s.ambiguous_aliases,
                          s.rules, s.triggers},
             out_stats, size);
    return ALAM_OK;
  });
}

alam_status alam_extractor_entry(const alam_extractor* extractor, const char* id,
                                 alam_entry_t* out_entry) {
  alam_status status;
  const size_t size = OpenOut(out_entry, "out_entry", &status);
  if (size == 0) return status;
  if (extractor == nullptr || id == nullptr) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "extractor and id must not be NULL");
  }
  const alam::EntryInfo* e = extractor->extractor->FindEntry(id);
  if (e == nullptr) return Fail(ALAM_ERROR_NOT_FOUND, std::string("no entry with id ") + id);
  CloseOut(EntryToC(*e), out_entry, size);
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
  const alam_status checked = alam::internal::capi::CheckExtractArgs(
      extractor, scratch, text, len, out_entities, out_count);
  if (checked != ALAM_OK) return checked;
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
  const alam_status checked =
      alam::internal::capi::CheckBatchArgs(extractor, texts, lens, n, out_batch);
  if (checked != ALAM_OK) return checked;
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

}  // extern "C"
