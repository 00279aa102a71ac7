// A replica's searches and feedback reach the editors' report on the primary: a
// background thread sends this node's rows from its own state file to the primary's
// POST /api/analytics/import, oldest first, in batches, and remembers in the file how far
// it got. The replica records locally first, so nothing is lost while the primary is
// down or restarting; the primary skips rows it already has, so a batch resent after a
// lost reply counts once. Queries are already redacted when they leave; retention applies
// on both sides.
//
// Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "server/search_analytics.h"

namespace wiedza::server {

struct ForwarderOptions {
  std::string primary_url;  // http://host:port
  std::string token;        // a bearer token the primary's --tokens file has
  int node = 1;
  std::chrono::milliseconds interval{1000};  // between attempts while there is nothing to send
  std::size_t batch = 500;                   // rows of each kind per request
};

struct ForwarderStats {
  std::uint64_t searches = 0;  // forwarded since start
  std::uint64_t feedback = 0;
  std::uint64_t failures = 0;  // attempts the primary did not accept
  std::string last_error;
};

class AnalyticsForwarder {
 public:
  AnalyticsForwarder(SearchAnalytics& analytics, ForwarderOptions options);
  // Makes a last attempt to send what is recorded, then stops.
  ~AnalyticsForwarder();
  AnalyticsForwarder(const AnalyticsForwarder&) = delete;
  AnalyticsForwarder& operator=(const AnalyticsForwarder&) = delete;

  ForwarderStats stats() const;

 private:
  void loop();
  // Sends one batch; returns the rows sent (0 when there was nothing or it failed).
  std::size_t forward_once();

  SearchAnalytics& analytics_;
  const ForwarderOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  ForwarderStats stats_;
  std::thread thread_;
};

}  // namespace wiedza::server
