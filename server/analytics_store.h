// Where search analytics live: tables in the server's SQLite state file (the audit trail
// shares the file, so every table here is prefixed analytics_). Stored per search: the
// redacted, normalised query, the result count, the top result's id and the time; per
// feedback event: the article, the event, the search it came from and the client kind
// (console/portal). Never an address, a cookie or anything else that names the client.
//
// Not thread-safe: one user at a time (SearchAnalytics serialises its writer and readers).
#pragma once

#include <cstdint>
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

class AnalyticsStore {
 public:
  static constexpr int kSchemaVersion = 1;

  // Opens (creating) the file and the tables. Throws SqliteError naming the file, also
  // when the file was written by a newer schema version.
  explicit AnalyticsStore(const std::string& path);

  // Writes both lists in one transaction; queries are redacted (query_redaction.h) here,
  // so nothing else can put raw text into the file.
  void insert(const std::vector<SearchRecord>& searches, const std::vector<FeedbackRecord>& feedback);
  // Deletes searches and feedback older than `time`; returns the rows deleted.
  std::int64_t delete_before(std::int64_t time);
  // The highest search id ever given (ids are not reused after deletion).
  std::int64_t last_search_id();

  std::vector<QueryStats> query_stats_since(std::int64_t time);
  std::vector<ArticleFeedback> article_feedback_since(std::int64_t time);

  const std::string& path() const { return db_.path(); }

 private:
  void create_schema();

  bool created_;  // the file did not exist before (set before db_ opens it)
  SqliteDb db_;
};

}  // namespace wiedza::server
