#include "alam/extractor.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "compiled_data.h"
#include "gazetteer/embedded.h"
#include "gazetteer/gazetteer.h"
#include "gazetteer/matcher.h"
#include "normalize/tokenizer.h"
#include "normalize/utf8.h"
#include "resolve/resolver.h"
#include "rules/rules.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace alam {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPlace: return "PLACE";
    case EntityType::kFaction: return "FACTION";
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrganization: return "ORGANIZATION";
    case EntityType::kOperation: return "OPERATION";
  }
  return "PLACE";
}

bool ParseEntityType(std::string_view name, EntityType* out) {
  static constexpr EntityType kAll[] = {EntityType::kPlace, EntityType::kFaction,
                                        EntityType::kPerson, EntityType::kOrganization,
                                        EntityType::kOperation};
  for (EntityType t : kAll) {
    if (EntityTypeName(t) == name) {
      *out = t;
      return true;
    }
  }
  return false;
}

namespace internal {

const CompiledData& CompiledDataOf(const Extractor& extractor) { return *extractor.data_; }

struct ScratchState {
  const Extractor* owner = nullptr;
  std::atomic<bool> in_use{false};
  std::string normalized;
  OffsetMap map;
  std::vector<Token> tokens;
  std::vector<const internal::Gazetteer::WordSlot*> words;
  std::vector<Candidate> candidates;
  std::vector<TriggerHit> hits;
  std::vector<Resolved> resolved;
  ResolveScratch resolve;
  std::string buf;
  ExtractStats stats;
};

namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(internal::Cat("cannot open ", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return absl::DataLossError(internal::Cat("error reading ", path));
  return ss.str();
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The one dispatch of data files by name: rules.tsv (or any file given as rules),
// stopwords.tsv and common_words.tsv, ambiguous.tsv, triggers.tsv, and every other file as a
// gazetteer table.
enum class DataTarget { kRules, kStopwords, kCommonWords, kAmbiguity, kTriggers, kTable };
DataTarget TargetOf(std::string_view name, bool is_rules) {
  const std::string_view base = BaseName(name);
  if (is_rules || base == "rules.tsv") return DataTarget::kRules;
  if (base == "stopwords.tsv") return DataTarget::kStopwords;
  if (base == "common_words.tsv") return DataTarget::kCommonWords;
  if (base == "ambiguous.tsv") return DataTarget::kAmbiguity;
  if (base == "triggers.tsv") return DataTarget::kTriggers;
  return DataTarget::kTable;
}
// Whether the file loads into the rule set (otherwise into the gazetteer).
bool LoadsIntoRules(DataTarget t) { return t <= DataTarget::kCommonWords; }

absl::Status LoadDataFile(CompiledData* d, std::string_view name, std::string_view content,
                          bool is_rules) {
  switch (TargetOf(name, is_rules)) {
    case DataTarget::kRules: return d->rules.Add(name, content);
    case DataTarget::kStopwords: return d->rules.AddStopwords(name, content, false);
    case DataTarget::kCommonWords: return d->rules.AddStopwords(name, content, true);
    case DataTarget::kAmbiguity: return d->gazetteer.AddAmbiguity(name, content);
    case DataTarget::kTriggers: return d->gazetteer.AddTriggers(name, content);
    case DataTarget::kTable: break;
  }
  return d->gazetteer.AddTable(name, content);
}

// One data file to load: embedded (its content) or named by the user (a path to read).
struct DataSource {
  std::string name;
  std::string_view embedded;
  bool from_disk = false;
  bool is_rules = false;
};

// Loads `sources` in order, the gazetteer's files on one thread and the rule set's on another
// (they do not meet before RuleSet::Bind); the error returned is the first in the order of
// `sources`, as loading them one by one would have reported.
absl::Status LoadDataFiles(CompiledData* d, const std::vector<DataSource>& sources) {
  absl::Status errors[2];
  size_t error_at[2] = {sources.size(), sources.size()};
  ParallelFor(2, 2, [&](size_t stream, unsigned) {
    const bool rules_stream = stream == 1;
    for (size_t k = 0; k < sources.size(); ++k) {
      const DataSource& src = sources[k];
      if (LoadsIntoRules(TargetOf(src.name, src.is_rules)) != rules_stream) continue;
      absl::Status s;
      if (src.from_disk) {
        absl::StatusOr<std::string> content = ReadFile(src.name);
        s = content.ok() ? LoadDataFile(d, src.name, *content, src.is_rules) : content.status();
      } else {
        s = LoadDataFile(d, src.name, src.embedded, src.is_rules);
      }
      if (!s.ok()) {
        errors[stream] = s;
        error_at[stream] = k;
        return;
      }
    }
  });
  if (error_at[0] < error_at[1]) return errors[0];
  if (error_at[1] < sources.size()) return errors[1];
  return absl::OkStatus();
}

// Arabic combining marks removed by normalization that belong to the letter before them.
bool IsTrailingMark(const uint8_t* p, size_t avail) {
  char32_t cp;
  if (avail < 2 || DecodeUtf8(p, avail, &cp) != 2) return false;
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x0610 && cp <= 0x061A) ||
         (cp >= 0x06D6 && cp <= 0x06DC) || (cp >= 0x06DF && cp <= 0x06E4) ||
         (cp >= 0x06E7 && cp <= 0x06E8) || (cp >= 0x06EA && cp <= 0x06ED);
}

}  // namespace
}  // namespace internal

