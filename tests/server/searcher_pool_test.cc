// The searcher pool on a real index: it never loses a Searcher when reopening fails,
// replaces a broken one, and bounds how long a request waits.
#include "server/searcher_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "indexer/index_writer.h"
#include "tests/support/test_corpus.h"

namespace wiedza::server {
namespace {

using testing::TempDir;
using testing::TestCorpus;

class SearcherPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestCorpus corpus(tmp.path() / "corpus");
    corpus.put("a", TestCorpus::article("a", "Dowód osobisty", "Wniosek o dowód osobisty."));
    analysis::Analyzer analyzer;
    sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), analyzer);
  }
  // Lets the freshness check run on the next acquire.
  static void wait_freshness() { std::this_thread::sleep_for(SearcherPool::kFreshnessCheck + std::chrono::milliseconds(20)); }
  TempDir tmp;
};

TEST_F(SearcherPoolTest, AFailingReopenReplacesTheSearcherInsteadOfLosingIt) {
  std::atomic<int> failures{0};
  PoolOptions options;
  options.size = 2;
  options.reopen = [&](Searcher& s) {
    if (failures.fetch_add(1) < 10) throw Xapian::DatabaseModifiedError("injected: the writer moved on");
    s.reopen();
  };
  SearcherPool pool(tmp.str("db"), {}, options);
  // More failing reopens than the pool has Searchers: every request is still answered.
  for (int i = 0; i < 6; ++i) {
    wait_freshness();
    auto lease = pool.acquire();
    EXPECT_FALSE(lease->search({"dowód", 10, 0, {}, {}, {}}).hits.empty());
  }
  EXPECT_GE(failures.load(), 6);
  EXPECT_EQ(pool.idle(), 2u) << "a Searcher was lost";
}

TEST_F(SearcherPoolTest, WhenNothingOpensTheRequestFailsClearlyAndTheSearcherStays) {
  PoolOptions options;
  options.size = 1;
  options.reopen = [](Searcher&) { throw Xapian::DatabaseOpeningError("injected: cannot open"); };
  SearcherPool pool(tmp.str("db"), {}, options);
  std::filesystem::rename(tmp.path() / "db", tmp.path() / "moved");  // a new Searcher cannot open either
  wait_freshness();
  EXPECT_THROW(pool.acquire(), IndexUnavailable);
  EXPECT_EQ(pool.idle(), 1u) << "the Searcher was lost";
  std::filesystem::rename(tmp.path() / "moved", tmp.path() / "db");
  wait_freshness();
  auto lease = pool.acquire();  // reopen still fails, but a new Searcher opens now
  EXPECT_FALSE(lease->search({"dowód", 10, 0, {}, {}, {}}).hits.empty());
}

TEST_F(SearcherPoolTest, WaitingForABusyPoolIsBounded) {
  PoolOptions options;
  options.size = 1;
  options.acquire_timeout = std::chrono::milliseconds(200);
  SearcherPool pool(tmp.str("db"), {}, options);
  {
    auto held = pool.acquire();
    const auto start = std::chrono::steady_clock::now();
    std::thread other([&] { EXPECT_THROW(pool.acquire(), PoolExhausted); });
    other.join();
    const auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_GE(waited, std::chrono::milliseconds(200));
    EXPECT_LT(waited, std::chrono::seconds(5));
  }
  // The timed-out waiter left the queue: the next request gets the Searcher at once.
  auto lease = pool.acquire();
  EXPECT_EQ(pool.idle(), 0u);
}

}  // namespace
}  // namespace wiedza::server
