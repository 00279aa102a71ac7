// libFuzzer target: any bytes as an HTTP request, sent over loopback to the real server
// (read-write, with an editor token the seeds know, on a copy of the bundled corpus).
// The server must answer or close, never crash or stop accepting: every input is
// followed by a check that a fresh connection still gets an answer from /healthz.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "indexer/index_writer.h"
#include "server/http_server.h"
#include "tests/support/raw_http.h"

namespace {

namespace fs = std::filesystem;

struct Fixture {
  fs::path dir;
  std::unique_ptr<wiedza::server::HttpServer> server;
  std::thread thread;
  int port = 0;
};
Fixture* fixture = nullptr;

// /healthz must answer after every input. This is a liveness check, not a speed target:
// an instrumented build on a loaded 2-core CI machine can be many times slower than a
// release one (the starvation limits themselves are tested in tests/server). A reply slower
// than kSlowHealthMs is reported in the log for whoever reads it.
constexpr int kHealthTimeoutMs = 60000;
constexpr double kSlowHealthMs = 2000;

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
  using wiedza::testing::RawOptions;
  // Closed with RST, so that hundreds of inputs a second leave no TIME_WAIT sockets that
  // could use up this side's ephemeral ports (a failure of the fuzzer, not the server).
  wiedza::testing::raw_request(fixture->port, std::string(reinterpret_cast<const char*>(data), size),
                               RawOptions{.half_close = true, .timeout_ms = 2000, .reset = true});
  const auto start = std::chrono::steady_clock::now();
  const wiedza::testing::RawReply health = wiedza::testing::raw_request(
      fixture->port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      RawOptions{.half_close = false, .timeout_ms = kHealthTimeoutMs, .reset = true});
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (health.response.find(" 200 ") == std::string::npos) {
    std::fprintf(stderr, "the server stopped answering /healthz after %.0f ms (%s): '%s'\n", ms,
                 !health.connect_error.empty() ? ("cannot connect: " + health.connect_error).c_str()
                 : health.timed_out          ? "no answer"
                                             : "closed",
                 health.response.c_str());
    std::abort();
  }
  if (ms > kSlowHealthMs) std::fprintf(stderr, "slow /healthz: %.0f ms\n", ms);
  return 0;
}
