// The audit trail: every write made through the server (who by token name, when, what,
// the content hashes before and after, and the content itself so a deleted article can
// be restored). Append-only: SQLite triggers refuse UPDATE and DELETE on the table, and
// it has no retention period (it holds no search queries, only editors' work).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/sqlite_db.h"

namespace wiedza::server {

struct AuditEntry {
  std::int64_t id = 0;
  std::int64_t time = 0;    // unix seconds
  std::string editor;       // the token's name
  std::string action;       // create | update | delete | restore | reindex
  std::string target_type;  // article | unit | category | corpus
  std::string target_id;
  std::string previous_hash;  // "" when nothing existed
  std::string new_hash;       // "" after a deletion
  std::optional<std::string> previous_content;  // JSON text
  std::optional<std::string> new_content;       // JSON text

  nlohmann::json to_json(bool with_content) const;
};

// Thread-safe: every member takes mutex_, so request threads may append and list at once.
class AuditLog {
 public:
  // Opens or creates the table in the state file. Throws SqliteError.
  explicit AuditLog(const std::string& state_file);

  // Records an entry (one autocommitted insert) and returns its id. Called after the
  // index commit it describes: holding SQLite's write lock across an index write would
  // stall the analytics writer that shares the file.
  std::int64_t append(AuditEntry entry);

  // Newest first; `target_id` filters when not empty.
  std::vector<AuditEntry> list(std::size_t limit, std::size_t offset, const std::string& target_type,
                               const std::string& target_id);
  // The most recent deletion of an article, whose previous_content can be restored.
  std::optional<AuditEntry> last_deletion(const std::string& article_id);

 private:
  std::mutex mutex_;
  SqliteDb db_;
};

}  // namespace wiedza::server
