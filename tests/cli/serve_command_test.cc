// `wiedza serve` as a process: prints its URL, logs requests without query text, and
// exits 0 on SIGTERM after finishing what it was doing.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "indexer/index_writer.h"
#include "tests/support/raw_http.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

// `wiedza serve` on a free port over an index of one article, stdout and stderr in files.
struct ServeProcess {
  pid_t pid = -1;
  int port = 0;
  std::string out, err;
};

ServeProcess start_serve(const TempDir& tmp, const std::string& body, const std::vector<std::string>& extra = {}) {
  TestCorpus corpus(tmp.path() / "corpus");
  corpus.put("a", TestCorpus::article("a", "Dowód osobisty", body));
  analysis::Analyzer analyzer;
  sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), analyzer);
  ServeProcess p{-1, 0, tmp.str("out.txt"), tmp.str("err.txt")};
  p.pid = fork();
  if (p.pid == 0) {
    freopen(p.out.c_str(), "w", stdout);
    freopen(p.err.c_str(), "w", stderr);
    const std::string binary = testing::wiedza_binary(), db = tmp.str("db");
    std::vector<const char*> argv = {"wiedza", "serve", "--db", db.c_str(), "--port", "0", "--threads", "2"};
    for (const std::string& a : extra) argv.push_back(a.c_str());
    argv.push_back(nullptr);
    execv(binary.c_str(), const_cast<char* const*>(argv.data()));
    _exit(127);
  }
  for (int i = 0; i < 200 && p.pid > 0 && p.port == 0; ++i) {
    std::smatch m;
    std::string text = testing::read_file(p.out);
    if (std::regex_search(text, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/"))) p.port = std::stoi(m[1]);
    if (p.port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return p;
}

TEST(ServeCommand, ServesLogsWithoutQueriesAndStopsCleanlyOnSigterm) {
  TempDir tmp;
  const ServeProcess serve = start_serve(tmp, "Wniosek o dowód osobisty Kowalskiego.");
  ASSERT_GT(serve.pid, 0);
  const pid_t pid = serve.pid;
  const int port = serve.port;
  const std::string err = serve.err;
  ASSERT_GT(port, 0) << "no URL printed: " << testing::read_file(serve.out) << testing::read_file(err);

  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/api/search?q=Kowalskiego%2085010112345");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  // Personal data in a path, and paths that are not UTF-8 (this used to abort the
  // process from the access log), on every kind of route.
  res = client.Get("/szukaj/85010112345");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  for (const char* hostile : {"/%FF", "/api/articles/%FF", "/artykul/%FF", "/api/articles/%C3%28", "/%FF%FE/x"}) {
    res = client.Get(hostile);
    ASSERT_TRUE(res) << hostile << ": the server stopped answering";
    EXPECT_EQ(res->status, 404) << hostile;
    EXPECT_TRUE(nlohmann::json::accept(res->body) || res->body.find("<html") != std::string::npos) << res->body;
    res = client.Options(hostile);
    ASSERT_TRUE(res) << "OPTIONS " << hostile << ": the server stopped answering";
  }
  // An unknown method carrying personal data: httplib passes it on as the method.
  const auto garbled = testing::raw_request(
      port, "Nowak-85010112345 /szukaj?q=Kowalskiego HTTP/1.1\r\nConnection: close\r\n\r\n",
      {.half_close = false, .timeout_ms = 1000});
  EXPECT_NE(garbled.response.find(" 400 "), std::string::npos)
      << garbled.response << garbled.connect_error << (garbled.timed_out ? " (timed out)" : "");
  res = client.Get("/healthz");
  ASSERT_TRUE(res) << "the server died on a hostile path";
  EXPECT_EQ(res->status, 200);

  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);

  const std::string log = testing::read_file(err);
  EXPECT_NE(log.find("\"route\":\"GET /api/search\""), std::string::npos) << log;
  EXPECT_NE(log.find("\"route\":\"GET /artykul/{id}\""), std::string::npos) << log;
  EXPECT_EQ(log.find("terminate called"), std::string::npos) << log;
  EXPECT_EQ(log.find("Kowalskiego"), std::string::npos) << "query text leaked into the access log";
  EXPECT_EQ(log.find("85010112345"), std::string::npos) << "query or path text leaked into the access log";
  EXPECT_EQ(log.find("Nowak"), std::string::npos) << "a garbled request line leaked into the access log";
  EXPECT_NE(log.find("\"route\":\"? other\""), std::string::npos) << log;
  for (const std::string& line : {std::string("\xFF"), std::string("%FF")}) {
    EXPECT_EQ(log.find(line), std::string::npos) << "a raw path reached the access log";
  }
}

// An idle keep-alive connection (a console between searches) holds a worker thread that
// stopping waits for: SIGTERM must not wait for the client to go away.
TEST(ServeCommand, SigtermDoesNotWaitLongForAnIdleKeepAliveConnection) {
  TempDir tmp;
  const ServeProcess serve = start_serve(tmp, "Wniosek o dowód osobisty.");
  ASSERT_GT(serve.pid, 0);
  const pid_t pid = serve.pid;
  const int port = serve.port;
  ASSERT_GT(port, 0) << testing::read_file(serve.err);
  const int idle = testing::raw_connect(port);
  ASSERT_GE(idle, 0);
  const std::string get = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_EQ(::send(idle, get.data(), get.size(), MSG_NOSIGNAL), static_cast<ssize_t>(get.size()));
  char buffer[4096];
  ASSERT_GT(::recv(idle, buffer, sizeof buffer, 0), 0);  // answered; the connection stays open

  const auto start = std::chrono::steady_clock::now();
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ::close(idle);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  // Waiting connections notice a stop within 100 ms (server/guarded_server.cc); it used
  // to take the whole keep-alive timeout, 5 s and more.
  EXPECT_LT(seconds, 4.0) << "SIGTERM waited for the idle client";
}

// "slow":true on exactly the lines whose duration passed --slow-request-ms: with 0 every
// answered request is slow, with the default (100 ms) a health check is not.
TEST(ServeCommand, TheAccessLogMarksRequestsSlowerThanTheThreshold) {
  for (const std::string threshold : {"0", "100"}) {
    TempDir tmp;
    const ServeProcess serve = start_serve(tmp, "Wniosek o dowód osobisty.", {"--slow-request-ms", threshold});
    ASSERT_GT(serve.port, 0) << testing::read_file(serve.err);
    httplib::Client client("127.0.0.1", serve.port);
    for (const char* path : {"/healthz", "/api/search?q=dowod", "/healthz"}) ASSERT_TRUE(client.Get(path)) << path;
    kill(serve.pid, SIGTERM);
    int status = 0;
    waitpid(serve.pid, &status, 0);

    std::istringstream log(testing::read_file(serve.err));
    int requests = 0, slow = 0;
    for (std::string line; std::getline(log, line);) {
      const auto entry = nlohmann::json::parse(line, nullptr, false);
      if (entry.is_discarded() || !entry.contains("route")) continue;
      ++requests;
      const bool marked = entry.value("slow", false);
      slow += marked ? 1 : 0;
      EXPECT_EQ(marked, entry["duration_ms"].get<double>() > std::stod(threshold)) << threshold << ": " << line;
    }
    EXPECT_EQ(requests, 3) << testing::read_file(serve.err);
    if (threshold == "0") {
      EXPECT_EQ(slow, 3) << testing::read_file(serve.err);
    }
  }
}

TEST(ServeCommand, InvalidSettingsAreRejectedAtStart) {
  auto r = testing::run_command(testing::wiedza_binary() + " serve --db /nonexistent/db", true);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--db /nonexistent/db: no such database directory"), std::string::npos) << r.output;
  r = testing::run_command("WIEDZA_PORT=99999 " + testing::wiedza_binary() + " serve --db /tmp", true);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--port must be 0-65535"), std::string::npos) << r.output;
  r = testing::run_command(testing::wiedza_binary() + " serve --db /tmp --header-timeout 0", true);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--header-timeout must be 0.1-3600 seconds"), std::string::npos) << r.output;
  r = testing::run_command(testing::wiedza_binary() + " serve --db /tmp --slow-request-ms -5", true);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--slow-request-ms must be 0-3600000"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace wiedza
