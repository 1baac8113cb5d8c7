// alam/normalizer.h — the one Arabic text normalizer of alam, and its offset map.
//
// Everything alam matches is matched on normalized text; users call the same function to
// normalize their own queries and dictionaries so that they compare equal to what alam sees.
//
// Normalization, applied code point by code point (each input code point is mapped
// independently; no composition across code points):
//   * removed: Arabic tashkeel U+064B–U+065F and U+0670, Quranic annotation marks
//     (U+0610–U+061A, U+06D6–U+06DC, U+06DF–U+06E4, U+06E7–U+06E8, U+06EA–U+06ED),
//     tatweel U+0640, zero-width and bidi controls (U+200B–U+200F, U+202A–U+202E,
//     U+2060–U+2064, U+2066–U+2069, U+061C, U+FEFF), soft hyphen U+00AD, U+034F;
//   * NFKC (ICU) of the code point: presentation forms and ligatures (ﻻ → لا, ﺍﻟﺮﻗﺔ → الرقة),
//     full-width forms, compatibility characters;
//   * folded: أ إ آ ٱ → ا, ى → ي, ة → ه, Persian/Urdu ک → ك, ی → ي, ە → ه;
//     Arabic-Indic (U+0660–U+0669) and Persian (U+06F0–U+06F9) digits → ASCII 0–9;
//     every Unicode space separator (Zs: NBSP, thin space, U+3000 …) → U+0020;
//     Latin letters → case-folded (lower case).
// Line breaks, tabs and punctuation are kept. The tables are built from ICU's data once per
// process (the ICU version is the authority; tests pin the fast loop to ICU's own result).
//
// Offsets: all offsets here are UTF-8 byte offsets. The OffsetMap maps a byte offset of the
// normalized text back to a byte offset of the original text; it is sparse (one anchor where
// the shift between the two texts changes) and monotone. A normalized span [s, e) maps to the
// original span [ToOriginalStart(s), ToOriginalEnd(e)), which always starts and ends on
// original character boundaries.
//
// Invalid UTF-8 (truncated or overlong sequences, surrogates, code points above U+10FFFF,
// bytes C0, C1, F5–FF) is an error (kInvalidArgument naming the byte offset) unless
// NormalizeOptions::repair_invalid_utf8 is set; then each invalid byte becomes U+FFFD in the
// normalized text, mapped back to that one original byte. NUL is an ordinary character.
// Documents up to 4 GiB − 1 bytes are supported (kOutOfRange beyond).
//
// Thread-safety: Normalize is a free function with no shared mutable state; call it from any
// number of threads. An OffsetMap is a value; const methods may be called concurrently.
#ifndef ALAM_NORMALIZER_H_
#define ALAM_NORMALIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "alam/export.h"

namespace alam {

struct NormalizeOptions {
  // Replace each invalid UTF-8 byte with U+FFFD instead of failing. Default: false.
  bool repair_invalid_utf8 = false;
};

// Maps byte offsets of a normalized text back to byte offsets of its original.
class ALAM_EXPORT OffsetMap {
 public:
  // One anchor: normalized bytes from `norm` up to the next anchor come from the original
  // bytes starting at `orig`. When `orig_len` is 0 the run is byte-for-byte aligned
  // (linear); otherwise the whole run is the image of the original bytes
  // [orig, orig + orig_len) (an expansion or contraction, e.g. ٣ → 3 or ﻻ → لا).
  struct Anchor {
    uint32_t norm;
    uint32_t orig;
    uint32_t orig_len;
  };

  OffsetMap() = default;

  // Original offset where the normalized character starting at `norm_offset` begins.
  // `norm_offset` must be <= normalized_size(); normalized_size() maps to original_size().
  size_t ToOriginalStart(size_t norm_offset) const;
  // Original offset just past the original character(s) that produced the normalized byte
  // at `norm_offset - 1`. ToOriginalEnd(0) is the start of the first kept character.
  size_t ToOriginalEnd(size_t norm_offset) const;

  size_t normalized_size() const { return norm_size_; }
  size_t original_size() const { return orig_size_; }
  const std::vector<Anchor>& anchors() const { return anchors_; }

  // Used by the normalizer while it writes; not part of the stable API.
  void Reset(size_t reserve_anchors);
  void AddLinear(uint32_t norm, uint32_t orig);
  void AddAtomic(uint32_t norm, uint32_t orig, uint32_t orig_len);
  void Finish(size_t norm_size, size_t orig_size);

 private:
  const Anchor* Find(size_t norm_byte) const;

  std::vector<Anchor> anchors_;
  size_t norm_size_ = 0;
  size_t orig_size_ = 0;
};

// Normalizes `input` into `*out` (replacing its contents) and fills `*map` (may be null).
// Errors: kInvalidArgument for invalid UTF-8 (unless repaired), kOutOfRange for inputs of
// 4 GiB or more. On error `*out` and `*map` are left empty.
ALAM_EXPORT absl::Status Normalize(std::string_view input, std::string* out, OffsetMap* map,
                       const NormalizeOptions& options = {});

// Convenience form returning the normalized text only.
ALAM_EXPORT absl::StatusOr<std::string> Normalize(std::string_view input,
                                      const NormalizeOptions& options = {});

// True when `cp` is part of a word (letters, marks, digits) for alam's tokenizer.
ALAM_EXPORT bool IsWordCodePoint(char32_t cp);

}  // namespace alam

#endif  // ALAM_NORMALIZER_H_
