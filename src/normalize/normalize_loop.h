// Private to src/normalize/: the normalizer's loop (normalize_loop.cc), instantiated once per
// block path and per output (tokens or not, offset map or not); normalizer.cc chooses the path
// and calls it.
#ifndef ALAM_SRC_NORMALIZE_NORMALIZE_LOOP_H_
#define ALAM_SRC_NORMALIZE_NORMALIZE_LOOP_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "alam/normalizer.h"
#include "normalize/tokenizer.h"

// The AVX2 block path: x86 with GCC or Clang, which compile a function for AVX2 by attribute
// (the build's own flags stay at the baseline) and detect the CPU's support at run time.
#if defined(__SSE2__) && defined(__GNUC__)
#define ALAM_AVX2_BLOCKS 1
#else
#define ALAM_AVX2_BLOCKS 0
#endif

namespace alam::internal {

#if defined(__SSE2__)
inline constexpr bool kHaveSse2Blocks = true;
#else
inline constexpr bool kHaveSse2Blocks = false;
#endif

// Normalizes `input` on `path` (which the build must have; the CPU is not checked). With
// kTokens it also tokenizes what it writes into *tokens, with kMap it fills *map. Without
// `written`, *out is resized to the normalized text; with it, *out keeps at least the size it
// had (its bytes past *written are garbage) so that a buffer reused document after document is
// never zero-filled again.
template <bool kTokens, bool kMap>
absl::Status NormalizeOn(BlockPath path, std::string_view input, std::string* out,
                         size_t* written, OffsetMap* map, std::vector<Token>* tokens,
                         const NormalizeOptions& options);

extern template absl::Status NormalizeOn<false, false>(BlockPath, std::string_view, std::string*,
    size_t*, OffsetMap*, std::vector<Token>*, const NormalizeOptions&);
extern template absl::Status NormalizeOn<false, true>(BlockPath, std::string_view, std::string*,
    size_t*, OffsetMap*, std::vector<Token>*, const NormalizeOptions&);
extern template absl::Status NormalizeOn<true, false>(BlockPath, std::string_view, std::string*,
    size_t*, OffsetMap*, std::vector<Token>*, const NormalizeOptions&);
extern template absl::Status NormalizeOn<true, true>(BlockPath, std::string_view, std::string*,
    size_t*, OffsetMap*, std::vector<Token>*, const NormalizeOptions&);

}  // namespace alam::internal

#endif  // ALAM_SRC_NORMALIZE_NORMALIZE_LOOP_H_
