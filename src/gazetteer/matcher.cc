#include "gazetteer/matcher.h"

namespace alam::internal {
namespace {

// One pass over one document. The per-token loop calls members with nothing but `this`, so
// that no closure is rebuilt for every word.
class Pass {
 public:
  Pass(const Gazetteer& g, std::string_view text, const std::vector<Token>& tokens,
       const Gazetteer::WordSlot* const* words, std::string* buf, std::vector<Candidate>* out,
       std::vector<TriggerHit>* hits)
      : g_(g), text_(text), tk_(tokens.data()), n_(tokens.size()), words_(words), buf_(buf),
        out_(out), hits_(hits) {}

  void Run() {
    for (size_t i = 0; i < n_; ++i) {
      if (words_[i] != nullptr) Visit(i, *words_[i], 0);
      const Token& t = tk_[i];
      const uint32_t size = t.end - t.start;
      if (size >= 4) {  // a proclitic and two letters: Arabic (4 bytes), or Latin (لـCNN)
        const auto* w = reinterpret_cast<const unsigned char*>(text_.data() + t.start);
        if ((size >= 6 || w[2] < 0x80) &&
            (clitic::IsConjunction(w[0], w[1]) || clitic::IsPreposition(w[0], w[1]))) {
          Clitics(i);
        }
      }
    }
  }

 private:
  // The aliases read from token i on: word `word` after `strip` bytes of proclitics, then
  // whole words separated by spaces only.
  void Visit(size_t i, const Gazetteer::WordSlot& word, uint32_t strip) {
    const Gazetteer::WordHead& head = word.head;
    if (head.trigger) hits_->push_back(TriggerHit{static_cast<uint32_t>(i), strip, word.id});
    uint32_t node = head.node;
    int32_t alias = head.alias;
    for (size_t j = i + 1; node != 0; ++j) {
      if (alias >= 0) {
        out_->push_back(Candidate{tk_[i].start + strip, tk_[j - 1].end, static_cast<uint32_t>(i),
                                  static_cast<uint32_t>(j), alias, -1,
                                  static_cast<uint8_t>(strip)});
      }
      if (j >= n_ || words_[j] == nullptr ||
          (tk_[j].gap != Gap::kSpace && !HyphenBefore(j))) {
        break;
      }
      node = g_.Child(node, words_[j]->id);
      if (node != 0) alias = g_.NodeAlias(node);
    }
  }

  // Whether only spaces and one hyphen or en dash (- ‐ ‑ –) part token j from the token before
  // it: the words of a name written with one (كيم جونغ-أون، فرانك - فالتر شتاينماير، الجبهة
  // الشعبية – القيادة العامة). Rarely asked, and kept out of line so that Visit stays inline.
  __attribute__((noinline)) bool HyphenBefore(size_t j) const {
    if (tk_[j].gap != Gap::kOther) return false;
    const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
    int dashes = 0;
    for (uint32_t k = tk_[j - 1].end; k < tk_[j].start;) {
      if (p[k] == ' ') {
        ++k;
      } else if (p[k] == '-') {
        ++dashes, ++k;
      } else if (p[k] == 0xE2 && k + 2 < tk_[j].start && p[k + 1] == 0x80 &&
                 (p[k + 2] == 0x90 || p[k + 2] == 0x91 || p[k + 2] == 0x93)) {
        ++dashes, k += 3;  // U+2010, U+2011, U+2013
      } else {
        return false;
      }
    }
    return dashes == 1;
  }

  // The proclitic readings of token i.
  __attribute__((noinline)) void Clitics(size_t i) {
    const Token& t = tk_[i];
    const std::string_view word = text_.substr(t.start, t.end - t.start);
    ForEachCliticReading(word, buf_, [&](std::string_view reading, uint32_t strip) {
      // A reading is the word's tail, read in place, or the ال-restored tail in `buf`.
      const Gazetteer::WordSlot* w = reading.data() == word.data() + strip
                                         ? g_.WordSlotIn(text_, t.start + strip, reading.size())
                                         : g_.FindWordSlot(reading);
      if (w != nullptr) Visit(i, *w, strip);
    });
  }

  const Gazetteer& g_;
  std::string_view text_;
  const Token* tk_;
  size_t n_;
  const Gazetteer::WordSlot* const* words_;  // by token: its whole word's slot, or null
  std::string* buf_;
  std::vector<Candidate>* out_;
  std::vector<TriggerHit>* hits_;
};

}  // namespace

void MatchGazetteer(const Gazetteer& g, std::string_view normalized,
                    const std::vector<Token>& tokens,
                    std::vector<const Gazetteer::WordSlot*>* words, std::string* buf,
                    std::vector<Candidate>* out, std::vector<TriggerHit>* hits) {
  const size_t n = tokens.size();
  words->resize(n);
  const Gazetteer::WordSlot** w = words->data();
  const Token* tk = tokens.data();
  for (size_t i = 0; i < n; ++i) {
    w[i] = g.WordSlotIn(normalized, tk[i].start, tk[i].end - tk[i].start);
  }
  Pass(g, normalized, tokens, w, buf, out, hits).Run();
}

}  // namespace alam::internal
