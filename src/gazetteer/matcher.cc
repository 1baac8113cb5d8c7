#include "gazetteer/matcher.h"

namespace alam::internal {

void MatchGazetteer(const Gazetteer& g, std::string_view normalized,
                    const std::vector<Token>& tokens, std::vector<uint32_t>* word_ids,
                    std::string* buf, std::vector<Candidate>* out,
                    std::vector<TriggerHit>* hits) {
  const size_t n = tokens.size();
  word_ids->resize(n);
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    (*word_ids)[i] = g.WordId(normalized.substr(t.start, t.end - t.start));
  }
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    const std::string_view word = normalized.substr(t.start, t.end - t.start);
    ForEachReading(word, buf, [&](std::string_view reading, uint32_t strip) {
      const uint32_t wid = strip == 0 ? (*word_ids)[i] : g.WordId(reading);
      if (wid == 0) return;
      if (g.IsTriggerWord(wid)) hits->push_back(TriggerHit{static_cast<uint32_t>(i), strip, wid});
      uint32_t node = g.Child(0, wid);
      for (size_t j = i + 1; node != 0; ++j) {
        const int32_t alias = g.NodeAlias(node);
        if (alias >= 0) {
          out->push_back(Candidate{t.start + strip, tokens[j - 1].end, static_cast<uint32_t>(i),
                                   static_cast<uint32_t>(j), alias, -1,
                                   static_cast<uint8_t>(strip)});
        }
        if (j >= n || tokens[j].gap != Gap::kSpace || (*word_ids)[j] == 0) break;
        node = g.Child(node, (*word_ids)[j]);
      }
    });
  }
}

}  // namespace alam::internal
