// A pool of Searchers (Xapian objects and the analyser are not thread-safe, so a request
// leases one for its duration). All of them share per-revision resources, are created up
// front (loading the dictionary takes ~0.1 s, which no request should pay), and check
// for a newer database revision at most every kFreshnessCheck, so edits and reindexing
// show within a second.
//
// Thread-safe: any thread may acquire; a Lease is used by the thread that holds it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "search/searcher.h"

namespace wiedza::server {

// No Searcher became free within PoolOptions::acquire_timeout (every one is busy with a
// slow request): the request is answered 503, not queued forever.
class PoolExhausted : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The leased Searcher could not be brought up to date and no new one could be opened
// (the database is being replaced or is damaged): 503 until it opens again.
class IndexUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PoolOptions {
  std::size_t size = 8;  // Searchers, so searches running at once
  CacheOptions caches;
  std::chrono::milliseconds acquire_timeout{5000};
  // How a Searcher is brought to the newest revision; a seam for fault-injection tests.
  std::function<void(Searcher&)> reopen = [](Searcher& s) { s.reopen(); };
};

class SearcherPool {
 public:
  // Creates `options.size` Searchers now (in parallel). At most that many searches run
  // at once; further requests wait, oldest first, for at most acquire_timeout (HTTP
  // threads outnumber Searchers: a keep-alive connection holds a thread even when idle).
  SearcherPool(std::string db_path, RankingOptions ranking, PoolOptions options = {});

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

  // A Searcher for this request, reopened first when its revision may be stale. Throws
  // PoolExhausted or IndexUnavailable; the pool never loses a Searcher either way.
  Lease acquire();

  // Cache hits and misses of all the pool's Searchers (for /metrics).
  CacheStats cache_stats() const { return cache_->stats(); }
  // Searchers the pool holds (idle or leased); stays options.size through failures.
  std::size_t size() const { return options_.size; }
  std::size_t idle() const;

  static constexpr std::chrono::milliseconds kFreshnessCheck{250};

 private:
  struct Idle {
    std::unique_ptr<Searcher> searcher;
    std::chrono::steady_clock::time_point checked;
  };
  std::unique_ptr<Searcher> create();
  // Brings `idle` up to date, replacing its Searcher with a new one when reopening
  // fails. Throws IndexUnavailable (after putting `idle` back) when both fail.
  void refresh(Idle& idle);
  void release(std::unique_ptr<Searcher> s, std::chrono::steady_clock::time_point checked);

  std::string db_path_;
  RankingOptions ranking_;
  PoolOptions options_;
  std::shared_ptr<ResourceCache> cache_;
  // A request waiting for a Searcher; release() hands one over directly, oldest waiter
  // first, so no request starves under load.
  struct Waiter {
    std::condition_variable ready;
    Idle handed;
  };
  mutable std::mutex mutex_;
  std::vector<Idle> idle_;
  std::deque<Waiter*> waiters_;
};

}  // namespace wiedza::server
