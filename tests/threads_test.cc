// One extractor, many threads, each with its own scratch: results identical to serial; and
// concurrency misuse (a shared scratch, a foreign scratch, absurd thread counts).
// Run under TSan by the "tsan" preset (label "threads").
#include <dirent.h>

#include <array>
#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "alam/alam.h"
#include "alam/extractor.h"
#include "gtest/gtest.h"
#include "robustness_util.h"

namespace alam {
namespace {

std::vector<std::string> Texts() {
  std::vector<std::string> texts = {
      "قالت قوات سوريا الديمقراطية إنها سيطرت على حي المشلب في الرقة",
      "وصل بوتين إلى دمشق، وقصفت الطائرات ريف إدلب وحلب",
      "",
      "تنظيم \"الدولة\" انسحب من الموصل وتلعفر باتجاه القائم والبوكمال"};
  // Vary them so threads do not all see the same bytes.
  std::vector<std::string> out;
  for (int i = 0; i < 40; ++i) {
    out.push_back(texts[static_cast<size_t>(i) % texts.size()] + std::string(static_cast<size_t>(i % 5), ' ') +
                  texts[static_cast<size_t>(i + 1) % texts.size()]);
  }
  return out;
}

struct Flat {
  size_t b, e;
  std::string id;
  bool operator==(const Flat& o) const { return b == o.b && e == o.e && id == o.id; }
};

std::vector<std::vector<Flat>> Serial(const Extractor& ex, const std::vector<std::string>& texts) {
  std::vector<std::vector<Flat>> out;
  auto scratch = ex.NewScratch();
  for (const std::string& t : texts) {
    std::vector<Entity> es;
    EXPECT_TRUE(ex.Extract(t, scratch.get(), &es).ok());
    std::vector<Flat> f;
    for (const Entity& e : es) f.push_back({e.byte_start, e.byte_end, std::string(e.id)});
    out.push_back(f);
  }
  return out;
}

TEST(ThreadsTest, ManyThreadsOneExtractorMatchSerial) {
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  const std::vector<std::string> texts = Texts();
  const auto expected = Serial(**ex, texts);
  constexpr int kThreads = 8;
  std::vector<std::vector<std::vector<Flat>>> got(kThreads);
  std::vector<std::thread> pool;
  for (int t = 0; t < kThreads; ++t) {
    pool.emplace_back([&, t] {
      for (int rep = 0; rep < 5; ++rep) got[static_cast<size_t>(t)] = Serial(**ex, texts);
    });
  }
  for (auto& th : pool) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(got[static_cast<size_t>(t)], expected) << "thread " << t;
}

// stats() is counted on its first call (not by Create): threads that ask at once, while
// others extract, race on nothing (the tsan build runs this test) and read a table that
// counts what the extractor holds.
TEST(ThreadsTest, FirstStatsCallsRaceSafely) {
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok()) << ex.status();
  const std::vector<std::string> texts = Texts();
  constexpr int kThreads = 6;
  // Each thread's reading of the table: entries, and the entries and aliases of its rows.
  std::vector<std::array<size_t, 3>> seen(kThreads);
  std::vector<std::thread> pool;
  for (int t = 0; t < kThreads; ++t) {
    pool.emplace_back([&, t] {
      if (t % 2 == 0) Serial(**ex, texts);
      const GazetteerStats& s = (*ex)->stats();
      std::array<size_t, 3>& mine = seen[static_cast<size_t>(t)];
      mine = {s.entries, 0, 0};
      for (const auto& r : s.rows) {
        mine[1] += r.entries;
        mine[2] += r.aliases;
      }
    });
  }
  for (auto& th : pool) th.join();
  for (const auto& v : seen) EXPECT_EQ(v, seen[0]);
  EXPECT_GT(seen[0][0], 1000u);
  EXPECT_EQ(seen[0][1], seen[0][0]);  // the rows cover every entry once
  EXPECT_GE(seen[0][2], seen[0][0]);  // every entry's Arabic name is an alias of it
  EXPECT_GT((*ex)->stats().rules, 0u);
}

TEST(ThreadsTest, BatchMatchesSerial) {
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok());
  const std::vector<std::string> texts = Texts();
  std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<std::vector<Entity>> out;
  std::vector<absl::Status> st;
  (*ex)->ExtractBatch(views, 4, &out, &st);
  const auto expected = Serial(**ex, texts);
  ASSERT_EQ(out.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    ASSERT_TRUE(st[i].ok());
    std::vector<Flat> f;
    for (const Entity& e : out[i]) f.push_back({e.byte_start, e.byte_end, std::string(e.id)});
    EXPECT_EQ(f, expected[i]) << i;
  }
}

TEST(ThreadsTest, SharedScratchMisuseIsReportedNotRaced) {
  auto ex = Extractor::Create();
  ASSERT_TRUE(ex.ok());
  auto scratch = (*ex)->NewScratch();
  const std::string long_text = [] {
    std::string s;
    for (int i = 0; i < 2000; ++i) s += "قوات سوريا الديمقراطية في الرقة ودير الزور. ";
    return s;
  }();
  std::atomic<int> busy{0}, ok{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t) {
    pool.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        std::vector<Entity> es;
        absl::Status s = (*ex)->Extract(long_text, scratch.get(), &es);
        if (s.ok()) {
          ++ok;
        } else {
          EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
          ++busy;
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  EXPECT_EQ(ok + busy, 80);
  EXPECT_GT(ok.load(), 0);
}

}  // namespace
}  // namespace alam

// ---- Concurrency misuse (was tests/hardening/concurrency_test.cc) ----
//
// Concurrency misuse (label "threads" too, so the TSan build runs it): one Scratch shared by
// two threads is reported as kFailedPrecondition and is never a data race; a scratch from
// another extractor is kFailedPrecondition; ExtractBatch survives absurd thread counts.
namespace alam::robust {
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
}  // namespace alam::robust
