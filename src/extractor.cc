#include "alam/extractor.h"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "compiled_data.h"
#include "document.h"
#include "scratch_state.h"
#include "gazetteer/embedded.h"
#include "gazetteer/gazetteer.h"
#include "gazetteer/matcher.h"
#include "normalize/tokenizer.h"
#include "core/utf8.h"
#include "resolve/resolver.h"
#include "rules/rules.h"
#include "core/parallel.h"
#include "core/strings.h"
#include "core/tsv.h"

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

// The kind of a file the user names. Embedded files carry theirs (EmbeddedFile::kind); a rule
// file is one given as such; a gazetteer file is known by the names of data/ (stopwords.tsv,
// common_words.tsv, given_names.tsv, ambiguous.tsv, triggers.tsv, rules.tsv), else it is a
// table — or, once its header is read, an id-alias file (IsIdAliasHeader).
DataKind KindOfUserFile(std::string_view path, bool is_rules) {
  const std::string_view base = BaseName(path);
  if (is_rules || base == "rules.tsv") return DataKind::kRules;
  if (base == "stopwords.tsv") return DataKind::kStopwords;
  if (base == "common_words.tsv") return DataKind::kCommonWords;
  if (base == "given_names.tsv") return DataKind::kGivenNames;
  if (base == "ambiguous.tsv") return DataKind::kAmbiguity;
  if (base == "triggers.tsv") return DataKind::kTriggers;
  if (base == "context_model.tsv") return DataKind::kContextModel;
  return DataKind::kTable;
}

// Whether the first line that is not a comment or blank names the columns old_id and id.
bool IsIdAliasHeader(std::string_view content) {
  const std::string_view header = TsvHeader(content);
  return header == "old_id\tid" || header == "id\told_id";
}

// Whether files of the kind load into the rule set (otherwise into the gazetteer).
bool LoadsIntoRules(DataKind k) {
  return k == DataKind::kRules || k == DataKind::kStopwords || k == DataKind::kCommonWords ||
         k == DataKind::kGivenNames || k == DataKind::kContextModel;
}

// One data file to load: embedded (its content, which lives as long as the library) or
// named by the user (a path to read).
struct DataSource {
  std::string name;
  DataKind kind = DataKind::kTable;
  std::string_view embedded;
  bool from_disk = false;
};

absl::Status LoadDataFile(CompiledData* d, const DataSource& src, std::string_view content) {
  const Gazetteer::Content lifetime =
      src.from_disk ? Gazetteer::Content::kCopy : Gazetteer::Content::kStatic;
  DataKind kind = src.kind;
  if (src.from_disk && kind == DataKind::kTable && IsIdAliasHeader(content)) {
    kind = DataKind::kIdAliases;
  }
  switch (kind) {
    case DataKind::kRules: return d->rules.Add(src.name, content);
    case DataKind::kStopwords: return d->rules.AddStopwords(src.name, content, false);
    case DataKind::kCommonWords: return d->rules.AddStopwords(src.name, content, true);
    case DataKind::kGivenNames: return d->rules.AddGivenNames(src.name, content);
    case DataKind::kContextModel: return d->context.Add(src.name, content);
    case DataKind::kAmbiguity: return d->gazetteer.AddAmbiguity(src.name, content);
    case DataKind::kTriggers: return d->gazetteer.AddTriggers(src.name, content);
    case DataKind::kIdAliases: return d->gazetteer.AddIdAliases(src.name, content, lifetime);
    case DataKind::kTable: break;
  }
  return d->gazetteer.AddTable(src.name, content, lifetime);
}

// Room for the entries of the embedded tables (at most one a line), made once.
void ReserveEmbeddedEntries(CompiledData* d, const std::vector<DataSource>& sources) {
  size_t lines = 0;
  for (const DataSource& src : sources) {
    if (src.from_disk || src.kind != DataKind::kTable) continue;
    lines += static_cast<size_t>(std::count(src.embedded.begin(), src.embedded.end(), '\n')) + 1;
  }
  d->gazetteer.Reserve(lines);
}

