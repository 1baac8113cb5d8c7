// The C ABI (alam/alam.h), part 4: documents in pieces (alam_stream_*) and records
// (alam_write_records), over alam/stream.h and alam/format.h.
#include <string>

#include "alam/format.h"
#include "alam/stream.h"
#include "capi_util.h"

struct alam_stream {
  std::unique_ptr<alam::DocumentStream> stream;
  std::vector<alam::Entity> entities;
  std::vector<alam_entity_t> out;
};
struct alam_records {
  std::string data;
  size_t failed = 0;
};

namespace alam::internal::capi {
namespace {

alam_status CheckEntityOut(const alam_entity_t** out_entities, size_t* out_count) {
  if (out_entities != nullptr) *out_entities = nullptr;
  if (out_count != nullptr) *out_count = 0;
  if (out_entities == nullptr || out_count == nullptr) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "out_entities and out_count must not be NULL");
  }
  return ALAM_OK;
}

// Runs one call of the stream (write or finish) and hands out the entities it appended.
template <typename F>
alam_status StreamCall(alam_stream* stream, const alam_entity_t** out_entities,
                       size_t* out_count, F call) {
  return Guard([&] {
    stream->entities.clear();
    absl::Status s = call(&stream->entities);
    if (!s.ok()) return FromStatus(s);
    stream->out.clear();
    for (const alam::Entity& e : stream->entities) stream->out.push_back(ToC(e));
    *out_entities = stream->out.data();
    *out_count = stream->out.size();
    return ALAM_OK;
  });
}

alam_status CheckRecordArgs(const alam_extractor* extractor, alam_record_format format,
                            const char* const* ids, const size_t* id_lens,
                            const char* const* texts, const size_t* text_lens, size_t n) {
  if (extractor == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "extractor is NULL");
  if (format < ALAM_RECORD_JSONL || format > ALAM_RECORD_COUNTS) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT,
                "unknown record format " + std::to_string(static_cast<int>(format)));
  }
  if (n > 0 && (ids == nullptr || id_lens == nullptr || texts == nullptr || text_lens == nullptr)) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "ids, id_lens, texts and text_lens must not be NULL");
  }
  for (size_t i = 0; i < n; ++i) {
    if ((ids[i] == nullptr && id_lens[i] > 0) || (texts[i] == nullptr && text_lens[i] > 0)) {
      return Fail(ALAM_ERROR_INVALID_ARGUMENT,
                  "document " + std::to_string(i) + ": NULL id or text with a length");
    }
  }
  return ALAM_OK;
}

std::string_view View(const char* p, size_t len) { return p == nullptr ? "" : std::string_view(p, len); }

alam_status CheckKept(const char* const* kept_names, size_t n_kept,
                      const char* const* kept_values, size_t n) {
  if (n_kept > 0 && (kept_names == nullptr || (n > 0 && kept_values == nullptr))) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "kept_names and kept_values must not be NULL");
  }
  for (size_t k = 0; k < n_kept; ++k) {
    if (kept_names[k] == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "a kept name is NULL");
  }
  return ALAM_OK;
}

// The documents' dates and kept fields as alam::DocumentMeta (views into the caller's strings).
struct Metas {
  Metas(const char* const* dates, const char* const* kept_names, size_t n_kept,
        const char* const* kept_values, size_t n)
      : names(kept_names, kept_names + n_kept),
        kept(n_kept > 0 ? n : 0),
        metas(dates != nullptr || n_kept > 0 ? n : 0) {
    for (size_t i = 0; i < metas.size(); ++i) {
      if (dates != nullptr && dates[i] != nullptr) metas[i].date = dates[i];
      if (n_kept == 0) continue;
      for (size_t k = 0; k < n_kept; ++k) {
        const char* v = kept_values[i * n_kept + k];
        kept[i].emplace_back(names[k], v == nullptr ? "null" : v);
      }
      metas[i].kept = &kept[i];
    }
  }
  std::vector<std::string> names;
  std::vector<std::vector<std::pair<std::string, std::string>>> kept;
  std::vector<alam::DocumentMeta> metas;
};

}  // namespace
}  // namespace alam::internal::capi

using alam::internal::capi::Fail;
using alam::internal::capi::FromStatus;
using alam::internal::capi::Guard;

