#include "rules/rules.h"

#include <algorithm>
#include <cstring>

#include "alam/normalizer.h"
#include "gazetteer/gazetteer.h"
#include "core/proclitics.h"
#include "core/tsv.h"
#include "core/utf8.h"
#include "re2/re2.h"
#include "core/strings.h"

namespace alam::internal {
namespace {
constexpr size_t kWindowBytes = 160;  // rules look at most this far past their trigger

// The end of the window a rule looks at from `start`: kWindowBytes on, back to a character
// boundary. A rule never runs across a line: the window ends with the next line break (which
// a pattern may take as the character after a name, as the nationality rules do).
size_t WindowEnd(std::string_view normalized, size_t start) {
  size_t end = std::min(normalized.size(), start + kWindowBytes);
  while (end < normalized.size() && (static_cast<unsigned char>(normalized[end]) & 0xC0) == 0x80) {
    --end;
  }
  if (const void* nl = std::memchr(normalized.data() + start, '\n', end - start)) {
    end = static_cast<size_t>(static_cast<const char*>(nl) - normalized.data()) + 1;
  }
  return end;
}

// Where a rule's reach ends in the window [start, end): before the (k+1)-th space from
// `start`, which a match holding at most k spaces cannot include (Rule::max_spaces). The
// spaces are found once per trigger, as far as its rules ask.
class SpaceCuts {
 public:
  // The window's end (WindowEnd) is found when a rule first asks: most trigger words run no
  // pattern (the word after a given name cannot go on a name; على is no given name).
  SpaceCuts(std::string_view text, size_t start) : text_(text), scan_(start) {}
  size_t EndBefore(uint32_t k) {
    if (end_ == kUnknown) end_ = WindowEnd(text_, scan_);
    if (k >= kMaxCuts) return end_;
    while (n_ <= k && scan_ < end_) {
      const void* sp = std::memchr(text_.data() + scan_, ' ', end_ - scan_);
      if (sp == nullptr) {
        scan_ = end_;
        break;
      }
      cut_[n_++] = static_cast<size_t>(static_cast<const char*>(sp) - text_.data());
      scan_ = cut_[n_ - 1] + 1;
    }
    return k < n_ ? cut_[k] : end_;
  }

