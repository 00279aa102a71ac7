#include "search/lru_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace wiedza {
namespace {

std::shared_ptr<const std::string> value(const std::string& s) { return std::make_shared<const std::string>(s); }

TEST(LruCache, KeepsTheMostRecentlyUsedWithinCapacity) {
  LruCache<int, std::string> cache(2);
  cache.insert(1, value("one"));
  cache.insert(2, value("two"));
  ASSERT_NE(cache.find(1), nullptr);  // 1 is now more recent than 2
  cache.insert(3, value("three"));    // evicts 2, the least recently used
  EXPECT_EQ(cache.find(2), nullptr);
  ASSERT_NE(cache.find(1), nullptr);
  EXPECT_EQ(*cache.find(1), "one");
  EXPECT_EQ(*cache.find(3), "three");
  EXPECT_EQ(cache.size(), 2u);
}

TEST(LruCache, InsertingAnExistingKeyReplacesItsValue) {
  LruCache<int, std::string> cache(2);
  cache.insert(1, value("old"));
  cache.insert(1, value("new"));
  EXPECT_EQ(*cache.find(1), "new");
  EXPECT_EQ(cache.size(), 1u);
}

TEST(LruCache, CapacityZeroKeepsNothing) {
  auto counters = std::make_shared<CacheCounters>();
  LruCache<int, std::string> cache(0, counters);
  cache.insert(1, value("one"));
  EXPECT_EQ(cache.find(1), nullptr);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(counters->misses.load(), 1u);
}

TEST(LruCache, CountsHitsAndMisses) {
  auto counters = std::make_shared<CacheCounters>();
  LruCache<std::string, std::string> cache(4, counters);
  cache.find("a");
  cache.insert("a", value("A"));
  cache.find("a");
  cache.find("a");
  EXPECT_EQ(counters->hits.load(), 2u);
  EXPECT_EQ(counters->misses.load(), 1u);
}

// Several threads inserting and looking up at once never see a value under another key
// and never exceed the capacity.
TEST(LruCache, IsSafeToShareBetweenThreads) {
  LruCache<int, std::string> cache(50);
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20000; ++i) {
        const int key = (i * 7 + t) % 120;
        if (auto v = cache.find(key)) {
          if (*v != std::to_string(key)) ++wrong;
        } else {
          cache.insert(key, value(std::to_string(key)));
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_LE(cache.size(), 50u);
}

}  // namespace
}  // namespace wiedza
