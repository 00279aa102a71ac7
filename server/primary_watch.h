// How far a replica is behind its primary. A background thread asks the primary's
// /healthz for its database and revision twice a second; the replica's own revision comes from its
// Searchers at the moment a report is asked for, so /healthz and /metrics never report
// a lag the copy has already caught up.
//
// Seconds behind: from the commit time of the oldest primary revision the replica was
// seen to lack (the primary stamps each commit, search/index_metadata.h) until now.
//
// Revisions compare only within one database: a full build or a compaction on the primary
// swaps in a new database (new UUID) that counts from revision 1 again, and a replica
// still on the old one lacks all of it until xapian-replicate has copied it whole.
//
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

namespace wiedza::server {

// Which index a node serves: the database's UUID and its revision.
struct IndexVersion {
  std::string database;
  std::int64_t revision = 0;
};

struct PrimaryState {
  std::string url;
  bool reachable = false;
  std::optional<std::int64_t> revision;  // the primary's, when it was last reached
  std::optional<std::string> database;   // the primary's, when it was last reached
  // 0 when level or when the primary is unknown; all of the primary's revisions when the
  // replica serves another database than the primary's.
  std::int64_t lag_revisions = 0;
  std::optional<double> lag_seconds;     // null until the primary has answered once
  std::optional<double> last_contact_seconds;  // since the primary last answered
  std::string error;                     // why the last attempt failed, "" when it did not

  nlohmann::json to_json() const;
};

class PrimaryWatch {
 public:
  // `local_version` reads what the replica serves (called on the watch's thread).
  PrimaryWatch(std::string primary_url, std::function<IndexVersion()> local_version,
               std::chrono::milliseconds interval = std::chrono::milliseconds(500));
  ~PrimaryWatch();
  PrimaryWatch(const PrimaryWatch&) = delete;
  PrimaryWatch& operator=(const PrimaryWatch&) = delete;

  // The state against what the replica serves now.
  PrimaryState state(const IndexVersion& local) const;

 private:
  void loop();
  void poll_once();

  using Clock = std::chrono::system_clock;
  const std::string url_;
  const std::function<IndexVersion()> local_version_fn_;
  const std::chrono::milliseconds interval_;

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable wake_;
  bool stopping_ = false;
  bool reachable_ = false;
  std::optional<std::int64_t> revision_;
  std::string database_;  // "" from a primary that does not say
  std::optional<Clock::time_point> last_contact_;
  std::string error_;
  // When the oldest primary revision the replica lacks was committed; empty when level.
  std::optional<Clock::time_point> behind_since_;
  std::thread thread_;
};

}  // namespace wiedza::server
