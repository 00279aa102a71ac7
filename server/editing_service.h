// The server's write side (docs/editing.md): validates edits with the same code as
// `wiedza index`, applies each as one index commit, writes it back to the corpus
// directory when one is configured, and records it in the audit trail. Writes are
// serialised: one at a time in this server, and against other processes by the index's
// write lock.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "indexer/article_edits.h"
#include "indexer/corpus_files.h"
#include "search/analysis/analyzer.h"
#include "server/api_error.h"
#include "server/audit_log.h"
#include "server/reindex_jobs.h"


namespace wiedza::server {

struct EditReply {
  int status = 200;
  nlohmann::json body;  // null: no body (204)
};
using EditResult = std::variant<EditReply, ApiError>;

class EditingService {
 public:
  // `corpus_dir` may be "" (no write-back, no reindex). Throws SqliteError when the state
  // file cannot be opened.
  EditingService(std::string db_path, std::string corpus_dir, const std::string& state_file);

  EditResult put_article(const std::string& editor, const std::string& id, const std::string& body);
  EditResult delete_article(const std::string& editor, const std::string& id);
  EditResult restore_article(const std::string& editor, const std::string& id);
  EditResult put_unit(const std::string& editor, const std::string& id, const std::string& body);
  EditResult delete_unit(const std::string& editor, const std::string& id);
  EditResult put_category(const std::string& editor, const std::string& id, const std::string& body);
  EditResult delete_category(const std::string& editor, const std::string& id);

  EditResult start_reindex(const std::string& editor);
  EditResult reindex_status(const std::string& job) const;
  EditResult audit(std::size_t limit, std::size_t offset, const std::string& target_type,
                   const std::string& target_id);

 private:
  // Stages the corpus file, runs `write` (one index commit), puts the file in place and
  // appends the audit entry, mapping every failure to an API error. `entry` is filled
  // in from the outcome.
  // action: "put" (recorded as create or update) or "restore".
  EditResult write_article(const std::string& editor, const std::string& id, const std::string& body,
                           const std::string& action);
  using StageFn = std::function<void(std::optional<CorpusFileChange>&)>;
  EditResult apply(AuditEntry entry, const StageFn& stage_file, const std::function<std::optional<EditOutcome>()>& write,
                   const std::function<EditReply(const EditOutcome&)>& reply);
  // Stage a corpus file change when a corpus directory is configured (else nothing).
  void stage(std::optional<CorpusFileChange>& into, const std::string& relative_path, const std::string& content) const;
  void stage_removal(std::optional<CorpusFileChange>& into, const std::string& relative_path) const;

  std::string db_path_;
  std::string corpus_dir_;
  // Waits until the previous commit is kCommitGap old (editing_service.cc says why).
  void pace_commits() const;

  std::timed_mutex write_mutex_;  // one write at a time; a waiting request gives up after a while
  std::chrono::steady_clock::time_point last_commit_{};  // guarded by write_mutex_
  analysis::Analyzer analyzer_;   // used only under write_mutex_
  IndexEditor index_;
  AuditLog audit_;
  ReindexJobs jobs_;  // last member: its destructor waits for a running job
};

}  // namespace wiedza::server
