// Private: the most spaces a match of a rule's pattern can hold, read from the pattern's text.
// A rule's match then ends before the space after that many, and RE2 runs over that much of
// the window instead of all of it: RE2's bit-state matcher clears a bitmap of (program size ×
// text length) bits at every call, and leaves a text longer than its bitmap to the slower NFA.
#ifndef ALAM_SRC_RULES_SPACE_BOUND_H_
#define ALAM_SRC_RULES_SPACE_BOUND_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

namespace alam::internal {

inline constexpr uint32_t kUnboundedSpaces = std::numeric_limits<uint32_t>::max();

// The most ' ' characters any match of RE2 pattern `pattern` can contain, or kUnboundedSpaces
// when a repetition can take spaces without bound or the pattern uses syntax this reading does
// not know (flags, named or Perl classes inside brackets, …): an unknown part only ever makes
// the bound larger, never smaller than the truth. A character class counts 1 when it may
// match a space (a negated class that does not exclude it, \s, .); a repetition {m,n} of a part
// multiplies its bound by n.
uint32_t MaxSpaces(std::string_view pattern);

// When pattern `pattern` is a literal (no metacharacter: its bytes match themselves) followed by
// one capturing group that ends the pattern — `قريه (…)`, `(وزاره ال…)` —, the literal's length
// in bytes: capture group 1 is then the whole match less that many leading bytes, and RE2 finds
// it with its DFA alone (no capture groups asked for). std::string_view::npos otherwise.
size_t TailGroupOffset(std::string_view pattern);

}  // namespace alam::internal

#endif  // ALAM_SRC_RULES_SPACE_BOUND_H_
