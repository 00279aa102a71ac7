// A replica's server, in process against a real primary on a loopback port: how far
// behind it reports (server/primary_watch.h), its analytics forwarded to the primary and
// kept while the primary is away (server/analytics_forwarder.h), the import the primary
// takes (server/analytics_import.h), the id ranges that keep nodes' rows apart
// (server/analytics_store.h), and the replication settings (server/server_config.h).
// The real replication (xapian-replicate, HAProxy) is tests/cluster/replication_test.cc.

#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "server/analytics_store.h"
#include "tests/support/raw_http.h"
#include "tests/support/running_server.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using namespace std::chrono_literals;
using testing::RunningServer;
using testing::TempDir;
using testing::TestCorpus;

constexpr const char* kEditor = "editor-token-0123456789";
constexpr const char* kReplica = "replica-token-0123456789";

template <class F>
bool eventually(F done, std::chrono::milliseconds limit = 10s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

class ReplicaServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.put("dowod", TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o dowód osobisty."));
    analysis::Analyzer analyzer;
    sync_index(tmp_.str("primary"), read_corpus(corpus_.dir().string()), analyzer);
    std::filesystem::copy(tmp_.path() / "primary", tmp_.path() / "replica");  // a copy, as xapian-replicate makes
    testing::write_tokens_file(tmp_.path() / "tokens", std::string("editor ") + kEditor + "\nreplica1 " + kReplica + "\n");
    testing::write_tokens_file(tmp_.path() / "forward", std::string("replica1 ") + kReplica + "\n");
    primary_port_ = testing::free_loopback_port();
  }

  server::ServerConfig primary_config() const {
    server::ServerConfig c;
    c.db_path = tmp_.str("primary");
    c.port = primary_port_;
    c.threads = 2;
    c.tokens_path = tmp_.str("tokens");
    c.corpus_dir = corpus_.dir().string();
    return c;
  }
  server::ServerConfig replica_config() const {
    server::ServerConfig c;
    c.db_path = tmp_.str("replica");
    c.port = 0;
    c.threads = 2;
    c.replica_of = "http://127.0.0.1:" + std::to_string(primary_port_);
    c.node_id = 1;
    c.forward_token_path = tmp_.str("forward");
    return c;
  }

  static nlohmann::json get(const RunningServer& s, const std::string& path, const httplib::Headers& headers = {}) {
    auto res = s.client().Get(path, headers);
    return res ? nlohmann::json::parse(res->body, nullptr, false) : nlohmann::json();
  }
  static nlohmann::json report(const RunningServer& primary) {
    return get(primary, "/api/admin/report?days=1", {{"Authorization", std::string("Bearer ") + kEditor}});
  }
  static bool gap_listed(const nlohmann::json& report, const std::string& label, int searches) {
    if (!report.is_object() || !report.contains("no_results")) return false;
    for (const auto& q : report["no_results"]) {
      if (q["label"] == label && q["searches"] == searches) return true;
    }
    return false;
  }

  TempDir tmp_;
  TestCorpus corpus_{tmp_.path() / "corpus"};
  int primary_port_ = 0;
};

TEST_F(ReplicaServerTest, HealthSaysHowFarBehindThePrimaryTheCopyIs) {
  RunningServer primary(primary_config());
  RunningServer replica(replica_config());
  EXPECT_TRUE(eventually([&] {
    auto h = get(replica, "/healthz");
    return h["primary"]["reachable"] == true && h["primary"]["lag_revisions"] == 0 && h["primary"]["lag_seconds"] == 0.0;
  }));
  auto h = get(replica, "/healthz");
  EXPECT_EQ(h["role"], "replica");
  EXPECT_EQ(h["node"], 1);
  EXPECT_GT(h["committed_at"].get<std::int64_t>(), 1'700'000'000'000);  // unix milliseconds
  EXPECT_EQ(get(primary, "/healthz")["role"], "primary");

  // An edit on the primary that this copy does not have: one revision, growing seconds.
  auto put = primary.client().Put("/api/articles/nowy", {{"Authorization", std::string("Bearer ") + kEditor}},
                                  TestCorpus::article("nowy", "Nowy", "Treść.").dump(), "application/json");
  ASSERT_TRUE(put && put->status == 201);
  ASSERT_TRUE(eventually([&] { return get(replica, "/healthz")["primary"]["lag_revisions"] == 1; }));
  std::this_thread::sleep_for(600ms);
  auto behind = get(replica, "/healthz");
  EXPECT_GE(behind["primary"]["lag_seconds"].get<double>(), 0.5) << behind.dump();
  auto metrics = replica.client().Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("wiedza_replica_lag_revisions 1\n"), std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find("wiedza_replica_primary_up 1\n"), std::string::npos);
  EXPECT_NE(metrics->body.find("wiedza_replica 1\n"), std::string::npos);
}

