// The server's write side (docs/operations.md "Editing live", docs/api.md "Editing"):
// validates edits with the same code as `wiedza index`, applies each as one index
// commit, writes it back to the corpus directory when one is configured, and records it
// in the audit trail. Writes are serialised: one at a time in this server, and against
// other processes by the index's write lock.
// Thread safety: every public member may be called from any request thread at once;
// writes take write_mutex_ (bounded wait), reads of the index go through their own
// Searchers, and AuditLog has its own lock.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "indexer/corpus_editor.h"
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
  // Units and categories: one implementation for both (EntryKind).
  EditResult put_entry(EntryKind kind, const std::string& editor, const std::string& id, const std::string& body);
  EditResult delete_entry(EntryKind kind, const std::string& editor, const std::string& id);

  EditResult start_reindex(const std::string& editor);
  EditResult reindex_status(const std::string& job) const;
  EditResult audit(std::size_t limit, std::size_t offset, const std::string& target_type,
                   const std::string& target_id);

 private:
  // action: "put" (recorded as create or update) or "restore".
  EditResult write_article(const std::string& editor, const std::string& id, const std::string& body,
                           const std::string& action);
  // Runs one CorpusEditor operation under the write lock with commit pacing, recording
  // the audit entry once the index holds the edit; maps the outcome to a reply.
  using CorpusEdit = std::function<Expected<AppliedEdit>(const CorpusEditor::OnCommitted&)>;
  EditResult apply(AuditEntry entry, const CorpusEdit& edit, const std::function<EditReply(const AppliedEdit&)>& reply);
  // Finishes or undoes corpus file changes a killed process left staged, with audit entries.
  void recover();

  std::string db_path_;
  std::string corpus_dir_;
  // Waits until the previous commit is kCommitGap old (editing_service.cc says why).
  void pace_commits() const;

  std::timed_mutex write_mutex_;  // one write at a time; a waiting request gives up after a while
  std::chrono::steady_clock::time_point last_commit_{};  // guarded by write_mutex_
  analysis::Analyzer analyzer_;   // used only under write_mutex_
  CorpusEditor editor_;           // used only under write_mutex_ (parse_entry excepted)
  AuditLog audit_;
  ReindexJobs jobs_;  // last member: its destructor waits for a running job
};

}  // namespace wiedza::server
