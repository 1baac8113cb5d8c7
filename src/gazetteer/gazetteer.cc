#include "gazetteer/gazetteer.h"

#include <algorithm>
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

std::string_view Gazetteer::Intern(std::string_view s) {
  if (s.empty()) return {};
  auto it = interned_.find(s);
  if (it != interned_.end()) return it->second;
  strings_.emplace_back(s);
  std::string_view v = strings_.back();
  interned_.emplace(std::string(s), v);
  return v;
}

absl::Status Gazetteer::AddTable(std::string_view file, std::string_view content) {
  if (finished_) return absl::FailedPreconditionError("gazetteer already compiled");
  // At most one entry a line: the tables grow once, not by doubling (each doubling copies
  // the entries so far into memory the system has to fault in).
  const size_t lines = static_cast<size_t>(std::count(content.begin(), content.end(), '\n')) + 1;
  entries_.reserve(entries_.size() + lines);
  entry_where_.reserve(entry_where_.size() + lines);
  pending_aliases_.reserve(pending_aliases_.size() + lines);
  return ParseTsv(file, content, kTableColumns, {"id", "type", "name_ar"},
                  [&](const TsvRow& row) -> absl::Status {
    EntryInfo e;
    const std::string_view id = row.Get("id");
    if (!ValidId(id)) {
      return absl::InvalidArgumentError(
          Cat(row.Where(), "invalid id \"", id, "\" (ASCII letters, digits, : . _ - only)"));
    }
    if (id_index_.contains(id)) {
      return absl::InvalidArgumentError(Cat(
          row.Where(), "duplicate id \"", id, "\" (first at ", entry_where_[id_index_[id]], ")"));
    }
    if (!ParseEntityType(row.Get("type"), &e.type)) {
      return absl::InvalidArgumentError(Cat(
          row.Where(), "unknown type \"", row.Get("type"),
          "\" (PLACE, FACTION, PERSON, ORGANIZATION, OPERATION)"));
    }
    if (row.Get("name_ar").empty()) {
      return absl::InvalidArgumentError(Cat(row.Where(), "empty name_ar for \"", id, "\""));
    }
    const std::string_view lat = row.Get("lat"), lon = row.Get("lon");
    if (!lat.empty() || !lon.empty()) {
      if (!ParseNumber(lat, &e.lat) || !ParseNumber(lon, &e.lon) || e.lat < -90 ||
          e.lat > 90 || e.lon < -180 || e.lon > 180) {
        return absl::InvalidArgumentError(
            Cat(row.Where(), "bad coordinates \"", lat, "\", \"", lon, "\""));
      }
      e.has_coordinates = true;
    }
    const std::string_view approx = row.Get("coord_approx");
    if (approx != "" && approx != "0" && approx != "1") {
      return absl::InvalidArgumentError(Cat(row.Where(), "coord_approx must be 0, 1 or empty"));
    }
    e.coordinates_approximate = approx == "1";
    const std::string_view prom = row.Get("prominence");
    e.prominence = -1;
    if (!prom.empty() && (!ParseNumber(prom, &e.prominence) || e.prominence < 0 ||
                          e.prominence > 100)) {
      return absl::InvalidArgumentError(
          Cat(row.Where(), "prominence must be an integer 0-100, got \"", prom, "\""));
    }
    e.id = Intern(id);
    e.subtype = Intern(row.Get("subtype"));
    e.name_ar = Intern(row.Get("name_ar"));
    e.name_en = Intern(row.Get("name_en"));
    e.country = Intern(row.Get("country"));
    e.parent_id = Intern(row.Get("parent"));
    e.pcode = Intern(row.Get("pcode"));
    e.wikidata = Intern(row.Get("wikidata"));
    e.geonames = Intern(row.Get("geonames"));
    e.un_ref = Intern(row.Get("un_ref"));
    e.valid_from = Intern(row.Get("valid_from"));
    e.valid_to = Intern(row.Get("valid_to"));
    e.role = Intern(row.Get("role"));
    e.source = Intern(row.Get("source"));
    if (e.prominence < 0) e.prominence = DefaultProminence(e.type, e.subtype);
    const uint32_t index = static_cast<uint32_t>(entries_.size());
    entries_.push_back(e);
    entry_where_.push_back(Cat(row.file, ":", row.line));
    id_index_.emplace(std::string(e.id), index);
    std::vector<std::string_view> raw = {e.name_ar};
    const std::string_view aliases = row.Get("aliases");
    if (!aliases.empty()) {
      for (std::string_view a : Split(aliases, '|')) raw.push_back(Intern(a));
    }
    pending_aliases_.push_back(std::move(raw));
    return absl::OkStatus();
  });
}

