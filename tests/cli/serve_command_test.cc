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

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `wiedza serve` on a free port over an index of one article, stdout and stderr in files.
struct ServeProcess {
  pid_t pid = -1;
  int port = 0;
  std::string out, err;
};

ServeProcess start_serve(const TempDir& tmp, const std::string& body) {
  TestCorpus corpus(tmp.path() / "corpus");
  corpus.put("a", TestCorpus::article("a", "Dowód osobisty", body));
  analysis::Analyzer analyzer;
  sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), analyzer);
  ServeProcess p{-1, 0, tmp.str("out.txt"), tmp.str("err.txt")};
  p.pid = fork();
  if (p.pid == 0) {
    freopen(p.out.c_str(), "w", stdout);
    freopen(p.err.c_str(), "w", stderr);
    execl(testing::wiedza_binary().c_str(), "wiedza", "serve", "--db", tmp.str("db").c_str(), "--port", "0",
          "--threads", "2", static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 200 && p.pid > 0 && p.port == 0; ++i) {
    std::smatch m;
    std::string text = slurp(p.out);
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
  ASSERT_GT(port, 0) << "no URL printed: " << slurp(serve.out) << slurp(err);

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

  const std::string log = slurp(err);
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
  ASSERT_GT(port, 0) << slurp(serve.err);
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
  // The keep-alive timeout is 2 s; it used to be 5 s.
  EXPECT_LT(seconds, 4.0) << "SIGTERM waited for the idle client";
}

TEST(ServeCommand, InvalidSettingsAreRejectedAtStart) {
  auto r = testing::run_command(testing::wiedza_binary() + " serve --db /nonexistent/db", true);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--db /nonexistent/db: no such database directory"), std::string::npos) << r.output;
  r = testing::run_command("WIEDZA_PORT=99999 " + testing::wiedza_binary() + " serve --db /tmp", true);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--port must be 0-65535"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace wiedza
