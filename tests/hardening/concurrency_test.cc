// Concurrency misuse (label "threads" too, so the TSan build runs it): one Scratch shared by
// two threads is reported as kFailedPrecondition and is never a data race; a scratch from
// another extractor is kFailedPrecondition; ExtractBatch survives absurd thread counts.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "alam/alam.h"
#include "alam/extractor.h"
#include "gtest/gtest.h"
#include "hardening_util.h"

namespace alam::hardening {
namespace {

std::string Doc(size_t copies) {
  std::string unit = "قالت مصادر في الموصل إن الطائرات قصفت ريف دمشق ومدينة الرقة. ";
  std::string text;
  for (size_t i = 0; i < copies; ++i) text += unit;
  return text;
}

TEST(ScratchMisuseTest, SharedScratchIsFailedPreconditionNotARace) {
  const Extractor& ex = Default();
  const std::string text = Doc(kSanitized ? 200 : 2000);
  auto serial = ex.Extract(text);
  ASSERT_TRUE(serial.ok());
  auto shared = ex.NewScratch();
  std::atomic<int> busy{0}, ok{0}, other{0};
  std::atomic<bool> go{false};
  auto work = [&] {
    while (!go.load()) std::this_thread::yield();
    std::vector<Entity> out;
    for (int i = 0; i < 40; ++i) {
      const absl::Status s = ex.Extract(text, shared.get(), &out);
      if (s.ok()) {
        ++ok;
        // A successful call owns the scratch for its whole duration: its result is complete.
        if (out.size() != serial->size()) ++other;
      } else if (s.code() == absl::StatusCode::kFailedPrecondition) {
        ++busy;
      } else {
        ++other;
      }
    }
  };
  std::thread a(work), b(work);
  go = true;
  a.join();
  b.join();
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(ok.load() + busy.load(), 80);
  EXPECT_GT(ok.load(), 0);
  // Not guaranteed by scheduling, but with 2 × 40 calls over a long text it happens.
  EXPECT_GT(busy.load(), 0) << "the two threads never overlapped";
  // The scratch is usable again afterwards.
  std::vector<Entity> out;
  EXPECT_TRUE(ex.Extract(text, shared.get(), &out).ok());
  EXPECT_EQ(out.size(), serial->size());
}

TEST(ScratchMisuseTest, ScratchFromAnotherExtractor) {
  auto other = Extractor::Create();
  ASSERT_TRUE(other.ok());
  auto scratch = (*other)->NewScratch();
  std::vector<Entity> out;
  const absl::Status s = Default().Extract("الموصل", scratch.get(), &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(Default().Extract("الموصل", nullptr, &out).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Default().Extract("الموصل", scratch.get(), nullptr).code(),
            absl::StatusCode::kInvalidArgument);
  // The same misuse through the C ABI.
  alam_extractor* a = nullptr;
  alam_extractor* b = nullptr;
  ASSERT_EQ(alam_extractor_new(nullptr, &a), ALAM_OK);
  ASSERT_EQ(alam_extractor_new(nullptr, &b), ALAM_OK);
  alam_scratch* sb = nullptr;
  ASSERT_EQ(alam_scratch_new(b, &sb), ALAM_OK);
  const alam_entity_t* ents = reinterpret_cast<const alam_entity_t*>(1);
  size_t count = 99;
  EXPECT_EQ(alam_extract(a, sb, "x", 1, &ents, &count), ALAM_ERROR_FAILED_PRECONDITION);
  EXPECT_EQ(ents, nullptr);
  EXPECT_EQ(count, 0u);
  alam_scratch_free(sb);
  alam_extractor_free(a);
  alam_extractor_free(b);
}

TEST(ScratchMisuseTest, ManyThreadsOwnScratchesMatchSerial) {
  const Extractor& ex = Default();
  std::vector<std::string> docs;
  for (size_t i = 0; i < 64; ++i) docs.push_back(Doc(1 + i % 7) + std::to_string(i));
  std::vector<std::vector<Entity>> serial;
  for (const auto& d : docs) serial.push_back(*ex.Extract(d));
  std::vector<std::thread> pool;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 8; ++t) {
    pool.emplace_back([&, t] {
      auto scratch = ex.NewScratch();
      std::vector<Entity> out;
      for (size_t i = static_cast<size_t>(t); i < docs.size() * 4; i += 8) {
        const size_t d = i % docs.size();
        if (!ex.Extract(docs[d], scratch.get(), &out).ok() || out.size() != serial[d].size()) {
          ++mismatches;
          continue;
        }
        for (size_t k = 0; k < out.size(); ++k) {
          if (out[k].byte_start != serial[d][k].byte_start || out[k].id != serial[d][k].id) {
            ++mismatches;
          }
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

// ExtractBatch starts min(threads, documents) threads. An absurd thread count must not
// crash the process (std::thread throwing std::system_error out of ExtractBatch, with
// joinable threads in the pool, is std::terminate) and must still give every result.
TEST(BatchThreadsTest, AbsurdThreadCountDoesNotCrash) {
  const size_t n = 20000;
  std::vector<std::string> docs(n, "خبر من الموصل");
  std::vector<std::string_view> views(docs.begin(), docs.end());
  std::vector<std::vector<Entity>> out;
  std::vector<absl::Status> statuses;
  Default().ExtractBatch(views, 1u << 30, &out, &statuses);
  ASSERT_EQ(out.size(), n);
  for (size_t i = 0; i < n; ++i) {
    ASSERT_TRUE(statuses[i].ok()) << i;
    ASSERT_EQ(out[i].size(), 1u) << i;
  }
}

TEST(BatchThreadsTest, EmptyBatchAndOneThread) {
  std::vector<std::vector<Entity>> out(3);
  std::vector<absl::Status> statuses(5);
  Default().ExtractBatch({}, 0, &out, &statuses);
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(statuses.empty());
  Default().ExtractBatch({"الموصل", "\xFF", ""}, 1, &out, &statuses);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].size(), 1u);
  EXPECT_EQ(statuses[1].code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(statuses[2].ok());
}

}  // namespace
}  // namespace alam::hardening
