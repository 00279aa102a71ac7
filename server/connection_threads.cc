#include "server/connection_threads.h"

namespace wiedza::server {

ConnectionThreads::ConnectionThreads(std::size_t max_threads, std::chrono::milliseconds idle_exit)
    : max_threads_(max_threads == 0 ? 1 : max_threads), idle_exit_(idle_exit) {}

ConnectionThreads::~ConnectionThreads() { shutdown(); }

void ConnectionThreads::reap_finished() {
  for (const std::thread::id& id : finished_) {
    auto it = threads_.find(id);
    if (it == threads_.end()) continue;
    it->second.join();  // it has left work() already: this returns at once
    threads_.erase(it);
  }
  finished_.clear();
}

void ConnectionThreads::enqueue(std::function<void()> fn) {
  std::lock_guard lock(mutex_);
  reap_finished();
  jobs_.push_back(std::move(fn));
  if (idle_ < jobs_.size() && threads_.size() < max_threads_) {
    std::thread t([this] { work(); });  // it waits for mutex_ before touching anything
    const std::thread::id id = t.get_id();
    threads_.emplace(id, std::move(t));
  }
  wake_.notify_one();
}

void ConnectionThreads::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    ++idle_;
    const bool woken = wake_.wait_for(lock, idle_exit_, [this] { return stop_ || !jobs_.empty(); });
    --idle_;
    if (jobs_.empty()) {
      if (stop_ || !woken) break;
      continue;
    }
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    job();
    job = nullptr;  // whatever the job holds goes now, not when the next one arrives
    lock.lock();
  }
  finished_.push_back(std::this_thread::get_id());
}

void ConnectionThreads::shutdown() {
  std::map<std::thread::id, std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    threads.swap(threads_);
    finished_.clear();
  }
  wake_.notify_all();
  for (auto& [id, t] : threads) t.join();
}

std::size_t ConnectionThreads::threads() const {
  std::lock_guard lock(mutex_);
  return threads_.size() - finished_.size();
}

}  // namespace wiedza::server