absl::Status Gazetteer::AddAmbiguity(std::string_view file, std::string_view content) {
  return ParseTsv(file, content, {"alias", "class", "evidence"}, {"alias", "class"},
                  [&](const TsvRow& row) -> absl::Status {
    if (row.Get("class") != "common") {
      return absl::InvalidArgumentError(
          Cat(row.Where(), "unknown ambiguity class \"", row.Get("class"), "\""));
    }
    std::vector<std::string> words;
    absl::Status s = AliasWords(row.Get("alias"), &words);
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          Cat(row.Where(), "alias \"", row.Get("alias"), "\" ", s.message()));
    }
    ambiguous_.insert(Join(words, " "));
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
    t.subtype = Intern(row.Get("subtype"));
    triggers_[words[0]].push_back(t);
    return absl::OkStatus();
  });
}

uint32_t Gazetteer::AddWord(std::string_view w) { return vocab_.Insert(w); }

void Gazetteer::RegisterTriggerWord(std::string_view word) {
  vocab_.head(AddWord(word)).trigger = 1;
}

void Gazetteer::InsertWords(const std::vector<std::string>& words, uint32_t alias) {
  uint32_t node = 0;
  for (const std::string& w : words) {
    const uint64_t key = (static_cast<uint64_t>(node) << 32) | AddWord(w);
    auto it = trie_.find(key);
    if (it == trie_.end()) {
      const uint32_t child = static_cast<uint32_t>(node_alias_.size());
      node_alias_.push_back(-1);
      it = trie_.emplace(key, child).first;
      // A word's head keeps 31 bits of node (AddAlias stops before there are more nodes).
      if (node == 0) vocab_.head(static_cast<uint32_t>(key)).node = child & 0x7FFFFFFFu;
    }
    node = it->second;
  }
  node_alias_[node] = static_cast<int32_t>(alias);
  if (words.size() == 1) vocab_.head(vocab_.Find(words[0])).alias = static_cast<int32_t>(alias);
}

absl::Status Gazetteer::AddAlias(uint32_t entry, std::string_view raw, const std::string& where) {
  std::vector<std::string> words;
  absl::Status s = AliasWords(raw, &words);
  if (!s.ok()) {
    return absl::InvalidArgumentError(Cat(where, ": alias \"", raw, "\" of \"",
                                                   entries_[entry].id, "\" ", s.message()));
  }
  // The alias as written, plus the forms news writes without a space before the article or
  // after عبد/ابو (ديرالزور، عبدالله).
  std::vector<std::vector<std::string>> forms = {words};
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (StartsWithArticle(words[i + 1]) || words[i] == "\xD8\xB9\xD8\xA8\xD8\xAF" /*عبد*/ ||
        words[i] == "\xD8\xA7\xD8\xA8\xD9\x88" /*ابو*/) {
      std::vector<std::string> joined(words.begin(), words.begin() + static_cast<long>(i));
      joined.push_back(words[i] + words[i + 1]);
      joined.insert(joined.end(), words.begin() + static_cast<long>(i) + 2, words.end());
      forms.push_back(std::move(joined));
    }
  }
  for (const auto& form : forms) {
    std::string text = Join(form, " ");
    auto it = alias_index_.find(text);
    if (it == alias_index_.end()) {
      // Trie nodes are numbered in 31 bits (WordTable::Head); a form adds at most one a word.
      if (node_alias_.size() + form.size() > 0x7FFFFFFFu) {
        return absl::ResourceExhaustedError(
            Cat(where, ": too many alias words for one gazetteer (2^31 trie nodes)"));
      }
      const uint32_t index = static_cast<uint32_t>(aliases_.size());
      aliases_.push_back(AliasInfo{text, {}, false});
      it = alias_index_.emplace(std::move(text), index).first;
      InsertWords(form, index);
    }
    std::vector<uint32_t>& list = aliases_[it->second].entries;
    if (std::find(list.begin(), list.end(), entry) == list.end()) list.push_back(entry);
  }
  return absl::OkStatus();
}

