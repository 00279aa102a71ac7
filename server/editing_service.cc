#include "server/editing_service.h"

#include <filesystem>
#include <thread>

#include "indexer/corpus_files.h"
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

ApiError busy() {
  return {503, "busy", "another write (a reindex or an edit) is in progress; try again in a few seconds"};
}

ApiError invalid(const std::string& code, const ValidationErrors& errors) {
  ApiError e{400, code, errors.empty() ? "invalid input" : errors.front().to_string()};
  for (const ValidationError& v : errors) e.details.push_back({{"file", v.file}, {"field", v.field}, {"reason", v.reason}});
  return e;
}

// Parses a request body that must be one JSON object; the id from the URL fills a
// missing "id" (a different one is reported by the validation).
std::optional<nlohmann::json> body_object(const std::string& body, const std::string& id, ValidationErrors& errors) {
  auto json = parse_json_text(body, "request body", errors);
  if (!json) return std::nullopt;
  if (!json->is_object()) {
    errors.push_back({"request body", "", "must be a JSON object"});
    return std::nullopt;
  }
  if (!json->contains("id")) (*json)["id"] = id;
  return json;
}

ValidationErrors check_id(const std::string& id, const std::string& what) {
  if (is_valid_id(id)) return {};
  return {{"", "id", what + " id in the URL must match ^[a-z0-9][a-z0-9-]{0,127}$"}};
}

