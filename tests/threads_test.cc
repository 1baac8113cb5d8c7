// One extractor, many threads, each with its own scratch: results identical to serial.
// Run under TSan by the "tsan" preset (label "threads").
#include <dirent.h>

#include <array>
#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "alam/extractor.h"
#include "gtest/gtest.h"

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
