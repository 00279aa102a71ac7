// The editors' "content gaps" report: what people searched for and did not find, which
// articles they found unhelpful, and which have not been updated for a year. Computed
// here once and rendered by the HTTP endpoint (GET /api/admin/report) and by
// `wiedza report`.
//
// Queries are grouped by their Polish form, with the same analyser indexing and search
// use, so that "dowodu", "dowód" and "dowod" count as one question.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/analysis/analyzer.h"
#include "server/analytics_store.h"
#include "server/article_catalogue.h"

namespace wiedza::server {

struct ReportOptions {
  int days = 7;            // the period: the last `days` days before `now`
  std::size_t limit = 20;  // rows per list (the totals count all)
  std::int64_t now = 0;    // unix seconds
};

inline constexpr int kMaxReportDays = 365;
inline constexpr std::size_t kMaxVariants = 5;
// Articles not updated for longer than this are listed as stale.
inline constexpr int kStaleAfterMonths = 12;

struct QueryGroup {
  std::string label;                  // the group's most frequent text
  std::vector<std::string> variants;  // its other texts, most frequent first (kMaxVariants)
  std::int64_t searches = 0;
  std::int64_t no_results = 0;
  std::int64_t with_results = 0;
  std::int64_t opened = 0;
};

struct ArticleRating {
  std::string id;
  std::optional<std::string> title;  // null when the article is no longer in the index
  std::int64_t opens = 0;
  std::int64_t helpful = 0;
  std::int64_t unhelpful = 0;
};

struct ContentGapReport {
  int days = 0;
  std::int64_t since = 0;  // unix seconds
  std::int64_t now = 0;
  std::string stale_before;  // YYYY-MM-DD: articles updated before this day are stale

  std::int64_t searches = 0;
  std::int64_t searches_without_results = 0;
  std::int64_t query_groups = 0;

  std::vector<QueryGroup> top_queries;    // by searches
  std::vector<QueryGroup> no_results;     // groups with searches that found nothing, by their number
  std::vector<QueryGroup> never_opened;   // groups with results of which none was opened
  std::vector<ArticleRating> unhelpful;   // by "unhelpful" marks
  std::vector<ArticleInfo> stale;         // oldest first
  std::vector<ArticleInfo> undated;       // articles without `updated`

  // Sizes of the lists before `limit` cut them.
  std::size_t no_results_total = 0, never_opened_total = 0, unhelpful_total = 0, stale_total = 0,
              undated_total = 0;
};

// What the report is computed from: the store's aggregates and the index's articles.
struct ReportInput {
  std::vector<QueryStats> queries;
  std::vector<ArticleFeedback> feedback;
  std::vector<ArticleInfo> articles;
};

// Reads the period's rows from the store and the articles from the index.
ReportInput read_report_input(AnalyticsStore& store, const std::string& db_path, const ReportOptions& options);

// The group of a query text: per content word, the smallest diacritic-folded term the
// analyser's query side gives it (its lemmas, plus for a word typed without Polish
// letters the lemmas it may stand for, so "odpadow" meets "odpadów"), sorted and joined.
// Word order does not matter, as it does not for search. Text of stop words only is its
// own group.
std::string query_group_key(analysis::Analyzer& analyzer, const std::string& text);

ContentGapReport build_content_gap_report(const ReportInput& input, analysis::Analyzer& analyzer,
                                          const ReportOptions& options);

// The JSON of docs/api.md (GET /api/admin/report).
nlohmann::json to_json(const ContentGapReport& report);

}  // namespace wiedza::server
