#include "server/content_gap_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include "search/analysis/text_folding.h"

namespace wiedza::server {
namespace {

constexpr std::int64_t kSecondsPerDay = 24 * 60 * 60;

struct DateParts {
  int year, month, day;
};

DateParts utc_date(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string format_date(DateParts d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// The same day `months` earlier (the 31st becomes the month's last day: 28 Feb).
std::string months_before(std::int64_t now, int months) {
  DateParts d = utc_date(now);
  int m = d.year * 12 + (d.month - 1) - months;
  d.year = m / 12;
  d.month = m % 12 + 1;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  d.day = std::min(d.day, kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0));
  return format_date(d);
}

struct GroupBuilder {
  QueryGroup totals;
  std::vector<std::pair<std::int64_t, std::string>> texts;  // searches, text
};

QueryGroup finish(GroupBuilder& g) {
  std::sort(g.texts.begin(), g.texts.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  QueryGroup out = g.totals;
  out.label = g.texts.front().second;
  for (std::size_t i = 1; i < g.texts.size() && out.variants.size() < kMaxVariants; ++i) {
    out.variants.push_back(g.texts[i].second);
  }
  return out;
}

std::vector<QueryGroup> group_queries(const std::vector<QueryStats>& queries, analysis::Analyzer& analyzer) {
  std::map<std::string, GroupBuilder> groups;
  for (const QueryStats& q : queries) {
    GroupBuilder& g = groups[query_group_key(analyzer, q.text)];
    g.texts.emplace_back(q.searches, q.text);
    g.totals.searches += q.searches;
    g.totals.no_results += q.no_results;
    g.totals.with_results += q.with_results;
    g.totals.opened += q.opened;
  }
  std::vector<QueryGroup> out;
  for (auto& [key, g] : groups) out.push_back(finish(g));
  return out;
}

// Sorts by `count` (descending, then label), keeps those with a positive count, and cuts
// the list to `limit`; returns how many there were before the cut.
template <typename T, typename Count, typename Name>
std::size_t rank(std::vector<T>& items, std::size_t limit, Count count, Name name) {
  std::erase_if(items, [&](const T& t) { return count(t) <= 0; });
  std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) {
    return count(a) != count(b) ? count(a) > count(b) : name(a) < name(b);
  });
  const std::size_t total = items.size();
  if (items.size() > limit) items.resize(limit);
  return total;
}

nlohmann::json group_json(const QueryGroup& g) {
  const double share = g.searches > 0 ? static_cast<double>(g.no_results) / static_cast<double>(g.searches) : 0.0;
  return {{"label", g.label},
          {"variants", g.variants},
          {"searches", g.searches},
          {"no_results", g.no_results},
          {"no_results_share", std::round(share * 1000.0) / 1000.0},
          {"opened", g.opened}};
}

nlohmann::json article_json(const ArticleInfo& a) {
  return {{"id", a.id}, {"title", a.title}, {"updated", a.updated.empty() ? nlohmann::json() : nlohmann::json(a.updated)}};
}

}  // namespace

ReportInput read_report_input(AnalyticsStore& store, const std::string& db_path, const ReportOptions& options) {
  const std::int64_t since = options.now - static_cast<std::int64_t>(options.days) * kSecondsPerDay;
  return {store.query_stats_since(since), store.article_feedback_since(since), list_articles(db_path)};
}

std::string query_group_key(analysis::Analyzer& analyzer, const std::string& text) {
  std::set<std::string> words;
  for (const analysis::AnalyzedToken& token : analyzer.analyze(text).tokens) {
    if (token.stop) continue;
    std::string best;
    for (const std::string& term : analyzer.query_terms(token)) {
      std::string folded = analysis::fold_diacritics(term);
      if (best.empty() || folded < best) best = std::move(folded);
    }
    words.insert(best.empty() ? token.folded : best);
  }
  if (words.empty()) return text;
  std::string key;
  for (const std::string& w : words) key += (key.empty() ? "" : " ") + w;
  return key;
}

ContentGapReport build_content_gap_report(const ReportInput& input, analysis::Analyzer& analyzer,
                                          const ReportOptions& options) {
  ContentGapReport r;
  r.days = options.days;
  r.now = options.now;
  r.since = options.now - static_cast<std::int64_t>(options.days) * kSecondsPerDay;
  r.stale_before = months_before(options.now, kStaleAfterMonths);

  const std::vector<QueryGroup> groups = group_queries(input.queries, analyzer);
  r.query_groups = static_cast<std::int64_t>(groups.size());
  for (const QueryGroup& g : groups) {
    r.searches += g.searches;
    r.searches_without_results += g.no_results;
  }
  const auto label = [](const QueryGroup& g) { return g.label; };
  r.top_queries = groups;
  rank(r.top_queries, options.limit, [](const QueryGroup& g) { return g.searches; }, label);
  r.no_results = groups;
  r.no_results_total = rank(r.no_results, options.limit, [](const QueryGroup& g) { return g.no_results; }, label);
  r.never_opened = groups;
  r.never_opened_total = rank(
      r.never_opened, options.limit, [](const QueryGroup& g) { return g.opened == 0 ? g.with_results : 0; }, label);

  std::map<std::string, const ArticleInfo*> by_id;
  for (const ArticleInfo& a : input.articles) by_id[a.id] = &a;
  for (const ArticleFeedback& f : input.feedback) {
    auto it = by_id.find(f.article);
    r.unhelpful.push_back({f.article, it == by_id.end() ? std::nullopt : std::optional(it->second->title), f.opens,
                           f.helpful, f.unhelpful});
  }
  r.unhelpful_total = rank(
      r.unhelpful, options.limit, [](const ArticleRating& a) { return a.unhelpful; },
      [](const ArticleRating& a) { return a.id; });

  for (const ArticleInfo& a : input.articles) {
    if (a.updated.empty()) {
      r.undated.push_back(a);
    } else if (a.updated < r.stale_before) {
      r.stale.push_back(a);
    }
  }
  std::stable_sort(r.stale.begin(), r.stale.end(),
                   [](const ArticleInfo& a, const ArticleInfo& b) { return a.updated < b.updated; });
  r.stale_total = r.stale.size();
  r.undated_total = r.undated.size();
  if (r.stale.size() > options.limit) r.stale.resize(options.limit);
  if (r.undated.size() > options.limit) r.undated.resize(options.limit);
  return r;
}

nlohmann::json to_json(const ContentGapReport& r) {
  nlohmann::json top = nlohmann::json::array(), none = nlohmann::json::array(), unopened = nlohmann::json::array(),
                 unhelpful = nlohmann::json::array(), stale = nlohmann::json::array(),
                 undated = nlohmann::json::array();
  for (const QueryGroup& g : r.top_queries) top.push_back(group_json(g));
  for (const QueryGroup& g : r.no_results) none.push_back(group_json(g));
  for (const QueryGroup& g : r.never_opened) unopened.push_back(group_json(g));
  for (const ArticleRating& a : r.unhelpful) {
    unhelpful.push_back({{"id", a.id},
                         {"title", a.title ? nlohmann::json(*a.title) : nlohmann::json()},
                         {"opens", a.opens},
                         {"helpful", a.helpful},
                         {"unhelpful", a.unhelpful}});
  }
  for (const ArticleInfo& a : r.stale) stale.push_back(article_json(a));
  for (const ArticleInfo& a : r.undated) undated.push_back(article_json(a));
  return {{"days", r.days},
          {"from", format_date(utc_date(r.since))},
          {"to", format_date(utc_date(r.now))},
          {"stale_before", r.stale_before},
          {"totals",
           {{"searches", r.searches},
            {"searches_without_results", r.searches_without_results},
            {"query_groups", r.query_groups},
            {"no_results", r.no_results_total},
            {"never_opened", r.never_opened_total},
            {"unhelpful_articles", r.unhelpful_total},
            {"stale_articles", r.stale_total},
            {"undated_articles", r.undated_total}}},
          {"top_queries", top},
          {"no_results", none},
          {"never_opened", unopened},
          {"unhelpful_articles", unhelpful},
          {"stale_articles", stale},
          {"undated_articles", undated}};
}

}  // namespace wiedza::server
