#include "context/context_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <utility>

#include "absl/strings/numbers.h"
#include "core/proclitics.h"
#include "core/tsv.h"

namespace alam::internal {
namespace {

constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال

}  // namespace

uint64_t HashBytes(const char* p, size_t n) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = 0x2545F4914F6CDD1Dull ^ (n * kMul);
  auto mix = [&](uint64_t w) {
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  };
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    mix(w);
  }
  if (i < n) {
    uint64_t w = 0;
    std::memcpy(&w, p + i, n - i);
    mix(w);
  }
  h ^= h >> 32;
  return h * kMul;
}

std::string_view NeighbourTriggerType(const Gazetteer& g, std::string_view word, std::string* buf) {
  std::string_view type;
  ForEachReading(word, buf, [&](std::string_view r, uint32_t) {
    if (!type.empty()) return;
    if (const std::vector<TriggerInfo>* t = g.FindTrigger(r); t != nullptr && !t->empty()) {
      type = EntityTypeName(t->front().type);
    }
  });
  return type;
}

std::string_view NeighbourShape(const RuleSet& rules, std::string_view w) {
  if (rules.IsStopword(w)) return "stop";
  const bool definite = w.size() > 6 && w.substr(0, 4) == kArticle;
  if (definite && (EndsWith(w, "\xD9\x8A\xD9\x87") || EndsWith(w, "\xD9\x8A"))) return "adj";
  if (rules.IsCommonWord(w)) return definite ? "def-common" : "common";
  return definite ? "def" : "";
}

absl::Status ContextModel::Add(std::string_view name, std::string_view content) {
  return ParseTsv(name, content, {"feature", "weight"}, {"feature", "weight"},
                  [&](const TsvRow& row) -> absl::Status {
                    const std::string_view weight = row.Get("weight");
                    double w;
                    if (!absl::SimpleAtod(absl::string_view(weight.data(), weight.size()), &w) ||
                        !std::isfinite(w)) {
                      return absl::InvalidArgumentError(Cat(row.Where(), "weight \"",
                                                            weight,
                                                            "\" is not a number"));
                    }
                    const std::string_view f = row.Get("feature");
                    if (f == "@bias") {
                      bias_ = w;
                    } else if (f == "@keep") {
                      keep_ = w;
                    } else if (f == "@keep_cue") {
                      keep_cue_ = w;
                    } else if (f == "@keep_doc") {
                      keep_doc_ = w;
                    } else if (f.empty() || f[0] == '@') {
                      return absl::InvalidArgumentError(
                          Cat(row.Where(), "unknown parameter \"", f, "\""));
                    } else if (f.substr(0, 2) == "r:") {
                      read_.insert(FeatureKey(f));
                      has_read_list_ = true;
                    } else {
                      weights_[FeatureKey(f)] += static_cast<float>(w);
                    }
                    return absl::OkStatus();
                  });
}

double ContextModel::Score(const Gazetteer& g, const RuleSet& rules, std::string_view text,
                           const std::vector<Token>& tokens, const Candidate& c, EntityType type,
                           const ContextEvidence& evidence, std::string* buf) const {
  // The keys first, each weight's slot prefetched as its key is made, then the weights added
  // in the same order: the look-ups, at random in half a megabyte, overlap instead of
  // following one another.
  constexpr size_t kMaxKeys = 32;  // a candidate has at most 18 features
  uint64_t keys[kMaxKeys];
  size_t n = 0;
  double s = bias_;
  auto add_pending = [&] {
    for (size_t i = 0; i < n; ++i) s += Weight(keys[i]);
    n = 0;
  };
  ForEachContextFeature(g, rules, text, tokens, c, type, evidence, buf,
                        [&](std::string_view a, std::string_view b, std::string_view x,
                            std::string_view d) {
                          if (n == kMaxKeys) add_pending();
                          keys[n] = FeatureKey(a, b, x, d);
                          weights_.prefetch(keys[n++]);
                        });
  add_pending();
  return s;
}

std::string ContextModel::Explain(const Gazetteer& g, const RuleSet& rules, std::string_view text,
                                  const std::vector<Token>& tokens, const Candidate& c,
                                  EntityType type, const ContextEvidence& evidence,
                                  std::string* buf, double score, bool kept, size_t top) const {
  std::vector<std::pair<double, std::string>> parts;
  ForEachContextFeature(g, rules, text, tokens, c, type, evidence, buf,
                        [&](std::string_view a, std::string_view b, std::string_view x,
                            std::string_view d) {
                          const double w = Weight(FeatureKey(a, b, x, d));
                          if (top == 0 || w != 0) parts.emplace_back(w, Cat(a, b, x, d));
                        });
  if (top > 0) {
    std::stable_sort(parts.begin(), parts.end(), [](const auto& p, const auto& q) {
      return std::fabs(p.first) > std::fabs(q.first);
    });
    if (parts.size() > top) parts.resize(top);
  }
  char num[32];
  std::snprintf(num, sizeof num, "%+.3f", score);
  std::string out = Cat("context ", num, kept ? " keep" : " drop", " (evidence:");
  const std::pair<bool, std::string_view> ev[] = {{evidence.trigger, " trigger"},
                                                  {evidence.close_relative, " relative"},
                                                  {evidence.placed, " placed"},
                                                  {evidence.cue, " cue"},
                                                  {evidence.quoted, " quoted"},
                                                  {evidence.joined, " joined"},
                                                  {evidence.document, " document"}};
  bool any = false;
  for (const auto& [on, label] : ev) {
    if (on) out.append(label);
    any |= on;
  }
  if (!any) out.append(" none");
  out.append(")");
  for (size_t i = 0; i < parts.size(); ++i) {
    std::snprintf(num, sizeof num, "%+.3f", parts[i].first);
    AppendCat(&out, i == 0 ? ": " : " \xC2\xB7 ", parts[i].second, " ", num);  // ·
  }
  return out;
}

}  // namespace alam::internal