// Loads `sources` in order, the gazetteer's files on one thread and the rule set's on another
// (they do not meet before RuleSet::Bind); the error returned is the first in the order of
// `sources`, as loading them one by one would have reported.
absl::Status LoadDataFiles(CompiledData* d, const std::vector<DataSource>& sources) {
  absl::Status errors[2];
  size_t error_at[2] = {sources.size(), sources.size()};
  ParallelFor(2, 2, [&](size_t stream, unsigned) {
    const bool rules_stream = stream == 1;
    if (!rules_stream) ReserveEmbeddedEntries(d, sources);
    for (size_t k = 0; k < sources.size(); ++k) {
      const DataSource& src = sources[k];
      if (LoadsIntoRules(src.kind) != rules_stream) continue;
      absl::Status s;
      if (src.from_disk) {
        absl::StatusOr<std::string> content = ReadFile(src.name);
        s = content.ok() ? LoadDataFile(d, src, *content) : content.status();
      } else {
        s = LoadDataFile(d, src, src.embedded);
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
      sources.push_back(
          {internal::Cat("data/", f.name), f.kind, std::string_view(f.data, f.size), false});
    }
  }
  for (const std::string& path : options.gazetteer_files) {
    sources.push_back({path, internal::KindOfUserFile(path, false), {}, true});
  }
  for (const std::string& path : options.rule_files) {
    sources.push_back({path, internal::DataKind::kRules, {}, true});
  }
  if (absl::Status s = internal::LoadDataFiles(ex->data_.get(), sources); !s.ok()) return s;
  absl::Status s = g.Finish(rules.TriggerWords(), &rules.common_words());
  if (!s.ok()) return s;
  rules.Bind(g);
  return ex;
}

std::unique_ptr<Scratch> Extractor::NewScratch() const {
  return std::unique_ptr<Scratch>(new Scratch(this));
}

absl::Status Extractor::Extract(std::string_view text, Scratch* scratch,
                                std::vector<Entity>* out) const {
  return Extract(text, DocumentContext(), scratch, out);
}

namespace {

// Whether `date` is empty or an ISO date YYYY-MM-DD (digits and dashes in place, a month
// 01-12 and a day 01-31).
bool IsIsoDateOrEmpty(std::string_view date) {
  if (date.empty()) return true;
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  const int month = (date[5] - '0') * 10 + (date[6] - '0');
  const int day = (date[8] - '0') * 10 + (date[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

absl::Status Extractor::Extract(std::string_view text, const DocumentContext& context,
                                Scratch* scratch, std::vector<Entity>* out) const {
  if (scratch == nullptr || out == nullptr) {
    return absl::InvalidArgumentError("scratch and out must not be null");
  }
  if (!IsIsoDateOrEmpty(context.date)) {
    return absl::InvalidArgumentError(internal::Cat(
        "document date \"", context.date, "\" is not an ISO date YYYY-MM-DD"));
  }
  internal::ScratchState* st = nullptr;
  if (absl::Status s = internal::AcquireScratch(*this, scratch, &st); !s.ok()) return s;
  out->clear();
  st->resolve.date = context.date;
  std::vector<Entity>& segment = st->segment_entities;
  absl::Status s = internal::ExtractDocument(*this, text, st, &segment, [&](const internal::Segment&, const std::vector<Entity>& es) {
    out->insert(out->end(), es.begin(), es.end());
  });
  st->resolve.date = {};  // streams and batches have no date; record writers set their own
  if (!s.ok()) out->clear();
  internal::ReleaseScratch(st);
  return s;
}

absl::StatusOr<std::vector<Entity>> Extractor::Extract(std::string_view text) const {
  std::unique_ptr<Scratch> scratch = NewScratch();
  std::vector<Entity> out;
  absl::Status s = Extract(text, scratch.get(), &out);
  if (!s.ok()) return s;
  // The explanations live in the scratch, which goes now: no view may outlive it.
  for (Entity& e : out) e.explain = {};
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
    for (Entity& e : (*out)[i]) e.explain = {};  // it lives in the scratch
  });
}

}  // namespace alam
