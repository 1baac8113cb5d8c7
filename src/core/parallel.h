// Private: run fn(i, worker) for every i in [0, n) on up to `threads` threads (the calling
// thread is worker 0). Items are handed out one by one, so uneven items balance; each worker
// calls fn for its items in increasing order. When the system refuses a thread, the workers
// that started share the whole range anyway.
#ifndef ALAM_SRC_CORE_PARALLEL_H_
#define ALAM_SRC_CORE_PARALLEL_H_

#include <atomic>
#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace alam::internal {

template <typename F>
void ParallelFor(size_t n, unsigned threads, F fn) {
  if (threads == 0) threads = 1;
  if (threads > n) threads = static_cast<unsigned>(n > 0 ? n : 1);
  std::atomic<size_t> next{0};
  auto work = [&](unsigned worker) {
    for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) fn(i, worker);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(work, t);
    } catch (const std::system_error&) {
      break;
    }
  }
  work(0);
  for (std::thread& t : pool) t.join();
}

}  // namespace alam::internal

#endif  // ALAM_SRC_CORE_PARALLEL_H_