void check_body_id(const nlohmann::json& json, const std::string& id, ValidationErrors& errors) {
  if (json.contains("id") && json["id"] != id) {
    errors.push_back({"request body", "id", "does not match the id in the URL ('" + id + "')"});
  }
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
      index_(db_path_, analyzer_, std::chrono::duration_cast<std::chrono::milliseconds>(kWriteWait)),
      audit_(state_file) {}

void EditingService::stage(std::optional<CorpusFileChange>& into, const std::string& relative,
                           const std::string& content) const {
  if (!corpus_dir_.empty()) into.emplace(CorpusFileChange::write(std::filesystem::path(corpus_dir_) / relative, content));
}

void EditingService::stage_removal(std::optional<CorpusFileChange>& into, const std::string& relative) const {
  if (!corpus_dir_.empty()) into.emplace(CorpusFileChange::remove(std::filesystem::path(corpus_dir_) / relative));
}

void EditingService::pace_commits() const {
  std::this_thread::sleep_until(last_commit_ + kCommitGap);
}

EditResult EditingService::apply(AuditEntry entry, const StageFn& stage_file,
                                 const std::function<std::optional<EditOutcome>()>& write,
                                 const std::function<EditReply(const EditOutcome&)>& reply) {
  std::optional<EditOutcome> outcome;
  std::optional<CorpusFileChange> file;  // undone when it goes out of scope uncommitted
  try {
    stage_file(file);
    pace_commits();
    outcome = write();
    last_commit_ = std::chrono::steady_clock::now();
  } catch (const IndexLockedError& e) {
    return ApiError{503, "index_locked", e.what()};
  } catch (const StillReferencedError& e) {
    return ApiError{409, "still_referenced", e.what()};
  } catch (const std::exception& e) {
    // Disk full, permission denied, a damaged database: nothing was committed, the
    // served index and the corpus files are as they were (the staged file is undone).
    return ApiError{500, "write_failed", std::string("the edit was not applied: ") + e.what()};
  } catch (const Xapian::Error& e) {
    return ApiError{500, "write_failed", "the edit was not applied: " + e.get_description()};
  }
  if (!outcome) {
    return ApiError::not_found("no " + entry.target_type + " with id '" + entry.target_id + "'");
  }
  // The index holds the edit now; what follows cannot undo it, so failures are reported
  // as such rather than as "not applied".
  std::string file_error;
  try {
    if (file) file->commit();
  } catch (const std::exception& e) {
    file_error = e.what();
  }
  entry.action = action_for(*outcome, entry.action);
  entry.previous_hash = outcome->previous_hash;
  if (outcome->previous) entry.previous_content = outcome->previous->dump();
  entry.new_hash = outcome->new_hash;
  try {
    audit_.append(entry);
  } catch (const std::exception& e) {
    return ApiError{500, "audit_failed", std::string("the edit was applied but not recorded in the audit trail: ") + e.what()};
  }
  if (!file_error.empty()) {
    return ApiError{500, "corpus_write_failed",
                    "the edit was applied to the index but its corpus file could not be written: " + file_error};
  }
  return reply(*outcome);
}

EditResult EditingService::put_article(const std::string& editor, const std::string& id, const std::string& body) {
  return write_article(editor, id, body, "put");
}

EditResult EditingService::write_article(const std::string& editor, const std::string& id, const std::string& body,
                                         const std::string& action) {
  if (auto e = check_id(id, "article"); !e.empty()) return invalid("invalid_article", e);
  ValidationErrors errors;
  auto json = body_object(body, id, errors);
  if (!json) return invalid("invalid_article", errors);
  std::unique_lock lock(write_mutex_, kWriteWait);
  if (!lock.owns_lock()) return busy();
  const Directory directory = index_.directory();
  auto article = parse_article({*json, id, "request body"}, directory, errors);
  if (!article) return invalid("invalid_article", errors);

  const nlohmann::json stored = to_json(*article);
  AuditEntry entry = audit_entry(editor, action, "article", id);
  entry.new_content = stored.dump();
  auto file = [&](std::optional<CorpusFileChange>& f) { stage(f, "articles/" + id + ".json", article_file_text(stored)); };
  return apply(std::move(entry), file, [&] { return std::optional(index_.put_article(*article)); },
               [&](const EditOutcome& o) {
                 return EditReply{o.created ? 201 : 200,
                                  {{"article", article_response(stored, directory)}, {"revision", o.revision}}};
               });
}

EditResult EditingService::delete_article(const std::string& editor, const std::string& id) {
  if (auto e = check_id(id, "article"); !e.empty()) return invalid("bad_request", e);
  std::unique_lock lock(write_mutex_, kWriteWait);
  if (!lock.owns_lock()) return busy();
  auto file = [&](std::optional<CorpusFileChange>& f) { stage_removal(f, "articles/" + id + ".json"); };
  AuditEntry entry = audit_entry(editor, "delete", "article", id);
  return apply(std::move(entry), file, [&] { return index_.delete_article(id); },
               [](const EditOutcome&) { return EditReply{204, nullptr}; });
}

EditResult EditingService::restore_article(const std::string& editor, const std::string& id) {
  if (auto e = check_id(id, "article"); !e.empty()) return invalid("bad_request", e);
  {
    std::unique_lock lock(write_mutex_, kWriteWait);
    if (!lock.owns_lock()) return busy();
    if (index_.stored_article(id)) {
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

EditResult EditingService::put_unit(const std::string& editor, const std::string& id, const std::string& body) {
  if (auto e = check_id(id, "unit"); !e.empty()) return invalid("invalid_unit", e);
  ValidationErrors errors;
  auto json = body_object(body, id, errors);
  if (!json) return invalid("invalid_unit", errors);
  check_body_id(*json, id, errors);
  auto unit = parse_unit(*json, "request body", "unit", errors);
  if (!unit || !errors.empty()) return invalid("invalid_unit", errors);
  std::unique_lock lock(write_mutex_, kWriteWait);
  if (!lock.owns_lock()) return busy();
  Directory directory = index_.directory();
  directory.units[id] = *unit;
  AuditEntry entry = audit_entry(editor, "put", "unit", id);
  entry.new_content = to_json(*unit).dump();
  auto file = [&](std::optional<CorpusFileChange>& f) { stage(f, "units.json", units_file_text(directory.units)); };
  return apply(std::move(entry), file, [&] { return std::optional(index_.put_unit(*unit)); },
               [&](const EditOutcome& o) {
                 return EditReply{o.created ? 201 : 200,
                                  {{"unit", to_json(*unit)}, {"revision", o.revision}, {"reindexed_articles", o.reindexed}}};
               });
}

EditResult EditingService::delete_unit(const std::string& editor, const std::string& id) {
  if (auto e = check_id(id, "unit"); !e.empty()) return invalid("bad_request", e);
  std::unique_lock lock(write_mutex_, kWriteWait);
  if (!lock.owns_lock()) return busy();
  Directory directory = index_.directory();
  directory.units.erase(id);
  auto file = [&](std::optional<CorpusFileChange>& f) { stage(f, "units.json", units_file_text(directory.units)); };
  AuditEntry entry = audit_entry(editor, "delete", "unit", id);
  return apply(std::move(entry), file, [&] { return index_.delete_unit(id); },
               [](const EditOutcome&) { return EditReply{204, nullptr}; });
}

EditResult EditingService::put_category(const std::string& editor, const std::string& id, const std::string& body) {
  if (auto e = check_id(id, "category"); !e.empty()) return invalid("invalid_category", e);
  ValidationErrors errors;
  auto json = body_object(body, id, errors);
  if (!json) return invalid("invalid_category", errors);
  check_body_id(*json, id, errors);
  auto category = parse_category(*json, "request body", "category", errors);
  if (!category || !errors.empty()) return invalid("invalid_category", errors);
  std::unique_lock lock(write_mutex_, kWriteWait);
  if (!lock.owns_lock()) return busy();
  Directory directory = index_.directory();
  directory.categories[id] = *category;
  AuditEntry entry = audit_entry(editor, "put", "category", id);
  entry.new_content = to_json(*category).dump();
  auto file = [&](std::optional<CorpusFileChange>& f) { stage(f, "categories.json", categories_file_text(directory.categories)); };
  return apply(std::move(entry), file, [&] { return std::optional(index_.put_category(*category)); },
               [&](const EditOutcome& o) {
                 return EditReply{o.created ? 201 : 200, {{"category", to_json(*category)}, {"revision", o.revision}}};
               });
}

EditResult EditingService::delete_category(const std::string& editor, const std::string& id) {
  if (auto e = check_id(id, "category"); !e.empty()) return invalid("bad_request", e);
  std::unique_lock lock(write_mutex_, kWriteWait);
  if (!lock.owns_lock()) return busy();
  Directory directory = index_.directory();
  directory.categories.erase(id);
  auto file = [&](std::optional<CorpusFileChange>& f) { stage(f, "categories.json", categories_file_text(directory.categories)); };
  AuditEntry entry = audit_entry(editor, "delete", "category", id);
  return apply(std::move(entry), file, [&] { return index_.delete_category(id); },
               [](const EditOutcome&) { return EditReply{204, nullptr}; });
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
          summary = sync_index(
              db_path_, corpus, analyzer_, [&](std::size_t done, std::size_t) { job.done = done; },
              std::chrono::duration_cast<std::chrono::milliseconds>(kWriteWait));
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
