// How far a replica is behind its primary. A background thread asks the primary's
// /healthz for its revision twice a second; the replica's own revision comes from its
// Searchers at the moment a report is asked for, so /healthz and /metrics never report
// a lag the copy has already caught up.
//
// Seconds behind: from the commit time of the oldest primary revision the replica was
// seen to lack (the primary stamps each commit, search/index_metadata.h) until now.
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

struct PrimaryState {
  std::string url;
  bool reachable = false;
  std::optional<std::int64_t> revision;  // the primary's, when it was last reached
  std::int64_t lag_revisions = 0;        // 0 when level or when the primary is unknown
  std::optional<double> lag_seconds;     // null until the primary has answered once
  std::optional<double> last_contact_seconds;  // since the primary last answered
  std::string error;                     // why the last attempt failed, "" when it did not

  nlohmann::json to_json() const;
};

class PrimaryWatch {
 public:
  // `local_revision` reads the replica's revision (called on the watch's thread).
  PrimaryWatch(std::string primary_url, std::function<std::int64_t()> local_revision,
               std::chrono::milliseconds interval = std::chrono::milliseconds(500));
  ~PrimaryWatch();
  PrimaryWatch(const PrimaryWatch&) = delete;
  PrimaryWatch& operator=(const PrimaryWatch&) = delete;

  // The state against the replica's revision now.
  PrimaryState state(std::int64_t local_revision) const;

 private:
  void loop();
  void poll_once();

  using Clock = std::chrono::system_clock;
  const std::string url_;
  const std::function<std::int64_t()> local_revision_fn_;
  const std::chrono::milliseconds interval_;

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable wake_;
  bool stopping_ = false;
  bool reachable_ = false;
  std::optional<std::int64_t> revision_;
  std::optional<Clock::time_point> last_contact_;
  std::string error_;
  // When the oldest primary revision the replica lacks was committed; empty when level.
  std::optional<Clock::time_point> behind_since_;
  std::thread thread_;
};

}  // namespace wiedza::server