// A full build on the primary swaps in a new database that counts its revisions from 1
// again: a replica still on the old copy must not look level because its revision number
// is as high.
TEST_F(ReplicaServerTest, AReplicaOnAnotherDatabaseThanThePrimarysLacksAllOfIt) {
  corpus_.put("dowod", TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o nowy dowód osobisty."));
  analysis::Analyzer analyzer;
  ASSERT_TRUE(sync_index(tmp_.str("primary"), read_corpus(corpus_.dir().string()), analyzer).full_build);
  const Xapian::Database built(tmp_.str("primary"));
  ASSERT_NE(built.get_uuid(), Xapian::Database(tmp_.str("replica")).get_uuid());
  ASSERT_LE(built.get_revision(), Xapian::Database(tmp_.str("replica")).get_revision());
  RunningServer primary(primary_config());
  RunningServer replica(replica_config());
  EXPECT_EQ(get(primary, "/healthz")["database"], built.get_uuid());
  ASSERT_TRUE(eventually([&] { return get(replica, "/healthz")["primary"]["reachable"] == true; }));
  const auto h = get(replica, "/healthz");
  EXPECT_EQ(h["primary"]["database"], built.get_uuid());
  EXPECT_EQ(h["primary"]["lag_revisions"], static_cast<std::int64_t>(built.get_revision())) << h.dump();
  auto metrics = replica.client().Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->body.find("wiedza_replica_lag_revisions 0\n"), std::string::npos) << metrics->body;
}

TEST_F(ReplicaServerTest, SearchesOnAReplicaReachThePrimaryEvenWhenItWasDownAtTheTime) {
  std::int64_t search_id = 0;
  {
    // The primary is not running yet: the replica answers and keeps the search.
    RunningServer replica(replica_config());
    auto res = replica.client().Get("/api/search?q=" + httplib::detail::encode_query_param("zielony słoń"));
    ASSERT_TRUE(res && res->status == 200);
    search_id = nlohmann::json::parse(res->body)["search_id"];
    EXPECT_GT(search_id, server::kIdsPerNode);
    EXPECT_LE(search_id, 2 * server::kIdsPerNode);
    ASSERT_TRUE(eventually([&] { return get(replica, "/healthz")["analytics_forwarding"]["failures"].get<int>() > 0; }));
    EXPECT_EQ(get(replica, "/healthz")["primary"]["reachable"], false);
  }
  // Later, with the primary up, a restarted replica sends what it kept.
  RunningServer primary(primary_config());
  RunningServer replica(replica_config());
  EXPECT_TRUE(eventually([&] { return gap_listed(report(primary), "zielony słoń", 1); })) << report(primary).dump();
  // A second search continues the replica's own id sequence.
  auto next = get(replica, "/api/search?q=dow%C3%B3d");
  EXPECT_GT(next["search_id"].get<std::int64_t>(), search_id);
}

