#include "resolve/resolver.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "absl/functional/function_ref.h"
#include "alam/normalizer.h"
#include "core/proclitics.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "normalize/char_table.h"

namespace alam::internal {
namespace {

// A place name right before a candidate: joined to it by its proclitic و (سوسة وباغوز), or
// right before it with no proclitic (جدة السعودية).
enum class PlaceBefore { kNone, kJoinedByAnd, kRightBefore };

// The subtype of the jihadist groups of data/gazetteer/factions.tsv (al-Qaeda, the Islamic
// State, al-Nusra …).
constexpr std::string_view kJihadistGroup = "jihadist_group";

// An entity type as one bit of a set of types.
uint32_t TypeBit(EntityType t) { return uint32_t{1} << static_cast<uint32_t>(t); }
// In a set of types (JoinedTypesOf): a country among the names (مالي والنيجر).
constexpr uint32_t kCountryBit = uint32_t{1} << 31;

// The types of unambiguous alias `a`'s entry as a set of types (TypeBit, kCountryBit).
uint32_t TypeBitsOf(const Gazetteer& g, const AliasCore& a) {
  const EntryCore& e = g.core(*g.alias_entries_begin(a));
  return TypeBit(e.type) | ((e.flags & EntryCore::kCountry) ? kCountryBit : 0);
}

// Whether a word is definite: ال after at most two proclitics (العاصمة، بالعاصمة، وبالعاصمة)
// or لل (للعاصمة).
bool IsDefinite(std::string_view w) {
  constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
  for (size_t skip = 0; skip <= 4 && w.size() > skip + 6; skip += 2) {
    if (w.substr(skip, 4) == kArticle) return true;
    const auto* b = reinterpret_cast<const unsigned char*>(w.data()) + skip;
    if (!clitic::IsConjunction(b[0], b[1]) && !clitic::IsPreposition(b[0], b[1])) return false;
    if (clitic::IsLam(b[0], b[1]) && clitic::IsLam(b[2], b[3])) return true;  // لل
  }
  return false;
}

// Whether the trigger words `trig` (null for none) name an entity of type `type`.
bool TriggerSupports(const std::vector<TriggerInfo>* trig, EntityType type) {
  if (trig == nullptr) return false;
  for (const TriggerInfo& t : *trig) {
    if (t.type == type) return true;
  }
  return false;
}

bool QuoteMarkAt(std::string_view text, size_t pos);  // below

struct Context {
  const Gazetteer& g;
  std::string_view text;
  const std::vector<Token>& tokens;
  ResolveScratch* s;
  const RuleSet& rules;
  const ContextModel& model;
  const OriginalReading& original;

  std::string_view Word(size_t t) const {
    return text.substr(tokens[t].start, tokens[t].end - tokens[t].start);
  }

  // Words next to a gated place name that make it a place: a compass direction after it
  // (الباب شرق حلب), or a place name joined to it by و (سوسة وباغوز: `prev_place`).
  Cue PlaceCue(const Candidate& c, absl::FunctionRef<PlaceBefore()> before) const {
    if (c.tok_end < tokens.size() && (tokens[c.tok_end].gap == Gap::kSpace ||
                                      CommaBefore(c.tok_end) || ParenBefore(c.tok_end)) &&
        IsDirection(Word(c.tok_end))) {
      return ParenBefore(c.tok_end) ? Cue::kDirectionInParens : Cue::kDirection;
    }
    if (DirectionBefore(c)) return Cue::kDirectionBefore;
    return before() == PlaceBefore::kJoinedByAnd ? Cue::kAfterPlace : Cue::kNone;
  }

  static bool IsDirection(std::string_view w) {
    static constexpr std::string_view kDirections[] = {
        "\xD8\xB4\xD8\xB1\xD9\x82", "\xD8\xBA\xD8\xB1\xD8\xA8",  // شرق غرب
        "\xD8\xB4\xD9\x85\xD8\xA7\xD9\x84", "\xD8\xAC\xD9\x86\xD9\x88\xD8\xA8",  // شمال جنوب
        "\xD8\xB4\xD8\xB1\xD9\x82\xD9\x8A", "\xD8\xBA\xD8\xB1\xD8\xA8\xD9\x8A",  // شرقي غربي
        "\xD8\xB4\xD9\x85\xD8\xA7\xD9\x84\xD9\x8A", "\xD8\xAC\xD9\x86\xD9\x88\xD8\xA8\xD9\x8A"};
    for (std::string_view d : kDirections) {
      if (w == d) return true;
    }
    return false;
  }

  // Whether a compass word (after و، ف، ب، ك or ل, or none) comes right before candidate `c`, a
  // form without the article and without a proclitic that ends its phrase: in construct with
  // the direction it is a place (غرب حديثة، شمالي شرق مالي، وشمال عمران), where an adjective
  // or a verb cannot stand. With the article it is as often a common noun (جنوب المدينة، غرب
  // القارة), and so is a form in construct with a noun after it (غرب معسكر العند، جنوب قارة
  // أفريقيا، غرب مضيق جبل طارق): no cue. A function word, a word with و or a definite adjective
  // after it ends the phrase (شمال مالي وشمال نيجيريا، شمال مالي الصحراوي).
  bool DirectionBefore(const Candidate& c) const {
    constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
    if (c.clitic_bytes != 0 || c.tok_begin == 0 || tokens[c.tok_begin].gap != Gap::kSpace ||
        text.substr(c.norm_start, kArticle.size()) == kArticle) {
      return false;
    }
    if (c.tok_end < tokens.size() && tokens[c.tok_end].gap == Gap::kSpace) {
      const std::string_view next = Word(c.tok_end);
      const auto* n = reinterpret_cast<const unsigned char*>(next.data());
      if (!rules.IsStopword(next) && !IsDefiniteAdjective(next) &&
          !(next.size() > 2 && clitic::IsConjunction(n[0], n[1]))) {
        return false;
      }
    }
    const std::string_view w = Word(c.tok_begin - 1);
    if (IsDirection(w)) return true;
    const auto* b = reinterpret_cast<const unsigned char*>(w.data());
    return w.size() > 2 &&
           (clitic::IsConjunction(b[0], b[1]) || clitic::IsPreposition(b[0], b[1])) &&
           IsDirection(w.substr(2));
  }

  // The text between token `t` and the one before it ("" for the first token).
  std::string_view GapBefore(size_t t) const {
    if (t == 0) return {};
    return text.substr(tokens[t - 1].end, tokens[t].start - tokens[t - 1].end);
  }

  // Whether token `t` follows the previous one after an opening parenthesis, a space before
  // it or not: the wire services' place (direction) — الضمير (شرق)، سرت (شمال ليبيا).
  bool ParenBefore(size_t t) const {
    const std::string_view gap = GapBefore(t);
    return gap == " (" || gap == "(";
  }

  // Whether token `t` follows the previous one after a comma and a space only (القدم، جنوبي
  // دمشق).
  bool CommaBefore(size_t t) const {
    const std::string_view gap = GapBefore(t);
    return gap == "\xD8\x8C " || gap == ", ";
  }

  // The cue next to a place candidate of `entry`, into *ev. It gates (ContextEvidence::
  // placed) as a direction before a place that contains the entry, as a direction in
  // parentheses right after it where a relative of it is named nearby (ريف دمشق … الضمير (شرق)),
  // or as و after a place before an article-less form (سوسة وباغوز, `bare`); any other cue only
  // weighs with the model. With no such cue, في or ب and a place that contains the entry after
  // the candidate gate (ContainerAfterIn).
  void AddCue(const Candidate& c, const AliasCore& a, uint32_t entry,
              absl::FunctionRef<PlaceBefore()> before, ContextEvidence* ev) const {
    const Cue cue = PlaceCue(c, before);
    if (cue == Cue::kNone) {
      // Not for a very common word, most often a verb there (ما حدث في حلب، صور في دير الزور).
      ev->placed = !a.very_common && ContainerAfterIn(c, entry);
      return;
    }
    const bool bare = a.bare;
    ev->placed = (cue == Cue::kDirection && ContainerAfterDirection(c, entry)) ||
                 (cue == Cue::kDirectionInParens && RelativeNamedNear(c, entry)) ||
                 cue == Cue::kDirectionBefore ||
                 (cue == Cue::kAfterPlace && bare);
    ev->cue = !ev->placed;
    ev->cue_kind = cue;
  }

  // Whether a place that contains `entry` is named right after the candidate and في or ب,
  // with a descriptor word between them or not (القائم في محافظة الأنبار، حديثة بالأنبار، تلعفر
  // بمحافظة نينوى): the writer places it there, as a gating cue.
  bool ContainerAfterIn(const Candidate& c, uint32_t entry) const {
    constexpr std::string_view kFi = "\xD9\x81\xD9\x8A", kBa = "\xD8\xA8";  // في، ب
    size_t t = c.tok_end;
    if (t >= tokens.size() || tokens[t].gap != Gap::kSpace) return false;
    uint32_t lo = tokens[t].start;
    if (Word(t) == kFi) {
      if (++t >= tokens.size() || tokens[t].gap != Gap::kSpace) return false;
      lo = tokens[t].start;
    } else if (Word(t).size() > 4 && Word(t).substr(0, 2) == kBa) {
      lo += 2;
    } else {
      return false;
    }
    // A place's descriptor word (محافظة، ريف، قضاء …) before the container.
    const std::string_view rest = text.substr(lo, tokens[t].end - lo);
    if (TriggerSupports(g.FindTrigger(rest), EntityType::kPlace)) {
      if (++t >= tokens.size() || tokens[t].gap != Gap::kSpace) return false;
      lo = tokens[t].start;
    }
    const uint32_t last = tokens[t].end - 1;
    bool found = false;
    g.ForEachAncestor(entry, kMaxAncestors, [&](uint32_t a) {
      found = found || NamedBetween(s->mentions, s->named, a, lo, last, -1);
    });
    return found;
  }

  // Whether a relative of `entry` (its governorate or country too) is named near candidate `c`.
  bool RelativeNamedNear(const Candidate& c, uint32_t entry) const {
    bool close = false, any = false;
    RelativesNear(entry, c.norm_start, c.alias, &close, &any);
    return any;
  }

  // Whether a place that contains `entry` is named right after the compass word that follows
  // the candidate, a comma between them or not (الباب شرق حلب، القدم، جنوبي دمشق: Aleppo
  // contains al-Bab).
  bool ContainerAfterDirection(const Candidate& c, uint32_t entry) const {
    const size_t t = c.tok_end + 1;
    if (t >= tokens.size() || tokens[t].gap != Gap::kSpace) return false;
    const uint32_t lo = tokens[t].start, last = tokens[t].end - 1;  // the word's bytes
    bool found = false;
    g.ForEachAncestor(entry, kMaxAncestors, [&](uint32_t a) {
      found = found || NamedBetween(s->mentions, s->named, a, lo, last, -1);
    });
    return found;
  }

  // A one-word place name that reads as a noun with its adjective: followed by an ordinary
  // definite adjective (الطبقة السياسية) other than its own country's (`country`, given for a
  // name that is no ordinary word: البوكمال السورية، الموصل العراقية; not الثورة السورية), or
  // itself an adjective (…ية) after a definite noun (المظاهرات السلمية) — also after a trigger
  // word with the article (`after_trigger`: العاصمة القطرية، العاصمة التونسية), which a name
  // follows without one (مدينة السلمية).
  bool NounPhrase(const Candidate& c, bool after_trigger, const EntryInfo* info) const {
    if (c.tok_end != c.tok_begin + 1 || c.clitic_bytes > 0) return false;
    if (after_trigger && TriggerAdjective(c)) return true;
    const std::string_view name = Word(c.tok_begin);
    constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
    if (name.substr(0, 4) != kArticle) return false;
    auto ends = [](std::string_view w, std::string_view tail) {
      return w.size() > tail.size() + 4 && w.substr(w.size() - tail.size()) == tail;
    };
    constexpr std::string_view kYehHeh = "\xD9\x8A\xD9\x87", kYeh = "\xD9\x8A";
    if (!after_trigger && c.tok_end < tokens.size() && tokens[c.tok_end].gap == Gap::kSpace &&
        !InConstruct(c)) {
      const std::string_view next = Word(c.tok_end);
      if (next.size() >= 12 && next.substr(0, 4) == kArticle &&  // ال + 4 letters: not التي
          (ends(next, kYehHeh) || ends(next, kYeh)) && rules.IsCommonWord(next) &&
          !IsDirectionAdjective(next) &&
          !(info != nullptr && IsCountryAdjective(next, info->country))) {
        return true;
      }
    }
    if (!ends(name, kYehHeh) || c.tok_begin == 0 || tokens[c.tok_begin].gap != Gap::kSpace) {
      return false;
    }
    return IsDefinite(Word(c.tok_begin - 1));
  }

  // Whether token `t` ends a given name: a given name of the list (not على, the preposition
  // once normalized) or a compound with عبد, joined (عبدالعزيز) or apart (عبد العزيز).
  bool EndsGivenName(size_t t) const {
    const std::string_view w = Word(t);
    if (w != "\xD8\xB9\xD9\x84\xD9\x8A" && rules.IsGivenName(w)) return true;  // على
    if (w.size() > kAbd.size() + 2 && w.substr(0, kAbd.size()) == kAbd) return true;
    return t >= 1 && tokens[t].gap == Gap::kSpace && Word(t - 1) == kAbd;
  }

  // Whether one-word candidate `c`, without a proclitic, follows a given name: for a look-alike
  // name of a person, a word of someone else's name (عبدالوهاب هادي طواف: not President Hadi).
  bool InsideAnotherName(const Candidate& c) const {
    return c.tok_end == c.tok_begin + 1 && c.clitic_bytes == 0 && c.tok_begin >= 1 &&
           tokens[c.tok_begin].gap == Gap::kSpace && EndsGivenName(c.tok_begin - 1);
  }

  // Whether person candidate `c` follows a ruler's title that follows the head word of a place
  // or body named after the ruler (جامعة الملك سعود، مدينة الملك عبدالعزيز للعلوم، بمستشفى الملك
  // خالد, a proclitic or two allowed before the head): that place or body, which the gold does
  // not nest, not the person (عهد الملك فهد, "King Fahd's reign", is the person).
  bool FacilityHeadBeforeTitle(const Candidate& c) const {
    // مدينه، مركز، حديقه، قاعده، استاد، ستاد، طريق، شارع، داره، متنزه، منتزه، مستشفي، مشفي، مطار
    // جامعه، جائزه، مشروع، مجمع، جسر، كليه، معهد، مؤسسه، برنامج، مكتبه، ملعب، قصر، مسجد، جامع
    // حي، ميدان، مدرسه، صندوق، اكاديميه، برج، ساحه، كرسي، وقف
    static constexpr std::string_view kHeads[] = {
        "\xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD9\x87", "\xD9\x85\xD8\xB1\xD9\x83\xD8\xB2",
        "\xD8\xAD\xD8\xAF\xD9\x8A\xD9\x82\xD9\x87", "\xD9\x82\xD8\xA7\xD8\xB9\xD8\xAF\xD9\x87",
        "\xD8\xA7\xD8\xB3\xD8\xAA\xD8\xA7\xD8\xAF", "\xD8\xB3\xD8\xAA\xD8\xA7\xD8\xAF",
        "\xD8\xB7\xD8\xB1\xD9\x8A\xD9\x82", "\xD8\xB4\xD8\xA7\xD8\xB1\xD8\xB9",
        "\xD8\xAF\xD8\xA7\xD8\xB1\xD9\x87", "\xD9\x85\xD8\xAA\xD9\x86\xD8\xB2\xD9\x87",
        "\xD9\x85\xD9\x86\xD8\xAA\xD8\xB2\xD9\x87",
        "\xD9\x85\xD8\xB3\xD8\xAA\xD8\xB4\xD9\x81\xD9\x8A", "\xD9\x85\xD8\xB4\xD9\x81\xD9\x8A",
        "\xD9\x85\xD8\xB7\xD8\xA7\xD8\xB1", "\xD8\xAC\xD8\xA7\xD9\x85\xD8\xB9\xD9\x87",
        "\xD8\xAC\xD8\xA7\xD8\xA6\xD8\xB2\xD9\x87", "\xD9\x85\xD8\xB4\xD8\xB1\xD9\x88\xD8\xB9",
        "\xD9\x85\xD8\xAC\xD9\x85\xD8\xB9", "\xD8\xAC\xD8\xB3\xD8\xB1",
        "\xD9\x83\xD9\x84\xD9\x8A\xD9\x87", "\xD9\x85\xD8\xB9\xD9\x87\xD8\xAF",
        "\xD9\x85\xD8\xA4\xD8\xB3\xD8\xB3\xD9\x87",
        "\xD8\xA8\xD8\xB1\xD9\x86\xD8\xA7\xD9\x85\xD8\xAC",
        "\xD9\x85\xD9\x83\xD8\xAA\xD8\xA8\xD9\x87", "\xD9\x85\xD9\x84\xD8\xB9\xD8\xA8",
        "\xD9\x82\xD8\xB5\xD8\xB1", "\xD9\x85\xD8\xB3\xD8\xAC\xD8\xAF",
        "\xD8\xAC\xD8\xA7\xD9\x85\xD8\xB9", "\xD8\xAD\xD9\x8A",
        "\xD9\x85\xD9\x8A\xD8\xAF\xD8\xA7\xD9\x86", "\xD9\x85\xD8\xAF\xD8\xB1\xD8\xB3\xD9\x87",
        "\xD8\xB5\xD9\x86\xD8\xAF\xD9\x88\xD9\x82",
        "\xD8\xA7\xD9\x83\xD8\xA7\xD8\xAF\xD9\x8A\xD9\x85\xD9\x8A\xD9\x87",
        "\xD8\xA8\xD8\xB1\xD8\xAC", "\xD8\xB3\xD8\xA7\xD8\xAD\xD9\x87",
        "\xD9\x83\xD8\xB1\xD8\xB3\xD9\x8A", "\xD9\x88\xD9\x82\xD9\x81"};
    if (c.clitic_bytes > 0 || c.tok_begin < 2 || tokens[c.tok_begin].gap != Gap::kSpace ||
        tokens[c.tok_begin - 1].gap != Gap::kSpace || !IsRulerTitle(Word(c.tok_begin - 1))) {
      return false;
    }
    std::string_view head = Word(c.tok_begin - 2);
    for (int strip = 0; strip <= 2; ++strip) {
      if (IsOneOf(head, kHeads)) return true;
      const auto* b = reinterpret_cast<const unsigned char*>(head.data());
      if (head.size() < 6 ||
          !(clitic::IsConjunction(b[0], b[1]) || clitic::IsPreposition(b[0], b[1]))) {
        return false;
      }
      head.remove_prefix(2);
    }
    return false;
  }

  // Whether one-word candidate `c` goes on with an ordinal, a regnal number (الملك فيصل الثاني
  // of Iraq, عبد الله الثاني): someone else of the name.
  bool RegnalNumberAfter(const Candidate& c) const {
    if (c.tok_end != c.tok_begin + 1 || c.tok_end >= tokens.size() ||
        tokens[c.tok_end].gap != Gap::kSpace) {
      return false;
    }
    static constexpr std::string_view kOrdinals[] = {
        "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x88\xD9\x84",                    // الاول
        "\xD8\xA7\xD9\x84\xD8\xAB\xD8\xA7\xD9\x86\xD9\x8A",          // الثاني
        "\xD8\xA7\xD9\x84\xD8\xAB\xD8\xA7\xD9\x84\xD8\xAB",          // الثالث
        "\xD8\xA7\xD9\x84\xD8\xB1\xD8\xA7\xD8\xA8\xD8\xB9",          // الرابع
        "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xA7\xD9\x85\xD8\xB3",          // الخامس
        "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xAF\xD8\xB3"};         // السادس
    return IsOneOf(Word(c.tok_end), kOrdinals);
  }

  // Whether candidate `c` follows a given name and بن: the father's name in someone's chain
  // (فيصل بن سلمان بن عبدالعزيز: not King Salman), which the gold does not nest inside the
  // son's name, and which the given-name rule reads with it. (Rule-made names that start
  // there are left: dropping them lost more partial names, صالح بن إبراهيم الرشيد, than it
  // righted; reading the son's given name into them would be the fix.)
  bool FatherInChain(const Candidate& c) const {
    return c.clitic_bytes == 0 && c.tok_begin >= 2 &&
           tokens[c.tok_begin].gap == Gap::kSpace && tokens[c.tok_begin - 1].gap == Gap::kSpace &&
           Word(c.tok_begin - 1) == kBin && EndsGivenName(c.tok_begin - 2);
  }

