// The replicated set-up on real processes (scripts/cluster.sh): a primary, two replicas
// pulling with Xapian's xapian-replicate, and HAProxy in front, on loopback ports. Every
// wait is bounded; the 2-second freshness target is measured in benchmarks/, not here.
#include <signal.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using namespace std::chrono_literals;
using testing::run_command;
using testing::TempDir;

constexpr auto kCatchUp = 20s;  // bound on any wait for replication (typically ~1 s)

nlohmann::json json_of(const httplib::Result& res) {
  if (!res) return nullptr;
  return nlohmann::json::parse(res->body, nullptr, false);
}

// Polls `done` every 50 ms until it holds or `limit` passes.
template <class F>
bool eventually(F done, std::chrono::milliseconds limit = kCatchUp) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

class ClusterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Each test has its own ports (CTest runs them one at a time: RESOURCE_LOCK cluster).
    base_port_ = 21000 + 20 * static_cast<int>(std::hash<std::string>{}(
                                  ::testing::UnitTest::GetInstance()->current_test_info()->name()) %
                              400);
    start();
    std::ifstream env(dir_.str("cluster.env"));
    for (std::string line; std::getline(env, line);) {
      const auto eq = line.find('=');
      if (eq != std::string::npos) env_[line.substr(0, eq)] = line.substr(eq + 1);
    }
    ASSERT_FALSE(env_["EDITOR_TOKEN"].empty());
  }

  void TearDown() override { cluster("stop"); }

  testing::CommandResult cluster(const std::string& command) {
    return run_command("WIEDZA_BIN=" + testing::wiedza_binary() + " WIEDZA_BASE_PORT=" + std::to_string(base_port_) +
                           " bash " + WIEDZA_SOURCE_DIR + "/scripts/cluster.sh " + command + " " + dir_.str(),
                       true);
  }

  // Starts whatever is not running; asserts it came up.
  void start() {
    auto r = cluster("start");
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }

  void kill_process(const std::string& name) {
    const std::string pid = testing::read_file(dir_.path() / "run" / (name + ".pid"));
    ASSERT_FALSE(pid.empty()) << name;
    ASSERT_EQ(::kill(std::stoi(pid), SIGKILL), 0) << name;
  }

  httplib::Client client(const std::string& node) {
    httplib::Client c(env_.at(node));
    c.set_connection_timeout(2s);
    c.set_read_timeout(10s);
    return c;
  }

  nlohmann::json health(const std::string& node) { return json_of(client(node).Get("/healthz")); }

  // The article ids a node returns for a query (not recorded in analytics).
  std::vector<std::string> hits(const std::string& node, const std::string& query) {
    auto body = json_of(client(node).Get("/api/search", httplib::Params{{"q", query}, {"record", "false"}}, {}));
    std::vector<std::string> ids;
    if (body.is_object() && body.contains("results")) {
      for (const auto& r : body["results"]) ids.push_back(r["id"]);
    }
    return ids;
  }

  bool finds(const std::string& node, const std::string& query, const std::string& id) {
    const auto ids = hits(node, query);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  // PUT through the load balancer (which sends it to the primary); returns the revision.
  std::int64_t put_article(const std::string& id, const std::string& title, const std::string& body_text) {
    nlohmann::json a = testing::TestCorpus::article(id, title, body_text);
    auto c = client("LB");
    auto res = c.Put("/api/articles/" + id, {{"Authorization", "Bearer " + env_["EDITOR_TOKEN"]}}, a.dump(),
                     "application/json");
    EXPECT_TRUE(res && (res->status == 200 || res->status == 201)) << (res ? res->body : "no answer");
    auto j = json_of(res);
    return j.is_object() && j.contains("revision") ? j["revision"].get<std::int64_t>() : -1;
  }

  std::int64_t revision(const std::string& node) {
    auto h = health(node);
    return h.is_object() ? h["revision"].get<std::int64_t>() : -1;
  }
  // The database and its revision: a full build swaps in a new database that counts its
  // revisions from 1 again.
  std::string version(const std::string& node) {
    auto h = health(node);
    return h.is_object() ? h["database"].get<std::string>() + "@" + std::to_string(h["revision"].get<std::int64_t>()) : "";
  }

  // Searches through the load balancer until `stop`, counting answers that are not 200.
  // Stopped when it goes out of scope too, so a failed ASSERT does not leave it running.
  struct Load {
    std::atomic<bool> stop{false};
    std::atomic<int> ok{0};
    std::atomic<int> failed{0};
    std::string first_failure;
    std::thread thread;
    ~Load() {
      stop = true;
      if (thread.joinable()) thread.join();
    }
  };
  void start_load(Load& load) {
    load.thread = std::thread([this, &load] {
      const std::vector<std::string> queries = {"dowód osobisty", "śmieci", "parking", "meldunek", "podatek od nieruchomości"};
      auto c = client("LB");
      for (std::size_t i = 0; !load.stop; ++i) {
        auto res = c.Get("/api/search", httplib::Params{{"q", queries[i % queries.size()]}, {"record", "false"}}, {});
        if (res && res->status == 200) {
          load.ok++;
        } else {
          if (load.failed++ == 0) load.first_failure = res ? std::to_string(res->status) + " " + res->body : "no answer";
        }
      }
    });
  }
  void stop_load(Load& load) {
    load.stop = true;
    load.thread.join();
  }

  TempDir dir_;
  int base_port_ = 0;
  std::map<std::string, std::string> env_;
};

