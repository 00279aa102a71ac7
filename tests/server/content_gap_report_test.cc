// The content-gaps report over a real index and a real state file: grouping by Polish
// form, no-results and never-opened queries, unhelpful and stale articles.
#include "server/content_gap_report.h"

#include <gtest/gtest.h>

#include <atomic>

#include "indexer/index_writer.h"
#include "server/search_analytics.h"
#include "tests/support/test_corpus.h"

namespace wiedza::server {
namespace {

using testing::TempDir;
using testing::TestCorpus;

constexpr std::int64_t kDay = 24 * 60 * 60;
constexpr std::int64_t kNow = 1'800'000'000;  // 2027-01-15

const QueryGroup* find_group(const std::vector<QueryGroup>& groups, const std::string& label_or_variant) {
  for (const QueryGroup& g : groups) {
    if (g.label == label_or_variant) return &g;
    for (const std::string& v : g.variants) {
      if (v == label_or_variant) return &g;
    }
  }
  return nullptr;
}

class ContentGapReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestCorpus corpus(tmp.path() / "corpus");
    auto with_date = [](nlohmann::json a, const char* updated) {
      a["updated"] = updated;
      return a;
    };
    corpus.put("dowod", with_date(TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o dowód osobisty."),
                                  "2026-12-01"));
    corpus.put("meldunek", with_date(TestCorpus::article("meldunek", "Meldunek", "Zameldowanie na pobyt stały."),
                                     "2025-03-10"));
    corpus.put("odpady", with_date(TestCorpus::article("odpady", "Odpady", "Wywóz odpadów."), "2024-01-05"));
    corpus.put("bez-daty", TestCorpus::article("bez-daty", "Parking", "Strefa płatnego parkowania."));
    analysis::Analyzer indexing;
    sync_index(tmp.str("db"), read_corpus(corpus.dir()), indexing);
  }

  // Records searches "now" (and some older ones outside a 7-day window) like the server.
  void record(const std::function<void(SearchAnalytics&)>& calls) {
    AnalyticsOptions o;
    o.path = tmp.str("state.sqlite");
    o.clock = [this] { return clock.load(); };
    SearchAnalytics analytics(o);
    calls(analytics);
  }

  ContentGapReport report(int days = 7, std::size_t limit = 20) {
    ReportOptions options;
    options.days = days;
    options.limit = limit;
    options.now = kNow;
    AnalyticsStore store(tmp.str("state.sqlite"));
    return build_content_gap_report(read_report_input(store, tmp.str("db"), options), analyzer, options);
  }

  FeedbackRecord feedback(const std::string& article, FeedbackEvent event, std::optional<std::int64_t> search = {}) {
    FeedbackRecord f;
    f.article = article;
    f.event = event;
    f.search_id = search;
    return f;
  }

  TempDir tmp;
  analysis::Analyzer analyzer;
  std::atomic<std::int64_t> clock{kNow};
};

TEST_F(ContentGapReportTest, GroupKeyJoinsInflectedFormsAndFormsWithoutPolishLetters) {
  const std::string key = query_group_key(analyzer, "dowód");
  EXPECT_EQ(query_group_key(analyzer, "dowodu"), key);
  EXPECT_EQ(query_group_key(analyzer, "dowod"), key);
  EXPECT_EQ(query_group_key(analyzer, "Dowody"), key);
  EXPECT_EQ(query_group_key(analyzer, "odpadów"), query_group_key(analyzer, "odpadow"));
  EXPECT_EQ(query_group_key(analyzer, "zgubiony dowód"), query_group_key(analyzer, "dowodu zgubionego"));
  EXPECT_NE(query_group_key(analyzer, "dowód"), query_group_key(analyzer, "meldunek"));
}

TEST_F(ContentGapReportTest, TopQueriesAreGroupedByPolishFormWithTheCommonestTextAsLabel) {
  record([](SearchAnalytics& a) {
    a.record_search("dowodu", 1, "dowod");
    a.record_search("Dowód", 1, "dowod");
    a.record_search("dowód", 1, "dowod");
    a.record_search("dowod", 0, {});
    a.record_search("meldunek", 1, "meldunek");
  });
  const ContentGapReport r = report();
  EXPECT_EQ(r.searches, 5);
  EXPECT_EQ(r.query_groups, 2);
  ASSERT_FALSE(r.top_queries.empty());
  const QueryGroup& top = r.top_queries.front();
  EXPECT_EQ(top.label, "dowód");  // recorded twice (case is normalised)
  EXPECT_EQ(top.searches, 4);
  EXPECT_EQ(top.no_results, 1);
  EXPECT_EQ(top.variants, (std::vector<std::string>{"dowod", "dowodu"}));
  EXPECT_EQ(to_json(r)["top_queries"][0]["no_results_share"], 0.25);
}

