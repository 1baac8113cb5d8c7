// Private: the context model — a linear scorer over the words and trigger classes around a
// candidate that decides whether an alias that is also an ordinary word (ambiguous.tsv) names
// an entity here. Its features are made in one place (ForEachContextFeature), for the decision and
// for training (data/tools/train_context.py reads them from `alam extract --explain-all`);
// its weights are a data file (data/context_model.tsv) compiled into the library.
#ifndef ALAM_SRC_CONTEXT_CONTEXT_MODEL_H_
#define ALAM_SRC_CONTEXT_CONTEXT_MODEL_H_

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "core/candidate.h"
#include "core/strings.h"
#include "gazetteer/gazetteer.h"
#include "normalize/tokenizer.h"
#include "rules/rules.h"

namespace alam::internal {

// The cue next to a candidate (ContextEvidence): a compass word after a place, a place and و
// before it, a compass word in parentheses after it, a compass word before an article-less
// form, or, for a jihadist group's look-alike name, such a group named elsewhere in the
// segment (and no base).
enum class Cue : uint8_t {
  kNone,
  kDirection,
  kAfterPlace,
  kDirectionInParens,
  kGroupInSegment,
  kDirectionBefore
};

// What the gazetteer and the document say about a candidate besides its words: evidence the
// resolver gates on (a trigger word before it, a close relative named nearby, quotes), a cue
// next to it (a compass word after it, a place name and و before it), which the model weighs
// (a third of such candidates in war news are names), and a hint (the entry itself named
// nearby by another alias).
struct ContextEvidence {
  bool trigger = false;
  bool close_relative = false;
  bool placed = false;  // a cue that gates (resolver: a direction before a containing place,
                        // و after a place before an article-less form)
  bool cue = false;     // any other cue
  Cue cue_kind = Cue::kNone;  // the cue of `placed` or `cue`
  bool quoted = false;
  bool joined = false;  // joined by و to an unambiguous name of its type (داعش والقاعدة)
  bool self_named = false;
  // Kept after all: the document names it by the same alias after a trigger word (the
  // resolver's ConfirmByDocument). Not gating evidence; --explain lists it as "document".
  bool document = false;
  bool Any() const { return trigger || close_relative || placed || quoted || joined; }
};

// A feature's key: a 64-bit hash of its parts joined, eight bytes at a time, so the key of
// parts ("w-1:", word) is the key of the string "w-1:word" the weight file names.
uint64_t HashBytes(const char* p, size_t n);
inline uint64_t FeatureKey(std::string_view a, std::string_view b = {}, std::string_view c = {},
                           std::string_view d = {}) {
  char buf[256];
  const size_t n = a.size() + b.size() + c.size() + d.size();
  if (n > sizeof buf) return HashBytes(Cat(a, b, c, d).data(), n);  // a long alias pair
  char* q = buf;
  for (std::string_view part : {a, b, c, d}) {
    if (part.empty()) continue;
    std::memcpy(q, part.data(), part.size());
    q += part.size();
  }
  return HashBytes(buf, n);
}

// The entity type a trigger word names over its proclitic readings (its first), or "".
std::string_view NeighbourTriggerType(const Gazetteer& g, std::string_view word, std::string* buf);
// A neighbour's shape: def (ال…), adj (ال… ending ي/يه), stop, common, def-common, or "".
std::string_view NeighbourShape(const RuleSet& rules, std::string_view word);

// Calls emit(parts…) for each feature of one candidate; a feature is its parts joined: `a:`
// the alias; `ty:` the type of the entry it would link to; `cl:` its proclitics; `bare` an
// alias without the article; `cue:dir`/`cue:and` the kind of cue next to it (ContextEvidence);
// `ev:self` the entry named nearby by another alias (never the
// gating evidence itself, which the labels of the training data are made from); `w-1:` …
// `w-3:`, `w+1:` … `w+3:` the words around it within its clause (`|` where a clause boundary
// stops the window); `aw-1:`/`aw+1:` the alias with its neighbour; `t-1:`/`t+1:` the entity
// type a neighbouring trigger word names; `s-1:`/`s+1:` the neighbours' shape.
template <typename Emit>
void ForEachContextFeature(const Gazetteer& g, const RuleSet& rules, std::string_view text,
                           const std::vector<Token>& tokens, const Candidate& c, EntityType type,
                           const ContextEvidence& evidence, std::string* buf, Emit emit) {
  static constexpr std::string_view kBefore[] = {"w-1:", "w-2:", "w-3:"};
  static constexpr std::string_view kAfter[] = {"w+1:", "w+2:", "w+3:"};
  auto word = [&](size_t t) {
    return text.substr(tokens[t].start, tokens[t].end - tokens[t].start);
  };
  const std::string_view alias = text.substr(c.norm_start, c.norm_end - c.norm_start);
  emit("a:", alias, {}, {});
  emit("ty:", EntityTypeName(type), {}, {});
  if (c.clitic_bytes > 0) emit("cl:", word(c.tok_begin).substr(0, c.clitic_bytes), {}, {});
  if (alias.substr(0, 4) != "\xD8\xA7\xD9\x84") emit("bare", {}, {}, {});  // no ال
  if (evidence.self_named) emit("ev:self", {}, {}, {});
  if (evidence.cue_kind == Cue::kGroupInSegment) {
    emit("cue:group", {}, {}, {});  // not in the weights trained so far: 0
  } else if (evidence.cue_kind == Cue::kDirectionBefore) {
    emit("cue:dir-before", {}, {}, {});  // gates (the resolver): not in the weights, 0
  } else if (evidence.cue_kind != Cue::kNone) {
    emit(evidence.cue_kind == Cue::kAfterPlace ? "cue:and" : "cue:dir", {}, {}, {});
  }
  auto neighbour = [&](std::string_view side, std::string_view w) {
    emit(side == "-" ? "aw-1:" : "aw+1:", alias, " ", w);
    if (std::string_view t = NeighbourTriggerType(g, w, buf); !t.empty()) {
      emit(side == "-" ? "t-1:" : "t+1:", t, {}, {});
    }
    if (std::string_view s = NeighbourShape(rules, w); !s.empty()) {
      emit(side == "-" ? "s-1:" : "s+1:", s, {}, {});
    }
  };
  // The window stops at a clause boundary (the gap before a token is its left edge).
  for (size_t k = 1; k <= 3; ++k) {
    if (c.tok_begin < k || tokens[c.tok_begin - k + 1].gap == Gap::kOther) {
      emit(kBefore[k - 1], "|", {}, {});
      break;
    }
    emit(kBefore[k - 1], word(c.tok_begin - k), {}, {});
    if (k == 1) neighbour("-", word(c.tok_begin - 1));
  }
  for (size_t k = 1; k <= 3; ++k) {
    const size_t t = c.tok_end + k - 1;
    if (t >= tokens.size() || tokens[t].gap == Gap::kOther) {
      emit(kAfter[k - 1], "|", {}, {});
      break;
    }
    emit(kAfter[k - 1], word(t), {}, {});
    if (k == 1) neighbour("+", word(t));
  }
}

class ContextModel {
 public:
  // Reads `feature<TAB>weight` rows (data/context_model.tsv); the rows `@bias`, `@keep`,
  // `@keep_cue` and `@keep_doc` set the bias and the three thresholds, rows `r:<alias>` list
  // the aliases whose context is read without a cue (below). A later file adds to the weights
  // and the list and may set any parameter.
  absl::Status Add(std::string_view name, std::string_view content);
  bool empty() const { return weights_.empty(); }

