// Search analytics over HTTP: search_id in search responses, POST /api/feedback
// validation, and the editors' report behind a bearer token.
#include <gtest/gtest.h>
#include <httplib.h>

#include "tests/support/editor_server.h"

namespace wiedza::server {
namespace {

using wiedza::testing::EditorServer;

constexpr const char* kToken = EditorServer::kToken;

class AnalyticsHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { env_ = new EditorServer({"http://portal.example.pl"}); }
  static void TearDownTestSuite() { delete env_; }
  static wiedza::testing::RunningServer* server() { return &env_->server(); }

  static nlohmann::json search(const std::string& q, const std::string& extra = "") {
    auto res = server()->client().Get("/api/search?q=" + httplib::detail::encode_query_param(q) + extra);
    EXPECT_TRUE(res && res->status == 200);
    return res ? nlohmann::json::parse(res->body) : nlohmann::json();
  }
  static httplib::Result post_feedback(const std::string& body) {
    return server()->client().Post("/api/feedback", body, "application/json");
  }
  static void expect_feedback_error(const std::string& body, int status, const std::string& code,
                                    const std::string& message_part) {
    auto res = post_feedback(body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << body << ": " << res->body;
    auto j = nlohmann::json::parse(res->body);
    EXPECT_EQ(j["error"]["code"], code) << res->body;
    EXPECT_NE(j["error"]["message"].get<std::string>().find(message_part), std::string::npos) << res->body;
  }
  static httplib::Result get_report(const std::string& query, const std::string& authorization) {
    httplib::Headers headers;
    if (!authorization.empty()) headers.emplace("Authorization", authorization);
    return server()->client().Get("/api/admin/report" + query, headers);
  }
  static bool lists_query(const nlohmann::json& groups, const std::string& text) {
    for (const auto& g : groups) {
      if (g["label"] == text) return true;
      for (const auto& v : g["variants"]) {
        if (v == text) return true;
      }
    }
    return false;
  }

  static EditorServer* env_;
};
EditorServer* AnalyticsHttpTest::env_ = nullptr;

TEST_F(AnalyticsHttpTest, SearchResponsesCarryDistinctSearchIds) {
  auto first = search("dowód osobisty");
  auto second = search("dowód osobisty");
  ASSERT_TRUE(first["search_id"].is_number_integer()) << first.dump();
  ASSERT_TRUE(second["search_id"].is_number_integer());
  EXPECT_NE(first["search_id"], second["search_id"]);
  // A further page is the same search; the editors' page opts out of recording.
  EXPECT_TRUE(search("dowód osobisty", "&offset=10")["search_id"].is_null());
  EXPECT_TRUE(search("dowód osobisty", "&record=false")["search_id"].is_null());
}

TEST_F(AnalyticsHttpTest, FeedbackIsAcceptedWith204) {
  auto s = search("meldunek");
  auto res = post_feedback(nlohmann::json{{"article", "meldunek"}, {"event", "open"}, {"search_id", s["search_id"]},
                                          {"source", "console"}}
                               .dump());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204) << res->body;
  res = post_feedback(R"({"article": "meldunek", "event": "helpful"})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204) << res->body;
}

TEST_F(AnalyticsHttpTest, FeedbackErrorsNameTheField) {
  expect_feedback_error("{not json", 400, "invalid_json", "not valid JSON");
  expect_feedback_error("[1, 2]", 400, "invalid_json", "object");
  expect_feedback_error(R"({"event": "open"})", 400, "invalid_feedback", "'article'");
  expect_feedback_error(R"({"article": "Zły Id!", "event": "open"})", 400, "invalid_feedback", "'article'");
  expect_feedback_error(R"({"article": "dowod"})", 400, "invalid_feedback", "'event'");
  expect_feedback_error(R"({"article": "dowod", "event": "like"})", 400, "invalid_feedback", "'event'");
  expect_feedback_error(R"({"article": "dowod", "event": "open", "search_id": "7"})", 400, "invalid_feedback",
                        "'search_id'");
  expect_feedback_error(R"({"article": "dowod", "event": "open", "search_id": -1})", 400, "invalid_feedback",
                        "'search_id'");
  expect_feedback_error(R"({"article": "dowod", "event": "open", "source": "app"})", 400, "invalid_feedback",
                        "'source'");
  expect_feedback_error(R"({"article": "nie-ma-takiego", "event": "unhelpful"})", 404, "not_found", "nie-ma-takiego");
}

TEST_F(AnalyticsHttpTest, FeedbackFollowsCorsLikeTheRestOfTheApi) {
  httplib::Headers origin{{"Origin", "http://portal.example.pl"}};
  auto res = server()->client().Post("/api/feedback", origin, R"({"article": "dowod", "event": "helpful"})",
                                    "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "http://portal.example.pl");
}

TEST_F(AnalyticsHttpTest, ReportNeedsAnEditorToken) {
  auto none = get_report("", "");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(nlohmann::json::parse(none->body)["error"]["code"], "unauthorized");
  auto wrong = get_report("", "Bearer not-the-right-token-0000");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  EXPECT_EQ(nlohmann::json::parse(wrong->body)["error"]["code"], "forbidden");
}

TEST_F(AnalyticsHttpTest, ReportRejectsBadDays) {
  for (const char* days : {"0", "366", "abc", "-1", ""}) {
    auto res = get_report(std::string("?days=") + days, std::string("Bearer ") + kToken);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << days;
    EXPECT_NE(res->body.find("'days'"), std::string::npos) << res->body;
  }
}

TEST_F(AnalyticsHttpTest, ReportShowsSearchesJustMadeGroupedAndLinkedToOpens) {
  search("xyzzy kwarkodron");
  search("Xyzzy  kwarkodron");
  const auto opened = search("zameldowanie na pobyt");
  post_feedback(nlohmann::json{{"article", "meldunek"}, {"event", "open"}, {"search_id", opened["search_id"]}}.dump());
  search("wniosek urząd");  // has results, none opened
  post_feedback(R"({"article": "dowod", "event": "unhelpful", "source": "portal"})");

  auto r = env_->report("?days=1");
  EXPECT_EQ(r["days"], 1);
  EXPECT_GE(r["totals"]["searches"].get<int>(), 4);
  ASSERT_TRUE(lists_query(r["no_results"], "xyzzy kwarkodron")) << r["no_results"].dump();
  for (const auto& g : r["no_results"]) {
    if (g["label"] == "xyzzy kwarkodron") {
      EXPECT_EQ(g["no_results"], 2);
    }
  }
  EXPECT_TRUE(lists_query(r["never_opened"], "wniosek urząd")) << r["never_opened"].dump();
  EXPECT_FALSE(lists_query(r["never_opened"], "zameldowanie na pobyt")) << r["never_opened"].dump();
  bool unhelpful = false;
  for (const auto& a : r["unhelpful_articles"]) unhelpful = unhelpful || (a["id"] == "dowod" && a["unhelpful"] >= 1);
  EXPECT_TRUE(unhelpful) << r["unhelpful_articles"].dump();
  // The test corpus gives no dates: every article is listed as undated.
  EXPECT_EQ(r["totals"]["undated_articles"], 2);
}

// A resident's search submitted without JavaScript (the server-rendered page) is counted;
// live searches asked with record=false (the console and the portal while typing) are not.
TEST_F(AnalyticsHttpTest, PortalPageSearchesAreRecordedAndTypingIsNot) {
  auto c = env_->server().client();
  auto page = c.Get("/szukaj?q=kwarkodron%20portalowy");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  auto typing = c.Get("/api/search?q=kwarkodron%20pisany&record=false");
  ASSERT_TRUE(typing);
  EXPECT_TRUE(nlohmann::json::parse(typing->body)["search_id"].is_null());
  auto r = env_->report("?days=1");
  EXPECT_TRUE(lists_query(r["no_results"], "kwarkodron portalowy")) << r["no_results"].dump();
  EXPECT_FALSE(lists_query(r["no_results"], "kwarkodron pisany")) << r["no_results"].dump();
}

}  // namespace
}  // namespace wiedza::server
