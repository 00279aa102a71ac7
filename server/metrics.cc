#include "server/metrics.h"

#include <sstream>

namespace wiedza::server {

void Metrics::observe(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, status}];
  auto& b = buckets_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++b[i];
  }
  ++b[kBuckets.size()];
  sum_[route] += seconds;
}

std::string Metrics::render(unsigned documents, unsigned long long revision, const CacheStats& caches) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::ostringstream out;
  out << "# HELP wiedza_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE wiedza_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out << "wiedza_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count
        << "\n";
  }
  out << "# HELP wiedza_http_request_duration_seconds Time to answer a request.\n"
      << "# TYPE wiedza_http_request_duration_seconds histogram\n";
  for (const auto& [route, b] : buckets_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << "wiedza_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"" << kBuckets[i] << "\"} "
          << b[i] << "\n";
    }
    out << "wiedza_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << b[kBuckets.size()]
        << "\n";
    out << "wiedza_http_request_duration_seconds_sum{route=\"" << route << "\"} " << sum_.at(route) << "\n";
    out << "wiedza_http_request_duration_seconds_count{route=\"" << route << "\"} " << b[kBuckets.size()] << "\n";
  }
  out << "# HELP wiedza_documents Articles in the served index.\n# TYPE wiedza_documents gauge\n"
      << "wiedza_documents " << documents << "\n"
      << "# HELP wiedza_index_revision Revision of the served index.\n# TYPE wiedza_index_revision gauge\n"
      << "wiedza_index_revision " << revision << "\n"
      << "# HELP wiedza_cache_lookups_total Lookups in the per-revision caches by cache and outcome.\n"
      << "# TYPE wiedza_cache_lookups_total counter\n"
      << "wiedza_cache_lookups_total{cache=\"results\",outcome=\"hit\"} " << caches.result_hits << "\n"
      << "wiedza_cache_lookups_total{cache=\"results\",outcome=\"miss\"} " << caches.result_misses << "\n"
      << "wiedza_cache_lookups_total{cache=\"documents\",outcome=\"hit\"} " << caches.document_hits << "\n"
      << "wiedza_cache_lookups_total{cache=\"documents\",outcome=\"miss\"} " << caches.document_misses << "\n";
  if (connections_) {
    const ConnectionStats c = connections_();
    out << "# HELP wiedza_connections_open HTTP connections open now.\n# TYPE wiedza_connections_open gauge\n"
        << "wiedza_connections_open " << c.open << "\n"
        << "# HELP wiedza_requests_refused_total Requests cut off by a connection limit, by reason.\n"
        << "# TYPE wiedza_requests_refused_total counter\n"
        << "wiedza_requests_refused_total{reason=\"timeout\"} " << c.refused_slow << "\n"
        << "wiedza_requests_refused_total{reason=\"headers_too_large\"} " << c.refused_large << "\n";
  }
  return out.str();
}

}  // namespace wiedza::server
