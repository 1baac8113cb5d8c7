#include "gazetteer/gazetteer.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <tuple>

#include "alam/normalizer.h"
#include "core/tsv.h"
#include "normalize/tokenizer.h"
#include "core/strings.h"

namespace alam::internal {
namespace {

const std::vector<std::string_view> kTableColumns = {
    "id", "type", "subtype", "name_ar", "name_en", "aliases", "country", "parent", "lat",
    "lon", "coord_approx", "pcode", "wikidata", "geonames", "un_ref", "valid_from",
    "valid_to", "prominence", "role", "source"};

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == ':' || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Normalizes an alias or trigger and splits it into words. Fails when it is empty after
// normalization or has anything but spaces between, before or after its words.
absl::Status AliasWords(std::string_view raw, std::vector<std::string>* words) {
  words->clear();
  std::string norm;
  absl::Status s = Normalize(raw, &norm, nullptr);
  if (!s.ok()) return s;
  std::vector<Token> toks;
  Tokenize(norm, &toks);
  if (toks.empty()) return absl::InvalidArgumentError("is empty after normalization");
  size_t covered = 0;
  for (const Token& t : toks) {
    if (t.gap != Gap::kSpace) {
      return absl::InvalidArgumentError("has punctuation between its words");
    }
    covered += t.end - t.start;
    words->emplace_back(norm.substr(t.start, t.end - t.start));
  }
  const size_t spaces = static_cast<size_t>(std::count(norm.begin(), norm.end(), ' '));
  if (covered + spaces != norm.size()) {
    return absl::InvalidArgumentError("contains punctuation");
  }
  return absl::OkStatus();
}

bool StartsWithArticle(std::string_view w) {
  return w.size() > 4 && w.substr(0, 4) == "\xD8\xA7\xD9\x84";  // "ال"
}


// The columns of a table, in kTableColumns' order.
enum TableColumn {
  kId, kType, kSubtype, kNameAr, kNameEn, kAliases, kCountry, kParent, kLat, kLon,
  kCoordApprox, kPcode, kWikidata, kGeonames, kUnRef, kValidFrom, kValidTo, kProminence,
  kRole, kSource
};

// A row of a table, its columns read by index (looked up once a file).
struct TableRow {
  const TsvRow& row;
  const std::vector<size_t>& columns;  // by TableColumn
  std::string_view operator[](TableColumn c) const { return row.At(columns[c]); }
};

// Checks a table row and reads its type, coordinates and prominence into *e (-1: none given).
absl::Status ParseEntry(const TableRow& r, EntryInfo* e) {
  const TsvRow& row = r.row;
  const std::string_view id = r[kId];
  if (!ValidId(id)) {
    return absl::InvalidArgumentError(
        Cat(row.Where(), "invalid id \"", id, "\" (ASCII letters, digits, : . _ - only)"));
  }
  if (!ParseEntityType(r[kType], &e->type)) {
    return absl::InvalidArgumentError(Cat(row.Where(), "unknown type \"", r[kType],
                                          "\" (PLACE, FACTION, PERSON, ORGANIZATION, OPERATION)"));
  }
  if (r[kNameAr].empty()) {
    return absl::InvalidArgumentError(Cat(row.Where(), "empty name_ar for \"", id, "\""));
  }
  const std::string_view lat = r[kLat], lon = r[kLon];
  if (!lat.empty() || !lon.empty()) {
    if (!ParseNumber(lat, &e->lat) || !ParseNumber(lon, &e->lon) || e->lat < -90 ||
        e->lat > 90 || e->lon < -180 || e->lon > 180) {
      return absl::InvalidArgumentError(
          Cat(row.Where(), "bad coordinates \"", lat, "\", \"", lon, "\""));
    }
    e->has_coordinates = true;
  }
  const std::string_view approx = r[kCoordApprox];
  if (approx != "" && approx != "0" && approx != "1") {
    return absl::InvalidArgumentError(Cat(row.Where(), "coord_approx must be 0, 1 or empty"));
  }
  e->coordinates_approximate = approx == "1";
  const std::string_view prom = r[kProminence];
  e->prominence = -1;
  if (!prom.empty() && (!ParseNumber(prom, &e->prominence) || e->prominence < 0 ||
                        e->prominence > 100)) {
    return absl::InvalidArgumentError(
        Cat(row.Where(), "prominence must be an integer 0-100, got \"", prom, "\""));
  }
  return absl::OkStatus();
}

// The words of an alias as written, plus the forms news writes without a space before the
// article or after عبد/ابو (ديرالزور، عبدالله), at any number of those places at once: عبد الله
// بن عبد العزيز is also written عبدالله بن عبد العزيز، عبد الله بن عبدالعزيز and عبدالله بن
// عبدالعزيز. Every subset of the first four such places (16 forms), the written one first.
std::vector<std::vector<std::string>> SpacingForms(const std::vector<std::string>& words) {
  std::vector<size_t> joins;  // word i may be joined to word i + 1
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (StartsWithArticle(words[i + 1]) || words[i] == "\xD8\xB9\xD8\xA8\xD8\xAF" /*عبد*/ ||
        words[i] == "\xD8\xA7\xD8\xA8\xD9\x88" /*ابو*/) {
      joins.push_back(i);
    }
  }
  const size_t n_joins = std::min<size_t>(joins.size(), 4);
  std::vector<std::vector<std::string>> forms;
  for (uint32_t subset = 0; subset < (1u << n_joins); ++subset) {
    std::vector<std::string> form;
    for (size_t i = 0, k = 0; i < words.size(); ++i) {
      const bool joined = k > 0 && ((subset >> (k - 1)) & 1) != 0 && joins[k - 1] + 1 == i;
      if (joined) {
        form.back() += words[i];
      } else {
        form.push_back(words[i]);
      }
      if (k < n_joins && joins[k] == i) ++k;
    }
    forms.push_back(std::move(form));
  }
  return forms;
}

}  // namespace

