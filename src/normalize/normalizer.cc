// The normalizer's entry points (alam/normalizer.h, tokenizer.h): the block path chosen for
// this CPU, and the loop instance for what the caller asked (tokens, offset map).
#include "alam/normalizer.h"

#include <type_traits>

#include "normalize/char_table.h"
#include "normalize/normalize_loop.h"
#include "normalize/tokenizer.h"

namespace alam {

using internal::BlockPath;
using internal::CharTable;
using internal::Token;

namespace {

bool CpuHasAvx2() {
#if ALAM_AVX2_BLOCKS
  __builtin_cpu_init();  // in case this runs before the constructor that sets up the check
  return __builtin_cpu_supports("avx2") != 0;
#else
  return false;
#endif
}

// The widest block path this build and CPU have, chosen once.
BlockPath BestBlockPath() {
  static const BlockPath best = CpuHasAvx2()                 ? BlockPath::kAvx2
                                : internal::kHaveSse2Blocks ? BlockPath::kSse2
                                                            : BlockPath::kPerCharacter;
  return best;
}

// Normalize (tokens null) or NormalizeAndTokenize, on `path`.
absl::Status Run(BlockPath path, std::string_view input, std::string* out, size_t* written,
                 OffsetMap* map, std::vector<Token>* tokens, const NormalizeOptions& options) {
  auto on = [&](auto tokenize, auto with_map) {
    return internal::NormalizeOn<decltype(tokenize)::value, decltype(with_map)::value>(
        path, input, out, written, map, tokens, options);
  };
  if (tokens == nullptr) {
    return map == nullptr ? on(std::false_type(), std::false_type())
                          : on(std::false_type(), std::true_type());
  }
  return map == nullptr ? on(std::true_type(), std::false_type())
                        : on(std::true_type(), std::true_type());
}

}  // namespace

absl::Status Normalize(std::string_view input, std::string* out, OffsetMap* map,
                       const NormalizeOptions& options) {
  return Run(BestBlockPath(), input, out, nullptr, map, nullptr, options);
}

namespace internal {

absl::Status NormalizeAndTokenize(std::string_view input, std::string* out, size_t* written,
                                  OffsetMap* map, std::vector<Token>* tokens,
                                  const NormalizeOptions& options) {
  return Run(BestBlockPath(), input, out, written, map, tokens, options);
}

bool BlockPathAvailable(BlockPath path) {
  switch (path) {
    case BlockPath::kPerCharacter:
      return true;
    case BlockPath::kSse2:
      return kHaveSse2Blocks;
    case BlockPath::kAvx2:
      return CpuHasAvx2();
  }
  return false;
}

absl::Status NormalizeOnPathForTesting(BlockPath path, std::string_view input, std::string* out,
                                       OffsetMap* map, std::vector<Token>* tokens,
                                       const NormalizeOptions& options) {
  if (!BlockPathAvailable(path)) {
    return absl::FailedPreconditionError("block path not available on this build or CPU");
  }
  return Run(path, input, out, nullptr, map, tokens, options);
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