  // Whether the segment has the indefinite word قاعدة "base", bare or after one proclitic
  // (قاعدة حميميم، بقاعدة إنجرليك): a base named in it, which القاعدة may then be.
  bool BaseWordInSegment() const {
    constexpr std::string_view kBase = "\xD9\x82\xD8\xA7\xD8\xB9\xD8\xAF\xD9\x87";  // قاعده
    bool found = false;
    for (size_t t = 0; t < tokens.size() && !found; ++t) {
      ForEachReading(Word(t), &s->buf, [&](std::string_view r, uint32_t strip) {
        found = found || (strip <= 2 && r == kBase);
      });
    }
    return found;
  }

  // Whether the segment names a jihadist group (subtype kJihadistGroup) by an unambiguous
  // alias (its mentions).
  bool JihadistGroupInSegment() const {
    for (const Mention& m : s->mentions) {
      if (g.core(m.entry).type == EntityType::kFaction &&
          g.entries()[m.entry].subtype == kJihadistGroup) {
        return true;
      }
    }
    return false;
  }

  // Whether alias candidate `c` is the father's name in someone's chain (FatherInChain), a
  // one-word alias before بن, or starts with بن right after a given name (EndsGivenName): part
  // of another person's name (فيصل بن سلمان، عبد العزيز بن سلمان, not the crown prince's short
  // name بن سلمان; حمزة بن لادن, not Osama). ابن is left alone: it starts names of its own
  // (ابن تيمية).
  bool NasabOfAnotherName(const Candidate& c) const {
    if (FatherInChain(c)) return true;
    // A one-word alias (a given name: سلمان، تميم) before بن starts a longer name than the
    // gazetteer holds for that person (الشيخ سلمان بن محمد النشوان).
    if (c.tok_end == c.tok_begin + 1 && c.tok_end + 1 < tokens.size() &&
        tokens[c.tok_end].gap == Gap::kSpace && tokens[c.tok_end + 1].gap == Gap::kSpace &&
        Word(c.tok_end) == kBin) {
      return true;
    }
    return c.clitic_bytes == 0 && c.tok_begin >= 1 && tokens[c.tok_begin].gap == Gap::kSpace &&
           Word(c.tok_begin) == kBin && EndsGivenName(c.tok_begin - 1);
  }

  // Whether candidate `c` names the group a member belongs to: after a word for a member or
  // leader and في (القيادي في القاعدة، عناصر في الدولة), with ب right after it (قيادي
  // بالقاعدة), or right after such a word in the construct state (زعيم القاعدة، قادة القاعدة;
  // LeaderOrMembersOf). Support for a faction's or an organization's look-alike name, as a
  // trigger is.
  bool AfterMemberOf(const Candidate& c) const {
    if (c.tok_begin == 0 || tokens[c.tok_begin].gap != Gap::kSpace) return false;
    size_t member = c.tok_begin - 1;
    if (c.clitic_bytes == 0) {
      if (LeaderOrMembersOf(Word(member))) return true;  // زعيم القاعدة، عناصر الدولة
      if (Word(member) != "\xD9\x81\xD9\x8A" || member == 0 ||  // في
          tokens[member].gap != Gap::kSpace) {
        return false;
      }
      --member;
    } else if (c.clitic_bytes != 2 || text.compare(tokens[c.tok_begin].start, 2, "\xD8\xA8") != 0) {
      return false;  // the one proclitic must be ب
    }
    static constexpr std::string_view kMembers[] = {
        "\xD8\xA7\xD9\x84\xD9\x82\xD9\x8A\xD8\xA7\xD8\xAF\xD9\x8A",  // القيادي
        "\xD9\x82\xD9\x8A\xD8\xA7\xD8\xAF\xD9\x8A",                  // قيادي
        "\xD8\xB9\xD8\xB6\xD9\x88",                                    // عضو
        "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB6\xD9\x88",                    // العضو
        "\xD8\xA7\xD8\xB9\xD8\xB6\xD8\xA7\xD8\xA1",                    // اعضاء
        "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x85\xD9\x8A\xD8\xB1",              // الامير
        "\xD8\xA7\xD9\x85\xD9\x8A\xD8\xB1",                              // امير
        "\xD8\xB9\xD9\x86\xD8\xB5\xD8\xB1",                              // عنصر
        "\xD8\xB9\xD9\x86\xD8\xA7\xD8\xB5\xD8\xB1",                    // عناصر
        "\xD9\x85\xD9\x82\xD8\xA7\xD8\xAA\xD9\x84\xD9\x8A",              // مقاتلي
        "\xD9\x85\xD9\x82\xD8\xA7\xD8\xAA\xD9\x84\xD9\x88",              // مقاتلو
        "\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD8\xA6\xD8\xAF",              // القائد
        "\xD8\xA7\xD9\x84\xD8\xB4\xD8\xB1\xD8\xB9\xD9\x8A",              // الشرعي
        // "linked to" (المجموعات المرتبطة بالقاعدة)
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xAA\xD8\xA8\xD8\xB7",                // المرتبط
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xAA\xD8\xA8\xD8\xB7\xD9\x87",        // المرتبطه
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xAA\xD8\xA8\xD8\xB7\xD9\x8A\xD9\x86",  // المرتبطين
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD8\xAA\xD8\xA8\xD8\xB7\xD9\x88\xD9\x86",  // المرتبطون
        "\xD9\x85\xD8\xB1\xD8\xAA\xD8\xA8\xD8\xB7",                                // مرتبط
        "\xD9\x85\xD8\xB1\xD8\xAA\xD8\xA8\xD8\xB7\xD9\x87"};                        // مرتبطه
    return IsOneOf(Word(member), kMembers);
  }

  // Whether a group's look-alike name is followed by an adjective that only a group takes:
  // الإرهابي، المتطرف، التكفيري (نهج القاعدة الإرهابي، جماعة الإخوان الإرهابية), normalized.
  bool GroupAdjectiveAfter(const Candidate& c) const {
    static constexpr std::string_view kAdjectives[] = {
        "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB1\xD9\x87\xD8\xA7\xD8\xA8\xD9\x8A",  // الارهابي
        "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB1\xD9\x87\xD8\xA7\xD8\xA8\xD9\x8A\xD9\x87",  // الارهابيه
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xB7\xD8\xB1\xD9\x81",  // المتطرف
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xB7\xD8\xB1\xD9\x81\xD9\x87",  // المتطرفه
        "\xD8\xA7\xD9\x84\xD8\xAA\xD9\x83\xD9\x81\xD9\x8A\xD8\xB1\xD9\x8A",  // التكفيري
        "\xD8\xA7\xD9\x84\xD8\xAA\xD9\x83\xD9\x81\xD9\x8A\xD8\xB1\xD9\x8A\xD9\x87"};  // التكفيريه
    if (c.tok_end >= tokens.size() || tokens[c.tok_end].gap != Gap::kSpace) return false;
    return IsOneOf(Word(c.tok_end), kAdjectives);
  }

  // Whether a group's look-alike name follows a word of affiliation with its preposition: متصلة
  // (مرتبطين …) بـ, المنتمين (انضم …) إلى, المقربين من, or the word منظمة (منظمة القاعدة); and
  // التابعة (الموالين، الفرع الرسمي …) لـ unless the name is a very common word (`very_common`):
  // التابعة للدولة is "state-owned" as often as it is the Islamic State's, while التابعة للقاعدة
  // is al-Qaeda's.
  bool AffiliatedTo(const Candidate& c, bool very_common) const {
    static constexpr std::string_view kWithLam[] = {
        "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9",  // التابع
        "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9\xD9\x87",  // التابعه
        "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9\xD9\x8A\xD9\x86",  // التابعين
        "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9\xD8\xAA\xD9\x8A\xD9\x86",  // التابعتين
        "\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9",  // تابع
        "\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9\xD9\x87",  // تابعه
        "\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9\xD9\x8A\xD9\x86",  // تابعين
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x88\xD8\xA7\xD9\x84\xD9\x8A",  // الموالي
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x88\xD8\xA7\xD9\x84\xD9\x8A\xD9\x87",  // المواليه
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x88\xD8\xA7\xD9\x84\xD9\x8A\xD9\x86",  // الموالين
        "\xD9\x85\xD9\x88\xD8\xA7\xD9\x84\xD9\x8A\xD8\xA7",  // مواليا
        "\xD9\x85\xD9\x88\xD8\xA7\xD9\x84\xD9\x8A\xD9\x87",  // مواليه
        "\xD9\x85\xD9\x88\xD8\xA7\xD9\x84\xD9\x8A\xD9\x86",  // موالين
        "\xD8\xA7\xD9\x84\xD8\xB1\xD8\xB3\xD9\x85\xD9\x8A"};  // الرسمي (الفرع الرسمي)
    static constexpr std::string_view kWithBa[] = {
        "\xD9\x85\xD8\xAA\xD8\xB5\xD9\x84\xD9\x87",  // متصله
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xB5\xD9\x84\xD9\x87",  // المتصله
        "\xD9\x85\xD8\xAA\xD8\xB5\xD9\x84\xD9\x8A\xD9\x86",  // متصلين
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xB5\xD9\x84\xD9\x8A\xD9\x86",  // المتصلين
        "\xD9\x85\xD8\xB1\xD8\xAA\xD8\xA8\xD8\xB7\xD9\x8A\xD9\x86"};  // مرتبطين
    static constexpr std::string_view kWithIla[] = {
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x86\xD8\xAA\xD9\x85\xD9\x8A\xD9\x86",  // المنتمين
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x86\xD8\xAA\xD9\x85\xD9\x8A",  // المنتمي
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x86\xD8\xAA\xD9\x85\xD9\x8A\xD9\x87",  // المنتميه
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x86\xD8\xAA\xD9\x85\xD9\x88\xD9\x86",  // المنتمون
        "\xD9\x85\xD9\x86\xD8\xAA\xD9\x85\xD9\x8A\xD9\x86",  // منتمين
        "\xD9\x85\xD9\x86\xD8\xAA\xD9\x85\xD9\x88\xD9\x86",  // منتمون
        "\xD9\x8A\xD9\x86\xD8\xAA\xD9\x85\xD9\x88\xD9\x86",  // ينتمون
        "\xD9\x8A\xD9\x86\xD8\xAA\xD9\x85\xD9\x8A",  // ينتمي
        "\xD8\xAA\xD9\x86\xD8\xAA\xD9\x85\xD9\x8A",  // تنتمي
        "\xD8\xA7\xD9\x86\xD8\xB6\xD9\x85",  // انضم
        "\xD8\xA7\xD9\x86\xD8\xB6\xD9\x85\xD9\x88\xD8\xA7",  // انضموا
        "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x86\xD8\xB6\xD9\x85\xD8\xA7\xD9\x85"};  // الانضمام
    static constexpr std::string_view kWithMin[] = {
        "\xD9\x85\xD9\x82\xD8\xB1\xD8\xA8\xD9\x8A\xD9\x86",  // مقربين
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x82\xD8\xB1\xD8\xA8\xD9\x8A\xD9\x86",  // المقربين
        "\xD9\x85\xD9\x82\xD8\xB1\xD8\xA8",  // مقرب
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x82\xD8\xB1\xD8\xA8",  // المقرب
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x82\xD8\xB1\xD8\xA8\xD9\x87",  // المقربه
        "\xD9\x85\xD9\x82\xD8\xB1\xD8\xA8\xD9\x87"};  // مقربه
    auto in = [](std::string_view w, const auto& list) {
      return std::find(std::begin(list), std::end(list), w) != std::end(list);
    };
    if (c.tok_begin == 0 || tokens[c.tok_begin].gap != Gap::kSpace) return false;
    const std::string_view prev = Word(c.tok_begin - 1);
    if (c.clitic_bytes == 2) {
      const std::string_view clitic = text.substr(tokens[c.tok_begin].start, 2);
      if (clitic == "\xD9\x84") return !very_common && in(prev, kWithLam);  // ل
      return clitic == "\xD8\xA8" && in(prev, kWithBa);  // ب
    }
    if (c.clitic_bytes != 0) return false;
    if (prev == "\xD9\x85\xD9\x86\xD8\xB8\xD9\x85\xD9\x87") return true;  // منظمه
    if (c.tok_begin < 2 || tokens[c.tok_begin - 1].gap != Gap::kSpace) return false;
    const std::string_view before = Word(c.tok_begin - 2);
    if (prev == "\xD8\xA7\xD9\x84\xD9\x8A") return in(before, kWithIla);  // الي (إلى)
    if (prev == "\xD9\x85\xD9\x86") return in(before, kWithMin);            // من
    return false;
  }

  // Whether "formerly" (سابقا) follows candidate `c`: a group's former name (هيئة تحرير الشام
  // (النصرة سابقا)).
  bool FormerName(const Candidate& c) const {
    return c.tok_end < tokens.size() && tokens[c.tok_end].gap == Gap::kSpace &&
           Word(c.tok_end) == "\xD8\xB3\xD8\xA7\xD8\xA8\xD9\x82\xD8\xA7";  // سابقا
  }

  // Whether `w` is a noun of a group's leader or members in the construct state, the group
  // named right after it: زعيم، قائد، أمير، قادة، عناصر، مقاتلو، مسلحو … (زعيم القاعدة).
  static bool LeaderOrMembersOf(std::string_view w) {
    static constexpr std::string_view kLeaders[] = {
        "\xD8\xB2\xD8\xB9\xD9\x8A\xD9\x85",                    // زعيم
        "\xD9\x82\xD8\xA7\xD8\xA6\xD8\xAF",                    // قائد
        "\xD8\xA7\xD9\x85\xD9\x8A\xD8\xB1",                    // امير
        "\xD9\x82\xD8\xA7\xD8\xAF\xD9\x87",                    // قاده
        "\xD8\xB2\xD8\xB9\xD9\x85\xD8\xA7\xD8\xA1",          // زعماء
        "\xD8\xB9\xD9\x86\xD8\xA7\xD8\xB5\xD8\xB1",          // عناصر
        "\xD9\x85\xD9\x82\xD8\xA7\xD8\xAA\xD9\x84\xD9\x88",  // مقاتلو
        "\xD9\x85\xD9\x82\xD8\xA7\xD8\xAA\xD9\x84\xD9\x8A",  // مقاتلي
        "\xD9\x85\xD8\xB3\xD9\x84\xD8\xAD\xD9\x88",          // مسلحو
        "\xD9\x85\xD8\xB3\xD9\x84\xD8\xAD\xD9\x8A",        // مسلحي
        "\xD9\x82\xD9\x8A\xD8\xA7\xD8\xAF\xD8\xA7\xD8\xAA",  // قيادات
        "\xD9\x82\xD9\x8A\xD8\xA7\xD8\xAF\xD9\x8A\xD9\x8A",  // قياديي
        "\xD8\xA7\xD8\xB1\xD9\x87\xD8\xA7\xD8\xA8\xD9\x8A\xD9\x8A",  // ارهابيي
        "\xD8\xB5\xD9\x81\xD9\x88\xD9\x81",                    // صفوف
        "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x8A\xD8\xA7",          // خلايا
        "\xD9\x81\xD8\xB1\xD8\xB9",                              // فرع
        "\xD9\x88\xD9\x81\xD8\xAF"};                             // وفد
    return IsOneOf(w, kLeaders);
  }

  // Whether one-word candidate `c`, an alias that general news mostly uses as an adjective
  // (AliasCore::adjective), stands right after a definite word that is no function word,
  // trigger word or alias: the adjective of that noun (على المدى القصير، في الأجل القصير،
  // الثوب القصير), not the place (معركة القصير، في القصير، مدينة القصير).
  bool AdjectiveAfterNoun(const Candidate& c) const {
    if (c.tok_end != c.tok_begin + 1 || c.clitic_bytes > 0 || c.tok_begin == 0 ||
        tokens[c.tok_begin].gap != Gap::kSpace) {
      return false;
    }
    const std::string_view prev = Word(c.tok_begin - 1);
    if (prev.size() <= 6 || !IsDefinite(prev) || rules.IsStopword(prev) ||
        g.FindTrigger(prev) != nullptr) {
      return false;
    }
    // not after a one-word name, a list of names; a look-alike counts as a word (الشعر العباسي)
    return NoPlainOneWordName(prev);
  }

  // Whether word `w` is no one-word alias, or one that is also an ordinary word (a look-alike).
  bool NoPlainOneWordName(std::string_view w) const {
    const int32_t alias = g.OneWordAlias(w);
    return alias < 0 || g.alias_core(static_cast<uint32_t>(alias)).ambiguous;
  }

  // Whether one-word candidate `c`, an alias that general news mostly uses as a noun before a
  // definite adjective (AliasCore::noun), stands right before one: a definite word in ه or ي that
  // is no direction, no adjective of the entry's country and no one-word name (الطبقة الوسطى،
  // على الصعيد الدولي), not the place (الطبقة الغربية is Tabqa's west, سد الطبقة has its trigger).
  bool NounBeforeAdjective(const Candidate& c, const EntryInfo& e) const {
    if (c.tok_end != c.tok_begin + 1 || c.tok_end >= tokens.size() ||
        tokens[c.tok_end].gap != Gap::kSpace) {
      return false;
    }
    const std::string_view next = Word(c.tok_end);
    constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
    constexpr std::string_view kHeh = "\xD9\x87", kYeh = "\xD9\x8A";
    if (next.size() <= 8 || next.substr(0, 4) != kArticle ||
        (next.substr(next.size() - 2) != kHeh && next.substr(next.size() - 2) != kYeh) ||
        IsDirectionAdjective(next) || IsCountryAdjective(next, e.country)) {
      return false;
    }
    return NoPlainOneWordName(next);
  }

  // Whether candidate `c` (a look-alike of ambiguous.tsv), with the article, follows a
  // demonstrative (هذه الطبقة، هذه الزيارة، تلك الميادين): "this class", an ordinary word; a
  // name takes none.
  bool AfterDemonstrative(const Candidate& c) const {
    if (c.clitic_bytes > 0 || c.tok_begin == 0 || tokens[c.tok_begin].gap != Gap::kSpace) {
      return false;
    }
    if (text.compare(c.norm_start, 4, "\xD8\xA7\xD9\x84") != 0) return false;  // ال
    static constexpr std::string_view kDemonstratives[] = {
        "\xD9\x87\xD8\xB0\xD8\xA7",              // هذا
        "\xD9\x87\xD8\xB0\xD9\x87",              // هذه
        "\xD8\xB0\xD9\x84\xD9\x83",              // ذلك
        "\xD8\xAA\xD9\x84\xD9\x83"};             // تلك
    const std::string_view w = Word(c.tok_begin - 1);
    if (IsOneOf(w, kDemonstratives)) return true;
    // After one proclitic too (وهذه القاعدة، لهذه القاعدة، بتلك الطبقة); not ذلك, which وذلك and
    // لذلك make a connective ("and that is", "therefore") before any word.
    if (w.size() != 8) return false;
    const auto* b = reinterpret_cast<const unsigned char*>(w.data());
    return (clitic::IsConjunction(b[0], b[1]) || clitic::IsPreposition(b[0], b[1])) &&
           w.substr(2) != kDemonstratives[2] && IsOneOf(w.substr(2), kDemonstratives);
  }

  // Whether candidate `c` follows a particle that only a verb follows (لم، لن، قد، لقد، سوف،
  // كي، لكي, and و or ف before all but كي): قد تدمر الأدلة، لم يزد على ثوان. A name never
  // stands there.
  bool AfterVerbParticle(const Candidate& c) const {
    if (c.clitic_bytes > 0 || c.tok_begin == 0 || tokens[c.tok_begin].gap != Gap::kSpace) {
      return false;
    }
    std::string_view prev = Word(c.tok_begin - 1);
    // و or ف before a particle of three letters or more, or before لم، لن، قد (not كي: فكي
    // is "jaws").
    if (prev.size() >= 6 && clitic::IsConjunction(static_cast<unsigned char>(prev[0]),
                                                  static_cast<unsigned char>(prev[1])) &&
        prev.substr(2) != "\xD9\x83\xD9\x8A") {
      prev.remove_prefix(2);
    }
    static constexpr std::string_view kParticles[] = {
        "\xD9\x84\xD9\x85",                      // لم
        "\xD9\x84\xD9\x86",                      // لن
        "\xD9\x82\xD8\xAF",                      // قد
        "\xD9\x84\xD9\x82\xD8\xAF",            // لقد
        "\xD8\xB3\xD9\x88\xD9\x81",            // سوف
        "\xD9\x83\xD9\x8A",                      // كي
        "\xD9\x84\xD9\x83\xD9\x8A"};           // لكي
    return IsOneOf(prev, kParticles);
  }

