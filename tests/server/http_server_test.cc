// The real server on a free loopback port, against a real index of the bundled corpus.
#include "server/http_server.h"

#include <gtest/gtest.h>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <thread>

#include "indexer/index_writer.h"
#include "tests/support/raw_http.h"
#include "tests/support/running_server.h"
#include "tests/support/test_corpus.h"

namespace wiedza::server {
namespace {

using wiedza::testing::TempDir;
using wiedza::testing::TestCorpus;

using wiedza::testing::RunningServer;

class HttpServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    analysis::Analyzer analyzer;
    sync_index(tmp_->str("db"), read_corpus(std::string(WIEDZA_SOURCE_DIR) + "/corpus"), analyzer);
    ServerConfig config;
    config.db_path = tmp_->str("db");
    config.port = 0;
    config.threads = 4;
    config.cors_origins = {"http://portal.example.pl"};
    // Opening hours are judged at a moment tests choose (kWednesdayEvening by default).
    config.clock = [] { return std::chrono::system_clock::time_point(std::chrono::seconds(now_.load())); };
    server_ = new RunningServer(config);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete tmp_;
  }

  static nlohmann::json get_json(const std::string& path, int expected_status = 200) {
    auto res = server_->client().Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, expected_status) << path << ": " << res->body;
    EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos) << path;
    return nlohmann::json::parse(res->body);
  }
  static void expect_error(const std::string& path, int status, const std::string& message_part) {
    auto j = get_json(path, status);
    ASSERT_TRUE(j.contains("error")) << path;
    EXPECT_FALSE(j["error"]["code"].get<std::string>().empty());
    EXPECT_NE(j["error"]["message"].get<std::string>().find(message_part), std::string::npos)
        << path << ": " << j["error"]["message"];
  }

  static TempDir* tmp_;
  static RunningServer* server_;
  static std::atomic<long> now_;  // seconds since the epoch, UTC
};
TempDir* HttpServerTest::tmp_ = nullptr;
RunningServer* HttpServerTest::server_ = nullptr;
// Wednesday 2 December 2026, 17:22 in Kraków (16:22 UTC), and 10:00 the same day.
constexpr long kWednesdayEvening = 1796228520;
constexpr long kWednesdayMorning = kWednesdayEvening - (7 * 3600 + 22 * 60);
std::atomic<long> HttpServerTest::now_{kWednesdayEvening};

// The card says whether the unit is open, from its structured hours in Europe/Warsaw:
// at 17:22 on a Wednesday the department that closes at 16:00 is closed until tomorrow.
TEST_F(HttpServerTest, TheCardSaysWhetherTheUnitIsOpenNow) {
  const std::string q = "/api/search?q=zgubi%C5%82em%20dow%C3%B3d%20osobisty&record=false";
  now_ = kWednesdayEvening;
  auto evening = get_json(q);
  ASSERT_EQ(evening["routing"]["unit"]["id"], "wsa") << evening["routing"].dump();
  EXPECT_EQ(evening["routing"]["unit"]["open_now"],
            (nlohmann::json{{"open", false}, {"text", "zamknięte, otwieramy jutro o 8:00"}}));
  EXPECT_EQ(evening["routing"]["unit"]["opening_hours"]["wed"], (nlohmann::json{"8:00-16:00"}));
  const auto alternatives = evening["routing"]["alternatives"];
  for (const auto& alt : alternatives) {
    EXPECT_TRUE(alt["unit"].contains("phone")) << "alternatives carry their phone: " << alt.dump();
  }
  // The same unit in the morning; the article's unit and the portal's card say the same.
  now_ = kWednesdayMorning;
  EXPECT_EQ(get_json(q)["routing"]["unit"]["open_now"]["text"], "otwarte teraz, do 16:00");
  EXPECT_EQ(get_json("/api/articles/dowod-osobisty-utrata")["unit"]["open_now"]["text"], "otwarte teraz, do 16:00");
  auto page = server_->client().Get("/artykul/dowod-osobisty-utrata");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("<dt>Teraz</dt><dd class=\"open-now open\">otwarte teraz, do 16:00</dd>"), std::string::npos);
  now_ = kWednesdayEvening;
  page = server_->client().Get("/szukaj?q=zgubi%C5%82em%20dow%C3%B3d%20osobisty");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("<dd class=\"open-now closed\">zamknięte, otwieramy jutro o 8:00</dd>"), std::string::npos);
  // The directory says it for every unit; the emergency lines answer round the clock.
  bool seen = false;
  const auto units = get_json("/api/units");
  for (const auto& u : units["units"]) {
    if (u["id"] != "sm") continue;
    seen = true;
    EXPECT_EQ(u["open_now"]["text"], "otwarte całą dobę");
  }
  EXPECT_TRUE(seen) << "the bundled directory has the municipal police (sm)";
}

