// Hostile and careless clients against the real server on loopback (server/guarded_server.h):
// idle sockets, headers trickled byte by byte, a request line of megabytes, a body that
// never finishes. Each is cut off with a JSON error where one can be sent, and none keeps
// a health check waiting.
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include "indexer/index_writer.h"
#include "tests/support/raw_http.h"
#include "tests/support/running_server.h"
#include "tests/support/test_corpus.h"

namespace wiedza::server {
namespace {

using namespace std::chrono_literals;
using testing::raw_connect;
using testing::raw_request;
using testing::RunningServer;
using testing::TempDir;
using testing::TestCorpus;

class ConnectionLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestCorpus corpus(tmp_.path() / "corpus");
    corpus.put("dowod", TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o dowód osobisty w urzędzie."));
    analysis::Analyzer analyzer;
    sync_index(tmp_.str("db"), read_corpus(corpus.dir()), analyzer);
  }

  std::unique_ptr<RunningServer> start(double header_timeout = 10, double request_timeout = 60) {
    ServerConfig config;
    config.db_path = tmp_.str("db");
    config.port = 0;
    config.threads = 2;
    config.header_timeout = header_timeout;
    config.request_timeout = request_timeout;
    return std::make_unique<RunningServer>(config);
  }

  TempDir tmp_;
};

// Sends `bytes` slowly, one piece every `gap`, until the server closes or `pieces` run out.
void trickle(int fd, const std::string& bytes, std::size_t pieces, std::chrono::milliseconds gap) {
  for (std::size_t i = 0; i < pieces; ++i) {
    if (::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) <= 0) return;
    std::this_thread::sleep_for(gap);
  }
}

// Everything the server sends on `fd` until it closes (or 10 s pass).
std::string read_all(int fd) {
  std::string out;
  char buffer[4096];
  pollfd p{fd, POLLIN, 0};
  while (::poll(&p, 1, 10000) > 0) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

TEST_F(ConnectionLimitsTest, IdleSocketsDoNotKeepAHealthCheckWaiting) {
  // 1,000 idle sockets used to keep a fresh /healthz waiting 15 s (one thread per
  // connection, 256 of them, each waiting out its timeout).
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  setrlimit(RLIMIT_NOFILE, &files);
  const std::size_t count = std::min<std::size_t>(1000, files.rlim_cur > 300 ? files.rlim_cur / 2 - 100 : 100);
  auto server = start();
  std::vector<int> idle;
  for (std::size_t i = 0; i < count; ++i) {
    const int fd = raw_connect(server->port());
    ASSERT_GE(fd, 0) << "connection " << i << ": " << std::strerror(errno);
    idle.push_back(fd);
  }
  const auto health = raw_request(server->port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                  {.half_close = false, .timeout_ms = 5000});
  EXPECT_NE(health.response.find(" 200 "), std::string::npos) << health.response;
  EXPECT_LT(health.first_byte_ms, 1000) << "with " << count << " idle sockets open";
  // Past half of --max-connections the idle ones are closed quickly (here within about
  // half a second) instead of after --idle-timeout.
  if (count > 512) {
    pollfd p{idle.front(), POLLIN, 0};
    ASSERT_EQ(::poll(&p, 1, 3000), 1) << "an idle socket was not closed under pressure";
    char byte;
    EXPECT_EQ(::recv(idle.front(), &byte, 1, 0), 0);
  }
  for (int fd : idle) ::close(fd);
}

TEST_F(ConnectionLimitsTest, HeadersTrickledByteByByteAreCutOffWith408) {
  auto server = start(/*header_timeout=*/1);
  const int fd = raw_connect(server->port());
  ASSERT_GE(fd, 0);
  const auto started = std::chrono::steady_clock::now();
  std::thread slow([fd] {
    ::send(fd, "GET /healthz HTTP/1.1\r\n", 23, MSG_NOSIGNAL);
    trickle(fd, "X-Slow: y\r\n", 40, 100ms);  // each piece well inside any per-read timeout
  });
  const std::string answer = read_all(fd);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  slow.join();
  ::close(fd);
  EXPECT_NE(answer.find("HTTP/1.1 408 "), std::string::npos) << answer;
  EXPECT_NE(answer.find("\"code\":\"request_timeout\""), std::string::npos) << answer;
  EXPECT_LT(seconds, 3.5) << "the header deadline (1 s) did not hold";
  // The server is fine.
  EXPECT_EQ(server->get_json("/healthz")["status"], "ok");
}

TEST_F(ConnectionLimitsTest, AnOversizedRequestLineIsRefusedWithoutReadingIt) {
  auto server = start();
  // 64 MB of request line: refused after the first 32 KiB.
  const std::string request = "GET /api/search?q=" + std::string(64 * 1024 * 1024, 'a');
  const auto reply = raw_request(server->port(), request, {.half_close = false, .timeout_ms = 5000});
  EXPECT_NE(reply.response.find("HTTP/1.1 431 "), std::string::npos) << reply.response.substr(0, 300);
  EXPECT_NE(reply.response.find("\"code\":\"headers_too_large\""), std::string::npos);
  // Many headers, each under httplib's own line limit, together over 32 KiB.
  std::string headers = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 100; ++i) headers += "X-Filler-" + std::to_string(i) + ": " + std::string(500, 'b') + "\r\n";
  const auto many = raw_request(server->port(), headers + "\r\n", {.half_close = false, .timeout_ms = 5000});
  EXPECT_NE(many.response.find("HTTP/1.1 431 "), std::string::npos) << many.response.substr(0, 300);
  // A normal request with normal headers still works, and /metrics counts the refusals.
  EXPECT_EQ(server->get_json("/healthz")["status"], "ok");
  auto metrics = server->client().Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("wiedza_requests_refused_total{reason=\"headers_too_large\"} 2"), std::string::npos)
      << metrics->body;
  // The refused connections linger for up to 0.5 s (draining what the client still
  // sends) before they close; after that only this client's own connection is open.
  bool only_ours_open = false;
  for (int attempt = 0; attempt < 40 && !only_ours_open; ++attempt) {
    auto now = server->client().Get("/metrics");
    ASSERT_TRUE(now);
    only_ours_open = now->body.find("wiedza_connections_open 1\n") != std::string::npos;
    if (!only_ours_open) std::this_thread::sleep_for(100ms);
  }
  EXPECT_TRUE(only_ours_open) << "refused connections were not closed within 4 s";
}