int DefaultProminence(EntityType type, std::string_view subtype) {
  // A river, lake or dam shares its name with towns; news names it with نهر، سد، بحيرة (a
  // trigger that picks it), so bare names go to the settlement.
  if (type != EntityType::kPlace) return 80;
  static const std::map<std::string_view, int> kBySubtype = {
      {"country", 95}, {"continent", 90}, {"city", 85}, {"governorate", 80},
      {"state", 75},   {"river", 50},     {"region", 65}, {"district", 60},
      {"town", 55},    {"crossing", 55},  {"camp", 55},   {"airport", 55},
      {"base", 55},    {"dam", 55},       {"lake", 55},   {"valley", 55},
      {"mountain", 50}, {"oilfield", 50}, {"subdistrict", 40}, {"neighbourhood", 45},
      {"village", 30}};
  auto it = kBySubtype.find(subtype);
  return it == kBySubtype.end() ? 40 : it->second;
}

void Gazetteer::Reserve(size_t entries) {
  entries_.reserve(entries_.size() + entries);
  entry_where_.reserve(entry_where_.size() + entries);
  pending_aliases_.reserve(pending_aliases_.size() + entries);
}

std::string_view Gazetteer::Keep(std::string_view content, Content kind) {
  if (kind == Content::kStatic) return content;
  kept_.emplace_back(content);
  return kept_.back();
}

std::string_view Gazetteer::Store(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() + 1 > block_left_) {
    // Blocks of 64 KB: a string never straddles two, and at most a short tail of each is
    // left unused.
    constexpr size_t kBlock = size_t{1} << 16;
    const size_t n = std::max(kBlock, s.size() + 1);
    blocks_.push_back(std::make_unique<char[]>(n));
    block_end_ = blocks_.back().get();
    block_left_ = n;
  }
  char* p = block_end_;
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  block_end_ += s.size() + 1;
  block_left_ -= s.size() + 1;
  return std::string_view(p, s.size());
}

std::string_view Gazetteer::StoreShared(std::string_view s) {
  if (s.empty()) return {};
  auto it = shared_.find(s);
  if (it != shared_.end()) return it->second;
  const std::string_view v = Store(s);
  shared_.emplace(v, v);
  return v;
}

uint32_t Gazetteer::AddFile(std::string_view file) {
  files_.emplace_back(file);
  return static_cast<uint32_t>(files_.size() - 1);
}

std::string Gazetteer::Where(Place p) const { return Cat(files_[p.file], ":", p.line); }

absl::Status Gazetteer::AddTable(std::string_view file, std::string_view content,
                                 Content kind) {
  if (finished_) return absl::FailedPreconditionError("gazetteer already compiled");
  // At most one entry a line: the tables grow at most once a file (not by doubling), and not
  // at all when the loader reserved room for its tables.
  const size_t lines = static_cast<size_t>(std::count(content.begin(), content.end(), '\n')) + 1;
  if (entries_.capacity() < entries_.size() + lines) Reserve(lines);
  const std::string_view text = Keep(content, kind);
  const uint32_t file_index = AddFile(file);
  std::vector<size_t> columns;  // kTableColumns' indexes in this file's header
  return ParseTsv(file, text, kTableColumns, {"id", "type", "name_ar"},
                  [&](const TsvRow& row) -> absl::Status {
    if (columns.empty()) {
      for (std::string_view name : kTableColumns) columns.push_back(row.Index(name));
    }
    const TableRow r{row, columns};
    EntryInfo e;
    if (absl::Status s = ParseEntry(r, &e); !s.ok()) return s;
    e.id = Store(r[kId]);
    e.name_ar = Store(r[kNameAr]);
    e.name_en = Store(r[kNameEn]);
    e.parent_id = r[kParent];  // made the parent's own id by Finish
    e.pcode = Store(r[kPcode]);
    e.wikidata = Store(r[kWikidata]);
    e.geonames = Store(r[kGeonames]);
    e.un_ref = Store(r[kUnRef]);
    e.role = Store(r[kRole]);
    e.subtype = StoreShared(r[kSubtype]);
    e.country = StoreShared(r[kCountry]);
    e.valid_from = StoreShared(r[kValidFrom]);
    e.valid_to = StoreShared(r[kValidTo]);
    e.source = StoreShared(r[kSource]);
    if (e.prominence < 0) e.prominence = DefaultProminence(e.type, e.subtype);
    entries_.push_back(e);
    entry_where_.push_back(Place{file_index, static_cast<uint32_t>(row.line)});
    pending_aliases_.push_back(r[kAliases]);
    return absl::OkStatus();
  });
}

