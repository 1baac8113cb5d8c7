// The facts of a run for the aggregating formats, and the geojson and counts writers.
#include <charconv>
#include <cstdio>

#include "compiled_data.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "format/json_writer.h"
#include "format/run_part.h"

namespace alam::internal {

std::vector<const EntryInfo*> AncestorsOf(const Extractor& extractor, const EntryInfo& info) {
  const std::vector<EntryInfo>& entries = CompiledDataOf(extractor).gazetteer.entries();
  std::vector<const EntryInfo*> chain;
  for (int32_t p = info.parent; p >= 0 && chain.size() < 8;) {
    const EntryInfo& a = entries[static_cast<uint32_t>(p)];
    chain.push_back(&a);
    p = a.parent;
  }
  return chain;
}

std::string_view GovernorateOf(const Extractor& extractor, const EntryInfo& info) {
  const std::vector<EntryInfo>& entries = CompiledDataOf(extractor).gazetteer.entries();
  int32_t p = info.parent;
  for (int depth = 0; p >= 0 && depth < 8; ++depth) {
    const EntryInfo& a = entries[static_cast<uint32_t>(p)];
    if (a.subtype == "governorate") return a.id;
    p = a.parent;
  }
  return {};
}

std::string_view OwnGovernorate(const Extractor& extractor, const EntryInfo& info) {
  return info.subtype == "governorate" ? info.id : GovernorateOf(extractor, info);
}

void AppendValidUtf8(std::string_view s, std::string* out) {
  while (!s.empty()) {
    const size_t bad = FindInvalidUtf8(s);
    out->append(s.data(), bad);
    if (bad == s.size()) break;
    out->append("\xEF\xBF\xBD");
    s.remove_prefix(bad + 1);
  }
}

void AppendDouble(double v, std::string* out) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof(buf), v);
  out->append(buf, static_cast<size_t>(r.ptr - buf));
}

void RunPartState::BeginDocument(std::string_view id, std::string_view doc_date) {
  ++documents;
  doc_id.assign(id);
  date.assign(doc_date);
}

void RunPartState::AddPlace(uint32_t entry_index) {
  auto [it, added] = place_at.try_emplace(entry_index, places.size());
  if (added) {
    places.emplace_back();
    places.back().entry = entry_index;
  }
  PlaceTally& p = places[it->second];
  ++p.mentions;
  if (p.last_doc == documents) return;
  p.last_doc = documents;
  p.docs.push_back(doc_id);
  if (date.empty()) return;
  if (p.first_date.empty() || date < p.first_date) p.first_date = date;
  if (p.last_date.empty() || date > p.last_date) p.last_date = date;
}

void RunPartState::Count(const CountKey& key, const EntryInfo* info, std::string_view subtype,
                         std::string_view governorate, bool own) {
  CountTally& t = counts[key];
  t.subtype = subtype;
  if (info != nullptr) {
    t.name_ar = info->name_ar;
    t.name_en = info->name_en;
    t.governorate = governorate;
  }
  t.mentions += own ? 1 : 0;
  ++t.with_contained;
  if (t.last_doc != documents) {
    t.last_doc = documents;
    ++t.documents;
  }
}

void RunPartState::AddEntities(const Extractor& extractor, const std::vector<Entity>& entities) {
  for (const Entity& e : entities) {
    const EntryInfo* info = extractor.entry(e);
    if (format == RecordFormat::kCounts) {
      if (info == nullptr) {
        Count({date, EntityTypeName(e.type), "", std::string(e.text)}, nullptr, e.subtype, "",
              true);
        continue;
      }
      Count({date, EntityTypeName(info->type), std::string(info->id), ""}, info, info->subtype,
            OwnGovernorate(extractor, *info), true);
      for (const EntryInfo* a : AncestorsOf(extractor, *info)) {
        Count({date, EntityTypeName(a->type), std::string(a->id), ""}, a, a->subtype,
              OwnGovernorate(extractor, *a), false);
      }
    } else if (info != nullptr && info->has_coordinates) {
      AddPlace(e.entry_index);
    } else if (e.type == EntityType::kPlace) {
      uncoordinated.insert(info != nullptr ? std::string(info->id) : Cat("text:", e.text));
    }
  }
}