  // Whether one-word candidate `c`, four letters starting with ت or ي (the imperfect verb's
  // shape: تدمر "destroys"), stands between the end of a noun phrase — a definite word that is
  // no function or trigger word, or a feminine adjective in ية — and a word that starts an
  // object: neither a function word, nor a definite adjective (تدمر الأثرية), nor punctuation
  // (الحروب تدمر المزروعات، غارات جوية تدمر مستشفيات). A name there is rare: the place is
  // named after a preposition or a noun in construct (في تدمر، مدينة تدمر، آثار تدمر).
  bool VerbAfterSubject(const Candidate& c) const {
    if (c.tok_end != c.tok_begin + 1 || c.clitic_bytes > 0 || c.tok_begin == 0 ||
        c.tok_end >= tokens.size() || tokens[c.tok_begin].gap != Gap::kSpace ||
        tokens[c.tok_end].gap != Gap::kSpace) {
      return false;
    }
    const std::string_view w = Word(c.tok_begin);
    if (w.size() != 8 || (w.substr(0, 2) != "\xD8\xAA" && w.substr(0, 2) != "\xD9\x8A")) {
      return false;  // ت، ي
    }
    const std::string_view prev = Word(c.tok_begin - 1), next = Word(c.tok_end);
    // Not after a trigger word, also with a proclitic (بولاية تبسة، مديرية يريم).
    if (prev.size() <= 6 || g.FindTrigger(prev) != nullptr ||
        g.FindTrigger(prev.substr(2)) != nullptr) {
      return false;
    }
    // A feminine adjective in ية only after an indefinite noun (غارات جوية، قذيفة حوثية), not
    // a noun in ية after a preposition or a definite word (بين ولاية تبسة، في مديرية يريم).
    const bool adjective =
        prev.substr(prev.size() - 4) == "\xD9\x8A\xD9\x87" && c.tok_begin >= 2 &&  // …يه
        tokens[c.tok_begin - 1].gap == Gap::kSpace && Word(c.tok_begin - 2).size() > 4 &&
        !IsDefinite(Word(c.tok_begin - 2)) && !rules.IsStopword(Word(c.tok_begin - 2));
    if (!(IsDefinite(prev) && !rules.IsStopword(prev)) && !adjective) return false;
    const auto lead = static_cast<unsigned char>(next[0]);
    return next.size() >= 6 && (lead == 0xD8 || lead == 0xD9) && !rules.IsStopword(next) &&
           !IsDefiniteAdjective(next);
  }

  // Whether one-word candidate `c` makes a phrase of ordinary words with the word after it or
  // the word before it (Gazetteer::OrdinaryPhrase: الطبقة الوسطى، الميادين العامة، المدى
  // القصير), the word before also read without its proclitics (بالمدى القصير).
  bool InOrdinaryPhrase(const Candidate& c, const AliasCore& a) const {
    if (c.tok_end != c.tok_begin + 1) return false;
    const std::string_view name = text.substr(c.norm_start, c.norm_end - c.norm_start);
    if (a.phrase_first && c.tok_end < tokens.size() && tokens[c.tok_end].gap == Gap::kSpace &&
        g.OrdinaryPhrase(name, Word(c.tok_end), &s->buf)) {
      return true;
    }
    if (!a.phrase_second || c.clitic_bytes > 0 || c.tok_begin == 0 ||
        tokens[c.tok_begin].gap != Gap::kSpace) {
      return false;
    }
    const std::string_view prev = Word(c.tok_begin - 1);
    if (g.OrdinaryPhrase(prev, name, &s->buf)) return true;
    bool found = false;
    std::string restored;
    ForEachCliticReading(prev, &restored, [&](std::string_view reading, uint32_t) {
      found = found || g.OrdinaryPhrase(reading, name, &s->buf);
    });
    return found;
  }

  // Whether the name ends a construct (معركة الرقة الرئيسية): the word before it is an
  // indefinite noun, which the adjective after the name may describe.
  bool InConstruct(const Candidate& c) const {
    if (c.tok_begin == 0 || tokens[c.tok_begin].gap != Gap::kSpace) return false;
    const std::string_view prev = Word(c.tok_begin - 1);
    return prev.substr(0, 4) != "\xD8\xA7\xD9\x84" && !rules.IsStopword(prev);  // ال
  }

