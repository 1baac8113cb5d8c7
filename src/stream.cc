#include "alam/stream.h"

#include <string>

#include "core/strings.h"
#include "document.h"
#include "scratch_state.h"

namespace alam {
namespace internal {

struct StreamState {
  const Extractor* extractor = nullptr;
  ScratchState* scratch = nullptr;
  std::string buffer;  // the document's bytes from `base` on
  size_t base = 0;
  size_t total = 0;
  DocumentCursor cursor;
  bool closed = false;  // finished, or failed

  // Extracts every segment the buffer completes (all that is left when `complete`).
  absl::Status Drain(bool complete, std::vector<Entity>* out) {
    Segment seg;
    while (NextSegment(buffer, base, cursor.from, complete, &seg)) {
      absl::Status s = ExtractSegment(*extractor, buffer, base, seg, scratch, &cursor, out);
      if (!s.ok()) {
        closed = true;
        return s;
      }
    }
    return absl::OkStatus();
  }

  // Drops what no later segment reads: all but kContextBytes before the next segment.
  void Trim() {
    const size_t keep_from = cursor.from > kContextBytes ? cursor.from - kContextBytes : 0;
    if (keep_from <= base) return;
    buffer.erase(0, keep_from - base);
    base = keep_from;
  }
};

}  // namespace internal

DocumentStream::~DocumentStream() { internal::ReleaseScratch(state_->scratch); }

absl::StatusOr<std::unique_ptr<DocumentStream>> DocumentStream::Create(const Extractor& extractor,
                                                                       Scratch* scratch) {
  if (scratch == nullptr) return absl::InvalidArgumentError("scratch must not be null");
  auto state = std::make_unique<internal::StreamState>();
  state->extractor = &extractor;
  if (absl::Status s = internal::AcquireScratch(extractor, scratch, &state->scratch); !s.ok()) {
    return s;
  }
  internal::BeginDocument(state->scratch);
  std::unique_ptr<DocumentStream> stream(new DocumentStream());
  stream->state_ = std::move(state);
  return stream;
}

absl::Status DocumentStream::Write(std::string_view piece, std::vector<Entity>* out) {
  internal::StreamState& s = *state_;
  if (out == nullptr) return absl::InvalidArgumentError("out must not be null");
  if (s.closed) return absl::FailedPreconditionError("the stream is finished or has failed");
  const size_t limit = s.extractor->options().max_document_bytes;
  if (piece.size() > limit - s.total) {
    s.closed = true;
    return absl::OutOfRangeError(internal::Cat("document of more than ", limit,
                                               " bytes exceeds max_document_bytes (", limit, ")"));
  }
  s.total += piece.size();
  s.Trim();
  s.buffer.append(piece);
  return s.Drain(false, out);
}

absl::Status DocumentStream::Finish(std::vector<Entity>* out) {
  internal::StreamState& s = *state_;
  if (out == nullptr) return absl::InvalidArgumentError("out must not be null");
  if (s.closed) return absl::FailedPreconditionError("the stream is finished or has failed");
  s.Trim();
  absl::Status st = s.Drain(true, out);
  s.closed = true;
  return st;
}

size_t DocumentStream::size() const { return state_->total; }

}  // namespace alam
