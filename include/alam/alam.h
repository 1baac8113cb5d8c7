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
 *
 * Growing the ABI. Settings go by key (alam_option), never by a new function or a bare int.
 * Every struct that crosses the boundary (alam_entity_t, alam_entry_t, alam_stats_t) starts
 * with `size_t struct_size`; later releases of the same major version only append fields.
 * Chosen over accessor functions because entity arrays stay plain memory the caller reads in
 * place (no call per field, and bindings can unpack a whole array at once) and one rule
 * serves all three structs:
 *   - Structs the caller passes in to be filled (alam_entry_t, alam_stats_t): set
 *     struct_size = sizeof(the struct) before the call (ALAM_STRUCT_INIT(&s) does it and
 *     zeroes the rest). The library writes only the first min(struct_size, its own sizeof)
 *     bytes, never one beyond, so a caller built against an older, smaller struct keeps
 *     working; and it sets struct_size to that number of bytes, success or failure, so a
 *     caller built against a newer, larger struct tests ALAM_HAS_FIELD(&s, type, field)
 *     before reading a field an older library may not know. struct_size below sizeof(size_t)
 *     (0: never set) is ALAM_ERROR_INVALID_ARGUMENT, and then nothing is written.
 *   - Arrays the library hands out (entities): the library sets struct_size in every element
 *     to its own sizeof(alam_entity_t), the same for all elements. Step through an array by
 *     that size, never by the caller's sizeof: element i is at
 *     (const char*)entities + i * entities[0].struct_size (alam_entity_at does it), and a
 *     field is present when ALAM_HAS_FIELD(element, alam_entity_t, field).
 * Fields are only ever appended, so every struct_size a release has used is a prefix of the
 * current struct ending on a field boundary.
 */
#ifndef ALAM_ALAM_H_
#define ALAM_ALAM_H_

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* Options set by key, so the ABI can grow. Each key has one value type: set it with
 * alam_options_set_int or alam_options_set_double as marked; the other setter, an unknown key
 * or a value out of range is ALAM_ERROR_INVALID_ARGUMENT with a message naming the key. */
typedef enum alam_option {
  ALAM_OPTION_USE_EMBEDDED_DATA = 1,   /* int 0/1, default 1 */
  ALAM_OPTION_ENABLE_RULES = 2,        /* int 0/1, default 1 */
  ALAM_OPTION_KEEP_UNGATED = 3,        /* int 0/1, default 0 */
  ALAM_OPTION_REPAIR_INVALID_UTF8 = 4, /* int 0/1, default 0: invalid UTF-8 is an error;
                                          1: each invalid byte reads as U+FFFD. Extractor and
                                          alam_normalize. */
  ALAM_OPTION_MAX_DOCUMENT_BYTES = 5,  /* int > 0, default 1 GiB */
  ALAM_OPTION_MIN_SCORE = 6,           /* double in [0, 1], default 0: drop entities below */
  ALAM_OPTION_EXPLAIN_FEATURES = 7,    /* int >= -1, default 0: the "explain" field of JSON
                                          records (alam_format_*) with the N features of
                                          largest weight behind a context-model decision
                                          (-1: all of them) */
  ALAM_OPTION_FORCE_32BIT_ = 0x7FFFFFFF /* not a key: keeps the enum 32 bits wide */
} alam_option;

typedef struct alam_options alam_options;
typedef struct alam_extractor alam_extractor;
typedef struct alam_scratch alam_scratch;
typedef struct alam_batch alam_batch;
typedef struct alam_normalized alam_normalized;

typedef struct alam_entity_t {
  size_t struct_size;          /* set by the library: the stride of the array */
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
  const char* text;            /* the surface: text_len bytes (not NUL-terminated) of the text */
  size_t text_len;             /*   given to alam_extract, or of the stream's buffer */
} alam_entity_t;

typedef struct alam_entry_t {
  size_t struct_size;          /* set by the caller (see "Growing the ABI") */
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
  size_t struct_size;          /* set by the caller (see "Growing the ABI") */
  size_t entries, aliases, ambiguous_aliases, rules, triggers;
} alam_stats_t;

