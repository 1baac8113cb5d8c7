// Private: the compiled gazetteer — entries, their aliases as a trie over word ids, trigger
// words and the ambiguity class of each alias.
#ifndef ALAM_SRC_GAZETTEER_GAZETTEER_H_
#define ALAM_SRC_GAZETTEER_GAZETTEER_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "alam/extractor.h"
#include "core/strings.h"
#include "core/tsv.h"
#include "core/word_table.h"

namespace alam::internal {

// An alias as the matcher found it: its normalized text, words joined by one space. Its
// entries and ambiguity class are its AliasCore.
struct AliasInfo {
  std::string_view text;
};

// What resolution reads of every candidate's entries, packed apart from the display fields
// (EntryInfo is 264 bytes, 2.4 MB for the full gazetteer): 16 bytes an entry, so that the
// entries of a document's candidates and their ancestors stay in cache.
struct EntryCore {
  enum Flag : uint8_t {
    kBroad = 1,         // a country, governorate, continent, state or region
    kNeedsTrigger = 2,  // a village or neighbourhood: ordinary words need a trigger word
    kCountry = 4,
    kSmallPlace = 8,    // a town, village or neighbourhood
    kLocalPlace = 16,   // a small place or a sub-district: named alone only where its country is
  };
  int32_t parent = -1;   // as EntryInfo::parent
  int32_t prominence = 0;
  uint32_t id_rank = 0;  // rank of the entry's id in byte order (ties among namesakes)
  EntityType type = EntityType::kPlace;
  uint8_t flags = 0;
};

// An alias's entries (alias_entries_begin/end) and ambiguity class, 16 bytes an alias.
struct AliasCore {
  uint32_t first = 0;  // into the flat list of alias entries
  uint32_t count = 0;
  bool ambiguous = false;
  // A place's form without the article that no source gives (باغوز for الباغوز): only a
  // trigger word or a cue next to it supports it, not a relative elsewhere in the document.
  bool bare = false;
  // The alias starts with a descriptor word that the span of its entity leaves out, as the
  // annotation conventions do (eval/ANNOTATION.md): ريف دمشق → دمشق (Rif Dimashq), مخيم
  // اليرموك → اليرموك (the camp), إقليم كردستان → كردستان, ميليشيا الحوثي → الحوثي; and قوات
  // before the entry's own canonical name (قوات التحالف الدولي → التحالف الدولي). The entry
  // stays the one the whole alias names.
  bool descriptor_first = false;
  // The alias names a person among several entries (المالكي: Nouri al-Maliki and a
  // neighbourhood of Damascus): a village or neighbourhood it also names is then that place
  // only after a trigger word (the resolver's namesake choice and its mentions).
  bool person_too = false;
  // The alias is the first (second) word of a phrase of ordinary words (ambiguous.tsv, class
  // `phrase`: الطبقه الوسطي، المدي القصير): Gazetteer::OrdinaryPhrase tells whether its
  // neighbour makes one.
  bool phrase_first = false;
  bool phrase_second = false;
  // The alias is mostly an adjective after a definite noun in general news (ambiguous.tsv,
  // class `adjective`: القصير in المدى القصير، الأجل القصير).
  bool adjective = false;
  // The alias is mostly a noun before a definite adjective in general news (ambiguous.tsv, class
  // `noun`: الطبقه in الطبقة الوسطى، الطبقة العاملة).
  bool noun = false;
  // The alias is an ordinary word of Gazetteer::kVeryCommonWord documents per 10,000 or more in
  // general news (ambiguous.tsv's evidence: صور "pictures", القدم "the foot"): a relative of its
  // small place named nearby does not keep it alone; the context model weighs it.
  bool very_common = false;
  // A name of the war that general news uses as an ordinary word (ambiguous.tsv, class `war`:
  // الأسد "the lion", الحشد "the crowd"): named alone, with no trigger word or relative, it is
  // the name only where the segment names its country (the resolver's DropUnplacedLocalPlaces).
  bool word_elsewhere = false;
};

struct TriggerInfo {
  EntityType type;
  std::string_view subtype;  // the subtype the trigger implies ("" = any)
};

class Gazetteer {
 public:
  // An ambiguous alias this frequent as an ordinary word (documents per 10,000 of general news,
  // ambiguous.tsv) is AliasCore::very_common.
  static constexpr double kVeryCommonWord = 200;
  // Whether the content handed to an Add* outlives the gazetteer (the embedded data files):
  // entries then point into it; otherwise the gazetteer keeps a copy.
  enum class Content { kCopy, kStatic };

