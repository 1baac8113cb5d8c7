// Private: one pass of the gazetteer over the words of a normalized text.
//
// Each word is looked up whole and, when it starts with proclitics, without them: و ف ب ك ل
// and the pairs وب وك ول فب فك فل; after a final ل, a word starting with ل is also read as
// ال + the rest (للرقة = ل + الرقة; the span then starts at the second ل). The rest must keep
// at least two letters. Following words must match whole and be separated by spaces only, so
// an alias never runs across punctuation and never matches inside a longer word.
#ifndef ALAM_SRC_GAZETTEER_MATCHER_H_
#define ALAM_SRC_GAZETTEER_MATCHER_H_

#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/gazetteer.h"
#include "normalize/tokenizer.h"
#include "resolve/candidate.h"

namespace alam::internal {

// Calls f(reading, stripped_bytes) for each reading of `word`: the whole word first, then
// each proclitic reading. `buf` is scratch memory for the ال-restored form.
template <typename F>
void ForEachReading(std::string_view word, std::string* buf, F f) {
  f(word, 0);
  static constexpr std::string_view kPrefixes[] = {
      "\xD9\x88", "\xD9\x81", "\xD8\xA8", "\xD9\x83", "\xD9\x84",                    // و ف ب ك ل
      "\xD9\x88\xD8\xA8", "\xD9\x88\xD9\x83", "\xD9\x88\xD9\x84",                    // وب وك ول
      "\xD9\x81\xD8\xA8", "\xD9\x81\xD9\x83", "\xD9\x81\xD9\x84"};                   // فب فك فل
  constexpr std::string_view kLam = "\xD9\x84";
  if (word.size() < 6) return;
  const unsigned char b0 = static_cast<unsigned char>(word[0]);
  if (b0 != 0xD9 && b0 != 0xD8) return;
  for (std::string_view p : kPrefixes) {
    if (word.size() < p.size() + 4 || word.substr(0, p.size()) != p) continue;
    std::string_view rest = word.substr(p.size());
    f(rest, static_cast<uint32_t>(p.size()));
    if (p.substr(p.size() - 2) == kLam && rest.substr(0, 2) == kLam) {
      buf->assign("\xD8\xA7");  // ا
      buf->append(rest);
      f(std::string_view(*buf), static_cast<uint32_t>(p.size()));
    }
  }
}

// Appends every gazetteer match (all lengths, all readings) to `*out`, in token order.
// `word_ids` receives the whole-word id of each token, `hits` every reading that is a rule
// trigger word.
void MatchGazetteer(const Gazetteer& g, std::string_view normalized,
                    const std::vector<Token>& tokens, std::vector<uint32_t>* word_ids,
                    std::string* buf, std::vector<Candidate>* out,
                    std::vector<TriggerHit>* hits);

}  // namespace alam::internal

#endif  // ALAM_SRC_GAZETTEER_MATCHER_H_
