// Private to the CLI: the bytes of an input file or standard input, decompressed as they are
// read (gzip, xz, bzip2, zstd; recognized by their magic bytes, whatever the file's name), in
// bounded memory: a compressed input is never held whole.
#ifndef ALAM_SRC_CLI_BYTE_STREAM_H_
#define ALAM_SRC_CLI_BYTE_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace alam::cli {

class ByteStream {
 public:
  // Opens `path` ("-": standard input) and looks at its first bytes. Null when it cannot be
  // opened or is in a format alam does not read (zip); *error then says so, naming the path.
  static std::unique_ptr<ByteStream> Open(const std::string& path, std::string* error);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // Reads up to `n` decoded bytes into `out`: their number, 0 at the end of the input, or -1
  // when the input cannot be read or its compressed data is truncated or corrupt (error()
  // then names the path and the format).
  ptrdiff_t Read(char* out, size_t n);
  const std::string& error() const { return error_; }
  // "gzip", "xz", "bzip2", "zstd", or "" for an uncompressed input.
  std::string_view format() const;
  uint64_t raw_bytes_read() const { return raw_read_; }

  class Codec;

 private:
  ByteStream() = default;
  bool FillRaw();
  bool Fail(std::string_view what);
  std::string path_;
  int fd_ = -1;
  std::unique_ptr<Codec> codec_;  // null: not compressed
  std::string raw_;               // bytes read from the file, [in_pos_, raw_len_) not decoded yet
  size_t in_pos_ = 0, raw_len_ = 0;
  bool raw_eof_ = false;
  bool pending_ = false;  // the last decode filled its output: the codec may hold more
  uint64_t raw_read_ = 0;
  std::string error_;
};

}  // namespace alam::cli

#endif  // ALAM_SRC_CLI_BYTE_STREAM_H_
