// Private to the CLI: the reader, workers and writer of `alam extract`, with bounded memory.
#ifndef ALAM_SRC_CLI_PIPELINE_H_
#define ALAM_SRC_CLI_PIPELINE_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "alam/format.h"
#include "cli/input.h"

namespace alam::cli {

// Documents flow through three stages: a reader thread parses them into units of about
// `unit_bytes` of text; worker threads each take the next unread unit and extract and format
// all of its documents into one output string; the main thread writes the units' output in
// input order. At most `window` units are in flight (read and not yet written), which bounds
// memory whatever the dump's size; within the window a worker never waits for the writer or
// for another worker, so the cores stay busy across unit boundaries.
struct Unit {
  std::vector<Document> docs;
  bool streamed = false;  // one large document: the writer extracts it segment by segment
  uint64_t consumed_input_bytes = 0;  // of the inputs, when the reader finished this unit
  // Filled by the worker that processed the unit:
  bool processed = false;
  std::string out;                                  // the documents' records, in order
  std::vector<std::pair<size_t, std::string>> errors;  // (index in docs, message)
  RunPart part;  // what the aggregating formats gather of the documents
};

class Pipeline {
 public:
  // `process` runs on the worker threads, one unit at a time.
  Pipeline(DocumentReader* reader, size_t unit_bytes, size_t large_bytes, unsigned workers,
           std::function<void(Unit*, unsigned worker)> process)
      : reader_(reader),
        unit_bytes_(unit_bytes),
        large_bytes_(large_bytes),
        window_(2 * static_cast<size_t>(workers) + 2),
        process_(std::move(process)) {
    for (unsigned w = 0; w < workers; ++w) {
      try {
        workers_.emplace_back([this, w] { Work(w); });
      } catch (const std::system_error&) {
        break;  // the workers that started share the units
      }
    }
    // Set before the reader starts (Push reads it).
    inline_worker_ = workers_.empty();  // no thread at all: the writer processes units itself
    reader_thread_ = std::thread([this] { Read(); });
  }
  ~Pipeline() {
    {
      std::lock_guard<std::mutex> l(mu_);
      stop_ = true;
    }
    room_cv_.notify_all();
    work_cv_.notify_all();
    reader_thread_.join();
    for (std::thread& t : workers_) t.join();
  }
  // The next unit in input order once it is processed (nullptr at the end). It stays valid
  // until the next call.
  Unit* Next() {
    std::unique_lock<std::mutex> l(mu_);
    if (written_front_) {  // the caller is done with the previous unit
      // Kept for the reader to refill: its buffers keep their capacity, so that the large
      // output strings are not allocated and returned to the system for every unit.
      std::unique_ptr<Unit> done = std::move(inflight_.front());
      inflight_.pop_front();
      done->docs.clear();
      done->out.clear();
      done->errors.clear();
      done->streamed = done->processed = false;
      spare_.push_back(std::move(done));
      ++front_seq_;
      written_front_ = false;
      room_cv_.notify_one();  // the reader, when it waits for room in the window
    }
    while (true) {
      if (!inflight_.empty() && inflight_.front()->processed) break;
      if (inflight_.empty() && read_done_) return nullptr;
      if (inline_worker_) {
        if (Unit* u = ClaimLocked(); u != nullptr) {
          l.unlock();
          process_(u, 0);
          l.lock();
          u->processed = true;
          continue;
        }
      }
      written_cv_.wait(l);
    }
    written_front_ = true;
    return inflight_.front().get();
  }

