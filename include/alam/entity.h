// alam/entity.h — one recognised entity mention, as returned by alam::Extractor.
//
// Offsets: `byte_start`/`byte_end` are half-open UTF-8 byte offsets into the caller's
// ORIGINAL text, `start`/`end` the same span in code points (Python `str` indices). The
// original text sliced at either pair is exactly `text`. Proclitics (و ف ب ك ل …), quotes and
// descriptor words (مدينة، تنظيم …) are outside the span; see README "Offsets".
//
// Ownership: the string_views `id`, `subtype`, `name_ar`, `name_en`, `source` and `alias`
// point into the Extractor that produced the entity and stay valid while it lives; `text`
// points into the caller's input text and is valid while that text is.
#ifndef ALAM_ENTITY_H_
#define ALAM_ENTITY_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "alam/export.h"

namespace alam {

enum class EntityType : uint8_t {
  kPlace = 0,
  kFaction = 1,
  kPerson = 2,
  kOrganization = 3,
  kOperation = 4,
};

// "PLACE", "FACTION", "PERSON", "ORGANIZATION", "OPERATION".
ALAM_EXPORT std::string_view EntityTypeName(EntityType type);
// Parses the names above; returns false for anything else.
ALAM_EXPORT bool ParseEntityType(std::string_view name, EntityType* out);

struct Entity {
  size_t start = 0;       // code point offset, inclusive
  size_t end = 0;         // code point offset, exclusive
  size_t byte_start = 0;  // UTF-8 byte offset, inclusive
  size_t byte_end = 0;    // UTF-8 byte offset, exclusive
  std::string_view text;  // the surface as written in the original text
  EntityType type = EntityType::kPlace;
  std::string_view subtype;  // e.g. "city", "armed_group"; may be empty for rule-made
  std::string_view id;       // gazetteer id; empty for rule-made entities but those linked
                             // to a listed person (a later bare surname, a longer name
                             // ending in the person's family name: README "Document
                             // consistency")
  std::string_view name_ar;  // canonical Arabic name; empty for rule-made
  std::string_view name_en;  // canonical English name; may be empty
  double score = 0;          // in [0, 1]; see README "Scores"
  std::string_view source;   // "alias" or "rule:<rule id>"
  std::string_view alias;    // the normalized alias or rule evidence that matched
  uint32_t alternatives = 0; // other gazetteer entries that bear the same name
  uint32_t entry_index = 0;  // internal index of the entry (for Extractor::EntryInfo)
  // Why the context model kept an alias that is also an ordinary word: its score, the
  // evidence, and the features of largest weight (ExtractorOptions::explain_features); empty
  // otherwise. Valid until the scratch starts its next document.
  std::string_view explain;
};

}  // namespace alam

#endif  // ALAM_ENTITY_H_
