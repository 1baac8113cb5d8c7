// Private: the per-code-point normalization table, built from ICU data once per process.
#ifndef ALAM_SRC_NORMALIZE_CHAR_TABLE_H_
#define ALAM_SRC_NORMALIZE_CHAR_TABLE_H_

#include <cstdint>
#include <string>

namespace alam::internal {

// What the normalizer does with one code point.
enum class CharAction : uint8_t { kKeep = 0, kDelete = 1, kReplace = 2 };

// How the tokenizer sees a code point: part of a word (letter, mark, digit), or a separator of
// one of three kinds (see tokenizer.h: Gap). kMixed: a replacement of several code points.
enum class CharClass : uint8_t { kWord = 0, kSpace = 1, kQuote = 2, kOther = 3, kMixed = 4 };

struct CharEntry {
  uint32_t pool_offset;  // kReplace: bytes in CharTable::pool
  uint8_t length;        // kReplace: number of bytes
  CharAction action;
  bool same_shape;       // kReplace: one code point of the same UTF-8 length (offsets stay linear)
  CharClass self_class;  // the class of the code point itself
  CharClass out_class;   // the class of what the normalizer writes for it (kKeep: self_class)
  bool word() const { return self_class == CharClass::kWord; }
};

// The normalizer's fast path: one 32-bit word per code point below U+0800 (ASCII and every
// two-byte UTF-8 sequence, so all of Arabic, « » and NBSP). kFastSimple: the code point is kept
// or folded to one code point of the same UTF-8 length (the offsets stay linear); its output
// bytes are in the low 16 bits (little-endian) and the class of the output in bits 16–18.
// kFastDelete: the code point is removed. Neither: the general path.
inline constexpr uint32_t kFastSimple = 1u << 20;
inline constexpr uint32_t kFastDelete = 1u << 21;
inline constexpr int kFastClassShift = 16;

class CharTable {
 public:
  // The process-wide immutable table (built on first use, thread-safe).
  static const CharTable& Get();

  const CharEntry& bmp(uint32_t cp) const { return bmp_[cp]; }
  const char* pool() const { return pool_.data(); }
  // See kFastSimple: 0x800 entries, by code point.
  const uint32_t* fast_table() const { return fast_; }

  // The mapping of any code point (also above the BMP), as a UTF-8 string; sets *deleted.
  // This is the reference computation the table is built from (ICU NFKC + strip + fold).
  static std::string MapCodePoint(char32_t cp, bool* deleted);
  static bool IsStripped(char32_t cp);
  static bool IsWord(char32_t cp);
  static CharClass ClassOf(char32_t cp);

 private:
  CharTable();
  CharEntry bmp_[0x10000];
  uint32_t fast_[0x800];
  std::string pool_;
};

}  // namespace alam::internal

#endif  // ALAM_SRC_NORMALIZE_CHAR_TABLE_H_