TEST_F(ReplicaServerTest, PrimaryImportsEachForwardedRowOnceAndKeepsItsOwnIdsApart) {
  RunningServer primary(primary_config());
  const httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kReplica}};
  const std::int64_t base = server::kIdsPerNode;
  const nlohmann::json batch = {
      {"node", 1},
      {"searches", {{{"id", base + 7}, {"time", std::time(nullptr)}, {"query", "fioletowa krowa"}, {"total", 0}, {"top_id", nullptr}}}},
      {"feedback", nlohmann::json::array()}};
  for (int i = 0; i < 2; ++i) {  // a batch resent after a lost reply
    auto res = primary.client().Post("/api/analytics/import", auth, batch.dump(), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
  }
  EXPECT_TRUE(eventually([&] { return gap_listed(report(primary), "fioletowa krowa", 1); })) << report(primary).dump();
  // The primary's own searches go on from its own range, not after the imported id.
  auto own = get(primary, "/api/search?q=dow%C3%B3d");
  EXPECT_LT(own["search_id"].get<std::int64_t>(), base);

  auto refused = [&](const nlohmann::json& body, const std::string& field) {
    auto res = primary.client().Post("/api/analytics/import", auth, body.dump(), "application/json");
    if (!res || res->status != 400) return ::testing::AssertionFailure() << (res ? res->body : "no answer");
    auto error = nlohmann::json::parse(res->body)["error"];
    if (error["code"] != "invalid_import" || error["message"].get<std::string>().find(field) == std::string::npos) {
      return ::testing::AssertionFailure() << res->body;
    }
    return ::testing::AssertionSuccess();
  };
  nlohmann::json outside = batch;
  outside["searches"][0]["id"] = 5;  // the primary's range
  EXPECT_TRUE(refused(outside, "searches[0].id"));
  nlohmann::json no_node = batch;
  no_node.erase("node");
  EXPECT_TRUE(refused(no_node, "node"));
  nlohmann::json bad_event = batch;
  bad_event["feedback"] = {{{"id", base + 1}, {"time", 1}, {"article", "dowod"}, {"event", "liked"}}};
  EXPECT_TRUE(refused(bad_event, "feedback[0].event"));
  // Without a token the primary takes nothing.
  auto anonymous = primary.client().Post("/api/analytics/import", batch.dump(), "application/json");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
}

TEST(AnalyticsStoreRanges, EachNodeContinuesItsOwnIdsWhateverOthersStored) {
  TempDir tmp;
  server::AnalyticsStore primary(tmp.str("state.sqlite"), 0);
  EXPECT_EQ(primary.last_search_id(), 0);
  primary.insert({{3, 100, "a", 1, std::nullopt}, {server::kIdsPerNode + 9, 100, "b", 0, std::nullopt}}, {});
  EXPECT_EQ(primary.last_search_id(), 3);  // the forwarded id does not move the primary's counter
  server::AnalyticsStore replica(tmp.str("replica.sqlite"), 2);
  EXPECT_EQ(replica.last_search_id(), 2 * server::kIdsPerNode);
  replica.insert({{2 * server::kIdsPerNode + 1, 100, "c", 0, std::nullopt}}, {});
  EXPECT_EQ(replica.searches_after(0, 10).size(), 1u);
  replica.set_mark("forwarded_search_id", 2 * server::kIdsPerNode + 1);
  EXPECT_TRUE(replica.searches_after(replica.mark("forwarded_search_id"), 10).empty());
}

TEST(ReplicationSettings, AreCheckedWithAMessageNamingTheSetting) {
  TempDir tmp;
  std::filesystem::create_directories(tmp.path() / "db");
  auto base = [&] {
    server::ServerConfig c;
    c.db_path = tmp.str("db");
    return c;
  };
  auto c = base();
  c.replica_of = "127.0.0.1:8080";
  EXPECT_NE(validate(c).find("--replica-of '127.0.0.1:8080' must be the primary's base URL"), std::string::npos);
  c.replica_of = "http://127.0.0.1:8080";
  EXPECT_NE(validate(c).find("--node-id 1-999"), std::string::npos);
  c.node_id = 3;
  EXPECT_NE(validate(c).find("--forward-token"), std::string::npos);
  c.forward_token_path = tmp.str("missing");
  EXPECT_NE(validate(c).find("no such file"), std::string::npos);
  c.forward_token_path = testing::write_tokens_file(tmp.path() / "forward", "r kluczyk-0123456789abcdef\n");
  c.tokens_path = c.forward_token_path;
  EXPECT_NE(validate(c).find("a replica takes no edits"), std::string::npos);
  auto p = base();
  p.node_id = 2;
  EXPECT_NE(validate(p).find("--node-id is for replicas"), std::string::npos);
  p = base();
  p.changesets = -1;
  EXPECT_NE(validate(p).find("--changesets must be 0-100000"), std::string::npos);
}

}  // namespace
}  // namespace wiedza
