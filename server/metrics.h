// Request counters, a latency histogram and cache hit counts, rendered in the Prometheus
// text format.
// Thread-safe.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "search/cache_options.h"

namespace wiedza::server {

class Metrics {
 public:
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
};

}  // namespace wiedza::server