TEST_F(ConnectionLimitsTest, ABodyThatNeverFinishesIsCutOffAtTheRequestDeadline) {
  auto server = start(/*header_timeout=*/10, /*request_timeout=*/1);
  const int fd = raw_connect(server->port());
  ASSERT_GE(fd, 0);
  const std::string head =
      "POST /api/feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
  ::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
  std::thread slow([fd] { trickle(fd, " ", 60, 100ms); });
  const std::string answer = read_all(fd);
  slow.join();
  ::close(fd);
  EXPECT_NE(answer.find("HTTP/1.1 408 "), std::string::npos) << answer;
}

TEST_F(ConnectionLimitsTest, PipelinedAndKeptAliveRequestsAreAllAnswered) {
  auto server = start();
  // Two requests in one packet: the second one's bytes wait in the connection's buffer.
  const auto reply = raw_request(server->port(),
                                 "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                                 "GET /api/search?q=dowod HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                 {.half_close = false, .timeout_ms = 5000});
  EXPECT_EQ(reply.response.find("HTTP/1.1 200 "), 0u) << reply.response.substr(0, 200);
  EXPECT_NE(reply.response.find("HTTP/1.1 200 ", 10), std::string::npos) << "the pipelined request was lost";
  EXPECT_NE(reply.response.find("\"dowod\""), std::string::npos);
  // One kept-alive client, many requests.
  httplib::Client client = server->client();
  client.set_keep_alive(true);
  for (int i = 0; i < 50; ++i) {
    auto res = client.Get("/api/search?q=dowod");
    ASSERT_TRUE(res) << "request " << i;
    EXPECT_EQ(res->status, 200);
  }
}

}  // namespace
}  // namespace wiedza::server
