#include "gazetteer/matcher.h"

namespace alam::internal {

void MatchGazetteer(const Gazetteer& g, std::string_view normalized,
                    const std::vector<Token>& tokens, std::vector<uint32_t>* word_ids,
                    std::string* buf, std::vector<Candidate>* out,
                    std::vector<TriggerHit>* hits) {
  const size_t n = tokens.size();
  word_ids->resize(n);
  uint32_t* ids = word_ids->data();
  const Token* tk = tokens.data();
  const char* text = normalized.data();
  auto word_of = [&](const Token& t) { return std::string_view(text + t.start, t.end - t.start); };
  for (size_t i = 0; i < n; ++i) ids[i] = g.WordId(word_of(tk[i]));
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tk[i];
    // One reading of token i: word `wid`, after `strip` bytes of proclitics.
    auto visit = [&](uint32_t wid, uint32_t strip) {
      const Gazetteer::WordHead& head = g.Head(wid);
      if (head.trigger) hits->push_back(TriggerHit{static_cast<uint32_t>(i), strip, wid});
      uint32_t node = head.node;
      int32_t alias = head.alias;
      for (size_t j = i + 1; node != 0; ++j) {
        if (alias >= 0) {
          out->push_back(Candidate{t.start + strip, tk[j - 1].end, static_cast<uint32_t>(i),
                                   static_cast<uint32_t>(j), alias, -1,
                                   static_cast<uint8_t>(strip)});
        }
        if (j >= n || tk[j].gap != Gap::kSpace || ids[j] == 0) break;
        node = g.Child(node, ids[j]);
        if (node != 0) alias = g.NodeAlias(node);
      }
    };
    if (ids[i] != 0) visit(ids[i], 0);
    ForEachCliticReading(word_of(t), buf, [&](std::string_view reading, uint32_t strip) {
      if (const uint32_t wid = g.WordId(reading); wid != 0) visit(wid, strip);
    });
  }
}

}  // namespace alam::internal
