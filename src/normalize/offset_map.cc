// OffsetMap: from byte offsets of the normalized text back to the original's (alam/normalizer.h).
#include <algorithm>

#include "alam/normalizer.h"

namespace alam {

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

}  // namespace alam
