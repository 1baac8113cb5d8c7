// Private: the gazetteer's vocabulary — every word of every alias and trigger — as an
// open-addressing hash table made for the matcher's one lookup per word of a document. A word
// of up to 16 bytes (nearly all) is keyed by its bytes, read in place with two loads where the
// text allows, and hashed by two multiplies. A 16 KB filter turns away nearly every word that
// is not in the vocabulary (most words of a document) before a slot is read, a 32-bit tag per
// slot most of the rest, and the key in the word's record confirms a match; longer words are
// hashed byte-wise and compared with their bytes in the arena.
#ifndef ALAM_SRC_GAZETTEER_WORD_TABLE_H_
#define ALAM_SRC_GAZETTEER_WORD_TABLE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace alam::internal {

namespace word_table {
// The low `bytes` bytes of a 64-bit word.
constexpr uint64_t Mask(size_t bytes) {
  return bytes >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * bytes)) - 1;
}
}  // namespace word_table

class WordTable {
 public:
  WordTable() { Rehash(1024); }

  // The id of `word` (1, 2, …), or 0 when it is not in the table.
  uint32_t Find(std::string_view word) const {
    if (word.size() <= kShort) return FindShort(CopyKey(word), word.size());
    return FindLong(word);
  }
  // Find(text.substr(pos, n)) for the matcher's words, which are read in place: when the
  // text holds kShort bytes from `pos` on, the key of a short word is two loads and two masks.
  uint32_t FindIn(std::string_view text, size_t pos, size_t n) const {
    if (n <= kShort && pos + kShort <= text.size()) {
      const char* p = text.data() + pos;
      return FindShort(Key{Load64(p) & kLowMask[n], Load64(p + 8) & kHighMask[n]}, n);
    }
    return Find(text.substr(pos, n));
  }

  // The id of `word`, added when new.
  uint32_t Insert(std::string_view word) {
    if (const uint32_t id = Find(word); id != 0) return id;
    const uint32_t id = static_cast<uint32_t>(records_.size());
    const Key k = word.size() <= kShort ? CopyKey(word) : Key{0, 0};
    records_.push_back(
        Record{k, static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(word.size())});
    arena_.append(word);
    if ((size() + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    Place(id);
    return id;
  }

  size_t size() const { return records_.size() - 1; }
  std::string_view Word(uint32_t id) const {
    return std::string_view(arena_.data() + records_[id].offset, records_[id].size);
  }

  // a[0, n) == b[0, n): for the usual word of 4 to 16 bytes, two overlapping pairs of loads
  // instead of a call to memcmp.
  static bool BytesEqual(const char* a, const char* b, size_t n) {
    auto load32 = [](const char* q) {
      uint32_t v;
      std::memcpy(&v, q, 4);
      return v;
    };
    if (n >= 8 && n <= 16) {
      return Load64(a) == Load64(b) && Load64(a + n - 8) == Load64(b + n - 8);
    }
    if (n >= 4 && n < 8) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    return std::memcmp(a, b, n) == 0;
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
  static uint64_t Load64(const char* q) {
    uint64_t v;
    std::memcpy(&v, q, 8);
    return v;
  }
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
  uint64_t HashOf(uint32_t id) const {
    const Record& r = records_[id];
    return r.size <= kShort ? HashShort(r.key, r.size) : HashLong(Word(id));
  }

  template <typename Same>
  uint32_t Probe(uint64_t h, Same same) const {
    if (!InFilter(h)) return 0;
    const uint32_t tag = Tag(h);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == 0) return 0;
      if (s.tag == tag && same(records_[s.id])) return s.id;
    }
  }
  uint32_t FindShort(Key k, size_t n) const {
    return Probe(HashShort(k, n), [&](const Record& r) {
      return r.key.lo == k.lo && r.key.hi == k.hi && r.size == n;
    });
  }
  uint32_t FindLong(std::string_view w) const {
    return Probe(HashLong(w), [&](const Record& r) {
      return r.size == w.size() && BytesEqual(arena_.data() + r.offset, w.data(), w.size());
    });
  }

  struct Slot {
    uint32_t tag;
    uint32_t id;  // 0: empty
  };
  static uint32_t Tag(uint64_t h) { return static_cast<uint32_t>(h >> 32); }
  // A blocked Bloom filter of the words of the table: two bits of one of 2048 64-bit words,
  // 16 KB that stay in the first-level cache and turn away nearly every word that is not in
  // the table (of the news words not in the vocabulary, about 2% get through) before the
  // slots, which do not stay in cache, are read. Its bits are taken apart from the slot
  // index's (the low bits).
  static constexpr size_t kFilterWords = 2048;
  static size_t FilterWord(uint64_t h) { return (h >> 15) & (kFilterWords - 1); }
  static uint64_t FilterBits(uint64_t h) {
    return (uint64_t{1} << ((h >> 26) & 63)) | (uint64_t{1} << (h >> 58));
  }
  bool InFilter(uint64_t h) const {
    const uint64_t m = FilterBits(h);
    return (filter_[FilterWord(h)] & m) == m;
  }

  void Place(uint32_t id) {
    const uint64_t h = HashOf(id);
    size_t i = h & mask_;
    while (slots_[i].id != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{Tag(h), id};
    filter_[FilterWord(h)] |= FilterBits(h);
  }
  void Rehash(size_t n) {
    slots_.assign(n, Slot{0, 0});
    mask_ = n - 1;
    for (uint32_t id = 1; id < records_.size(); ++id) Place(id);
  }

  std::vector<uint64_t> filter_ = std::vector<uint64_t>(kFilterWords, 0);
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::string arena_;
  // By id (id 0 is unused): the key of a short word, where the word's bytes are in the arena.
  struct Record {
    Key key;
    uint32_t offset, size;
  };
  std::vector<Record> records_{Record{Key{0, 0}, 0, 0}};
};

}  // namespace alam::internal

#endif  // ALAM_SRC_GAZETTEER_WORD_TABLE_H_
