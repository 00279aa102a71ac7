#include "server/analytics_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "server/query_redaction.h"

namespace wiedza::server {

std::optional<FeedbackEvent> parse_feedback_event(std::string_view name) {
  if (name == "open") return FeedbackEvent::kOpen;
  if (name == "helpful") return FeedbackEvent::kHelpful;
  if (name == "unhelpful") return FeedbackEvent::kUnhelpful;
  return std::nullopt;
}

const char* to_string(FeedbackEvent event) {
  switch (event) {
    case FeedbackEvent::kOpen: return "open";
    case FeedbackEvent::kHelpful: return "helpful";
    case FeedbackEvent::kUnhelpful: return "unhelpful";
  }
  return "open";
}

AnalyticsStore::AnalyticsStore(const std::string& path, int node)
    : created_(!std::filesystem::exists(path)), db_(path), first_id_(static_cast<std::int64_t>(node) * kIdsPerNode) {
  // Even redacted, queries are residents' words: a new state file is readable by its
  // owner only (SQLite gives the -wal and -shm files the same mode).
  if (created_) ::chmod(path.c_str(), 0600);
  create_schema();
}

void AnalyticsStore::create_schema() {
  db_.exec("BEGIN IMMEDIATE");
  try {
    db_.exec("CREATE TABLE IF NOT EXISTS analytics_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
    auto version = db_.prepare("SELECT value FROM analytics_meta WHERE key = 'schema_version'");
    if (version.step() && version.integer(0) > kSchemaVersion) {
      throw SqliteError(db_.path() + ": analytics schema version " + std::to_string(version.integer(0)) +
                        " is newer than this Wiedza understands (" + std::to_string(kSchemaVersion) +
                        "); use a newer wiedza or another --state file");
    }
    // AUTOINCREMENT: search ids go to consoles and come back with feedback, so an id must
    // never be given twice, even after retention has deleted every row.
    db_.exec(
        "CREATE TABLE IF NOT EXISTS analytics_searches ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " time INTEGER NOT NULL,"
        " query TEXT NOT NULL,"
        " total INTEGER NOT NULL,"
        " top_id TEXT);"
        "CREATE INDEX IF NOT EXISTS analytics_searches_time ON analytics_searches(time);"
        "CREATE TABLE IF NOT EXISTS analytics_feedback ("
        " id INTEGER PRIMARY KEY,"
        " time INTEGER NOT NULL,"
        " search_id INTEGER,"  // no foreign key: the search may be dropped or already deleted
        " article TEXT NOT NULL,"
        " event TEXT NOT NULL CHECK (event IN ('open', 'helpful', 'unhelpful')),"
        " source TEXT CHECK (source IN ('console', 'portal')));"
        "CREATE INDEX IF NOT EXISTS analytics_feedback_time ON analytics_feedback(time);"
        "CREATE INDEX IF NOT EXISTS analytics_feedback_search ON analytics_feedback(search_id);");
    db_.prepare("INSERT OR REPLACE INTO analytics_meta (key, value) VALUES ('schema_version', ?1)")
        .bind(1, static_cast<std::int64_t>(kSchemaVersion))
        .run();
    db_.exec("COMMIT");
  } catch (...) {
    db_.exec("ROLLBACK");
    throw;
  }
}

void AnalyticsStore::insert(const std::vector<SearchRecord>& searches, const std::vector<FeedbackRecord>& feedback) {
  db_.exec("BEGIN IMMEDIATE");
  try {
    auto s = db_.prepare(
        "INSERT OR IGNORE INTO analytics_searches (id, time, query, total, top_id) VALUES (?1, ?2, ?3, ?4, ?5)");
    std::int64_t own_high = 0;
    for (const SearchRecord& r : searches) {
      s.bind(1, r.id).bind(2, r.time).bind(3, redact_query(r.query)).bind(4, r.total).bind(5, r.top_id).run();
      if (r.id > first_id_ && r.id <= first_id_ + kIdsPerNode) own_high = std::max(own_high, r.id);
    }
    // Ids given elsewhere (forwarded) move SQLite's AUTOINCREMENT counter past this
    // node's range, so the range's own high-water mark is kept beside it.
    if (own_high > 0 && own_high > mark("own_search_id")) set_mark("own_search_id", own_high);
    auto f = db_.prepare(
        "INSERT OR IGNORE INTO analytics_feedback (id, time, search_id, article, event, source)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (const FeedbackRecord& r : feedback) {
      f.bind(1, r.id).bind(2, r.time);
      if (r.search_id) {
        f.bind(3, *r.search_id);
      } else {
        f.bind_null(3);
      }
      f.bind(4, r.article).bind(5, std::string(to_string(r.event))).bind(6, r.source).run();
    }
    db_.exec("COMMIT");
  } catch (...) {
    db_.exec("ROLLBACK");
    throw;
  }
}

std::int64_t AnalyticsStore::delete_before(std::int64_t time) {
  db_.exec("BEGIN IMMEDIATE");
  try {
    std::int64_t deleted = 0;
    for (const char* table : {"analytics_searches", "analytics_feedback"}) {
      db_.prepare(std::string("DELETE FROM ") + table + " WHERE time < ?1").bind(1, time).run();
      auto changes = db_.prepare("SELECT changes()");
      if (changes.step()) deleted += changes.integer(0);
    }
    db_.exec("COMMIT");
    return deleted;
  } catch (...) {
    db_.exec("ROLLBACK");
    throw;
  }
}

std::int64_t AnalyticsStore::last_search_id() {
  // The counter of files written before ranges existed (node 0 only) still counts.
  auto st = db_.prepare(
      "SELECT max(?1, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'analytics_searches'"
      " AND seq > ?1 AND seq <= ?2), 0), coalesce((SELECT max(id) FROM analytics_searches"
      " WHERE id > ?1 AND id <= ?2), 0))");
  st.bind(1, first_id_).bind(2, first_id_ + kIdsPerNode);
  const std::int64_t stored = st.step() ? st.integer(0) : first_id_;
  return std::max(stored, mark("own_search_id"));
}

std::int64_t AnalyticsStore::last_feedback_id() {
  auto st = db_.prepare("SELECT coalesce(max(id), ?1) FROM analytics_feedback WHERE id > ?1 AND id <= ?2");
  st.bind(1, first_id_).bind(2, first_id_ + kIdsPerNode);
  return st.step() ? st.integer(0) : first_id_;
}

void AnalyticsStore::each_own_row_after(const std::string& columns, const std::string& table, std::int64_t id,
                                        std::size_t limit, const std::function<void(const SqliteStatement&)>& row) {
  auto st = db_.prepare("SELECT " + columns + " FROM " + table + " WHERE id > ?1 AND id <= ?2 ORDER BY id LIMIT ?3");
  st.bind(1, std::max(id, first_id_)).bind(2, first_id_ + kIdsPerNode).bind(3, static_cast<std::int64_t>(limit));
  while (st.step()) row(st);
}

std::vector<SearchRecord> AnalyticsStore::searches_after(std::int64_t id, std::size_t limit) {
  std::vector<SearchRecord> out;
  each_own_row_after("id, time, query, total, top_id", "analytics_searches", id, limit, [&](const SqliteStatement& st) {
    out.push_back({st.integer(0), st.integer(1), st.text(2), st.integer(3), st.optional_text(4)});
  });
  return out;
}

std::vector<FeedbackRecord> AnalyticsStore::feedback_after(std::int64_t id, std::size_t limit) {
  std::vector<FeedbackRecord> out;
  each_own_row_after("id, time, search_id, article, event, source", "analytics_feedback", id, limit,
                     [&](const SqliteStatement& st) {
                       FeedbackRecord r;
                       r.id = st.integer(0);
                       r.time = st.integer(1);
                       if (st.optional_text(2)) r.search_id = st.integer(2);
                       r.article = st.text(3);
                       r.event = parse_feedback_event(st.text(4)).value_or(FeedbackEvent::kOpen);
                       r.source = st.optional_text(5);
                       out.push_back(std::move(r));
                     });
  return out;
}

std::int64_t AnalyticsStore::mark(const std::string& key) {
  auto st = db_.prepare("SELECT value FROM analytics_meta WHERE key = ?1");
  st.bind(1, key);
  return st.step() ? st.integer(0) : 0;
}

void AnalyticsStore::set_mark(const std::string& key, std::int64_t value) {
  db_.prepare("INSERT OR REPLACE INTO analytics_meta (key, value) VALUES (?1, ?2)").bind(1, key).bind(2, value).run();
}

std::vector<QueryStats> AnalyticsStore::query_stats_since(std::int64_t time) {
  auto st = db_.prepare(
      "SELECT s.query, count(*), sum(s.total = 0), sum(s.total > 0), sum(s.total > 0 AND o.search_id IS NOT NULL)"
      " FROM analytics_searches s"
      " LEFT JOIN (SELECT DISTINCT search_id FROM analytics_feedback WHERE event = 'open' AND search_id IS NOT NULL) o"
      " ON o.search_id = s.id"
      " WHERE s.time >= ?1 GROUP BY s.query");
  st.bind(1, time);
  std::vector<QueryStats> out;
  while (st.step()) out.push_back({st.text(0), st.integer(1), st.integer(2), st.integer(3), st.integer(4)});
  return out;
}

std::vector<ArticleFeedback> AnalyticsStore::article_feedback_since(std::int64_t time) {
  auto st = db_.prepare(
      "SELECT article, sum(event = 'open'), sum(event = 'helpful'), sum(event = 'unhelpful')"
      " FROM analytics_feedback WHERE time >= ?1 GROUP BY article");
  st.bind(1, time);
  std::vector<ArticleFeedback> out;
  while (st.step()) out.push_back({st.text(0), st.integer(1), st.integer(2), st.integer(3)});
  return out;
}

}  // namespace wiedza::server
