#include "server/replication_status.h"

#include <sstream>

namespace wiedza::server {

nlohmann::json ReplicationStatus::health(const IndexVersion& served, std::int64_t committed_at_ms) const {
  nlohmann::json out = {{"role", replica() ? "replica" : "primary"},
                        {"node", node},
                        {"committed_at", committed_at_ms}};
  if (!replica()) {
    out["changesets"] = changesets;
    return out;
  }
  out["primary"] = watch->state(served).to_json();
  if (forwarder != nullptr) {
    const ForwarderStats f = forwarder->stats();
    out["analytics_forwarding"] = {{"searches", f.searches},
                                   {"feedback", f.feedback},
                                   {"failures", f.failures},
                                   {"error", f.last_error.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.last_error)}};
  }
  return out;
}

std::string ReplicationStatus::metrics(const IndexVersion& served, std::int64_t committed_at_ms) const {
  std::ostringstream out;
  out << "# HELP wiedza_index_committed_timestamp_seconds When the served revision was committed on the primary.\n"
      << "# TYPE wiedza_index_committed_timestamp_seconds gauge\n"
      << "wiedza_index_committed_timestamp_seconds " << static_cast<double>(committed_at_ms) / 1000.0 << "\n"
      << "# HELP wiedza_replica Whether this node is a read-only replica (1) or the primary (0).\n"
      << "# TYPE wiedza_replica gauge\n"
      << "wiedza_replica " << (replica() ? 1 : 0) << "\n";
  if (!replica()) return out.str();
  const PrimaryState s = watch->state(served);
  out << "# HELP wiedza_replica_primary_up Whether the primary answered its last health check.\n"
      << "# TYPE wiedza_replica_primary_up gauge\n"
      << "wiedza_replica_primary_up " << (s.reachable ? 1 : 0) << "\n"
      << "# HELP wiedza_replica_lag_revisions Primary revisions this replica has not applied yet.\n"
      << "# TYPE wiedza_replica_lag_revisions gauge\n"
      << "wiedza_replica_lag_revisions " << s.lag_revisions << "\n"
      << "# HELP wiedza_replica_lag_seconds Since the oldest change this replica lacks was committed (NaN: primary never reached).\n"
      << "# TYPE wiedza_replica_lag_seconds gauge\n"
      << "wiedza_replica_lag_seconds " << (s.lag_seconds ? std::to_string(*s.lag_seconds) : "NaN") << "\n";
  if (forwarder != nullptr) {
    const ForwarderStats f = forwarder->stats();
    out << "# HELP wiedza_analytics_forwarded_total Analytics rows forwarded to the primary.\n"
        << "# TYPE wiedza_analytics_forwarded_total counter\n"
        << "wiedza_analytics_forwarded_total{kind=\"search\"} " << f.searches << "\n"
        << "wiedza_analytics_forwarded_total{kind=\"feedback\"} " << f.feedback << "\n"
        << "# HELP wiedza_analytics_forward_failures_total Forwarding attempts the primary did not accept.\n"
        << "# TYPE wiedza_analytics_forward_failures_total counter\n"
        << "wiedza_analytics_forward_failures_total " << f.failures << "\n";
  }
  return out.str();
}

}  // namespace wiedza::server