absl::Status Gazetteer::AddIdAliases(std::string_view file, std::string_view content,
                                     Content kind) {
  if (finished_) return absl::FailedPreconditionError("gazetteer already compiled");
  const std::string_view text = Keep(content, kind);
  const uint32_t file_index = AddFile(file);
  return ParseTsv(file, text, {"old_id", "id"}, {"old_id", "id"},
                  [&](const TsvRow& row) -> absl::Status {
    const std::string_view old_id = row.Get("old_id"), id = row.Get("id");
    if (!ValidId(old_id) || !ValidId(id)) {
      return absl::InvalidArgumentError(Cat(row.Where(), "invalid id alias \"", old_id,
                                            "\" -> \"", id,
                                            "\" (ASCII letters, digits, : . _ - only)"));
    }
    pending_id_aliases_.push_back(
        PendingIdAlias{Store(old_id), id, Place{file_index, static_cast<uint32_t>(row.line)}});
    return absl::OkStatus();
  });
}

absl::Status Gazetteer::AddAmbiguity(std::string_view file, std::string_view content) {
  return ParseTsv(file, content, {"alias", "class", "evidence"}, {"alias", "class"},
                  [&](const TsvRow& row) -> absl::Status {
    const std::string_view cls = row.Get("class");
    if (cls != "common" && cls != "phrase" && cls != "adjective" && cls != "noun" &&
        cls != "war") {
      return absl::InvalidArgumentError(Cat(row.Where(), "unknown ambiguity class \"", cls,
                                            "\" (common, phrase, adjective, noun or war)"));
    }
    std::vector<std::string> words;
    absl::Status s = AliasWords(row.Get("alias"), &words);
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          Cat(row.Where(), "alias \"", row.Get("alias"), "\" ", s.message()));
    }
    if (cls == "phrase") {
      if (words.size() != 2) {
        return absl::InvalidArgumentError(
            Cat(row.Where(), "phrase \"", row.Get("alias"), "\" must be two words"));
      }
      phrase_firsts_.insert(words[0]);
      phrase_seconds_.insert(words[1]);
      phrases_.insert(Join(words, " "));
      return absl::OkStatus();
    }
    if (cls == "adjective" || cls == "noun") {
      if (words.size() != 1) {
        return absl::InvalidArgumentError(
            Cat(row.Where(), cls, " \"", row.Get("alias"), "\" must be one word"));
      }
      (cls == "noun" ? nouns_ : adjectives_).insert(words[0]);
      return absl::OkStatus();
    }
    if (cls == "war") {
      words_elsewhere_.insert(Join(words, " "));
      return absl::OkStatus();
    }
    // Every spacing the alias is matched in (SpacingForms: عبد العزيز، عبدالعزيز).
    double per_10k = 0;
    const bool very_common =
        ParseNumber(row.Get("evidence"), &per_10k) && per_10k >= kVeryCommonWord;
    for (const std::vector<std::string>& form : SpacingForms(words)) {
      ambiguous_.insert(Join(form, " "));
      if (very_common) very_common_.insert(Join(form, " "));
    }
    return absl::OkStatus();
  });
}

absl::Status Gazetteer::AddTriggers(std::string_view file, std::string_view content) {
  return ParseTsv(file, content, {"word", "type", "subtype"}, {"word", "type"},
                  [&](const TsvRow& row) -> absl::Status {
    TriggerInfo t;
    if (!ParseEntityType(row.Get("type"), &t.type)) {
      return absl::InvalidArgumentError(
          Cat(row.Where(), "unknown type \"", row.Get("type"), "\""));
    }
    std::vector<std::string> words;
    absl::Status s = AliasWords(row.Get("word"), &words);
    if (!s.ok() || words.size() != 1) {
      return absl::InvalidArgumentError(Cat(
          row.Where(), "trigger \"", row.Get("word"), "\" must be one word"));
    }
    t.subtype = StoreShared(row.Get("subtype"));
    triggers_[words[0]].push_back(t);
    return absl::OkStatus();
  });
}