  // The adjectives (masculine, definite, normalized) of the countries of the wars and their
  // neighbours, whose towns and outlets the news names with them.
  static const std::pair<std::string_view, std::string_view>* CountryAdjectives(size_t* n) {
    static constexpr std::pair<std::string_view, std::string_view> kAdjectives[] = {
        {"SY", "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x88\xD8\xB1\xD9\x8A"},              // السوري
        {"IQ", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA7\xD9\x82\xD9\x8A"},      // العراقي
        {"TR", "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xB1\xD9\x83\xD9\x8A"},              // التركي
        {"LB", "\xD8\xA7\xD9\x84\xD9\x84\xD8\xA8\xD9\x86\xD8\xA7\xD9\x86\xD9\x8A"},  // اللبناني
        {"JO", "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB1\xD8\xAF\xD9\x86\xD9\x8A"},      // الاردني
        {"IR", "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x8A\xD8\xB1\xD8\xA7\xD9\x86\xD9\x8A"},  // الايراني
        {"SA", "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xB9\xD9\x88\xD8\xAF\xD9\x8A"},      // السعودي
        {"EG", "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB5\xD8\xB1\xD9\x8A"},              // المصري
        {"LY", "\xD8\xA7\xD9\x84\xD9\x84\xD9\x8A\xD8\xA8\xD9\x8A"},              // الليبي
        {"YE", "\xD8\xA7\xD9\x84\xD9\x8A\xD9\x85\xD9\x86\xD9\x8A"},              // اليمني
        {"KW", "\xD8\xA7\xD9\x84\xD9\x83\xD9\x88\xD9\x8A\xD8\xAA\xD9\x8A"},  // الكويتي
        {"QA", "\xD8\xA7\xD9\x84\xD9\x82\xD8\xB7\xD8\xB1\xD9\x8A"},              // القطري
        {"OM", "\xD8\xA7\xD9\x84\xD8\xB9\xD9\x85\xD8\xA7\xD9\x86\xD9\x8A"},  // العماني
        {"BH", "\xD8\xA7\xD9\x84\xD8\xA8\xD8\xAD\xD8\xB1\xD9\x8A\xD9\x86\xD9\x8A"}};  // البحريني
    *n = std::size(kAdjectives);
    return kAdjectives;
  }
  // Whether `w` is `adjective` or its feminine.
  static bool AdjectiveForm(std::string_view w, std::string_view adjective) {
    return w == adjective ||
           (w.size() == adjective.size() + 2 && w.substr(0, adjective.size()) == adjective &&
            w.substr(adjective.size()) == "\xD9\x87");  // …ه: the feminine
  }
  // Whether `w` is the definite adjective of country `country` (ISO code), either gender.
  static bool IsCountryAdjective(std::string_view w, std::string_view country) {
    size_t n = 0;
    const auto* adjectives = CountryAdjectives(&n);
    for (size_t i = 0; i < n; ++i) {
      if (adjectives[i].first == country) return AdjectiveForm(w, adjectives[i].second);
    }
    return false;
  }
  // The country (ISO code) whose adjective `w` is, masculine or feminine; "" if none.
  static std::string_view CountryOfAdjective(std::string_view w) {
    // ال… ending in ي or ه (ي، يه): the only shapes of the table's words.
    if (w.size() < 8 || w.compare(0, 4, "\xD8\xA7\xD9\x84") != 0 ||
        (w.substr(w.size() - 2) != "\xD9\x8A" && w.substr(w.size() - 2) != "\xD9\x87")) {
      return {};
    }
    size_t n = 0;
    const auto* adjectives = CountryAdjectives(&n);
    for (size_t i = 0; i < n; ++i) {
      if (AdjectiveForm(w, adjectives[i].second)) return adjectives[i].first;
    }
    return {};
  }

  // Whether one-word candidate `c`, a group's or a body's look-alike (alias `a`, entry `entry`)
  // with no trigger word before it, is a feminine noun with a country's feminine adjective
  // right after it: the ordinary word of that country, الدولة السورية "the Syrian state",
  // القاعدة التركية "the Turkish base". A masculine adjective agrees with the group's implied
  // تنظيم (فرع القاعدة السوري), and a quoted name is a name («الوطن» السعودية).
  bool FeminineNounOfACountry(const Candidate& c, const AliasCore& a, int32_t entry,
                              bool by_trigger) const {
    if (!a.ambiguous || by_trigger || c.tok_end != c.tok_begin + 1 || c.tok_end >= tokens.size() ||
        tokens[c.tok_end].gap != Gap::kSpace) {
      return false;
    }
    const EntityType type = g.core(static_cast<uint32_t>(entry)).type;
    if (type != EntityType::kFaction && type != EntityType::kOrganization) return false;
    const std::string_view w = Word(c.tok_begin), next = Word(c.tok_end);
    constexpr std::string_view kTaMarbuta = "\xD9\x87";  // ة, normalized
    return EndsWith(w, kTaMarbuta) && EndsWith(next, kTaMarbuta) &&
           !CountryOfAdjective(next).empty();
  }

  // The word after candidate `c` when a space, a closing quote mark or both come between them
  // (الوطن السورية، «الوطن» السورية), else "".
  std::string_view WordAfterName(const Candidate& c) const {
    if (c.tok_end >= tokens.size()) return {};
    if (tokens[c.tok_end].gap == Gap::kSpace) return Word(c.tok_end);
    const std::string_view gap = text.substr(c.norm_end, tokens[c.tok_end].start - c.norm_end);
    const size_t mark = gap.find_first_of(' ');
    if (mark == 0 || mark == std::string_view::npos || !QuoteMarkAt(text, c.norm_end) ||
        gap.find_first_not_of(' ', mark) != std::string_view::npos) {
      return {};
    }
    return Word(c.tok_end);
  }

  static bool IsDirectionAdjective(std::string_view w) {
    // الشرقي/ة الغربي/ة الشمالي/ة الجنوبي/ة: حلب الشرقية is a part of Aleppo.
    static constexpr std::string_view kStems[] = {
        "\xD8\xA7\xD9\x84\xD8\xB4\xD8\xB1\xD9\x82\xD9\x8A",
        "\xD8\xA7\xD9\x84\xD8\xBA\xD8\xB1\xD8\xA8\xD9\x8A",
        "\xD8\xA7\xD9\x84\xD8\xB4\xD9\x85\xD8\xA7\xD9\x84\xD9\x8A",
        "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x86\xD9\x88\xD8\xA8\xD9\x8A"};
    for (std::string_view st : kStems) {
      if (w.substr(0, st.size()) == st) return true;
    }
    return false;
  }

  // After a definite trigger word right before it, a one-word definite look-alike is its
  // adjective (القرية المعزولة، المدينة القديمة), not the name it announces: a trigger in
  // construct with its name is indefinite (قرية المعزولة، معبر نصيب).
  bool TriggerAdjective(const Candidate& c) const {
    if (c.tok_begin == 0 || tokens[c.tok_begin].gap != Gap::kSpace ||
        !g.alias_core(static_cast<uint32_t>(c.alias)).ambiguous) {
      return false;
    }
    return Word(c.tok_begin).substr(0, 4) == "\xD8\xA7\xD9\x84" &&  // ال
           IsDefinite(Word(c.tok_begin - 1));
  }

  // Whether the word right before the candidate leads a person's name (Gazetteer::
  // IsNameLeadWord): then a village or town named like the next word is that person's name.
  // Or (`after` false) whether the word right after it does (عبد ربه منصور هادي).
  bool NextToNameLeadWord(const Candidate& c, bool after) const {
    size_t t;
    if (after) {
      if (c.clitic_bytes > 0 || c.tok_begin == 0 || tokens[c.tok_begin].gap != Gap::kSpace) {
        return false;
      }
      t = c.tok_begin - 1;
    } else {
      if (c.tok_end >= tokens.size() || tokens[c.tok_end].gap != Gap::kSpace) return false;
      t = c.tok_end;
    }
    const std::string_view w = Word(t);
    return g.IsNameLeadWord(w) && !rules.IsStopword(w);
  }

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

  // Whether `entry` is named within kContextWindowBytes of `pos` by another name than `alias`
  // (a name does not support itself: the many places called الرياض do not make each other
  // likely). `m` is sorted by entry and position: a binary search keeps this logarithmic.
  static bool Near(const std::vector<Mention>& m, const std::vector<uint64_t>& named,
                   uint32_t entry, uint32_t pos, int32_t alias) {
    const uint32_t lo = pos > kContextWindowBytes ? pos - kContextWindowBytes : 0;
    return NamedBetween(m, named, entry, lo, pos + kContextWindowBytes, alias);
  }
  // Whether `entry` is named at a position in [lo, hi] by another alias than `alias` (-1:
  // by any).
  static bool NamedBetween(const std::vector<Mention>& m, const std::vector<uint64_t>& named,
                           uint32_t entry, uint32_t lo, uint32_t hi, int32_t alias) {
    if (!((named[entry >> 6] >> (entry & 63)) & 1)) return false;
    auto p = std::lower_bound(m.begin(), m.end(), Mention{entry, lo, 0}, ByEntryAndPosition);
    for (; p != m.end() && p->entry == entry && p->pos <= hi; ++p) {
      if (p->alias != alias) return true;
    }
    return false;
  }
  // The country whose places the text names most often by an unambiguous alias within the
  // context window of `pos` (the first such country on a tie), "" when it names none. Not its
  // small places and sub-districts, whose names are often given names (جاسم، هنادي).
  std::string_view CountryMostNamedNear(uint32_t pos) const {
    const uint32_t lo = pos > kContextWindowBytes ? pos - kContextWindowBytes : 0;
    std::pair<std::string_view, int> counts[8];
    size_t n = 0;
    for (const Mention& m : s->mentions) {
      if (m.pos < lo || m.pos > pos + kContextWindowBytes ||
          g.core(m.entry).type != EntityType::kPlace ||
          (g.core(m.entry).flags & EntryCore::kLocalPlace)) {
        continue;
      }
      const std::string_view country = g.entries()[m.entry].country;
      if (country.empty()) continue;
      size_t i = 0;
      while (i < n && counts[i].first != country) ++i;
      if (i == n) {
        if (n == std::size(counts)) continue;
        counts[n++] = {country, 0};
      }
      ++counts[i].second;
    }
    std::string_view best;
    int most = 0;
    for (size_t i = 0; i < n; ++i) {
      if (counts[i].second > most) {
        best = counts[i].first;
        most = counts[i].second;
      }
    }
    return best;
  }
  // Whether `entry` itself is named near `pos` by an unambiguous alias other than `alias`.
  bool NamedNear(uint32_t entry, uint32_t pos, int32_t alias) const {
    return Near(s->mentions, s->named, entry, pos, alias);
  }
  static bool ByEntryAndPosition(const Mention& x, const Mention& y) {
    return x.entry != y.entry ? x.entry < y.entry : x.pos < y.pos;
  }

  // Whether a relative of `entry` is named near `pos`: an ancestor (the city of a
  // neighbourhood, the parent of a faction) or a descendant (a faction's branch, a place
  // inside it). *any counts every relative; *close leaves out broad ancestors (countries,
  // governorates, regions) — naming Aleppo does not make every village of its governorate
  // likely — and the descendants of a broad entry: a village of Aleppo governorate named
  // nearby does not turn "حلب" into the governorate rather than the city. One walk answers
  // both.
  void RelativesNear(uint32_t entry, uint32_t pos, int32_t alias, bool* close, bool* any) const {
    *close = *any = false;
    if (Near(s->descendant_mentions, s->descendant_named, entry, pos, alias)) {
      *any = true;
      *close = !IsBroad(entry);
    }
    g.ForEachAncestor(entry, kMaxAncestors, [&](uint32_t a) {
      if (*close) return;  // then *any is set too
      const bool broad = IsBroad(a);
      if (*any && broad) return;  // would change neither
      if (Near(s->mentions, s->named, a, pos, alias)) {
        *any = true;
        *close = !broad;
      }
    });
  }

  bool IsBroad(uint32_t entry) const { return g.core(entry).flags & EntryCore::kBroad; }
  // Whether a country name in يا (سوريا، روسيا، تركيا), without the article, follows a counted
  // indefinite noun in the accusative, `p`, in ا (not the pronoun ها) after a number: there it is
  // the masculine adjective (320 لاجئا سوريا، 15 عسكريا روسيا "Syrian", "Russian").
  bool CountedAccusativeBefore(const Candidate& c, std::string_view name,
                               std::string_view p) const {
    constexpr std::string_view kYehAlef = "\xD9\x8A\xD8\xA7";  // يا
    if (name.size() < 6 || name.substr(name.size() - 4) != kYehAlef || p.size() < 8 ||
        p.substr(p.size() - 2) != "\xD8\xA7" || p.substr(p.size() - 4) == "\xD9\x87\xD8\xA7" ||
        c.tok_begin < 2 || tokens[c.tok_begin - 1].gap != Gap::kSpace) {
      return false;
    }
    const std::string_view n = Word(c.tok_begin - 2);
    return !n.empty() && std::all_of(n.begin(), n.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  }
  // A country name in its adjective form (…ية) right after a definite word agrees with it as
  // an adjective (الحكومة السورية، المعلمة السعودية), and so does the definite form right after
  // a place name (`after_place`: جدة السعودية، حلب السورية), or the indefinite one after an
  // indefinite feminine noun (شركة سورية): not the country.
  bool AdjectiveReading(const Candidate& c, uint32_t entry,
                        absl::FunctionRef<PlaceBefore()> before) const {
    if (!(g.core(entry).flags & EntryCore::kCountry)) return false;
    if (c.clitic_bytes > 0 || c.tok_begin == 0 || c.tok_end != c.tok_begin + 1) return false;
    if (tokens[c.tok_begin].gap != Gap::kSpace) return false;
    const std::string_view name = text.substr(c.norm_start, c.norm_end - c.norm_start);
    constexpr std::string_view kYehHeh = "\xD9\x8A\xD9\x87";  // يه (ية normalized)
    constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
    constexpr std::string_view kHeh = "\xD9\x87";
    const Token& prev = tokens[c.tok_begin - 1];
    const std::string_view p = text.substr(prev.start, prev.end - prev.start);
    if (CountedAccusativeBefore(c, name, p)) return true;
    if (name.size() < 6 || name.substr(name.size() - 4) != kYehHeh) return false;
    const bool name_definite = name.substr(0, 4) == kArticle;
    const bool prev_definite = IsDefinite(p);  // not الي: IsDefinite wants ال and two letters
    if (name_definite) return prev_definite || before() == PlaceBefore::kRightBefore;
    return !prev_definite && p.size() >= 6 && p.substr(p.size() - 2) == kHeh;
  }
};

// Whether `date` (YYYY-MM-DD) falls in the period [from, to] of an entry; a bound given as
// a year or a month covers all of it, an empty bound is open, and a full-date `to` is the day
// the entry ended (a renamed faction is the new one from that day).
bool HoldsAt(std::string_view from, std::string_view to, std::string_view date) {
  if (!from.empty() && date.substr(0, from.size()) < from) return false;
  if (to.empty()) return true;
  const std::string_view d = date.substr(0, to.size());
  return to.size() < date.size() ? d <= to : d < to;
}

// TriggerSupports for entry `e` read through an alias that is a very common word
// (AliasCore::very_common): a neighbourhood's or a base's trigger word supports only a
// neighbourhood or a base (أحياء المدينة "the city's neighbourhoods", قاعدة المدينة الجوية: no
// district called المدينة). Other kinds are left as they are: منطقة الشعب is a district of
// Baghdad, محافظة إب Yemen's governorate, whatever the entry's subtype says.
bool TriggerSupportsVeryCommon(const std::vector<TriggerInfo>* trig, const EntryInfo& e) {
  if (trig == nullptr) return false;
  for (const TriggerInfo& t : *trig) {
    if (t.type != e.type) continue;
    if ((t.subtype != "neighbourhood" && t.subtype != "base") || t.subtype == e.subtype) {
      return true;
    }
  }
  return false;
}

// Whether a subtype is a settlement's: city, town or village, which news and sources often
// tell apart differently (بلدة مديرا, a village of the list).
bool Settlement(std::string_view subtype) {
  return subtype == "city" || subtype == "town" || subtype == "village";
}

// Whether the trigger words `trig` support a look-alike name of person `e`: a military rank
// (subtype rank: اللواء، العميد) not a politician's (اللواء هادي رزيح is no President Hadi); a
// king's (subtype king: الملك فهد) only the king's title, subtype king (الأمير خالد is one of
// the princes, not King Khalid).
bool TriggerSupportsPerson(const std::vector<TriggerInfo>* trig, const EntryInfo& e) {
  if (trig == nullptr) return false;
  for (const TriggerInfo& t : *trig) {
    if (t.type != EntityType::kPerson) continue;
    if (e.subtype == "king" ? t.subtype == "king"
                            : t.subtype != "rank" || e.subtype != "politician") {
      return true;
    }
  }
  return false;
}

// Whether trigger word `trig` names entry `e`'s subtype (محافظة → governorate); with
// `any_settlement`, also a settlement's for a settlement (the kind of place ConfirmByDocument
// asks about).
bool TriggerImplies(const std::vector<TriggerInfo>* trig, const EntryInfo& e,
                    bool any_settlement = false) {
  if (trig == nullptr) return false;
  for (const TriggerInfo& t : *trig) {
    if (t.type == e.type && !t.subtype.empty() &&
        (t.subtype == e.subtype ||
         (any_settlement && Settlement(t.subtype) && Settlement(e.subtype)))) {
      return true;
    }
  }
  return false;
}

// A place that is part of a longer name, which the gold does not nest (eval/ANNOTATION.md):
// any place right after an organization's head word (جامعة بغداد، منتخب مصر، نادي الجزيرة;
// not a tribe's, عشائر الموصل are Mosul's tribes, nor موقع, a site as often as a
// website: موقع جمرايا), or a town, village or
// neighbourhood next to a word that leads a person's name (ياسر عبد ربه، محمد أنور بيوض،
// عبد ربه منصور; not a city: لقاء موسكو).
bool InsideLongerName(const Gazetteer& g, const Context& ctx, const Candidate& c,
                      const std::vector<TriggerInfo>* trig, int32_t entry) {
  if (trig != nullptr) {
    for (const TriggerInfo& t : *trig) {
      if (t.type == EntityType::kOrganization && t.subtype != "tribe" && t.subtype != "website") {
        return true;
      }
    }
  }
  return (g.core(static_cast<uint32_t>(entry)).flags & EntryCore::kSmallPlace) &&
         (ctx.NextToNameLeadWord(c, true) || ctx.NextToNameLeadWord(c, false));
}

// Appends the context model's explanation of its decision on `c` to the document's
// explanations (ExtractorOptions::explain_features); returns its index for Choice::explain.
int32_t AddExplanation(const ExtractorOptions& options, const Context& ctx, const Candidate& c,
                       EntityType type, const ContextEvidence& ev, double score, bool kept) {
  const size_t top = options.explain_features == kExplainAll ? 0 : options.explain_features;
  ResolveScratch* s = ctx.s;
  s->explanations.push_back(ctx.model.Explain(ctx.g, ctx.rules, ctx.text, ctx.tokens, c, type,
                                              ev, &s->buf, score, kept, top));
  return static_cast<int32_t>(s->explanations.size() - 1);
}

// Whether an ambiguous alias is kept, and its score: by the context model over the words
// around it when the model is loaded (its gating evidence decides what it must reach), else
// by the evidence alone. With ExtractorOptions::explain_features the model's reasons are kept
// for the entity (scratch explanations, Choice::explain).
bool GateAmbiguous(const ExtractorOptions& options, const Context& ctx, const Candidate& c,
                   EntityType type, const ContextEvidence& ev, bool by_trigger, Choice* ch) {
  // Without weights the evidence and a cue keep a candidate, and the features only explain.
  bool keep = ev.Any() || ev.cue;
  // The model decides where the evidence does not (ContextModel::Keep): every candidate with a
  // cue, and those without one whose alias is on its read list.
  const bool scoring =
      !ctx.model.empty() && !ev.Any() &&
      (ev.cue || ctx.model.Reads(ctx.text.substr(c.norm_start, c.norm_end - c.norm_start)));
  if (scoring || options.explain_features > 0) {
    ResolveScratch* s = ctx.s;
    const double score =
        ctx.model.Score(ctx.g, ctx.rules, ctx.text, ctx.tokens, c, type, ev, &s->buf);
    if (scoring) keep = ctx.model.Keep(score, ev);
    if (options.explain_features > 0) {
      ch->explain = AddExplanation(options, ctx, c, type, ev, score, keep);
    }
  }
  if (!keep) {
    ch->score = kScoreUngated;
    ch->gated_out = true;  // ConfirmByDocument may keep it after all
    ch->evidence = ev;
  } else if (ev.Any() || ev.cue) {
    ch->score = by_trigger ? kScoreGatedTrigger : kScoreGatedParent;
  } else {
    ch->score = kScoreGatedModel;
  }
  return keep;
}

// Whether candidate `c`, read as `entry`, is a name rather than an adjective (المعلمة
// السعودية) or, for a place, a noun with its adjective or a part of a longer name.
bool ReadsAsAName(const Gazetteer& g, const Context& ctx, const Candidate& c,
                  const AliasCore& a, const std::vector<TriggerInfo>* trig, int32_t entry,
                  bool by_trigger, absl::FunctionRef<PlaceBefore()> prev_place) {
  if (ctx.AdjectiveReading(c, static_cast<uint32_t>(entry), prev_place)) return false;
  // An alias inside a phrase of ordinary words is that word (الطبقة الوسطى), unless a trigger
  // word makes it a name (مدينة الطبقة).
  if ((a.phrase_first || a.phrase_second) && !by_trigger && ctx.InOrdinaryPhrase(c, a)) {
    return false;
  }
  if (ctx.AfterVerbParticle(c)) return false;  // قد تدمر: the verb "destroys"
  if (ctx.FeminineNounOfACountry(c, a, entry, by_trigger)) return false;
  // الحروب تدمر المزروعات; not a country's or a region's name (العاصمة تونس، اليوم تونس).
  if (g.core(static_cast<uint32_t>(entry)).type == EntityType::kPlace &&
      !(g.core(static_cast<uint32_t>(entry)).flags & (EntryCore::kBroad | EntryCore::kCountry)) &&
      ctx.VerbAfterSubject(c)) {
    return false;
  }
  if ((a.ambiguous || a.noun || a.adjective) && ctx.AfterDemonstrative(c)) {
    return false;  // هذه الطبقة "this class"
  }
  if (a.adjective && g.core(static_cast<uint32_t>(entry)).type == EntityType::kPlace &&
      !by_trigger && ctx.AdjectiveAfterNoun(c)) {
    return false;  // الأجل القصير: "the short term"
  }
  if (a.noun && g.core(static_cast<uint32_t>(entry)).type == EntityType::kPlace && !by_trigger &&
      ctx.NounBeforeAdjective(c, g.entries()[static_cast<size_t>(entry)])) {
    return false;  // الطبقة الوسطى: "the middle class"
  }
  if (g.core(static_cast<uint32_t>(entry)).type != EntityType::kPlace) return true;
  // The entry's country, read only where NounPhrase gets that far (a miss in the entry table).
  const EntryInfo* info = a.ambiguous ? nullptr : &g.entries()[static_cast<size_t>(entry)];
  return !ctx.NounPhrase(c, by_trigger, info) &&
         (by_trigger || !InsideLongerName(g, ctx, c, trig, entry));
}

// Whether a quote mark or bracket (the tokenizer's quote class: " ' ( ) [ ] « » “ ” …) starts at
// byte `pos` of `text`: the end of a quoted name also when punctuation follows the mark
// («القاعدة».), which makes the gap to the next word no quote gap.
bool QuoteMarkAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  char32_t cp = 0;
  const size_t n =
      DecodeUtf8(reinterpret_cast<const uint8_t*>(text.data() + pos), text.size() - pos, &cp);
  return n != 0 && cp < 0x10000 && CharTable::Get().bmp(cp).self_class == CharClass::kQuote;
}

// The rank of namesake `full` (`info`) among an alias's entries, packed in one number, most
// significant first (prominence 0-100 in 7 bits): of the document's date, the trigger's type
// (`by_trigger`), its subtype (محافظة → governorate), the adjective of the entry's country
// after the name (صحيفة «الوطن» السورية is Syria's al-Watan: `after_country`), a close relative
// named nearby, quotes (not for a place), for namesakes that are all organizations the country
// whose places the text names most nearby (`home`: an outlet of Syria's among the places of
// Syria), prominence, then a broad relative named nearby.
uint32_t NamesakeRank(const EntryCore& info, const EntryInfo& full, std::string_view date,
                      const std::vector<TriggerInfo>* trig, std::string_view after_country,
                      std::string_view home, bool quoted, bool by_trigger, bool near_close,
                      bool near_any) {
  const bool in_time = date.empty() || HoldsAt(full.valid_from, full.valid_to, date);
  const bool own_adjective = !after_country.empty() && full.country == after_country;
  const bool home_near = !home.empty() && full.country == home;
  return uint32_t{in_time} << 14 | uint32_t{by_trigger} << 13 |
         uint32_t{trig != nullptr && TriggerImplies(trig, full)} << 12 |
         uint32_t{own_adjective} << 11 | uint32_t{near_close} << 10 |
         uint32_t{quoted && info.type != EntityType::kPlace} << 9 | uint32_t{home_near} << 8 |
         static_cast<uint32_t>(std::clamp(info.prominence, 0, 127)) << 1 | uint32_t{near_any};
}

// The namesake chosen for alias candidate `c` (into ch->entry) and the evidence its entries
// find (into *ev); returns whether the chosen one's type has the trigger before it and
// whether a close relative of it is named nearby. Namesakes rank by NamesakeRank, the lower
// EntryCore::id_rank on a tie.
std::pair<bool, bool> ChooseNamesake(const Gazetteer& g, const Context& ctx, const Candidate& c,
                                     const std::vector<TriggerInfo>* trig, Choice* ch,
                                     ContextEvidence* ev) {
  const AliasCore& a = g.alias_core(static_cast<uint32_t>(c.alias));
  // A name in quotes (عبر "النشرة") is marked as a name by its writer: context for every type
  // but places, whose quoted forms are rare and whose common-word names are many.
  const bool quoted = c.clitic_bytes == 0 && ctx.tokens[c.tok_begin].gap == Gap::kQuote &&
                      (QuoteMarkAt(ctx.text, c.norm_end) ||
                       (c.tok_end < ctx.tokens.size() && ctx.tokens[c.tok_end].gap == Gap::kQuote));
  const std::string_view date = ctx.s->date;
  // The word after the name, past a closing quote mark (صحيفة «الوطن» السورية), when namesakes
  // may differ by country.
  const std::string_view after_country =
      a.count > 1 ? Context::CountryOfAdjective(ctx.WordAfterName(c)) : std::string_view{};
  const bool orgs_only =
      a.count > 1 && g.core(*g.alias_entries_begin(a)).type == EntityType::kOrganization &&
      std::all_of(g.alias_entries_begin(a), g.alias_entries_end(a),
                  [&](uint32_t e) { return g.core(e).type == EntityType::kOrganization; });
  const std::string_view home = orgs_only ? ctx.CountryMostNamedNear(c.norm_start) : "";
  const bool person_too = a.person_too;  // then its villages need their trigger word
  uint32_t best_key = 0;
  bool best_by_trigger = false, best_near_close = false;
  for (const uint32_t* it = g.alias_entries_begin(a); it != g.alias_entries_end(a); ++it) {
    const uint32_t e = *it;
    const EntryCore& info = g.core(e);
    const EntryInfo& full = g.entries()[e];
    bool by_trigger;
    if (a.very_common && info.type == EntityType::kPlace) {
      by_trigger = TriggerSupportsVeryCommon(trig, full);
    } else if (a.ambiguous && info.type == EntityType::kPerson) {
      by_trigger = TriggerSupportsPerson(trig, full);
    } else {
      by_trigger = TriggerSupports(trig, info.type);
    }
    bool near_close = false, near_any = false;
    if (!(person_too && (info.flags & EntryCore::kNeedsTrigger) && !by_trigger)) {
      ctx.RelativesNear(e, c.norm_start, c.alias, &near_close, &near_any);
    }
    // Ordinary-word villages and article-less forms need a trigger or a cue (PlaceCue below).
    ev->trigger |= by_trigger;
    ev->quoted |= quoted && info.type != EntityType::kPlace;
    ev->close_relative |= !a.bare && !(info.flags & EntryCore::kNeedsTrigger) &&
                          !(a.very_common && info.type == EntityType::kPlace) && near_close;
    if (a.count == 1) {  // no namesake to rank
      ch->entry = static_cast<int32_t>(e);
      return {by_trigger, near_close};
    }
    const uint32_t k =
        NamesakeRank(info, full, date, trig, after_country, home, quoted, by_trigger, near_close,
                     near_any);
    if (ch->entry < 0 || k > best_key ||
        (k == best_key && info.id_rank < g.core(static_cast<uint32_t>(ch->entry)).id_rank)) {
      ch->entry = static_cast<int32_t>(e);
      best_key = k;
      best_by_trigger = by_trigger;
      best_near_close = near_close;
    }
  }
  return {best_by_trigger, best_near_close};
}

bool AdjectiveFollows(const Context& ctx, const Candidate& c);  // below, with JoinedTypesOf

// The evidence for a jihadist group's look-alike name (not a very common word) with no trigger
// word, into *ev. In a clause that names another such group by an unambiguous alias, with no
// adjective after it (ما تفعله داعش … ما تقدم عليه القاعدة; not القاعدة العسكرية): the group, as
// by a trigger word. Not for a very common word (الدولة "the state": غياب الدولة … داعش), nor
// where the segment names a base (قاعدة إنجرليك … يستخدم القاعدة). In a segment that names such a
// group elsewhere (and no base): a cue, which the model weighs (ContextModel::Keep); in news of
// jihadism القاعدة alone is mostly the group (أنشطة القاعدة، شيوخ القاعدة، «داعش، القاعدة»).
void AddJihadistEvidence(const Context& ctx, const Candidate& c,
                         absl::FunctionRef<bool()> jihadist_in_clause, ContextEvidence* ev) {
  if (AdjectiveFollows(ctx, c)) return;
  if (jihadist_in_clause()) {
    ev->trigger = !ctx.BaseWordInSegment();
  } else if (!ev->Any() && ctx.JihadistGroupInSegment() && !ctx.BaseWordInSegment()) {
    ev->cue = true;
    ev->cue_kind = Cue::kGroupInSegment;
  }
}

// Whether person candidate `c` of alias `a`, its namesake `entry` chosen (by a trigger or
// not), is not that person: a father's name in someone's chain, a word of a place or body named
// after the person, or a look-alike name inside another name or with a regnal number after it;
// a king's look-alike name (subtype king: فهد، خالد) also wherever the king's title is not
// before it (the context model's reading of a person in قال عبدالعزيز الصقر is someone else's).
bool NotThePerson(const Gazetteer& g, const Context& ctx, const Candidate& c, const AliasCore& a,
                  int32_t entry, bool by_trigger) {
  if (ctx.NasabOfAnotherName(c) || ctx.FacilityHeadBeforeTitle(c)) return true;
  return a.ambiguous &&
         (ctx.InsideAnotherName(c) || ctx.RegnalNumberAfter(c) ||
          (!by_trigger && g.entries()[static_cast<uint32_t>(entry)].subtype == "king"));
}

// Gating and the choice among namesakes for one alias candidate.
Choice Decide(const Gazetteer& g, const ExtractorOptions& options, const Context& ctx,
              const Candidate& c, absl::FunctionRef<PlaceBefore()> prev_place,
              uint32_t joined_types, absl::FunctionRef<bool()> jihadist_in_clause,
              ExtractStats* stats) {
  Choice ch;
  const AliasCore& a = g.alias_core(static_cast<uint32_t>(c.alias));
  const std::vector<TriggerInfo>* trig = ctx.Trigger(c);
  ContextEvidence ev;
  const auto [by_trigger, by_parent] = ChooseNamesake(g, ctx, c, trig, &ch, &ev);
  const EntityType type = g.core(static_cast<uint32_t>(ch.entry)).type;
  if (type == EntityType::kPerson && NotThePerson(g, ctx, c, a, ch.entry, by_trigger)) {
    return ch;  // ch.valid false
  }
  const bool place = type == EntityType::kPlace;
  // A place only as a country joined to a country (بين مالي والنيجر).
  ev.joined = place ? (g.core(static_cast<uint32_t>(ch.entry)).flags & EntryCore::kCountry) &&
                          (joined_types & kCountryBit)
                    : (joined_types & TypeBit(type)) != 0;
  if (a.ambiguous && (type == EntityType::kFaction || type == EntityType::kOrganization) &&
      !ev.trigger &&
      (ctx.AfterMemberOf(c) || ctx.FormerName(c) || ctx.AffiliatedTo(c, a.very_common) ||
       ctx.GroupAdjectiveAfter(c))) {
    ev.trigger = true;  // القيادي في القاعدة، (القاعدة سابقا)، التابع للقاعدة، القاعدة الإرهابي
  }
  if (a.ambiguous && !a.very_common && type == EntityType::kFaction && !ev.trigger &&
      g.entries()[static_cast<size_t>(ch.entry)].subtype == kJihadistGroup) {
    AddJihadistEvidence(ctx, c, jihadist_in_clause, &ev);
  }
  ch.valid = ReadsAsAName(g, ctx, c, a, trig, ch.entry, by_trigger, prev_place);
  if (!ch.valid) return ch;  // السعودية in المعلمة السعودية is "Saudi", not Saudi Arabia
  ch.supported = by_trigger || by_parent || ev.Any();
  ch.by_trigger = by_trigger;
  // The evidence weighs only for look-alikes (below).
  if (place && a.ambiguous) ctx.AddCue(c, a, static_cast<uint32_t>(ch.entry), prev_place, &ev);
  ch.supported = ch.supported || ev.Any() || ev.cue;
  // (A weak cue does not count: a compass word before a place that does not contain the entry,
  // مدينة جنان شرق الصين, is none for a Syrian village.)
  ch.trigger_only = by_trigger && !by_parent && !ev.close_relative && !ev.placed && !ev.quoted &&
                    !ev.joined;
  // A local place joined by و to a place before it is named with it (سوسة والشحيل).
  if (!ch.supported && place &&
      (g.core(static_cast<uint32_t>(ch.entry)).flags & EntryCore::kLocalPlace)) {
    ch.supported = prev_place() == PlaceBefore::kJoinedByAnd;
  }
  ch.alternatives = a.count - 1;
  if (a.ambiguous) {
    ev.self_named = ctx.NamedNear(static_cast<uint32_t>(ch.entry), c.norm_start, c.alias);
    if (!GateAmbiguous(options, ctx, c, type, ev, by_trigger, &ch)) {
      ++stats->gated_dropped;
      ch.valid = options.keep_ungated;
      if (!ch.valid) return ch;
    }
  } else {
    ch.score = c.tok_end - c.tok_begin > 1 ? kScoreAliasMultiWord : kScoreAliasOneWord;
    if (by_trigger || by_parent) ch.score = std::min(0.99, ch.score + 0.03);
  }
  if (ch.alternatives > 0 && !by_trigger && !by_parent) ch.score -= kNamesakePenalty;
  return ch;
}

// God's name ends compound names (نصر الله، عبد الله), "the son", "the father" end a name's
// generation (جورج بوش الابن، جورج بوش الأب) and an ordinal a ruler's (رودولف الثاني، ليفون
// الثالث): never a person's surname (تشرين الثاني is a month).
bool NeverASurname(std::string_view w) {
  return w == "\xD8\xA7\xD9\x84\xD9\x84\xD9\x87" ||                // الله
         w == "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xA8\xD9\x86" ||    // الابن
         w == "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xA8" ||              // الاب
         w == "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x88\xD9\x84" ||    // الاول
         w == "\xD8\xA7\xD9\x84\xD8\xAB\xD8\xA7\xD9\x86\xD9\x8A" ||  // الثاني
         w == "\xD8\xA7\xD9\x84\xD8\xAB\xD8\xA7\xD9\x84\xD8\xAB" ||  // الثالث
         w == "\xD8\xA7\xD9\x84\xD8\xB1\xD8\xA7\xD8\xA8\xD8\xB9" ||   // الرابع
         w == "\xD8\xA7\xD9\x84\xD8\xAF\xD9\x8A\xD9\x86" ||     // الدين (عز الدين, one name)
         w == "\xD8\xB9\xD8\xA8\xD8\xAF";  // عبد, the first half of a name (a rule's cut one)
}

// The word of `name` before its last word (after its last space, at `sp`); empty when the name
// is one word.
std::string_view WordBeforeLast(std::string_view name, size_t sp) {
  if (sp == 0 || sp == std::string_view::npos) return {};
  const size_t prev = name.rfind(' ', sp - 1);
  const size_t from = prev == std::string_view::npos ? 0 : prev + 1;
  return name.substr(from, sp - from);
}

// Whether the last word of `name` (after its last space, at `sp`) ends a compound given name
// with عبد (صالح بن عبد الرحمن): عبد X is one name, and X alone no surname.
bool EndsCompoundName(std::string_view name, size_t sp) {
  return WordBeforeLast(name, sp) == kAbd;
}

// Whether the word before the last word of `name` (at `sp`) is بن، ابن or بنت after a given
// name: the last word is then a father's given name (محمد بن سلمان، زين العابدين بن علي), which
// alone names the father, or is a word (علي is the preposition على once normalized), not the
// person. بن that starts the name is the given name Ben (بن رودس) or a family name's (بن لادن).
bool AfterNasabWord(std::string_view name, size_t sp) {
  const std::string_view w = WordBeforeLast(name, sp);
  return w.data() != name.data() && IsNasabWord(w);
}

// Whether a name starts with أبو/أبي/أبا/أم (normalized): a kunya.
bool StartsWithKunya(std::string_view name) {
  const std::string_view head = name.substr(0, name.find(' '));
  return head == "\xD8\xA7\xD8\xA8\xD9\x88" || head == "\xD8\xA7\xD8\xA8\xD9\x8A" ||
         head == "\xD8\xA7\xD8\xA8\xD8\xA7" || head == "\xD8\xA7\xD9\x85";  // ابو ابي ابا ام
}

// The surname by which a later bare mention links to person `r`: the last word of the alias
// that named the person, when the alias has several words and that word three letters or
// more; empty otherwise. The second word of a compound given name (رامي عبد الرحمن) is kept
// when a given name comes before the compound (SurnameValue marks it: it links as عبد X).
std::string_view SurnameOf(const Gazetteer& g, const Resolved& r) {
  if (r.entry < 0 || r.alias < 0) return {};
  if (g.core(static_cast<uint32_t>(r.entry)).type != EntityType::kPerson) return {};
  const std::string_view alias = g.alias(static_cast<uint32_t>(r.alias)).text;
  const size_t sp = alias.rfind(' ');
  if (sp == std::string_view::npos || alias.size() - sp - 1 < 6) return {};  // 3+ letters
  const std::string_view surname = alias.substr(sp + 1);
  if (NeverASurname(surname) || AfterNasabWord(alias, sp)) return {};
  if (EndsCompoundName(alias, sp) && alias.rfind(' ', sp - 1) == std::string_view::npos) {
    return {};  // عبد X is the whole name
  }
  // A kunya of two words is the whole name (أبو لهب: لهب "flame" is no surname).
  if (StartsWithKunya(alias) && alias.find(' ') == sp) return {};
  return surname;
}

// The value ResolveScratch::surnames keeps for the surname of person `r` (SurnameOf): its
// entry, with kLaqabBit when the alias that named it is a kunya and kCompoundBit when the
// surname ends a compound given name.
uint32_t SurnameValue(const Gazetteer& g, const Resolved& r) {
  const std::string_view alias = g.alias(static_cast<uint32_t>(r.alias)).text;
  const bool compound = EndsCompoundName(alias, alias.rfind(' '));
  return static_cast<uint32_t>(r.entry) | (StartsWithKunya(alias) ? kLaqabBit : 0) |
         (compound ? kCompoundBit : 0);
}

// The surname of a person a rule found (`r` rule-made, of type PERSON): the last word of its
// span in `text`, when the span has two words or more (three after أبو/أبي/أبا/أم: the X of
// a kunya أبو X is a son's name, not a surname) and that word is three letters or more, not a
// function word, not God's name and not an ordinary word unless a nisba; empty otherwise.
// Such a surname links within its segment only (its view is into the segment's text).
std::string_view UnlistedSurnameOf(const RuleSet& rules, std::string_view text,
                                   const Resolved& r) {
  if (r.entry >= 0 || (r.rule < 0 && r.rule != kListRule)) return {};
  if (r.rule >= 0 && rules.rule(static_cast<size_t>(r.rule)).type != EntityType::kPerson) {
    return {};
  }
  const std::string_view name = text.substr(r.norm_start, r.norm_end - r.norm_start);
  const size_t sp = name.rfind(' ');
  if (sp == std::string_view::npos || name.size() - sp - 1 < 6) return {};
  if (StartsWithKunya(name) && name.find(' ') == sp) return {};
  const std::string_view surname = name.substr(sp + 1);
  if (NeverASurname(surname) || EndsCompoundName(name, sp) || AfterNasabWord(name, sp) ||
      rules.IsStopword(surname)) {
    return {};
  }
  // An ordinary word ends a phrase a title rule took for a name (تدعيم العلاقات، الشارع) far
  // more often than a surname; a definite nisba (الشرقي، العراقي) is kept.
  if (!IsDefiniteNisba(surname) && rules.IsCommonWord(surname)) return {};
  return surname;
}

// The given name of a person a rule found (`r` rule-made, of type PERSON, two words or more),
// by which a later bare mention links to it (صفاء بولار … صفاء، توميسلاف سالوبيك … توميسلاف):
// its first word when a given name of data/given_names.tsv (not of class weak, an ordinary word
// too, nor علي, the preposition على once normalized), or, a name no list holds, when it is no
// ordinary word, function word, kunya, nasab word, عبد or definite word (the rule that found the
// person vouches for it: صفاء، هيفاء، تشي); empty otherwise.
std::string_view UnlistedGivenNameOf(const RuleSet& rules, std::string_view text,
                                     const Resolved& r) {
  if (r.entry >= 0 || r.rule < 0 || rules.rule(static_cast<size_t>(r.rule)).type !=
                                        EntityType::kPerson) {
    return {};
  }
  const std::string_view name = text.substr(r.norm_start, r.norm_end - r.norm_start);
  const size_t sp = name.find(' ');
  if (sp == std::string_view::npos || sp < 6) return {};
  const std::string_view given = name.substr(0, sp);
  if (rules.IsWeakGivenName(given) || given == "\xD8\xB9\xD9\x84\xD9\x8A") return {};  // علي
  if (!rules.IsGivenName(given) &&
      (rules.IsCommonWord(given) || rules.IsStopword(given) || StartsWithKunya(name) ||
       IsNasabWord(given) || given == kAbd || given.substr(0, 4) == "\xD8\xA7\xD9\x84")) {  // ال
    return {};
  }
  return given;
}

// Whether a word that may go on a person's name follows token `ti` after a space: a bare given
// name there starts someone else's name (صفاء … صفاء محمد); not و and a given name.
bool NameWordFollows(const RuleSet& rules, std::string_view text,
                     const std::vector<Token>& tokens, size_t ti) {
  if (ti + 1 >= tokens.size() || tokens[ti + 1].gap != Gap::kSpace) return false;
  const std::string_view w = text.substr(tokens[ti + 1].start,
                                         tokens[ti + 1].end - tokens[ti + 1].start);
  // و before a given name starts the next item of a list (بشار وفيصل), not the same name.
  if (w.size() > 6 && w.substr(0, 2) == "\xD9\x88" && rules.IsGivenName(w.substr(2))) return false;
  return w.size() >= 4 && static_cast<unsigned char>(w[0]) >= 0xD8 &&
         static_cast<unsigned char>(w[0]) <= 0xD9 && !rules.IsStopword(w) &&
         !rules.IsCommonWord(w);
}

// The last byte and the third byte from the end (two letters' last bytes in Arabic) of a word
// of four bytes or more that ends before `end`, as 12 bits: the filter before the surname
// lookups.
size_t EndKeyAt(const unsigned char* end) {
  return static_cast<size_t>((end[-1] & 63) << 6 | (end[-3] & 63));
}
size_t EndKey(std::string_view w) {
  return EndKeyAt(reinterpret_cast<const unsigned char*>(w.data()) + w.size());
}

// The first token from `ti` on that ends after `limit` (the next entity's start) or whose word
// may be a surname by EndKey; tokens.size() if none.
size_t NextToCheck(std::string_view text, const std::vector<Token>& tokens, size_t ti,
                   uint32_t limit, const std::bitset<4096>& ends) {
  const Token* tk = tokens.data();
  const size_t n = tokens.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (; ti < n; ++ti) {
    const uint32_t end = tk[ti].end;
    if (end > limit) return ti;
    if (end - tk[ti].start >= 4 && ends[EndKeyAt(bytes + end)]) return ti;
  }
  return n;
}

void AddSurname(std::string_view surname, uint32_t entry, ResolveScratch* s) {
  if (s->surnames.insert_or_assign(surname, entry).second) {
    s->surname_tails.push_back(surname.substr(2));
    s->surname_ends.set(EndKey(surname));
    s->stop_ends.set(EndKey(surname));
  }
}

// The bytes of token `t` in `text`.
std::string_view Word(std::string_view text, const Token& t) {
  return text.substr(t.start, t.end - t.start);
}

// Whether `word` (a reading of it) is a surname of s->surnames: its value and the bytes of
// proclitics before it.
bool FindSurname(std::string_view word, ResolveScratch* s, uint32_t* value, uint32_t* strip) {
  // Every reading of a word ends where the word ends, and equals a surname only if the word
  // ends with the surname less its first letter (للاسد read as الاسد): a cheap filter
  // before the lookups below.
  if (word.size() < 4 || !s->surname_ends.test(EndKey(word))) return false;
  if (std::none_of(s->surname_tails.begin(), s->surname_tails.end(), [&](std::string_view tail) {
        return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
      })) {
    return false;
  }
  bool found = false;
  ForEachReading(word, &s->buf, [&](std::string_view reading, uint32_t st) {
    if (found) return;
    auto it = s->surnames.find(reading);
    if (it == s->surnames.end()) return;
    found = true;
    *value = it->second;
    *strip = st;
  });
  return found;
}

// Whether word `w` (normalized) before a bare surname is an ordinary word, not the first name
// of someone else: a common word (data/common_words.tsv), bare or after و, ب, ل or ك (وجددت،
// بالتصريح), a word of four letters or more after ب, ل or ك that is no given name (باستجواب;
// not لمحمد), or a look-alike one-word alias that is no given name (زيارة, also a village;
// not حسن).
bool OrdinaryWord(const Gazetteer& g, const RuleSet& rules, std::string_view w) {
  if (rules.IsCommonWord(w)) return true;
  const auto* b = reinterpret_cast<const unsigned char*>(w.data());
  if (w.size() > 6 && (w.substr(0, 2) == "\xD9\x88" || clitic::IsPreposition(b[0], b[1])) &&
      rules.IsCommonWord(w.substr(2))) {
    return true;
  }
  if (rules.IsGivenName(w)) return false;
  // A preposition on a word that is no given name (باستجواب، لمقابلة; not لمحمد).
  if (w.size() > 8 && clitic::IsPreposition(b[0], b[1]) && !rules.IsGivenName(w.substr(2))) {
    return true;
  }
  return g.IsOrdinaryWordAlias(w);
}

// Whether word `ti`, read as a surname after `strip` bytes of proclitics, is the word it also
// is: امام written أمام, the preposition (عادل إمام … أمام الزعيم); a ruler's title before a
// given name or عبد, the title (محمد بن عبد الملك … الملك سلمان، الملك عبد العزيز); or a month's
// name after شهر or before a word that places it in time (محمد رمضان … شهر رمضان).
bool WordOfItsOwn(const RuleSet& rules, std::string_view text, const std::vector<Token>& tokens,
                  const OriginalReading& original, size_t ti, uint32_t strip) {
  const Token& t = tokens[ti];
  const std::string_view w = text.substr(t.start + strip, t.end - t.start - strip);
  if (IsRulerTitle(w) && ti + 1 < tokens.size() && tokens[ti + 1].gap == Gap::kSpace) {
    const std::string_view next = Word(text, tokens[ti + 1]);
    if (rules.IsGivenName(next) || next.substr(0, kAbd.size()) == kAbd) return true;
  }
  if (w == "\xD8\xA7\xD9\x85\xD8\xA7\xD9\x85") {  // امام
    return !original.WritesLetter(t.start + strip, "\xD8\xA5");  // إ
  }
  static constexpr std::string_view kMonths[] = {
      "\xD8\xB1\xD9\x85\xD8\xB6\xD8\xA7\xD9\x86",  // رمضان
      "\xD8\xB4\xD8\xB9\xD8\xA8\xD8\xA7\xD9\x86",  // شعبان
      "\xD8\xB4\xD9\x88\xD8\xA7\xD9\x84",            // شوال
      "\xD8\xB1\xD8\xAC\xD8\xA8"};                    // رجب
  if (!IsOneOf(w, kMonths)) return false;
  static constexpr std::string_view kTimeWords[] = {
      "\xD8\xA7\xD9\x84\xD9\x85\xD8\xA7\xD8\xB6\xD9\x8A",  // الماضي
      "\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD8\xAF\xD9\x85",  // القادم
      "\xD8\xA7\xD9\x84\xD9\x85\xD9\x82\xD8\xA8\xD9\x84",  // المقبل
      "\xD8\xA7\xD9\x84\xD9\x85\xD8\xA8\xD8\xA7\xD8\xB1\xD9\x83",  // المبارك
      "\xD8\xA7\xD9\x84\xD9\x83\xD8\xB1\xD9\x8A\xD9\x85"};  // الكريم
  constexpr std::string_view kMonth = "\xD8\xB4\xD9\x87\xD8\xB1";  // شهر, a proclitic before it
  const std::string_view prev = ti > 0 ? Word(text, tokens[ti - 1]) : std::string_view();
  const bool after_month_word = t.gap == Gap::kSpace && strip == 0 && EndsWith(prev, kMonth) &&
                                prev.size() <= kMonth.size() + 2;
  const bool before_time_word = ti + 1 < tokens.size() && tokens[ti + 1].gap == Gap::kSpace &&
                                IsOneOf(Word(text, tokens[ti + 1]), kTimeWords);
  return after_month_word || before_time_word;
}

// Whether word `ti` (outside every entity) is the bare surname of a person named before it;
// if so, appends the link to s->extra. `after_entity`: the word before it ends an entity;
// `after_person`: that entity is a person.
void LinkSurnameAt(const Gazetteer& g, const RuleSet& rules, std::string_view text,
                   const std::vector<Token>& tokens, const OriginalReading& original, size_t ti,
                   bool after_entity, bool after_person, ResolveScratch* s) {
  const Token& t = tokens[ti];
  uint32_t value = 0, strip = 0;
  if (!FindSurname(text.substr(t.start, t.end - t.start), s, &value, &strip)) return;
  if (WordOfItsOwn(rules, text, tokens, original, ti, strip)) return;
  // A bare word right after a person's name goes on that name (عبد الرحمن عصام الدين محمد،
  // صباح خالد الحمد الصباح): no one else's surname. (With و or ب it is: العبادي والصدر.)
  if (after_person && strip == 0 && t.gap == Gap::kSpace) return;
  const bool unlisted = IsUnlistedValue(value), given = value == kUnlistedGivenName;
  // A given name bare or after و, which starts a new item whatever comes before it
  // (باستجواب بشار وفيصل).
  const bool after_and = strip == 2 && text.compare(t.start, 2, "\xD9\x88") == 0;
  if (given && ((strip != 0 && !after_and) || NameWordFollows(rules, text, tokens, ti))) return;
  // The second word of a compound given name links as the whole compound (عبد الرحمن for رامي
  // عبد الرحمن), written bare, with no family name after it (عبد الرحمن مصطفى is someone else).
  size_t first = ti;
  if (!unlisted && (value & kCompoundBit)) {
    if (strip != 0 || ti == 0 || t.gap != Gap::kSpace || Word(text, tokens[ti - 1]) != kAbd) {
      return;
    }
    if (ti + 1 < tokens.size() && tokens[ti + 1].gap == Gap::kSpace &&
        !rules.IsCommonWord(Word(text, tokens[ti + 1])) &&
        !rules.IsStopword(Word(text, tokens[ti + 1]))) {
      return;
    }
    first = ti - 1;
    after_entity = false;
  }
  // After a word that is not an ordinary word, bare or after و (a first name: سليمان الأسد;
  // وجددت ماي is an ordinary word; not ف, which starts names: فريد الأطرش), the surname is
  // someone else's.
  const bool after_word = first > 0 && tokens[first].gap == Gap::kSpace;
  const std::string_view pw = after_word ? Word(text, tokens[first - 1]) : std::string_view();
  if (after_word && !after_entity && !(given && after_and) && !OrdinaryWord(g, rules, pw)) return;
  // The surname of a person no list holds, and the one that ends a kunya, is often also an
  // adjective (أوس الشرقي … الريف الشرقي، ريف حلب الشرقي؛ أبو أسامة الفرنسي … الرئيس
  // الفرنسي): it links only where it cannot agree with a noun before it, not after a name or a
  // definite word. (Other surnames follow titles: العقيد القذافي، رئيس الوزراء العبادي.)
  const bool after_definite = after_word && (after_entity || IsDefinite(pw));
  if (!given && (unlisted || (value & kLaqabBit)) && after_definite) return;
  s->extra.push_back(Resolved{tokens[first].start + (first == ti ? strip : 0), t.end,
                              unlisted ? -1 : static_cast<int32_t>(SurnameEntry(value)), -1,
                              kSurnameRule, kScoreSurname, 0});
}

// Whether person `entry` was named by more than the one word at `r` before it: in an earlier
// segment of the document, or among the segment's entities before `r`.
bool NamedInFull(const ResolveScratch& s, const std::vector<Resolved>& out, const Resolved& r,
                 int32_t entry) {
  for (const auto& [surname, value] : s.document_people) {
    if (!IsUnlistedValue(value) && static_cast<int32_t>(SurnameEntry(value)) == entry) return true;
  }
  for (const Resolved& o : out) {
    if (&o == &r) break;
    if (o.entry == entry && o.norm_end - o.norm_start > r.norm_end - r.norm_start) return true;
  }
  return false;
}

// A one-word place that is not broad, or a one-word name of another person, that reads as
// the surname of a person named earlier in the document is that person (برناردينو ليون …
// ليون دبلوماسي إسباني: not Lyon; ماهر الأسد … الأسد: Maher, not Bashar), the surname of a
// person no list holds too (فايز المالكي … المالكي: not Nouri al-Maliki) — but not a listed
// person's one-word name where the document names that person in full as well (سليمان الأسد …
// بشار الأسد … الأسد: Bashar). So is a person's one-word name a rule found (`rule_person`)
// that reads as a listed person's surname (الملا اختر محمد منصور … الملا منصور).
void SurnameOverOtherName(const Gazetteer& g, std::string_view text, const Token& t,
                          const std::vector<Resolved>& out, bool rule_person, ResolveScratch* s,
                          Resolved* r) {
  if (r->norm_end != t.end || r->norm_start < t.start) return;
  if (r->entry < 0) {
    if (!rule_person) return;
    auto it = s->surnames.find(text.substr(r->norm_start, r->norm_end - r->norm_start));
    if (it == s->surnames.end() || IsUnlistedValue(it->second) || (it->second & kCompoundBit)) {
      return;
    }
    *r = Resolved{r->norm_start, r->norm_end, static_cast<int32_t>(SurnameEntry(it->second)), -1,
                  kSurnameRule, kScoreSurname, 0};
    return;
  }
  if (r->alias < 0) return;
  const EntryCore& core = g.core(static_cast<uint32_t>(r->entry));
  const bool small_place = core.type == EntityType::kPlace && !(core.flags & EntryCore::kBroad);
  if (!small_place && core.type != EntityType::kPerson) return;
  const std::string_view word = text.substr(r->norm_start, r->norm_end - r->norm_start);
  auto it = s->surnames.find(word);
  if (it == s->surnames.end() || it->second == kUnlistedGivenName ||
      (it->second != kUnlistedPerson && (it->second & kCompoundBit))) {
    return;
  }
  // A person the document names in full keeps the one-word name (بشار الأسد … سليمان الأسد …
  // مؤيدي الأسد: Bashar).
  if (core.type == EntityType::kPerson && NamedInFull(*s, out, *r, r->entry)) return;
  if (it->second == kUnlistedPerson) {
    if (core.type != EntityType::kPerson) return;
    *r = Resolved{r->norm_start, r->norm_end, -1, -1, kSurnameRule, kScoreSurname, 0};
    return;
  }
  if (static_cast<int32_t>(SurnameEntry(it->second)) == r->entry) return;
  *r = Resolved{r->norm_start, r->norm_end, static_cast<int32_t>(SurnameEntry(it->second)), -1,
                kSurnameRule, kScoreSurname, 0};
}

bool IsPersonEntity(const Gazetteer& g, const RuleSet& rules, const Resolved& r) {
  if (r.entry >= 0) return g.core(static_cast<uint32_t>(r.entry)).type == EntityType::kPerson;
  return r.rule == kListRule || r.rule == kSurnameRule ||
         (r.rule >= 0 && rules.rule(static_cast<size_t>(r.rule)).type == EntityType::kPerson);
}

// Whether the normalized word may be a word of a name in a list of people: neither a function
// word nor an ordinary word, and (`first`) not definite.
bool ListNameWord(const RuleSet& rules, std::string_view w, bool first) {
  if (w.size() < 4 || rules.IsStopword(w) || rules.IsCommonWord(w)) return false;
  return !first || w.substr(0, 4) != "\xD8\xA7\xD9\x84";  // ال
}

// The list item of two words that starts at token `ti`: a comma before it, و on its first
// word, and punctuation or the end of the text after it. Returns the end token, or 0.
size_t ListItemAt(const RuleSet& rules, std::string_view text, const std::vector<Token>& tokens,
                  size_t ti) {
  if (ti + 1 >= tokens.size() || tokens[ti].gap != Gap::kOther) return 0;
  const Token& a = tokens[ti];
  const Token& b = tokens[ti + 1];
  const std::string_view sep = text.substr(tokens[ti - 1].end, a.start - tokens[ti - 1].end);
  if (sep != "\xD8\x8C " && sep != ", ") return 0;  // "، "
  const std::string_view w1 = text.substr(a.start, a.end - a.start);
  const auto* p = reinterpret_cast<const unsigned char*>(w1.data());
  if (w1.size() < 6 || p[0] != 0xD9 || p[1] != 0x88 || rules.IsCommonWord(w1)) return 0;  // و
  if (b.gap != Gap::kSpace || !ListNameWord(rules, w1.substr(2), true) ||
      !ListNameWord(rules, text.substr(b.start, b.end - b.start), false)) {
    return 0;
  }
  return ti + 2 == tokens.size() || tokens[ti + 2].gap == Gap::kOther ? ti + 2 : 0;
}

// The item after a person's name that is و and a given name (weak ones too, not علي, the
// preposition's spelling), alone or with one word of a name after it, ended by punctuation
// before more text (ياسر جلال ونور، ترمب وكيم،; not غياث أيوب وسعيد البطل: البطل is an ordinary word).
// Returns the end token, or 0.
size_t GivenNameItemAt(const RuleSet& rules, std::string_view text,
                       const std::vector<Token>& tokens, size_t ti) {
  if (ti >= tokens.size() || tokens[ti].gap != Gap::kSpace) return 0;
  const std::string_view w = Word(text, tokens[ti]);
  if (w.size() < 6 || w.substr(0, 2) != "\xD9\x88") return 0;  // و
  const std::string_view name = w.substr(2);
  if (!rules.IsGivenName(name) || name == "\xD8\xB9\xD9\x84\xD9\x8A") return 0;  // علي
  auto ends_item = [&](size_t t) { return t < tokens.size() && tokens[t].gap == Gap::kOther; };
  if (ends_item(ti + 1)) return ti + 1;
  if (ti + 1 >= tokens.size()) return 0;
  // After a given name that is an ordinary word too, a word with ل or ب is its complement
  // (بين مؤيد لماكرون ومؤيد لهامون "a supporter of Hamon").
  const std::string_view next = Word(text, tokens[ti + 1]);
  if (rules.IsWeakGivenName(name) && next.size() > 2 &&
      (next.substr(0, 2) == "\xD9\x84" || next.substr(0, 2) == "\xD8\xA8")) {  // ل ب
    return 0;
  }
  if (ListNameWord(rules, next, false) && ends_item(ti + 2)) return ti + 2;
  return 0;
}

// Lists of people: after a person, each item "، وX Y" ended by punctuation is a person too
// (source "rule:person-list"), until an item is not; so is a given name joined by و right
// after the person's name (GivenNameItemAt).
void ContinueLists(const Gazetteer& g, const RuleSet& rules, std::string_view text,
                   const std::vector<Token>& tokens, ResolveScratch* s,
                   std::vector<Resolved>* out) {
  s->extra.clear();
  auto tok = tokens.begin();
  for (size_t k = 0; k < out->size(); ++k) {
    if (!IsPersonEntity(g, rules, (*out)[k])) continue;
    uint32_t end = (*out)[k].norm_end;
    const uint32_t limit = k + 1 < out->size() ? (*out)[k + 1].norm_start : UINT32_MAX;
    tok = std::lower_bound(tok, tokens.end(), end,
                           [](const Token& t, uint32_t e) { return t.start < e; });
    for (size_t ti = static_cast<size_t>(tok - tokens.begin()); ti > 0;) {
      size_t stop = ListItemAt(rules, text, tokens, ti);
      if (stop == 0) stop = GivenNameItemAt(rules, text, tokens, ti);
      if (stop == 0 || tokens[stop - 1].end > limit) break;
      end = tokens[stop - 1].end;
      s->extra.push_back(Resolved{tokens[ti].start + 2, end, -1, -1, kListRule, kScoreSurname, 0});
      ti = stop;
    }
  }
  if (s->extra.empty()) return;
  out->insert(out->end(), s->extra.begin(), s->extra.end());
  std::sort(out->begin(), out->end(),
            [](const Resolved& x, const Resolved& y) { return x.norm_start < y.norm_start; });
}

// Document consistency: a later bare surname of a person named in full earlier links to
// that person (source "rule:surname-after-full-name"), also where a small place or another
// person bears the word (SurnameOverOtherName).
// Records the name of person `r`, rule-made and of two words or more, among s->full_names,
// with its first word's end among the words LinkSurnames stops at (stop_ends).
void AddFullName(const RuleSet& rules, std::string_view text, const Resolved& r,
                 ResolveScratch* s) {
  if (r.entry >= 0 || r.rule < 0 || rules.rule(static_cast<size_t>(r.rule)).type !=
                                        EntityType::kPerson) {
    return;
  }
  const std::string_view name = text.substr(r.norm_start, r.norm_end - r.norm_start);
  const size_t sp = name.find(' ');
  if (sp == std::string_view::npos || sp < 4) return;
  if (name.substr(name.rfind(' ') + 1) == kAbd) return;  // a name a rule cut after عبد
  s->full_names.emplace_back(name, static_cast<uint32_t>(sp));
  s->stop_ends.set(EndKey(name.substr(0, sp)));
  // A family name with آل (normalized ال) is named again alone: محمد آل الشيخ … الكاتب آل الشيخ.
  constexpr std::string_view kAal = "\xD8\xA7\xD9\x84 ";  // "ال "
  if (const size_t last = name.rfind(' '); last > sp) {
    const size_t before = name.rfind(' ', last - 1);
    if (before != std::string_view::npos && name.substr(before + 1, kAal.size()) == kAal &&
        before + 1 + kAal.size() == last + 1) {
      s->full_names.emplace_back(name.substr(before + 1), static_cast<uint32_t>(kAal.size() - 1));
      s->stop_ends.set(EndKey(kAal.substr(0, kAal.size() - 1)));
    }
  }
}

// What a later mention of entity `r` may be: its surname (a listed person's or one a rule
// found), the given name of a person a rule found, and that person's full name.
void AddNamesOf(const Gazetteer& g, const RuleSet& rules, std::string_view text,
                const Resolved& r, ResolveScratch* s) {
  const std::string_view surname = SurnameOf(g, r);
  if (!surname.empty()) AddSurname(surname, SurnameValue(g, r), s);
  const std::string_view unlisted = UnlistedSurnameOf(rules, text, r);
  if (!unlisted.empty()) AddSurname(unlisted, kUnlistedPerson, s);
  const std::string_view given = UnlistedGivenNameOf(rules, text, r);
  if (!given.empty() && !s->surnames.contains(given)) AddSurname(given, kUnlistedGivenName, s);
  AddFullName(rules, text, r, s);
}

// The last token of a name of `names` written from token `ti` on, whole words apart by spaces
// only, ending by `limit`; SIZE_MAX if none.
size_t FullNameAt(std::string_view text, const std::vector<Token>& tokens, size_t ti,
                  uint32_t limit, const std::vector<std::pair<std::string_view, uint32_t>>& names) {
  const uint32_t size = tokens[ti].end - tokens[ti].start;
  for (const auto& [name, first] : names) {
    if (size != first || text.compare(tokens[ti].start, name.size(), name) != 0) continue;
    const size_t last = ti + static_cast<size_t>(std::count(name.begin(), name.end(), ' '));
    if (last >= tokens.size() || tokens[last].end != tokens[ti].start + name.size() ||
        tokens[last].end > limit) {
      continue;
    }
    bool spaces = true;
    for (size_t k = ti + 1; k <= last && spaces; ++k) spaces = tokens[k].gap == Gap::kSpace;
    if (spaces) return last;
  }
  return SIZE_MAX;
}

// Whether the family name with آل at token `ti` (a tail AddFullName records) stands for the
// person there: not after a word of another name (a given name, بن: عبد الرحمن آل الشيخ is
// someone's chain) nor after the head word of a family, a tribe or a body named after the
// family (عائلة آل الشيخ، كلية آل مكتوم).
bool FamilyNameAlone(const RuleSet& rules, std::string_view text, const std::vector<Token>& tokens,
                     size_t ti) {
  // كليه، معهد، عائله، اسره، قبيله، مؤسسه، جامعه، مدرسه، مركز، مستشفي، قصر
  static constexpr std::string_view kHeads[] = {
      "\xD9\x83\xD9\x84\xD9\x8A\xD9\x87", "\xD9\x85\xD8\xB9\xD9\x87\xD8\xAF",
      "\xD8\xB9\xD8\xA7\xD8\xA6\xD9\x84\xD9\x87", "\xD8\xA7\xD8\xB3\xD8\xB1\xD9\x87",
      "\xD9\x82\xD8\xA8\xD9\x8A\xD9\x84\xD9\x87", "\xD9\x85\xD8\xA4\xD8\xB3\xD8\xB3\xD9\x87",
      "\xD8\xAC\xD8\xA7\xD9\x85\xD8\xB9\xD9\x87", "\xD9\x85\xD8\xAF\xD8\xB1\xD8\xB3\xD9\x87",
      "\xD9\x85\xD8\xB1\xD9\x83\xD8\xB2", "\xD9\x85\xD8\xB3\xD8\xAA\xD8\xB4\xD9\x81\xD9\x8A",
      "\xD9\x82\xD8\xB5\xD8\xB1"};
  if (ti == 0) return true;
  const std::string_view w = Word(text, tokens[ti - 1]);
  const auto* b = reinterpret_cast<const unsigned char*>(w.data());
  const bool clitic = w.size() > 6 && (clitic::IsConjunction(b[0], b[1]) ||
                                       clitic::IsPreposition(b[0], b[1]));
  return !rules.IsGivenName(w) && !IsNasabWord(w) && !IsOneOf(w, kHeads) &&
         !(clitic && IsOneOf(w.substr(2), kHeads)) &&
         !(w.size() > kAbd.size() && w.substr(0, kAbd.size()) == kAbd) &&
         !(ti >= 2 && Word(text, tokens[ti - 2]) == kAbd);  // عبد الرحمن آل الشيخ
}

void LinkSurnames(const Gazetteer& g, const RuleSet& rules, std::string_view text,
                  const std::vector<Token>& tokens, const OriginalReading& original,
                  ResolveScratch* s, std::vector<Resolved>* out) {
  s->surnames.clear();
  s->surname_tails.clear();
  s->full_names.clear();
  s->surname_ends.reset();
  s->stop_ends.reset();
  s->extra.clear();
  for (const auto& [surname, entry] : s->document_people) AddSurname(surname, entry, s);
  const auto first_person = std::find_if(out->begin(), out->end(), [&](const Resolved& r) {
    return IsPersonEntity(g, rules, r);
  });
  if (first_person == out->end() && s->surnames.empty()) return;
  // No token before the end of the first person named can be a surname of it: without people
  // from earlier segments, the walk starts there.
  const auto from = !s->surnames.empty() ? tokens.begin() : std::lower_bound(
      tokens.begin(), tokens.end(), first_person->norm_end,
      [](const Token& t, uint32_t end) { return t.start < end; });
  size_t next = 0;  // next resolved entity in text order
  // The start of the next entity (the end of the run of tokens outside every entity).
  uint32_t next_start = out->empty() ? UINT32_MAX : (*out)[0].norm_start;
  for (size_t ti = static_cast<size_t>(from - tokens.begin());; ++ti) {
    // Most words are outside every entity and end with no surname's letters: one test each.
    ti = NextToCheck(text, tokens, ti, next_start, s->stop_ends);
    if (ti == tokens.size()) break;
    const Token& t = tokens[ti];
    if (t.end > next_start) {
      while (next < out->size() && (*out)[next].norm_end <= t.start) {
        AddNamesOf(g, rules, text, (*out)[next++], s);
      }
      next_start = next < out->size() ? (*out)[next].norm_start : UINT32_MAX;
      if (s->surnames.empty() && s->full_names.empty()) continue;
      if (next_start < t.end) {  // inside an entity
        Resolved& r = (*out)[next];
        SurnameOverOtherName(g, text, t, *out,
                             r.entry < 0 && r.rule >= 0 && IsPersonEntity(g, rules, r), s, &r);
        continue;
      }
    }
    if (original.Tanween(text, t)) continue;  // أميراً "as a prince" is no surname
    const bool after_entity =
        ti > 0 && next > 0 && (*out)[next - 1].norm_end == tokens[ti - 1].end;
    const bool after_person = after_entity && IsPersonEntity(g, rules, (*out)[next - 1]);
    // A person a rule found, named again in full (not right after another person's name).
    if (const size_t last = FullNameAt(text, tokens, ti, next_start, s->full_names);
        last != SIZE_MAX && !(after_person && t.gap == Gap::kSpace) &&
        (last > ti + 1 || Word(text, t) != "\xD8\xA7\xD9\x84" ||  // ال (آل)
         FamilyNameAlone(rules, text, tokens, ti))) {
      s->extra.push_back(
          Resolved{t.start, tokens[last].end, -1, -1, kSurnameRule, kScoreSurname, 0});
      ti = last;
      continue;
    }
    LinkSurnameAt(g, rules, text, tokens, original, ti, after_entity, after_person, s);
  }
  if (s->extra.empty()) return;
  out->insert(out->end(), s->extra.begin(), s->extra.end());
  std::sort(out->begin(), out->end(),
            [](const Resolved& x, const Resolved& y) { return x.norm_start < y.norm_start; });
}

}  // namespace

namespace {

// Zeroes the bits of `bits` that `mentions` set (all of it when its size is not `words`).
void ClearNamed(const std::vector<Mention>& mentions, size_t words, std::vector<uint64_t>* bits) {
  if (bits->size() != words) {
    bits->assign(words, 0);
    return;
  }
  for (const Mention& m : mentions) (*bits)[m.entry >> 6] = 0;
}

// Step 1: every entry named by an unambiguous alias, and where — the context of the others.
void CollectMentions(const Gazetteer& g, const std::vector<Candidate>& candidates,
                     ResolveScratch* scratch) {
  std::vector<Mention>& mentions = scratch->mentions;
  std::vector<Mention>& descendant_mentions = scratch->descendant_mentions;
  // The bit sets span every entry; clearing only the bits the previous call set (its
  // mentions) keeps the cost per document independent of the gazetteer's size.
  const size_t words = (g.entries().size() + 63) / 64;
  ClearNamed(mentions, words, &scratch->named);
  ClearNamed(descendant_mentions, words, &scratch->descendant_named);
  mentions.clear();
  descendant_mentions.clear();
  auto set = [](std::vector<uint64_t>& bits, uint32_t e) { bits[e >> 6] |= uint64_t{1} << (e & 63); };
  for (const Candidate& c : candidates) {
    if (c.alias < 0) continue;
    const AliasCore& a = g.alias_core(static_cast<uint32_t>(c.alias));
    if (a.ambiguous) continue;
    for (const uint32_t* it = g.alias_entries_begin(a); it != g.alias_entries_end(a); ++it) {
      // A village of a person's name is not named without its trigger (AliasCore::person_too).
      if (a.person_too && (g.core(*it).flags & EntryCore::kNeedsTrigger)) continue;
      mentions.push_back(Mention{*it, c.norm_start, c.alias});
      set(scratch->named, *it);
      g.ForEachAncestor(*it, kMaxAncestors, [&](uint32_t anc) {
        descendant_mentions.push_back(Mention{anc, c.norm_start, c.alias});
        set(scratch->descendant_named, anc);
      });
    }
  }
  std::sort(mentions.begin(), mentions.end(), Context::ByEntryAndPosition);
  std::sort(descendant_mentions.begin(), descendant_mentions.end(), Context::ByEntryAndPosition);
}

// The entity types (TypeBit each) of the candidates before candidate i named by an
// unambiguous alias that end where token `t` ends (by default the token before candidate i,
// which starts i > 0 tokens in); with `kept` (the decisions on the candidates before i), also
// those of the look-alikes kept so far (صعدة وعمران وحجه: عمران, kept as the place after صعدة).
uint32_t TypesRightBefore(const Gazetteer& g, const std::vector<Candidate>& candidates, size_t i,
                          const Context& ctx, size_t t = ~size_t{0},
                          const std::vector<Choice>* kept = nullptr) {
  if (t == ~size_t{0}) t = candidates[i].tok_begin - 1;
  const uint32_t prev_end = ctx.tokens[t].end;
  uint32_t types = 0;
  for (size_t j = i; j-- > 0 && i - j <= 16;) {
    const Candidate& p = candidates[j];
    if (p.norm_end != prev_end || p.alias < 0) continue;
    const AliasCore& a = g.alias_core(static_cast<uint32_t>(p.alias));
    if (!a.ambiguous) {
      types |= TypeBitsOf(g, a);
    } else if (kept != nullptr) {
      const Choice& ch = (*kept)[j];
      if (ch.valid && !ch.gated_out && ch.entry >= 0) {
        types |= TypeBit(g.core(static_cast<uint32_t>(ch.entry)).type);
      }
    }
  }
  return types;
}

// Whether a place named by an unambiguous alias ends right before candidate i, joined to it by
// its proclitic و (سوسة وباغوز) or with nothing between but a space (جدة السعودية); joined by
// و, also a look-alike place kept before it (TypesRightBefore with the decisions so far).
PlaceBefore PlaceBeforeOf(const Gazetteer& g, const std::vector<Candidate>& candidates,
                          const std::vector<Choice>& choices, size_t i, const Context& ctx) {
  const Candidate& c = candidates[i];
  if (c.tok_begin == 0) return PlaceBefore::kNone;
  const std::string_view w = ctx.Word(c.tok_begin);
  const bool joined = c.clitic_bytes == 2 && w.substr(0, 2) == "\xD9\x88";  // و
  if (!joined && (c.clitic_bytes > 0 || ctx.tokens[c.tok_begin].gap != Gap::kSpace)) {
    return PlaceBefore::kNone;
  }
  if (!(TypesRightBefore(g, candidates, i, ctx, ~size_t{0}, joined ? &choices : nullptr) &
        TypeBit(EntityType::kPlace))) {
    return PlaceBefore::kNone;
  }
  return joined ? PlaceBefore::kJoinedByAnd : PlaceBefore::kRightBefore;
}

// Whether a definite adjective of relation follows candidate `c` after a space: it heads a noun
// phrase (القاعدة العسكرية "the military base", الدولة التركية).
bool AdjectiveFollows(const Context& ctx, const Candidate& c) {
  return c.tok_end < ctx.tokens.size() && ctx.tokens[c.tok_end].gap == Gap::kSpace &&
         IsDefiniteAdjective(ctx.Word(c.tok_end));  // ال…ي، ال…يه
}

// Whether the clause of candidate i (the tokens around it up to punctuation, at most 16 each
// way) names a jihadist group (subtype kJihadistGroup) by an unambiguous alias other than
// candidate i's own.
bool JihadistGroupInClause(const Gazetteer& g, const std::vector<Candidate>& candidates, size_t i,
                           const Context& ctx) {
  const Candidate& c = candidates[i];
  uint32_t first = c.tok_begin, last = c.tok_end;  // the clause's tokens [first, last)
  while (first > 0 && c.tok_begin - first < 16 && ctx.tokens[first].gap != Gap::kOther) --first;
  while (last < ctx.tokens.size() && last - c.tok_end < 16 &&
         ctx.tokens[last].gap != Gap::kOther) {
    ++last;
  }
  auto jihadist = [&](const Candidate& q) {
    if (q.alias < 0 || q.alias == c.alias || q.tok_begin < first || q.tok_end > last) return false;
    const AliasCore& a = g.alias_core(static_cast<uint32_t>(q.alias));
    if (a.ambiguous) return false;
    for (const uint32_t* it = g.alias_entries_begin(a); it != g.alias_entries_end(a); ++it) {
      if (g.core(*it).type == EntityType::kFaction && g.entries()[*it].subtype == kJihadistGroup) {
        return true;
      }
    }
    return false;
  };
  for (size_t j = i; j-- > 0 && candidates[j].tok_end > first;) {
    if (jihadist(candidates[j])) return true;
  }
  for (size_t j = i + 1; j < candidates.size() && candidates[j].tok_begin < last; ++j) {
    if (jihadist(candidates[j])) return true;
  }
  return false;
}

// The entity types (TypeBit each) of the unambiguous names joined to candidate i by و: the one
// that ends right before it when it carries the و (داعش والقاعدة), or the one right after it
// that does (القاعدة وداعش), with kCountryBit when it is a country. Decide takes such a name of
// the type it chose as evidence for any type but places (whose cue it is: PlaceBeforeOf), and a
// country as evidence for a country (مالي والنيجر، بؤر التوتر بمالي وليبيا).
uint32_t JoinedTypesOf(const Gazetteer& g, const std::vector<Candidate>& candidates, size_t i,
                       const Context& ctx) {
  // The gap may close a quote (”داعش” والقاعدة) or separate the items of a list (حزب الله،
  // وحماس).
  auto joined_by_and = [&](size_t t, uint8_t clitic_bytes) {
    return clitic_bytes == 2 &&
           (ctx.tokens[t].gap == Gap::kSpace || ctx.tokens[t].gap == Gap::kQuote ||
            ctx.CommaBefore(t)) &&
           ctx.Word(t).substr(0, 2) == "\xD9\x88";  // و
  };
  const Candidate& c = candidates[i];
  // Not where an adjective follows: the name heads a noun phrase (حزب العمال الكردستاني والدولة
  // التركية).
  if (AdjectiveFollows(ctx, c)) return 0;
  uint32_t types = 0;
  if (c.tok_begin > 0 && joined_by_and(c.tok_begin, c.clitic_bytes)) {
    types |= TypesRightBefore(g, candidates, i, ctx);
  } else if (c.tok_begin > 1 && c.clitic_bytes == 0 && ctx.tokens[c.tok_begin].gap == Gap::kSpace &&
             ctx.Word(c.tok_begin - 1) == "\xD8\xA7\xD9\x88" &&  // او: داعش أو القاعدة
             ctx.tokens[c.tok_begin - 1].gap == Gap::kSpace) {
    types |= TypesRightBefore(g, candidates, i, ctx, c.tok_begin - 2);
  }
  // The name after it may come after its own trigger word, which carries the و (القاعدة وتنظيم
  // داعش، القاعدة وجماعة الحوثي): a name of the trigger's type.
  const std::vector<TriggerInfo>* trig = nullptr;
  if (c.tok_end + 1 < ctx.tokens.size() && joined_by_and(c.tok_end, 2) &&
      ctx.tokens[c.tok_end + 1].gap != Gap::kOther && ctx.Word(c.tok_end).size() > 4) {
    trig = g.FindTrigger(ctx.Word(c.tok_end).substr(2));
  }
  const size_t last = trig != nullptr ? c.tok_end + 1 : c.tok_end;
  for (size_t j = i + 1; j < candidates.size() && j - i <= 16; ++j) {
    const Candidate& q = candidates[j];
    if (q.alias < 0) continue;
    if (q.tok_begin > last) break;
    const AliasCore& a = g.alias_core(static_cast<uint32_t>(q.alias));
    if (a.ambiguous) continue;
    if (q.tok_begin == c.tok_end && joined_by_and(q.tok_begin, q.clitic_bytes)) {
      types |= TypeBitsOf(g, a);
    } else if (q.tok_begin == last && trig != nullptr && q.clitic_bytes == 0) {
      const uint32_t bits = TypeBitsOf(g, a);
      for (const TriggerInfo& t : *trig) types |= bits & TypeBit(t.type);
    }
  }
  return types;
}

// Document consistency for look-alikes: a candidate without evidence that the gate dropped is
// kept when the segment names its entry elsewhere with gating evidence or by an unambiguous
// alias (a kept choice scored above kScoreGatedModel) and the model scores it at `@keep_doc`
// (ContextModel::KeepConfirmed: بلدة مديرا … بين مديرا وعربين); and, whatever its score and cue,
// when the segment names the entry by the same alias after a trigger word (تنظيم القاعدة … قدرة
// القاعدة، حي التواهي … في التواهي، شمال مالي after دولة مالي): a name introduced with its head
// word keeps its reading in the document — unless the alias is a very common word
// (AliasCore::very_common: تنظيم الدولة … سيادة الدولة "the state") or stands as an adjective
// after a definite noun or as a noun before one (مدينة القائم … الوضع القائم، القاعدة العسكرية).
void ConfirmByDocument(const Gazetteer& g, const ExtractorOptions& options, const Context& ctx,
                       const std::vector<Candidate>& candidates, ResolveScratch* s,
                       ExtractStats* stats) {
  if (ctx.model.empty()) return;
  std::vector<uint32_t>& confirmed = s->confirmed;
  std::vector<std::pair<int32_t, int32_t>>& with_trigger = s->named_with_trigger;
  confirmed.clear();
  with_trigger.clear();
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Choice& ch = s->choices[i];
    if (ch.valid && !ch.gated_out && ch.entry >= 0 && ch.score > kScoreGatedModel) {
      confirmed.push_back(static_cast<uint32_t>(ch.entry));
      // A place's trigger word names its kind too (حي التواهي، دولة مالي، بلدة مديرا; not منطقة السد,
      // مركز الدرك, where the word before a common word need not announce a name).
      if (ch.by_trigger &&
          (g.core(static_cast<uint32_t>(ch.entry)).type != EntityType::kPlace ||
           TriggerImplies(ctx.Trigger(candidates[i]), g.entries()[static_cast<size_t>(ch.entry)],
                          true))) {
        with_trigger.emplace_back(candidates[i].alias, ch.entry);
      }
    }
  }
  if (confirmed.empty()) return;
  std::sort(confirmed.begin(), confirmed.end());
  std::sort(with_trigger.begin(), with_trigger.end());
  for (size_t i = 0; i < candidates.size(); ++i) {
    Choice& ch = s->choices[i];
    if (!ch.gated_out || ch.entry < 0 ||
        !std::binary_search(confirmed.begin(), confirmed.end(), static_cast<uint32_t>(ch.entry))) {
      continue;
    }
    const Candidate& c = candidates[i];
    const bool named_with_trigger =
        !g.alias_core(static_cast<uint32_t>(c.alias)).very_common &&
        std::binary_search(with_trigger.begin(), with_trigger.end(),
                           std::make_pair(c.alias, ch.entry)) &&
        !ctx.AdjectiveAfterNoun(c) && !AdjectiveFollows(ctx, c);
    if (!named_with_trigger && ch.evidence.cue) continue;
    const EntityType type = g.core(static_cast<uint32_t>(ch.entry)).type;
    const double score = ctx.model.Score(g, ctx.rules, ctx.text, ctx.tokens, c, type,
                                         ch.evidence, &s->buf);
    if (!named_with_trigger && !ctx.model.KeepConfirmed(score)) continue;
    ch.valid = true;
    ch.gated_out = false;
    ch.score = kScoreGatedModel;
    ch.supported |= named_with_trigger;
    ch.evidence.document = named_with_trigger;
    --stats->gated_dropped;
    if (options.explain_features > 0) {
      ch.explain = AddExplanation(options, ctx, c, type, ch.evidence, score, true);
    }
  }
}

// Whether the trigger word right before candidate `c` announces several places: a plural or
// dual (قرى، بلدات، أحياء، قريتي، بلدتي).
bool ListTriggerBefore(const Gazetteer& g, const Context& ctx, const Candidate& c,
                       std::string* buf) {
  if (c.clitic_bytes > 0 || c.tok_begin == 0 || ctx.tokens[c.tok_begin].gap != Gap::kSpace) {
    return false;
  }
  static constexpr std::string_view kListWords[] = {
      "\xD9\x82\xD8\xB1\xD9\x8A",                          // قري (قرى)
      "\xD8\xA8\xD9\x84\xD8\xAF\xD8\xA7\xD8\xAA",              // بلدات
      "\xD8\xA7\xD8\xAD\xD9\x8A\xD8\xA7\xD8\xA1",              // احياء
      "\xD9\x82\xD8\xB1\xD9\x8A\xD8\xAA\xD9\x8A",              // قريتي
      "\xD8\xA8\xD9\x84\xD8\xAF\xD8\xAA\xD9\x8A"};             // بلدتي
  bool found = false;
  ForEachReading(ctx.Word(c.tok_begin - 1), buf, [&](std::string_view r, uint32_t) {
    for (std::string_view w : kListWords) found = found || (r == w && g.FindTrigger(r) != nullptr);
  });
  return found;
}

// Whether candidate `q` is the next item of a list whose item before ends at token `end`: it
// starts there after a space or a comma, with و, or after a comma without it.
bool NextListItem(const Context& ctx, const Candidate& q, uint32_t end) {
  if (q.tok_begin != end || q.alias < 0 || end == 0) return false;
  const bool with_and =
      q.clitic_bytes == 2 && ctx.Word(q.tok_begin).substr(0, 2) == "\xD9\x88";  // و
  if (q.clitic_bytes > 0 && !with_and) return false;
  const std::string_view sep = ctx.text.substr(ctx.tokens[end - 1].end,
                                               ctx.tokens[end].start - ctx.tokens[end - 1].end);
  return sep == "\xD8\x8C " || sep == ", " || (with_and && sep == " ");  // "، "
}

// The places of a list that a trigger word in the plural or dual announces (قرى المتونة
// والسويمرة وعراجة وتيما، بلدات الطيبة والنعيمة وصيدا): each item joined to the one before by و or
// a comma is a place of the trigger's kind — a gated look-alike too, where the trigger names its
// kind (TriggerImplies) and not a very common word (وبدا المشهد "and the scene seemed"). The list
// ends at the first item that is none.
void KeepListedPlaces(const Gazetteer& g, const ExtractorOptions& options, const Context& ctx,
                      const std::vector<Candidate>& candidates, ResolveScratch* s,
                      ExtractStats* stats) {
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Choice& first = s->choices[i];
    if (!first.valid || !first.by_trigger || first.entry < 0 ||
        g.core(static_cast<uint32_t>(first.entry)).type != EntityType::kPlace ||
        !ListTriggerBefore(g, ctx, candidates[i], &s->buf)) {
      continue;
    }
    const std::vector<TriggerInfo>* trig = ctx.Trigger(candidates[i]);
    uint32_t end = candidates[i].tok_end;
    for (;;) {
      int64_t next = -1;  // the longest candidate of the next item
      for (size_t j = 0; j < candidates.size(); ++j) {
        const Candidate& q = candidates[j];
        if (s->choices[j].entry >= 0 && NextListItem(ctx, q, end) &&
            (next < 0 || q.tok_end > candidates[static_cast<size_t>(next)].tok_end)) {
          next = static_cast<int64_t>(j);
        }
      }
      if (next < 0) break;
      Choice& ch = s->choices[static_cast<size_t>(next)];
      const EntryInfo& e = g.entries()[static_cast<size_t>(ch.entry)];
      const Candidate& item = candidates[static_cast<size_t>(next)];
      if (ch.gated_out && TriggerImplies(trig, e, true) &&
          !g.alias_core(static_cast<uint32_t>(item.alias)).very_common) {
        ch.valid = true;
        ch.gated_out = false;
        ch.score = kScoreGatedModel;
        ch.supported = true;
        ch.evidence.trigger = true;
        --stats->gated_dropped;
        if (options.explain_features > 0) {
          const double score = ctx.model.Score(g, ctx.rules, ctx.text, ctx.tokens, item, e.type,
                                               ch.evidence, &s->buf);
          ch.explain = AddExplanation(options, ctx, item, e.type, ch.evidence, score, true);
        }
      } else if (!ch.valid || e.type != EntityType::kPlace) {
        break;
      }
      end = item.tok_end;
    }
  }
}

// Whether the words of rule candidate `r` are an alias of entry `e`, its first word read as
// أبو when it is أبي or أبا (a kunya in any case: أبي مصعب الزرقاوي).
bool RuleNameIsAliasOf(const Gazetteer& g, const Context& ctx, const Candidate& r, uint32_t e) {
  uint32_t node = 0;
  for (uint32_t t = r.tok_begin; t < r.tok_end; ++t) {
    std::string_view w = ctx.Word(t);
    if (t == r.tok_begin) {
      w = w.substr(r.clitic_bytes);
      if (w == "\xD8\xA7\xD8\xA8\xD9\x8A" || w == "\xD8\xA7\xD8\xA8\xD8\xA7") {  // ابي ابا
        w = "\xD8\xA7\xD8\xA8\xD9\x88";  // ابو
      }
    }
    node = g.Child(node, g.WordId(w));
    if (node == 0) return false;
  }
  const int32_t a = g.NodeAlias(node);
  if (a < 0) return false;
  const AliasCore& ac = g.alias_core(static_cast<uint32_t>(a));
  return std::find(g.alias_entries_begin(ac), g.alias_entries_end(ac), e) !=
         g.alias_entries_end(ac);
}

// The letters of a normalized word but ا و ي, which transliterations add or drop (فرنسوا،
// فرانسوا؛ دمتري، ديمتري).
std::string Consonants(std::string_view w) {
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(w[i]);
    if (i + 1 < w.size() && ((b == 0xD8 && static_cast<unsigned char>(w[i + 1]) == 0xA7) ||
                             (b == 0xD9 && (static_cast<unsigned char>(w[i + 1]) == 0x88 ||
                                            static_cast<unsigned char>(w[i + 1]) == 0x8A)))) {
      ++i;
      continue;
    }
    out.push_back(w[i]);
  }
  return out;
}