using internal::CompiledData;
using internal::ScratchState;

Scratch::Scratch(const Extractor* owner) : state_(std::make_unique<ScratchState>()) {
  state_->owner = owner;
}
Scratch::~Scratch() = default;
const ExtractStats& Scratch::last_stats() const { return state_->stats; }

Extractor::~Extractor() = default;

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
  std::unique_ptr<Extractor> ex(new Extractor());
  ex->options_ = options;
  ex->data_ = std::make_unique<CompiledData>();
  internal::Gazetteer& g = ex->data_->gazetteer;
  internal::RuleSet& rules = ex->data_->rules;
  if (options.min_score < 0 || options.min_score > 1) {
    return absl::InvalidArgumentError("min_score must be in [0, 1]");
  }
  std::vector<internal::DataSource> sources;
  if (options.use_embedded_data) {
    for (size_t i = 0; i < internal::kEmbeddedFileCount; ++i) {
      const internal::EmbeddedFile& f = internal::kEmbeddedFiles[i];
      sources.push_back({internal::Cat("data/", f.name), std::string_view(f.data, f.size)});
    }
  }
  for (const std::string& path : options.gazetteer_files) {
    sources.push_back({path, {}, true, false});
  }
  for (const std::string& path : options.rule_files) sources.push_back({path, {}, true, true});
  if (absl::Status s = internal::LoadDataFiles(ex->data_.get(), sources); !s.ok()) return s;
  absl::Status s = g.Finish();
  if (!s.ok()) return s;
  rules.Bind(&g);
  return ex;
}

std::unique_ptr<Scratch> Extractor::NewScratch() const {
  return std::unique_ptr<Scratch>(new Scratch(this));
}