uint32_t Gazetteer::AddWord(std::string_view w) { return vocab_.Insert(w); }

void Gazetteer::RegisterTriggerWord(std::string_view word) {
  vocab_.head(AddWord(word)).trigger = 1;
}

uint32_t Gazetteer::InsertWords(const std::vector<std::string>& words) {
  uint32_t node = 0;
  for (const std::string& w : words) {
    const uint64_t key = (static_cast<uint64_t>(node) << 32) | AddWord(w);
    auto it = trie_.find(key);
    if (it == trie_.end()) {
      const uint32_t child = static_cast<uint32_t>(node_alias_.size());
      node_alias_.push_back(-1);
      it = trie_.emplace(key, child).first;
      // A word's head keeps 31 bits of node (AddAliasForm stops before there are more nodes).
      if (node == 0) vocab_.head(static_cast<uint32_t>(key)).node = child & 0x7FFFFFFFu;
    }
    node = it->second;
  }
  return node;
}

absl::Status Gazetteer::AddAlias(uint32_t entry, std::string_view raw,
                                 std::vector<AliasEntry>* borne) {
  std::vector<std::string> words;
  absl::Status s = AliasWords(raw, &words);
  if (!s.ok()) {
    return absl::InvalidArgumentError(Cat(Where(entry_where_[entry]), ": alias \"", raw,
                                          "\" of \"", entries_[entry].id, "\" ", s.message()));
  }
  const std::vector<std::vector<std::string>> forms = SpacingForms(words);
  for (const auto& form : forms) {
    if (s = AddAliasForm(entry, form, borne); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status Gazetteer::AddAliasForm(uint32_t entry, const std::vector<std::string>& form,
                                     std::vector<AliasEntry>* borne) {
  // Trie nodes are numbered in 31 bits (WordTable::Head); a form adds at most one a word.
  if (node_alias_.size() + form.size() > 0x7FFFFFFFu) {
    return absl::ResourceExhaustedError(Cat(Where(entry_where_[entry]),
                                            ": too many alias words for one gazetteer (2^31 "
                                            "trie nodes)"));
  }
  // One alias a word sequence: the trie node it ends at names it.
  const uint32_t node = InsertWords(form);
  int32_t alias = node_alias_[node];
  if (alias < 0) {
    alias = static_cast<int32_t>(alias_span_.size());
    node_alias_[node] = alias;
    const std::string text = Join(form, " ");
    alias_span_.push_back(
        Span{static_cast<uint32_t>(alias_text_.size()), static_cast<uint32_t>(text.size())});
    alias_text_.append(text).push_back('\0');  // NUL-terminated: the C API's Entity::alias
    if (form.size() == 1) vocab_.head(vocab_.Find(form[0])).alias = alias;
  }
  // An entry's aliases are added one after another: it bears this one already when it is
  // among the last pairs, those of this entry.
  for (auto it = borne->rbegin(); it != borne->rend() && it->entry == entry; ++it) {
    if (it->alias == static_cast<uint32_t>(alias)) return absl::OkStatus();
  }
  borne->push_back(AliasEntry{static_cast<uint32_t>(alias), entry});
  return absl::OkStatus();
}

int32_t Gazetteer::FindIndex(std::string_view id) const {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), id,
                             [&](uint32_t e, std::string_view v) { return entries_[e].id < v; });
  return it != by_id_.end() && entries_[*it].id == id ? static_cast<int32_t>(*it) : -1;
}

int32_t Gazetteer::ResolveId(std::string_view id) const {
  if (const int32_t e = FindIndex(id); e >= 0) return e;
  auto it = std::lower_bound(id_aliases_.begin(), id_aliases_.end(), id,
                             [](const IdAlias& a, std::string_view v) { return a.old_id < v; });
  return it != id_aliases_.end() && it->old_id == id ? static_cast<int32_t>(it->entry) : -1;
}

absl::Status Gazetteer::IndexIds() {
  by_id_.resize(entries_.size());
  for (uint32_t i = 0; i < by_id_.size(); ++i) by_id_[i] = i;
  std::sort(by_id_.begin(), by_id_.end(), [&](uint32_t a, uint32_t b) {
    const int c = entries_[a].id.compare(entries_[b].id);
    return c < 0 || (c == 0 && a < b);
  });
  // The first row (in load order) whose id an earlier row has, as loading them one by one
  // reports it.
  uint32_t dup = UINT32_MAX, first = 0;
  for (size_t k = 1, group = 0; k < by_id_.size(); ++k) {
    if (entries_[by_id_[k]].id != entries_[by_id_[k - 1]].id) {
      group = k;
    } else if (by_id_[k] < dup) {
      dup = by_id_[k];
      first = by_id_[group];
    }
  }
  if (dup == UINT32_MAX) return absl::OkStatus();
  return absl::InvalidArgumentError(Cat(Where(entry_where_[dup]), ": duplicate id \"",
                                        entries_[dup].id, "\" (first at ",
                                        Where(entry_where_[first]), ")"));
}

absl::Status Gazetteer::ResolveIdAliases() {
  id_aliases_.reserve(pending_id_aliases_.size());
  for (const PendingIdAlias& a : pending_id_aliases_) {
    if (const int32_t live = FindIndex(a.old_id); live >= 0) {
      return absl::InvalidArgumentError(Cat(Where(a.where), ": old id \"", a.old_id,
                                            "\" is also a current id (",
                                            Where(entry_where_[live]), ")"));
    }
    const int32_t e = FindIndex(a.id);
    if (e < 0) {
      return absl::InvalidArgumentError(Cat(Where(a.where), ": old id \"", a.old_id,
                                            "\" names \"", a.id, "\", which does not exist"));
    }
    id_aliases_.push_back(IdAlias{a.old_id, static_cast<uint32_t>(e)});
  }
  std::stable_sort(id_aliases_.begin(), id_aliases_.end(),
                   [](const IdAlias& x, const IdAlias& y) { return x.old_id < y.old_id; });
  for (size_t k = 1; k < id_aliases_.size(); ++k) {
    if (id_aliases_[k].old_id == id_aliases_[k - 1].old_id &&
        id_aliases_[k].entry != id_aliases_[k - 1].entry) {
      return absl::InvalidArgumentError(Cat("old id \"", id_aliases_[k].old_id,
                                            "\" names two entries: \"",
                                            entries_[id_aliases_[k - 1].entry].id, "\" and \"",
                                            entries_[id_aliases_[k].entry].id, "\""));
    }
  }
  return absl::OkStatus();
}

absl::Status Gazetteer::ResolveParent(uint32_t i) {
  EntryInfo& e = entries_[i];
  if (e.parent_id.empty()) return absl::OkStatus();
  const int32_t p = ResolveId(e.parent_id);
  if (p < 0) {
    return absl::InvalidArgumentError(Cat(Where(entry_where_[i]), ": parent \"", e.parent_id,
                                          "\" of \"", e.id, "\" does not exist"));
  }
  if (static_cast<uint32_t>(p) == i) {
    return absl::InvalidArgumentError(
        Cat(Where(entry_where_[i]), ": \"", e.id, "\" is its own parent"));
  }
  e.parent = p;
  e.parent_id = entries_[static_cast<size_t>(p)].id;  // an old id becomes the current one
  return absl::OkStatus();
}

absl::Status Gazetteer::CheckParentCycles() const {
  // Depth-limited walks are used anyway, but a cycle is a data error worth reporting.
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    int32_t p = entries_[i].parent;
    for (size_t steps = 0; p >= 0; ++steps, p = entries_[static_cast<size_t>(p)].parent) {
      if (steps > entries_.size() || static_cast<uint32_t>(p) == i) {
        return absl::InvalidArgumentError(Cat(Where(entry_where_[i]), ": parent chain of \"",
                                              entries_[i].id, "\" is a cycle"));
      }
    }
  }
  return absl::OkStatus();
}

