#include "alam/normalizer.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "normalize/char_table.h"
#include "normalize/tokenizer.h"
#include "normalize/utf8.h"
#include "util/strings.h"

namespace alam {

using internal::CharAction;
using internal::CharEntry;
using internal::CharClass;
using internal::CharTable;
using internal::DecodeUtf8;
using internal::Token;
using internal::TokenBuilder;

// ---- OffsetMap ----

void OffsetMap::Reset(size_t reserve_anchors) {
  anchors_.clear();
  anchors_.reserve(reserve_anchors);
  norm_size_ = orig_size_ = 0;
}

void OffsetMap::AddLinear(uint32_t norm, uint32_t orig) {
  if (!anchors_.empty() && anchors_.back().norm == norm) anchors_.pop_back();
  anchors_.push_back(Anchor{norm, orig, 0});
}

void OffsetMap::AddAtomic(uint32_t norm, uint32_t orig, uint32_t orig_len) {
  if (!anchors_.empty() && anchors_.back().norm == norm) anchors_.pop_back();
  anchors_.push_back(Anchor{norm, orig, orig_len});
}

void OffsetMap::Finish(size_t norm_size, size_t orig_size) {
  norm_size_ = norm_size;
  orig_size_ = orig_size;
}

const OffsetMap::Anchor* OffsetMap::Find(size_t norm_byte) const {
  // Last anchor whose norm <= norm_byte.
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), norm_byte,
                             [](size_t v, const Anchor& a) { return v < a.norm; });
  if (it == anchors_.begin()) return nullptr;
  return &*(it - 1);
}

size_t OffsetMap::ToOriginalStart(size_t norm_offset) const {
  if (norm_offset >= norm_size_) return orig_size_;
  const Anchor* a = Find(norm_offset);
  if (a == nullptr) return 0;
  if (a->orig_len != 0) return a->orig;
  return a->orig + (norm_offset - a->norm);
}

size_t OffsetMap::ToOriginalEnd(size_t norm_offset) const {
  if (norm_offset == 0) return anchors_.empty() ? orig_size_ : anchors_.front().orig;
  if (norm_offset > norm_size_) norm_offset = norm_size_;
  const Anchor* a = Find(norm_offset - 1);
  if (a == nullptr) return 0;
  if (a->orig_len != 0) return a->orig + a->orig_len;
  return a->orig + (norm_offset - a->norm);
}

// ---- Normalize ----

