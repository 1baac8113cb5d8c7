// Private: a document as a sequence of segments — the one implementation behind
// Extractor::Extract, DocumentStream, ExtractBatch and the record writers, so that every path
// gives the same entities.
//
// A document of at most kSegmentBytes is one segment. A longer one is cut, from its start, at
// the last line break before each kSegmentBytes (else punctuation, else a space, else a
// character boundary; never before half of kSegmentBytes): the cuts depend on the text alone,
// never on how it arrived. Each segment is extracted over a zone that adds up to kContextBytes
// of the text on either side (trimmed to a word boundary), so that gating and namesakes see
// the names around a cut; entities are kept only where they start inside the segment. The
// people named in full in earlier segments carry over (the surname rule), in the resolver's
// document state.
#ifndef ALAM_SRC_DOCUMENT_H_
#define ALAM_SRC_DOCUMENT_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "alam/extractor.h"

namespace alam::internal {

inline constexpr size_t kSegmentBytes = size_t{1} << 20;
inline constexpr size_t kContextBytes = 2048;

// Document byte offsets of one segment and of the zone it is extracted over.
struct Segment {
  size_t zone_begin = 0, begin = 0, end = 0, zone_end = 0;
};

// The segment that starts at document offset `from`, given the document's bytes
// [base, base + buffer.size()) (`buffer`; it must start at the document's start or at least
// kContextBytes before `from`). `complete`: the buffer reaches the document's end. False when
// no segment can be decided yet (more text is needed) or none is left.
bool NextSegment(std::string_view buffer, size_t base, size_t from, bool complete, Segment* seg);

// The document-level state of one extraction: where the next segment starts, in bytes and code
// points. The resolver's part (people named so far) lives in its own scratch.
struct DocumentCursor {
  size_t from = 0;
  size_t from_cp = 0;
};

// Starts a document on `scratch` (clears its document state and statistics).
void BeginDocument(ScratchState* scratch);

// Extracts segment `seg` of a document whose bytes [base, base + buffer.size()) are `buffer`
// and appends its entities (document offsets; `text` views into `buffer`) to *out; advances
// *cursor past the segment.
absl::Status ExtractSegment(const Extractor& ex, std::string_view buffer, size_t base,
                            const Segment& seg, ScratchState* scratch, DocumentCursor* cursor,
                            std::vector<Entity>* out);

// Extracts a whole document held in memory, a segment at a time: on_segment(segment, entities)
// after each (the entities of that segment, in text order; `text` views into `text`). Invalid UTF-8
// is reported before any segment when the document has more than one.
template <typename F>
absl::Status ExtractDocument(const Extractor& ex, std::string_view text, ScratchState* scratch,
                             std::vector<Entity>* buf, F on_segment);

// The scratch's guard: marks it in use for one call (kFailedPrecondition when another call
// holds it, or when it belongs to another extractor).
absl::Status AcquireScratch(const Extractor& ex, Scratch* scratch, ScratchState** state);
void ReleaseScratch(ScratchState* state);

// Checks a document before extraction: its size against max_document_bytes and, for a
// document of several segments without repair, its UTF-8.
absl::Status CheckDocument(const ExtractorOptions& options, std::string_view text);

template <typename F>
absl::Status ExtractDocument(const Extractor& ex, std::string_view text, ScratchState* scratch,
                             std::vector<Entity>* buf, F on_segment) {
  if (absl::Status s = CheckDocument(ex.options(), text); !s.ok()) return s;
  BeginDocument(scratch);
  DocumentCursor cursor;
  Segment seg;
  while (NextSegment(text, 0, cursor.from, true, &seg)) {
    buf->clear();
    absl::Status s = ExtractSegment(ex, text, 0, seg, scratch, &cursor, buf);
    if (!s.ok()) return s;
    on_segment(seg, *buf);
  }
  return absl::OkStatus();
}

}  // namespace alam::internal

#endif  // ALAM_SRC_DOCUMENT_H_
