// POST /api/reindex runs as a background job: it re-reads the corpus directory the server
// was started with and brings the index in line with it (sync_index: incremental, one
// commit). Jobs are kept in memory (the last few) so GET /api/reindex/{job} can report
// progress and the same summary `wiedza index` prints.
#pragma once

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

namespace wiedza::server {

struct ReindexJob {
  std::string id;
  std::string editor;
  std::atomic<std::size_t> done{0};
  std::atomic<std::size_t> total{0};
  // Guarded by ReindexJobs' mutex:
  std::string state = "queued";  // queued | running | done | failed
  std::int64_t started = 0;      // unix seconds
  std::int64_t finished = 0;
  nlohmann::json summary;        // as `wiedza index` reports it, once done
  std::string error;             // when failed
};

class ReindexJobs {
 public:
  // `run` does the work on the job's own thread: it updates done/total and returns the
  // summary, or throws (the message becomes the job's error).
  using Work = std::function<nlohmann::json(ReindexJob&)>;

  ~ReindexJobs();  // waits for running jobs

  // Starts a job unless one is queued or running; returns the new job's id, or nullopt
  // and the running job's id in `running`.
  std::optional<std::string> start(const std::string& editor, Work work, std::string& running);
  std::optional<nlohmann::json> status(const std::string& id) const;

 private:
  static constexpr std::size_t kKept = 20;
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<ReindexJob>> jobs_;
  std::deque<std::string> started_order_;  // ids, oldest first, for forgetting old jobs
  std::vector<std::thread> threads_;
  std::size_t next_ = 1;
};

}  // namespace wiedza::server