/* Zeroes the struct *ptr and sets its struct_size, for the structs the caller passes in:
 *   alam_entry_t entry;  ALAM_STRUCT_INIT(&entry); */
#define ALAM_STRUCT_INIT(ptr) \
  ((void)memset((ptr), 0, sizeof *(ptr)), (void)((ptr)->struct_size = sizeof *(ptr)))

/* True when the field lies wholly within the first (ptr)->struct_size bytes of *ptr, i.e. the
 * library that filled or handed out *ptr knows it. */
#ifdef __cplusplus
#define ALAM_HAS_FIELD(ptr, type, field) \
  (offsetof(type, field) + sizeof(type::field) <= (ptr)->struct_size)
#else
#define ALAM_HAS_FIELD(ptr, type, field) \
  (offsetof(type, field) + sizeof(((type*)0)->field) <= (ptr)->struct_size)
#endif

/* Element i of an entity array from alam_extract or alam_batch_get, stepping by the
 * library's element size (entities[0].struct_size), not by the caller's sizeof. */
static inline const alam_entity_t* alam_entity_at(const alam_entity_t* entities, size_t i) {
#ifdef __cplusplus
  return reinterpret_cast<const alam_entity_t*>(reinterpret_cast<const char*>(entities) +
                                                i * entities->struct_size);
#else
  return (const alam_entity_t*)(const void*)((const char*)entities + i * entities->struct_size);
#endif
}

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
ALAM_EXPORT alam_status alam_options_set_double(alam_options* options, alam_option key,
                                                double value);
ALAM_EXPORT alam_status alam_options_add_gazetteer_file(alam_options* options, const char* path);
ALAM_EXPORT alam_status alam_options_add_rule_file(alam_options* options, const char* path);

/* options may be NULL for the defaults (embedded gazetteer and rules). */
ALAM_EXPORT alam_status alam_extractor_new(const alam_options* options, alam_extractor** out_extractor);
ALAM_EXPORT void alam_extractor_free(alam_extractor* extractor);
/* Structs passed in to be filled: their struct_size must be set (ALAM_STRUCT_INIT); on
 * failure the bytes it covers are zeroed except struct_size (none when struct_size is below
 * sizeof(size_t)). */
ALAM_EXPORT alam_status alam_extractor_stats(const alam_extractor* extractor, alam_stats_t* out_stats);
/* Looks an entry up by id (NUL-terminated). ALAM_ERROR_NOT_FOUND when absent. The entry's
 * strings live as long as the extractor. */
ALAM_EXPORT alam_status alam_extractor_entry(const alam_extractor* extractor, const char* id,
                                             alam_entry_t* out_entry);

ALAM_EXPORT alam_status alam_scratch_new(const alam_extractor* extractor, alam_scratch** out_scratch);
ALAM_EXPORT void alam_scratch_free(alam_scratch* scratch);

/* Extracts the entities of text[0, len). text may be NULL only when len is 0. Read the
 * array with alam_entity_at (see "Growing the ABI"). */
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

/* The normalizer (see alam/normalizer.h). options may be NULL for the defaults; of its
 * settings only ALAM_OPTION_REPAIR_INVALID_UTF8 applies here. */
ALAM_EXPORT alam_status alam_normalize(const alam_options* options, const char* text,
                                       size_t len, alam_normalized** out_normalized);
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

/* Documents that arrive in pieces (alam/stream.h): one stream per document, on a scratch it
 * holds until alam_stream_free (another call given that scratch fails meanwhile). Each write
 * hands out the entities of the segments it completed, with document offsets; the array and
 * the entities' text stay valid until the next call on the stream. After an error, or after
 * alam_stream_finish, the stream only fails (ALAM_ERROR_FAILED_PRECONDITION). */
typedef struct alam_stream alam_stream;
ALAM_EXPORT alam_status alam_stream_new(const alam_extractor* extractor, alam_scratch* scratch,
                                        alam_stream** out_stream);
