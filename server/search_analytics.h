// Records searches and feedback without slowing searches down: handlers put entries on a
// bounded in-memory queue (a mutex and a push); one background thread writes them to the
// AnalyticsStore in batched transactions. When the queue is full, entries are dropped and
// counted rather than making a search wait for the disk.
//
// Thread-safe: record_*, flush() and purge_expired() may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "server/analytics_store.h"

namespace wiedza::server {

struct AnalyticsOptions {
  std::string path;          // the SQLite state file (server_config.h: state_file())
  int retention_days = 30;   // rows older than this are deleted at start and hourly
  int node = 0;              // the id range (analytics_store.h, kIdsPerNode)
  std::size_t queue_capacity = 10000;  // entries waiting for the writer; beyond it, drop
  std::size_t batch_size = 200;        // the writer wakes early once this many wait
  std::chrono::milliseconds flush_interval{500};  // ... and at least this often
  // Unix seconds; tests inject a clock to record "old" rows. Null: the system clock.
  std::function<std::int64_t()> clock;
};

class SearchAnalytics {
 public:
  // Opens the store and deletes expired rows before the writer starts. Throws
  // SqliteError naming the file when it cannot be opened.
  explicit SearchAnalytics(AnalyticsOptions options);
  // Writes everything still queued, then stops the writer.
  ~SearchAnalytics();
  SearchAnalytics(const SearchAnalytics&) = delete;
  SearchAnalytics& operator=(const SearchAnalytics&) = delete;

  // Queues a search (the query as typed; the store redacts it) and returns its id, or
  // nullopt when it was dropped (queue full, or stopped).
  std::optional<std::int64_t> record_search(std::string query, std::int64_t total, std::optional<std::string> top_id);
  // Queues a feedback event (its time and id are set here); false when dropped.
  bool record_feedback(FeedbackRecord feedback);

  // Stores rows a replica forwarded (their ids from its range) now, in one transaction,
  // so a reply to the replica means they are kept. Throws SqliteError.
  void import(const std::vector<SearchRecord>& searches, const std::vector<FeedbackRecord>& feedback);

  // Returns once everything queued before the call is committed (or failed and counted).
  void flush();
  // Writes what is queued, stops the writer and drops whatever is recorded afterwards.
  // Idempotent.
  void stop();
  // Deletes rows older than the retention period now (the writer also does so hourly).
  void purge_expired();

  // Runs `read` on the store with the writer excluded, after a flush, so a report sees
  // every search recorded before it was asked for.
  template <typename F>
  auto read(F&& read) {
    flush();
    std::lock_guard store_lock(store_mutex_);
    return read(store_);
  }

  std::uint64_t dropped() const { return dropped_.load(); }
  std::int64_t now() const { return clock_(); }
  const std::string& path() const { return store_.path(); }

 private:
  using Entry = std::variant<SearchRecord, FeedbackRecord>;

  bool enqueue(Entry entry);
  void writer_loop();
  void write_batch(std::vector<Entry>& batch);

  AnalyticsOptions options_;
  std::function<std::int64_t()> clock_;
  AnalyticsStore store_;
  std::mutex store_mutex_;  // the store's one connection: writer, purge and readers take turns

  std::mutex mutex_;  // guards everything below
  std::condition_variable wake_writer_;
  std::condition_variable written_cv_;
  std::vector<Entry> queue_;
  std::int64_t next_search_id_ = 1;
  std::int64_t next_feedback_id_ = 1;
  std::uint64_t accepted_ = 0;  // entries ever queued
  std::uint64_t written_ = 0;   // entries ever taken off the queue and written (or lost)
  std::size_t flushes_waiting_ = 0;
  bool stopping_ = false;
  bool stopped_ = false;

  std::atomic<std::uint64_t> dropped_{0};
  std::thread writer_;
};

}  // namespace wiedza::server