void RunPartState::Merge(RunPartState&& later) {
  documents += later.documents;
  failed += later.failed;
  for (PlaceTally& p : later.places) {
    auto [it, added] = place_at.try_emplace(p.entry, places.size());
    if (added) {
      places.push_back(std::move(p));
      continue;
    }
    PlaceTally& q = places[it->second];
    q.mentions += p.mentions;
    for (std::string& d : p.docs) q.docs.push_back(std::move(d));
    if (!p.first_date.empty() && (q.first_date.empty() || p.first_date < q.first_date)) {
      q.first_date = p.first_date;
    }
    if (p.last_date > q.last_date) q.last_date = p.last_date;
  }
  uncoordinated.merge(later.uncoordinated);
  for (auto& [key, t] : later.counts) {
    auto [it, added] = counts.try_emplace(key, t);
    if (added) continue;
    it->second.mentions += t.mentions;
    it->second.with_contained += t.with_contained;
    it->second.documents += t.documents;
  }
}

namespace {

void AppendJsonKey(std::string_view key, std::string_view value, std::string* out) {
  AppendCat(out, ", \"", key, "\": ");
  AppendJsonString(value, out);
}

// A feature's "docs": each id once, in input order.
void AppendDocs(const std::vector<std::string>& docs, std::string* out) {
  out->append(", \"docs\": [");
  std::set<std::string_view> seen;
  for (const std::string& d : docs) {
    if (!seen.insert(d).second) continue;
    if (seen.size() > 1) out->append(", ");
    AppendJsonString(d, out);
  }
  out->push_back(']');
}

void AppendFeature(const Extractor& extractor, const PlaceTally& p, std::string* out) {
  const EntryInfo& info = CompiledDataOf(extractor).gazetteer.entries()[p.entry];
  out->append("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [");
  AppendDouble(info.lon, out);
  out->append(", ");
  AppendDouble(info.lat, out);
  out->append("]}, \"properties\": {\"id\": ");
  AppendJsonString(info.id, out);
  AppendJsonKey("name_ar", info.name_ar, out);
  AppendJsonKey("name_en", info.name_en, out);
  AppendJsonKey("type", EntityTypeName(info.type), out);
  AppendJsonKey("subtype", info.subtype, out);
  AppendJsonKey("country", info.country, out);
  AppendJsonKey("governorate", OwnGovernorate(extractor, info), out);
  AppendCat(out, ", \"approximate\": ", info.coordinates_approximate ? "true" : "false",
            ", \"mentions\": ", p.mentions);
  AppendDocs(p.docs, out);
  if (!p.first_date.empty()) {
    AppendJsonKey("first_date", p.first_date, out);
    AppendJsonKey("last_date", p.last_date, out);
  }
  out->append("}}");
}

}  // namespace

void WriteGeoJson(const Extractor& extractor, const RunPartState& run, std::string* out) {
  AppendCat(out, "{\"type\": \"FeatureCollection\", \"documents\": ", run.documents,
            ", \"failed_documents\": ", run.failed,
            ", \"places_without_coordinates\": ", run.uncoordinated.size(), ", \"features\": [");
  for (size_t i = 0; i < run.places.size(); ++i) {
    out->append(i == 0 ? "\n" : ",\n");
    AppendFeature(extractor, run.places[i], out);
  }
  out->append("\n]}\n");
}

void WriteCounts(const RunPartState& run, std::string* out) {
  out->append("date\ttype\tid\tsubtype\tname_ar\tname_en\tgovernorate\tmentions\t"
              "mentions_with_contained\tdocuments\n");
  for (const auto& [key, t] : run.counts) {
    const std::string_view name_ar = key.id.empty() ? std::string_view(key.name_ar) : t.name_ar;
    for (std::string_view cell : {std::string_view(key.date), key.type, std::string_view(key.id),
                                  t.subtype, name_ar, t.name_en, t.governorate}) {
      AppendCell('\t', cell, out);
      out->push_back('\t');
    }
    AppendCat(out, t.mentions, "\t", t.with_contained, "\t", t.documents, "\n");
  }
}

}  // namespace alam::internal
