// Private: the gazetteer's vocabulary — every word of every alias and trigger — as an
// open-addressing hash table made for the matcher's one lookup per word of a document: a
// short multiply-xor hash of the word's bytes, a 32-bit tag per slot so that a word not in the
// vocabulary (most words of a document) is turned away without touching its text, and the
// words' bytes in one arena.
#ifndef ALAM_SRC_GAZETTEER_WORD_TABLE_H_
#define ALAM_SRC_GAZETTEER_WORD_TABLE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace alam::internal {

class WordTable {
 public:
  WordTable() { Rehash(1024); }

  // The id of `word` (1, 2, …), or 0 when it is not in the table.
  uint32_t Find(std::string_view word) const {
    const uint64_t h = Hash(word);
    if (!InFilter(h)) return 0;
    const uint32_t tag = Tag(h);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == 0) return 0;
      if (s.tag == tag && Equal(s.id, word)) return s.id;
    }
  }

  // The id of `word`, added when new.
  uint32_t Insert(std::string_view word) {
    if (const uint32_t id = Find(word); id != 0) return id;
    const uint32_t id = static_cast<uint32_t>(spans_.size());
    spans_.push_back(Span{static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(word.size())});
    arena_.append(word);
    if ((size() + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    Place(id);
    return id;
  }

  size_t size() const { return spans_.size() - 1; }
  std::string_view Word(uint32_t id) const {
    return std::string_view(arena_.data() + spans_[id].offset, spans_[id].size);
  }

  // a[0, n) == b[0, n): for the usual word of 4 to 16 bytes, two overlapping pairs of loads
  // instead of a call to memcmp.
  static bool BytesEqual(const char* a, const char* b, size_t n) {
    auto load64 = [](const char* q) {
      uint64_t v;
      std::memcpy(&v, q, 8);
      return v;
    };
    auto load32 = [](const char* q) {
      uint32_t v;
      std::memcpy(&v, q, 4);
      return v;
    };
    if (n >= 8 && n <= 16) {
      return load64(a) == load64(b) && load64(a + n - 8) == load64(b + n - 8);
    }
    if (n >= 4 && n < 8) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    return std::memcmp(a, b, n) == 0;
  }

  static uint64_t Hash(std::string_view w) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    const auto* p = reinterpret_cast<const unsigned char*>(w.data());
    const size_t n = w.size();
    auto load64 = [](const unsigned char* q) {
      uint64_t v;
      std::memcpy(&v, q, 8);
      return v;
    };
    auto load32 = [](const unsigned char* q) {
      uint32_t v;
      std::memcpy(&v, q, 4);
      return static_cast<uint64_t>(v);
    };
    auto mix = [](uint64_t h, uint64_t v) {
      h = (h ^ v) * kMul;
      return h ^ (h >> 32);
    };
    uint64_t h = n * kMul;
    if (n >= 8) {
      // Whole 8-byte words, then the last 8 bytes (overlapping): no byte-wise tail.
      size_t k = 0;
      for (; k + 8 < n; k += 8) h = mix(h, load64(p + k));
      h = mix(h, load64(p + n - 8));
    } else if (n >= 4) {
      h = mix(h, load32(p) | (load32(p + n - 4) << 32));
    } else if (n > 0) {
      h = mix(h, p[0] | (static_cast<uint64_t>(p[n / 2]) << 8) | (static_cast<uint64_t>(p[n - 1]) << 16));
    }
    h *= kMul;
    return h ^ (h >> 29);
  }

 private:
  struct Slot {
    uint32_t tag;
    uint32_t id;  // 0: empty
  };
  static uint32_t Tag(uint64_t h) { return static_cast<uint32_t>(h >> 32); }
  // Word `id` == w: one load of the span, then the bytes in place.
  bool Equal(uint32_t id, std::string_view w) const {
    const Span sp = spans_[id];
    return sp.size == w.size() && BytesEqual(arena_.data() + sp.offset, w.data(), w.size());
  }
  // One bit per 16-bit hash value, set for the words of the table: 8 KB that stay in the
  // first-level cache and turn away most words that are not in the table (most words of a
  // text) before the slots, which do not, are read.
  static uint32_t FilterBit(uint64_t h) { return static_cast<uint32_t>(h >> 40) & 0xFFFF; }
  bool InFilter(uint64_t h) const {
    const uint32_t b = FilterBit(h);
    return (filter_[b >> 6] >> (b & 63)) & 1;
  }

  void Place(uint32_t id) {
    const uint64_t h = Hash(Word(id));
    size_t i = h & mask_;
    while (slots_[i].id != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{Tag(h), id};
    const uint32_t b = FilterBit(h);
    filter_[b >> 6] |= uint64_t{1} << (b & 63);
  }
  void Rehash(size_t n) {
    slots_.assign(n, Slot{0, 0});
    mask_ = n - 1;
    for (uint32_t id = 1; id < spans_.size(); ++id) Place(id);
  }

  std::vector<uint64_t> filter_ = std::vector<uint64_t>(1024, 0);
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::string arena_;
  struct Span {
    uint32_t offset, size;
  };
  std::vector<Span> spans_{Span{0, 0}};  // by id; id 0 is unused
};

}  // namespace alam::internal

#endif  // ALAM_SRC_GAZETTEER_WORD_TABLE_H_
