// Fuzz target: alam::Normalize and its OffsetMap, with and without repair of invalid UTF-8.
//
// Properties checked on every input:
//   * strict mode fails exactly when the input is not valid UTF-8, with kInvalidArgument naming
//     the offset of the first bad byte, and leaves the output and the map empty;
//   * repair mode always succeeds; on valid input both modes give the same result;
//   * the output is valid UTF-8; the map's sizes are the two texts' sizes; anchors are
//     strictly increasing in the normalized text and never go back in the original;
//   * for every normalized character boundary k, ToOriginalStart(k) and ToOriginalEnd(k) are
//     in bounds, on original character boundaries and monotone in k; a non-empty normalized
//     character maps to a non-empty original span whose own normalization contains it;
//   * normalization is idempotent and the map-less form gives the same text;
//   * the tokenizer's words are in order, in bounds and on character boundaries;
//   * the block paths (SSE2, and AVX2 where the CPU has it) give the per-character path's
//     text, map and tokens.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "alam/normalizer.h"
#include "fuzz_check.h"
#include "normalize/tokenizer.h"

namespace {

using alam::fuzz::Boundaries;

void CheckMap(std::string_view input, const std::string& out, const alam::OffsetMap& map) {
  FUZZ_CHECK(alam::fuzz::IsValidUtf8(out));
  FUZZ_CHECK(map.normalized_size() == out.size());
  FUZZ_CHECK(map.original_size() == input.size());
  const auto& anchors = map.anchors();
  for (size_t i = 0; i < anchors.size(); ++i) {
    FUZZ_CHECK(anchors[i].norm <= out.size());
    FUZZ_CHECK(size_t{anchors[i].orig} + anchors[i].orig_len <= input.size());
    if (i > 0) {
      FUZZ_CHECK(anchors[i - 1].norm < anchors[i].norm);
      FUZZ_CHECK(anchors[i - 1].orig <= anchors[i].orig);
    }
  }
  if (!out.empty()) {
    FUZZ_CHECK(!anchors.empty());
    FUZZ_CHECK(anchors.front().norm == 0);
  }

  const Boundaries ob(input);
  const Boundaries nb(out);
  FUZZ_CHECK(map.ToOriginalStart(out.size()) == input.size());
  size_t prev_start = 0, prev_end = 0;
  std::vector<size_t> starts;  // normalized character boundaries
  for (size_t k = 0; k <= out.size(); ++k) {
    if (!nb.boundary[k]) continue;
    starts.push_back(k);
    const size_t s = map.ToOriginalStart(k);
    const size_t e = map.ToOriginalEnd(k);
    FUZZ_CHECK(s <= input.size());
    FUZZ_CHECK(e <= input.size());
    FUZZ_CHECK(ob.boundary[s]);
    FUZZ_CHECK(ob.boundary[e]);
    FUZZ_CHECK(s >= prev_start);
    FUZZ_CHECK(e >= prev_end);
    prev_start = s;
    prev_end = e;
  }
  // Each normalized character comes from a non-empty original span that normalizes to a text
  // containing it. Bounded so that one execution stays fast.
  std::string tmp;
  const size_t limit = std::min<size_t>(starts.size(), 512);
  for (size_t c = 0; c + 1 < limit; ++c) {
    const size_t k = starts[c], k2 = starts[c + 1];
    const size_t s = map.ToOriginalStart(k);
    const size_t e = map.ToOriginalEnd(k2);
    FUZZ_CHECK(s < e);
    alam::NormalizeOptions repair;
    repair.repair_invalid_utf8 = true;
    FUZZ_CHECK(alam::Normalize(input.substr(s, e - s), &tmp, nullptr, repair).ok());
    FUZZ_CHECK(tmp.find(std::string_view(out).substr(k, k2 - k)) != std::string::npos);
  }
}

// Runs NormalizeAndTokenize on every block path and checks each against the per-character one.
void CheckBlockPaths(std::string_view input, const alam::NormalizeOptions& options) {
  using alam::internal::BlockPath;
  struct Result {
    absl::Status status;
    std::string out;
    alam::OffsetMap map;
    std::vector<alam::internal::Token> tokens;
  };
  auto run = [&](BlockPath path, Result* r) {
    r->status =
        alam::internal::NormalizeOnPathForTesting(path, input, &r->out, &r->map, &r->tokens, options);
  };
  Result want, got;
  run(BlockPath::kPerCharacter, &want);
  for (BlockPath path : {BlockPath::kSse2, BlockPath::kAvx2}) {
    if (!alam::internal::BlockPathAvailable(path)) continue;
    run(path, &got);
    FUZZ_CHECK(got.status == want.status);
    FUZZ_CHECK(got.out == want.out);
    FUZZ_CHECK(std::equal(got.map.anchors().begin(), got.map.anchors().end(),
                          want.map.anchors().begin(), want.map.anchors().end(),
                          [](const auto& a, const auto& b) {
                            return a.norm == b.norm && a.orig == b.orig && a.orig_len == b.orig_len;
                          }));
    FUZZ_CHECK(std::equal(got.tokens.begin(), got.tokens.end(), want.tokens.begin(),
                          want.tokens.end(), [](const auto& a, const auto& b) {
                            return a.start == b.start && a.end == b.end && a.gap == b.gap;
                          }));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const bool valid = alam::fuzz::IsValidUtf8(input);

  std::string strict_out = "garbage";
  alam::OffsetMap strict_map;
  const absl::Status strict = alam::Normalize(input, &strict_out, &strict_map);
  if (valid) {
    FUZZ_CHECK(strict.ok());
    CheckMap(input, strict_out, strict_map);
  } else {
    FUZZ_CHECK(strict.code() == absl::StatusCode::kInvalidArgument);
    FUZZ_CHECK(strict_out.empty());
    FUZZ_CHECK(strict_map.anchors().empty());
    const std::string where =
        "byte " + std::to_string(alam::internal::FindInvalidUtf8(input));
    FUZZ_CHECK(std::string_view(strict.message().data(), strict.message().size()).find(where) != std::string_view::npos);
  }

  alam::NormalizeOptions repair;
  repair.repair_invalid_utf8 = true;
  std::string out;
  alam::OffsetMap map;
  FUZZ_CHECK(alam::Normalize(input, &out, &map, repair).ok());
  CheckMap(input, out, map);
  if (valid) FUZZ_CHECK(out == strict_out);
  CheckBlockPaths(input, {});
  CheckBlockPaths(input, repair);

  // The map-less form and a second pass.
  absl::StatusOr<std::string> plain = alam::Normalize(input, repair);
  FUZZ_CHECK(plain.ok() && *plain == out);
  absl::StatusOr<std::string> twice = alam::Normalize(out);
  FUZZ_CHECK(twice.ok());
  FUZZ_CHECK(*twice == out);

  std::vector<alam::internal::Token> tokens;
  alam::internal::Tokenize(out, &tokens);
  const Boundaries nb(out);
  uint32_t prev = 0;
  for (const auto& t : tokens) {
    FUZZ_CHECK(t.start < t.end && t.end <= out.size());
    FUZZ_CHECK(t.start >= prev);
    FUZZ_CHECK(nb.boundary[t.start] && nb.boundary[t.end]);
    prev = t.end;
  }
  return 0;
}
