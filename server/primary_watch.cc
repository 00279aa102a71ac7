#include "server/primary_watch.h"

#include <httplib.h>

namespace wiedza::server {

nlohmann::json PrimaryState::to_json() const {
  auto optional = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"url", url},
          {"reachable", reachable},
          {"database", optional(database)},
          {"revision", optional(revision)},
          {"lag_revisions", lag_revisions},
          {"lag_seconds", optional(lag_seconds)},
          {"last_contact_seconds", optional(last_contact_seconds)},
          {"error", error.empty() ? nlohmann::json(nullptr) : nlohmann::json(error)}};
}

namespace {

// Whether `local` serves another database than the primary's (unknown counts as the same).
bool other_database(const std::string& primary, const IndexVersion& local) {
  return !primary.empty() && !local.database.empty() && primary != local.database;
}

}  // namespace

PrimaryWatch::PrimaryWatch(std::string primary_url, std::function<IndexVersion()> local_version,
                           std::chrono::milliseconds interval)
    : url_(std::move(primary_url)), local_version_fn_(std::move(local_version)), interval_(interval) {
  thread_ = std::thread([this] { loop(); });
}

PrimaryWatch::~PrimaryWatch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void PrimaryWatch::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    poll_once();
    lock.lock();
    wake_.wait_for(lock, interval_, [&] { return stopping_; });
  }
}

void PrimaryWatch::poll_once() {
  httplib::Client client(url_);
  client.set_connection_timeout(std::chrono::seconds(1));
  client.set_read_timeout(std::chrono::seconds(2));
  auto res = client.Get("/healthz");
  std::optional<std::int64_t> revision;
  std::string database;
  std::int64_t committed_ms = 0;
  std::string error;
  if (!res) {
    error = "cannot reach " + url_ + ": " + httplib::to_string(res.error());
  } else if (res->status != 200) {
    error = url_ + "/healthz answered " + std::to_string(res->status);
  } else {
    const auto j = nlohmann::json::parse(res->body, nullptr, false);
    if (j.is_object() && j.contains("revision") && j["revision"].is_number_integer()) {
      revision = j["revision"].get<std::int64_t>();
      if (j.contains("database") && j["database"].is_string()) database = j["database"].get<std::string>();
      if (j.contains("committed_at") && j["committed_at"].is_number_integer()) {
        committed_ms = j["committed_at"].get<std::int64_t>();
      }
    } else {
      error = url_ + "/healthz did not report a revision";
    }
  }
  IndexVersion local;
  try {
    local = local_version_fn_();
  } catch (...) {
    // The local copy cannot be read just now (being replaced; a Xapian::Error or the
    // pool's IndexUnavailable): judge against revision 0, which at worst overstates the
    // lag until the next poll.
  }
  const auto now = Clock::now();
  std::lock_guard lock(mutex_);
  reachable_ = revision.has_value();
  error_ = error;
  if (!revision) return;  // keep the last known revision: the lag only grows from it
  revision_ = revision;
  database_ = database;
  last_contact_ = now;
  if (!other_database(database_, local) && *revision <= local.revision) {
    behind_since_.reset();
  } else if (!behind_since_) {
    // The newest revision's commit time is the best the primary tells; the replica lacks
    // at least that change. Clocks of two machines differ, so never a time ahead of ours.
    const Clock::time_point committed{std::chrono::milliseconds(committed_ms)};
    behind_since_ = committed_ms > 0 && committed < now ? committed : now;
  }
}

PrimaryState PrimaryWatch::state(const IndexVersion& local) const {
  const auto now = Clock::now();
  std::lock_guard lock(mutex_);
  PrimaryState s;
  s.url = url_;
  s.reachable = reachable_;
  s.revision = revision_;
  s.error = error_;
  if (last_contact_) s.last_contact_seconds = std::chrono::duration<double>(now - *last_contact_).count();
  if (!database_.empty()) s.database = database_;
  if (revision_) {
    s.lag_revisions = other_database(database_, local) ? std::max<std::int64_t>(1, *revision_)
                                                       : std::max<std::int64_t>(0, *revision_ - local.revision);
    s.lag_seconds = 0.0;
    if (s.lag_revisions > 0) {
      const Clock::time_point since = behind_since_.value_or(now);
      s.lag_seconds = std::max(0.0, std::chrono::duration<double>(now - since).count());
    }
  }
  return s;
}

}  // namespace wiedza::server
