// `wiedza report`: the content-gaps report from the state file a server wrote.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/search_analytics.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TestCorpus;
using testing::wiedza_binary;

class ReportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestCorpus corpus(tmp.path() / "corpus");
    nlohmann::json old = TestCorpus::article("meldunek", "Meldunek", "Zameldowanie na pobyt stały.");
    old["updated"] = "2020-02-03";
    corpus.put("meldunek", old);
    corpus.put("dowod", TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o dowód osobisty."));
    auto r = testing::run_command(wiedza_binary() + " index " + corpus.dir().string() + " --db " + tmp.str("db"), true);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  // Records as a server on this database would: into <db>.state.sqlite.
  void record_searches() {
    server::AnalyticsOptions o;
    o.path = tmp.str("db.state.sqlite");
    server::SearchAnalytics analytics(o);
    analytics.record_search("dowodu", 1, "dowod");
    analytics.record_search("dowód", 1, "dowod");
    analytics.record_search("dowod", 1, "dowod");
    analytics.record_search("psy w parku", 0, {});
    server::FeedbackRecord f;
    f.article = "dowod";
    f.event = server::FeedbackEvent::kUnhelpful;
    analytics.record_feedback(f);
  }
  testing::CommandResult report(const std::string& args, bool with_stderr = false) {
    return testing::run_command(wiedza_binary() + " report --db " + tmp.str("db") + " " + args, with_stderr);
  }

  testing::TempDir tmp;
};

TEST_F(ReportCommandTest, PrintsGroupedQueriesGapsAndStaleArticles) {
  record_searches();
  auto r = report("--days 7");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("4 searches, 1 without results"), std::string::npos) << r.output;
  // dowodu, dowód and dowod are one question, shown with its variants.
  EXPECT_NE(r.output.find("3 x \"dowod\" (also: \"dowodu\", \"dowód\")"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Queries with no results (1)\n  1 x \"psy w parku\""), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("dowod \"Dowód osobisty\": 1 unhelpful"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2020-02-03  meldunek \"Meldunek\""), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Articles without an 'updated' date (1)\n  dowod"), std::string::npos) << r.output;
}

TEST_F(ReportCommandTest, JsonHasTheShapeOfTheApi) {
  record_searches();
  auto r = report("--json --limit 1");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["days"], 7);
  ASSERT_EQ(j["top_queries"].size(), 1u);
  EXPECT_EQ(j["top_queries"][0]["searches"], 3);
  EXPECT_EQ(j["totals"]["query_groups"], 2);
  EXPECT_EQ(j["stale_articles"][0]["id"], "meldunek");
}

TEST_F(ReportCommandTest, MissingStateFileIsAClearError) {
  auto r = report("", true);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("state file " + tmp.str("db.state.sqlite") + " does not exist"), std::string::npos)
      << r.output;
  auto other = report("--state " + tmp.str("nowhere.sqlite"), true);
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.output.find("nowhere.sqlite does not exist"), std::string::npos) << other.output;
}

TEST_F(ReportCommandTest, DaysOutOfRangeIsRefused) {
  record_searches();
  auto r = report("--days 0", true);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("--days"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace wiedza
