// alam/extractor.h — find and link named entities in Arabic news text.
//
// Compile once, extract many: Extractor::Create() loads the gazetteer (the embedded default
// and/or files), the trigger words and the context rules, and compiles them into an immutable
// object. One Extractor is shared by any number of threads; each thread brings its own
// Scratch (per-call mutable memory). Using one Scratch from two threads at once is detected
// and reported as kFailedPrecondition rather than racing.
//
// Pipeline of one call: normalize (alam/normalizer.h) → one pass of the gazetteer matcher over
// the words of the normalized text (clitic-aware) → context rules (RE2) around triggers →
// resolution (leftmost-longest, gating of ambiguous aliases, namesakes) → offsets mapped back
// to the original text.
//
// Match semantics (leftmost-longest): candidates are scanned left to right; at each position
// the longest candidate wins; among candidates with the same span a gazetteer alias beats a
// rule, then a non-gated alias beats a gated one, then the reading that strips fewer
// proclitic letters wins. Among namesakes (one alias, several entries) the entry of the type
// and then of the subtype the preceding trigger word implies (محافظة → governorate) wins, then
// the entry with a close relative (not a country or governorate) named within 1,500 bytes by
// another name, then a non-place for a quoted name, then the higher prominence, then a broad
// relative named nearby, then the smaller id; `Entity::alternatives` says how many others
// there were.
// Entities never overlap.
//
// Errors (absl::Status): kInvalidArgument for invalid UTF-8 (unless repair is on) or
// malformed data files (message names file and line), kNotFound for a missing file,
// kOutOfRange for a document larger than Options::max_document_bytes, kFailedPrecondition
// for a Scratch that is in use or that belongs to another Extractor.
#ifndef ALAM_EXTRACTOR_H_
#define ALAM_EXTRACTOR_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "alam/entity.h"
#include "alam/normalizer.h"

namespace alam {

class Extractor;
class Scratch;

namespace internal {
struct CompiledData;
struct ScratchState;
const CompiledData& CompiledDataOf(const Extractor& extractor);
ScratchState* StateOf(Scratch* scratch);
}  // namespace internal

struct ExtractorOptions {
  // Defaults, all in one place:
  //   use_embedded_data = true        the gazetteer, triggers and rules compiled into alam
  //   gazetteer_files = {}            extra gazetteer tables (data/README.md format)
  //   rule_files = {}                 extra rule files (data/rules.tsv format)
  //   enable_rules = true             run the RE2 context rules and document consistency
  //   keep_ungated = false            also emit ambiguous aliases that lack context (score
  //                                   is lowered; they are otherwise dropped and counted)
  //   min_score = 0.0                 drop entities scoring below this
  //   repair_invalid_utf8 = false     see NormalizeOptions
  //   max_document_bytes = 1 GiB      larger documents fail with kOutOfRange
  //   explain_features = 0            Entity::explain for the context model's decisions: the
  //                                   N features of largest weight (SIZE_MAX: every feature,
  //                                   with the weight 0 for unknown ones, as training reads them)
  bool use_embedded_data = true;
  std::vector<std::string> gazetteer_files;
  std::vector<std::string> rule_files;
  bool enable_rules = true;
  bool keep_ungated = false;
  double min_score = 0.0;
  bool repair_invalid_utf8 = false;
  size_t max_document_bytes = size_t{1} << 30;
  size_t explain_features = 0;
};

// Everything the gazetteer knows of one entry.
struct EntryInfo {
  std::string_view id, subtype, name_ar, name_en, country, parent_id, pcode, wikidata,
      geonames, un_ref, valid_from, valid_to, role, source;
  EntityType type = EntityType::kPlace;
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  bool coordinates_approximate = false;
  int prominence = 0;
  int32_t parent = -1;  // index of the parent entry, or -1
};

// What is known of a document besides its text. `date`: the document's date, ISO
// `YYYY-MM-DD` (or empty: no date, no change). Among namesakes (one alias, several entries)
// an entry whose `valid_from`/`valid_to` period holds the date ranks before one whose period
// does not (a faction renamed, a body dissolved: دولة العراق الإسلامية in 2008, not the
// Islamic State named the same way later); entries without dates hold at every date. A
// `valid_from`/`valid_to` given as a year or a month covers all of it. The view must stay
// valid during the call only.
struct DocumentContext {
  std::string_view date;
};

// Per-call counters, filled by Extract.
struct ExtractStats {
  size_t candidates = 0;        // gazetteer and rule candidates before resolution
  size_t gated_dropped = 0;     // ambiguous aliases dropped for lack of context
  size_t rule_entities = 0;     // entities produced by rules
};

// Counts over the compiled data (alam stats).
struct GazetteerStats {
  size_t entries = 0, aliases = 0, ambiguous_aliases = 0, rules = 0, triggers = 0;
  struct Row {
    std::string type, subtype, country;
    size_t entries = 0, aliases = 0;
    size_t with_coordinates = 0;  // entries with a point (their own or their parent's centroid)
    size_t approximate = 0;       // of those, the parent's centroid (coord_approx)
    size_t with_wikidata = 0;     // entries with a Wikidata id
  };
  std::vector<Row> rows;  // sorted by type, subtype, country
};

// Per-thread mutable memory for Extractor::Extract. Not thread-safe; reuse it across calls
// on one thread to avoid allocations. Created by Extractor::NewScratch().
class ALAM_EXPORT Scratch {
 public:
  ~Scratch();
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  const ExtractStats& last_stats() const;

