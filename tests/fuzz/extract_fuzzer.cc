// Fuzz target: alam::Extractor::Extract over arbitrary bytes, with the embedded data.
//
// Two extractors live for the whole process: the default one (invalid UTF-8 is an error) and
// one that repairs invalid UTF-8 and keeps ungated aliases (more entities, more code paths).
// Properties checked on every input:
//   * the strict extractor fails exactly on invalid UTF-8, with kInvalidArgument;
//   * every span is non-empty, inside the input, starts and ends on character boundaries,
//     `text` is exactly the input slice, code point offsets agree with the byte offsets;
//   * entities are in text order and never overlap; scores are in [0, 1]; alias-made entities
//     have an id and an entry, rule-made ones have neither;
//   * two scratches, and one scratch used twice, give identical results.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "alam/extractor.h"
#include "fuzz_check.h"

namespace {

const alam::Extractor& Get(bool repair) {
  static const alam::Extractor* const strict = [] {
    auto ex = alam::Extractor::Create();
    FUZZ_CHECK(ex.ok());
    return ex->release();
  }();
  static const alam::Extractor* const lenient = [] {
    alam::ExtractorOptions o;
    o.repair_invalid_utf8 = true;
    o.keep_ungated = true;
    auto ex = alam::Extractor::Create(o);
    FUZZ_CHECK(ex.ok());
    return ex->release();
  }();
  return repair ? *lenient : *strict;
}

bool Same(const alam::Entity& a, const alam::Entity& b) {
  return a.start == b.start && a.end == b.end && a.byte_start == b.byte_start &&
         a.byte_end == b.byte_end && a.text.data() == b.text.data() &&
         a.text.size() == b.text.size() && a.type == b.type && a.subtype == b.subtype &&
         a.id == b.id && a.name_ar == b.name_ar && a.name_en == b.name_en && a.score == b.score &&
         a.source == b.source && a.alias == b.alias && a.alternatives == b.alternatives &&
         a.entry_index == b.entry_index;
}

void CheckEntities(const alam::Extractor& ex, std::string_view input,
                   const std::vector<alam::Entity>& ents) {
  const alam::fuzz::Boundaries ob(input);
  size_t prev_end = 0;
  for (const alam::Entity& e : ents) {
    FUZZ_CHECK(e.byte_start < e.byte_end);
    FUZZ_CHECK(e.byte_end <= input.size());
    FUZZ_CHECK(ob.boundary[e.byte_start] && ob.boundary[e.byte_end]);
    FUZZ_CHECK(e.byte_start >= prev_end);
    prev_end = e.byte_end;
    FUZZ_CHECK(e.text.data() == input.data() + e.byte_start);
    FUZZ_CHECK(e.text.size() == e.byte_end - e.byte_start);
    FUZZ_CHECK(e.start == ob.cp_index[e.byte_start]);
    FUZZ_CHECK(e.end == ob.cp_index[e.byte_end]);
    FUZZ_CHECK(e.score >= 0.0 && e.score <= 1.0);
    FUZZ_CHECK(static_cast<unsigned>(e.type) <= 4u);
    if (e.source == "alias") {
      FUZZ_CHECK(!e.id.empty());
      const alam::EntryInfo* info = ex.entry(e);
      FUZZ_CHECK(info != nullptr && info->id == e.id && info->type == e.type);
    } else {
      // A rule's name carries an id only when it is linked to a listed person.
      FUZZ_CHECK(e.source.substr(0, 5) == "rule:");
      const alam::EntryInfo* info = ex.entry(e);
      FUZZ_CHECK(e.id.empty() == (info == nullptr));
      FUZZ_CHECK(info == nullptr ||
                 (info->id == e.id && e.type == alam::EntityType::kPerson && info->type == e.type));
    }
  }
}

void Run(bool repair, std::string_view input) {
  const alam::Extractor& ex = Get(repair);
  static std::unique_ptr<alam::Scratch> scratch[2][2];
  for (auto& s : scratch[repair]) {
    if (!s) s = ex.NewScratch();
  }
  std::vector<alam::Entity> a, b, c;
  const absl::Status sa = ex.Extract(input, scratch[repair][0].get(), &a);
  const absl::Status sb = ex.Extract(input, scratch[repair][1].get(), &b);
  const absl::Status sc = ex.Extract(input, scratch[repair][0].get(), &c);
  FUZZ_CHECK(sa.code() == sb.code() && sa.code() == sc.code());
  if (repair || alam::fuzz::IsValidUtf8(input)) {
    FUZZ_CHECK(sa.ok());
  } else {
    FUZZ_CHECK(sa.code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK(a.empty());
    return;
  }
  CheckEntities(ex, input, a);
  FUZZ_CHECK(a.size() == b.size() && a.size() == c.size());
  for (size_t i = 0; i < a.size(); ++i) FUZZ_CHECK(Same(a[i], b[i]) && Same(a[i], c[i]));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  Run(false, input);
  Run(true, input);
  return 0;
}
