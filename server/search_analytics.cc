#include "server/search_analytics.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace wiedza::server {
namespace {

constexpr std::int64_t kSecondsPerDay = 24 * 60 * 60;
constexpr std::int64_t kPurgeEverySeconds = 60 * 60;

std::int64_t system_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// A failed write must not take searching down; it is logged (without any query text)
// and the entries are counted as dropped.
void log_write_failure(const std::string& what, std::size_t entries) {
  nlohmann::json line = {{"event", "analytics_write_failed"}, {"entries", entries}, {"error", what}};
  std::fprintf(stderr, "%s\n", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace

SearchAnalytics::SearchAnalytics(AnalyticsOptions options)
    : options_(std::move(options)),
      clock_(options_.clock ? options_.clock : system_seconds),
      store_(options_.path, options_.node) {
  next_search_id_ = store_.last_search_id() + 1;
  next_feedback_id_ = store_.last_feedback_id() + 1;
  purge_expired();
  writer_ = std::thread([this] { writer_loop(); });
}

SearchAnalytics::~SearchAnalytics() { stop(); }

std::optional<std::int64_t> SearchAnalytics::record_search(std::string query, std::int64_t total,
                                                           std::optional<std::string> top_id) {
  SearchRecord r{0, clock_(), std::move(query), total, std::move(top_id)};
  std::unique_lock lock(mutex_);
  if (stopped_ || stopping_ || queue_.size() >= options_.queue_capacity) {
    dropped_++;
    return std::nullopt;
  }
  r.id = next_search_id_++;
  const std::int64_t id = r.id;
  queue_.emplace_back(std::move(r));
  accepted_++;
  if (queue_.size() >= options_.batch_size) wake_writer_.notify_one();
  return id;
}

bool SearchAnalytics::record_feedback(FeedbackRecord feedback) {
  feedback.time = clock_();
  return enqueue(std::move(feedback));
}

bool SearchAnalytics::enqueue(Entry entry) {
  std::unique_lock lock(mutex_);
  if (stopped_ || stopping_ || queue_.size() >= options_.queue_capacity) {
    dropped_++;
    return false;
  }
  // Given under the lock, so ids reach the store in increasing order: forwarding
  // (analytics_forwarder.h) relies on it to resume from the last id sent.
  if (auto* f = std::get_if<FeedbackRecord>(&entry)) f->id = next_feedback_id_++;
  queue_.push_back(std::move(entry));
  accepted_++;
  if (queue_.size() >= options_.batch_size) wake_writer_.notify_one();
  return true;
}

void SearchAnalytics::flush() {
  std::unique_lock lock(mutex_);
  if (stopped_) return;
  const std::uint64_t target = accepted_;
  flushes_waiting_++;
  wake_writer_.notify_one();
  written_cv_.wait(lock, [&] { return written_ >= target || stopped_; });
  flushes_waiting_--;
}

void SearchAnalytics::stop() {
  {
    std::unique_lock lock(mutex_);
    if (stopping_ || stopped_) {
      written_cv_.wait(lock, [&] { return stopped_; });
      return;
    }
    stopping_ = true;
  }
  wake_writer_.notify_one();
  writer_.join();
}

void SearchAnalytics::import(const std::vector<SearchRecord>& searches, const std::vector<FeedbackRecord>& feedback) {
  std::lock_guard store_lock(store_mutex_);
  store_.insert(searches, feedback);
}

void SearchAnalytics::purge_expired() {
  const std::int64_t cutoff = clock_() - static_cast<std::int64_t>(options_.retention_days) * kSecondsPerDay;
  try {
    std::lock_guard store_lock(store_mutex_);
    store_.delete_before(cutoff);
  } catch (const std::exception& e) {
    log_write_failure(e.what(), 0);
  }
}

void SearchAnalytics::writer_loop() {
  std::int64_t next_purge = clock_() + kPurgeEverySeconds;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_writer_.wait_for(lock, options_.flush_interval, [&] {
      return stopping_ || queue_.size() >= options_.batch_size || (flushes_waiting_ > 0 && !queue_.empty());
    });
    std::vector<Entry> batch;
    batch.swap(queue_);
    const bool last = stopping_;
    lock.unlock();
    write_batch(batch);
    if (clock_() >= next_purge) {
      purge_expired();
      next_purge = clock_() + kPurgeEverySeconds;
    }
    lock.lock();
    written_ += batch.size();
    if (last) {
      stopped_ = true;  // record_* refuse from stopping_ on, so nothing is left behind
      written_cv_.notify_all();
      return;
    }
    written_cv_.notify_all();
  }
}

void SearchAnalytics::write_batch(std::vector<Entry>& batch) {
  if (batch.empty()) return;
  std::vector<SearchRecord> searches;
  std::vector<FeedbackRecord> feedback;
  for (Entry& e : batch) {
    if (auto* s = std::get_if<SearchRecord>(&e)) {
      searches.push_back(std::move(*s));
    } else {
      feedback.push_back(std::get<FeedbackRecord>(std::move(e)));
    }
  }
  try {
    std::lock_guard store_lock(store_mutex_);
    store_.insert(searches, feedback);
  } catch (const std::exception& e) {
    log_write_failure(e.what(), batch.size());
    dropped_ += batch.size();
  }
}

}  // namespace wiedza::server
