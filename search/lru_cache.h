// A bounded, thread-safe least-recently-used map from keys to shared immutable values.
// Used per database revision (IndexResources), so entries never need invalidating: a
// new revision starts with new, empty caches.
#pragma once

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace wiedza {

// Hit and miss counts that outlive one revision's caches (for /metrics).
struct CacheCounters {
  std::atomic<std::uint64_t> hits{0};
  std::atomic<std::uint64_t> misses{0};
};

template <typename Key, typename Value, typename Hash = std::hash<Key>>
class LruCache {
 public:
  // Capacity 0 disables the cache: find() always misses and insert() keeps nothing.
  explicit LruCache(std::size_t capacity, std::shared_ptr<CacheCounters> counters = nullptr)
      : capacity_(capacity), counters_(std::move(counters)) {}

  LruCache(const LruCache&) = delete;
  LruCache& operator=(const LruCache&) = delete;

  std::shared_ptr<const Value> find(const Key& key) {
    std::shared_ptr<const Value> found;
    if (capacity_ > 0) {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = index_.find(key);
      if (it != index_.end()) {
        order_.splice(order_.begin(), order_, it->second);
        found = it->second->second;
      }
    }
    if (counters_) (found ? counters_->hits : counters_->misses).fetch_add(1, std::memory_order_relaxed);
    return found;
  }

  void insert(const Key& key, std::shared_ptr<const Value> value) {
    if (capacity_ == 0) return;
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = index_.find(key);
    if (it != index_.end()) {  // another thread got there first; keep the newer value
      it->second->second = std::move(value);
      order_.splice(order_.begin(), order_, it->second);
      return;
    }
    order_.emplace_front(key, std::move(value));
    index_.emplace(key, order_.begin());
    if (order_.size() > capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }

  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return order_.size();
  }
  std::size_t capacity() const { return capacity_; }

 private:
  using Entry = std::pair<Key, std::shared_ptr<const Value>>;
  const std::size_t capacity_;
  std::shared_ptr<CacheCounters> counters_;
  mutable std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<Key, typename std::list<Entry>::iterator, Hash> index_;
};

}  // namespace wiedza
