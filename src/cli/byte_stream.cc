#include "cli/byte_stream.h"

#include <bzlib.h>
#include <fcntl.h>
#include <lzma.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>

#include "core/strings.h"

namespace alam::cli {

// One compressed format's decoder. Decode consumes from `in` and writes to `out`; several
// streams one after the other (pigz, pbzip2, zstd frames, cat a.xz b.xz) are read as one.
class ByteStream::Codec {
 public:
  virtual ~Codec() = default;
  virtual std::string_view name() const = 0;
  // False when the data is corrupt. *consumed and *written say how far it got.
  virtual bool Decode(std::string_view in, size_t* consumed, char* out, size_t n,
                      size_t* written) = 0;
  // Between two streams: the input may end here without being truncated.
  bool at_end() const { return at_end_; }

 protected:
  bool at_end_ = false;
};

namespace {

class GzipCodec final : public ByteStream::Codec {
 public:
  GzipCodec() { inflateInit2(&z_, 15 + 16); }
  ~GzipCodec() override { inflateEnd(&z_); }
  std::string_view name() const override { return "gzip"; }
  bool Decode(std::string_view in, size_t* consumed, char* out, size_t n,
              size_t* written) override {
    if (at_end_ && !in.empty()) inflateReset(&z_);  // the next member
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(n);
    const int rc = inflate(&z_, Z_NO_FLUSH);
    *consumed = in.size() - z_.avail_in;
    *written = n - z_.avail_out;
    if (rc == Z_STREAM_END) at_end_ = true;
    else if (*consumed > 0 || *written > 0) at_end_ = false;
    return rc == Z_OK || rc == Z_STREAM_END || rc == Z_BUF_ERROR;
  }

 private:
  z_stream z_{};
};

class XzCodec final : public ByteStream::Codec {
 public:
  XzCodec() { ready_ = lzma_stream_decoder(&s_, UINT64_MAX, 0) == LZMA_OK; }
  ~XzCodec() override { lzma_end(&s_); }
  std::string_view name() const override { return "xz"; }
  bool Decode(std::string_view in, size_t* consumed, char* out, size_t n,
              size_t* written) override {
    if (at_end_ && !in.empty()) {  // the next stream
      lzma_end(&s_);
      s_ = LZMA_STREAM_INIT;
      ready_ = lzma_stream_decoder(&s_, UINT64_MAX, 0) == LZMA_OK;
    }
    if (!ready_) return false;
    s_.next_in = reinterpret_cast<const uint8_t*>(in.data());
    s_.avail_in = in.size();
    s_.next_out = reinterpret_cast<uint8_t*>(out);
    s_.avail_out = n;
    const lzma_ret rc = lzma_code(&s_, LZMA_RUN);
    *consumed = in.size() - s_.avail_in;
    *written = n - s_.avail_out;
    if (rc == LZMA_STREAM_END) at_end_ = true;
    else if (*consumed > 0 || *written > 0) at_end_ = false;
    return rc == LZMA_OK || rc == LZMA_STREAM_END || rc == LZMA_BUF_ERROR;
  }

 private:
  lzma_stream s_ = LZMA_STREAM_INIT;
  bool ready_ = false;
};

class Bzip2Codec final : public ByteStream::Codec {
 public:
  Bzip2Codec() { BZ2_bzDecompressInit(&s_, 0, 0); }
  ~Bzip2Codec() override { BZ2_bzDecompressEnd(&s_); }
  std::string_view name() const override { return "bzip2"; }
  bool Decode(std::string_view in, size_t* consumed, char* out, size_t n,
              size_t* written) override {
    if (at_end_ && !in.empty()) {  // the next stream
      BZ2_bzDecompressEnd(&s_);
      s_ = bz_stream{};
      BZ2_bzDecompressInit(&s_, 0, 0);
    }
    s_.next_in = const_cast<char*>(in.data());
    s_.avail_in = static_cast<unsigned>(in.size());
    s_.next_out = out;
    s_.avail_out = static_cast<unsigned>(n);
    const int rc = BZ2_bzDecompress(&s_);
    *consumed = in.size() - s_.avail_in;
    *written = n - s_.avail_out;
    if (rc == BZ_STREAM_END) at_end_ = true;
    else if (*consumed > 0 || *written > 0) at_end_ = false;
    return rc == BZ_OK || rc == BZ_STREAM_END;
  }

 private:
  bz_stream s_{};
};

class ZstdCodec final : public ByteStream::Codec {
 public:
  ZstdCodec() : d_(ZSTD_createDStream()) { ZSTD_initDStream(d_); }
  ~ZstdCodec() override { ZSTD_freeDStream(d_); }
  std::string_view name() const override { return "zstd"; }
  bool Decode(std::string_view in, size_t* consumed, char* out, size_t n,
              size_t* written) override {
    ZSTD_inBuffer src{in.data(), in.size(), 0};
    ZSTD_outBuffer dst{out, n, 0};
    const size_t rc = ZSTD_decompressStream(d_, &dst, &src);
    *consumed = src.pos;
    *written = dst.pos;
    if (ZSTD_isError(rc)) return false;
    if (rc == 0) at_end_ = true;  // a frame decoded and flushed whole
    else if (*consumed > 0 || *written > 0) at_end_ = false;
    return true;
  }

