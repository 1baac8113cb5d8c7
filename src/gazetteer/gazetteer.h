// Private: the compiled gazetteer — entries, their aliases as a trie over word ids, trigger
// words and the ambiguity class of each alias.
#ifndef ALAM_SRC_GAZETTEER_GAZETTEER_H_
#define ALAM_SRC_GAZETTEER_GAZETTEER_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "alam/extractor.h"
#include "core/word_table.h"
#include "core/strings.h"

namespace alam::internal {

struct AliasInfo {
  std::string text;               // normalized, words joined by one space
  std::vector<uint32_t> entries;  // entries bearing this alias
  bool ambiguous = false;         // fires only with supporting context
};

// What resolution reads of every candidate's entries, packed apart from the display fields
// (EntryInfo is 264 bytes, 2.4 MB for the full gazetteer): 16 bytes an entry, so that the
// entries of a document's candidates and their ancestors stay in cache.
struct EntryCore {
  enum Flag : uint8_t {
    kBroad = 1,         // a country, governorate, continent, state or region
    kNeedsTrigger = 2,  // a village or neighbourhood: ordinary words need a trigger word
    kCountry = 4,
  };
  int32_t parent = -1;   // as EntryInfo::parent
  int32_t prominence = 0;
  uint32_t id_rank = 0;  // rank of the entry's id in byte order (ties among namesakes)
  EntityType type = EntityType::kPlace;
  uint8_t flags = 0;
};

// An alias's entries (alias_entries_begin/end) and ambiguity class, 12 bytes an alias.
struct AliasCore {
  uint32_t first = 0;  // into the flat list of alias entries
  uint32_t count = 0;
  bool ambiguous = false;
};

struct TriggerInfo {
  EntityType type;
  std::string_view subtype;  // the subtype the trigger implies ("" = any)
};

class Gazetteer {
 public:
  // Loading; call Finish() once after the last Add*.
  absl::Status AddTable(std::string_view file, std::string_view content);
  absl::Status AddAmbiguity(std::string_view file, std::string_view content);
  absl::Status AddTriggers(std::string_view file, std::string_view content);
  // Compiles what was added. `trigger_words` (normalized) join the vocabulary as rule trigger
  // words, so that the one pass of the matcher also reports where rules may fire: the rule
  // set hands them over here and never writes into the gazetteer afterwards.
  absl::Status Finish(const std::vector<std::string_view>& trigger_words = {});

  // Matching.
  // The id of a word of the vocabulary (the words of the aliases and the rule triggers), or 0.
  uint32_t WordId(std::string_view word) const { return vocab_.Find(word); }
  // The vocabulary's slot of a word (its id and head), or null: the matcher's lookups, in
  // place in the text (WordTable::LookupIn) or of a word of its own.
  using WordSlot = WordTable::Slot;
  using WordHead = WordTable::Head;
  const WordSlot* WordSlotIn(std::string_view text, size_t pos, size_t n) const {
    return vocab_.LookupIn(text, pos, n);
  }
  const WordSlot* FindWordSlot(std::string_view word) const { return vocab_.Lookup(word); }
  // The trie node of the aliases starting with word `word` (any id, 0 included), or 0.
  uint32_t RootChild(uint32_t word) const { return IsWord(word) ? vocab_.head(word).node : 0; }
  // Child of `node` by `word`, or 0 (the root is never a child).
  uint32_t Child(uint32_t node, uint32_t word) const {
    if (node == 0) return RootChild(word);
    auto it = trie_.find((static_cast<uint64_t>(node) << 32) | word);
    return it == trie_.end() ? 0 : it->second;
  }
  int32_t NodeAlias(uint32_t node) const { return node_alias_[node]; }
  const AliasInfo& alias(uint32_t i) const { return aliases_[i]; }
  const std::vector<TriggerInfo>* FindTrigger(std::string_view word) const {
    auto it = triggers_.find(word);
    return it == triggers_.end() ? nullptr : &it->second;
  }

  bool IsTriggerWord(uint32_t word) const { return IsWord(word) && vocab_.head(word).trigger; }

  const std::vector<EntryInfo>& entries() const { return entries_; }
  // Available after Finish().
  const EntryCore& core(uint32_t entry) const { return core_[entry]; }
  const AliasCore& alias_core(uint32_t alias) const { return alias_core_[alias]; }
  // The entries bearing alias `a` (AliasInfo::entries), as a range of the flat list.
  const uint32_t* alias_entries_begin(const AliasCore& a) const {
    return alias_entries_.data() + a.first;
  }
  const uint32_t* alias_entries_end(const AliasCore& a) const {
    return alias_entries_.data() + a.first + a.count;
  }
  const EntryInfo* FindEntry(std::string_view id) const;
  size_t alias_count() const { return aliases_.size(); }
  size_t ambiguous_count() const;
  size_t trigger_count() const { return triggers_.size(); }
  void FillStats(GazetteerStats* stats) const;

  // Ancestors of entry `e` (parent first), at most `max_depth` of them.
  template <typename F>
  void ForEachAncestor(uint32_t e, int max_depth, F f) const {
    int32_t p = core_[e].parent;
    for (int d = 0; p >= 0 && d < max_depth; ++d, p = core_[p].parent) f(static_cast<uint32_t>(p));
  }

 private:
  bool IsWord(uint32_t id) const { return id != 0 && id <= vocab_.size(); }
  std::string_view Intern(std::string_view s);
  absl::Status AddAlias(uint32_t entry, std::string_view raw, const std::string& where);
  uint32_t AddWord(std::string_view w);
  void RegisterTriggerWord(std::string_view word);
  void BuildCore();
  void InsertWords(const std::vector<std::string>& words, uint32_t alias);

  std::deque<std::string> strings_;
  StringMap<std::string_view> interned_;
  std::vector<EntryInfo> entries_;
  std::vector<std::string> entry_where_;     // file:line of each entry
  std::vector<std::vector<std::string_view>> pending_aliases_;  // raw aliases per entry
  StringMap<uint32_t> id_index_;
  StringSet ambiguous_;
  StringMap<std::vector<TriggerInfo>> triggers_;

  WordTable vocab_;
  absl::flat_hash_map<uint64_t, uint32_t> trie_;
  std::vector<int32_t> node_alias_{-1};
  std::vector<AliasInfo> aliases_;
  std::vector<EntryCore> core_;
  std::vector<AliasCore> alias_core_;
  std::vector<uint32_t> alias_entries_;
  StringMap<uint32_t> alias_index_;
  bool finished_ = false;
};

// Default prominence for an entry with none given.
int DefaultProminence(EntityType type, std::string_view subtype);

}  // namespace alam::internal

#endif  // ALAM_SRC_GAZETTEER_GAZETTEER_H_
