// libFuzzer target: any bytes as an HTTP request, sent over loopback to the real server
// (read-write, with an editor token the seeds know, on a copy of the bundled corpus).
// The server must answer or close, never crash or stop accepting: every input is
// followed by a check that a fresh connection still gets an answer from /healthz.
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "indexer/index_writer.h"
#include "server/http_server.h"

namespace {

namespace fs = std::filesystem;

struct Fixture {
  fs::path dir;
  std::unique_ptr<wiedza::server::HttpServer> server;
  std::thread thread;
  int port = 0;
};
Fixture* fixture = nullptr;

// How long /healthz may take after a hostile request (an instrumented build is several
// times slower than a release one).
constexpr int kHealthTimeoutMs = 10000;

// Sends `request`, half-closes when `half_close` (so that an incomplete request cannot
// keep the server waiting), and reads until the server closes or `timeout_ms` pass.
std::string exchange(const std::string& request, bool half_close, int timeout_ms) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) std::abort();
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(fixture->port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return {};
  }
  for (std::size_t sent = 0; sent < request.size();) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  if (half_close) ::shutdown(fd, SHUT_WR);
  std::string response;
  char buffer[16384];
  pollfd p{fd, POLLIN, 0};
  while (::poll(&p, 1, timeout_ms) > 0) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    response.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return response;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fixture = new Fixture;
  fixture->dir = fs::temp_directory_path() / ("wiedza-http-fuzzer-" + std::to_string(::getpid()));
  fs::create_directories(fixture->dir);
  fs::copy(std::string(WIEDZA_SOURCE_DIR) + "/corpus", fixture->dir / "corpus", fs::copy_options::recursive);
  wiedza::analysis::Analyzer analyzer;
  const std::string db = (fixture->dir / "db").string();
  wiedza::sync_index(db, wiedza::read_corpus((fixture->dir / "corpus").string()), analyzer);
  const fs::path tokens = fixture->dir / "tokens";
  std::ofstream(tokens) << "fuzzer fuzz-token-0123456789abcdef\n";
  ::chmod(tokens.c_str(), 0600);
  wiedza::server::ServerConfig config;
  config.db_path = db;
  config.port = 0;
  config.threads = 2;
  config.max_connections = 16;
  config.tokens_path = tokens.string();
  config.corpus_dir = (fixture->dir / "corpus").string();
  fixture->server = std::make_unique<wiedza::server::HttpServer>(config);
  fixture->port = fixture->server->bind();
  fixture->thread = std::thread([] { fixture->server->run(); });
  std::atexit([] {
    fixture->server->stop();
    fixture->thread.join();
    fixture->server.reset();
    fs::remove_all(fixture->dir);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  exchange(std::string(reinterpret_cast<const char*>(data), size), true, 2000);
  const std::string health = exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false,
                                     kHealthTimeoutMs);
  if (health.find(" 200 ") == std::string::npos) {
    std::fprintf(stderr, "the server stopped answering /healthz: '%s'\n", health.c_str());
    std::abort();
  }
  return 0;
}
