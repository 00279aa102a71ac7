#include "server/analytics_forwarder.h"

#include <cstdio>

#include <httplib.h>

#include "server/analytics_import.h"

namespace wiedza::server {
namespace {

constexpr const char* kSearchMark = "forwarded_search_id";
constexpr const char* kFeedbackMark = "forwarded_feedback_id";
constexpr std::chrono::milliseconds kMaxBackoff{30000};

}  // namespace

AnalyticsForwarder::AnalyticsForwarder(SearchAnalytics& analytics, ForwarderOptions options)
    : analytics_(analytics), options_(std::move(options)) {
  thread_ = std::thread([this] { loop(); });
}

AnalyticsForwarder::~AnalyticsForwarder() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

ForwarderStats AnalyticsForwarder::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void AnalyticsForwarder::loop() {
  std::chrono::milliseconds wait = options_.interval;
  std::unique_lock lock(mutex_);
  for (;;) {
    const bool last = stopping_;
    const std::uint64_t failures_before = stats_.failures;
    lock.unlock();
    std::size_t sent = forward_once();
    // A full batch means more is waiting: send it now rather than a second later.
    while (sent >= options_.batch && !last) sent = forward_once();
    lock.lock();
    if (last) return;
    // While the primary refuses or is away, wait longer each time (up to 30 s), so a
    // primary coming back is not met by every replica at once.
    wait = stats_.failures > failures_before ? std::min(kMaxBackoff, wait * 2) : options_.interval;
    wake_.wait_for(lock, wait, [&] { return stopping_; });
  }
}

std::size_t AnalyticsForwarder::forward_once() {
  ImportBatch batch;
  batch.node = options_.node;
  std::int64_t search_mark = 0, feedback_mark = 0;
  try {
    analytics_.read([&](AnalyticsStore& store) {
      search_mark = store.mark(kSearchMark);
      feedback_mark = store.mark(kFeedbackMark);
      batch.searches = store.searches_after(search_mark, options_.batch);
      batch.feedback = store.feedback_after(feedback_mark, options_.batch);
    });
  } catch (const std::exception& e) {
    std::lock_guard lock(mutex_);
    stats_.failures++;
    stats_.last_error = std::string("reading the state file: ") + e.what();
    return 0;
  }
  if (batch.searches.empty() && batch.feedback.empty()) return 0;

  httplib::Client client(options_.primary_url);
  client.set_connection_timeout(std::chrono::seconds(2));
  client.set_read_timeout(std::chrono::seconds(10));
  client.set_bearer_token_auth(options_.token);
  auto res = client.Post("/api/analytics/import", import_batch_json(batch).dump(), "application/json");
  std::string error;
  if (!res) {
    error = "cannot reach " + options_.primary_url + ": " + httplib::to_string(res.error());
  } else if (res->status != 200) {
    error = options_.primary_url + " refused the batch with " + std::to_string(res->status) + ": " + res->body;
  }
  std::lock_guard lock(mutex_);
  if (!error.empty()) {
    // Logged when the reason changes, not on every retry of a primary that is away.
    if (error != stats_.last_error) {
      std::fprintf(stderr, "{\"event\":\"analytics_forward_failed\",\"error\":%s}\n",
                   nlohmann::json(error).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
    stats_.failures++;
    stats_.last_error = error;
    return 0;
  }
  try {
    analytics_.read([&](AnalyticsStore& store) {
      if (!batch.searches.empty()) store.set_mark(kSearchMark, batch.searches.back().id);
      if (!batch.feedback.empty()) store.set_mark(kFeedbackMark, batch.feedback.back().id);
    });
  } catch (const std::exception& e) {
    // The primary has the rows; resending them later is harmless (it skips known ids).
    stats_.failures++;
    stats_.last_error = std::string("recording progress in the state file: ") + e.what();
    return 0;
  }
  stats_.searches += batch.searches.size();
  stats_.feedback += batch.feedback.size();
  stats_.last_error.clear();
  return std::max(batch.searches.size(), batch.feedback.size());
}

}  // namespace wiedza::server
