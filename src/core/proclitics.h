// Private, shared by every stage: the proclitic readings of a normalized word. A word is
// read whole and, when it starts with proclitics, without them: و ف ب ك ل and the pairs
// وب وك ول فب فك فل; after a final ل, a word starting with ل is also read as ال + the rest
// (للرقة = ل + الرقة). The rest keeps at least two letters.
#ifndef ALAM_SRC_CORE_PROCLITICS_H_
#define ALAM_SRC_CORE_PROCLITICS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace alam::internal {

// Calls f(reading, stripped_bytes) for each reading of `word`: the whole word first, then
// each proclitic reading. `buf` is scratch memory for the ال-restored form.
namespace clitic {
// The second UTF-8 byte of the proclitic letters (all lead 0xD8 or 0xD9).
inline bool IsConjunction(unsigned char b0, unsigned char b1) {  // و ف
  return b0 == 0xD9 && (b1 == 0x88 || b1 == 0x81);
}
inline bool IsPreposition(unsigned char b0, unsigned char b1) {  // ب ك ل
  return (b0 == 0xD8 && b1 == 0xA8) || (b0 == 0xD9 && (b1 == 0x83 || b1 == 0x84));
}
inline bool IsLam(unsigned char b0, unsigned char b1) { return b0 == 0xD9 && b1 == 0x84; }
}  // namespace clitic

// The proclitic readings only (ForEachReading without the whole word).
template <typename F>
void ForEachCliticReading(std::string_view word, std::string* buf, F f) {
  // A reading keeps two Arabic letters, or two Latin ones (لـCNN، بـBBC).
  const auto* w = reinterpret_cast<const unsigned char*>(word.data());
  const auto long_enough = [&](uint32_t p) {
    return word.size() >= p + 4 || (word.size() >= p + 2 && w[p] < 0x80);
  };
  if (!long_enough(2)) return;
  // The bytes of proclitics before each reading (the last proclitic letter starts 2 bytes
  // before): one letter, and after a conjunction a preposition too.
  uint32_t strips[2];
  int count = 0;
  if (clitic::IsConjunction(w[0], w[1])) {
    strips[count++] = 2;
    if (clitic::IsPreposition(w[2], w[3])) strips[count++] = 4;
  } else if (clitic::IsPreposition(w[0], w[1])) {
    strips[count++] = 2;
  }
  for (int k = 0; k < count; ++k) {
    const uint32_t p = strips[k];
    if (!long_enough(p)) break;
    f(word.substr(p), p);
    if (clitic::IsLam(w[p - 2], w[p - 1]) && clitic::IsLam(w[p], w[p + 1])) {
      buf->assign("\xD8\xA7");  // ا: ل + ال written لل
      buf->append(word.substr(p));
      f(std::string_view(*buf), p);
    }
  }
}

// Whether a word is a definite nisba (ال…ي: الشرقي، الفرنسي), an adjective as often as a
// surname.
inline bool IsDefiniteNisba(std::string_view w) {
  return w.size() > 6 && w.substr(0, 4) == "\xD8\xA7\xD9\x84" &&
         w.substr(w.size() - 2) == "\xD9\x8A";
}

// Whether a word is a definite adjective of relation, masculine or feminine: ال…ي or ال…يه
// (السوري، السورية once normalized).
inline bool IsDefiniteAdjective(std::string_view w) {
  return IsDefiniteNisba(w) || (w.size() > 8 && w.substr(0, 4) == "\xD8\xA7\xD9\x84" &&
                                w.substr(w.size() - 4) == "\xD9\x8A\xD9\x87");
}

// Words of Arabic names every stage reads (normalized): عبد, which starts a compound given name
// (عبد العزيز), and بن, the nasab word between a name and the father's.
inline constexpr std::string_view kAbd = "\xD8\xB9\xD8\xA8\xD8\xAF";  // عبد
inline constexpr std::string_view kGodName = "\xD8\xA7\xD9\x84\xD9\x84\xD9\x87";  // الله
inline constexpr std::string_view kBin = "\xD8\xA8\xD9\x86";          // بن

// Whether a word is a ruler's or prince's title: الملك، الأمير، الشيخ or السلطان.
inline bool IsRulerTitle(std::string_view w) {
  return w == "\xD8\xA7\xD9\x84\xD9\x85\xD9\x84\xD9\x83" ||                  // الملك
         w == "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x85\xD9\x8A\xD8\xB1" ||          // الامير
         w == "\xD8\xA7\xD9\x84\xD8\xB4\xD9\x8A\xD8\xAE" ||                  // الشيخ
         w == "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xB7\xD8\xA7\xD9\x86";  // السلطان
}

// Whether a word is a nasab word: بن، ابن، بنت.
inline bool IsNasabWord(std::string_view w) {
  return w == kBin || w == "\xD8\xA7\xD8\xA8\xD9\x86" || w == "\xD8\xA8\xD9\x86\xD8\xAA";
}

template <typename F>
void ForEachReading(std::string_view word, std::string* buf, F f) {
  f(word, 0);
  ForEachCliticReading(word, buf, f);
}

}  // namespace alam::internal

#endif  // ALAM_SRC_CORE_PROCLITICS_H_