int32_t Gazetteer::FindAlias(const std::vector<std::string>& words) const {
  uint32_t node = 0;
  for (const std::string& w : words) {
    const uint32_t id = vocab_.Find(w);
    if (!IsWord(id)) return -1;
    auto it = trie_.find((static_cast<uint64_t>(node) << 32) | id);
    if (it == trie_.end()) return -1;
    node = it->second;
  }
  return node_alias_[node];
}

namespace {

// The alias's first word without its article, when the rest is a name news writes bare: four
// letters or more, not a feminine adjective (…ية: مالكية، جبلية read as words), and neither an
// ordinary word (`common`) nor one after a proclitic (زارة is وزارة read as و + زارة), nor a
// word of a person's name (`person`).
bool DropArticle(std::vector<std::string>* words, const StringSet& common,
                 const StringSet& person) {
  std::string& w = (*words)[0];
  if (!StartsWithArticle(w) || w.size() < 4 + 8) return false;
  w.erase(0, 4);
  if (w.compare(w.size() - 4, 4, "\xD9\x8A\xD9\x87") == 0) return false;  // يه
  if (common.contains(w) || person.contains(w)) return false;
  static constexpr std::string_view kProclitics[] = {"\xD9\x88", "\xD9\x81", "\xD8\xA8",
                                                     "\xD9\x84", "\xD9\x83"};  // و ف ب ل ك
  std::string with;
  for (std::string_view p : kProclitics) {
    with.assign(p).append(w);
    if (common.contains(with)) return false;
  }
  return true;
}

}  // namespace

