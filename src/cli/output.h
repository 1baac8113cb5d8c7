// Private to the CLI: the JSON Lines record and the BIO token format.
#ifndef ALAM_SRC_CLI_OUTPUT_H_
#define ALAM_SRC_CLI_OUTPUT_H_

#include <string>
#include <string_view>
#include <vector>

#include "alam/extractor.h"

namespace alam::cli {

// {"doc": ID, "entities": [...]} plus "error" when the document failed. A record can also be
// written in pieces (head, entities, tail), as the CLI does for documents too large to hold
// their results in memory at once; `base_cp`/`base_byte` shift the entity's offsets (those of
// a chunk) to offsets into the whole document. The entities are written by a JsonlFormatter,
// which keeps the JSON of each gazetteer entry's fixed fields (type to name_en; country and
// parent) once it has written them: one formatter per thread.
void AppendJsonlHead(std::string_view doc_id, std::string_view error, std::string* out);
void AppendJsonlTail(std::string* out);

class JsonlFormatter {
 public:
  explicit JsonlFormatter(const Extractor& ex)
      : ex_(ex), valid_texts_(!ex.options().repair_invalid_utf8) {}
  void Entity(const alam::Entity& e, size_t base_cp, size_t base_byte, bool first, std::string* out);
  void Record(std::string_view doc_id, const std::vector<alam::Entity>& entities,
              std::string_view error, std::string* out);

 private:
  // An entry's fixed fields in `cached_text_`: [offset, + middle) is `, "type": …
  // "name_en": "…"`, then [+ middle, + middle + tail) is `, "country": … , "parent": …`.
  struct Cached {
    uint32_t offset = 0;
    uint32_t middle = 0;
    uint32_t tail = 0;
    bool ready = false;
  };
  const Cached& EntryJson(uint32_t entry_index, const EntryInfo& info);

  const Extractor& ex_;
  // Without repair, a document with invalid UTF-8 fails as a whole, so the texts of the
  // entities it yields are valid UTF-8 and need no second check.
  bool valid_texts_;
  std::vector<Cached> cache_;
  std::string cached_text_;  // the cached fields of every entry written so far, one arena
  std::string scratch_;       // a rule-made entity's type-to-name_en fields
  std::string checked_text_;  // an entity's text as JSON, when it had to be checked (--repair)
};

// "# doc: ID" then one "token<TAB>tag" line per token, then a blank line. Tokens are the
// words and punctuation marks of the original text, split further at entity boundaries (so a
// proclitic before a name is its own token); tags are B-TYPE, I-TYPE or O. A failed document
// prints "# error: …" after its header and no tokens.
void AppendBio(std::string_view doc_id, std::string_view text, const std::vector<Entity>& entities,
               std::string_view error, std::string* out);
// The pieces of AppendBio: header (and error), the tokens of `text` (entities' byte offsets
// relative to `text`), and the blank line that ends a document.
void AppendBioHead(std::string_view doc_id, std::string_view error, std::string* out);
void AppendBioTokens(std::string_view text, const std::vector<Entity>& entities, std::string* out);
void AppendBioTail(std::string* out);

}  // namespace alam::cli

#endif  // ALAM_SRC_CLI_OUTPUT_H_
