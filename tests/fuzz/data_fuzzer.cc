// Fuzz target: the data-file loaders (gazetteer tables, ambiguity lists, trigger words, rule
// files) over arbitrary bytes, then one extraction with whatever was loaded.
//
// Input layout: the first byte selects the loader that gets the rest of the input
//   0 gazetteer table (Gazetteer::AddTable)      1 ambiguity list (Gazetteer::AddAmbiguity)
//   2 trigger words (Gazetteer::AddTriggers)     3 rule file (RuleSet::Add)
// (the selector is taken modulo 4). The other loaders get a small valid file each, so that
// what the fuzzer writes meets a gazetteer with entries, triggers and rules.
// Properties: every loader returns a status and never crashes; an error is kInvalidArgument
// whose message names the file ("fuzz.tsv") — with a line number when it is about a line;
// a file with a NUL byte or invalid UTF-8 on a data line is rejected; when everything loads,
// the normalizer → matcher → rules → resolver pipeline runs over a fixed text and over the
// file's own text without crashing and with spans inside the normalized text, in order.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "alam/extractor.h"
#include "alam/normalizer.h"
#include "fuzz_check.h"
#include "gazetteer/gazetteer.h"
#include "gazetteer/matcher.h"
#include "normalize/tokenizer.h"
#include "resolve/resolver.h"
#include "rules/rules.h"

namespace {

constexpr std::string_view kFile = "fuzz.tsv";

constexpr std::string_view kTable =
    "id\ttype\tsubtype\tname_ar\tname_en\taliases\tparent\n"
    "place:sy\tPLACE\tcountry\tسوريا\tSyria\tسورية\t\n"
    "place:raqqa\tPLACE\tcity\tالرقة\tRaqqa\tالرقه\tplace:sy\n"
    "place:idlib\tPLACE\tcity\tإدلب\tIdlib\t\tplace:sy\n"
    "faction:sdf\tFACTION\tarmed_group\tقوات سوريا الديمقراطية\tSDF\tقسد\t\n";
constexpr std::string_view kAmbiguity = "alias\tclass\tevidence\nادلب\tcommon\t1.0\n";
constexpr std::string_view kTriggers = "word\ttype\tsubtype\nمدينة\tPLACE\tcity\nقوات\tFACTION\t\n";
constexpr std::string_view kRules =
    "id\ttrigger\ttype\tsubtype\tscore\tgroup\tpattern\n"
    "city\tمدينه\tPLACE\tcity\t0.6\t1\tمدينه (\\p{Arabic}+)\n";
constexpr std::string_view kText =
    "قالت قوات سوريا الديمقراطية (قسد) إنها سيطرت على مدينة الرقة ومدينه ادلب، "
    "وفي الرقة وللرقة وبإدلب. The SDF said Raqqa 3 مدينه حلب.";

void CheckError(const absl::Status& s) {
  if (s.ok()) return;
  if (s.code() != absl::StatusCode::kInvalidArgument) {
    std::fprintf(stderr, "unexpected code: %s\n", s.ToString().c_str());
  }
  FUZZ_CHECK(s.code() == absl::StatusCode::kInvalidArgument);
  FUZZ_CHECK(std::string_view(s.message().data(), s.message().size()).find(kFile) != std::string_view::npos);
}

void RunPipeline(const alam::internal::Gazetteer& g, const alam::internal::RuleSet& rules,
                 std::string_view text) {
  alam::NormalizeOptions nopt;
  nopt.repair_invalid_utf8 = true;
  std::string norm;
  FUZZ_CHECK(alam::Normalize(text, &norm, nullptr, nopt).ok());
  std::vector<alam::internal::Token> tokens;
  alam::internal::Tokenize(norm, &tokens);
  std::vector<const alam::internal::Gazetteer::WordSlot*> words;
  std::string buf;
  std::vector<alam::internal::Candidate> cands;
  std::vector<alam::internal::TriggerHit> hits;
  alam::internal::MatchGazetteer(g, norm, tokens, &words, &buf, &cands, &hits);
  // Without the original text every علي counts as the name (the branch a rule may take).
  rules.Match(norm, tokens, hits, alam::internal::OriginalReading(/*all_names=*/true), &cands);
  for (const auto& c : cands) FUZZ_CHECK(c.norm_start < c.norm_end && c.norm_end <= norm.size());
  alam::ExtractorOptions opt;
  opt.keep_ungated = true;
  alam::internal::ResolveScratch rs;
  std::vector<alam::internal::Resolved> out;
  alam::ExtractStats stats;
  const alam::internal::ContextModel model;
  alam::internal::Resolve(g, rules, model, opt, norm, tokens, cands,
                          alam::internal::OriginalReading(), &rs, &out, &stats);
  uint32_t prev = 0;
  for (const auto& r : out) {
    FUZZ_CHECK(r.norm_start < r.norm_end && r.norm_end <= norm.size());
    FUZZ_CHECK(r.norm_start >= prev);
    prev = r.norm_end;
    FUZZ_CHECK((r.entry >= 0) != (r.rule >= 0));
    if (r.entry >= 0) FUZZ_CHECK(static_cast<size_t>(r.entry) < g.entries().size());
    if (r.rule >= 0) FUZZ_CHECK(static_cast<size_t>(r.rule) < rules.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int which = data[0] % 4;
  const std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  const bool has_nul = content.find('\0') != std::string_view::npos;
  const bool valid = alam::fuzz::IsValidUtf8(content);

  alam::internal::Gazetteer g;
  alam::internal::RuleSet rules;
  absl::Status s;
  switch (which) {
    case 0:
      s = g.AddTable(kFile, content);
      if (s.ok()) s = g.AddAmbiguity("fixed_ambiguous.tsv", kAmbiguity);
      if (s.ok()) s = g.AddTriggers("fixed_triggers.tsv", kTriggers);
      if (s.ok()) s = rules.Add("fixed_rules.tsv", kRules);
      break;
    case 1:
      s = g.AddTable("fixed_table.tsv", kTable);
      FUZZ_CHECK(s.ok());
      s = g.AddAmbiguity(kFile, content);
      break;
    case 2:
      s = g.AddTable("fixed_table.tsv", kTable);
      FUZZ_CHECK(s.ok());
      s = g.AddTriggers(kFile, content);
      break;
    case 3:
      s = g.AddTable("fixed_table.tsv", kTable);
      FUZZ_CHECK(s.ok());
      FUZZ_CHECK(g.AddTriggers("fixed_triggers.tsv", kTriggers).ok());
      s = rules.Add(kFile, content);
      break;
  }
  CheckError(s);
  if (s.ok()) {
    // A data line with NUL or invalid UTF-8 is an error; comment lines are skipped unread.
    if (has_nul || !valid) {
      bool bad_data_line = false;
      size_t pos = 0;
      while (pos <= content.size() && !bad_data_line) {
        size_t eol = content.find('\n', pos);
        if (eol == std::string_view::npos) eol = content.size();
        std::string_view line = content.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty() && line[0] != '#') {
          bad_data_line = line.find('\0') != std::string_view::npos ||
                          !alam::fuzz::IsValidUtf8(line);
        }
        pos = eol + 1;
      }
      FUZZ_CHECK(!bad_data_line);
    }
    s = g.Finish(rules.TriggerWords());
    CheckError(s);
  }
  if (!s.ok()) return 0;
  rules.Bind(g);
  alam::GazetteerStats stats;
  g.FillStats(&stats);
  RunPipeline(g, rules, kText);
  RunPipeline(g, rules, content);
  return 0;
}