 private:
  ZSTD_DStream* d_;
};

// The decoder for an input's first bytes; null for plain data. *unsupported names a
// compressed format alam does not read.
std::unique_ptr<ByteStream::Codec> CodecFor(std::string_view head, std::string_view* unsupported) {
  if (head.substr(0, 2) == "\x1F\x8B") return std::make_unique<GzipCodec>();
  if (head.substr(0, 6) == std::string_view("\xFD" "7zXZ\0", 6)) return std::make_unique<XzCodec>();
  if (head.substr(0, 3) == "BZh") return std::make_unique<Bzip2Codec>();
  if (head.substr(0, 4) == "\x28\xB5\x2F\xFD") return std::make_unique<ZstdCodec>();
  if (head.substr(0, 4) == "PK\x03\x04") *unsupported = "zip";
  return nullptr;
}

}  // namespace

ByteStream::~ByteStream() {
  if (fd_ > 0) close(fd_);
}

std::string_view ByteStream::format() const { return codec_ ? codec_->name() : ""; }

std::unique_ptr<ByteStream> ByteStream::Open(const std::string& path, std::string* error) {
  std::unique_ptr<ByteStream> s(new ByteStream());
  s->path_ = path;
  s->fd_ = path == "-" ? 0 : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (s->fd_ < 0) {
    *error = internal::Cat("cannot open ", path, ": ", std::strerror(errno));
    return nullptr;
  }
  while (s->raw_len_ < 6 && !s->raw_eof_) {
    if (!s->FillRaw()) {
      *error = s->error_;
      return nullptr;
    }
  }
  std::string_view unsupported;
  s->codec_ = CodecFor(std::string_view(s->raw_.data(), s->raw_len_), &unsupported);
  if (!unsupported.empty()) {
    *error = internal::Cat(path, " is a ", unsupported, " archive: alam reads plain text and "
                           "gzip, xz, bzip2 or zstd files; extract it first");
    return nullptr;
  }
  return s;
}

// Reads more of the file after the bytes not yet decoded; false on a read error.
bool ByteStream::FillRaw() {
  constexpr size_t kRead = size_t{1} << 18;
  if (in_pos_ > 0) {
    std::memmove(raw_.data(), raw_.data() + in_pos_, raw_len_ - in_pos_);
    raw_len_ -= in_pos_;
    in_pos_ = 0;
  }
  if (raw_.size() < raw_len_ + kRead) raw_.resize(raw_len_ + kRead);
  ssize_t n;
  do {
    n = read(fd_, raw_.data() + raw_len_, kRead);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return Fail(internal::Cat("read error: ", std::strerror(errno)));
  if (n == 0) raw_eof_ = true;
  raw_len_ += static_cast<size_t>(n);
  raw_read_ += static_cast<uint64_t>(n);
  return true;
}

bool ByteStream::Fail(std::string_view what) {
  error_ = internal::Cat(path_, ": ", what);
  raw_eof_ = true;
  return false;
}

ptrdiff_t ByteStream::Read(char* out, size_t n) {
  if (!error_.empty()) return -1;
  if (!codec_ && in_pos_ == raw_len_ && !raw_eof_) {  // plain: read straight into `out`
    ssize_t k;
    do {
      k = read(fd_, out, n);
    } while (k < 0 && errno == EINTR);
    if (k < 0) return Fail(internal::Cat("read error: ", std::strerror(errno))) ? 0 : -1;
    raw_read_ += static_cast<uint64_t>(k);
    raw_eof_ = k == 0;
    return k;
  }
  while (true) {
    if (in_pos_ == raw_len_ && !pending_ && !raw_eof_ && !FillRaw()) return -1;
    const std::string_view in(raw_.data() + in_pos_, raw_len_ - in_pos_);
    if (!codec_) {  // plain: copied out
      const size_t k = std::min(n, in.size());
      std::memcpy(out, in.data(), k);
      in_pos_ += k;
      if (k > 0 || raw_eof_) return static_cast<ptrdiff_t>(k);
      continue;
    }
    if (in.empty() && (codec_->at_end() || !pending_)) {  // nothing more to decode now
      pending_ = false;
      if (!raw_eof_) continue;
      if (codec_->at_end()) return 0;
      Fail(internal::Cat("truncated ", codec_->name(), " data: the file ends inside a compressed "
                         "stream (", raw_read_, " bytes read)"));
      return -1;
    }
    size_t consumed = 0, written = 0;
    if (!codec_->Decode(in, &consumed, out, n, &written)) {
      Fail(internal::Cat("corrupt ", codec_->name(), " data near byte ",
                         raw_read_ - in.size() + consumed, " of the file"));
      return -1;
    }
    in_pos_ += consumed;
    pending_ = written == n;
    if (written > 0) return static_cast<ptrdiff_t>(written);
    if (consumed == 0 && !in.empty()) {  // it needs more input than there is
      if (raw_eof_) {
        Fail(internal::Cat("truncated ", codec_->name(), " data at the end of the file"));
        return -1;
      }
      if (!FillRaw()) return -1;
    }
  }
}

}  // namespace alam::cli
