// Private to the CLI: the progress bar of `alam extract` on a terminal.
#ifndef ALAM_SRC_CLI_PROGRESS_H_
#define ALAM_SRC_CLI_PROGRESS_H_

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "core/strings.h"

namespace alam::cli {

class Progress {
 public:
  explicit Progress(bool on) : on_(on), start_(Clock::now()), last_(start_) {}
  // `consumed` and `total`: input bytes read so far and in all (0 when unknown).
  void Update(uint64_t consumed, uint64_t total, size_t docs, size_t bytes, bool final) {
    if (!on_) return;
    const auto now = Clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    std::string bar;
    if (total > 0) {
      const double frac =
          final ? 1.0 : std::min(1.0, static_cast<double>(consumed) / static_cast<double>(total));
      const int filled = static_cast<int>(frac * 30);
      bar = internal::Cat("[", std::string(static_cast<size_t>(filled), '#'),
                         std::string(static_cast<size_t>(30 - filled), '.'), "] ",
                         static_cast<int>(frac * 100), "% ");
    }
    std::fprintf(stderr, "\r%s%zu docs, %.1f MB, %.1f MB/s%s", bar.c_str(), docs, mb,
                 secs > 0 ? mb / secs : 0.0, final ? "\n" : "");
    std::fflush(stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool on_;
  Clock::time_point start_, last_;
};

}  // namespace alam::cli

#endif  // ALAM_SRC_CLI_PROGRESS_H_