// The sound class of the first letter of `consonants` (Consonants: Arabic letters, two bytes
// each, or Latin): letters that foreign names' transliterations interchange share one.
uint32_t FirstLetterClass(std::string_view consonants) {
  const uint32_t cp = (static_cast<uint32_t>(static_cast<unsigned char>(consonants[0])) << 8) |
                      static_cast<unsigned char>(consonants[1]);
  switch (cp) {
    case 0xD987: case 0xD8AD: case 0xD8AE: return 0xD987;                // ه ح خ
    case 0xD983: case 0xD982: case 0xD8BA: case 0xDAAF: return 0xD983;  // ك ق غ گ
    case 0xD8AA: case 0xD8B7: return 0xD8AA;                            // ت ط
    case 0xD8B3: case 0xD8B5: case 0xD8AB: return 0xD8B3;                // س ص ث
    case 0xD8B2: case 0xD8B0: case 0xD8B8: case 0xD8B6: return 0xD8B2;  // ز ذ ظ ض
    case 0xD8AF: return 0xD8AF;                                          // د
    case 0xD981: case 0xDAA4: case 0xD8A8: case 0xD9BE: return 0xD981;  // ف ڤ ب پ
    case 0xD8AC: case 0xDA86: return 0xD8AC;                            // ج چ
    default: return cp;
  }
}

