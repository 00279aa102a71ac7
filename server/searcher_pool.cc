#include "server/searcher_pool.h"

#include <algorithm>
#include <exception>
#include <thread>

#include <xapian.h>

namespace wiedza::server {

SearcherPool::SearcherPool(std::string db_path, RankingOptions ranking, PoolOptions options)
    : db_path_(std::move(db_path)),
      ranking_(ranking),
      options_(std::move(options)),
      cache_(std::make_shared<ResourceCache>(options_.caches)) {
  options_.size = std::max<std::size_t>(1, options_.size);
  std::vector<std::unique_ptr<Searcher>> made(options_.size);
  std::vector<std::thread> builders;
  const std::size_t parallel = std::max<std::size_t>(1, std::thread::hardware_concurrency());
  // An exception escaping a thread would end the process: each builder keeps its own and
  // the first is rethrown here, where the caller reports it.
  std::vector<std::exception_ptr> failures(parallel);
  for (std::size_t t = 0; t < parallel; ++t) {
    builders.emplace_back([&, t] {
      try {
        for (std::size_t i = t; i < made.size(); i += parallel) made[i] = create();
      } catch (...) {
        failures[t] = std::current_exception();
      }
    });
  }
  for (auto& b : builders) b.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  const auto now = std::chrono::steady_clock::now();
  for (auto& s : made) idle_.push_back({std::move(s), now});
}

std::unique_ptr<Searcher> SearcherPool::create() {
  return std::make_unique<Searcher>(db_path_, analysis::default_dictionary_dir(), ranking_, cache_);
}

std::size_t SearcherPool::idle() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return idle_.size();
}

void SearcherPool::refresh(Idle& idle) {
  std::string why;
  try {
    options_.reopen(*idle.searcher);
    return;
  } catch (const Xapian::Error& e) {
    why = e.get_description();
  } catch (const std::exception& e) {
    why = e.what();
  }
  // The Searcher may be in any state now: open a fresh one in its place.
  try {
    idle.searcher = create();
    return;
  } catch (const std::exception& e) {
    why += "; opening it again failed too: " + std::string(e.what());
  } catch (const Xapian::Error& e) {
    why += "; opening it again failed too: " + e.get_description();
  }
  release(std::move(idle.searcher), idle.checked);  // kept, to be retried by the next request
  throw IndexUnavailable("the index cannot be read right now (" + why + ")");
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
      if (!me.ready.wait_for(lock, options_.acquire_timeout, [&me] { return me.handed.searcher != nullptr; })) {
        waiters_.erase(std::find(waiters_.begin(), waiters_.end(), &me));
        throw PoolExhausted("all " + std::to_string(options_.size) + " searchers stayed busy for " +
                            std::to_string(options_.acquire_timeout.count()) + " ms");
      }
      idle = std::move(me.handed);
    }
  }
  const auto now = std::chrono::steady_clock::now();
  if (now - idle.checked >= kFreshnessCheck) {
    refresh(idle);
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