  // Loading; call Finish() once after the last Add*.
  // Room for `entries` more entries (a loader that knows its tables' line counts).
  void Reserve(size_t entries);
  absl::Status AddTable(std::string_view file, std::string_view content,
                        Content kind = Content::kCopy);
  // Ids of earlier releases that changed (data/id_aliases.tsv: old_id, id).
  absl::Status AddIdAliases(std::string_view file, std::string_view content,
                            Content kind = Content::kCopy);
  absl::Status AddAmbiguity(std::string_view file, std::string_view content);
  absl::Status AddTriggers(std::string_view file, std::string_view content);
  // Compiles what was added. `trigger_words` (normalized) join the vocabulary as rule trigger
  // words, so that the one pass of the matcher also reports where rules may fire: the rule
  // set hands them over here and never writes into the gazetteer afterwards. What only
  // loading needs (raw aliases, where each entry was written, the ambiguity list) is released.
  // `common_words` (normalized ordinary words of the news, data/common_words.tsv) keep a
  // place's name out of its form with or without the article (AddArticleForms).
  absl::Status Finish(const std::vector<std::string_view>& trigger_words = {},
                      const StringSet* common_words = nullptr);

  // Matching.
  // The id of a word of the vocabulary (the words of the aliases and the rule triggers), or 0.
  uint32_t WordId(std::string_view word) const { return vocab_.Find(word); }
  // The normalized text of vocabulary word `id` (1 ≤ id), valid as long as the gazetteer.
  std::string_view WordText(uint32_t id) const { return vocab_.Word(id); }
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
  // The one-word alias that word `w` (normalized) is, or -1.
  int32_t OneWordAlias(std::string_view w) const {
    const uint32_t word = WordId(w);
    return word == 0 || RootChild(word) == 0 ? -1 : NodeAlias(RootChild(word));
  }
  // Whether word `w` (normalized) is a one-word alias that is also an ordinary word
  // (ambiguous.tsv, class common: a look-alike).
  bool IsOrdinaryWordAlias(std::string_view w) const {
    const int32_t a = OneWordAlias(w);
    return a >= 0 && alias_core_[static_cast<uint32_t>(a)].ambiguous;
  }
  AliasInfo alias(uint32_t i) const {
    return AliasInfo{std::string_view(alias_text_.data() + alias_span_[i].offset,
                                      alias_span_[i].size)};
  }
  const std::vector<TriggerInfo>* FindTrigger(std::string_view word) const {
    auto it = triggers_.find(word);
    return it == triggers_.end() ? nullptr : &it->second;
  }

  bool IsTriggerWord(uint32_t word) const { return IsWord(word) && vocab_.head(word).trigger; }
  // Whether `word` (normalized) leads a person's name in the gazetteer: a word before the
  // last of a person's alias (محمد، عبد، بن، الشيخ …) that is not an ordinary word of the
  // news. A village named like the word after it is part of the name (ياسر عبد ربه).
  bool IsNameLeadWord(std::string_view word) const { return name_lead_words_.contains(word); }
  // Whether `word` (normalized) ends a person's name of two words or more in the gazetteer, has
  // the article and is no ordinary word of the news: a family's name (الرشيد، الأسد).
  bool IsFamilyWord(std::string_view word) const { return family_words_.contains(word); }
  // Whether a normalized word is the adjective of a country, made from its one-word names
  // (العراقي، السوري، المصري، الليبي، السعودي).
  bool IsCountryAdjective(std::string_view word) const {
    return country_adjectives_.contains(word);
  }

  const std::vector<EntryInfo>& entries() const { return entries_; }
  // Available after Finish().
  const EntryCore& core(uint32_t entry) const { return core_[entry]; }
  const AliasCore& alias_core(uint32_t alias) const { return alias_core_[alias]; }
  // The entries bearing alias `a`, in entry order, as a range of the flat list.
  const uint32_t* alias_entries_begin(const AliasCore& a) const {
    return alias_entries_.data() + a.first;
  }
  const uint32_t* alias_entries_end(const AliasCore& a) const {
    return alias_entries_.data() + a.first + a.count;
  }
  // The entry with id `id`, or the one an earlier release's id now names (AddIdAliases);
  // null when neither. Available after Finish().
  const EntryInfo* FindEntry(std::string_view id) const;
  size_t alias_count() const { return alias_span_.size(); }
  size_t ambiguous_count() const;
  // Whether the normalized words `first` `second` are a phrase of ordinary words that holds an
  // alias (ambiguous.tsv, class `phrase`), in which the alias is the ordinary word (الطبقه الوسطي:
  // the middle class, not al-Tabqa). `buf` is scratch.
  bool OrdinaryPhrase(std::string_view first, std::string_view second, std::string* buf) const;
  size_t trigger_count() const { return triggers_.size(); }
  void FillStats(GazetteerStats* stats) const;

  // Ancestors of entry `e` (parent first), at most `max_depth` of them.
  template <typename F>
  void ForEachAncestor(uint32_t e, int max_depth, F f) const {
    int32_t p = core_[e].parent;
    for (int d = 0; p >= 0 && d < max_depth; ++d, p = core_[p].parent) f(static_cast<uint32_t>(p));
  }

 private:
  // Where a row was written: an index into files_ and a line number. The "file:line" text is
  // made only for an error message (Where).
  struct Place {
    uint32_t file = 0, line = 0;
  };
  // An old id and the current id it names, as loaded (resolved by Finish).
  struct PendingIdAlias {
    std::string_view old_id, id;
    Place where;
  };
  // An old id and the entry it names, sorted by old id.
  struct IdAlias {
    std::string_view old_id;
    uint32_t entry;
  };
  // An alias's text in alias_text_.
  struct Span {
    uint32_t offset, size;
  };
  // An alias borne by an entry, as Finish collects them (sorted into alias_entries_).
  struct AliasEntry {
    uint32_t alias, entry;
  };

