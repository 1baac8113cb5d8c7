// Private: the facts the aggregating formats (geojson, html's map, counts) gather per run, and
// the pieces of the per-document formats that are not jsonl/bio (csv/tsv rows, html).
#ifndef ALAM_SRC_FORMAT_RUN_PART_H_
#define ALAM_SRC_FORMAT_RUN_PART_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "alam/format.h"

namespace alam::internal {

// The governorate an entry lies in (its nearest ancestor of that subtype), or "".
std::string_view GovernorateOf(const Extractor& extractor, const EntryInfo& info);
// The same, the entry itself when it is a governorate.
std::string_view OwnGovernorate(const Extractor& extractor, const EntryInfo& info);
// The entry's ancestors, nearest first (at most 8).
std::vector<const EntryInfo*> AncestorsOf(const Extractor& extractor, const EntryInfo& info);

// One distinct entry with coordinates mentioned in the run.
struct PlaceTally {
  uint32_t entry = 0;
  uint64_t mentions = 0;
  std::vector<std::string> docs;  // in input order (deduplicated when written)
  std::string first_date, last_date;
  uint64_t last_doc = UINT64_MAX;  // the part's serial of the last document counted
};

// A row of the counts table.
struct CountKey {
  std::string date;
  std::string_view type;
  std::string id;
  std::string name_ar;  // a rule-made entity's text (id empty)
  bool operator<(const CountKey& o) const {
    return std::tie(date, type, id, name_ar) < std::tie(o.date, o.type, o.id, o.name_ar);
  }
};
struct CountTally {
  std::string_view subtype, name_ar, name_en, governorate;  // an entry's (name_ar: "" for rule-made)
  uint64_t mentions = 0, with_contained = 0, documents = 0;
  uint64_t last_doc = UINT64_MAX;
};

struct RunPartState {
  RecordFormat format = RecordFormat::kJsonLines;
  uint64_t documents = 0, failed = 0;
  std::vector<PlaceTally> places;                   // in order of first mention
  std::unordered_map<uint32_t, size_t> place_at;  // entry index -> places[]
  std::set<std::string> uncoordinated;             // PLACE entities without coordinates
  std::map<CountKey, CountTally> counts;
  std::string doc_id, date;  // of the current document

  void BeginDocument(std::string_view id, std::string_view doc_date);
  void AddFailed() { ++failed; }
  void AddEntities(const Extractor& extractor, const std::vector<Entity>& entities);
  // Appends `later`'s documents after this part's.
  void Merge(RunPartState&& later);

 private:
  void AddPlace(uint32_t entry_index);
  void Count(const CountKey& key, const EntryInfo* info, std::string_view subtype,
             std::string_view governorate, bool own);
};

// csv (sep ',') and tsv (sep '\t') rows.
void TableHeader(char sep, const std::vector<std::string>& kept_names, std::string* out);
void TableRows(const Extractor& extractor, char sep, std::string_view doc_id,
               const DocumentMeta& meta, size_t kept_columns,
               const std::vector<Entity>& entities, std::string* out);
void TableErrorRow(char sep, std::string_view doc_id, const DocumentMeta& meta,
                   size_t kept_columns, std::string_view error, std::string* out);
// The column names of csv/tsv other than the kept fields.
const std::vector<std::string_view>& TableColumns();

// The html page: head, per document an article, the map and the page's end.
void HtmlHead(std::string_view leaflet_css, std::string* out);
void HtmlDocumentHead(std::string_view doc_id, const DocumentMeta& meta, std::string* out);
void HtmlSegment(const Extractor& extractor, std::string_view text, size_t base,
                 const std::vector<Entity>& entities, std::string* out);
void HtmlDocumentEnd(std::string_view error, std::string* out);  // error: "" when none
void HtmlFailedDocument(std::string_view doc_id, const DocumentMeta& meta,
                        std::string_view error, std::string* out);
void HtmlFoot(const Extractor& extractor, const RunPartState& run, std::string_view leaflet_js,
              std::string* out);

// geojson and counts, written from the run's facts.
void WriteGeoJson(const Extractor& extractor, const RunPartState& run, std::string* out);
void WriteCounts(const RunPartState& run, std::string* out);

// One field of a csv (sep ',': quoted when needed) or tsv row (sep '\t': escaped), valid UTF-8.
void AppendCell(char sep, std::string_view v, std::string* out);
// Text made safe to show: invalid UTF-8 bytes become U+FFFD.
void AppendValidUtf8(std::string_view s, std::string* out);
// A kept field's value as text: a JSON string's characters, null as "", other JSON as given.
std::string KeptText(std::string_view json);
// Shortest decimals that read back as `v`.
void AppendDouble(double v, std::string* out);

}  // namespace alam::internal

#endif  // ALAM_SRC_FORMAT_RUN_PART_H_
