#include "server/searcher_pool.h"

#include <thread>

namespace wiedza::server {

SearcherPool::SearcherPool(std::string db_path, RankingOptions ranking, std::size_t size, CacheOptions caches)
    : db_path_(std::move(db_path)), ranking_(ranking), cache_(std::make_shared<ResourceCache>(caches)) {
  const std::size_t warm = std::max<std::size_t>(1, size);
  std::vector<std::unique_ptr<Searcher>> made(warm);
  std::vector<std::thread> builders;
  const std::size_t parallel = std::max<std::size_t>(1, std::thread::hardware_concurrency());
  for (std::size_t t = 0; t < parallel; ++t) {
    builders.emplace_back([&, t] {
      for (std::size_t i = t; i < warm; i += parallel) made[i] = create();
    });
  }
  for (auto& b : builders) b.join();
  const auto now = std::chrono::steady_clock::now();
  for (auto& s : made) idle_.push_back({std::move(s), now});
}

std::unique_ptr<Searcher> SearcherPool::create() {
  return std::make_unique<Searcher>(db_path_, analysis::default_dictionary_dir(), ranking_, cache_);
}

SearcherPool::Lease SearcherPool::acquire() {
  Idle idle;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!idle_.empty() && waiters_.empty()) {
      idle = std::move(idle_.back());
      idle_.pop_back();
    } else {
      Waiter me;
      waiters_.push_back(&me);
      me.ready.wait(lock, [&me] { return me.handed.searcher != nullptr; });
      idle = std::move(me.handed);
    }
  }
  const auto now = std::chrono::steady_clock::now();
  if (now - idle.checked >= kFreshnessCheck) {
    idle.searcher->reopen();
    idle.checked = now;
  }
  return Lease(*this, std::move(idle.searcher), idle.checked);
}

void SearcherPool::release(std::unique_ptr<Searcher> s, std::chrono::steady_clock::time_point checked) {
  if (!s) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (waiters_.empty()) {
    idle_.push_back({std::move(s), checked});
    return;
  }
  Waiter* next = waiters_.front();
  waiters_.pop_front();
  next->handed = {std::move(s), checked};
  next->ready.notify_one();
}

}  // namespace wiedza::server
