// Private: one pass of the gazetteer over the words of a normalized text.
//
// Each word is looked up whole and, when it starts with proclitics, without them: و ف ب ك ل
// and the pairs وب وك ول فب فك فل (ForEachReading); after a final ل, a word starting with ل is also read as
// ال + the rest (للرقة = ل + الرقة; the span then starts at the second ل). The rest must keep
// at least two letters. Following words must match whole and be separated by spaces only, or
// by one hyphen or en dash with or without spaces (كيم جونغ-أون), so an alias never runs across
// other punctuation and never matches inside a longer word.
#ifndef ALAM_SRC_GAZETTEER_MATCHER_H_
#define ALAM_SRC_GAZETTEER_MATCHER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/proclitics.h"
#include "gazetteer/gazetteer.h"
#include "normalize/tokenizer.h"
#include "core/candidate.h"

namespace alam::internal {

// Appends every gazetteer match (all lengths, all readings) to `*out`, in token order.
// `words` receives the vocabulary slot of each token's whole word (null for a word not in
// the vocabulary), `hits` every reading that is a rule trigger word.
void MatchGazetteer(const Gazetteer& g, std::string_view normalized,
                    const std::vector<Token>& tokens,
                    std::vector<const Gazetteer::WordSlot*>* words,
                    std::string* buf, std::vector<Candidate>* out,
                    std::vector<TriggerHit>* hits);

}  // namespace alam::internal

#endif  // ALAM_SRC_GAZETTEER_MATCHER_H_
