// Test support: the real HTTP server on a free loopback port, in this process.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "server/http_server.h"

namespace wiedza::testing {

class RunningServer {
 public:
  explicit RunningServer(server::ServerConfig config) : server_(config) {
    port_ = server_.bind();
    thread_ = std::thread([this] { server_.run(); });
  }
  ~RunningServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  const server::HttpServer& server() const { return server_; }
  std::string url(const std::string& path = "/") const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    return c;
  }
  // GET `path` and parse the answer as JSON; null when there was no answer.
  nlohmann::json get_json(const std::string& path) const {
    auto res = client().Get(path);
    return res ? nlohmann::json::parse(res->body, nullptr, false) : nlohmann::json();
  }

 private:
  server::HttpServer server_;
  int port_;
  std::thread thread_;
};

}  // namespace wiedza::testing