// Whether the first word of a rule's name, `first` (normalized), may be a given name of
// person `e` as its canonical Arabic name spells them (the words before the last): the
// consonants of the shorter, two letters at least, begin those of the longer (سيرغيه/سيرغي
// لافروف، إيف/جان إيف لودريان، محمد/أبو محمد الجولاني; not كمال/وليد جنبلاط). With
// `initial_only`, only their first consonants are compared, as letters that transliterate the
// same sound (ه/ح هاكان/حقان، ب/ف/ڤ، ت/ط …) (FirstLetterClass).
bool SameFirstName(const Gazetteer& g, uint32_t e, std::string_view first, std::string* buf,
                   bool initial_only = false) {
  if (!Normalize(g.entries()[e].name_ar, buf, nullptr).ok()) return false;
  const std::string a = Consonants(first);
  std::string_view rest = *buf;
  for (size_t sp; (sp = rest.find(' ')) != std::string_view::npos; rest.remove_prefix(sp + 1)) {
    const std::string b = Consonants(rest.substr(0, sp));
    const size_t n = std::min(a.size(), b.size());
    if (initial_only) {
      if (a.size() >= 2 && b.size() >= 2 && FirstLetterClass(a) == FirstLetterClass(b)) return true;
      continue;
    }
    if (n >= 4 && a.compare(0, n, b, 0, n) == 0) return true;  // two letters: four bytes
  }
  return false;
}

