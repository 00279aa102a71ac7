// Request counters, a latency histogram and cache hit counts, rendered in the Prometheus
// text format.
// Thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "search/cache_options.h"

namespace wiedza::server {

// What the connection handling (server/guarded_server.h) reports.
struct ConnectionStats {
  std::size_t open = 0;
  std::size_t refused_slow = 0;   // 408: headers or request not received in time
  std::size_t refused_large = 0;  // 431: request line and headers too large
};

class Metrics {
 public:
  // Read at scrape time; set once before serving.
  void set_connection_source(std::function<ConnectionStats()> source) { connections_ = std::move(source); }
  void observe(const std::string& route, int status, double seconds);
  // `documents` and `revision` are gauges read at scrape time.
  std::string render(unsigned documents, unsigned long long revision, const CacheStats& caches) const;

  static constexpr std::array<double, 11> kBuckets = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02,
                                                      0.05,   0.1,   0.25,  0.5,   1.0};

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, unsigned long long> requests_;
  std::map<std::string, std::array<unsigned long long, kBuckets.size() + 1>> buckets_;  // last: +Inf
  std::map<std::string, double> sum_;
  std::function<ConnectionStats()> connections_;
};

}  // namespace wiedza::server
