// Private: the gazetteer's vocabulary — every word of every alias and trigger — as an
// open-addressing hash table made for the matcher's one lookup per word of a document. A word
// of up to 16 bytes (nearly all) is keyed by its bytes, read in place with two loads where the
// text allows, and hashed by two multiplies. A 64 KB filter turns away nearly every word that
// is not in the vocabulary (most words of a document) before a slot is read. A slot holds the
// word's key, its id and what the matcher needs of a word that starts a reading (its head), in
// 32 bytes: a word found is one cache line, not a slot, a record and a head in three arrays.
// Longer words are hashed byte-wise and compared with their bytes in the arena.
#ifndef ALAM_SRC_CORE_WORD_TABLE_H_
#define ALAM_SRC_CORE_WORD_TABLE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"

namespace alam::internal {

namespace word_table {
// The low `bytes` bytes of a 64-bit word.
constexpr uint64_t Mask(size_t bytes) {
  return bytes >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * bytes)) - 1;
}
}  // namespace word_table

class WordTable {
 public:
  // What the matcher needs of a word that starts a reading.
  struct Head {
    uint32_t node : 31;    // the trie node of the aliases starting with the word, or 0
    uint32_t trigger : 1;  // a rule trigger word
    int32_t alias;         // that node's alias (the one-word alias), or -1
  };
  // A word of the table. Short words (kShort bytes at most) keep their bytes, zero-padded, in
  // `lo` and `hi`; a longer word keeps its offset in the arena in `lo`.
  struct alignas(32) Slot {
    uint64_t lo = 0, hi = 0;
    uint32_t size = 0;
    uint32_t id = 0;  // 0: empty
    Head head{0, 0, -1};
  };

  WordTable() { Rehash(1024); }

  // The slot of `word`, or null when it is not in the table. Valid until the next Insert.
  const Slot* Lookup(std::string_view word) const {
    if (word.size() <= kShort) return FindShort(CopyKey(word), word.size());
    return FindLong(word);
  }
  // Lookup(text.substr(pos, n)) for the matcher's words, which are read in place: when the
  // text holds kShort bytes from `pos` on, the key of a short word is two loads and two masks.
  const Slot* LookupIn(std::string_view text, size_t pos, size_t n) const {
    if (n <= kShort && pos + kShort <= text.size()) {
      const char* p = text.data() + pos;
      return FindShort(Key{Load64(p) & kLowMask[n], Load64(p + 8) & kHighMask[n]}, n);
    }
    return Lookup(text.substr(pos, n));
  }
  // The id of `word` (1, 2, …), or 0 when it is not in the table.
  uint32_t Find(std::string_view word) const {
    const Slot* s = Lookup(word);
    return s != nullptr ? s->id : 0;
  }

  // The id of `word`, added when new (with an empty head).
  uint32_t Insert(std::string_view word) {
    if (const uint32_t id = Find(word); id != 0) return id;
    const uint32_t id = static_cast<uint32_t>(records_.size());
    records_.push_back(
        Record{static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(word.size()), 0});
    arena_.append(word);
    if ((size() + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    Slot s;
    if (word.size() <= kShort) {
      const Key k = CopyKey(word);
      s.lo = k.lo;
      s.hi = k.hi;
    } else {
      s.lo = records_[id].offset;
    }
    s.size = static_cast<uint32_t>(word.size());
    s.id = id;
    Place(s);
    return id;
  }

  size_t size() const { return records_.size() - 1; }
  std::string_view Word(uint32_t id) const {
    return std::string_view(arena_.data() + records_[id].offset, records_[id].size);
  }
  // The head of word `id` (1 ≤ id ≤ size()).
  const Head& head(uint32_t id) const { return slots_[records_[id].slot].head; }
  Head& head(uint32_t id) { return slots_[records_[id].slot].head; }

  // a[0, n) == b[0, n) (internal::BytesEqual).
  static bool BytesEqual(const char* a, const char* b, size_t n) {
    return internal::BytesEqual(a, b, n);
  }

 private:
  // A word of at most kShort bytes (nearly every word) is keyed by its bytes, zero-padded to
  // two 64-bit words; with its length, the key is the word. Longer words are hashed byte-wise
  // and confirmed against the arena.
  static constexpr size_t kShort = 16;
  struct Key {
    uint64_t lo, hi;
  };
  // The bytes of a word of n <= kShort bytes in its first and second 64-bit word.
  static constexpr uint64_t kLowMask[kShort + 1] = {
      word_table::Mask(0), word_table::Mask(1), word_table::Mask(2), word_table::Mask(3),
      word_table::Mask(4), word_table::Mask(5), word_table::Mask(6), word_table::Mask(7),
      ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0},
      ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}};
  static constexpr uint64_t kHighMask[kShort + 1] = {
      0, 0, 0, 0, 0, 0, 0, 0, 0,
      word_table::Mask(1), word_table::Mask(2), word_table::Mask(3), word_table::Mask(4),
      word_table::Mask(5), word_table::Mask(6), word_table::Mask(7), ~uint64_t{0}};
  static uint64_t Load64(const char* q) { return LoadBytes64(q); }
  static Key CopyKey(std::string_view w) {
    uint64_t b[2] = {0, 0};
    if (!w.empty()) std::memcpy(b, w.data(), w.size());  // w.size() <= kShort
    return Key{b[0], b[1]};
  }