TEST_F(ClusterTest, EditOnPrimaryIsSearchableOnBothReplicasWithEverythingASearchNeeds) {
  const std::int64_t rev = put_article("replikacja-zebra", "Zebra kwazarowa w ogrodzie", "Kwazarowa zebra pasie się.");
  ASSERT_GT(rev, 0);
  for (const char* replica : {"REPLICA_1", "REPLICA_2"}) {
    EXPECT_TRUE(eventually([&] { return finds(replica, "kwazarowa zebra", "replikacja-zebra"); })) << replica;
    auto h = health(replica);
    EXPECT_EQ(h["role"], "replica");
    EXPECT_GE(h["revision"].get<std::int64_t>(), rev);
    EXPECT_EQ(h["primary"]["url"], env_["PRIMARY"]);
    EXPECT_TRUE(eventually([&] {
      auto now = health(replica);
      return now.is_object() && now["primary"]["lag_revisions"] == 0 && now["primary"]["lag_seconds"] == 0.0;
    }));
  }
  // Routing, synonyms, typo tolerance and suggestions travel inside the index: a replica
  // answers exactly as the primary does (same revision, same ranking).
  ASSERT_TRUE(eventually([&] { return revision("REPLICA_1") == revision("PRIMARY"); }));
  for (const std::string q : {"dowód osobisty zgubiony", "smieciarka nie przyjechala", "becikowe", "meldunek"}) {
    EXPECT_EQ(hits("REPLICA_1", q), hits("PRIMARY", q)) << q;
  }
  const httplib::Params dowod = {{"q", "dowod osobisty"}, {"record", "false"}};
  auto primary_search = json_of(client("PRIMARY").Get("/api/search", dowod, {}));
  auto replica_search = json_of(client("REPLICA_1").Get("/api/search", dowod, {}));
  EXPECT_EQ(replica_search["routing"], primary_search["routing"]);
  EXPECT_EQ(json_of(client("REPLICA_2").Get("/api/units")), json_of(client("PRIMARY").Get("/api/units")));
  EXPECT_EQ(json_of(client("REPLICA_2").Get("/api/suggest?q=dow")), json_of(client("PRIMARY").Get("/api/suggest?q=dow")));
  EXPECT_EQ(health("PRIMARY")["role"], "primary");
}