// A person's one-word alias (a family name: هولاند، المالكي) that ends a longer person's name
// a rule found (الرئيس فرنسوا هولاند، فايز المالكي) gives way to that name. The name is the
// listed person when it is one of the person's aliases (أبي بكر البغدادي), when its first
// word spells the person's first name (SameFirstName), or when that word is no Arabic given
// name (data/given_names.tsv) and the family name no Arabic one with the article (الجنرال جو
// دانفورد، فرانك- فالتر شتاينماير: the first name as the news spells it). Else it is someone
// of the same family (سليمان الأسد، كمال جنبلاط، المصور جلاء العبادي), unlinked. So does the
// one-word name of a village or neighbourhood (a family name too: منذر ماخوس); so does the name of
// a minor place — no country, governorate or region, prominence kFamilyNamePlaceProminence or
// less: a district's town, a sub-district, a crossing, a small foreign city — at the end of a
// person's name a rule found that starts with a given name (FamilyNameOfPlace: العقيد تامر الرفاعي،
// وقال محمد القصير، اللواء يحيى صفوي), but not one that is also a word unless a title or role
// comes before it (على كامل الزبداني "all of Zabadani"); and a
// person's name, of any length, that ends the name of a place, group or body a rule found named
// after the person (column next = named: جامع أنس بن مالك، مطار شارل ديغول).
constexpr int32_t kFamilyNamePlaceProminence = 70;

bool IsMinorPlace(const EntryCore& core) {
  return core.type == EntityType::kPlace &&
         (core.flags & (EntryCore::kBroad | EntryCore::kCountry)) == 0 &&
         core.prominence <= kFamilyNamePlaceProminence;
}

// Whether person rule candidate `r`, which ends with place candidate `c`, names a person whose
// family name is the place's: its first word, with no proclitic, is a given name — one that is
// no ordinary word, or any after a title or role (العقيد تامر الرفاعي) — and each word between
// it and the place a given name, بن/ابن/بنت or the word after عبد (محمد عبد العزيز محمد القصير):
// صلاح نجم ليفربول "Salah, Liverpool's star", وحافظ ليفربول "Liverpool kept", الفريق أمام ليفربول
// "the team against Liverpool" are no names.
bool FamilyNameOfPlace(const RuleSet& rules, const Context& ctx, const Candidate& r,
                       const Candidate& c) {
  const Rule& rule = rules.rule(static_cast<size_t>(r.rule));
  if (rule.type != EntityType::kPerson || r.clitic_bytes > 0) return false;
  const std::string_view first = ctx.Word(r.tok_begin);
  if (!rules.IsGivenName(first) ||
      (rule.next == Rule::Next::kGiven && rules.IsWeakGivenName(first))) {
    return false;
  }
  for (uint32_t t = r.tok_begin + 1; t < c.tok_begin; ++t) {
    const std::string_view w = ctx.Word(t);
    const bool after_abd = ctx.Word(t - 1) == "\xD8\xB9\xD8\xA8\xD8\xAF";  // عبد العزيز
    if (!rules.IsGivenName(w) && !IsNasabWord(w) && !after_abd) return false;
  }
  return true;
}

// Whether person alias candidate `c`, a chain of names (بن inside it: عبد الله بن عبد العزيز),
// goes on past its end with بن and a name, so naming someone else (عبدالله بن عبدالعزيز بن
// مساعد, not King Abdullah). An entry's own longer chain is an alias of its own (تميم بن حمد بن
// خليفة، محمد بن سلمان بن عبد العزيز), which the gazetteer's pass matches as the longer alias.
bool ChainGoesOn(const Context& ctx, const Candidate& c) {
  if (c.tok_end + 1 >= ctx.tokens.size() || ctx.tokens[c.tok_end].gap != Gap::kSpace ||
      !IsNasabWord(ctx.Word(c.tok_end))) {
    return false;
  }
  for (uint32_t t = c.tok_begin + 1; t + 1 < c.tok_end; ++t) {
    if (IsNasabWord(ctx.Word(t))) return true;
  }
  return false;
}

// Whether person alias candidate i of several words is part of a longer name a rule found
// (`s->person_rule_spans`), and not the person: one that ends the name of a place, group or
// body named after the person (جامع أنس بن مالك، مطار شارل ديغول); one right after بن in a
// longer person's name, the father in the son's chain (الأمير متعب بن عبد الله بن عبد العزيز is
// Mutaib, not King Abdullah), unless the son is a listed person himself (سليمان الأسد ابن هلال
// الأسد names both); and a chain that goes on past it (ChainGoesOn).
bool PersonInsideLongerName(const RuleSet& rules, const Context& ctx,
                            const std::vector<Candidate>& candidates, size_t i,
                            const ResolveScratch* s) {
  const Candidate& c = candidates[i];
  bool after_nasab = c.tok_begin > 1 && IsNasabWord(ctx.Word(c.tok_begin - 1));
  for (size_t j = 0; j < candidates.size() && after_nasab; ++j) {
    after_nasab = !(candidates[j].alias >= 0 && s->choices[j].valid &&
                    candidates[j].tok_end + 1 == c.tok_begin);
  }
  const bool chain_goes_on = ChainGoesOn(ctx, c);
  for (const auto& [start, ri] : s->person_rule_spans) {
    const Candidate& r = candidates[ri];
    if (start > c.norm_start) continue;
    const Rule& rule = rules.rule(static_cast<size_t>(r.rule));
    if (rule.type == EntityType::kPerson
            ? (after_nasab && r.norm_end > c.norm_start && r.tok_begin + 1 < c.tok_begin) ||
                  (chain_goes_on && r.norm_end > c.norm_end)
            : start < c.norm_start && r.norm_end == c.norm_end &&
                  rule.next == Rule::Next::kNamed) {
      return true;
    }
  }
  return false;
}

