// alam/stream.h — extraction of a document that arrives in pieces (a socket, a file read in
// blocks, a decompressor), with bounded memory and the same entities as Extractor::Extract
// on the whole text.
//
// A document is extracted in segments of at most 1 MiB, cut after a line break (else
// punctuation, else a space) at positions that depend on the text alone, each seen with up to
// 2 KB of the text on either side; the people named so far carry across segments (README
// "Long documents"). Extract, ExtractBatch, the record writers (alam/format.h) and this class
// share that code, so every path gives the same entities. The stream holds at most one
// segment, its context and the last piece written.
//
// Usage: one stream per document; Write() the pieces in order, then Finish().
//   auto stream = alam::DocumentStream::Create(*extractor, scratch.get());
//   for (piece …) (*stream)->Write(piece, &entities);   // entities completed so far
//   (*stream)->Finish(&entities);                         // the rest
// The entities appended by each call carry document offsets (bytes and code points from the
// document's start); their `text` views point into the stream's buffer and stay valid until
// the next call on the stream.
//
// Thread-safety: a stream holds its scratch for its whole life (another call given that
// scratch meanwhile fails with kFailedPrecondition); one thread at a time.
// Errors: kOutOfRange when the document passes max_document_bytes; kInvalidArgument for
// invalid UTF-8 (unless repair is on), naming the byte's offset in the document — the
// entities of the segments before it have been delivered already. After an error, or after
// Finish, every call returns kFailedPrecondition.
#ifndef ALAM_STREAM_H_
#define ALAM_STREAM_H_

#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "alam/export.h"
#include "alam/extractor.h"

namespace alam {

namespace internal {
struct StreamState;
}  // namespace internal

class ALAM_EXPORT DocumentStream {
 public:
  // Starts a document. `extractor` and `scratch` must outlive the stream; kFailedPrecondition
  // when the scratch is in use or belongs to another extractor.
  static absl::StatusOr<std::unique_ptr<DocumentStream>> Create(const Extractor& extractor,
                                                                Scratch* scratch);
  ~DocumentStream();
  DocumentStream(const DocumentStream&) = delete;
  DocumentStream& operator=(const DocumentStream&) = delete;

  // Adds the next piece (any size, cut anywhere, even inside a character) and appends to
  // *out (not cleared) the entities of the segments it completed.
  absl::Status Write(std::string_view piece, std::vector<Entity>* out);
  // Ends the document: appends the entities of what is left.
  absl::Status Finish(std::vector<Entity>* out);

  // Bytes written so far.
  size_t size() const;

 private:
  DocumentStream() = default;
  std::unique_ptr<internal::StreamState> state_;
};

}  // namespace alam

#endif  // ALAM_STREAM_H_