absl::Status Gazetteer::Finish(const std::vector<std::string_view>& trigger_words) {
  if (finished_) return absl::FailedPreconditionError("gazetteer already compiled");
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    EntryInfo& e = entries_[i];
    if (!e.parent_id.empty()) {
      auto it = id_index_.find(e.parent_id);
      if (it == id_index_.end()) {
        return absl::InvalidArgumentError(Cat(
            entry_where_[i], ": parent \"", e.parent_id, "\" of \"", e.id, "\" does not exist"));
      }
      if (it->second == i) {
        return absl::InvalidArgumentError(
            Cat(entry_where_[i], ": \"", e.id, "\" is its own parent"));
      }
      e.parent = static_cast<int32_t>(it->second);
    }
    for (std::string_view raw : pending_aliases_[i]) {
      absl::Status s = AddAlias(i, raw, entry_where_[i]);
      if (!s.ok()) return s;
    }
  }
  // Parent cycles would make ancestor walks loop; depth-limited walks are used anyway, but a
  // cycle is a data error worth reporting.
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    int32_t p = entries_[i].parent;
    for (size_t steps = 0; p >= 0; ++steps, p = entries_[p].parent) {
      if (steps > entries_.size() || static_cast<uint32_t>(p) == i) {
        return absl::InvalidArgumentError(Cat(
            entry_where_[i], ": parent chain of \"", entries_[i].id, "\" is a cycle"));
      }
    }
  }
  for (AliasInfo& a : aliases_) a.ambiguous = ambiguous_.contains(a.text);
  BuildCore();
  for (std::string_view w : trigger_words) RegisterTriggerWord(w);
  pending_aliases_.clear();
  pending_aliases_.shrink_to_fit();
  finished_ = true;
  return absl::OkStatus();
}

void Gazetteer::BuildCore() {
  std::vector<uint32_t> by_id(entries_.size());
  for (uint32_t i = 0; i < by_id.size(); ++i) by_id[i] = i;
  std::sort(by_id.begin(), by_id.end(),
            [&](uint32_t a, uint32_t b) { return entries_[a].id < entries_[b].id; });
  core_.assign(entries_.size(), EntryCore());
  for (uint32_t r = 0; r < by_id.size(); ++r) core_[by_id[r]].id_rank = r;
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
    }
  }
  alias_core_.assign(aliases_.size(), AliasCore());
  alias_entries_.clear();
  for (uint32_t i = 0; i < aliases_.size(); ++i) {
    const AliasInfo& a = aliases_[i];
    AliasCore& c = alias_core_[i];
    c.first = static_cast<uint32_t>(alias_entries_.size());
    c.count = static_cast<uint32_t>(a.entries.size());
    c.ambiguous = a.ambiguous;
    alias_entries_.insert(alias_entries_.end(), a.entries.begin(), a.entries.end());
  }
}

const EntryInfo* Gazetteer::FindEntry(std::string_view id) const {
  auto it = id_index_.find(id);
  return it == id_index_.end() ? nullptr : &entries_[it->second];
}

size_t Gazetteer::ambiguous_count() const {
  size_t n = 0;
  for (const AliasInfo& a : aliases_) n += a.ambiguous;
  return n;
}

void Gazetteer::FillStats(GazetteerStats* stats) const {
  // Keyed by views of the entries' own strings: a row's strings are made once, not per entry.
  std::map<std::tuple<std::string_view, std::string_view, std::string_view>,
           GazetteerStats::Row>
      rows;
  std::vector<size_t> alias_count(entries_.size(), 0);
  for (const AliasInfo& a : aliases_) {
    for (uint32_t e : a.entries) ++alias_count[e];
  }
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
  }
  stats->entries = entries_.size();
  stats->aliases = aliases_.size();
  stats->ambiguous_aliases = ambiguous_count();
  stats->triggers = triggers_.size();
  stats->rows.clear();
  for (auto& [k, r] : rows) stats->rows.push_back(r);
}

}  // namespace alam::internal