absl::Status Extractor::Extract(std::string_view text, Scratch* scratch,
                                std::vector<Entity>* out) const {
  if (scratch == nullptr || out == nullptr) {
    return absl::InvalidArgumentError("scratch and out must not be null");
  }
  ScratchState& st = *scratch->state_;
  if (st.owner != this) {
    return absl::FailedPreconditionError("the scratch belongs to another extractor");
  }
  if (st.in_use.exchange(true, std::memory_order_acquire)) {
    return absl::FailedPreconditionError(
        "the scratch is in use by another call (one scratch per thread)");
  }
  struct Release {
    std::atomic<bool>* flag;
    ~Release() { flag->store(false, std::memory_order_release); }
  } release{&st.in_use};

  out->clear();
  st.stats = ExtractStats();
  if (text.size() > options_.max_document_bytes) {
    return absl::OutOfRangeError(internal::Cat("document of ", text.size(),
                                              " bytes exceeds max_document_bytes (",
                                              options_.max_document_bytes, ")"));
  }
  NormalizeOptions nopt;
  nopt.repair_invalid_utf8 = options_.repair_invalid_utf8;
  size_t normalized_size = 0;
  absl::Status s = internal::NormalizeAndTokenize(text, &st.normalized, &normalized_size, &st.map,
                                                  &st.tokens, nopt);
  if (!s.ok()) return s;
  const std::string_view normalized(st.normalized.data(), normalized_size);
  const internal::Gazetteer& g = data_->gazetteer;
  st.candidates.clear();
  st.hits.clear();
  internal::MatchGazetteer(g, normalized, st.tokens, &st.words, &st.buf, &st.candidates,
                           &st.hits);
  if (options_.enable_rules && !st.hits.empty()) {
    data_->rules.Match(normalized, st.tokens, st.hits, &st.candidates);
  }
  st.stats.candidates = st.candidates.size();
  internal::Resolve(g, data_->rules, options_, normalized, st.tokens, st.candidates,
                    &st.resolve, &st.resolved, &st.stats);

  // Offsets back to the original text: bytes through the offset map, then code points by one
  // forward walk (the spans are in text order).
  const auto* orig = reinterpret_cast<const uint8_t*>(text.data());
  // Valid UTF-8 (always, unless repair is on): a code point starts at every byte that is not
  // a continuation byte. Repaired text: each invalid byte counts as one code point.
  const bool valid = !options_.repair_invalid_utf8 || internal::FindInvalidUtf8(text) == text.size();
  size_t cp_pos = 0, byte_pos = 0;
  auto advance = [&](size_t to) {
    if (valid) {
      if (to > byte_pos) cp_pos += internal::CountCharacterStarts(orig + byte_pos, to - byte_pos);
      byte_pos = std::max(byte_pos, to);
      return;
    }
    while (byte_pos < to) {
      char32_t cp;
      size_t len = internal::DecodeUtf8(orig + byte_pos, text.size() - byte_pos, &cp);
      byte_pos += len == 0 ? 1 : len;
      ++cp_pos;
    }
  };
  out->reserve(st.resolved.size());
  for (const internal::Resolved& r : st.resolved) {
    Entity e;
    e.byte_start = st.map.ToOriginalStart(r.norm_start);
    e.byte_end = st.map.ToOriginalEnd(r.norm_end);
    while (e.byte_end < text.size() && internal::IsTrailingMark(orig + e.byte_end, text.size() - e.byte_end)) {
      e.byte_end += 2;
    }
    advance(e.byte_start);
    e.start = cp_pos;
    advance(e.byte_end);
    e.end = cp_pos;
    e.text = text.substr(e.byte_start, e.byte_end - e.byte_start);
    e.score = r.score;
    e.alternatives = r.alternatives;
    if (r.entry >= 0) {
      const EntryInfo& info = g.entries()[static_cast<uint32_t>(r.entry)];
      e.type = info.type;
      e.subtype = info.subtype;
      e.id = info.id;
      e.name_ar = info.name_ar;
      e.name_en = info.name_en;
      e.entry_index = static_cast<uint32_t>(r.entry);
      if (r.rule == internal::kSurnameRule) {
        e.source = internal::kSurnameSource;
      } else {
        e.source = "alias";
        e.alias = g.alias(static_cast<uint32_t>(r.alias)).text;
      }
    } else {
      const internal::Rule& rule = data_->rules.rule(static_cast<size_t>(r.rule));
      e.type = rule.type;
      e.subtype = rule.subtype;
      e.source = rule.source;
      e.alias = std::string_view(rule.trigger);
      e.entry_index = UINT32_MAX;
    }
    out->push_back(e);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Entity>> Extractor::Extract(std::string_view text) const {
  std::unique_ptr<Scratch> scratch = NewScratch();
  std::vector<Entity> out;
  absl::Status s = Extract(text, scratch.get(), &out);
  if (!s.ok()) return s;
  return out;
}

const EntryInfo* Extractor::entry(const Entity& entity) const {
  if (entity.entry_index >= data_->gazetteer.entries().size()) return nullptr;
  return &data_->gazetteer.entries()[entity.entry_index];
}

const EntryInfo* Extractor::FindEntry(std::string_view id) const {
  return data_->gazetteer.FindEntry(id);
}

const GazetteerStats& Extractor::stats() const {
  const CompiledData& d = *data_;
  std::call_once(d.stats_once, [&d] {
    d.gazetteer.FillStats(&d.stats);
    d.stats.rules = d.rules.size();
  });
  return d.stats;
}

}  // namespace alam

namespace alam {
namespace {
constexpr size_t kMaxBatchThreads = 1024;
}  // namespace

void Extractor::ExtractBatch(const std::vector<std::string_view>& texts, unsigned threads,
                             std::vector<std::vector<Entity>>* out,
                             std::vector<absl::Status>* statuses) const {
  out->assign(texts.size(), {});
  statuses->assign(texts.size(), absl::OkStatus());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(
      std::min<size_t>({threads, kMaxBatchThreads, std::max<size_t>(texts.size(), 1)}));
  std::vector<std::unique_ptr<Scratch>> scratches(threads);
  for (auto& sc : scratches) sc = NewScratch();
  internal::ParallelFor(texts.size(), threads, [&](size_t i, unsigned worker) {
    (*statuses)[i] = Extract(texts[i], scratches[worker].get(), &(*out)[i]);
  });
}

}  // namespace alam