 private:
  friend class Extractor;
  friend internal::ScratchState* internal::StateOf(Scratch* scratch);
  explicit Scratch(const Extractor* owner);
  std::unique_ptr<internal::ScratchState> state_;
};

class ALAM_EXPORT Extractor {
 public:
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(
      const ExtractorOptions& options = ExtractorOptions());
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  std::unique_ptr<Scratch> NewScratch() const;

  // Extracts the entities of `text` (UTF-8) into `*out` (cleared first), in text order.
  absl::Status Extract(std::string_view text, Scratch* scratch,
                       std::vector<Entity>* out) const;
  // The same, with what is known of the document (DocumentContext). A date that is neither
  // empty nor `YYYY-MM-DD` is kInvalidArgument.
  absl::Status Extract(std::string_view text, const DocumentContext& context, Scratch* scratch,
                       std::vector<Entity>* out) const;
  // Convenience form with a temporary scratch. Entity::explain is left empty (it lives in the
  // scratch): use a Scratch of your own to read it.
  absl::StatusOr<std::vector<Entity>> Extract(std::string_view text) const;

  // Extracts the entities of many documents with `threads` threads (0 = all cores; at most
  // 1024, and no more than there are documents; the calling thread is one of them), each with
  // its own scratch. `(*out)[i]` and `(*statuses)[i]` belong to `texts[i]`: nothing is dropped
  // or reordered, and a failing document does not stop the others. Entity::explain is left
  // empty, as by the convenience Extract (the scratches are gone when it returns).
  void ExtractBatch(const std::vector<std::string_view>& texts, unsigned threads,
                    std::vector<std::vector<Entity>>* out,
                    std::vector<absl::Status>* statuses) const;

  // The gazetteer entry behind Entity::entry_index; nullptr for rule-made entities.
  const EntryInfo* entry(const Entity& entity) const;
  // Looks an entry up by id; nullptr when absent. An id of an earlier release that changed
  // (data/id_aliases.tsv, or a gazetteer file with the columns old_id, id) finds the entry it
  // names now.
  const EntryInfo* FindEntry(std::string_view id) const;

  // What the gazetteer holds, counted on the first call (which any thread may make).
  const GazetteerStats& stats() const;
  const ExtractorOptions& options() const { return options_; }

 private:
  friend class Scratch;
  friend const internal::CompiledData& internal::CompiledDataOf(const Extractor& extractor);
  Extractor() = default;
  ExtractorOptions options_;
  std::unique_ptr<internal::CompiledData> data_;
};

}  // namespace alam

#endif  // ALAM_EXTRACTOR_H_
