// Where search analytics live: tables in the server's SQLite state file (the audit trail
// shares the file, so every table here is prefixed analytics_). Stored per search: the
// redacted, normalised query, the result count, the top result's id and the time; per
// feedback event: the article, the event, the search it came from and the client kind
// (console/portal). Never an address, a cookie or anything else that names the client.
//
// Not thread-safe: one user at a time (SearchAnalytics serialises its writer and readers).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/sqlite_db.h"

namespace wiedza::server {

enum class FeedbackEvent { kOpen, kHelpful, kUnhelpful };
std::optional<FeedbackEvent> parse_feedback_event(std::string_view name);
const char* to_string(FeedbackEvent event);

struct SearchRecord {
  std::int64_t id = 0;
  std::int64_t time = 0;  // unix seconds
  std::string query;      // as typed; redacted by the store before it is written
  std::int64_t total = 0;
  std::optional<std::string> top_id;
};

struct FeedbackRecord {
  std::int64_t id = 0;  // given by SearchAnalytics, like a search's
  std::int64_t time = 0;
  std::optional<std::int64_t> search_id;
  std::string article;
  FeedbackEvent event = FeedbackEvent::kOpen;
  std::optional<std::string> source;  // "console" | "portal"
};

// One stored query text with what happened to its searches.
struct QueryStats {
  std::string text;
  std::int64_t searches = 0;
  std::int64_t no_results = 0;
  std::int64_t with_results = 0;
  std::int64_t opened = 0;  // searches with results that have an "open" event linked
};

struct ArticleFeedback {
  std::string article;
  std::int64_t opens = 0;
  std::int64_t helpful = 0;
  std::int64_t unhelpful = 0;
};

// Every server (node) gives search and feedback ids from its own range, so a replica's
// rows keep their ids when forwarded to the primary and feedback sent to any node still
// names the search it came from (docs/operations.md, "Replicas"). Node 0 is the primary
// (or a lone server) and gives 1, 2, ...; node n gives n * kIdsPerNode + 1, .... Up to
// node 999 the ids stay below 2^53, so JavaScript reads them exactly.
inline constexpr std::int64_t kIdsPerNode = 1'000'000'000'000;
inline constexpr int kMaxNode = 999;

class AnalyticsStore {
 public:
  static constexpr int kSchemaVersion = 1;

  // Opens (creating) the file and the tables. Throws SqliteError naming the file, also
  // when the file was written by a newer schema version. `node` picks the id range.
  explicit AnalyticsStore(const std::string& path, int node = 0);

  // Writes both lists in one transaction; queries are redacted (query_redaction.h) here,
  // so nothing else can put raw text into the file. Rows whose id is already stored are
  // skipped, so a forwarded batch sent twice counts once.
  void insert(const std::vector<SearchRecord>& searches, const std::vector<FeedbackRecord>& feedback);
  // Deletes searches and feedback older than `time`; returns the rows deleted.
  std::int64_t delete_before(std::int64_t time);
  // The highest search id this node ever gave (ids are not reused after deletion), or
  // the start of its range.
  std::int64_t last_search_id();
  // The highest feedback id this node gave among the stored rows, or the start of its range.
  std::int64_t last_feedback_id();

  // This node's own rows after an id, oldest first (for forwarding to the primary).
  std::vector<SearchRecord> searches_after(std::int64_t id, std::size_t limit);
  std::vector<FeedbackRecord> feedback_after(std::int64_t id, std::size_t limit);
  // How far forwarding has got, kept in the file so a restart neither resends nor skips.
  std::int64_t mark(const std::string& key);
  void set_mark(const std::string& key, std::int64_t value);

  std::vector<QueryStats> query_stats_since(std::int64_t time);
  std::vector<ArticleFeedback> article_feedback_since(std::int64_t time);

  const std::string& path() const { return db_.path(); }

 private:
  void create_schema();
  // Calls `row` for this node's rows of `table` after `id`, oldest first, at most `limit`.
  void each_own_row_after(const std::string& columns, const std::string& table, std::int64_t id, std::size_t limit,
                          const std::function<void(const SqliteStatement&)>& row);

  bool created_;  // the file did not exist before (set before db_ opens it)
  SqliteDb db_;
  std::int64_t first_id_;  // this node's range: (first_id_, first_id_ + kIdsPerNode)
};

}  // namespace wiedza::server