  // The weight of a feature key (FeatureKey), 0 for an unknown one.
  double Weight(uint64_t key) const {
    auto it = weights_.find(key);
    return it == weights_.end() ? 0.0 : it->second;
  }
  // Whether the context of a candidate of `alias` is read: with a list of `r:` rows, only for
  // the aliases on it — those whose training candidates came near `@keep` (data/tools/
  // train_context.py); the others are ordinary words in all but name, and reading their
  // context cost more than all the rest of their resolution. Without a list, every alias.
  bool Reads(std::string_view alias) const {
    return !has_read_list_ || read_.contains(FeatureKey("r:", alias));
  }
  // The score of a candidate: the bias plus the weights of its features.
  double Score(const Gazetteer& g, const RuleSet& rules, std::string_view text,
               const std::vector<Token>& tokens, const Candidate& c, EntityType type,
               const ContextEvidence& evidence, std::string* buf) const;
  // Whether a candidate is kept: with gating evidence always (the model never learned from
  // the evidence, which its training labels are made of, and cannot weigh it); with a cue
  // only, when its score reaches `keep_cue`; with neither, when it reaches `keep`.
  bool Keep(double score, const ContextEvidence& ev) const {
    return ev.Any() || score >= (ev.cue ? keep_cue_ : keep_);
  }
  // Whether a candidate the evidence and the model dropped is kept after all because the
  // document names its entry elsewhere with gating evidence (a trigger, a relative): when its
  // score reaches `keep_doc` (`@keep_doc`; without one, never).
  bool KeepConfirmed(double score) const { return score >= keep_doc_; }
  // "context <score> keep|drop (evidence: …): f1 +w1 · f2 -w2 …" — the `top` features of
  // largest weight (all of them, unknown ones with 0, when `top` is 0).
  std::string Explain(const Gazetteer& g, const RuleSet& rules, std::string_view text,
                      const std::vector<Token>& tokens, const Candidate& c, EntityType type,
                      const ContextEvidence& evidence, std::string* buf, double score,
                      bool kept, size_t top) const;

 private:
  absl::flat_hash_map<uint64_t, float> weights_;
  double bias_ = 0;
  double keep_ = 0;
  double keep_cue_ = 0;
  double keep_doc_ = std::numeric_limits<double>::infinity();
  absl::flat_hash_set<uint64_t> read_;  // FeatureKey("r:", alias) of the listed aliases
  bool has_read_list_ = false;
};

}  // namespace alam::internal

#endif  // ALAM_SRC_CONTEXT_CONTEXT_MODEL_H_
