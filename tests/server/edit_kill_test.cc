// `wiedza serve` with editing, killed with SIGKILL at random moments of a stream of
// article PUTs and DELETEs and unit renames, 20 times: after every restart the corpus files and the index
// agree, no staged file is left, every acknowledged edit is there (the one in flight at
// the kill may or may not be), and each article's audit history ends in its state.
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

#include "indexer/article_edits.h"
#include "indexer/corpus_files.h"
#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::TestCorpus;

constexpr const char* kToken = "kill-test-token-0001";
const std::vector<std::string> kIds = {"k0", "k1", "k2", "k3"};

// An article's state as this test sees it: its body, or nullopt when it does not exist.
using State = std::optional<std::string>;

// Long bodies (about 100 KB) keep each commit busy for a while, so kills often land
// between a staged file and its commit, the moment recovery exists for.
std::string body_text(int version) {
  std::string text = "Treść artykułu w wersji " + std::to_string(version) + ".";
  for (int i = 0; i < 1500; ++i) text += " Wniosek numer " + std::to_string(i) + " składa się w urzędzie dzielnicy.";
  return text;
}
std::string unit_name(int version) { return "Wydział Spraw Administracyjnych " + std::to_string(version); }

class EditKill : public ::testing::Test {
 protected:
  void SetUp() override {
    TestCorpus corpus(tmp_.path() / "corpus");
    for (const std::string& id : kIds) {
      corpus.put(id, TestCorpus::article(id, "Artykuł " + id, body_text(0)));
      acked_["article:" + id] = body_text(0);
    }
    acked_["unit:wsa"] = read_corpus(corpus.dir()).directory.units.at("wsa").name;
    analysis::Analyzer analyzer;
    sync_index(tmp_.str("db"), read_corpus(corpus.dir()), analyzer);
    tokens_ = testing::write_tokens_file(tmp_.path() / "tokens", std::string("anna ") + kToken + "\n");
  }

