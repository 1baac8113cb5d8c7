#include "resolve/resolver.h"

#include <algorithm>
#include <tuple>

#include "gazetteer/matcher.h"

namespace alam::internal {
namespace {

struct Context {
  const Gazetteer& g;
  std::string_view text;
  const std::vector<Token>& tokens;
  ResolveScratch* s;

  // The trigger words (قرية، تنظيم …) right before the candidate, or null.
  const std::vector<TriggerInfo>* Trigger(const Candidate& c) const {
    if (c.clitic_bytes > 0 || c.tok_begin == 0) return nullptr;
    if (tokens[c.tok_begin].gap == Gap::kOther) return nullptr;
    const Token& prev = tokens[c.tok_begin - 1];
    const std::vector<TriggerInfo>* found = nullptr;
    ForEachReading(text.substr(prev.start, prev.end - prev.start), &s->buf,
                   [&](std::string_view r, uint32_t) {
                     if (found == nullptr) found = g.FindTrigger(r);
                   });
    return found;
  }

  bool MentionedNear(uint32_t entry, uint32_t pos) const {
    auto it = s->mentions.find(entry);
    if (it == s->mentions.end()) return false;
    for (uint32_t p : it->second) {
      const uint32_t d = p > pos ? p - pos : pos - p;
      if (d != 0 && d <= kContextWindowBytes) return true;
    }
    return false;
  }

  bool AncestorNear(uint32_t entry, uint32_t pos) const {
    bool near = false;
    g.ForEachAncestor(entry, 4, [&](uint32_t a) {
      if (!near && MentionedNear(a, pos)) near = true;
    });
    return near;
  }
};

bool TriggerSupports(const std::vector<TriggerInfo>* trig, EntityType type) {
  if (trig == nullptr) return false;
  for (const TriggerInfo& t : *trig) {
    if (t.type == type) return true;
  }
  return false;
}

bool TriggerImplies(const std::vector<TriggerInfo>* trig, const EntryInfo& e) {
  if (trig == nullptr) return false;
  for (const TriggerInfo& t : *trig) {
    if (t.type == e.type && !t.subtype.empty() && t.subtype == e.subtype) return true;
  }
  return false;
}

}  // namespace

void Resolve(const Gazetteer& g, const RuleSet& rules, const ExtractorOptions& options,
             std::string_view normalized, const std::vector<Token>& tokens,
             const std::vector<Candidate>& candidates, ResolveScratch* scratch,
             std::vector<Resolved>* out, ExtractStats* stats) {
  out->clear();
  Context ctx{g, normalized, tokens, scratch};
  // 1. Every entry named by an unambiguous alias, and where: the context of the others.
  for (auto& [k, v] : scratch->mentions) v.clear();
  for (const Candidate& c : candidates) {
    if (c.alias < 0) continue;
    const AliasInfo& a = g.alias(static_cast<uint32_t>(c.alias));
    if (a.ambiguous) continue;
    for (uint32_t e : a.entries) scratch->mentions[e].push_back(c.norm_start);
  }
  // 2. Leftmost-longest over all candidates.
  std::vector<uint32_t>& order = scratch->order;
  order.resize(candidates.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [&](uint32_t i) {
    const Candidate& c = candidates[i];
    const bool ambiguous = c.alias >= 0 && g.alias(static_cast<uint32_t>(c.alias)).ambiguous;
    return std::make_tuple(c.norm_start, ~c.norm_end, c.alias < 0, ambiguous, c.clitic_bytes,
                           c.alias, c.rule);
  };
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return key(x) < key(y); });
  uint32_t last_end = 0;
  for (uint32_t oi : order) {
    const Candidate& c = candidates[oi];
    if (c.norm_start < last_end) continue;
    Resolved r{c.norm_start, c.norm_end, -1, c.alias, c.rule, 0, 0};
    if (c.alias < 0) {
      r.score = rules.rule(static_cast<size_t>(c.rule)).score;
      ++stats->rule_entities;
    } else {
      const AliasInfo& a = g.alias(static_cast<uint32_t>(c.alias));
      const std::vector<TriggerInfo>* trig = ctx.Trigger(c);
      // Choose among the entries bearing this alias.
      int32_t best = -1;
      std::tuple<bool, bool, bool, int> best_key{};
      bool any_context = false;
      for (uint32_t e : a.entries) {
        const EntryInfo& info = g.entries()[e];
        const bool by_trigger = TriggerSupports(trig, info.type);
        const bool by_parent = ctx.AncestorNear(e, c.norm_start);
        any_context |= by_trigger || by_parent;
        auto k = std::make_tuple(by_trigger, by_parent, TriggerImplies(trig, info), info.prominence);
        if (best < 0 || k > best_key ||
            (k == best_key && info.id < g.entries()[static_cast<uint32_t>(best)].id)) {
          best = static_cast<int32_t>(e);
          best_key = k;
        }
      }
      const bool by_trigger = std::get<0>(best_key);
      const bool by_parent = std::get<1>(best_key);
      if (a.ambiguous && !any_context) {
        ++stats->gated_dropped;
        if (!options.keep_ungated) continue;
        r.score = kScoreUngated;
      } else if (a.ambiguous) {
        r.score = by_trigger ? kScoreGatedTrigger : kScoreGatedParent;
      } else {
        r.score = c.tok_end - c.tok_begin > 1 ? kScoreAliasMultiWord : kScoreAliasOneWord;
        if (by_trigger || by_parent) r.score = std::min(0.99, r.score + 0.03);
      }
      r.entry = best;
      r.alternatives = static_cast<uint32_t>(a.entries.size() - 1);
      if (r.alternatives > 0 && !by_trigger && !by_parent) r.score -= kNamesakePenalty;
    }
    if (r.score < options.min_score) continue;
    out->push_back(r);
    last_end = c.norm_end;
  }
}

}  // namespace alam::internal