  bool IsWord(uint32_t id) const { return id != 0 && id <= vocab_.size(); }
  // Content that stays valid until Finish: `content` itself or a kept copy.
  std::string_view Keep(std::string_view content, Content kind);
  // A copy of `s` for the gazetteer's life, NUL-terminated (the C API hands out its bytes as
  // C strings); "" stays a view of nothing. Shared keeps one copy of each distinct value (for
  // the few values many entries share: subtype, country, source …).
  std::string_view Store(std::string_view s);
  std::string_view StoreShared(std::string_view s);
  uint32_t AddFile(std::string_view file);
  std::string Where(Place p) const;
  // Entry index of a current id (by_id_), or -1.
  int32_t FindIndex(std::string_view id) const;
  // Entry index of a current id or of an old id that names one, or -1.
  int32_t ResolveId(std::string_view id) const;
  absl::Status IndexIds();
  absl::Status ResolveIdAliases();
  absl::Status ResolveParent(uint32_t entry);
  absl::Status CheckParentCycles() const;
  absl::Status AddAlias(uint32_t entry, std::string_view raw, std::vector<AliasEntry>* borne);
  absl::Status AddAliasForm(uint32_t entry, const std::vector<std::string>& form,
                            std::vector<AliasEntry>* borne);
  uint32_t AddWord(std::string_view w);
  // The alias spelled by `words`, or -1 (the trie is only read).
  int32_t FindAlias(const std::vector<std::string>& words) const;
  // Places also match without the article their source gives (الباغوز → باغوز).
  absl::Status AddArticleForms(const StringSet& common_words, std::vector<AliasEntry>* borne);
  void RegisterTriggerWord(std::string_view word);
  // The word sets read from the loaded entries: the lead words and family words of the
  // people's names (IsNameLeadWord, IsFamilyWord) and the countries' adjectives
  // (IsCountryAdjective).
  void CollectNameLeadWords(const StringSet* common_words);
  // Calls f() with *words set to the normalized words of each name and alias of each person
  // (names that do not normalize to words are skipped). Loading state: before Finish ends.
  // Defined in gazetteer.cc, its only user.
  template <typename F>
  void ForEachPersonNameWords(std::vector<std::string>* words, F f) const;
  void BuildCore(const std::vector<AliasEntry>& borne);
  void MarkForcesBeforeAName();
  uint32_t InsertWords(const std::vector<std::string>& words);
  void ReleaseLoadingState();

  // The entries' strings, NUL-terminated, in blocks that never move.
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_left_ = 0;  // bytes free at the end of the last block
  char* block_end_ = nullptr;

  // Loading state, released by Finish.
  std::deque<std::string> kept_;                   // copies of content not Content::kStatic
  absl::flat_hash_map<std::string_view, std::string_view> shared_;  // StoreShared
  std::vector<std::string> files_;                // names of the files added
  std::vector<Place> entry_where_;                // where each entry was written
  std::vector<std::string_view> pending_aliases_;  // each entry's raw aliases column
  std::vector<PendingIdAlias> pending_id_aliases_;
  StringSet ambiguous_;
  StringSet very_common_;  // ambiguous aliases of kVeryCommonWord documents per 10,000 or more
  StringSet adjectives_;      // AliasCore::adjective
  StringSet nouns_;           // AliasCore::noun
  StringSet words_elsewhere_;  // AliasCore::word_elsewhere
  StringSet bare_forms_;  // AddArticleForms' forms (AliasCore::bare)

  std::vector<EntryInfo> entries_;
  std::vector<uint32_t> by_id_;     // entry indexes sorted by id
  std::vector<IdAlias> id_aliases_;  // sorted by old id
  StringMap<std::vector<TriggerInfo>> triggers_;
  StringSet name_lead_words_;  // IsNameLeadWord
  StringSet family_words_;     // IsFamilyWord
  StringSet country_adjectives_;  // IsCountryAdjective
  StringSet phrases_;          // OrdinaryPhrase: "first second"
  StringSet phrase_firsts_;    // the first words of the phrases (AliasCore::phrase_first)
  StringSet phrase_seconds_;   // their second words (AliasCore::phrase_second)

  WordTable vocab_;
  absl::flat_hash_map<uint64_t, uint32_t> trie_;
  std::vector<int32_t> node_alias_{-1};
  std::string alias_text_;       // the aliases' texts, one after another
  std::vector<Span> alias_span_;  // by alias
  std::vector<EntryCore> core_;
  std::vector<AliasCore> alias_core_;
  std::vector<uint32_t> alias_entries_;
  bool finished_ = false;
};

// Default prominence for an entry with none given.
int DefaultProminence(EntityType type, std::string_view subtype);

}  // namespace alam::internal

#endif  // ALAM_SRC_GAZETTEER_GAZETTEER_H_