// Routing is the query's, not the page's: the same hint, confidence and reason on
// every page, through the API and the portal (it used to be computed from the page).
TEST_F(HttpServerTest, RoutingIsTheSameOnEveryPage) {
  for (const std::string q : {"parkowanie", "dziura%20w%20jezdni", "wyw%C3%B3z%20odpad%C3%B3w"}) {
    const auto first = get_json("/api/search?q=" + q);
    const auto second = get_json("/api/search?q=" + q + "&offset=10");
    ASSERT_TRUE(first["routing"].is_object()) << q;
    ASSERT_GE(second["results"].size(), 1u) << q << ": needs a second page";
    ASSERT_TRUE(second["routing"].is_object()) << q << ": the second page lost its hint";
    EXPECT_EQ(second["routing"]["unit"]["id"], first["routing"]["unit"]["id"]) << q;
    EXPECT_EQ(second["routing"]["confidence"], first["routing"]["confidence"]) << q;
    EXPECT_EQ(second["routing"]["reason"], first["routing"]["reason"]) << q;
    EXPECT_EQ(second["answer_confidence"], first["answer_confidence"]) << q;
    // Scores stay relative to the query's best hit, so page 2 does not start at 1.0.
    EXPECT_LT(second["results"][0]["score"].get<double>(), 1.0) << q;

    auto card_unit = [&](const std::string& path) {
      auto res = server_->client().Get(path);
      EXPECT_TRUE(res && res->status == 200) << path;
      const std::string html = res ? res->body : "";
      const auto at = html.find("<p class=\"unit-name\">");
      return at == std::string::npos ? std::string() : html.substr(at, html.find("</p>", at) - at);
    };
    const std::string card = card_unit("/szukaj?q=" + q);
    EXPECT_FALSE(card.empty()) << q;
    EXPECT_EQ(card_unit("/szukaj?q=" + q + "&offset=10"), card) << q << ": the portal's contact card changed with the page";
  }
}

TEST_F(HttpServerTest, EveryRouteHasItsOwnMetricsLabel) {
  auto c = server_->client();
  c.Post("/api/feedback", R"({"article":"x","event":"open"})", "application/json");
  c.Get("/api/admin/report");
  c.Put("/api/articles/abc", "{}", "application/json");
  c.Delete("/api/units/abc");
  c.Get("/api/reindex/job-1");
  c.Get("/artykul/dowod-osobisty-utrata");
  c.Get("/no/such/page");
  const std::vector<std::string> labels = {"POST /api/feedback",     "GET /api/admin/report", "PUT /api/articles/{id}",
                                           "DELETE /api/units/{id}", "GET /api/reindex/{job}", "GET /artykul/{id}",
                                           "GET other"};
  // A request is counted by the logger after its answer is sent; when the server closed
  // that connection (an error answer), /metrics may arrive on a new one first.
  std::string body;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto m = c.Get("/metrics");
    ASSERT_TRUE(m);
    body = m->body;
    if (std::all_of(labels.begin(), labels.end(),
                    [&](const std::string& l) { return body.find("route=\"" + l + "\"") != std::string::npos; })) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  for (const std::string& label : labels) {
    EXPECT_NE(body.find("route=\"" + label + "\""), std::string::npos) << label;
  }
}

