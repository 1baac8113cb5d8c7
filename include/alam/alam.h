/* alam/alam.h — the C ABI of alam: find and link named entities in Arabic news text.
 *
 * Objects and ownership:
 *   alam_options    settings for a new extractor (alam_options_new / alam_options_free)
 *   alam_extractor  the compiled gazetteer and rules; immutable, share it across threads
 *   alam_scratch    per-thread working memory; one per thread, never shared concurrently
 *                   (a concurrent second use is detected: ALAM_ERROR_FAILED_PRECONDITION)
 *   alam_batch      the results of alam_extract_batch
 *   alam_normalized a normalized text and its offset map
 * Every *_free accepts NULL. Strings in alam_entity_t point into the extractor and live as
 * long as it does; the entity array of alam_extract lives until the next call with the same
 * scratch or its free.
 *
 * Errors: every function that can fail returns an alam_status; on failure its out-params are
 * set to NULL/0 and alam_last_error() returns a message for the calling thread (valid until
 * that thread's next alam_* call that fails). No C++ exception crosses this boundary.
 *
 * Text: UTF-8 given as pointer + length (never NUL-terminated; NUL is an ordinary
 * character). Offsets: byte_* are UTF-8 byte offsets into that text, start/end code point
 * offsets; both half-open. text[byte_start, byte_end) is exactly the surface.
 */
#ifndef ALAM_ALAM_H_
#define ALAM_ALAM_H_

#include <stddef.h>
#include <stdint.h>

#include "alam/export.h"
#include "alam/version.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum alam_status {
  ALAM_OK = 0,
  ALAM_ERROR_INVALID_ARGUMENT = 1,  /* NULL pointer, bad option, invalid UTF-8, bad data */
  ALAM_ERROR_NOT_FOUND = 2,         /* a data file that does not exist */
  ALAM_ERROR_OUT_OF_RANGE = 3,      /* document too large; index out of range */
  ALAM_ERROR_FAILED_PRECONDITION = 4, /* scratch in use or from another extractor */
  ALAM_ERROR_RESOURCE_EXHAUSTED = 5,  /* out of memory */
  ALAM_ERROR_INTERNAL = 6,
  ALAM_ERROR_DATA_LOSS = 7          /* a file that could not be read completely */
} alam_status;

typedef enum alam_entity_type {
  ALAM_TYPE_PLACE = 0,
  ALAM_TYPE_FACTION = 1,
  ALAM_TYPE_PERSON = 2,
  ALAM_TYPE_ORGANIZATION = 3,
  ALAM_TYPE_OPERATION = 4
} alam_entity_type;

/* Options set by key, so the ABI can grow. */
typedef enum alam_option {
  ALAM_OPTION_USE_EMBEDDED_DATA = 1,   /* 0/1, default 1 */
  ALAM_OPTION_ENABLE_RULES = 2,        /* 0/1, default 1 */
  ALAM_OPTION_KEEP_UNGATED = 3,        /* 0/1, default 0 */
  ALAM_OPTION_REPAIR_INVALID_UTF8 = 4, /* 0/1, default 0 */
  ALAM_OPTION_MAX_DOCUMENT_BYTES = 5   /* > 0, default 1 GiB */
} alam_option;

typedef struct alam_options alam_options;
typedef struct alam_extractor alam_extractor;
typedef struct alam_scratch alam_scratch;
typedef struct alam_batch alam_batch;
typedef struct alam_normalized alam_normalized;

typedef struct alam_entity_t {
  size_t start, end;           /* code points */
  size_t byte_start, byte_end; /* UTF-8 bytes */
  alam_entity_type type;
  const char* type_name;       /* "PLACE" … */
  const char* subtype;         /* never NULL; may be "" */
  const char* id;              /* "" for rule-made */
  const char* name_ar;
  const char* name_en;
  const char* source;          /* "alias" or "rule:<id>" */
  const char* alias;           /* the normalized alias or rule trigger */
  double score;                /* [0, 1] */
  uint32_t alternatives;       /* other entries bearing the same name */
} alam_entity_t;

typedef struct alam_entry_t {
  const char* id;
  alam_entity_type type;
  const char* subtype;
  const char* name_ar;
  const char* name_en;
  const char* country;
  const char* parent;          /* parent id or "" */
  const char* pcode;
  const char* wikidata;
  const char* geonames;
  const char* un_ref;
  const char* valid_from;
  const char* valid_to;
  const char* role;
  const char* source;
  double lat, lon;
  int has_coordinates;
  int coordinates_approximate;
  int prominence;
} alam_entry_t;

