// What /healthz and /metrics say about replication (docs/operations.md, "Replicas"): the
// node's role, its index revision and commit time, and on a replica how far behind the
// primary it is and how forwarding its analytics goes.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "server/analytics_forwarder.h"
#include "server/primary_watch.h"

namespace wiedza::server {

struct ReplicationStatus {
  int node = 0;
  int changesets = 0;                       // kept for xapian-replicate (primary)
  const PrimaryWatch* watch = nullptr;      // null on the primary
  const AnalyticsForwarder* forwarder = nullptr;

  bool replica() const { return watch != nullptr; }
  // Fields added to /healthz.
  nlohmann::json health(const IndexVersion& served, std::int64_t committed_at_ms) const;
  // Lines added to /metrics (Prometheus text format).
  std::string metrics(const IndexVersion& served, std::int64_t committed_at_ms) const;
};

}  // namespace wiedza::server
