// A pool of Searchers (Xapian objects and the analyser are not thread-safe, so a request
// leases one for its duration). All of them share per-revision resources, are created up
// front (loading the dictionary takes ~0.1 s, which no request should pay), and check
// for a newer database revision at most every kFreshnessCheck, so edits and reindexing
// show within a second.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "search/searcher.h"

namespace wiedza::server {

class SearcherPool {
 public:
  // Creates `warm` Searchers now (in parallel); more are created if more requests run
  // at once.
  SearcherPool(std::string db_path, RankingOptions ranking, std::size_t warm);

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
  std::mutex mutex_;
  std::vector<Idle> idle_;
};

}  // namespace wiedza::server