template <typename F>
void Gazetteer::ForEachPersonNameWords(std::vector<std::string>* words, F f) const {
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].type != EntityType::kPerson) continue;
    if (AliasWords(entries_[i].name_ar, words).ok()) f();
    for (std::string_view a : Split(pending_aliases_[i], '|')) {
      if (AliasWords(a, words).ok()) f();
    }
  }
}

// The form without the article of each place alias (DropArticle) is added when no alias is
// written so: باغوز for الباغوز. It is always gated (ميادين "fields" is not الميادين): a
// trigger word, a relative named nearby or the words around it must support it (Decide in
// src/resolve). (Adding an
// article to a bare name makes more words than names: ناجية → الناجية "the survivor".)
absl::Status Gazetteer::AddArticleForms(const StringSet& common_words,
                                        std::vector<AliasEntry>* borne) {
  // The words of people's names: حسن is not الحسن.
  StringSet person_words;
  std::vector<std::string> words;
  ForEachPersonNameWords(&words, [&] {
    for (std::string& w : words) person_words.insert(std::move(w));
  });
  std::vector<std::pair<std::vector<std::string>, uint32_t>> forms;
  auto consider = [&](std::string_view raw, uint32_t entry) {
    // Only an alias written with the article (ال، أل، إل، آل: a first byte of alef).
    if (raw.size() < 2 || raw[0] != '\xD8' || raw[1] < '\xA2' || raw[1] > '\xA7') return;
    if (!AliasWords(raw, &words).ok() || words.empty()) return;
    if (!DropArticle(&words, common_words, person_words) || FindAlias(words) >= 0) return;
    ambiguous_.insert(Join(words, " "));
    bare_forms_.insert(Join(words, " "));
    forms.emplace_back(words, entry);
  };
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].type != EntityType::kPlace) continue;
    consider(entries_[i].name_ar, i);
    for (std::string_view a : Split(pending_aliases_[i], '|')) consider(a, i);
  }
  for (const auto& [form, entry] : forms) {
    if (absl::Status s = AddAliasForm(entry, form, borne); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status Gazetteer::Finish(const std::vector<std::string_view>& trigger_words,
                               const StringSet* common_words) {
  if (finished_) return absl::FailedPreconditionError("gazetteer already compiled");
  absl::Status s = IndexIds();
  if (s.ok()) s = ResolveIdAliases();
  // The pairs (alias, entry bearing it), in entry order.
  std::vector<AliasEntry> borne;
  borne.reserve(entries_.size() * 2);
  for (uint32_t i = 0; s.ok() && i < entries_.size(); ++i) {
    s = ResolveParent(i);
    if (s.ok()) s = AddAlias(i, entries_[i].name_ar, &borne);
    if (s.ok() && !pending_aliases_[i].empty()) {
      for (std::string_view a : Split(pending_aliases_[i], '|')) {
        if (s = AddAlias(i, a, &borne); !s.ok()) break;
      }
    }
  }
  if (s.ok()) s = CheckParentCycles();
  if (s.ok() && common_words != nullptr) s = AddArticleForms(*common_words, &borne);
  if (!s.ok()) return s;
  CollectNameLeadWords(common_words);
  BuildCore(borne);
  for (std::string_view w : trigger_words) RegisterTriggerWord(w);
  ReleaseLoadingState();
  finished_ = true;
  return absl::OkStatus();
}

void Gazetteer::CollectNameLeadWords(const StringSet* common_words) {
  std::vector<std::string> words;
  // A country's adjective from each one-word name of a country: العراق → العراقي، مصر → المصري,
  // سوريا → السوري, ليبيا → الليبي, السعودية → السعودي (IsCountryAdjective).
  constexpr std::string_view kAl = "\xD8\xA7\xD9\x84", kYeh = "\xD9\x8A";  // ال، ي
  auto add_adjective = [&](std::string_view name) {
    if (!AliasWords(name, &words).ok() || words.size() != 1) return;
    std::string stem = words[0];
    auto drop_tail = [&stem](std::string_view tail) {
      if (stem.size() > tail.size() + 4 && stem.compare(stem.size() - tail.size(), tail.size(),
                                                         tail) == 0) {
        stem.resize(stem.size() - tail.size());
        return true;
      }
      return false;
    };
    // سوريا، ليبيا: the ا (and the ي before it); السعوديه: يه
    if (!drop_tail("\xD9\x8A\xD9\x87") && drop_tail("\xD8\xA7")) drop_tail(kYeh);
    if (stem.size() < 6) return;
    std::string adjective = stem.compare(0, kAl.size(), kAl) == 0 ? stem : Cat(kAl, stem);
    adjective.append(kYeh);
    country_adjectives_.insert(std::move(adjective));
  };
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].type != EntityType::kPlace || entries_[i].subtype != "country") continue;
    add_adjective(entries_[i].name_ar);
    for (std::string_view a : Split(pending_aliases_[i], '|')) add_adjective(a);
  }
  ForEachPersonNameWords(&words, [&] {
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (common_words == nullptr || !common_words->contains(words[i])) {
        name_lead_words_.insert(words[i]);
      }
    }
    // The last word of a name of two words or more, with the article and no ordinary word: a
    // family's name (الرشيد، الأسد، الحكيم).
    const std::string& last = words.back();
    if (words.size() >= 2 && last.size() >= 10 && last.compare(0, 4, "\xD8\xA7\xD9\x84") == 0 &&
        (common_words == nullptr || !common_words->contains(last))) {
      family_words_.insert(last);
    }
  });
}

