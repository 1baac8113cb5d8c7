#include "alam/normalizer.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "normalize/char_table.h"
#include "normalize/utf8.h"
#include "util/strings.h"

namespace alam {

using internal::CharAction;
using internal::CharEntry;
using internal::CharTable;

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

}  // namespace

absl::Status Normalize(std::string_view input, std::string* out, OffsetMap* map,
                       const NormalizeOptions& options) {
  out->clear();
  if (map != nullptr) map->Reset(16);
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
  auto emit = [&](const CharEntry& e, size_t i, size_t len) {
    switch (e.action) {
      case CharAction::kKeep:
        linear(i);
        std::memcpy(dst + w, in + i, len);
        w += len;
        break;
      case CharAction::kDelete:
        break;
      case CharAction::kReplace:
        if (e.length > len) grow(e.length - len, n - i);
        if (e.same_shape) linear(i); else atomic(i, len);
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
        dst[w++] = static_cast<char>(in[i] + (static_cast<unsigned>(in[i] - 'A') < 26u ? 32 : 0));
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
        return absl::InvalidArgumentError(internal::Cat(
            "invalid UTF-8 at byte ", i, " (byte 0x", "0123456789abcdef"[b >> 4],
            "0123456789abcdef"[b & 15], ")"));
      }
      grow(2, n - i);
      atomic(i, 1);
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
  return absl::OkStatus();
}

absl::StatusOr<std::string> Normalize(std::string_view input, const NormalizeOptions& options) {
  std::string out;
  absl::Status s = Normalize(input, &out, nullptr, options);
  if (!s.ok()) return s;
  return out;
}

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x10000) return CharTable::Get().bmp(static_cast<uint32_t>(cp)).word;
  return CharTable::IsWord(cp);
}

}  // namespace alam