  static constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  // Two independent multiplies, then the high half folded into the low (the slot index).
  static uint64_t HashShort(Key k, size_t n) {
    const uint64_t h = (k.lo * kMul) ^ ((k.hi ^ n) * 0xC2B2AE3D27D4EB4Full);
    return h ^ (h >> 32);
  }
  static uint64_t HashLong(std::string_view w) {
    const size_t n = w.size();
    auto mix = [](uint64_t h, uint64_t v) {
      h = (h ^ v) * kMul;
      return h ^ (h >> 32);
    };
    uint64_t h = n * kMul;
    // Whole 8-byte words, then the last 8 bytes (overlapping): no byte-wise tail.
    size_t k = 0;
    for (; k + 8 < n; k += 8) h = mix(h, Load64(w.data() + k));
    h = mix(h, Load64(w.data() + n - 8));
    h *= kMul;
    return h ^ (h >> 29);
  }
  uint64_t HashOf(const Slot& s) const {
    return s.size <= kShort ? HashShort(Key{s.lo, s.hi}, s.size) : HashLong(Word(s.id));
  }

  template <typename Same>
  const Slot* Probe(uint64_t h, Same same) const {
    if (!InFilter(h)) return nullptr;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == 0) return nullptr;
      if (same(s)) return &s;
    }
  }
  const Slot* FindShort(Key k, size_t n) const {
    return Probe(HashShort(k, n),
                 [&](const Slot& s) { return s.lo == k.lo && s.hi == k.hi && s.size == n; });
  }
  const Slot* FindLong(std::string_view w) const {
    return Probe(HashLong(w), [&](const Slot& s) {
      return s.size == w.size() && BytesEqual(arena_.data() + s.lo, w.data(), w.size());
    });
  }

  // A blocked Bloom filter of the words of the table: two bits of one of 8192 64-bit words,
  // 64 KB that stay in the second-level cache and turn away nearly every word that is not in
  // the table before the slots, which do not stay in cache, are read. It was 16 KB for a
  // gazetteer of 9,000 entries; with 24,000 entries (about three times the words, so about
  // three times the bits set) the larger filter read on 20 MB of news: 13% fewer last-level
  // misses, 6% more first-level ones, the same instructions (callgrind's cache simulation).
  // Its bits are taken apart from the slot index's (the low bits).
  static constexpr size_t kFilterWords = 8192;
  static size_t FilterWord(uint64_t h) { return (h >> 15) & (kFilterWords - 1); }
  static uint64_t FilterBits(uint64_t h) {
    return (uint64_t{1} << ((h >> 32) & 63)) | (uint64_t{1} << (h >> 58));
  }
  bool InFilter(uint64_t h) const {
    const uint64_t m = FilterBits(h);
    return (filter_[FilterWord(h)] & m) == m;
  }

  void Place(const Slot& s) {
    const uint64_t h = HashOf(s);
    size_t i = h & mask_;
    while (slots_[i].id != 0) i = (i + 1) & mask_;
    slots_[i] = s;
    records_[s.id].slot = static_cast<uint32_t>(i);
    filter_[FilterWord(h)] |= FilterBits(h);
  }
  void Rehash(size_t n) {
    std::vector<Slot> old(n);
    old.swap(slots_);
    mask_ = n - 1;
    for (const Slot& s : old) {
      if (s.id != 0) Place(s);
    }
  }

  std::vector<uint64_t> filter_ = std::vector<uint64_t>(kFilterWords, 0);
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::string arena_;
  // By id (id 0 is unused): where the word's bytes are in the arena, and its slot.
  struct Record {
    uint32_t offset, size, slot;
  };
  std::vector<Record> records_{Record{0, 0, 0}};
};

}  // namespace alam::internal

#endif  // ALAM_SRC_CORE_WORD_TABLE_H_