/* piece may be NULL only when len is 0; a piece may end inside a character. */
ALAM_EXPORT alam_status alam_stream_write(alam_stream* stream, const char* piece, size_t len,
                                          const alam_entity_t** out_entities, size_t* out_count);
ALAM_EXPORT alam_status alam_stream_finish(alam_stream* stream, const alam_entity_t** out_entities,
                                           size_t* out_count);
ALAM_EXPORT void alam_stream_free(alam_stream* stream);

/* Records (alam/format.h): the bytes the `alam` command writes, from the library's one
 * formatter. */
typedef enum alam_record_format {
  ALAM_RECORD_JSONL = 0, /* one JSON line per document */
  ALAM_RECORD_BIO = 1,   /* CoNLL-style tokens with B-/I-/O tags */
  ALAM_RECORD_CSV = 2,   /* a header row, one row per mention (RFC 4180) */
  ALAM_RECORD_TSV = 3,   /* the same columns, tab-separated, escaped with backslashes */
  ALAM_RECORD_GEOJSON = 4, /* one FeatureCollection of the places mentioned */
  ALAM_RECORD_HTML = 5,  /* one page: the texts highlighted and a Leaflet map */
  ALAM_RECORD_COUNTS = 6, /* TSV: mentions by date, type and id, rolled up the hierarchy */
  ALAM_RECORD_FORMAT_FORCE_32BIT_ = 0x7FFFFFFF
} alam_record_format;
typedef struct alam_records alam_records;
/* Extracts n documents on `threads` threads (0 = all cores) and writes the run (alam/format.h:
 * the format's header, one record per document, its footer), in input order, into one buffer: ids[i] (id_lens[i] bytes) names document i,
 * texts[i] (text_lens[i] bytes) is its text. read_errors may be NULL; a non-NULL
 * read_errors[i] (NUL-terminated) is a document that could not be read: its record carries
 * that error and nothing is extracted. A document that fails still gets its record (with its
 * error) and is counted by alam_records_failed; the call itself fails only on bad arguments
 * and, for ALAM_RECORD_HTML, when Leaflet (libjs-leaflet) cannot be read (ALAM_ERROR_NOT_FOUND). */
ALAM_EXPORT alam_status alam_write_records(const alam_extractor* extractor,
                                           alam_record_format format, const char* const* ids,
                                           const size_t* id_lens, const char* const* texts,
                                           const size_t* text_lens,
                                           const char* const* read_errors, size_t n,
                                           unsigned threads, alam_records** out_records);
/* alam_write_records with each document's date and kept fields (alam/format.h), for the
 * formats that write them. dates may be NULL; else dates[i] is NULL or "" (no date) or
 * YYYY-MM-DD. n_kept fields named kept_names[0..n_kept); document i's values are
 * kept_values[i * n_kept + k], each compact JSON text (NULL = null); kept_values may be NULL
 * when n_kept is 0. All NUL-terminated. Fails with ALAM_ERROR_INVALID_ARGUMENT, writing nothing,
 * for a reserved or repeated name, a date that is not YYYY-MM-DD or a value that is not JSON. */
ALAM_EXPORT alam_status alam_write_records_meta(
    const alam_extractor* extractor, alam_record_format format, const char* const* ids,
    const size_t* id_lens, const char* const* texts, const size_t* text_lens,
    const char* const* read_errors, const char* const* dates, const char* const* kept_names,
    size_t n_kept, const char* const* kept_values, size_t n, unsigned threads,
    alam_records** out_records);
/* The records' bytes (not NUL-terminated: JSON Lines may hold \u0000 escapes only, BIO the
 * document's own characters) and their length. */
ALAM_EXPORT const char* alam_records_data(const alam_records* records, size_t* out_len);
/* How many of the documents failed (read errors included). */
ALAM_EXPORT size_t alam_records_failed(const alam_records* records);
ALAM_EXPORT void alam_records_free(alam_records* records);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif  /* ALAM_ALAM_H_ */