namespace {

// Appends the mapping of one supplementary-plane code point (rare: emoji, math letters).
void MapSupplementary(char32_t cp, std::string_view original, std::string* out,
                      bool* same_shape) {
  bool deleted = false;
  std::string mapped = CharTable::MapCodePoint(cp, &deleted);
  if (deleted) {
    *same_shape = false;
    return;
  }
  *same_shape = mapped == original;
  out->append(mapped);
}

// The class of each ASCII byte for the tokenizer (after lower-casing).
struct AsciiClasses {
  CharClass c[128];
  constexpr AsciiClasses() : c() {
    for (int i = 0; i < 128; ++i) {
      const bool word = (i >= '0' && i <= '9') || (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z');
      const bool quote = i == '"' || i == '\'' || i == '(' || i == ')' || i == '[' || i == ']';
      c[i] = word ? CharClass::kWord
                  : (i == ' ' || i == '\t') ? CharClass::kSpace
                                            : quote ? CharClass::kQuote : CharClass::kOther;
    }
  }
};
constexpr AsciiClasses kAscii;

// Feeds the classes of the code points of a replacement (several code points) to `tb`.
void ClassifyReplacement(std::string_view bytes, uint32_t at, TokenBuilder* tb) {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  for (size_t k = 0; k < bytes.size();) {
    char32_t cp = 0;
    size_t len = DecodeUtf8(p + k, bytes.size() - k, &cp);
    if (len == 0) len = 1;
    tb->Add(CharTable::ClassOf(cp), at + static_cast<uint32_t>(k));
    k += len;
  }
}

// The normalizer's one loop; with kTokens it also tokenizes what it writes.
template <bool kTokens>
absl::Status NormalizeImpl(std::string_view input, std::string* out, OffsetMap* map,
                           std::vector<Token>* tokens, const NormalizeOptions& options) {
  out->clear();
  if (map != nullptr) map->Reset(16);
  std::vector<Token> unused;
  TokenBuilder tb(kTokens ? tokens : &unused);
  if (input.size() >= std::numeric_limits<uint32_t>::max()) {
    return absl::OutOfRangeError(internal::Cat("document of ", input.size(),
                                               " bytes is too large (limit 4 GiB - 1)"));
  }
  const CharTable& table = CharTable::Get();
  const char* pool = table.pool();
  const auto* in = reinterpret_cast<const uint8_t*>(input.data());
  const size_t n = input.size();
  // Invariant: the output has room for at least the rest of the input (kept and folded
  // characters never grow), so only expansions need a capacity check.
  out->resize(n + 16);
  char* dst = out->data();
  size_t w = 0;  // bytes written
  // Linear-run state: the shift (orig - norm) of the current linear anchor.
  bool in_linear = false;
  int64_t shift = 0;

  auto grow = [&](size_t extra, size_t rest) {
    if (w + extra + rest + 16 > out->size()) {
      out->resize(std::max(out->size() * 2, w + extra + rest + 64));
      dst = out->data();
    }
  };
  auto linear = [&](size_t orig) {
    if (map == nullptr) return;
    const int64_t s = static_cast<int64_t>(orig) - static_cast<int64_t>(w);
    if (!in_linear || s != shift) {
      map->AddLinear(static_cast<uint32_t>(w), static_cast<uint32_t>(orig));
      in_linear = true;
      shift = s;
    }
  };
  auto atomic = [&](size_t orig, size_t len) {
    if (map == nullptr) return;
    map->AddAtomic(static_cast<uint32_t>(w), static_cast<uint32_t>(orig),
                   static_cast<uint32_t>(len));
    in_linear = false;
  };
  auto classify = [&](CharClass c, std::string_view written) {
    if constexpr (kTokens) {
      if (c == CharClass::kMixed) {
        ClassifyReplacement(written, static_cast<uint32_t>(w), &tb);
      } else {
        tb.Add(c, static_cast<uint32_t>(w));
      }
    }
  };
  auto emit = [&](const CharEntry& e, size_t i, size_t len) {
    switch (e.action) {
      case CharAction::kKeep:
        linear(i);
        classify(e.self_class, {});
        std::memcpy(dst + w, in + i, len);
        w += len;
        break;
      case CharAction::kDelete:
        break;
      case CharAction::kReplace:
        if (e.length > len) grow(e.length - len, n - i);
        if (e.same_shape) linear(i); else atomic(i, len);
        classify(e.out_class, std::string_view(pool + e.pool_offset, e.length));
        std::memcpy(dst + w, pool + e.pool_offset, e.length);
        w += e.length;
        break;
    }
  };

  size_t i = 0;
  while (i < n) {
    const uint8_t b = in[i];
    if (b < 0x80) {
      // ASCII run: copy, lower-casing A–Z. Offsets stay linear.
      linear(i);
      do {
        const uint8_t c = in[i];
        if constexpr (kTokens) tb.Add(kAscii.c[c], static_cast<uint32_t>(w));
        dst[w++] = static_cast<char>(c + (static_cast<unsigned>(c - 'A') < 26u ? 32 : 0));
        ++i;
      } while (i < n && in[i] < 0x80);
      continue;
    }
    // Two-byte sequences (all of Arabic) decoded inline.
    if (b >= 0xC2 && b < 0xE0 && i + 1 < n && (in[i + 1] & 0xC0) == 0x80) {
      const uint32_t cp = (static_cast<uint32_t>(b & 0x1F) << 6) | (in[i + 1] & 0x3F);
      const CharEntry& e = table.bmp(cp);
      if (e.action == CharAction::kKeep) {
        linear(i);
        if constexpr (kTokens) tb.Add(e.self_class, static_cast<uint32_t>(w));
        dst[w] = static_cast<char>(b);
        dst[w + 1] = static_cast<char>(in[i + 1]);
        w += 2;
      } else {
        emit(e, i, 2);
      }
      i += 2;
      continue;
    }
    char32_t cp = 0;
    const size_t len = internal::DecodeUtf8(in + i, n - i, &cp);
    if (len == 0) {
      if (!options.repair_invalid_utf8) {
        out->clear();
        if (map != nullptr) map->Reset(0);
        if constexpr (kTokens) tokens->clear();
        return absl::InvalidArgumentError(internal::Cat(
            "invalid UTF-8 at byte ", i, " (byte 0x", "0123456789abcdef"[b >> 4],
            "0123456789abcdef"[b & 15], ")"));
      }
      grow(2, n - i);
      atomic(i, 1);
      classify(CharClass::kOther, {});
      dst[w++] = '\xEF';
      dst[w++] = '\xBF';
      dst[w++] = '\xBD';
      i += 1;
      continue;
    }
    if (cp >= 0x10000) {
      std::string tmp;
      bool same = false;
      MapSupplementary(cp, input.substr(i, len), &tmp, &same);
      if (!tmp.empty()) {
        if (tmp.size() > len) grow(tmp.size() - len, n - i);
        if (same) linear(i); else atomic(i, len);
        classify(CharClass::kMixed, tmp);
        std::memcpy(dst + w, tmp.data(), tmp.size());
        w += tmp.size();
      }
      i += len;
      continue;
    }
    emit(table.bmp(cp), i, len);
    i += len;
  }
  out->resize(w);
  if (map != nullptr) map->Finish(w, n);
  if constexpr (kTokens) tb.Finish(static_cast<uint32_t>(w));
  return absl::OkStatus();
}

}  // namespace

absl::Status Normalize(std::string_view input, std::string* out, OffsetMap* map,
                       const NormalizeOptions& options) {
  return NormalizeImpl<false>(input, out, map, nullptr, options);
}

namespace internal {
absl::Status NormalizeAndTokenize(std::string_view input, std::string* out, OffsetMap* map,
                                  std::vector<Token>* tokens, const NormalizeOptions& options) {
  return NormalizeImpl<true>(input, out, map, tokens, options);
}
}  // namespace internal

absl::StatusOr<std::string> Normalize(std::string_view input, const NormalizeOptions& options) {
  std::string out;
  absl::Status s = Normalize(input, &out, nullptr, options);
  if (!s.ok()) return s;
  return out;
}

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x10000) return CharTable::Get().bmp(static_cast<uint32_t>(cp)).word();
  return CharTable::IsWord(cp);
}

}  // namespace alam