 private:
  void Read() {
    bool more = true;
    while (more) {
      std::unique_ptr<Unit> u = Spare();
      size_t bytes = 0;
      Document d;
      while (bytes < unit_bytes_ && u->docs.size() < 4096 && (more = reader_->Next(&d))) {
        if (d.error.empty() && d.text.size() > large_bytes_) {
          // A large document is a unit of its own, so that it is streamed in order.
          if (!u->docs.empty()) {
            std::unique_ptr<Unit> large = Spare();
            large->docs.push_back(std::move(d));
            large->streamed = true;
            large->consumed_input_bytes = reader_->consumed_input_bytes();
            u->consumed_input_bytes = large->consumed_input_bytes;
            if (!Push(std::move(u))) return;
            u = std::move(large);
          } else {
            u->docs.push_back(std::move(d));
            u->streamed = true;
          }
          break;
        }
        bytes += d.text.size() + 64;
        u->docs.push_back(std::move(d));
      }
      u->consumed_input_bytes = reader_->consumed_input_bytes();
      if (!u->docs.empty() && !Push(std::move(u))) return;
    }
    std::lock_guard<std::mutex> l(mu_);
    read_done_ = true;
    work_cv_.notify_all();
    written_cv_.notify_one();
  }
  std::unique_ptr<Unit> Spare() {
    std::lock_guard<std::mutex> l(mu_);
    if (spare_.empty()) return std::make_unique<Unit>();
    std::unique_ptr<Unit> u = std::move(spare_.back());
    spare_.pop_back();
    return u;
  }
  // Appends a unit once the window has room; false when the pipeline is stopping.
  bool Push(std::unique_ptr<Unit> u) {
    std::unique_lock<std::mutex> l(mu_);
    room_cv_.wait(l, [&] { return inflight_.size() < window_ || stop_; });
    if (stop_) return false;
    const bool streamed = u->streamed;
    if (streamed) u->processed = true;  // nothing for a worker to do
    inflight_.push_back(std::move(u));
    if (inline_worker_ || (streamed && inflight_.size() == 1)) {
      written_cv_.notify_one();  // the writer has a unit to process or to write
    } else if (!streamed) {
      work_cv_.notify_one();
    }
    return true;
  }
  // The next unit no worker has taken, or nullptr; units that need no worker are skipped.
  Unit* ClaimLocked() {
    claimed_seq_ = std::max(claimed_seq_, front_seq_);  // streamed units may be written unclaimed
    while (claimed_seq_ < front_seq_ + inflight_.size()) {
      Unit* u = inflight_[claimed_seq_++ - front_seq_].get();
      if (!u->processed) return u;
    }
    return nullptr;
  }
  void Work(unsigned worker) {
    std::unique_lock<std::mutex> l(mu_);
    while (!stop_) {
      Unit* u = ClaimLocked();
      if (u == nullptr) {
        if (read_done_) return;
        work_cv_.wait(l);
        continue;
      }
      l.unlock();
      process_(u, worker);
      l.lock();
      u->processed = true;
      // The writer waits for the front unit only: the units behind it it finds processed.
      if (u == inflight_.front().get()) written_cv_.notify_one();
    }
  }

  DocumentReader* reader_;
  const size_t unit_bytes_, large_bytes_, window_;
  std::function<void(Unit*, unsigned)> process_;
  // The reader, the workers and the writer wait on a condition each, and an event wakes only
  // the side that may go on (in a virtual machine a wake-up is an interrupt to another CPU;
  // with one condition for all, every unit woke every thread: over the benchmark dump, 2
  // threads made 957 voluntary context switches instead of 460).
  std::mutex mu_;
  std::condition_variable room_cv_;     // the reader: room in the window
  std::condition_variable work_cv_;     // the workers: a unit to process
  std::condition_variable written_cv_;  // the writer: the front unit processed, or the end
  std::deque<std::unique_ptr<Unit>> inflight_;  // in input order; front = next to write
  std::vector<std::unique_ptr<Unit>> spare_;    // written units, to be reused
  size_t front_seq_ = 0;    // sequence number of inflight_.front()
  size_t claimed_seq_ = 0;  // the next unit a worker takes
  bool written_front_ = false, read_done_ = false, stop_ = false, inline_worker_ = false;
  std::thread reader_thread_;
  std::vector<std::thread> workers_;
};

}  // namespace alam::cli

#endif  // ALAM_SRC_CLI_PIPELINE_H_