 private:
  static constexpr uint32_t kMaxCuts = 32;  // rules holding more spaces read the whole window
  static constexpr size_t kUnknown = ~size_t{0};
  std::string_view text_;
  size_t scan_, end_ = kUnknown;
  size_t cut_[kMaxCuts];
  uint32_t n_ = 0;
};

using TokenIt = std::vector<Token>::const_iterator;

// The first and last tokens of the name [gs, ge), which must cover whole tokens.
bool WholeTokens(const std::vector<Token>& tokens, uint32_t gs, uint32_t ge, TokenIt* first,
                 TokenIt* last) {
  *first = std::lower_bound(tokens.begin(), tokens.end(), gs,
                            [](const Token& t, uint32_t v) { return t.start < v; });
  *last = std::lower_bound(tokens.begin(), tokens.end(), ge,
                           [](const Token& t, uint32_t v) { return t.end < v; });
  return *first != tokens.end() && *last != tokens.end() && (*first)->start == gs &&
         (*last)->end == ge;
}

// Whether the word before `t` is ابو، ابي، ابا or بن: after it, a stopword is a name (على and
// the name علي are one word once normalized: ابو علي).
bool AfterKunyaWord(std::string_view normalized, TokenIt t) {
  const TokenIt p = t - 1;
  const std::string_view w = normalized.substr(p->start, p->end - p->start);
  return w == "\xD8\xA7\xD8\xA8\xD9\x88" || w == "\xD8\xA7\xD8\xA8\xD9\x8A" ||
         w == "\xD8\xA7\xD8\xA8\xD8\xA7" || w == kBin;
}

// Whether the stopword at `t` is a word of a person's name: after a kunya word or بن (ابو
// علي), or the given name علي (OriginalReading).
bool StopwordIsName(std::string_view normalized, TokenIt t, const OriginalReading& ali) {
  return AfterKunyaWord(normalized, t) || ali.IsName(normalized, *t);
}

// Whether the last word of a name [first, last] follows a chain of بن/ابن/بنت (عادل بن أحمد
// الجبير): the family word the person rules take after it when there is one.
bool AfterNasab(std::string_view normalized, TokenIt first, TokenIt last) {
  for (TokenIt t = first + 1; t + 1 < last; ++t) {
    if (IsNasabWord(normalized.substr(t->start, t->end - t->start))) return true;
  }
  return false;
}

// Whether the word before `last` (after `first`) is آل (normalized ال): `last` is a family's
// name (آل ثاني), not the sentence's next word.
bool AfterFamilyWord(std::string_view normalized, TokenIt first, TokenIt last) {
  return last - 1 > first &&
         normalized.substr((last - 1)->start, (last - 1)->end - (last - 1)->start) ==
             "\xD8\xA7\xD9\x84";
}

// Whether a person's name [first, last] ends with a frequent ordinary word
// (RuleSet::kFrequentWord) that is not a definite nisba (الشرقي) nor a family's name after آل
// (آل ثاني): the title rule ran past a one-word name (الأمير بندر يوضح، المشير حفتر أصدر) or took
// a phrase (تمتين العلاقات، أصبح اليوم); rare surnames that are ordinary words (توم، بوش) are
// less frequent.
bool EndsWithFrequentWord(std::string_view normalized, TokenIt first, TokenIt last,
                          const StringSet& frequent_words) {
  const std::string_view w = normalized.substr(last->start, last->end - last->start);
  return frequent_words.contains(w) && !IsDefiniteNisba(w) &&
         !AfterFamilyWord(normalized, first, last);
}

// Whether `w` (a name's first word, two bytes or more) is a preposition before a definite
// ordinary word (بالانسحاب، للعاصمة: طالب الرئيس الأمريكي بالانسحاب؛ مخيم للنازحين): a phrase,
// not a name of any type; a name may start with ب (باول).
bool PrepositionBeforeOrdinaryWord(std::string_view w, const StringSet& common_words) {
  const auto* b = reinterpret_cast<const unsigned char*>(w.data());
  if (w.size() <= 6 || !clitic::IsPreposition(b[0], b[1])) return false;
  const std::string_view rest = w.substr(2);
  if (rest.substr(0, 4) == "\xD8\xA7\xD9\x84") return common_words.contains(rest);  // بال…
  if (!clitic::IsLam(b[2], b[3])) return false;
  std::string definite("\xD8\xA7", 2);  // لل… is ل + ال… less its alef
  definite.append(rest);
  return common_words.contains(definite);
}

// Whether `w` cannot start a person's name a rule found: an ordinary word, bare or after one
// conjunction (القيادي ومسؤول المركز, الكاتب ارسل رسالة) or a preposition before a word of four
// letters or more (القرار الأمريكي بتمويل العشائر; not كمال: ك + مال), a definite word after و
// (وقائد القوات الجوية، والأمناء المساعدين: four letters or more after the article; والتر is a
// name), or a preposition before a definite ordinary word.
bool NoPersonFirstWord(std::string_view w, const StringSet& common_words) {
  const auto* b = reinterpret_cast<const unsigned char*>(w.data());
  if (common_words.contains(w)) return true;
  if (w.size() >= 14 && w.substr(0, 6) == "\xD9\x88\xD8\xA7\xD9\x84") return true;  // وال…
  if (w.size() > 6 && clitic::IsConjunction(b[0], b[1])) return common_words.contains(w.substr(2));
  if (w.size() >= 10 && clitic::IsPreposition(b[0], b[1]) && common_words.contains(w.substr(2))) {
    return true;
  }
  return PrepositionBeforeOrdinaryWord(w, common_words);
}

// Whether the word after the trigger word at `trigger_token` may start a person's name: a space
// before it, not a function word (but after ابو/بن) and not what NoPersonFirstWord rules out;
// with `past_adjective`, after a definite adjective (…ي، …يه) that a role noun's rule lets stand
// between (المصور الفلسطيني نيراز سعيد), the word after it. RejectedByWords would reject every
// name a rule of column `next` = name finds elsewhere, so checking it before the pattern runs
// changes nothing but the cost.
bool PersonMayFollow(std::string_view normalized, const std::vector<Token>& tokens,
                     uint32_t trigger_token, const StringSet& stopwords,
                     const StringSet& common_words, const OriginalReading& ali,
                     bool past_adjective = false) {
  TokenIt t = tokens.begin() + trigger_token + 1;
  if (t >= tokens.end() || t->gap != Gap::kSpace) return false;
  std::string_view w = normalized.substr(t->start, t->end - t->start);
  if (past_adjective && !stopwords.contains(w) && IsDefiniteAdjective(w) &&  // not التي
      t + 1 < tokens.end() && (t + 1)->gap == Gap::kSpace) {
    ++t;
    w = normalized.substr(t->start, t->end - t->start);
  }
  if (stopwords.contains(w) && !StopwordIsName(normalized, t, ali)) return false;
  return !NoPersonFirstWord(w, common_words);
}

// Whether `w` starts with و (a second item: سيرغي ويوليا، جميلة وجديدة) or with a preposition or
// conjunction before the article (بالإبريق، للرئيس): not a word that goes on a person's name.
bool CliticStartsWord(std::string_view w) {
  const auto* b = reinterpret_cast<const unsigned char*>(w.data());
  if (w.size() < 6) return false;
  if (b[0] == 0xD9 && b[1] == 0x88) return true;  // و
  return (clitic::IsPreposition(b[0], b[1]) || clitic::IsConjunction(b[0], b[1])) &&
         (w.substr(2, 4) == "\xD8\xA7\xD9\x84" || clitic::IsLam(b[2], b[3]));
}

// Whether `w` ends with a pronoun (حتفها، بإيصالها، ضيافتهم): a word, not a name.
bool EndsWithPronoun(std::string_view w) {
  const size_t n = w.size();
  return n >= 8 && (w.substr(n - 4) == "\xD9\x87\xD8\xA7" ||   // ها
                    w.substr(n - 4) == "\xD9\x87\xD9\x85");    // هم
}

// Whether `w` is a word between the parts of a name, the name going on after it: بن/ابن/بنت,
// آل (once normalized ال) and the kunya words ابو/ابي/ابا (أحمد أبو الغيط).
bool NameLinkWord(std::string_view w) {
  return IsNasabWord(w) || w == "\xD8\xA7\xD9\x84" || w == "\xD8\xA7\xD8\xA8\xD9\x88" ||
         w == "\xD8\xA7\xD8\xA8\xD9\x8A" || w == "\xD8\xA7\xD8\xA8\xD8\xA7";
}

// Whether the word at `t` starts a formula of blessing after a name, the word الله after it
// (read in the text: it may lie past the rule's match): رضي الله عنه، صلى الله عليه وسلم، رحمه
// الله، كرم الله وجهه.
bool HonorificBeforeGod(std::string_view normalized, TokenIt t) {
  constexpr std::string_view kGod = " \xD8\xA7\xD9\x84\xD9\x84\xD9\x87";  // " الله"
  if (normalized.compare(t->end, kGod.size(), kGod) != 0) return false;
  const size_t after = t->end + kGod.size();
  if (after < normalized.size() && (static_cast<unsigned char>(normalized[after]) & 0x80) != 0 &&
      normalized.compare(after, 2, "\xD8\x8C") != 0) {  // a letter goes on (اللهم); not ،
    return false;
  }
  const std::string_view w = normalized.substr(t->start, t->end - t->start);
  return w == "\xD8\xB1\xD8\xB6\xD9\x8A" ||                // رضي
         w == "\xD8\xB5\xD9\x84\xD9\x8A" ||                // صلى (normalized صلي)
         w == "\xD8\xB1\xD8\xAD\xD9\x85\xD9\x87" ||      // رحمه
         w == "\xD9\x83\xD8\xB1\xD9\x85";                  // كرم
}

// Whether definite word `w` at `t`, the second word after a given name, is a family name
// that is no nisba (عبد الله فهد الرشيد، ماجد مصطفى النافع): the clause ends after it (a mark
// other than a space, the end of the text, or a word starting with و), and it does not end
// with ة (أسعد إبراهيم المعروفة "the well-known").
bool FamilyWordEndsClause(std::string_view normalized, TokenIt t, std::string_view w) {
  if (w.size() < 8 || w.substr(w.size() - 2) == "\xD9\x87") return false;  // ه (ة normalized)
  const size_t after = t->end;
  if (after >= normalized.size()) return true;
  if (normalized[after] != ' ') return normalized[after] != '-';
  return normalized.compare(after + 1, 2, "\xD9\x88") == 0;  // و
}

// Whether word `w` is an indefinite ordinary word (common_words) in the accusative with ا
// (هدافا، زعيما، مقالا: أن يكون صلاح هدافا، تعين الملا منصور زعيما): the sentence's next word,
// not a surname. A definite word takes no such ا (ألابا is a name, not الاب + ا).
// (The same test for the pronoun ه, written so in the original — انسحابه، تأكيده — also cut
// names that end in ه for ة, as some outlets write them: إسماعيل محمد جمعه; not kept.)
bool AccusativeOrdinaryWord(std::string_view w, const StringSet& common_words) {
  return w.size() >= 8 && w.substr(w.size() - 2) == "\xD8\xA7" &&  // ا
         w.substr(0, 4) != "\xD8\xA7\xD9\x84" &&                    // ال
         common_words.contains(w.substr(0, w.size() - 2));
}

// Whether word `w` is a verb of the dual or the plural whose singular is an ordinary word: of the
// present tense (ي… or ت… with …ان، …ون: جاستن ثيرو يعلنان انفصالهما) or of the past (…وا: ممثل
// صلاح عقدوا اجتماعات).
bool PluralVerb(std::string_view w, const StringSet& common_words) {
  if (w.size() < 10) return false;
  const std::string_view head = w.substr(0, 2), tail = w.substr(w.size() - 4);
  const bool present = (head == "\xD9\x8A" || head == "\xD8\xAA") &&                // ي ت
                       (tail == "\xD8\xA7\xD9\x86" || tail == "\xD9\x88\xD9\x86");  // ان ون
  // A past verb's stem has three or four letters (not فرانسوا، فرانس + وا).
  const bool past = tail == "\xD9\x88\xD8\xA7" && w.size() <= 12 &&                // وا
                    w.substr(0, 4) != "\xD8\xA7\xD9\x84";                            // ال
  return (present || past) && common_words.contains(w.substr(0, w.size() - 4));
}

// Whether the word `w` at `t` starts the blessing عليه السلام / عليها السلام after a name.
bool PeaceUponHim(std::string_view normalized, TokenIt t, std::string_view w) {
  constexpr std::string_view kPeace = " \xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85";  // " السلام"
  return (w == "\xD8\xB9\xD9\x84\xD9\x8A\xD9\x87" ||              // عليه
          w == "\xD8\xB9\xD9\x84\xD9\x8A\xD9\x87\xD8\xA7") &&  // عليها
         normalized.compare(t->end, kPeace.size(), kPeace) == 0;
}

// Whether definite word `w` at `t`, the third word of a given name's name, is a family's name
// of the gazetteer's people (Gazetteer::IsFamilyWord: محمد منصور المناع، عبدالله فهد الرشيد)
// after a given name of the list (not طيب يزرع الخير), and not the first half of a compound
// with الله (تركي بن محمد العبد الله).
bool FamilyNameAfterGivenNames(std::string_view normalized, TokenIt t, std::string_view w,
                               const RuleSet& rules) {
  if (!rules.IsFamilyWord(w)) return false;
  const std::string_view prev = normalized.substr((t - 1)->start, (t - 1)->end - (t - 1)->start);
  if (!rules.IsGivenName(prev) && prev != kGodName) return false;  // عبد الله
  const std::string_view rest = normalized.substr(t->end);  // " الله" follows: عبد الله
  return !(rest.size() > kGodName.size() && rest[0] == ' ' &&
           rest.substr(1, kGodName.size()) == kGodName);
}

// The name a given-name rule found, [first, *last], cut after its last word that may go on a
// person's name: at most two words after a space that are neither function words nor ordinary
// ones nor start with clitics (CliticStartsWord) nor end with a pronoun, with NameLinkWord words
// between them when another such word follows (محمد بن سلمان، جاسم بن فهد; not محمد بن في);
// عبد with the word after it counts as one word. Not الله right after the given name (توفيق
// الله "God's help"), and as the second word after it a definite word only when a nisba (محمد
// إبراهيم البياتي; not أسعد إبراهيم المعروفة) or a family name that ends the clause (ماجد مصطفى
// النافع، — FamilyWordEndsClause) or, given `rules`, a family name of the gazetteer's people
// after a given name (محمد منصور المناع — FamilyNameAfterGivenNames), and not a weak given name
// (`weak_given`) after a definite word, nor the blessing عليه السلام. The word after آل is a
// family's name whatever it reads as (آل ثاني). False when no such word follows the given name.
bool TrimAfterGivenName(std::string_view normalized, TokenIt first, TokenIt* last,
                        const StringSet& stopwords, const StringSet& common_words,
                        const StringSet& weak_given, const OriginalReading& ali,
                        const RuleSet* rules = nullptr) {
  TokenIt end = first;
  int words = 0;
  for (TokenIt t = first + 1; t <= *last && t->gap == Gap::kSpace && words < 2; ++t) {
    const std::string_view w = normalized.substr(t->start, t->end - t->start);
    if (NameLinkWord(w)) continue;
    if (HonorificBeforeGod(normalized, t)) break;  // علي رضي الله عنه
    if (PeaceUponHim(normalized, t, w)) break;     // موسى عليه السلام
    // عبد and the word after it are one name (صلاح عبد السلام، محمد يوسف عبد العزيز).
    if (w == kAbd) {
      if (t + 1 > *last || (t + 1)->gap != Gap::kSpace) break;
      end = ++t;
      ++words;
      continue;
    }
    if (stopwords.contains(w) && !StopwordIsName(normalized, t, ali)) break;
    // The word after آل is a family's name whatever else it reads as (آل ثاني، آل الشيخ).
    if (t->gap == Gap::kSpace && AfterFamilyWord(normalized, first, t)) {
      end = t;
      ++words;
      continue;
    }
    if (NoPersonFirstWord(w, common_words) || CliticStartsWord(w) || EndsWithPronoun(w) ||
        AccusativeOrdinaryWord(w, common_words) || PluralVerb(w, common_words)) {
      break;
    }
    const bool definite = w.substr(0, 4) == "\xD8\xA7\xD9\x84";
    if (words == 0 && t == first + 1 && w == kGodName) break;
    if (words == 1 && definite && !IsDefiniteNisba(w) && !FamilyWordEndsClause(normalized, t, w) &&
        !(rules != nullptr && FamilyNameAfterGivenNames(normalized, t, w, *rules))) {
      break;
    }
    // After a family name with the article, a bare word that is no given name is the
    // sentence's (سعيد المطيري فخره "his pride"; محمد الحاج علي goes on).
    if (words >= 1 && !definite && rules != nullptr && IsDefiniteNisba(normalized.substr(
            end->start, end->end - end->start)) && !rules->IsGivenName(w)) {
      break;
    }
    // A given name that is an ordinary word after a family name is that word (صالح القشعمي
    // صباح يوم الجمعة "on the morning of").
    if (words == 1 && weak_given.contains(w) &&
        normalized.compare(end->start, 4, "\xD8\xA7\xD9\x84") == 0) {
      break;
    }
    end = t;
    ++words;
  }
  *last = end;
  return end != first;
}

// The name a role noun's rule (column `next` = name) found, [first, *last], cut before its first
// word after the first that is the sentence's next word: a definite word after و، ب or ل
// (بالتخطيط), an ordinary word of four letters or more after ب or ل (بمسابقة), a given name
// after و (أسمهان وفهد), a word ending in a pronoun, an
// accusative or a verb of the plural (المغنية الإسرائيلية نيتا بمسابقة، الجندي الأميركي يقاتل
// الروس); false when only the first word is left. A bare ordinary word goes on: surnames are
// often one (روبرت فورد، زهرة آدم).
bool TrimRoleName(std::string_view normalized, TokenIt first, TokenIt* last,
                  const StringSet& common_words, const StringSet& given_names) {
  for (TokenIt t = first + 1; t <= *last; ++t) {
    const std::string_view w = normalized.substr(t->start, t->end - t->start);
    // و، ب and ل only: foreign surnames start with what reads as ف or ك (فورد، فالويل، كايف).
    const std::string_view head = w.substr(0, 2), rest = w.size() > 6 ? w.substr(2) : "";
    const bool and_ = head == "\xD9\x88", prep = head == "\xD8\xA8" || head == "\xD9\x84";
    if (((and_ || prep) && rest.substr(0, 4) == "\xD8\xA7\xD9\x84") ||  // وال… بال… لال…
        (and_ && given_names.contains(rest)) ||
        (prep && rest.size() >= 8 && common_words.contains(rest)) ||
        EndsWithPronoun(w) || AccusativeOrdinaryWord(w, common_words) ||
        PluralVerb(w, common_words)) {
      if (t == first + 1) return false;
      *last = t - 1;
      return true;
    }
  }
  return true;
}

// The name a rule of column `next` = called found, [first, *last] (the words after يدعى،
// المدعو): false when its first word is one of two letters, starts with a clitic, ends with a
// pronoun or is definite but for a nisba (يدعي "claims" is يدعى once normalized: تدعي
// مقاومته، يدعي القرب من الله); else the name is cut as a given name's, after its first word
// and after عبد or الله that goes with it (عبد الحق، سيف الله اليماني), which may stand alone.
bool TrimCalledName(std::string_view normalized, TokenIt first, TokenIt* last,
                    const StringSet& stopwords, const StringSet& common_words,
                    const StringSet& weak_given, const OriginalReading& ali) {
  const std::string_view w = normalized.substr(first->start, first->end - first->start);
  const bool definite = w.substr(0, 4) == "\xD8\xA7\xD9\x84";
  if (w.size() < 6 || CliticStartsWord(w) || EndsWithPronoun(w) ||
      (definite && !IsDefiniteNisba(w))) {
    return false;
  }
  TokenIt head = first;
  if (first + 1 <= *last && (first + 1)->gap == Gap::kSpace &&
      (w == kAbd ||
       normalized.substr((first + 1)->start, (first + 1)->end - (first + 1)->start) ==
           "\xD8\xA7\xD9\x84\xD9\x84\xD9\x87")) {
    head = first + 1;
  }
  const TokenIt bound = *last;
  *last = head;
  TokenIt rest = bound;
  if (TrimAfterGivenName(normalized, head, &rest, stopwords, common_words, weak_given, ali)) {
    *last = rest;
  }
  return true;
}

// Whether token t is a ruler's title (IsRulerTitle) that a place or body named after the
// person keeps inside its name, a word after it (مطار الملك خالد، جامعة الأمير سلطان، مستشفى
// الشيخ خليفة، جامع السلطان قابوس).
bool TitleInNamedName(std::string_view normalized, const std::vector<Token>& tokens, size_t t) {
  return t + 1 < tokens.size() && tokens[t].gap == Gap::kSpace &&
         tokens[t + 1].gap == Gap::kSpace &&
         IsRulerTitle(normalized.substr(tokens[t].start, tokens[t].end - tokens[t].start));
}

// The person's name after a head word (column `next` = named), [first, *last]: cut as a given
// name's (TrimAfterGivenName); a kunya (ابو X) is a name of its own and goes on as X would as a
// given name (كتيبة أبو عمارة، لواء أبو الفضل العباس).
bool TrimNameAfterHead(std::string_view normalized, TokenIt first, TokenIt* last,
                       const StringSet& stopwords, const StringSet& common_words,
                       const StringSet& weak_given, const OriginalReading& ali) {
  const std::string_view w = normalized.substr(first->start, first->end - first->start);
  if (NameLinkWord(w) && !IsNasabWord(w) && w.size() > 4) {  // ابو ابي ابا, not ال
    if (first + 1 > *last || (first + 1)->gap != Gap::kSpace) return false;
    TokenIt rest = *last;
    *last = first + 1;
    if (TrimAfterGivenName(normalized, first + 1, &rest, stopwords, common_words, weak_given,
                           ali)) {
      *last = rest;
    }
    return true;
  }
  return TrimAfterGivenName(normalized, first, last, stopwords, common_words, weak_given, ali);
}

// Whether the word after the trigger word at `trigger_token` follows it after a space and
// starts with the article (column `next` = definite).
bool DefiniteFollows(std::string_view normalized, const std::vector<Token>& tokens,
                     uint32_t trigger_token) {
  const size_t t = trigger_token + 1;
  return t < tokens.size() && tokens[t].gap == Gap::kSpace &&
         normalized.compare(tokens[t].start, 4, "\xD8\xA7\xD9\x84") == 0;  // ال
}

// Whether ordinary words in quotes after their trigger (`quoted`) are a name: its writer marks
// it as one (وكالة "الأنباء الألمانية"، صحيفة "الحياة"، موقع "تويتر"), unless it is one
// indefinite word set off for emphasis — any after a group's or an operation's head word, an
// adjective (…ي، …ية) after an organization's (منظمة "إرهابية"، عملية "ضخمة").
bool QuotedName(std::string_view normalized, TokenIt from, TokenIt last, EntityType type,
                bool quoted) {
  if (!quoted || from > last) return false;
  if (from != last) return true;
  const std::string_view w = normalized.substr(from->start, from->end - from->start);
  if (w.substr(0, 4) == "\xD8\xA7\xD9\x84") return true;  // ال
  return type == EntityType::kOrganization && !EndsWith(w, "\xD9\x8A") &&
         !EndsWith(w, "\xD9\x8A\xD9\x87");  // ي، يه (ية normalized)
}

// Whether `w`, the one word after a place's descriptor, describes it rather than names it: an
// indefinite adjective of relation whose masculine is an ordinary word (مدينة سورية "a Syrian
// city", قرية نائية "a remote village", بلدة لبنانية; not بلدة أوشنافية, مدينة بواتيه), or و before
// an ordinary word (قرية وبلدة "a village and a town").
bool DescriptionOfAPlace(std::string_view w, const StringSet& common_words) {
  const auto* b = reinterpret_cast<const unsigned char*>(w.data());
  if (w.size() > 6 && b[0] == 0xD9 && b[1] == 0x88 && common_words.contains(w.substr(2))) {
    return true;  // و…
  }
  return w.size() > 8 && w.substr(0, 4) != "\xD8\xA7\xD9\x84" &&         // not ال…
         w.substr(w.size() - 4) == "\xD9\x8A\xD9\x87" &&                 // …يه (ية)
         common_words.contains(w.substr(0, w.size() - 2));               // its masculine …ي
}

// Stopwords are checked on the words of the name, not on the trigger word itself: one
// stopword rejects the name, and so does a name made only of common words when it follows its
// trigger, unless quoted (QuotedName; a designation that includes the trigger, such as القوات الروسية, is spelled out by
// its pattern). A person's name also may not start with what NoPersonFirstWord rules out:
// common words hold no word of a person's name (data/tools/ambiguity.py), so such a "name" is
// the phrase after a title; but after the head word of a place or body named after a person,
// a word that is a given name (`given_names`) as a whole is one (جائزة الملك فيصل: فيصل, not ف +
// يصل "arrives"). Title rules leave such a name to the given-name rule, which cuts it better.
bool RejectedByWords(std::string_view normalized, const std::vector<Token>& tokens,
                     TokenIt first, TokenIt last, uint32_t trigger_token, EntityType type,
                     bool quoted, const StringSet& stopwords, const StringSet& common_words,
                     const StringSet& frequent_words, const StringSet* given_names,
                     const OriginalReading& ali) {
  const bool person = type == EntityType::kPerson;
  bool stop = false, all_common = true;
  auto from = std::max(first, tokens.begin() + trigger_token + 1);
  for (auto t = from; t <= last && !stop; ++t) {
    const std::string_view w = normalized.substr(t->start, t->end - t->start);
    stop = stopwords.contains(w) && !(person && StopwordIsName(normalized, t, ali));
    all_common = all_common && common_words.contains(w);
  }
  const bool follows_trigger = first > tokens.begin() + trigger_token;
  if (stop || (follows_trigger && all_common && !QuotedName(normalized, from, last, type, quoted))) {
    return true;
  }
  if (from > last) return false;
  const std::string_view w = normalized.substr(from->start, from->end - from->start);
  // An organization's head word with one indefinite feminine adjective after it, unquoted, is
  // a description (صحيفة بريطانية، صحيفة يومية), not a name (a quoted one is: مركز «هداية»).
  if (type == EntityType::kOrganization && !quoted && from == last && w.size() > 6 &&
      w.substr(0, 4) != "\xD8\xA7\xD9\x84" && w.substr(w.size() - 4) == "\xD9\x8A\xD9\x87") {
    return true;
  }
  // Nor is its head word with one indefinite ordinary word after it, unquoted: a verb or a
  // noun of the sentence (جريدة تزيف الحقائق، مجلة تعتمد على، مجلة ذات نفوذ).
  if (type == EntityType::kOrganization && !quoted && from == last && !follows_trigger &&
      from->gap == Gap::kSpace && w.substr(0, 4) != "\xD8\xA7\xD9\x84" &&
      common_words.contains(w)) {
    return true;
  }
  if (person) {
    return EndsWithFrequentWord(normalized, first, last, frequent_words) ||
           (NoPersonFirstWord(w, common_words) &&
            !(given_names != nullptr && given_names->contains(w)));
  }
  return PrepositionBeforeOrdinaryWord(w, common_words);
}

// The token range of a rule's name [gs, ge): whole tokens, or — for a name that starts with
// its trigger word written with proclitics (بوزارة الداخلية, لصحيفة ميرور) — the trigger's
// token less those proclitics, or a token less the و that joins it to a name before it (بلدتي
// نبل والزهراء) or the ب before it (الملقب بأبي عياض) (*strip set to their bytes).
bool NameTokens(std::string_view normalized, const std::vector<Token>& tokens, const TriggerHit& h,
                uint32_t gs, uint32_t ge, TokenIt* first, TokenIt* last, uint32_t* strip) {
  *strip = 0;
  if (h.strip > 0 && gs == tokens[h.token].start + h.strip) {
    *strip = h.strip;
    gs -= h.strip;
  } else if (gs >= 2 && (normalized.compare(gs - 2, 2, "\xD9\x88") == 0 ||  // و
                         normalized.compare(gs - 2, 2, "\xD8\xA8") == 0) &&  // ب
             (gs == 2 || normalized[gs - 3] == ' ')) {
    *strip = 2;
    gs -= 2;
  }
  return WholeTokens(tokens, gs, ge, first, last);
}

// The rule's trigger words from the column ("قال" or "قال|قالت|ذكر"), normalized; false when
// one is empty or not one word.
bool ParseTriggers(std::string_view column, Rule* rule) {
  if (column == "@given_names") return rule->given_names = true;
  for (size_t from = 0, bar; from <= column.size(); from = bar + 1) {
    bar = std::min(column.find('|', from), column.size());
    std::string trig;
    absl::Status s = Normalize(column.substr(from, bar - from), &trig, nullptr);
    if (!s.ok() || trig.empty() || trig.find(' ') != std::string::npos) return false;
    (rule->trigger.empty() ? rule->trigger : rule->more_triggers.emplace_back()) =
        std::move(trig);
  }
  return true;
}

// The optional columns group, max_chars and next of a rule's row.
absl::Status ParseRuleOptions(const TsvRow& row, Rule* rule) {
  rule->group = 1;
  if (!row.Get("group").empty() && !ParseNumber(row.Get("group"), &rule->group)) {
    return absl::InvalidArgumentError(Cat(row.Where(), "rule ", rule->id, ": bad group"));
  }
  rule->max_chars = 0;
  if (!row.Get("max_chars").empty() &&
      (!ParseNumber(row.Get("max_chars"), &rule->max_chars) || rule->max_chars == 0)) {
    return absl::InvalidArgumentError(Cat(row.Where(), "rule ", rule->id,
                                          ": max_chars must be a positive integer"));
  }
  const std::string_view next = row.Get("next");
  if (next == "quote") {
    rule->next = Rule::Next::kQuote;
  } else if (next == "name" && rule->type == EntityType::kPerson) {
    rule->next = Rule::Next::kName;
  } else if (next == "given" && rule->type == EntityType::kPerson) {
    rule->next = Rule::Next::kGiven;
  } else if (next == "called" && rule->type == EntityType::kPerson) {
    rule->next = Rule::Next::kCalled;
  } else if (next == "named") {
    rule->next = Rule::Next::kNamed;
  } else if (next == "definite") {
    rule->next = Rule::Next::kDefinite;
  } else if (next == "lookalike") {
    rule->next = Rule::Next::kLookalike;
  } else if (next == "kin" && rule->type == EntityType::kPerson) {
    rule->next = Rule::Next::kKin;
  } else if (!next.empty()) {
    return absl::InvalidArgumentError(Cat(row.Where(), "rule ", rule->id,
        ": next must be empty, \"quote\", \"definite\", \"named\", \"lookalike\" or (for a "
        "PERSON rule) "
        "\"name\", \"given\", \"called\" or \"kin\""));
  }
  return absl::OkStatus();
}

// The bytes every match of `re` starts with: the common prefix of RE2's bounds on its
// matches (min <= match <= max, so a match shares their common prefix), "" when RE2 gives none.
std::string MatchPrefix(const RE2& re) {
  std::string min, max;
  if (!re.PossibleMatchRange(&min, &max, 64)) return {};
  size_t n = 0;
  while (n < min.size() && n < max.size() && min[n] == max[n]) ++n;
  return min.substr(0, n);
}

// Group `g` of a match of rule `r`, or an empty piece when it is empty or longer than the
// rule's max_chars.
re2::StringPiece CheckedGroup(const Rule& r, re2::StringPiece g) {
  if (g.data() == nullptr || g.empty()) return {};
  if (r.max_chars != 0 &&
      CountCharacterStarts(reinterpret_cast<const uint8_t*>(g.data()), g.size()) > r.max_chars) {
    return {};
  }
  return g;
}

// The group of rule `r`'s match at `from` in `normalized`, matching within [from, to) (the
// rule's reach, SpaceCuts), or an empty piece when it matches nothing or a name longer than its
// max_chars. A group that is the match's tail (Rule::tail_group) comes from RE2's DFA alone;
// any other from its bit-state matcher, which RE2 takes on so short a text. With `test_first`,
// its DFA first says whether the rule matches at all (RunPattern).
re2::StringPiece FindGroup(const Rule& r, std::string_view normalized, size_t from, size_t to,
                           bool test_first, std::vector<re2::StringPiece>* groups) {
  // RE2 sees [from, to) and one byte either side of it: every assertion (^ $ \b, with or
  // without (?m)) looks at one byte next to its position, so the rule matches exactly as it
  // would with the whole document for context.
  const size_t context_start = from > 0 ? from - 1 : 0;
  const re2::StringPiece context(normalized.data() + context_start,
                                 std::min(normalized.size(), to + 1) - context_start);
  if (r.tail_group != std::string_view::npos) {
    // The group is the match's tail: asked for the match alone, RE2 runs its DFA and nothing
    // else. (Letting the DFA find every rule's match first, the bit-state matcher then reading
    // the groups over the match alone, ran 1.5% fewer instructions but took 5% longer.)
    if (!r.re->Match(context, from - context_start, to - context_start, RE2::ANCHOR_START,
                     groups->data(), 1)) {
      return {};
    }
    re2::StringPiece g = (*groups)[0];
    g.remove_prefix(r.tail_group);
    return CheckedGroup(r, g);
  }
  if (test_first && !r.re->Match(context, from - context_start, to - context_start,
                                 RE2::ANCHOR_START, nullptr, 0)) {
    return {};
  }
  if (!r.re->Match(context, from - context_start, to - context_start, RE2::ANCHOR_START,
                   groups->data(), r.group + 1)) {
    return {};
  }
  return CheckedGroup(r, (*groups)[static_cast<size_t>(r.group)]);
}

// FindGroup, counted in `tally` (one thread's runs and matches of the rule; may be null).
// After 32 runs, a rule that has found a name less than half the time asks the DFA first:
// on 5 MB of news (callgrind) the test costs some 3,200 instructions and spares the
// bit-state matcher's 7,700 when the rule fails. (Testing every rule first ran fewer
// instructions but took as long: the rules that mostly match pay for the test twice over.)
re2::StringPiece RunPattern(const Rule& r, std::string_view normalized, size_t from, size_t to,
                            RuleSet::Tally* tally, std::vector<re2::StringPiece>* groups) {
  const bool test_first =
      tally != nullptr && tally->runs >= 32 && tally->matches * 2 < tally->runs;
  const re2::StringPiece g = FindGroup(r, normalized, from, to, test_first, groups);
  if (tally != nullptr && tally->runs < (uint32_t{1} << 30)) {
    ++tally->runs;
    tally->matches += g.data() != nullptr;
  }
  return g;
}

// The column `word` of a word-list row (stopwords, common words, given names), normalized;
// an error naming the row when it is not one word.
absl::Status NormalizedWord(const TsvRow& row, std::string_view what, std::string* w) {
  absl::Status s = Normalize(row.Get("word"), w, nullptr);
  if (!s.ok() || w->empty() || w->find(' ') != std::string::npos) {
    return absl::InvalidArgumentError(Cat(row.Where(), what, " \"", row.Get("word"),
                                          "\" must be one word"));
  }
  return absl::OkStatus();
}

}  // namespace

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;

absl::Status RuleSet::Add(std::string_view file, std::string_view content) {
  return ParseTsv(file, content,
                  {"id", "trigger", "type", "subtype", "score", "group", "max_chars", "next",
                   "pattern"},
                  {"id", "trigger", "type", "score", "pattern"},
                  [&](const TsvRow& row) -> absl::Status {
    auto rule = std::make_unique<Rule>();
    rule->id = std::string(row.Get("id"));
    if (rule->id.empty()) return absl::InvalidArgumentError(Cat(row.Where(), "empty rule id"));
    for (const auto& r : rules_) {
      if (r->id == rule->id) {
        return absl::InvalidArgumentError(
            Cat(row.Where(), "duplicate rule id \"", rule->id, "\""));
      }
    }
    rule->source = Cat("rule:", rule->id);
    if (!ParseEntityType(row.Get("type"), &rule->type)) {
      return absl::InvalidArgumentError(
          Cat(row.Where(), "rule ", rule->id, ": unknown type \"", row.Get("type"), "\""));
    }
    rule->subtype = std::string(row.Get("subtype"));
    if (!ParseNumber(row.Get("score"), &rule->score) || rule->score < 0 || rule->score > 1) {
      return absl::InvalidArgumentError(
          Cat(row.Where(), "rule ", rule->id, ": score must be a number in [0, 1]"));
    }
    if (absl::Status s = ParseRuleOptions(row, rule.get()); !s.ok()) return s;
    if (!ParseTriggers(row.Get("trigger"), rule.get())) {
      return absl::InvalidArgumentError(Cat(
          row.Where(), "rule ", rule->id, ": each trigger must be one word (several: a|b)"));
    }
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_encoding(RE2::Options::EncodingUTF8);
    rule->re = std::make_unique<RE2>(row.Get("pattern"), opt);
    if (!rule->re->ok()) {
      return absl::InvalidArgumentError(Cat(row.Where(), "rule ", rule->id,
                                                     ": pattern does not compile: ",
                                                     rule->re->error()));
    }
    if (rule->group < 1 || rule->group > rule->re->NumberOfCapturingGroups()) {
      return absl::InvalidArgumentError(Cat(
          row.Where(), "rule ", rule->id, ": pattern has no capture group ", rule->group));
    }
    rule->prefix = MatchPrefix(*rule->re);
    rule->max_spaces = MaxSpaces(row.Get("pattern"));
    if (rule->group == 1) rule->tail_group = TailGroupOffset(row.Get("pattern"));
    max_group_ = std::max(max_group_, rule->group);
    rules_.push_back(std::move(rule));
    return absl::OkStatus();
  });
}

absl::Status RuleSet::AddStopwords(std::string_view file, std::string_view content,
                                   bool common) {
  return ParseTsv(file, content, {"word", "note"}, {"word"}, [&](const TsvRow& row) -> absl::Status {
    std::string w;
    if (absl::Status s = NormalizedWord(row, "stopword", &w); !s.ok()) return s;
    double per_10k = 0;
    if (common && ParseNumber(row.Get("note"), &per_10k) && per_10k >= kFrequentWord) {
      frequent_words_.insert(w);
    }
    (common ? common_words_ : stopwords_).insert(std::move(w));
    return absl::OkStatus();
  });
}

absl::Status RuleSet::AddGivenNames(std::string_view file, std::string_view content) {
  return ParseTsv(file, content, {"word", "note", "class"}, {"word"}, [&](const TsvRow& row) {
    std::string w;
    if (absl::Status s = NormalizedWord(row, "given name", &w); !s.ok()) return s;
    const std::string_view cls = row.Get("class");
    if (cls == "apart") {  // not a trigger word: the rule's trigger is عبد
      if (w.compare(0, kAbd.size(), kAbd) != 0 || w.size() <= kAbd.size()) {
        return absl::InvalidArgumentError(Cat(row.Where(), "given name \"", row.Get("word"),
                                              "\": class apart needs a compound with عبد"));
      }
      abd_apart_.insert(std::move(w));
      return absl::OkStatus();
    }
    if (cls == "weak") {
      weak_given_names_.insert(w);
    } else if (cls.empty()) {
      given_name_set_.insert(w);
    } else {
      return absl::InvalidArgumentError(Cat(row.Where(), "given name \"", row.Get("word"),
                                            "\": class must be empty, \"weak\" or \"apart\""));
    }
    given_names_.push_back(std::move(w));
    return absl::OkStatus();
  });
}

template <typename F>
void RuleSet::ForEachTrigger(const Rule& r, F f) const {
  if (r.given_names) {
    for (const std::string& w : given_names_) f(w);
    return;
  }
  f(r.trigger);
  for (const std::string& w : r.more_triggers) f(w);
}

std::vector<std::string_view> RuleSet::TriggerWords() const {
  std::vector<std::string_view> words;
  words.reserve(rules_.size());
  for (const auto& r : rules_) ForEachTrigger(*r, [&](std::string_view w) { words.push_back(w); });
  return words;
}

void RuleSet::Bind(const Gazetteer& g) {
  gazetteer_ = &g;
  by_word_.clear();
  for (uint32_t i = 0; i < rules_.size(); ++i) {
    ForEachTrigger(*rules_[i], [&](std::string_view w) {
      std::vector<uint32_t>& of_word = by_word_[g.WordId(w)];
      if (of_word.empty() || of_word.back() != i) of_word.push_back(i);  // a word listed twice
    });
  }
}

bool OriginalReading::IsAli(std::string_view normalized, const Token& t) {
  constexpr std::string_view kAli = "\xD8\xB9\xD9\x84\xD9\x8A";  // علي
  return t.end - t.start == kAli.size() && normalized.compare(t.start, kAli.size(), kAli) == 0;
}

bool OriginalReading::TanweenBeforeEnd(const Token& t) const {
  const auto* p = reinterpret_cast<const unsigned char*>(original_.data());
  size_t end = map_->ToOriginalEnd(t.end);
  // The original of a token is about as long as the token (it holds the marks the token lost):
  // no byte of a word before it is read.
  const size_t begin = end - std::min<size_t>(end, t.end - t.start);
  // The marks after the final alef (the span an entity's end takes in too).
  while (end < original_.size() && IsTrailingMark(p + end, original_.size() - end)) end += 2;
  // In valid UTF-8 the bytes D9 8B–8D are only ever ً ٌ ٍ themselves (D9 leads), so the last
  // bytes (the alef, the letter before it and their marks) are read byte by byte.
  for (size_t k = end; k >= begin + 2 && end - k <= 6; --k) {
    if (p[k - 2] == 0xD9 && p[k - 1] >= 0x8B && p[k - 1] <= 0x8D) return true;
  }
  return false;
}

bool OriginalReading::WritesLetter(size_t pos, std::string_view letter) const {
  if (map_ == nullptr) return false;
  return original_.compare(map_->ToOriginalStart(pos), letter.size(), letter) == 0;
}

bool OriginalReading::IsName(std::string_view normalized, const Token& t) const {
  if (!IsAli(normalized, t)) return false;
  if (map_ == nullptr) return all_names_;
  return WritesLetter(t.start + 4, "\xD9\x8A");  // ي, not ى
}

// The end of a name a rule of column `next` = lookalike found, [first, *last], its head word
// at `head` and the ordinary-word alias after it: after a title (الإمام، الشيخ، الملك، الأمير،
// الشهيد، السيدة), the person's name that follows, cut as a given name's (مسجد الإمام علي بن
// أبي طالب، جامعة الإمام محمد بن سعود الإسلامية، مسجد الإمام الصادق); else up to two definite
// adjectives of relation (حزب الوطن الليبي، مجلس السلام الأعلى الأفغاني).
void LookalikeNameEnd(std::string_view normalized, TokenIt head, TokenIt* last,
                      const StringSet& stopwords, const StringSet& common_words,
                      const StringSet& frequent_words, const StringSet& weak_given,
                      const OriginalReading& ali) {
  static constexpr std::string_view kTitles[] = {
      "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x85\xD8\xA7\xD9\x85",              // الامام
      "\xD8\xA7\xD9\x84\xD8\xB4\xD9\x8A\xD8\xAE",                      // الشيخ
      "\xD8\xA7\xD9\x84\xD9\x85\xD9\x84\xD9\x83",                      // الملك
      "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x85\xD9\x8A\xD8\xB1",            // الامير
      "\xD8\xA7\xD9\x84\xD8\xB4\xD9\x87\xD9\x8A\xD8\xAF",            // الشهيد
      "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x8A\xD8\xAF\xD9\x87"};           // السيده
  const TokenIt alias = head + 1;
  const TokenIt bound = *last;
  *last = alias;
  const TokenIt next = alias + 1;
  if (next > bound || next->gap != Gap::kSpace) return;
  const std::string_view title = normalized.substr(alias->start, alias->end - alias->start);
  if (std::find(std::begin(kTitles), std::end(kTitles), title) != std::end(kTitles)) {
    const std::string_view w = normalized.substr(next->start, next->end - next->start);
    // A title's epithet may be a word, but not a frequent one (الإمام الصادق; not الإمام الأكبر).
    const bool epithet = w.substr(0, 4) == "\xD8\xA7\xD9\x84" && !frequent_words.contains(w);
    if ((stopwords.contains(w) && !StopwordIsName(normalized, next, ali)) ||
        (!epithet && NoPersonFirstWord(w, common_words)) || CliticStartsWord(w) ||
        EndsWithPronoun(w)) {
      return;
    }
    TokenIt end = bound;
    TrimAfterGivenName(normalized, next, &end, stopwords, common_words, weak_given, ali);
    *last = end;
    return;
  }
  // A given name the head word leads goes on with its chain of بن (مسجد الحسين بن علي).
  if (IsNasabWord(normalized.substr(next->start, next->end - next->start))) {
    TokenIt end = bound;
    if (TrimAfterGivenName(normalized, alias, &end, stopwords, common_words, weak_given, ali)) {
      *last = end;
    }
    return;
  }
  for (TokenIt t = next; t <= bound && t <= alias + 2 && t->gap == Gap::kSpace; ++t) {
    const std::string_view w = normalized.substr(t->start, t->end - t->start);
    if (!IsDefiniteAdjective(w) || stopwords.contains(w)) break;
    *last = t;
  }
}

namespace {

// Whether the word at `t` cannot end a person's name, as the word after it shows: بن، ابن or
// بنت with the chain going on (a pattern cut it there: مشعل بن عبدالله بن عبدالعزيز بن | مساعد;
// هيلاري بن، with a comma after, is Hilary Benn), or a role noun in construct (سعود بن نايف بن
// عبدالعزيز أمير | المنطقة، فيصل بن سلمان أمير | منطقة المدينة، محمد بن سلمان ولي | العهد).
bool NotAPersonsLastWord(std::string_view normalized, const std::vector<Token>& tokens,
                         TokenIt t) {
  if (t + 1 == tokens.end() || (t + 1)->gap != Gap::kSpace) return false;
  const std::string_view w = normalized.substr(t->start, t->end - t->start);
  if (IsNasabWord(w)) return true;
  static constexpr std::string_view kRoles[] = {
      "\xD8\xA7\xD9\x85\xD9\x8A\xD8\xB1",              // امير
      "\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1",              // وزير
      "\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3",              // رئيس
      "\xD9\x85\xD8\xAD\xD8\xA7\xD9\x81\xD8\xB8",    // محافظ
      "\xD8\xB3\xD9\x81\xD9\x8A\xD8\xB1",              // سفير
      "\xD9\x85\xD8\xAF\xD9\x8A\xD8\xB1",              // مدير
      "\xD9\x85\xD8\xB3\xD8\xAA\xD8\xB4\xD8\xA7\xD8\xB1",  // مستشار
      "\xD9\x88\xD9\x84\xD9\x8A",                        // ولي
      "\xD9\x88\xD9\x83\xD9\x8A\xD9\x84",              // وكيل
  };
  if (!IsOneOf(w, kRoles)) return false;
  // In construct: a definite word after it, or a noun and a definite word (أمير منطقة
  // المدينة); ياسمين رئيس كانت is the actress Yasmin Raees.
  for (TokenIt n = t + 1; n <= t + 2 && n != tokens.end() && n->gap == Gap::kSpace; ++n) {
    if (normalized.substr(n->start, 4) == "\xD8\xA7\xD9\x84") return true;  // ال
  }
  return false;
}

}  // namespace

bool RuleSet::CutName(const Rule& r, std::string_view normalized,
                      const std::vector<Token>& tokens, const TriggerHit& h, TokenIt first,
                      TokenIt* last, const OriginalReading& ali) const {
  if (!CutNameOfItsKind(r, normalized, tokens, h, first, last, ali)) return false;
  // The name stops before its last word while that word cannot end it: a word with tanween
  // ends no name of any rule (إبراهيم إماماً "as an imam", تامر حسني غاضباً "angry"); a person's
  // name does not end with a word the next one shows goes on (NotAPersonsLastWord); a place's or
  // a body's name does not end with a king's, prince's or sultan's title, the ruler's name after
  // it being the name's (مدينة الملك | عبدالعزيز). الشيخ may end one: a quarter or a village is
  // often named after a sheikh's shrine (حي الشيخ رضوان).
  auto cut_here = [&] {
    if (ali.Tanween(normalized, **last)) return true;
    const std::string_view w = normalized.substr((*last)->start, (*last)->end - (*last)->start);
    return r.type == EntityType::kPerson
               ? NotAPersonsLastWord(normalized, tokens, *last)
               : IsRulerTitle(w) && w != "\xD8\xA7\xD9\x84\xD8\xB4\xD9\x8A\xD8\xAE";  // الشيخ
  };
  while (*last > first && cut_here()) --*last;
  return !cut_here();
}

bool RuleSet::CutNameOfItsKind(const Rule& r, std::string_view normalized,
                               const std::vector<Token>& tokens, const TriggerHit& h,
                               TokenIt first, TokenIt* last, const OriginalReading& ali) const {
  switch (r.next) {
    case Rule::Next::kGiven:  // after عبد X as after a given name (AbdHit)
      return TrimAfterGivenName(normalized, AbdHit(normalized, tokens, h) ? first + 1 : first,
                                last, stopwords_, common_words_, weak_given_names_, ali,
                                this);
    case Rule::Next::kCalled:
      return TrimCalledName(normalized, first, last, stopwords_, common_words_,
                            weak_given_names_, ali);
    case Rule::Next::kNamed:
      // The person's name after the head word; the head word (the trigger) stays inside the
      // name when the pattern's group holds it (مطار شارل ديغول).
      // A title before the name stays inside it, and a given name alone after a title is a
      // name (TitleInNamedName: مطار الملك خالد).
      {
        const bool title = TitleInNamedName(normalized, tokens, h.token + 1);
        const TokenIt name = tokens.begin() + static_cast<long>(h.token + 1 + title);
        if (*last < name) return false;
        TokenIt end = *last;
        if (TrimNameAfterHead(normalized, name, &end, stopwords_, common_words_,
                              weak_given_names_, ali)) {
          *last = end;
          return true;
        }
        *last = name;
        return title;
      }
    case Rule::Next::kKin:  // the given name right after the trigger, alone or with its words
      {
        const TokenIt name = tokens.begin() + static_cast<long>(h.token + 1);
        if (first != name || *last < name) return false;
        if (!TrimAfterGivenName(normalized, name, last, stopwords_, common_words_,
                                weak_given_names_, ali, this)) {
          *last = name;
        }
        return true;
      }
    case Rule::Next::kName:
      return r.type != EntityType::kPerson ||
             TrimRoleName(normalized, first, last, common_words_, given_name_set_);
    case Rule::Next::kLookalike:
      if (*last > tokens.begin() + h.token) {
        LookalikeNameEnd(normalized, tokens.begin() + h.token, last, stopwords_,
                         common_words_, frequent_words_, weak_given_names_, ali);
      }
      return *last > tokens.begin() + h.token;
    default:
      return true;
  }
}

bool RuleSet::GivenNameFollows(std::string_view normalized, const std::vector<Token>& tokens,
                               uint32_t trigger_token, const OriginalReading& ali) const {
  const size_t t = trigger_token + 1;
  if (t >= tokens.size() || tokens[t].gap != Gap::kSpace) return false;
  const std::string_view w = normalized.substr(tokens[t].start, tokens[t].end - tokens[t].start);
  // A compound with عبد written joined counts (مطار الملك عبدالعزيز).
  return given_name_set_.contains(w) || ali.IsName(normalized, tokens[t]) ||
         (w.size() > kAbd.size() + 2 && w.substr(0, kAbd.size()) == kAbd) ||
         w == "\xD8\xA7\xD8\xA8\xD9\x88" || w == "\xD8\xA7\xD8\xA8\xD9\x8A" ||  // ابو ابي
         w == "\xD8\xA7\xD8\xA8\xD8\xA7";                                     // ابا
}

bool RuleSet::AnyGivenNameFollows(std::string_view normalized, const std::vector<Token>& tokens,
                                  uint32_t trigger_token, const OriginalReading& ali) const {
  const size_t t = trigger_token + 1;
  if (t >= tokens.size() || tokens[t].gap != Gap::kSpace) return false;
  const std::string_view w = normalized.substr(tokens[t].start, tokens[t].end - tokens[t].start);
  if (OriginalReading::IsAli(normalized, tokens[t])) return ali.IsName(normalized, tokens[t]);
  return IsGivenName(w) || abd_apart_.contains(w);
}

bool RuleSet::LookalikeFollows(std::string_view normalized, const std::vector<Token>& tokens,
                               uint32_t trigger_token, uint32_t strip) const {
  const size_t t = trigger_token + 1;
  if (gazetteer_ == nullptr || t >= tokens.size() || tokens[t].gap != Gap::kSpace) return false;
  const std::string_view w = normalized.substr(tokens[t].start, tokens[t].end - tokens[t].start);
  if (!gazetteer_->IsOrdinaryWordAlias(w)) return false;
  // The head word and the alias that start a listed name (حزب العمال of حزب العمال الكردستاني)
  // are that name cut short, not a name of their own.
  const Token& head = tokens[trigger_token];
  const uint32_t node = gazetteer_->RootChild(
      gazetteer_->WordId(normalized.substr(head.start + strip, head.end - head.start - strip)));
  return node == 0 || gazetteer_->Child(node, gazetteer_->WordId(w)) == 0;
}

bool RuleSet::GivenNameOrAbdFollows(std::string_view normalized,
                                    const std::vector<Token>& tokens, size_t t,
                                    const OriginalReading& ali) const {
  if (t >= tokens.size() || tokens[t].gap != Gap::kSpace) return false;
  const std::string_view w = normalized.substr(tokens[t].start, tokens[t].end - tokens[t].start);
  if (given_name_set_.contains(w)) return !OriginalReading::IsAli(normalized, tokens[t]) ||
                                          ali.IsName(normalized, tokens[t]);
  // A compound with عبد written apart (عمر عبد العزيز الدخيل).
  return w == kAbd && AbdCompoundAt(normalized, tokens, t + 1);
}

bool RuleSet::ConjunctionBeforeTwoNames(std::string_view normalized,
                                        const std::vector<Token>& tokens, const TriggerHit& h,
                                        const OriginalReading& ali) const {
  const auto* w = reinterpret_cast<const unsigned char*>(normalized.data() + tokens[h.token].start);
  if (h.strip != 2 || !clitic::IsConjunction(w[0], w[1])) return false;
  Token name = tokens[h.token];  // the given name without its conjunction
  name.start += h.strip;
  // وعلى is "and on" (OriginalReading: the original writes ى).
  if (OriginalReading::IsAli(normalized, name) && !ali.IsName(normalized, name)) return false;
  return GivenNameOrAbdFollows(normalized, tokens, h.token + 1, ali);
}

namespace {

// Whether token t is a verb of saying, bare or after و or ف (قال، وأكد، فأضاف …, normalized):
// a weak given name after one is a name (وقال عمر باباكالي).
bool SayingVerb(std::string_view normalized, const std::vector<Token>& tokens, size_t t) {
  // قال، قالت، اكد، اكدت، اضاف، اضافت، اوضح، اوضحت، ذكر، ذكرت، صرح، صرحت، افاد، افادت، يقول، تقول، اعلن، اعلنت، كشف، كشفت
  static constexpr std::string_view kVerbs[] = {
      "\xD9\x82\xD8\xA7\xD9\x84", "\xD9\x82\xD8\xA7\xD9\x84\xD8\xAA", "\xD8\xA7\xD9\x83\xD8\xAF",
      "\xD8\xA7\xD9\x83\xD8\xAF\xD8\xAA", "\xD8\xA7\xD8\xB6\xD8\xA7\xD9\x81",
      "\xD8\xA7\xD8\xB6\xD8\xA7\xD9\x81\xD8\xAA", "\xD8\xA7\xD9\x88\xD8\xB6\xD8\xAD",
      "\xD8\xA7\xD9\x88\xD8\xB6\xD8\xAD\xD8\xAA", "\xD8\xB0\xD9\x83\xD8\xB1",
      "\xD8\xB0\xD9\x83\xD8\xB1\xD8\xAA", "\xD8\xB5\xD8\xB1\xD8\xAD",
      "\xD8\xB5\xD8\xB1\xD8\xAD\xD8\xAA", "\xD8\xA7\xD9\x81\xD8\xA7\xD8\xAF",
      "\xD8\xA7\xD9\x81\xD8\xA7\xD8\xAF\xD8\xAA", "\xD9\x8A\xD9\x82\xD9\x88\xD9\x84",
      "\xD8\xAA\xD9\x82\xD9\x88\xD9\x84", "\xD8\xA7\xD8\xB9\xD9\x84\xD9\x86",
      "\xD8\xA7\xD8\xB9\xD9\x84\xD9\x86\xD8\xAA", "\xD9\x83\xD8\xB4\xD9\x81",
      "\xD9\x83\xD8\xB4\xD9\x81\xD8\xAA"};
  std::string_view w = normalized.substr(tokens[t].start, tokens[t].end - tokens[t].start);
  const auto* b = reinterpret_cast<const unsigned char*>(w.data());
  if (w.size() > 6 && clitic::IsConjunction(b[0], b[1])) w.remove_prefix(2);
  return IsOneOf(w, kVerbs);
}

}  // namespace

bool RuleSet::FamilyNameFollows(std::string_view normalized, const std::vector<Token>& tokens,
                                const TriggerHit& h, const OriginalReading& ali) const {
  const size_t t = h.token + 1;
  if (h.strip > 0) return ConjunctionBeforeTwoNames(normalized, tokens, h, ali);
  if (t >= tokens.size() || tokens[t].gap != Gap::kSpace) return false;
  if (GivenNameOrAbdFollows(normalized, tokens, t, ali)) return true;
  const std::string_view w = normalized.substr(tokens[t].start, tokens[t].end - tokens[t].start);
  if (given_name_set_.contains(w) || w == kAbd) return false;
  // A nasab: بن, ابن or بنت and a word that is no stopword (عمر بن الخطاب، صالح بن علي).
  if (IsNasabWord(w)) {
    return t + 1 < tokens.size() && tokens[t + 1].gap == Gap::kSpace &&
           !stopwords_.contains(normalized.substr(tokens[t + 1].start,
                                                  tokens[t + 1].end - tokens[t + 1].start));
  }
  // A family name that is a given name with the article (عمر النايف، حسن الرشيد).
  if (DefiniteGivenName(w)) return true;
  // After a verb of saying, a family name that is no word of the language (وقال عمر باباكالي).
  if (h.token > 0 && tokens[h.token].gap == Gap::kSpace &&
      SayingVerb(normalized, tokens, h.token - 1) && w.substr(0, 4) != "\xD8\xA7\xD9\x84" && !common_words_.contains(w) &&
      !stopwords_.contains(w) && !CliticStartsWord(w) && !EndsWithPronoun(w)) {
    return true;
  }
  // A father's name that may go on a name and a family nisba after it (عمر شهاب الكربولي).
  if (w.substr(0, 4) != "\xD8\xA7\xD9\x84" && !common_words_.contains(w) && !stopwords_.contains(w) &&
      !CliticStartsWord(w) && !EndsWithPronoun(w) && t + 1 < tokens.size() &&
      tokens[t + 1].gap == Gap::kSpace) {
    const std::string_view family =
        normalized.substr(tokens[t + 1].start, tokens[t + 1].end - tokens[t + 1].start);
    // A family of the gazetteer's people, not a country's adjective (عمر طويل العراقي).
    if (IsDefiniteNisba(family) && IsFamilyWord(family) && !IsCountryAdjective(family) &&
        !common_words_.contains(family) && !stopwords_.contains(family)) {
      return true;
    }
  }
  // Ordinals and الماضي end regnal and other names (عبد الله الثاني), so common_words.tsv
  // cannot hold them; after an ordinary word they are its adjective (عمر الثاني "the second
  // one's age").
  return IsDefiniteNisba(w) && !common_words_.contains(w) && !stopwords_.contains(w) &&
         w != "\xD8\xA7\xD9\x84\xD8\xAB\xD8\xA7\xD9\x86\xD9\x8A" &&   // الثاني
         w != "\xD8\xA7\xD9\x84\xD9\x85\xD8\xA7\xD8\xB6\xD9\x8A";     // الماضي
}

bool RuleSet::IsFamilyWord(std::string_view word) const {
  return gazetteer_ != nullptr && gazetteer_->IsFamilyWord(word);
}

bool RuleSet::IsCountryAdjective(std::string_view word) const {
  return gazetteer_ != nullptr && gazetteer_->IsCountryAdjective(word);
}

bool RuleSet::DefiniteGivenName(std::string_view w) const {
  return w.size() >= 10 && w.substr(0, 4) == "\xD8\xA7\xD9\x84" &&  // ال and three letters
         given_name_set_.contains(w.substr(4)) && !common_words_.contains(w) &&
         !stopwords_.contains(w);
}

bool RuleSet::AbdCompoundAt(std::string_view normalized, const std::vector<Token>& tokens,
                            size_t t) const {
  if (t >= tokens.size() || tokens[t].gap != Gap::kSpace) return false;
  std::string joined(kAbd);
  joined.append(normalized.substr(tokens[t].start, tokens[t].end - tokens[t].start));
  return abd_apart_.contains(joined);
}

bool RuleSet::AbdHit(std::string_view normalized, const std::vector<Token>& tokens,
                     const TriggerHit& h) const {
  const Token& t = tokens[h.token];
  return t.end - t.start - h.strip == kAbd.size() &&
         normalized.compare(t.start + h.strip, kAbd.size(), kAbd) == 0;
}

bool RuleSet::NextAllows(const Rule& r, std::string_view normalized,
                         const std::vector<Token>& tokens, const TriggerHit& h,
                         const OriginalReading& ali, int name_follows[2]) const {
  if (r.next == Rule::Next::kDefinite) return DefiniteFollows(normalized, tokens, h.token);
  if (r.next == Rule::Next::kKin) return AnyGivenNameFollows(normalized, tokens, h.token, ali);
  if (r.next == Rule::Next::kLookalike) {
    return LookalikeFollows(normalized, tokens, h.token, h.strip);
  }
  // عبد and the word after it, a compound given name written apart (class apart), with a word
  // that may start a person's name after them.
  if (r.next == Rule::Next::kGiven && AbdHit(normalized, tokens, h)) {
    const size_t t = h.token + 1;
    return AbdCompoundAt(normalized, tokens, t) &&
           PersonMayFollow(normalized, tokens, static_cast<uint32_t>(t), stopwords_,
                           common_words_, ali);
  }
  if (r.next == Rule::Next::kGiven && !weak_given_names_.empty() &&
      weak_given_names_.contains(normalized.substr(
          tokens[h.token].start + h.strip, tokens[h.token].end - tokens[h.token].start - h.strip)) &&
      !FamilyNameFollows(normalized, tokens, h, ali)) {
    return false;
  }
  if (r.next == Rule::Next::kNamed) {
    if (!TitleInNamedName(normalized, tokens, h.token + 1)) {
      return GivenNameFollows(normalized, tokens, h.token, ali);
    }
    // After a ruler's title, also a name that is no given name of the list (جامعة الملك سعود):
    // any word but a function word, an ordinary word or a definite one.
    const Token& t = tokens[h.token + 2];
    const std::string_view w = normalized.substr(t.start, t.end - t.start);
    return GivenNameFollows(normalized, tokens, h.token + 1, ali) ||
           (!stopwords_.contains(w) && !common_words_.contains(w) &&
            w.substr(0, 4) != "\xD8\xA7\xD9\x84");  // ال
  }
  // A given name of three letters after a proclitic is more often a word (بيان: ب + يان),
  // unless و or ف joins it to a name that goes on with a given name (وعمر عبد العزيز الدخيل).
  if (r.next == Rule::Next::kGiven && h.strip > 0 &&
      tokens[h.token].end - tokens[h.token].start - h.strip < 8 &&
      !ConjunctionBeforeTwoNames(normalized, tokens, h, ali)) {
    return false;
  }
  // The given name علي is the preposition على once normalized: a name only where the original
  // writes it with ي (OriginalReading).
  if (r.next == Rule::Next::kGiven && h.strip == 0 && ali.IsAli(normalized, tokens[h.token]) &&
      !ali.IsName(normalized, tokens[h.token])) {
    return false;
  }
  if (r.next == Rule::Next::kName || r.next == Rule::Next::kGiven ||
      r.next == Rule::Next::kCalled) {
    // A role noun's name may follow an adjective (column `next` = name).
    const bool past_adjective = r.next == Rule::Next::kName;
    int& known = name_follows[past_adjective];
    if (known < 0) {
      known = PersonMayFollow(normalized, tokens, h.token, stopwords_, common_words_, ali,
                              past_adjective);
    }
    return known != 0;
  }
  return true;
}

// A name after a head word is a person's name, its words judged as one's. عبد X is the given
// name: the words after it are judged as after a given name. The words of a look-alike's name
// were judged as its end was found (LookalikeNameEnd: الدولة, a stopword, in مجلس الدولة; علي,
// the preposition's spelling, in مسجد الإمام علي).
bool RuleSet::NameRejected(const Rule& r, std::string_view normalized,
                           const std::vector<Token>& tokens, const TriggerHit& h, TokenIt first,
                           TokenIt last, const OriginalReading& ali) const {
  if (r.next == Rule::Next::kLookalike) return false;
  // A role noun's nouns in construct before the name hold no function word (مسؤول الشرطة، not
  // قائد الطائرة الذي اتصل), and the name starts with no لل (للمرشد).
  if (r.next == Rule::Next::kDefinite) {
    for (TokenIt t = tokens.begin() + h.token + 1; t < first; ++t) {
      if (stopwords_.contains(normalized.substr(t->start, t->end - t->start))) return true;
    }
    if (normalized.substr(first->start, 4) == "\xD9\x84\xD9\x84") return true;  // لل
  }
  // A given name alone after a noun of a person (ابنه عمر، المتهم حسن) was checked before the
  // pattern ran (AnyGivenNameFollows).
  if (r.next == Rule::Next::kKin && first == last) return false;
  const uint32_t given_token =
      h.token + (r.next == Rule::Next::kGiven && AbdHit(normalized, tokens, h)) +
      (r.next == Rule::Next::kNamed && TitleInNamedName(normalized, tokens, h.token + 1));
  return RejectedByWords(normalized, tokens, first, last, given_token,
                         r.next == Rule::Next::kNamed ? EntityType::kPerson : r.type,
                         r.next == Rule::Next::kQuote, stopwords_, common_words_,
                         frequent_words_,
                         r.next == Rule::Next::kNamed || r.next == Rule::Next::kKin
                             ? &given_name_set_
                             : nullptr,
                         ali);
}

void RuleSet::Match(std::string_view normalized, const std::vector<Token>& tokens,
                    const std::vector<TriggerHit>& hits, const OriginalReading& ali,
                    std::vector<Candidate>* out, std::vector<Tally>* tallies) const {
  std::vector<re2::StringPiece> groups(static_cast<size_t>(max_group_) + 1);
  if (tallies != nullptr) tallies->resize(rules_.size());
  for (const TriggerHit& h : hits) {
    auto it = by_word_.find(h.word);
    if (it == by_word_.end()) continue;
    const size_t start = tokens[h.token].start + h.strip;
    SpaceCuts cuts(normalized, start);
    const bool quote_follows =
        h.token + 1 < tokens.size() && tokens[h.token + 1].gap == Gap::kQuote;
    int name_follows[2] = {-1, -1};  // unknown until a rule asks (NextAllows)
    for (uint32_t ri : it->second) {
      const Rule& r = *rules_[ri];
      if (r.next == Rule::Next::kQuote && !quote_follows) continue;  // a quoted name's rule
      // The bytes every match starts with (وزاره ال، الحكومه ال): a memcmp rules out most
      // places a rule cannot match before RE2 runs.
      if (normalized.compare(start, r.prefix.size(), r.prefix) != 0) continue;
      if (!NextAllows(r, normalized, tokens, h, ali, name_follows)) continue;
      const re2::StringPiece g =
          RunPattern(r, normalized, start, cuts.EndBefore(r.max_spaces),
                     tallies != nullptr ? &(*tallies)[ri] : nullptr, &groups);
      if (g.empty()) continue;
      const uint32_t gs = static_cast<uint32_t>(g.data() - normalized.data());
      uint32_t ge = gs + static_cast<uint32_t>(g.size());
      TokenIt first, last;
      uint32_t strip;
      if (!NameTokens(normalized, tokens, h, gs, ge, &first, &last, &strip)) continue;
      if (!CutName(r, normalized, tokens, h, first, &last, ali)) continue;
      ge = last->end;
      // The family word after a chain of بن (عادل بن أحمد الجبير) is optional in the person
      // rules: a function word or a frequent ordinary word there was the next word of the
      // sentence (نايف بن عبدالعزيز في، … اليوم), left out.
      // علي written with ي is the name (محمد بن علي), and a name never ends with بن.
      if (r.type == EntityType::kPerson && AfterNasab(normalized, first, last) &&
          !AfterFamilyWord(normalized, first, last) &&
          ((stopwords_.contains(normalized.substr(last->start, last->end - last->start)) &&
            !ali.IsName(normalized, *last)) ||
           EndsWithFrequentWord(normalized, first, last, frequent_words_))) {
        --last;
        if (last > first && IsNasabWord(normalized.substr(last->start, last->end - last->start))) {
          --last;
        }
        ge = last->end;
      }
      if (NameRejected(r, normalized, tokens, h, first, last, ali)) continue;
      // One word after a place's descriptor that describes it (مدينة سورية، قرية وبلدة), read from
      // where the name starts (the second name of a dual starts after its و).
      if (r.type == EntityType::kPlace && r.next != Rule::Next::kQuote && first == last &&
          DescriptionOfAPlace(normalized.substr(gs, ge - gs), common_words_)) {
        continue;
      }
      out->push_back(Candidate{gs, ge, static_cast<uint32_t>(first - tokens.begin()),
                               static_cast<uint32_t>(last - tokens.begin() + 1), -1,
                               static_cast<int32_t>(ri), static_cast<uint8_t>(strip), h.word});
    }
  }
}

}  // namespace alam::internal
