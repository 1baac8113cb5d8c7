#include "normalize/char_table.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

namespace alam::internal {
namespace {

void AppendUtf8(char32_t cp, std::string* out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(cp), error);
  if (!error) out->append(buf, static_cast<size_t>(len));
}

// The letter and digit folds of the normalization contract, applied after NFKC.
char32_t Fold(char32_t c) {
  switch (c) {
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: return 0x0627;  // أ إ آ ٱ → ا
    case 0x0649: return 0x064A;                                        // ى → ي
    case 0x0629: return 0x0647;                                        // ة → ه
    case 0x06A9: return 0x0643;                                        // ک → ك
    case 0x06CC: return 0x064A;                                        // ی → ي
    case 0x06D5: return 0x0647;                                        // ە → ه
    default: break;
  }
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  if (c != U' ' && u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR) return U' ';
  if (c < 0x80) return (c >= U'A' && c <= U'Z') ? c + 32 : c;
  UErrorCode status = U_ZERO_ERROR;
  if (u_isalpha(static_cast<UChar32>(c)) &&
      uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_LATIN && U_SUCCESS(status)) {
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
  }
  return c;
}

const icu::Normalizer2* Nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

}  // namespace

bool CharTable::IsStripped(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) ||
         (c >= 0x06E7 && c <= 0x06E8) || (c >= 0x06EA && c <= 0x06ED) || c == 0x0640 ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C ||
         c == 0xFEFF || c == 0x00AD || c == 0x034F;
}

bool CharTable::IsWord(char32_t c) {
  if (c < 0x80) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
  }
  const UChar32 u = static_cast<UChar32>(c);
  return u_isalnum(u) || (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0;
}

CharClass CharTable::ClassOf(char32_t cp) {
  if (IsWord(cp)) return CharClass::kWord;
  switch (cp) {
    case U' ':
    case U'\t':
    case U'_':  // joins the words of a hashtag (#حزب_الله، #بشار_الأسد) as a space does
    case U'#':  // starts a hashtag, also inside a name (سعد #الحريري، ميشيل #عون)
      return CharClass::kSpace;
    case U'"': case U'\'': case U'(': case U')': case U'[': case U']':
    case 0x201C: case 0x201D: case 0x2018: case 0x2019: case 0x00AB: case 0x00BB:
    case 0x201E: case 0x2039: case 0x203A:
      return CharClass::kQuote;
    default:
      return CharClass::kOther;
  }
}

std::string CharTable::MapCodePoint(char32_t cp, bool* deleted) {
  std::string out;
  *deleted = false;
  if (IsStripped(cp)) {
    *deleted = true;
    return out;
  }
  const icu::Normalizer2* n = Nfkc();
  if (n != nullptr && n->isInert(static_cast<UChar32>(cp))) {
    // NFKC leaves an inert code point as it is (most of the table): no string to normalize.
    AppendUtf8(Fold(cp), &out);
    if (out.empty()) *deleted = true;
    return out;
  }
  icu::UnicodeString src(static_cast<UChar32>(cp));
  icu::UnicodeString nfkc;
  UErrorCode status = U_ZERO_ERROR;
  if (n != nullptr) nfkc = n->normalize(src, status);
  if (n == nullptr || U_FAILURE(status)) nfkc = src;
  for (int32_t i = 0; i < nfkc.length();) {
    const UChar32 c = nfkc.char32At(i);
    i += U16_LENGTH(c);
    if (IsStripped(static_cast<char32_t>(c))) continue;
    AppendUtf8(Fold(static_cast<char32_t>(c)), &out);
  }
  if (out.empty()) *deleted = true;
  return out;
}

CharTable::CharTable() {
  for (uint32_t cp = 0; cp < 0x10000; ++cp) {
    CharEntry& e = bmp_[cp];
    e = CharEntry{0, 0, CharAction::kKeep, false, ClassOf(cp), ClassOf(cp)};
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates never reach the table
    bool deleted = false;
    const std::string mapped = MapCodePoint(cp, &deleted);
    if (deleted) {
      e.action = CharAction::kDelete;
      continue;
    }
    std::string self;
    AppendUtf8(cp, &self);
    if (mapped == self) continue;
    e.action = CharAction::kReplace;
    e.pool_offset = static_cast<uint32_t>(pool_.size());
    e.length = static_cast<uint8_t>(mapped.size());
    const int32_t mapped_cps = static_cast<int32_t>(
        icu::UnicodeString::fromUTF8(mapped).countChar32());
    e.same_shape = mapped_cps == 1 && mapped.size() == self.size();
    const icu::UnicodeString m = icu::UnicodeString::fromUTF8(mapped);
    e.out_class = mapped_cps == 1 ? ClassOf(static_cast<char32_t>(m.char32At(0))) : CharClass::kMixed;
    pool_ += mapped;
  }
  for (uint32_t cp = 0; cp < 0x800; ++cp) {
    const CharEntry& e = bmp_[cp];
    uint32_t f = 0;
    if (e.action == CharAction::kDelete) {
      f = kFastDelete;
    } else if (e.action == CharAction::kKeep || (e.same_shape && e.out_class != CharClass::kMixed)) {
      std::string out;
      if (e.action == CharAction::kKeep) {
        AppendUtf8(cp, &out);
      } else {
        out.assign(pool_, e.pool_offset, e.length);
      }
      uint32_t bytes = static_cast<uint8_t>(out[0]);
      if (out.size() == 2) bytes |= static_cast<uint32_t>(static_cast<uint8_t>(out[1])) << 8;
      f = kFastSimple | bytes | (static_cast<uint32_t>(e.out_class) << kFastClassShift);
    }
    fast_[cp] = f;
  }
}

const CharTable& CharTable::Get() {
  static const CharTable* table = new CharTable();  // immutable after construction
  return *table;
}

}  // namespace alam::internal