// A gzip body is inflated by httplib with no limit on what it grows to: it is refused
// from its headers alone, before any of it is read (this request never sends the body
// it announces, and still gets its answer at once).
TEST_F(HttpServerTest, CompressedBodiesAreRefusedBeforeTheyAreRead) {
  const auto reply = testing::raw_request(
      server_->port(),
      "PUT /api/articles/abc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Encoding: gzip\r\nContent-Length: 900000\r\n\r\n",
      {.half_close = false, .timeout_ms = 1000});
  ASSERT_NE(reply.response.find("HTTP/1.1 415"), std::string::npos) << reply.response;
  EXPECT_NE(reply.response.find("\"compressed_body\""), std::string::npos) << reply.response;
  // The read timeout is 10 s: an answer within 1 s was not waiting for the body.
  EXPECT_LT(reply.first_byte_ms, 1000) << "the server waited for the body before answering";
  auto c = server_->client();
  httplib::Headers identity = {{"Content-Encoding", "identity"}};
  auto res = c.Post("/api/feedback", identity, R"({"article":"x","event":"open"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_NE(res->status, 415) << "an uncompressed body says so and is accepted: " << res->body;
}

// `curl -X POST URL` sends neither Content-Length nor a body: answered at once as an empty
// body (httplib alone waited 10 s for a body and answered 400 "http_error").
TEST_F(HttpServerTest, AWriteWithoutABodyIsAnsweredAtOnceAsAnEmptyBody) {
  const auto feedback = testing::raw_request(
      server_->port(), "POST /api/feedback HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      {.half_close = false, .timeout_ms = 1000});
  ASSERT_NE(feedback.response.find("HTTP/1.1 400"), std::string::npos) << feedback.response;
  EXPECT_NE(feedback.response.find("\"invalid_json\""), std::string::npos) << feedback.response;
  EXPECT_LT(feedback.first_byte_ms, 1000);
  const auto unknown = testing::raw_request(
      server_->port(), "DELETE /api/no-such-thing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      {.half_close = false, .timeout_ms = 1000});
  EXPECT_NE(unknown.response.find("HTTP/1.1 404"), std::string::npos) << unknown.response;
  const auto wrong = testing::raw_request(
      server_->port(), "PUT /api/search HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      {.half_close = false, .timeout_ms = 1000});
  EXPECT_NE(wrong.response.find("HTTP/1.1 405"), std::string::npos) << wrong.response;
  EXPECT_NE(wrong.response.find("Allow: GET"), std::string::npos) << wrong.response;
}

// An '=' the client did not encode belongs to the query ("wzór=wniosek"): httplib's own
// parser kept only what followed the last one.
TEST_F(HttpServerTest, AnUnencodedEqualsSignStaysInTheQuery) {
  auto c = server_->client();
  auto res = c.Get("/api/search?q=dowod=osobisty&limit=1");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(nlohmann::json::parse(res->body)["query"], "dowod=osobisty");
  // As a browser's form sends it ('+' for a space), bytes as they are.
  const auto form = testing::raw_request(
      server_->port(), "GET /api/search?q=zgubiony+dow%C3%B3d&limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      {.half_close = false, .timeout_ms = 1000});
  EXPECT_NE(form.response.find("\"query\":\"zgubiony dowód\""), std::string::npos) << form.response;
}

TEST_F(HttpServerTest, EveryPageAndAnswerCarriesSecurityHeaders) {
  auto c = server_->client();
  for (const char* page : {"/", "/admin", "/szukaj?q=dowod", "/artykul/dowod-osobisty-utrata"}) {
    auto res = c.Get(page);
    ASSERT_TRUE(res) << page;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << page;
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("frame-ancestors 'self'"), std::string::npos) << page;
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos) << page;
    EXPECT_EQ(res->get_header_value_count("Content-Security-Policy"), 1u) << page << ": the header is doubled";
  }
  for (const char* api : {"/api/search?q=dowod", "/healthz", "/api/nonexistent"}) {
    auto res = c.Get(api);
    ASSERT_TRUE(res) << api;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << api;
    EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos) << api;
  }
}

TEST_F(HttpServerTest, AWrongMethodIs405WithTheMethodsThatWork) {
  auto c = server_->client();
  auto res = c.Post("/api/search", "", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "GET");
  EXPECT_EQ(nlohmann::json::parse(res->body)["error"]["code"], "method_not_allowed");
  res = c.Patch("/api/articles/abc", "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "GET, PUT, DELETE");
  res = c.Delete("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
}

TEST_F(HttpServerTest, BodiesMustBeJson) {
  // A cross-site form or text/plain POST (sent without a CORS preflight) is refused.
  auto res = server_->client().Post("/api/feedback", R"({"article":"x","event":"open"})", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415);
  EXPECT_EQ(nlohmann::json::parse(res->body)["error"]["code"], "unsupported_media_type");
  res = server_->client().Put("/api/articles/abc", "{}", "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415);
}

TEST_F(HttpServerTest, PreflightsAllowOnlyReadingAsDocumented) {
  httplib::Headers h = {{"Origin", "http://portal.example.pl"}, {"Access-Control-Request-Method", "GET"}};
  auto res = server_->client().Options("/api/search", h);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Methods"), "GET, OPTIONS");
}

TEST_F(HttpServerTest, SearchReturnsResultsRoutingAndFacets) {
  auto j = get_json("/api/search?q=zgubi%C5%82em%20dow%C3%B3d%20osobisty");
  ASSERT_FALSE(j["results"].empty());
  const auto& top = j["results"][0];
  for (const char* field : {"id", "title", "summary", "snippet", "category", "unit", "kind", "score", "updated"}) {
    EXPECT_TRUE(top.contains(field)) << field;
  }
  EXPECT_NE(top["id"].get<std::string>().find("dowod"), std::string::npos);
  EXPECT_DOUBLE_EQ(top["score"].get<double>(), 1.0);
  EXPECT_FALSE(top["unit"]["name"].get<std::string>().empty());
  EXPECT_GE(j["took_ms"].get<double>(), 0.0);
  ASSERT_TRUE(j["routing"].is_object());
  EXPECT_EQ(j["routing"]["unit"]["id"], "wsa");
  EXPECT_FALSE(j["routing"]["unit"]["phone"].get<std::string>().empty());
  EXPECT_GT(j["routing"]["confidence"].get<double>(), 0.5);
  EXPECT_TRUE(j["routing"]["alternatives"].is_array());
  EXPECT_FALSE(j["routing"]["reason"].get<std::string>().empty());
  // Fewer than facet_depth matches: the facets count all of them, not just the page, and
  // the total is exact.
  EXPECT_TRUE(j["total_exact"].get<bool>());
  EXPECT_EQ(j["facets_counted"].get<std::size_t>(), j["total"].get<std::size_t>());
  std::size_t kinds = 0;
  for (const auto& f : j["facets"]["kind"]) kinds += f["count"].get<std::size_t>();
  EXPECT_EQ(kinds, j["total"].get<std::size_t>());
  EXPECT_GT(j["total"].get<std::size_t>(), j["results"].size());
}

TEST_F(HttpServerTest, SnippetsAreEscapedWithOnlyMarkAdded) {
  auto j = get_json("/api/search?q=odpady%20wielkogabarytowe");
  ASSERT_FALSE(j["results"].empty());
  std::string snippet = j["results"][0]["snippet"];
  EXPECT_NE(snippet.find("<mark>"), std::string::npos);
  for (std::size_t p = snippet.find('<'); p != std::string::npos; p = snippet.find('<', p + 1)) {
    EXPECT_TRUE(snippet.compare(p, 6, "<mark>") == 0 || snippet.compare(p, 7, "</mark>") == 0) << snippet;
  }
}

TEST_F(HttpServerTest, PaginationAndFilters) {
  auto page1 = get_json("/api/search?q=op%C5%82ata&limit=5");
  auto page2 = get_json("/api/search?q=op%C5%82ata&limit=5&offset=5");
  ASSERT_EQ(page1["results"].size(), 5u);
  ASSERT_EQ(page2["results"].size(), 5u);
  for (const auto& a : page1["results"]) {
    for (const auto& b : page2["results"]) EXPECT_NE(a["id"], b["id"]);
  }
  auto filtered = get_json("/api/search?q=op%C5%82ata&unit=mpo,zdmk&kind=interwencja");
  for (const auto& r : filtered["results"]) {
    EXPECT_TRUE(r["unit"]["id"] == "mpo" || r["unit"]["id"] == "zdmk");
    EXPECT_EQ(r["kind"], "interwencja");
  }
}

TEST_F(HttpServerTest, DidYouMeanForTypos) {
  auto j = get_json("/api/search?q=petrady");
  ASSERT_TRUE(j["corrected"].is_string());
  EXPECT_EQ(j["corrected"], "petardy");
}

TEST_F(HttpServerTest, OutOfScopeQueryMayHaveNoRouting) {
  auto j = get_json("/api/search?q=xqzwv%20plmkj");
  EXPECT_TRUE(j["results"].empty());
  EXPECT_TRUE(j["routing"].is_null());
}

TEST_F(HttpServerTest, SuggestCompletesTheLastWordWithoutDiacritics) {
  auto j = get_json("/api/suggest?q=zglo&limit=5");
  ASSERT_FALSE(j["suggestions"].empty());
  EXPECT_LE(j["suggestions"].size(), 5u);
  std::string text = j["suggestions"][0]["text"];
  EXPECT_NE(text.find("głosz"), std::string::npos) << text;
}

TEST_F(HttpServerTest, ArticleUnitsCategoriesHealthAndMetrics) {
  auto a = get_json("/api/articles/dowod-osobisty-utrata");
  EXPECT_EQ(a["id"], "dowod-osobisty-utrata");
  EXPECT_FALSE(a["body"].get<std::string>().empty());
  EXPECT_EQ(a["unit"]["id"], "wsa");
  EXPECT_FALSE(a["unit"]["phone"].get<std::string>().empty());
  EXPECT_FALSE(a["category"]["name"].get<std::string>().empty());
  expect_error("/api/articles/no-such-article", 404, "no-such-article");
  EXPECT_GE(get_json("/api/units")["units"].size(), 35u);
  EXPECT_GE(get_json("/api/categories")["categories"].size(), 20u);
  auto h = get_json("/healthz");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_GE(h["documents"].get<int>(), 300);
  EXPECT_GT(h["revision"].get<int>(), 0);
  get_json("/api/search?q=dow%C3%B3d");  // each test may run in its own process
  get_json("/api/search?q=dow%C3%B3d");  // the same page again: a result cache hit
  auto m = server_->client().Get("/metrics");
  ASSERT_TRUE(m);
  const std::string hits = "wiedza_cache_lookups_total{cache=\"results\",outcome=\"hit\"} ";
  const std::size_t at = m->body.find(hits);
  ASSERT_NE(at, std::string::npos);
  EXPECT_GE(std::stoul(m->body.substr(at + hits.size())), 1u);
  EXPECT_NE(m->body.find("wiedza_http_requests_total{route=\"GET /api/search\",status=\"200\"}"), std::string::npos);
  EXPECT_NE(m->body.find("wiedza_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(m->body.find("wiedza_documents "), std::string::npos);
}

TEST_F(HttpServerTest, BadRequestsGetJsonErrors) {
  expect_error("/api/search", 400, "'q' is required");
  expect_error("/api/search?q=%20%20", 400, "must not be empty");
  expect_error("/api/search?q=" + std::string(501, 'a'), 400, "longer than 500");
  expect_error("/api/search?q=dow%C3%B3d&limit=101", 400, "between 1 and 100");
  expect_error("/api/search?q=dow%C3%B3d&limit=abc", 400, "whole number");
  expect_error("/api/search?q=dow%C3%B3d&offset=-1", 400, "'offset'");
  expect_error("/api/search?q=%FF%FE", 400, "UTF-8");
  expect_error("/api/search?q=x&kind=porada", 400, "kind");
  expect_error("/api/suggest", 400, "'q' is required");
  expect_error("/api/nothing-here", 404, "no such route");
  // 500 Polish characters are fine: the limit counts characters, not bytes.
  std::string q;
  for (int i = 0; i < 500; ++i) q += "%C5%BC";
  get_json("/api/search?q=" + q, 200);
}

TEST_F(HttpServerTest, ConsoleIsServed) {
  auto res = server_->client().Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("lang=\"pl\""), std::string::npos);
  auto js = server_->client().Get("/static/console.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_NE(js->get_header_value("Content-Type").find("javascript"), std::string::npos);
}

TEST_F(HttpServerTest, CorsOnlyForConfiguredOrigins) {
  auto c = server_->client();
  auto ok = c.Get("/api/search?q=dow%C3%B3d", {{"Origin", "http://portal.example.pl"}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->get_header_value("Access-Control-Allow-Origin"), "http://portal.example.pl");
  auto other = c.Get("/api/search?q=dow%C3%B3d", {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  auto preflight = c.Options("/api/search", {{"Origin", "http://portal.example.pl"},
                                             {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  auto refused = c.Options("/api/search", {{"Origin", "http://evil.example"}, {"Access-Control-Request-Method", "GET"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

TEST_F(HttpServerTest, ConcurrentRequestsFromSeveralThreadsAllSucceed) {
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  const char* queries[] = {"dow%C3%B3d", "smieci", "mandat%20w%20tramwaju", "zameldowanie", "dziura%20w%20jezdni"};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      auto c = server_->client();
      for (int i = 0; i < 40; ++i) {
        auto res = c.Get(std::string("/api/search?q=") + queries[(t + i) % 5]);
        if (!res || res->status != 200 || nlohmann::json::parse(res->body)["results"].empty()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(HttpServerRevision, NewRevisionIsServedWithinASecond) {
  TempDir tmp;
  TestCorpus corpus(tmp.path() / "corpus");
  corpus.put("a", TestCorpus::article("a", "Dowód osobisty", "Wniosek o dowód osobisty."));
  analysis::Analyzer analyzer;
  sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), analyzer);
  ServerConfig config;
  config.db_path = tmp.str("db");
  config.port = 0;
  config.threads = 2;
  RunningServer server(config);
  auto c = server.client();
  auto count = [&](const std::string& q) {
    auto res = c.Get("/api/search?q=" + q);
    return res ? nlohmann::json::parse(res->body)["results"].size() : 0u;
  };
  ASSERT_EQ(count("kot"), 0u);
  corpus.put("b", TestCorpus::article("b", "Kot w mieszkaniu", "Zgłoszenie kota."));
  sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), analyzer);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  std::size_t found = 0;
  while (found == 0 && std::chrono::steady_clock::now() < deadline) {
    found = count("kot");
    if (found == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(found, 1u) << "the new revision was not served within 1 s";
}

// httplib (a compiled library in Debian) listens with a backlog of 5; bursts of new
// connections then lose SYNs and wait a 1 s retransmit. The server must raise it.
TEST_F(HttpServerTest, ListenBacklogTakesConnectionBursts) {
  int somaxconn = 4096;
  std::ifstream("/proc/sys/net/core/somaxconn") >> somaxconn;
  EXPECT_EQ(server_->server().listen_backlog(), std::min(HttpServer::kListenBacklog, somaxconn));
}

TEST(ServerConfigValidation, NamesTheBadSetting) {
  ServerConfig c;
  EXPECT_NE(validate(c).find("--db"), std::string::npos);
  c.db_path = "/";
  c.port = 70000;
  EXPECT_NE(validate(c).find("--port"), std::string::npos);
  c.port = 8080;
  c.threads = 0;
  EXPECT_NE(validate(c).find("--threads"), std::string::npos);
  c.threads = 4;
  c.cors_origins = {"portal.example.pl/path"};
  EXPECT_NE(validate(c).find("--cors-origin"), std::string::npos);
  c.cors_origins = {"https://portal.example.pl"};
  c.cache_results = -1;
  EXPECT_NE(validate(c).find("--cache-results"), std::string::npos);
  c.cache_results = 0;  // off is allowed
  c.cache_documents = 2000000;
  EXPECT_NE(validate(c).find("--cache-documents"), std::string::npos);
  c.cache_documents = 4096;
  EXPECT_EQ(validate(c), "");
}

}  // namespace
}  // namespace wiedza::server