TEST_F(ClusterTest, ReplicaRefusesWritesNamingThePrimary) {
  const std::int64_t before = revision("REPLICA_1");
  nlohmann::json a = testing::TestCorpus::article("na-replice", "Artykuł", "Treść.");
  auto c = client("REPLICA_1");
  const httplib::Headers auth = {{"Authorization", "Bearer " + env_["EDITOR_TOKEN"]}};
  auto put = c.Put("/api/articles/na-replice", auth, a.dump(), "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 421);
  auto error = json_of(put)["error"];
  EXPECT_EQ(error["code"], "replica_read_only");
  EXPECT_EQ(error["details"]["primary"], env_["PRIMARY"]);
  EXPECT_NE(error["message"].get<std::string>().find(env_["PRIMARY"]), std::string::npos);
  auto refused = [](const httplib::Result& res) { return res && res->status == 421; };
  EXPECT_TRUE(refused(c.Delete("/api/articles/dowod-osobisty-utrata", auth)));
  EXPECT_TRUE(refused(c.Post("/api/reindex", auth, "{}", "application/json")));
  EXPECT_TRUE(refused(c.Get("/api/admin/report", auth)));
  EXPECT_TRUE(refused(c.Get("/api/admin/audit", auth)));
  EXPECT_EQ(revision("REPLICA_1"), before);
  EXPECT_FALSE(finds("PRIMARY", "artykuł", "na-replice"));
}

TEST_F(ClusterTest, SearchesAndFeedbackOnReplicasReachThePrimarysReport) {
  // A query nothing answers, asked on each replica directly: both reach the primary's
  // content-gap report, which only the primary serves.
  const httplib::Params gap = {{"q", "xylofonowy kwantyzator"}};
  auto r1 = json_of(client("REPLICA_1").Get("/api/search", gap, {}));
  auto r2 = json_of(client("REPLICA_2").Get("/api/search", gap, {}));
  ASSERT_TRUE(r1["search_id"].is_number_integer() && r2["search_id"].is_number_integer());
  // Ids from the replicas' own ranges, so they never collide on the primary.
  EXPECT_GT(r1["search_id"].get<std::int64_t>(), 1'000'000'000'000);
  EXPECT_GT(r2["search_id"].get<std::int64_t>(), 2'000'000'000'000);
  // A search on one replica, opened from a page served by the other.
  auto found = json_of(client("REPLICA_1").Get("/api/search", httplib::Params{{"q", "zastrzezenie dowodu osobistego"}}, {}));
  ASSERT_FALSE(found["results"].empty());
  const std::string opened = found["results"][0]["id"];
  auto fb = client("REPLICA_2").Post(
      "/api/feedback", nlohmann::json{{"article", opened}, {"event", "open"}, {"search_id", found["search_id"]}}.dump(),
      "application/json");
  ASSERT_TRUE(fb);
  EXPECT_EQ(fb->status, 204);

  const httplib::Headers auth = {{"Authorization", "Bearer " + env_["EDITOR_TOKEN"]}};
  nlohmann::json report;
  ASSERT_TRUE(eventually([&] {
    report = json_of(client("LB").Get("/api/admin/report?days=1", auth));
    if (!report.is_object() || !report.contains("no_results")) return false;
    bool listed = false;
    for (const auto& q : report["no_results"]) {
      listed = listed || (q["label"] == "xylofonowy kwantyzator" && q["searches"] == 2);
    }
    return listed;
  })) << report.dump();
  // The opened search counts as opened, though its feedback went to the other replica.
  for (const auto& q : report["never_opened"]) EXPECT_NE(q["label"], "zastrzezenie dowodu osobistego") << report.dump();
  auto h = health("REPLICA_2");
  EXPECT_GE(h["analytics_forwarding"]["feedback"].get<int>(), 1);
}

TEST_F(ClusterTest, ReplicaKilledUnderLoadCostsNoFailedSearch) {
  Load load;
  start_load(load);
  std::this_thread::sleep_for(1500ms);
  kill_process("replica1");
  std::this_thread::sleep_for(3s);
  stop_load(load);
  EXPECT_EQ(load.failed, 0) << load.first_failure;
  EXPECT_GT(load.ok, 50);
  // The requests cut by the kill are in HAProxy's log (abnormal ones are), without path
  // or query: searches can carry personal data.
  const std::string lb_log = testing::read_file(dir_.path() / "logs" / "haproxy.log");
  EXPECT_EQ(lb_log.find("/api/search"), std::string::npos) << lb_log;
  EXPECT_EQ(lb_log.find("q="), std::string::npos) << lb_log;
  // Restarted, it serves again and HAProxy takes it back.
  start();
  EXPECT_TRUE(eventually([&] { return revision("REPLICA_1") == revision("PRIMARY"); }));
}

TEST_F(ClusterTest, RestartedReplicaCatchesUp) {
  kill_process("replica2");
  kill_process("replica2-sync");
  std::int64_t rev = 0;
  for (int i = 0; i < 3; ++i) rev = put_article("po-awarii-" + std::to_string(i), "Pelikan numer " + std::to_string(i), "Pelikan.");
  EXPECT_TRUE(eventually([&] { return finds("REPLICA_1", "pelikan", "po-awarii-2"); }));
  EXPECT_FALSE(health("REPLICA_2").is_object());  // down
  start();
  EXPECT_TRUE(eventually([&] { return revision("REPLICA_2") >= rev && finds("REPLICA_2", "pelikan", "po-awarii-2"); }));
}

TEST_F(ClusterTest, PrimaryKilledMidReplicationLeavesEveryReplicaOnARevisionThatOpensAndSearches) {
  // Edits stream in while replicas pull them; the primary and its replication server die
  // with SIGKILL in the middle.
  std::set<std::int64_t> committed = {revision("PRIMARY")};
  std::atomic<bool> stop{false};
  std::mutex committed_mutex;
  std::thread editor([&] {
    for (int i = 0; !stop; ++i) {
      nlohmann::json a = testing::TestCorpus::article("strumien-" + std::to_string(i % 20), "Strumień " + std::to_string(i),
                                                      std::string(2000, static_cast<char>('a' + i % 26)) + " strumień.");
      auto c = client("PRIMARY");
      auto res = c.Put("/api/articles/strumien-" + std::to_string(i % 20),
                       {{"Authorization", "Bearer " + env_["EDITOR_TOKEN"]}}, a.dump(), "application/json");
      auto j = json_of(res);
      if (j.is_object() && j.contains("revision")) {
        std::lock_guard l(committed_mutex);
        committed.insert(j["revision"].get<std::int64_t>());
      }
    }
  });
  std::this_thread::sleep_for(1500ms);
  kill_process("primary");
  kill_process("replserver");
  stop = true;
  editor.join();
  std::int64_t last_acknowledged = *committed.rbegin();
  // Searches go on on both replicas, on a revision the primary committed (at most one
  // edit may have committed without its reply arriving).
  for (const char* replica : {"REPLICA_1", "REPLICA_2"}) {
    std::this_thread::sleep_for(1500ms);  // let the sync clients notice and give up
    auto res = client(replica).Get("/api/search", httplib::Params{{"q", "strumień"}, {"record", "false"}}, {});
    ASSERT_TRUE(res) << replica;
    EXPECT_EQ(res->status, 200) << replica;
    auto h = health(replica);
    const std::int64_t rev = h["revision"];
    EXPECT_TRUE(committed.count(rev) == 1 || rev == last_acknowledged + 1) << replica << " on revision " << rev;
    EXPECT_FALSE(h["primary"]["reachable"].get<bool>());
  }
  // The copies on disk open cleanly on their own, outside any server.
  for (const char* replica : {"replica1", "replica2"}) {
    Xapian::Database db(dir_.str(std::string(replica) + "/db"));
    EXPECT_GT(db.get_doccount(), 300u) << replica;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    EXPECT_GT(enquire.get_mset(0, 10).size(), 0u) << replica;
  }
  // The primary back, the replicas reach its revision.
  start();
  const std::int64_t primary_rev = revision("PRIMARY");
  EXPECT_GE(primary_rev, last_acknowledged);
  for (const char* replica : {"REPLICA_1", "REPLICA_2"}) {
    EXPECT_TRUE(eventually([&] { return revision(replica) == primary_rev; })) << replica;
  }
}

TEST_F(ClusterTest, FullReindexOnThePrimaryReachesReplicasWithoutFailedSearches) {
  // Every article changes on disk, so the reindex rewrites the whole index.
  std::size_t changed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path() / "primary/corpus/articles")) {
    auto article = nlohmann::json::parse(testing::read_file(entry.path()));
    article["body"] = article["body"].get<std::string>() + "\n\nSprawdzono podczas reindeksacji kontrolnej.";
    std::ofstream(entry.path()) << article.dump(2);
    ++changed;
  }
  ASSERT_GT(changed, 300u);
  const std::string before = version("PRIMARY");
  Load load;
  start_load(load);
  const httplib::Headers auth = {{"Authorization", "Bearer " + env_["EDITOR_TOKEN"]}};
  auto started = client("LB").Post("/api/reindex", auth, "{}", "application/json");
  ASSERT_TRUE(started);
  ASSERT_EQ(started->status, 202) << started->body;
  const std::string job = json_of(started)["job"];
  nlohmann::json status;
  EXPECT_TRUE(eventually([&] {
    status = json_of(client("LB").Get("/api/reindex/" + job, auth));
    return status.is_object() && status["state"] == "done";
  }, 60s)) << status.dump();
  // "done" means the new database is in place; each of the primary's searchers moves to it
  // at its next freshness check (server/searcher_pool.h), so for a moment a request may
  // still be answered from the old one.
  const auto database_of = [](const std::string& v) { return v.substr(0, v.find('@')); };
  std::string primary;
  ASSERT_TRUE(eventually([&] {
    primary = version("PRIMARY");
    return !primary.empty() && database_of(primary) != database_of(before);
  })) << "the primary still serves " << primary;
  const httplib::Params added = {{"q", "sprawdzono podczas reindeksacji kontrolnej"}, {"record", "false"}};
  nlohmann::json on_primary;
  ASSERT_TRUE(eventually([&] {
    on_primary = json_of(client("PRIMARY").Get("/api/search", added, {}));
    return on_primary.is_object() && on_primary["total"].get<int>() > 0;
  })) << on_primary.dump();
  for (const char* replica : {"REPLICA_1", "REPLICA_2"}) {
    EXPECT_TRUE(eventually([&] { return version(replica) == primary; }, 60s)) << replica;
    // As on the primary, a searcher may answer once more from the copy it had open.
    nlohmann::json on_replica;
    EXPECT_TRUE(eventually([&] {
      on_replica = json_of(client(replica).Get("/api/search", added, {}));
      return on_replica.is_object() && on_replica["results"] == on_primary["results"];
    })) << replica << ": " << on_replica.dump().substr(0, 400);
  }
  stop_load(load);
  EXPECT_EQ(load.failed, 0) << load.first_failure;
  EXPECT_GT(load.ok, 20);
}

}  // namespace
}  // namespace wiedza
