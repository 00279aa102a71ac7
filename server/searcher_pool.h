// A pool of Searchers (Xapian objects and the analyser are not thread-safe, so a request
// leases one for its duration). All of them share per-revision resources, are created up
// front (loading the dictionary takes ~0.1 s, which no request should pay), and check
// for a newer database revision at most every kFreshnessCheck, so edits and reindexing
// show within a second.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "search/searcher.h"

namespace wiedza::server {

class SearcherPool {
 public:
  // Creates `size` Searchers now (in parallel). At most `size` searches run at once;
  // further requests wait for a free Searcher (HTTP threads outnumber them: a keep-alive
  // connection holds a thread even when idle).
  SearcherPool(std::string db_path, RankingOptions ranking, std::size_t size, CacheOptions caches = {});

  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> s, std::chrono::steady_clock::time_point checked)
        : pool_(pool), searcher_(std::move(s)), checked_(checked) {}
    ~Lease() { pool_.release(std::move(searcher_), checked_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Searcher* operator->() { return searcher_.get(); }
    Searcher& operator*() { return *searcher_; }

   private:
    SearcherPool& pool_;
    std::unique_ptr<Searcher> searcher_;
    std::chrono::steady_clock::time_point checked_;  // when its revision was last checked
  };

  // A Searcher for this request, reopened first when its revision may be stale.
  Lease acquire();

  // Cache hits and misses of all the pool's Searchers (for /metrics).
  CacheStats cache_stats() const { return cache_->stats(); }

  static constexpr std::chrono::milliseconds kFreshnessCheck{250};

 private:
  struct Idle {
    std::unique_ptr<Searcher> searcher;
    std::chrono::steady_clock::time_point checked;
  };
  std::unique_ptr<Searcher> create();
  void release(std::unique_ptr<Searcher> s, std::chrono::steady_clock::time_point checked);

  std::string db_path_;
  RankingOptions ranking_;
  std::shared_ptr<ResourceCache> cache_;
  // A request waiting for a Searcher; release() hands one over directly, oldest waiter
  // first, so no request starves under load.
  struct Waiter {
    std::condition_variable ready;
    Idle handed;
  };
  std::mutex mutex_;
  std::vector<Idle> idle_;
  std::deque<Waiter*> waiters_;
};

}  // namespace wiedza::server
