#include "server/reindex_jobs.h"

#include <chrono>

namespace wiedza::server {
namespace {

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

ReindexJobs::~ReindexJobs() {
  for (std::thread& t : threads_) t.join();
}

std::optional<std::string> ReindexJobs::start(const std::string& editor, Work work, std::string& running) {
  std::lock_guard lock(mutex_);
  for (const auto& [id, job] : jobs_) {
    if (job->state == "queued" || job->state == "running") {
      running = id;
      return std::nullopt;
    }
  }
  // Every earlier job has finished (its state was set under this lock, its last step), so
  // joining is immediate and keeps finished threads from piling up.
  for (std::thread& t : threads_) t.join();
  threads_.clear();
  auto job = std::make_shared<ReindexJob>();
  job->id = "reindex-" + std::to_string(now_seconds()) + "-" + std::to_string(next_++);
  job->editor = editor;
  job->started = now_seconds();
  jobs_[job->id] = job;
  started_order_.push_back(job->id);
  // Forget the oldest jobs; all but the new one have finished (checked above).
  while (started_order_.size() > kKept) {
    jobs_.erase(started_order_.front());
    started_order_.pop_front();
  }

  threads_.emplace_back([this, job, work = std::move(work)] {
    {
      std::lock_guard l(mutex_);
      job->state = "running";
    }
    nlohmann::json summary;
    std::string error;
    try {
      summary = work(*job);
    } catch (const std::exception& e) {
      error = e.what();
    }
    std::lock_guard l(mutex_);
    job->finished = now_seconds();
    job->state = error.empty() ? "done" : "failed";
    job->summary = std::move(summary);
    job->error = std::move(error);
  });
  return job->id;
}

std::optional<nlohmann::json> ReindexJobs::status(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  const ReindexJob& j = *it->second;
  nlohmann::json out = {{"job", j.id},
                        {"state", j.state},
                        {"editor", j.editor},
                        {"started", j.started},
                        {"finished", j.finished == 0 ? nlohmann::json(nullptr) : nlohmann::json(j.finished)},
                        {"progress", {{"done", j.done.load()}, {"total", j.total.load()}}},
                        {"summary", j.summary.is_null() ? nlohmann::json(nullptr) : j.summary},
                        {"error", j.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(j.error)}};
  return out;
}

}  // namespace wiedza::server