TEST_F(ContentGapReportTest, NoResultsAndNeverOpenedQueries) {
  record([this](SearchAnalytics& a) {
    a.record_search("psy w parku", 0, {});
    a.record_search("psów w parkach", 0, {});
    a.record_search("zameldowanie", 2, "meldunek");
    const auto opened = a.record_search("dowód", 1, "dowod");
    a.record_feedback(feedback("dowod", FeedbackEvent::kOpen, opened));
    a.record_search("wywóz odpadów", 1, "odpady");
    a.record_feedback(feedback("odpady", FeedbackEvent::kOpen));  // not linked to a search
    clock = kNow - 10 * kDay;  // outside the 7-day period
    a.record_search("stare pytanie", 0, {});
    clock = kNow;
  });
  const ContentGapReport r = report(7);
  ASSERT_EQ(r.no_results.size(), 1u);
  EXPECT_EQ(r.no_results[0].no_results, 2);
  EXPECT_NE(find_group(r.no_results, "psy w parku"), nullptr);
  EXPECT_NE(find_group(r.no_results, "psów w parkach"), nullptr);
  EXPECT_EQ(find_group(r.no_results, "stare pytanie"), nullptr);

  EXPECT_NE(find_group(r.never_opened, "zameldowanie"), nullptr);
  EXPECT_NE(find_group(r.never_opened, "wywóz odpadów"), nullptr);
  EXPECT_EQ(find_group(r.never_opened, "dowód"), nullptr) << "its result was opened";
  EXPECT_EQ(find_group(r.never_opened, "psy w parku"), nullptr) << "nothing to open";

  EXPECT_NE(find_group(report(30).no_results, "stare pytanie"), nullptr);
}

TEST_F(ContentGapReportTest, UnhelpfulArticlesSortedByUnhelpfulMarks) {
  record([this](SearchAnalytics& a) {
    for (int i = 0; i < 3; ++i) a.record_feedback(feedback("meldunek", FeedbackEvent::kUnhelpful));
    a.record_feedback(feedback("meldunek", FeedbackEvent::kHelpful));
    a.record_feedback(feedback("dowod", FeedbackEvent::kUnhelpful));
    a.record_feedback(feedback("dowod", FeedbackEvent::kOpen));
    a.record_feedback(feedback("odpady", FeedbackEvent::kHelpful));
  });
  const ContentGapReport r = report();
  ASSERT_EQ(r.unhelpful.size(), 2u);
  EXPECT_EQ(r.unhelpful[0].id, "meldunek");
  EXPECT_EQ(r.unhelpful[0].title, "Meldunek");
  EXPECT_EQ(r.unhelpful[0].unhelpful, 3);
  EXPECT_EQ(r.unhelpful[0].helpful, 1);
  EXPECT_EQ(r.unhelpful[1].id, "dowod");
  EXPECT_EQ(r.unhelpful[1].opens, 1);
}

TEST_F(ContentGapReportTest, StaleAndUndatedArticlesFromTheIndex) {
  record([](SearchAnalytics&) {});
  const ContentGapReport r = report();
  EXPECT_EQ(r.stale_before, "2026-01-15");
  ASSERT_EQ(r.stale.size(), 2u);
  EXPECT_EQ(r.stale[0].id, "odpady");  // oldest first
  EXPECT_EQ(r.stale[0].updated, "2024-01-05");
  EXPECT_EQ(r.stale[1].id, "meldunek");
  ASSERT_EQ(r.undated.size(), 1u);
  EXPECT_EQ(r.undated[0].id, "bez-daty");
  EXPECT_EQ(r.undated[0].title, "Parking");

  const ContentGapReport limited = report(7, 1);
  EXPECT_EQ(limited.stale.size(), 1u);
  EXPECT_EQ(limited.stale_total, 2u);
}

}  // namespace
}  // namespace wiedza::server