alam_status alam_stream_new(const alam_extractor* extractor, alam_scratch* scratch,
                            alam_stream** out_stream) {
  if (out_stream != nullptr) *out_stream = nullptr;
  if (extractor == nullptr || scratch == nullptr || out_stream == nullptr) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "extractor, scratch and out_stream must not be NULL");
  }
  if (scratch->owner != extractor) {
    return Fail(ALAM_ERROR_FAILED_PRECONDITION, "the scratch belongs to another extractor");
  }
  return Guard([&] {
    auto created = alam::DocumentStream::Create(*extractor->extractor, scratch->scratch.get());
    if (!created.ok()) return FromStatus(created.status());
    auto stream = std::make_unique<alam_stream>();
    stream->stream = std::move(*created);
    *out_stream = stream.release();
    return ALAM_OK;
  });
}

alam_status alam_stream_write(alam_stream* stream, const char* piece, size_t len,
                              const alam_entity_t** out_entities, size_t* out_count) {
  const alam_status checked = alam::internal::capi::CheckEntityOut(out_entities, out_count);
  if (checked != ALAM_OK) return checked;
  if (stream == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "stream is NULL");
  if (piece == nullptr && len > 0) {
    return Fail(ALAM_ERROR_INVALID_ARGUMENT, "piece is NULL but len is not 0");
  }
  return alam::internal::capi::StreamCall(stream, out_entities, out_count,
                                          [&](std::vector<alam::Entity>* es) {
    return stream->stream->Write(alam::internal::capi::View(piece, len), es);
  });
}

alam_status alam_stream_finish(alam_stream* stream, const alam_entity_t** out_entities,
                               size_t* out_count) {
  const alam_status checked = alam::internal::capi::CheckEntityOut(out_entities, out_count);
  if (checked != ALAM_OK) return checked;
  if (stream == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "stream is NULL");
  return alam::internal::capi::StreamCall(stream, out_entities, out_count,
                                          [&](std::vector<alam::Entity>* es) {
    return stream->stream->Finish(es);
  });
}

void alam_stream_free(alam_stream* stream) { delete stream; }

alam_status alam_write_records(const alam_extractor* extractor, alam_record_format format,
                               const char* const* ids, const size_t* id_lens,
                               const char* const* texts, const size_t* text_lens,
                               const char* const* read_errors, size_t n, unsigned threads,
                               alam_records** out_records) {
  return alam_write_records_meta(extractor, format, ids, id_lens, texts, text_lens, read_errors,
                                 nullptr, nullptr, 0, nullptr, n, threads, out_records);
}

alam_status alam_write_records_meta(
    const alam_extractor* extractor, alam_record_format format, const char* const* ids,
    const size_t* id_lens, const char* const* texts, const size_t* text_lens,
    const char* const* read_errors, const char* const* dates, const char* const* kept_names,
    size_t n_kept, const char* const* kept_values, size_t n, unsigned threads,
    alam_records** out_records) {
  if (out_records == nullptr) return Fail(ALAM_ERROR_INVALID_ARGUMENT, "out_records is NULL");
  *out_records = nullptr;
  alam_status checked = alam::internal::capi::CheckRecordArgs(
      extractor, format, ids, id_lens, texts, text_lens, n);
  if (checked == ALAM_OK) checked = alam::internal::capi::CheckKept(kept_names, n_kept, kept_values, n);
  if (checked != ALAM_OK) return checked;
  return Guard([&] {
    using alam::internal::capi::View;
    std::vector<std::string_view> id(n), text(n), errors(read_errors == nullptr ? 0 : n);
    for (size_t i = 0; i < n; ++i) {
      id[i] = View(ids[i], id_lens[i]);
      text[i] = View(texts[i], text_lens[i]);
      if (read_errors != nullptr && read_errors[i] != nullptr) {
        errors[i] = *read_errors[i] != '\0' ? read_errors[i] : "the document could not be read";
      }
    }
    alam::internal::capi::Metas metas(dates, kept_names, n_kept, kept_values, n);
    auto records = std::make_unique<alam_records>();
    absl::StatusOr<size_t> failed = alam::WriteRun(
        *extractor->extractor, static_cast<alam::RecordFormat>(format), id, text, errors,
        metas.metas, metas.names, threads, &records->data);
    if (!failed.ok()) return FromStatus(failed.status());
    records->failed = *failed;
    *out_records = records.release();
    return ALAM_OK;
  });
}

const char* alam_records_data(const alam_records* records, size_t* out_len) {
  if (out_len != nullptr) *out_len = records == nullptr ? 0 : records->data.size();
  return records == nullptr ? nullptr : records->data.data();
}

size_t alam_records_failed(const alam_records* records) {
  return records == nullptr ? 0 : records->failed;
}

void alam_records_free(alam_records* records) { delete records; }