void FamilyNamesInLongerNames(const Gazetteer& g, const RuleSet& rules, const Context& ctx,
                              const std::vector<Candidate>& candidates, ResolveScratch* s) {
  std::vector<std::pair<uint32_t, uint32_t>>& people = s->person_rule_spans;  // (start, index)
  people.clear();
  for (uint32_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.alias < 0 && (rules.rule(static_cast<size_t>(c.rule)).type == EntityType::kPerson ||
                        rules.rule(static_cast<size_t>(c.rule)).next == Rule::Next::kNamed)) {
      people.emplace_back(c.norm_start, i);
    }
  }
  if (people.empty()) return;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    Choice& ch = s->choices[i];
    if (c.alias < 0 || !ch.valid || ch.entry < 0 || c.clitic_bytes > 0) continue;
    const EntryCore& core = g.core(static_cast<uint32_t>(ch.entry));
    if (c.tok_end != c.tok_begin + 1) {
      if (core.type == EntityType::kPerson && PersonInsideLongerName(rules, ctx, candidates, i, s)) {
        ch.valid = false;
      }
      continue;
    }
    const bool village =
        core.type == EntityType::kPlace && (core.flags & EntryCore::kNeedsTrigger);
    const bool minor_place = !village && IsMinorPlace(core);
    if (core.type != EntityType::kPerson && !village && !minor_place) continue;
    for (const auto& [start, ri] : people) {
      const Candidate& r = candidates[ri];
      if (start >= c.norm_start || r.norm_end != c.norm_end) continue;
      if (minor_place && !FamilyNameOfPlace(rules, ctx, r, c)) continue;
      ch.valid = false;
      // A family name like a village's (منذر ماخوس) or a minor place's, or a person's one-word
      // name ending the name of what is named after them.
      if (village || minor_place ||
          rules.rule(static_cast<size_t>(r.rule)).type != EntityType::kPerson) {
        break;
      }
      const uint32_t e = static_cast<uint32_t>(ch.entry);
      const std::string_view first = ctx.Word(r.tok_begin).substr(r.clitic_bytes);
      // A foreign first name as the news spells it shares the person's first letter at least
      // (جو/جوزيف دانفورد; not بريجيت/إيمانويل ماكرون, his wife).
      const bool foreign = !rules.IsGivenName(first) &&
                           ctx.Word(c.tok_begin).substr(0, 4) != "\xD8\xA7\xD9\x84" &&  // ال
                           SameFirstName(g, e, first, &s->buf, true);
      if (foreign || RuleNameIsAliasOf(g, ctx, r, e) || SameFirstName(g, e, first, &s->buf)) {
        s->choices[ri].entry = ch.entry;
      }
      break;
    }
  }
}

// A person's rule-made name that starts after بن, right where another valid person's name ends
// (فيصل بن سلمان | بن | عبد العزيز أمير …): the father's name in the first one's chain
// (Context::FatherInChain), not a person of its own. Only where the son's name was found: a
// rule-made name after a son's given name no candidate covers (صالح بن إبراهيم الرشيد) stays.
void DropFathersInChains(const Gazetteer& g, const RuleSet& rules, const Context& ctx,
                         const std::vector<Candidate>& candidates, ResolveScratch* s) {
  auto is_person = [&](size_t j) {
    const Candidate& q = candidates[j];
    if (!s->choices[j].valid) return false;
    if (q.alias >= 0) {
      return s->choices[j].entry >= 0 &&
             g.core(static_cast<uint32_t>(s->choices[j].entry)).type == EntityType::kPerson;
    }
    return rules.rule(static_cast<size_t>(q.rule)).type == EntityType::kPerson;
  };
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.alias >= 0 || !s->choices[i].valid || !is_person(i) || !ctx.FatherInChain(c)) continue;
    for (size_t j = 0; j < candidates.size(); ++j) {
      if (j != i && candidates[j].tok_end + 1 == c.tok_begin && is_person(j)) {
        s->choices[i].valid = false;
        break;
      }
    }
  }
}

// One country per segment for a name: where a trigger word picked a namesake of an alias
// (مدينة كربلاء, the Iraqi city), the same alias named later or earlier without one is not a
// namesake of the same type in another country, which a relative named nearby would pick
// (كربلاء after المالكية, a club's name, is no Syrian village), but the trigger's. Only where
// the triggers of the segment picked one entry for the alias; namesakes of one country (a city
// and its governorate) are left to each mention.
void OneNamesakePerSegment(const Gazetteer& g, const std::vector<Candidate>& candidates,
                           ResolveScratch* scratch) {
  std::vector<Choice>& choices = scratch->choices;
  std::vector<std::pair<int32_t, int32_t>>& picked = scratch->picked;  // (alias, entry or -1)
  picked.clear();
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Choice& ch = choices[i];
    if (candidates[i].alias < 0 || !ch.valid || !ch.by_trigger || ch.alternatives == 0) continue;
    auto it = std::find_if(picked.begin(), picked.end(),
                           [&](const auto& p) { return p.first == candidates[i].alias; });
    if (it == picked.end()) {
      picked.emplace_back(candidates[i].alias, ch.entry);
    } else if (it->second != ch.entry) {
      it->second = -1;  // two triggers, two namesakes: no sense for the segment
    }
  }
  if (picked.empty()) return;
  for (size_t i = 0; i < candidates.size(); ++i) {
    Choice& ch = choices[i];
    if (candidates[i].alias < 0 || !ch.valid || ch.by_trigger || ch.alternatives == 0) continue;
    for (const auto& [alias, entry] : picked) {
      if (alias != candidates[i].alias || entry < 0) continue;
      const EntryInfo& now = g.entries()[static_cast<size_t>(ch.entry)];
      const EntryInfo& then = g.entries()[static_cast<size_t>(entry)];
      if (now.type == then.type && !now.country.empty() && !then.country.empty() &&
          now.country != then.country) {
        ch.entry = entry;
      }
    }
  }
}

// Whether `country` is one of `named`.
bool IsNamed(const std::vector<std::string_view>& named, std::string_view country) {
  return std::find(named.begin(), named.end(), country) != named.end();
}

// For DropUnplacedLocalPlaces: a choice `i` a trigger word alone made, whose country the
// segment (`named`) does not name, becomes the alias's namesake of its type in a country it
// names, else a place without an entry (Choice::unlisted); so do the alias's other mentions
// of the same entry.
void PlaceByTheSegment(const Gazetteer& g, const std::vector<Candidate>& candidates, size_t i,
                       const std::vector<std::string_view>& named, std::vector<Choice>* choices) {
  const int32_t old = (*choices)[i].entry;
  const EntityType type = g.core(static_cast<uint32_t>(old)).type;
  int32_t other = -1;
  const AliasCore& a = g.alias_core(static_cast<uint32_t>(candidates[i].alias));
  for (const uint32_t* it = g.alias_entries_begin(a); it != g.alias_entries_end(a); ++it) {
    const EntryInfo& e = g.entries()[*it];
    if (e.type == type && !e.country.empty() && IsNamed(named, e.country) &&
        (other < 0 || g.core(*it).prominence > g.core(static_cast<uint32_t>(other)).prominence)) {
      other = static_cast<int32_t>(*it);
    }
  }
  for (size_t j = 0; j < candidates.size(); ++j) {
    Choice& m = (*choices)[j];
    if (j != i && (candidates[j].alias != candidates[i].alias || !m.valid || m.entry != old)) {
      continue;
    }
    if (other >= 0) {
      m.entry = other;
    } else {
      m.unlisted = true;
      m.score = kScoreUnlistedPlace;
    }
  }
}

// A local place (EntryCore::kLocalPlace: a village, town, neighbourhood or sub-district) that no
// trigger word, relative or cue supports, or only a trigger word, is that place only where the
// segment names another entity of its country that is no such place (its country, a city, a
// faction, a person) or its country's adjective follows it: in news of the region a village is
// named with its area, while the same word in a text about something else is a word or a
// namesake abroad (الزر "the button", القيروان in Tunisia, وجبة "a meal"; مدينة جنان in China,
// حي العباسية in Cairo, منطقة الخريطة "the map's area"). So is a name of the war that general
// news uses as an ordinary word (AliasCore::word_elsewhere: الأسد in نصيب الأسد "the lion's
// share", الحشد "the crowd"). Such a choice after a trigger word becomes the alias's namesake of
// its type in a country the segment names, where there is one, else a place without an entry
// (kUnlistedPlaceRule: the trigger word says it is a place, not which); any other is dropped,
// kept only with ExtractorOptions::keep_ungated (at kScoreUngated). Entries without a country
// are left alone.
void DropUnplacedLocalPlaces(const Gazetteer& g, const ExtractorOptions& options,
                             const Context& ctx, const std::vector<Candidate>& candidates,
                             ResolveScratch* scratch) {
  std::vector<Choice>& choices = scratch->choices;
  auto unplaced = [&](size_t i) {
    const Choice& ch = choices[i];
    if (ch.supported && !ch.trigger_only) return false;
    const bool local = g.core(static_cast<uint32_t>(ch.entry)).flags & EntryCore::kLocalPlace;
    return local || (!ch.supported &&
                     g.alias_core(static_cast<uint32_t>(candidates[i].alias)).word_elsewhere);
  };
  bool any = false;
  for (size_t i = 0; i < candidates.size() && !any; ++i) {
    any = candidates[i].alias >= 0 && choices[i].valid && unplaced(i);
  }
  if (!any) return;
  std::vector<std::string_view>& named = scratch->countries;
  named.clear();
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Choice& ch = choices[i];
    if (candidates[i].alias < 0 || !ch.valid || unplaced(i)) continue;
    const std::string_view country = g.entries()[static_cast<size_t>(ch.entry)].country;
    if (!country.empty()) named.push_back(country);
  }
  // Whether candidate i's entry is placed after all: its country named, or its country's
  // adjective right after it (بلدة القاع اللبنانية).
  auto placed = [&](size_t i) {
    const std::string_view country = g.entries()[static_cast<size_t>(choices[i].entry)].country;
    const Candidate& c = candidates[i];
    return country.empty() || IsNamed(named, country) ||
           (c.tok_end < ctx.tokens.size() && ctx.tokens[c.tok_end].gap == Gap::kSpace &&
            Context::IsCountryAdjective(ctx.Word(c.tok_end), country));
  };
  // First the choices a trigger word alone made (PlaceByTheSegment: أحياء عدن in news of Yemen
  // is Aden, not the neighbourhood of Mosul that the trigger word's kind chose; the alias's
  // other mentions of the entry, which OneNamesakePerSegment gave the trigger's choice, follow).
  for (size_t i = 0; i < candidates.size(); ++i) {
    Choice& ch = choices[i];
    if (candidates[i].alias < 0 || !ch.valid || !ch.trigger_only || !unplaced(i) || placed(i)) {
      continue;
    }
    PlaceByTheSegment(g, candidates, i, named, &choices);
  }
  // Then the others: dropped.
  for (size_t i = 0; i < candidates.size(); ++i) {
    Choice& ch = choices[i];
    if (candidates[i].alias < 0 || !ch.valid || ch.unlisted || !unplaced(i) || placed(i)) continue;
    ch.valid = options.keep_ungated;
    ch.score = kScoreUngated;
  }
}

// Step 2: gates the gazetteer candidates and chooses their entries; a rule's candidate is
// valid only where no valid alias covers it (rules fill the gaps the gazetteer leaves).
// A rule-made name yields to any valid alias that overlaps it; one of a head word with the
// ordinary-word alias it leads (column `next` = lookalike: لواء النصر) only to an alias that
// will be shown, not to that alias gated out as a word, and that reaches out of it or starts at
// the alias: a name after the alias is part of it (علي بن أبي طالب in مسجد الإمام علي بن أبي
// طالب; the gold does not nest), but an alias shown as a name is that name (منظمة القاعدة).
// A place's name of two words found by a rule of its own (column `next` empty) does not yield
// to an alias that is its second word when its first is no descriptor (triggers.tsv: ريف،
// بادية stay outside a name): a head word of the pattern makes another place (حي باب طبرق،
// قرية كفر داعل, not Tobruk, not داعل).
void ValidateRuleCandidates(const Gazetteer& g, const RuleSet& rules,
                            const ExtractorOptions& options, std::string_view text,
                            const std::vector<Token>& tokens,
                            const std::vector<Candidate>& candidates, ResolveScratch* scratch) {
  std::vector<Choice>& choices = scratch->choices;
  std::vector<ResolveScratch::Covered>& covered = scratch->covered;
  covered.clear();
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].alias >= 0 && choices[i].valid) {
      covered.push_back({candidates[i].norm_start, candidates[i].norm_end,
                         choices[i].score >= options.min_score});
    }
  }
  std::sort(covered.begin(), covered.end(), [](const auto& x, const auto& y) {
    return std::tie(x.start, x.end) < std::tie(y.start, y.end);
  });
  auto overlaps_alias = [&](const Candidate& c, bool lookalike, bool place) {
    auto it = std::lower_bound(
        covered.begin(), covered.end(), c.norm_end,
        [](const ResolveScratch::Covered& x, uint32_t end) { return x.start < end; });
    const bool head_and_alias = place && c.tok_end == c.tok_begin + 2 && c.clitic_bytes == 0 &&
                                g.FindTrigger(Word(text, tokens[c.tok_begin])) == nullptr;
    while (it != covered.begin()) {
      --it;
      if (head_and_alias && it->start == tokens[c.tok_begin + 1].start &&
          it->end == c.norm_end) {
        continue;
      }
      if (it->end > c.norm_start &&
          (!lookalike || (it->shown && (it->start <= tokens[c.tok_begin + 1].start ||
                                        it->end > c.norm_end)))) {
        return true;
      }
      if (it->start + 400 < c.norm_start) break;  // aliases are shorter than this
    }
    return false;
  };
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.alias >= 0) continue;
    const Rule& r = rules.rule(static_cast<size_t>(c.rule));
    choices[i].valid = !overlaps_alias(c, r.next == Rule::Next::kLookalike,
                                       r.type == EntityType::kPlace && r.next == Rule::Next::kAny);
    choices[i].score = r.score;
  }
}

void Choose(const Gazetteer& g, const RuleSet& rules, const ExtractorOptions& options,
            const Context& ctx, const std::vector<Candidate>& candidates,
            ResolveScratch* scratch, ExtractStats* stats) {
  std::vector<Choice>& choices = scratch->choices;
  choices.assign(candidates.size(), Choice());
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.alias < 0) continue;
    // A word with tanween is no name (دوماً "always", أمريكياً "American").
    if (ctx.original.Tanween(ctx.text, ctx.tokens[c.tok_end - 1])) continue;  // stays invalid
    const bool ambiguous = g.alias_core(static_cast<uint32_t>(c.alias)).ambiguous;
    // Whether a place name comes right before: computed when first asked, as most
    // candidates never ask.
    std::optional<PlaceBefore> before;
    auto prev_place = [&] {
      if (!before) before = PlaceBeforeOf(g, candidates, choices, i, ctx);
      return *before;
    };
    auto jihadist_in_clause = [&] { return JihadistGroupInClause(g, candidates, i, ctx); };
    choices[i] = Decide(g, options, ctx, c, prev_place,
                        ambiguous ? JoinedTypesOf(g, candidates, i, ctx) : 0,
                        jihadist_in_clause, stats);
    // A word that is a given name as a whole is that name, not a proclitic before an alias
    // (فاطمة, not ف + أطمة; فراس, not ف + راس).
    if (c.clitic_bytes > 0 && choices[i].valid && rules.IsGivenName(ctx.Word(c.tok_begin))) {
      choices[i].valid = false;
    }
  }
  ConfirmByDocument(g, options, ctx, candidates, scratch, stats);
  KeepListedPlaces(g, options, ctx, candidates, scratch, stats);
  FamilyNamesInLongerNames(g, rules, ctx, candidates, scratch);
  OneNamesakePerSegment(g, candidates, scratch);
  DropUnplacedLocalPlaces(g, options, ctx, candidates, scratch);
  ValidateRuleCandidates(g, rules, options, ctx.text, ctx.tokens, candidates, scratch);
  DropFathersInChains(g, rules, ctx, candidates, scratch);
  // A rule-made person after a ruler's title after a facility's head word is that facility's
  // name cut short, as a listed person there is (Context::FacilityHeadBeforeTitle).
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (c.alias < 0 && choices[i].valid &&
        rules.rule(static_cast<size_t>(c.rule)).type == EntityType::kPerson &&
        ctx.FacilityHeadBeforeTitle(c)) {
      choices[i].valid = false;
    }
  }
}

// Step 3: leftmost-longest over the valid candidates. The order: start, longest first,
// gazetteer before rules, unambiguous first, fewer proclitics, then alias and rule; each
// candidate's key is read once, not at every comparison.
void SelectLeftmostLongest(const Gazetteer& g, const ExtractorOptions& options,
                           const std::vector<Token>& tokens,
                           const std::vector<Candidate>& candidates, ResolveScratch* scratch,
                           std::vector<Resolved>* out, ExtractStats* stats) {
  std::vector<CandidateOrder>& order = scratch->order;
  order.resize(candidates.size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    const Candidate& c = candidates[i];
    const bool ambiguous = c.alias >= 0 && g.alias_core(static_cast<uint32_t>(c.alias)).ambiguous;
    order[i] = CandidateOrder{c.norm_start, ~c.norm_end, c.alias < 0, ambiguous,
                              c.clitic_bytes, c.alias, c.rule, i};
  }
  std::sort(order.begin(), order.end(), [](const CandidateOrder& x, const CandidateOrder& y) {
    return std::tie(x.start, x.inverse_end, x.by_rule, x.ambiguous, x.clitic_bytes, x.alias,
                    x.rule, x.index) < std::tie(y.start, y.inverse_end, y.by_rule, y.ambiguous,
                                                y.clitic_bytes, y.alias, y.rule, y.index);
  });
  uint32_t last_end = 0;
  for (const CandidateOrder& o : order) {
    const Candidate& c = candidates[o.index];
    const Choice& ch = scratch->choices[o.index];
    if (c.norm_start < last_end || !ch.valid || ch.score < options.min_score) continue;
    // An alias led by a descriptor word (ريف دمشق) covers it, but its span leaves it out.
    const bool descriptor =
        c.alias >= 0 && g.alias_core(static_cast<uint32_t>(c.alias)).descriptor_first;
    const uint32_t start = descriptor ? tokens[c.tok_begin + 1].start : c.norm_start;
    out->push_back(Resolved{start, c.norm_end, ch.unlisted ? -1 : ch.entry, c.alias,
                            ch.unlisted ? kUnlistedPlaceRule : c.rule, ch.score,
                            ch.unlisted ? 0 : ch.alternatives, ch.explain, c.trigger});
    if (c.alias < 0 || ch.unlisted) ++stats->rule_entities;
    last_end = c.norm_end;
  }
}

}  // namespace

void BeginResolveDocument(ResolveScratch* scratch) {
  scratch->document_people.clear();
  scratch->explanations.clear();
}

void RememberPerson(const Gazetteer& g, const Resolved& r, ResolveScratch* scratch) {
  const std::string_view surname = SurnameOf(g, r);
  if (!surname.empty()) scratch->document_people.emplace_back(surname, SurnameValue(g, r));
}

void Resolve(const Gazetteer& g, const RuleSet& rules, const ContextModel& model,
             const ExtractorOptions& options, std::string_view normalized, const std::vector<Token>& tokens,
             const std::vector<Candidate>& candidates, const OriginalReading& original,
             ResolveScratch* scratch, std::vector<Resolved>* out, ExtractStats* stats) {
  out->clear();
  Context ctx{g, normalized, tokens, scratch, rules, model, original};
  CollectMentions(g, candidates, scratch);
  Choose(g, rules, options, ctx, candidates, scratch, stats);
  SelectLeftmostLongest(g, options, tokens, candidates, scratch, out, stats);
  // 4. Document consistency.
  if (options.enable_rules && kScoreSurname >= options.min_score) {
    const size_t before = out->size();
    ContinueLists(g, rules, normalized, tokens, scratch, out);
    LinkSurnames(g, rules, normalized, tokens, original, scratch, out);
    stats->rule_entities += out->size() - before;
  }
}

}  // namespace alam::internal
