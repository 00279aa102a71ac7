#include "server/editing_service.h"

#include <cstdio>
#include <filesystem>
#include <thread>

#include "indexer/corpus_files.h"
#include "indexer/corpus_recovery.h"
#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "indexer/writable_index.h"
#include "server/api_json.h"

namespace wiedza::server {
namespace {

// How long an edit waits for another write (a running reindex, `wiedza index`) before it
// is refused with 503; editors can retry, and readers are never blocked meanwhile.
constexpr auto kWriteWait = std::chrono::seconds(10);

// Xapian keeps the blocks of the latest committed revision only: a search still reading
// revision N fails (DatabaseModifiedError) once N+2 is being written, and retries on the
// newest one. Commits back to back faster than a slow search runs (a stream of edits on a
// loaded machine) could make its every retry fail, so commits are spaced at least this
// far apart. An edit still shows up in well under a second.
constexpr auto kCommitGap = std::chrono::milliseconds(100);

// A reindex runs in the background with no client waiting on it, so it waits longer for
// another process's write lock than an edit does; edits queued behind it meanwhile are
// refused as busy after kWriteWait rather than sometimes slipping in when it gives up.
constexpr auto kReindexLockWait = std::chrono::seconds(30);

ApiError busy() {
  return {503, "busy", "another write (a reindex or an edit) is in progress; try again in a few seconds"};
}

// Parses a request body as JSON text; what the JSON must hold is the core's to check.
std::variant<nlohmann::json, ApiError> body_json(const std::string& body, ErrorCode invalid) {
  ValidationErrors errors;
  auto json = parse_json_text(body, "request body", errors);
  if (!json) return to_api_error(Error::invalid(invalid, errors));
  return std::move(*json);
}

std::string action_for(const EditOutcome& o, const std::string& requested) {
  if (requested != "put") return requested;
  return o.created ? "create" : "update";
}

nlohmann::json sync_summary_json(const SyncSummary& s, const Corpus& corpus) {
  nlohmann::json errors = nlohmann::json::array();
  for (const ValidationError& e : corpus.errors) errors.push_back({{"file", e.file}, {"field", e.field}, {"reason", e.reason}});
  return {{"added", s.added},         {"updated", s.updated}, {"unchanged", s.unchanged},
          {"deleted", s.deleted},     {"invalid", s.invalid}, {"committed", s.committed},
          {"errors", errors},         {"warnings", corpus.warnings},
          {"text", s.to_string()}};
}

AuditEntry audit_entry(const std::string& editor, const std::string& action, const std::string& target_type,
                       const std::string& target_id) {
  AuditEntry e;
  e.editor = editor;
  e.action = action;
  e.target_type = target_type;
  e.target_id = target_id;
  return e;
}

}  // namespace

EditingService::EditingService(std::string db_path, std::string corpus_dir, const std::string& state_file)
    : db_path_(std::move(db_path)),
      corpus_dir_(std::move(corpus_dir)),
      editor_(db_path_, corpus_dir_, analyzer_, std::chrono::duration_cast<std::chrono::milliseconds>(kWriteWait)),
      audit_(state_file) {
  recover();
}

void EditingService::recover() {
  // Before the first edit: a change staged by a process killed mid-edit is finished or
  // undone, as the index says (indexer/corpus_recovery.h). Its audit entry is written
  // before the file is touched, so a crash during recovery repeats an entry, never loses one.
  editor_.recover([this](const RecoveredChange& c) {
    const bool article = c.relative_path.starts_with("articles/");
    std::string id = c.relative_path;
    if (article) id = id.substr(std::string("articles/").size(), id.size() - std::string("articles/.json").size());
    AuditEntry entry = audit_entry("recovery", !c.finished ? "rollback" : c.removal ? "delete" : "update",
                                   article ? "article" : "corpus", id);
    // A finished deletion keeps the text it removed, so the article can be restored.
    if (c.removal) entry.previous_content = c.staged_content;
    else entry.new_content = c.staged_content;
    audit_.append(entry);
    std::fprintf(stderr, "{\"event\":\"recovered\",\"file\":%s,\"change\":\"%s\",\"outcome\":\"%s\"}\n",
                 nlohmann::json(c.relative_path).dump().c_str(), c.removal ? "removal" : "write",
                 c.finished ? "finished" : "rolled_back");
  });
}

void EditingService::pace_commits() const {
  std::this_thread::sleep_until(last_commit_ + kCommitGap);
}

EditResult EditingService::apply(AuditEntry entry, const CorpusEdit& edit,
                                 const std::function<EditReply(const AppliedEdit&)>& reply) {
  std::unique_lock lock(write_mutex_, kWriteWait);
  if (!lock.owns_lock()) return busy();
  pace_commits();  // before staging: a staged file waits for its commit as briefly as it can
  // The audit entry is recorded once the index holds the edit and before its file is in
  // place: a kill at any point after the commit leaves a staged file that recover()
  // completes and records, so an applied edit is never missing from both.
  std::string audit_error;
  auto record = [&](const AppliedEdit& applied) {
    const EditOutcome& o = applied.outcome;
    entry.action = action_for(o, entry.action);
    entry.previous_hash = o.previous_hash;
    if (o.previous) entry.previous_content = o.previous->dump();
    entry.new_hash = o.new_hash;
    if (!applied.stored.is_null()) entry.new_content = applied.stored.dump();
    try {
      audit_.append(entry);
    } catch (const std::exception& e) {
      audit_error = e.what();
    }
  };
  Expected<AppliedEdit> applied = edit(record);
  if (applied) last_commit_ = std::chrono::steady_clock::now();
  if (!applied) return to_api_error(applied.error());
  if (!audit_error.empty()) {
    return ApiError{500, "audit_failed", "the edit was applied but not recorded in the audit trail: " + audit_error};
  }
  if (!applied->corpus_file_error.empty()) {
    return to_api_error({ErrorCode::kCorpusWriteFailed,
                         "the edit was applied to the index but its corpus file could not be written: " +
                             applied->corpus_file_error,
                         {}});
  }
  return reply(*applied);
}

EditResult EditingService::put_article(const std::string& editor, const std::string& id, const std::string& body) {
  return write_article(editor, id, body, "put");
}

EditResult EditingService::write_article(const std::string& editor, const std::string& id, const std::string& body,
                                         const std::string& action) {
  auto json = body_json(body, ErrorCode::kInvalidArticle);
  if (auto* error = std::get_if<ApiError>(&json)) return *error;
  return apply(
      audit_entry(editor, action, "article", id),
      [&](const CorpusEditor::OnCommitted& record) {
        return editor_.put_article(id, std::move(std::get<nlohmann::json>(json)), record);
      },
      [](const AppliedEdit& a) {
        return EditReply{a.outcome.created ? 201 : 200,
                         {{"article", article_response(a.stored, a.directory, warsaw_time(std::chrono::system_clock::now()))}, {"revision", a.outcome.revision}}};
      });
}

EditResult EditingService::delete_article(const std::string& editor, const std::string& id) {
  return apply(
      audit_entry(editor, "delete", "article", id),
      [&](const CorpusEditor::OnCommitted& record) { return editor_.delete_article(id, record); },
      [](const AppliedEdit&) { return EditReply{204, nullptr}; });
}

EditResult EditingService::restore_article(const std::string& editor, const std::string& id) {
  if (!is_valid_id(id)) {
    return to_api_error(Error::invalid(ErrorCode::kInvalidRequest,
                                       {{"", "id", std::string("article id in the URL must match ") + kIdPattern}}));
  }
  {
    std::unique_lock lock(write_mutex_, kWriteWait);
    if (!lock.owns_lock()) return busy();
    if (editor_.stored_article(id)) {
      return ApiError{409, "article_exists", "article '" + id + "' exists; only a deleted article can be restored"};
    }
  }
  auto deletion = audit_.last_deletion(id);
  if (!deletion || !deletion->previous_content) {
    return ApiError::not_found("the audit trail holds no deleted version of article '" + id + "'");
  }
  // The restored version goes through the same validation as any edit: its unit or
  // category may have been deleted since.
  EditResult result = write_article(editor, id, *deletion->previous_content, "restore");
  if (auto* reply = std::get_if<EditReply>(&result)) {
    reply->status = 201;
    reply->body["restored_from_audit_entry"] = deletion->id;
  }
  return result;
}

EditResult EditingService::put_entry(EntryKind kind, const std::string& editor, const std::string& id,
                                     const std::string& body) {
  auto json = body_json(body, kind == EntryKind::kUnit ? ErrorCode::kInvalidUnit : ErrorCode::kInvalidCategory);
  if (auto* error = std::get_if<ApiError>(&json)) return *error;
  // Checked before queueing for the write lock: an invalid body is a 400 at once, not a
  // 503 after waiting behind a reindex.
  Expected<ParsedEntry> parsed = editor_.parse_entry(kind, id, std::move(std::get<nlohmann::json>(json)));
  if (!parsed) return to_api_error(parsed.error());
  const std::string label = entry_label(kind);
  return apply(
      audit_entry(editor, "put", label, id),
      [&](const CorpusEditor::OnCommitted& record) { return editor_.put_entry(*parsed, record); },
      [&](const AppliedEdit& a) {
        EditReply reply{a.outcome.created ? 201 : 200, {{label, a.stored}, {"revision", a.outcome.revision}}};
        if (kind == EntryKind::kUnit) reply.body["reindexed_articles"] = a.outcome.reindexed;
        return reply;
      });
}

EditResult EditingService::delete_entry(EntryKind kind, const std::string& editor, const std::string& id) {
  return apply(
      audit_entry(editor, "delete", entry_label(kind), id),
      [&](const CorpusEditor::OnCommitted& record) { return editor_.delete_entry(kind, id, record); },
      [](const AppliedEdit&) { return EditReply{204, nullptr}; });
}

EditResult EditingService::start_reindex(const std::string& editor) {
  if (corpus_dir_.empty()) {
    return ApiError{409, "no_corpus", "the server was started without --corpus; there is no directory to reindex"};
  }
  std::string running;
  auto id = jobs_.start(
      editor,
      [this](ReindexJob& job) {
        std::lock_guard lock(write_mutex_);
        Corpus corpus;
        try {
          corpus = read_corpus(corpus_dir_);
        } catch (const CorpusError& e) {
          std::string message = e.what();
          for (const ValidationError& v : e.errors()) message += "; " + v.to_string();
          throw std::runtime_error(message);
        }
        job.total = corpus.articles.size();
        SyncSummary summary;
        try {
          pace_commits();
          SyncOptions sync;
          sync.progress = [&](std::size_t done, std::size_t) { job.done = done; };
          sync.lock_wait = std::chrono::duration_cast<std::chrono::milliseconds>(kReindexLockWait);
          summary = sync_index(db_path_, corpus, analyzer_, sync);
          last_commit_ = std::chrono::steady_clock::now();
        } catch (const Xapian::Error& e) {
          throw std::runtime_error("writing the index failed (the previous revision is intact): " + e.get_description());
        }
        nlohmann::json result = sync_summary_json(summary, corpus);
        AuditEntry entry = audit_entry(job.editor, "reindex", "corpus", corpus_dir_);
        entry.new_content = result.dump();
        audit_.append(entry);
        return result;
      },
      running);
  if (!id) return ApiError{409, "reindex_running", "reindex job " + running + " is still running", {{"job", running}}};
  return EditReply{202, {{"job", *id}, {"status_url", "/api/reindex/" + *id}}};
}

EditResult EditingService::reindex_status(const std::string& job) const {
  auto status = jobs_.status(job);
  if (!status) return ApiError::not_found("no reindex job '" + job + "' (jobs are kept in memory until restart)");
  return EditReply{200, *status};
}

EditResult EditingService::audit(std::size_t limit, std::size_t offset, const std::string& target_type,
                                 const std::string& target_id) {
  nlohmann::json entries = nlohmann::json::array();
  for (const AuditEntry& e : audit_.list(limit, offset, target_type, target_id)) entries.push_back(e.to_json(true));
  return EditReply{200, {{"entries", entries}, {"limit", limit}, {"offset", offset}}};
}

}  // namespace wiedza::server