  // Starts the server and returns its port (0 if it printed none within 20 s).
  int start() {
    const std::string out = tmp_.str("out.txt"), err = tmp_.str("err.txt");
    fs::remove(out);
    pid_ = fork();
    if (pid_ == 0) {
      freopen(out.c_str(), "w", stdout);
      freopen(err.c_str(), "a", stderr);
      execl(testing::wiedza_binary().c_str(), "wiedza", "serve", "--db", tmp_.str("db").c_str(), "--corpus",
            tmp_.str("corpus").c_str(), "--tokens", tokens_.c_str(), "--port", "0", "--threads", "2",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 400; ++i) {
      std::smatch m;
      const std::string text = testing::read_file(out);
      if (std::regex_search(text, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/"))) return std::stoi(m[1]);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return 0;
  }

  void kill_server() {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  void TearDown() override {
    if (pid_ > 0) kill_server();
  }

  // One client sending edits one after another until the server stops answering.
  void edit_until_killed(int port, std::mt19937& random) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(2);
    client.set_read_timeout(15);
    const httplib::Headers auth{{"Authorization", std::string("Bearer ") + kToken}};
    while (true) {
      const std::string id = kIds[std::uniform_int_distribution<std::size_t>(0, kIds.size() - 1)(random)];
      const int dice = std::uniform_int_distribution<int>(0, 9)(random);
      auto send = [&]() -> httplib::Result {
        if (dice < 2) {  // rename the unit: every article of it is rewritten in the same commit
          const std::string name = unit_name(++version_);
          in_flight_ = {{"unit:wsa", name}};
          return client.Put("/api/units/wsa", auth,
                            nlohmann::json{{"name", name}, {"kind", "wydzial"}, {"phone", "12 616 55 10"}}.dump(),
                            "application/json");
        }
        if (dice < 5) {
          in_flight_ = {{"article:" + id, State{}}};
          return client.Delete("/api/articles/" + id, auth);
        }
        const std::string body = body_text(++version_);
        in_flight_ = {{"article:" + id, body}};
        return client.Put("/api/articles/" + id, auth, TestCorpus::article(id, "Artykuł " + id, body).dump(),
                          "application/json");
      };
      const httplib::Result res = send();
      if (!res) return;  // killed: the edit in flight may or may not have been applied
      ASSERT_TRUE(res->status == 200 || res->status == 201 || res->status == 204 || res->status == 404)
          << res->status << " " << res->body;
      if (res->status != 404) acked_[in_flight_->first] = in_flight_->second;
      in_flight_.reset();
      ++edits_;
    }
  }

  // `key`'s state is the acknowledged one, or what the edit in flight at the kill made it.
  void expect_known_state(const std::string& key, const State& state) {
    const bool as_acked = state == acked_[key];
    const bool as_in_flight = in_flight_ && in_flight_->first == key && state == in_flight_->second;
    EXPECT_TRUE(as_acked || as_in_flight) << key << ": an acknowledged edit was lost or an unknown one appeared";
    if (as_in_flight && !as_acked) acked_[key] = state;  // the edit in flight did land
  }

  // The state left after a restart (recovery has run before the server printed its URL).
  void expect_consistent(int port, int cycle) {
    SCOPED_TRACE("after kill " + std::to_string(cycle));
    const fs::path corpus = tmp_.path() / "corpus";
    for (const fs::path& dir : {corpus, corpus / "articles"}) {
      for (const auto& e : fs::directory_iterator(dir)) {
        EXPECT_FALSE(parse_staged_name(e.path().filename().string())) << "left behind: " << e.path();
      }
    }
    const Corpus read = read_corpus(corpus);
    std::map<std::string, nlohmann::json> files;
    for (const Article& a : read.articles) files[a.id] = to_json(a);
    analysis::Analyzer analyzer;
    IndexEditor index(tmp_.str("db"), analyzer, std::chrono::milliseconds(5000));
    const std::string unit = index.directory().units.at("wsa").name;
    EXPECT_EQ(read.directory.units.at("wsa").name, unit) << "units.json and the index disagree";
    expect_known_state("unit:wsa", unit);
    httplib::Client client("127.0.0.1", port);
    const httplib::Headers auth{{"Authorization", std::string("Bearer ") + kToken}};
    for (const std::string& id : kIds) {
      const auto stored = index.stored_article(id);
      ASSERT_EQ(stored.has_value(), files.count(id) == 1) << id << ": index and corpus disagree on existence";
      if (stored) {
        EXPECT_EQ(*stored, files[id]) << id << ": index and corpus file differ";
      }
      expect_known_state("article:" + id, stored ? State{(*stored)["body"].get<std::string>()} : State{});

      auto res = client.Get("/api/admin/audit?type=article&limit=100&id=" + id, auth);
      ASSERT_TRUE(res && res->status == 200) << (res ? res->body : "no answer");
      std::string last;  // the newest entry that changed something
      const nlohmann::json audit = nlohmann::json::parse(res->body);
      for (const auto& entry : audit["entries"]) {
        if (entry["action"] != "rollback") {
          last = entry["action"].get<std::string>();
          break;
        }
      }
      if (stored) {
        EXPECT_TRUE(last.empty() || last == "create" || last == "update") << id << " exists, audit ends in " << last;
      } else {
        EXPECT_EQ(last, "delete") << id << " is gone; audit: " << res->body.substr(0, 600);
      }
    }
    in_flight_.reset();
  }

  TempDir tmp_;
  std::string tokens_;
  pid_t pid_ = -1;
  std::map<std::string, State> acked_;
  std::optional<std::pair<std::string, State>> in_flight_;
  int version_ = 0;
  std::atomic<int> edits_{0};  // acknowledged, counted by the client thread
};

// Waits until an edit stages a corpus file (a hidden staged name appears in the corpus
// or its articles/) or `timeout` passes.
void wait_for_staged_file(const fs::path& corpus, std::chrono::milliseconds timeout) {
  const int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  ASSERT_GE(fd, 0);
  inotify_add_watch(fd, corpus.c_str(), IN_CREATE | IN_MOVED_TO);
  inotify_add_watch(fd, (corpus / "articles").c_str(), IN_CREATE | IN_MOVED_TO);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  alignas(inotify_event) char buffer[4096];
  bool staged = false;
  while (!staged && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 20) <= 0) continue;
    const ssize_t n = read(fd, buffer, sizeof buffer);
    for (ssize_t at = 0; n > 0 && at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      if (event->len > 0 && parse_staged_name(event->name)) staged = true;
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
    }
  }
  close(fd);
}

TEST_F(EditKill, TwentyKillsLeaveNothingHalfApplied) {
  std::mt19937 random(std::random_device{}());
  constexpr int kKills = 20;
  for (int cycle = 0; cycle <= kKills; ++cycle) {
    const int port = start();
    ASSERT_GT(port, 0) << "the server did not start: " << testing::read_file(tmp_.path() / "err.txt");
    expect_consistent(port, cycle);
    if (cycle == kKills) break;
    const int before = edits_;
    // Drawn before the client starts: from then on `random` belongs to its thread.
    const auto delay = std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 750)(random));
    std::thread client([&] { edit_until_killed(port, random); });
    // Two edits first, however slow the machine (sanitizers, a busy CI), so kills land in
    // the middle of a stream of edits rather than always on the first one.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (edits_ < before + 2 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const int early = edits_ - before;
    // Then half the kills at a random moment; the other half as soon as an edit has staged
    // its file after a random delay, when the edit is between its two commits.
    std::this_thread::sleep_for(delay);
    if (cycle % 2 == 1) wait_for_staged_file(tmp_.path() / "corpus", std::chrono::seconds(5));
    kill_server();
    client.join();
    ASSERT_GE(early, 2) << "the server acknowledged " << early << " edits in 60 s before kill " << cycle;
  }
  // Recovery told the log what it did whenever it had something to do.
  const std::string log = testing::read_file(tmp_.path() / "err.txt");
  std::size_t recovered = 0;
  for (auto at = log.find("\"event\":\"recovered\""); at != std::string::npos; at = log.find("\"event\":\"recovered\"", at + 1)) {
    ++recovered;
  }
  std::cout << edits_ << " edits acknowledged, " << recovered << " staged changes recovered at restarts\n";
}

}  // namespace
}  // namespace wiedza