void Gazetteer::ReleaseLoadingState() {
  std::deque<std::string>().swap(kept_);
  absl::flat_hash_map<std::string_view, std::string_view>().swap(shared_);
  std::vector<std::string>().swap(files_);
  std::vector<Place>().swap(entry_where_);
  std::vector<std::string_view>().swap(pending_aliases_);
  std::vector<PendingIdAlias>().swap(pending_id_aliases_);
  StringSet().swap(ambiguous_);
  StringSet().swap(very_common_);
  StringSet().swap(bare_forms_);
  StringSet().swap(adjectives_);
  StringSet().swap(nouns_);
  alias_text_.shrink_to_fit();
  alias_span_.shrink_to_fit();
  node_alias_.shrink_to_fit();
}

namespace {

// Whether a normalized alias of two words or more starts with a descriptor word that the
// annotation conventions leave outside the span (eval/ANNOTATION.md and tests/eval/README.md,
// R3): ريف دمشق، مخيم اليرموك، إقليم كردستان، ميليشيا الحوثي. مدينة، قرية … also begin village
// names, whose first word is then part of the name (مدينة الغار): not these.
bool StartsWithDescriptor(std::string_view alias) {
  static constexpr std::string_view kDescriptors[] = {
      "\xD8\xB1\xD9\x8A\xD9\x81 ",                                  // "ريف "
      "\xD9\x85\xD8\xAE\xD9\x8A\xD9\x85 ",                          // "مخيم "
      "\xD8\xA7\xD9\x82\xD9\x84\xD9\x8A\xD9\x85 ",                  // "اقليم "
      "\xD9\x85\xD9\x8A\xD9\x84\xD9\x8A\xD8\xB4\xD9\x8A\xD8\xA7 ",      // "ميليشيا "
      "\xD9\x85\xD9\x8A\xD9\x84\xD9\x8A\xD8\xB4\xD9\x8A\xD8\xA7\xD8\xAA ",  // "ميليشيات "
      "\xD9\x85\xD9\x84\xD9\x8A\xD8\xB4\xD9\x8A\xD8\xA7 ",              // "مليشيا "
      "\xD9\x85\xD9\x84\xD9\x8A\xD8\xB4\xD9\x8A\xD8\xA7\xD8\xAA "};   // "مليشيات "
  for (std::string_view d : kDescriptors) {
    if (alias.size() > d.size() && alias.substr(0, d.size()) == d) return true;
  }
  return false;
}

}  // namespace