typedef struct alam_stats_t {
  size_t entries, aliases, ambiguous_aliases, rules, triggers;
} alam_stats_t;

/* Version: compile time (ALAM_VERSION_* in alam/version.h) and run time. */
ALAM_EXPORT uint32_t alam_version_number(void); /* major*10000 + minor*100 + patch */
ALAM_EXPORT const char* alam_version_string(void);

/* Static name of a status ("ALAM_OK", …); "ALAM_UNKNOWN_STATUS" for other values. */
ALAM_EXPORT const char* alam_status_name(alam_status status);
/* Message of the calling thread's last failure; "" when none. */
ALAM_EXPORT const char* alam_last_error(void);

ALAM_EXPORT alam_status alam_options_new(alam_options** out_options);
ALAM_EXPORT void alam_options_free(alam_options* options);
ALAM_EXPORT alam_status alam_options_set_int(alam_options* options, alam_option key, int64_t value);
ALAM_EXPORT alam_status alam_options_set_min_score(alam_options* options, double min_score);
ALAM_EXPORT alam_status alam_options_add_gazetteer_file(alam_options* options, const char* path);
ALAM_EXPORT alam_status alam_options_add_rule_file(alam_options* options, const char* path);

/* options may be NULL for the defaults (embedded gazetteer and rules). */
ALAM_EXPORT alam_status alam_extractor_new(const alam_options* options, alam_extractor** out_extractor);
ALAM_EXPORT void alam_extractor_free(alam_extractor* extractor);
ALAM_EXPORT alam_status alam_extractor_stats(const alam_extractor* extractor, alam_stats_t* out_stats);
/* Looks an entry up by id (NUL-terminated). ALAM_ERROR_NOT_FOUND when absent. */
ALAM_EXPORT alam_status alam_extractor_entry(const alam_extractor* extractor, const char* id,
                                             alam_entry_t* out_entry);

ALAM_EXPORT alam_status alam_scratch_new(const alam_extractor* extractor, alam_scratch** out_scratch);
ALAM_EXPORT void alam_scratch_free(alam_scratch* scratch);

/* Extracts the entities of text[0, len). text may be NULL only when len is 0. */
ALAM_EXPORT alam_status alam_extract(const alam_extractor* extractor, alam_scratch* scratch,
                                     const char* text, size_t len,
                                     const alam_entity_t** out_entities, size_t* out_count);

/* Extracts n documents with `threads` threads (0 = all cores). Per-document failures do not
 * fail the batch: ask alam_batch_get for each document's status. */
ALAM_EXPORT alam_status alam_extract_batch(const alam_extractor* extractor,
                                           const char* const* texts, const size_t* lens,
                                           size_t n, unsigned threads, alam_batch** out_batch);
ALAM_EXPORT size_t alam_batch_size(const alam_batch* batch);
/* Returns the status of document i (its message via alam_batch_error) and its entities. */
ALAM_EXPORT alam_status alam_batch_get(const alam_batch* batch, size_t i,
                                       const alam_entity_t** out_entities, size_t* out_count);
ALAM_EXPORT const char* alam_batch_error(const alam_batch* batch, size_t i);
ALAM_EXPORT void alam_batch_free(alam_batch* batch);

/* The normalizer (see alam/normalizer.h). repair: 0 = invalid UTF-8 is an error, 1 = U+FFFD. */
ALAM_EXPORT alam_status alam_normalize(const char* text, size_t len, int repair,
                                       alam_normalized** out_normalized);
ALAM_EXPORT const char* alam_normalized_text(const alam_normalized* normalized, size_t* out_len);
/* Original byte offset of a normalized byte offset, as start or as end of a span. */
ALAM_EXPORT size_t alam_normalized_to_original_start(const alam_normalized* normalized, size_t offset);
ALAM_EXPORT size_t alam_normalized_to_original_end(const alam_normalized* normalized, size_t offset);
/* Fills out_map[k] with the original code point offset of normalized code point k, for k in
 * [0, count] (count = normalized length in code points; out_map[count] = original length).
 * Call with out_map NULL to learn count. */
ALAM_EXPORT alam_status alam_normalized_codepoint_map(const alam_normalized* normalized,
                                                      size_t* out_map, size_t capacity,
                                                      size_t* out_count);
ALAM_EXPORT void alam_normalized_free(alam_normalized* normalized);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif  /* ALAM_ALAM_H_ */
