#include "server/audit_log.h"

#include <chrono>

namespace wiedza::server {
namespace {

constexpr const char* kColumns =
    "id, time, editor, action, target_type, target_id, previous_hash, new_hash, previous_content, new_content";

AuditEntry read_entry(const SqliteStatement& s) {
  AuditEntry e;
  e.id = s.integer(0);
  e.time = s.integer(1);
  e.editor = s.text(2);
  e.action = s.text(3);
  e.target_type = s.text(4);
  e.target_id = s.text(5);
  e.previous_hash = s.text(6);
  e.new_hash = s.text(7);
  e.previous_content = s.optional_text(8);
  e.new_content = s.optional_text(9);
  return e;
}

nlohmann::json content_json(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  auto j = nlohmann::json::parse(*text, nullptr, false);
  return j.is_discarded() ? nlohmann::json(*text) : j;
}

}  // namespace

nlohmann::json AuditEntry::to_json(bool with_content) const {
  nlohmann::json j = {{"id", id},
                      {"time", time},
                      {"editor", editor},
                      {"action", action},
                      {"target_type", target_type},
                      {"target_id", target_id},
                      {"previous_hash", previous_hash.empty() ? nlohmann::json(nullptr) : nlohmann::json(previous_hash)},
                      {"new_hash", new_hash.empty() ? nlohmann::json(nullptr) : nlohmann::json(new_hash)}};
  if (with_content) {
    j["previous_content"] = content_json(previous_content);
    j["new_content"] = content_json(new_content);
  }
  return j;
}

AuditLog::AuditLog(const std::string& state_file) : db_(state_file) {
  db_.exec(R"sql(
    CREATE TABLE IF NOT EXISTS audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      time INTEGER NOT NULL,
      editor TEXT NOT NULL,
      action TEXT NOT NULL,
      target_type TEXT NOT NULL,
      target_id TEXT NOT NULL,
      previous_hash TEXT NOT NULL,
      new_hash TEXT NOT NULL,
      previous_content TEXT,
      new_content TEXT);
    CREATE INDEX IF NOT EXISTS audit_target ON audit (target_type, target_id, id);
    CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  )sql");
}

std::int64_t AuditLog::append(AuditEntry e) {
  std::lock_guard lock(mutex_);
  if (e.time == 0) {
    e.time = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                 .count();
  }
  auto insert = db_.prepare(
      "INSERT INTO audit (time, editor, action, target_type, target_id, previous_hash, new_hash, "
      "previous_content, new_content) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  insert.bind(1, e.time)
      .bind(2, e.editor)
      .bind(3, e.action)
      .bind(4, e.target_type)
      .bind(5, e.target_id)
      .bind(6, e.previous_hash)
      .bind(7, e.new_hash)
      .bind(8, e.previous_content)
      .bind(9, e.new_content);
  insert.run();
  return db_.last_insert_id();
}

std::vector<AuditEntry> AuditLog::list(std::size_t limit, std::size_t offset, const std::string& target_type,
                                       const std::string& target_id) {
  std::lock_guard lock(mutex_);
  auto q = db_.prepare(std::string("SELECT ") + kColumns +
                       " FROM audit WHERE (?1 = '' OR target_type = ?1) AND (?2 = '' OR target_id = ?2)"
                       " ORDER BY id DESC LIMIT ?3 OFFSET ?4");
  q.bind(1, target_type)
      .bind(2, target_id)
      .bind(3, static_cast<std::int64_t>(limit))
      .bind(4, static_cast<std::int64_t>(offset));
  std::vector<AuditEntry> out;
  while (q.step()) out.push_back(read_entry(q));
  return out;
}

std::optional<AuditEntry> AuditLog::last_deletion(const std::string& article_id) {
  std::lock_guard lock(mutex_);
  auto q = db_.prepare(std::string("SELECT ") + kColumns +
                       " FROM audit WHERE target_type = 'article' AND target_id = ?1 AND action = 'delete'"
                       " ORDER BY id DESC LIMIT 1");
  q.bind(1, article_id);
  if (!q.step()) return std::nullopt;
  return read_entry(q);
}

}  // namespace wiedza::server