void Gazetteer::BuildCore(const std::vector<AliasEntry>& borne) {
  core_.assign(entries_.size(), EntryCore());
  for (uint32_t r = 0; r < by_id_.size(); ++r) core_[by_id_[r]].id_rank = r;
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const EntryInfo& e = entries_[i];
    EntryCore& c = core_[i];
    c.parent = e.parent;
    c.prominence = e.prominence;
    c.type = e.type;
    if (e.type == EntityType::kPlace) {
      const std::string_view st = e.subtype;
      if (st == "country" || st == "governorate" || st == "continent" || st == "state" ||
          st == "region") {
        c.flags |= EntryCore::kBroad;
      }
      if (st == "village" || st == "neighbourhood") c.flags |= EntryCore::kNeedsTrigger;
      if (st == "country") c.flags |= EntryCore::kCountry;
      if (st == "village" || st == "town" || st == "neighbourhood") {
        c.flags |= EntryCore::kSmallPlace | EntryCore::kLocalPlace;
      }
      if (st == "subdistrict") c.flags |= EntryCore::kLocalPlace;
    }
  }
  // Each alias's entries, in entry order (the order of `borne`): counted, then placed.
  alias_core_.assign(alias_span_.size(), AliasCore());
  for (const AliasEntry& p : borne) ++alias_core_[p.alias].count;
  uint32_t first = 0;
  for (uint32_t a = 0; a < alias_core_.size(); ++a) {
    alias_core_[a].first = first;
    first += alias_core_[a].count;
    alias_core_[a].ambiguous = ambiguous_.contains(alias(a).text);
    alias_core_[a].bare = bare_forms_.contains(alias(a).text);
    alias_core_[a].very_common = very_common_.contains(alias(a).text);
    alias_core_[a].word_elsewhere = words_elsewhere_.contains(alias(a).text);
    alias_core_[a].phrase_first = phrase_firsts_.contains(alias(a).text);
    alias_core_[a].phrase_second = phrase_seconds_.contains(alias(a).text);
    alias_core_[a].adjective = adjectives_.contains(alias(a).text);
    alias_core_[a].noun = nouns_.contains(alias(a).text);
    alias_core_[a].descriptor_first = StartsWithDescriptor(alias(a).text);
    alias_core_[a].count = 0;
  }
  alias_entries_.assign(borne.size(), 0);
  for (const AliasEntry& p : borne) {
    AliasCore& c = alias_core_[p.alias];
    alias_entries_[c.first + c.count++] = p.entry;
  }
  for (AliasCore& a : alias_core_) {
    if (a.count < 2) continue;
    for (uint32_t i = a.first; i < a.first + a.count; ++i) {
      a.person_too = a.person_too || core_[alias_entries_[i]].type == EntityType::kPerson;
    }
  }
  MarkForcesBeforeAName();
}

// قوات before a faction's complete name is a descriptor outside the span (R4 of
// tests/eval/README.md: قوات التحالف الدولي → التحالف الدولي), unlike قوات that is part of the
// name (قوات سوريا الديمقراطية): an alias "قوات X" whose entries' canonical Arabic name is X.
void Gazetteer::MarkForcesBeforeAName() {
  constexpr std::string_view kForces = "\xD9\x82\xD9\x88\xD8\xA7\xD8\xAA ";  // "قوات "
  std::string name;
  for (uint32_t a = 0; a < alias_core_.size(); ++a) {
    AliasCore& c = alias_core_[a];
    const std::string_view text = alias(a).text;
    if (c.count == 0 || text.size() <= kForces.size() || text.substr(0, kForces.size()) != kForces) {
      continue;
    }
    bool all = true;
    for (const uint32_t* e = alias_entries_begin(c); e != alias_entries_end(c) && all; ++e) {
      all = Normalize(entries_[*e].name_ar, &name, nullptr).ok() &&
            name == text.substr(kForces.size());
    }
    c.descriptor_first = all;
  }
}

const EntryInfo* Gazetteer::FindEntry(std::string_view id) const {
  const int32_t e = ResolveId(id);
  return e < 0 ? nullptr : &entries_[static_cast<size_t>(e)];
}

bool Gazetteer::OrdinaryPhrase(std::string_view first, std::string_view second,
                               std::string* buf) const {
  // Most neighbours are in no phrase: a lookup of each word rules them out without joining.
  if (!phrase_seconds_.contains(second) || !phrase_firsts_.contains(first)) return false;
  buf->assign(first);
  buf->push_back(' ');
  buf->append(second);
  return phrases_.contains(*buf);
}

size_t Gazetteer::ambiguous_count() const {
  size_t n = 0;
  for (const AliasCore& a : alias_core_) n += a.ambiguous;
  return n;
}

void Gazetteer::FillStats(GazetteerStats* stats) const {
  // Keyed by views of the entries' own strings: a row's strings are made once, not per entry.
  std::map<std::tuple<std::string_view, std::string_view, std::string_view>,
           GazetteerStats::Row>
      rows;
  std::vector<size_t> alias_count(entries_.size(), 0);
  for (uint32_t e : alias_entries_) ++alias_count[e];
  for (size_t i = 0; i < entries_.size(); ++i) {
    const EntryInfo& e = entries_[i];
    auto [it, added] = rows.try_emplace(
        std::make_tuple(EntityTypeName(e.type), std::string_view(e.subtype),
                        std::string_view(e.country)));
    GazetteerStats::Row& r = it->second;
    if (added) {
      r.type = std::string(std::get<0>(it->first));
      r.subtype = std::string(std::get<1>(it->first));
      r.country = std::string(std::get<2>(it->first));
    }
    ++r.entries;
    r.aliases += alias_count[i];
    r.with_coordinates += e.has_coordinates;
    r.approximate += e.has_coordinates && e.coordinates_approximate;
    r.with_wikidata += !e.wikidata.empty();
  }
  stats->entries = entries_.size();
  stats->aliases = alias_span_.size();
  stats->ambiguous_aliases = ambiguous_count();
  stats->triggers = triggers_.size();
  stats->rows.clear();
  for (auto& [k, r] : rows) stats->rows.push_back(r);
}

}  // namespace alam::internal
