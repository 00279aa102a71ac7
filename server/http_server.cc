#include "server/http_server.h"

#include <httplib.h>
#include <xapian.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>

#include "server/analytics_handlers.h"
#include "server/api_handlers.h"
#include "server/edit_handlers.h"
#include "server/guarded_server.h"
#include "server/portal_handlers.h"
#include "server/routes.h"
#include "server/web_assets.h"

namespace wiedza::server {
namespace {

using Clock = std::chrono::steady_clock;

// Start time of the request the current worker thread is handling (for the access log
// and metrics, which httplib calls on the same thread after the handler).
thread_local Clock::time_point request_started;

bool origin_allowed(const ServerConfig& config, const std::string& origin) {
  for (const std::string& o : config.cors_origins) {
    if (o == origin) return true;
  }
  return false;
}

// One JSON line per request on stderr. Deliberately no query string, no raw path and no
// client address: queries and paths (/szukaj/85010112345) can contain personal data, and a
// path is whatever bytes a client sent, valid UTF-8 or not. The route's pattern says which
// handler answered without repeating what was asked.
void access_log(const std::string& route, int status, std::size_t bytes, double ms, double slow_ms) {
  nlohmann::json line = {{"time", std::chrono::duration_cast<std::chrono::milliseconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count()},
                         {"route", route},
                         {"status", status},
                         {"duration_ms", std::round(ms * 1000.0) / 1000.0},
                         {"bytes", bytes}};
  if (ms > slow_ms) line["slow"] = true;
  std::fprintf(stderr, "%s\n", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

AnalyticsOptions analytics_options(const ServerConfig& config) {
  AnalyticsOptions options;
  options.path = state_file(config);
  options.retention_days = config.analytics_retention_days;
  options.node = config.node_id;
  return options;
}

std::chrono::milliseconds millis(double seconds) {
  return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
}

ConnectionLimits connection_limits(const ServerConfig& config) {
  ConnectionLimits limits;
  limits.max_connections = static_cast<std::size_t>(config.max_connections);
  limits.first_byte = millis(config.idle_timeout);
  limits.header = millis(config.header_timeout);
  limits.request = millis(config.request_timeout);
  // An idle keep-alive connection holds a thread, and stopping waits for it: 2 s keeps a
  // typing consultant's connection warm between keystrokes while bounding how long
  // SIGTERM takes (it was 5 s with one idle connection).
  limits.keep_alive = std::min(limits.first_byte, std::chrono::milliseconds(2000));
  limits.idle_under_pressure = std::min(limits.first_byte, limits.idle_under_pressure);
  limits.header_under_pressure = std::min(limits.header, limits.header_under_pressure);
  return limits;
}

}  // namespace

HttpServer::HttpServer(ServerConfig config, RankingOptions ranking)
    : config_(std::move(config)),
      tokens_(config_.tokens_path.empty() ? std::nullopt
                                          : std::optional<EditorTokens>(EditorTokens::load(config_.tokens_path))),
      // Opening the pool throws a clear error for a missing or foreign database.
      pool_(config_.db_path, ranking,
            PoolOptions{static_cast<std::size_t>(config_.threads),
                        CacheOptions{static_cast<std::size_t>(config_.cache_results),
                                     static_cast<std::size_t>(config_.cache_documents)}}),
      analytics_(std::make_unique<SearchAnalytics>(analytics_options(config_))),
      http_(std::make_unique<GuardedServer>(connection_limits(config_))) {
  if (tokens_) editing_ = std::make_unique<EditingService>(config_.db_path, config_.corpus_dir, state_file(config_));
  replication_.node = config_.node_id;
  replication_.changesets = config_.changesets;
  if (!config_.replica_of.empty()) {
    primary_watch_ = std::make_unique<PrimaryWatch>(config_.replica_of, [this] {
      auto s = pool_.acquire();
      return IndexVersion{s->database(), static_cast<std::int64_t>(s->revision())};
    });
    const EditorTokens forward = EditorTokens::load(config_.forward_token_path);
    if (forward.size() != 1) {
      throw std::runtime_error("--forward-token " + config_.forward_token_path +
                               ": expected exactly one \"name token\" line, found " + std::to_string(forward.size()));
    }
    forwarder_ = std::make_unique<AnalyticsForwarder>(
        *analytics_, ForwarderOptions{config_.replica_of, forward.entries().front().second, config_.node_id});
    replication_.watch = primary_watch_.get();
    replication_.forwarder = forwarder_.get();
  }
  http_->set_payload_max_length(1 << 20);
  metrics_.set_connection_source([guarded = static_cast<GuardedServer*>(http_.get())] {
    return ConnectionStats{guarded->open_connections(), guarded->refused_slow(), guarded->refused_large()};
  });
  // Headers and body go out in separate writes; without TCP_NODELAY, Nagle plus delayed
  // ACKs add ~40 ms to every keep-alive response.
  http_->set_tcp_nodelay(true);
  // httplib calls this for each socket it creates while binding; the last one is the one
  // it binds and listens on.
  http_->set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_socket_ = sock;
  });
  register_routes();
}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
  int port = config_.port;
  if (port == 0) {
    port = http_->bind_to_any_port(config_.host);
  } else if (!http_->bind_to_port(config_.host, port)) {
    port = -1;
  }
  if (port < 0) {
    throw std::runtime_error("cannot listen on " + config_.host + ":" + std::to_string(config_.port) +
                             " (address in use, or not an address of this machine)");
  }
  // listen() on a listening socket only changes its backlog (capped by net.core.somaxconn).
  if (::listen(listen_socket_, kListenBacklog) != 0) {
    throw std::runtime_error(std::string("cannot set the listen backlog: ") + std::strerror(errno));
  }
  return port;
}

int HttpServer::listen_backlog() const {
  // For a listening TCP socket the kernel reports its accept-queue limit in tcpi_sacked.
  tcp_info info{};
  socklen_t size = sizeof(info);
  if (listen_socket_ < 0 || ::getsockopt(listen_socket_, IPPROTO_TCP, TCP_INFO, &info, &size) != 0) return -1;
  return static_cast<int>(info.tcpi_sacked);
}

void HttpServer::run() { http_->listen_after_bind(); }

void HttpServer::stop() {
  http_->stop();
  analytics_->flush();
}

void HttpServer::refuse_writes_on_replica() {
  const std::string primary = config_.replica_of;
  for (Route& route : routes_) {
    const bool feedback = route.label == "/api/feedback";  // recorded here, forwarded
    const bool editors = route.label.rfind("/api/admin", 0) == 0 || route.label.rfind("/api/reindex", 0) == 0 ||
                         route.label.rfind("/api/analytics", 0) == 0;
    if ((route.method == "GET" && !editors) || feedback) continue;
    route.json_body = false;  // refused before any body is looked at
    route.handler = [primary](const httplib::Request&, httplib::Response& res) {
      send_error(res, {421, "replica_read_only",
                       "this server is a read-only replica; send edits and editors' requests to the primary at " +
                           primary,
                       {{"primary", primary}}});
    };
  }
}

void HttpServer::register_routes() {
  httplib::Server& s = *http_;
  auto local_time = [clock = config_.clock] {
    return warsaw_time(clock ? clock() : std::chrono::system_clock::now());
  };
  ApiHandlers h{pool_, metrics_, tokens_ ? &*tokens_ : nullptr, analytics_.get(), local_time, &replication_};
  AnalyticsHandlers a{pool_, *analytics_, tokens_ ? &*tokens_ : nullptr, config_.db_path};

  EditHandlers edits{editing_.get(), tokens_ ? &*tokens_ : nullptr};
  PortalHandlers portal{pool_, analytics_.get(), local_time};
  using K = RouteKind;
  constexpr bool json = true;  // the route takes a JSON body
  // clang-format off
  routes_ = {
    // The search API (docs/api.md).
    {"GET",    "/api/search",                   "/api/search",                   K::kApi, [h](auto& q, auto& r) { h.search(q, r); }},
    {"GET",    "/api/suggest",                  "/api/suggest",                  K::kApi, [h](auto& q, auto& r) { h.suggest(q, r); }},
    {"GET",    R"(/api/articles/([^/]+))",      "/api/articles/{id}",            K::kApi, [h](auto& q, auto& r) { h.article(q, r); }},
    {"GET",    "/api/units",                    "/api/units",                    K::kApi, [h](auto& q, auto& r) { h.units(q, r); }},
    {"GET",    "/api/categories",               "/api/categories",               K::kApi, [h](auto& q, auto& r) { h.categories(q, r); }},
    {"POST",   "/api/feedback",                 "/api/feedback",                 K::kApi, [a](auto& q, auto& r) { a.feedback(q, r); }, json},
    {"GET",    "/healthz",                      "/healthz",                      K::kApi, [h](auto& q, auto& r) { h.health(q, r); }},
    {"GET",    "/metrics",                      "/metrics",                      K::kApi, [h](auto& q, auto& r) { h.metrics(q, r); }},
    // Editing (bearer token).
    {"PUT",    R"(/api/articles/([^/]+))",      "/api/articles/{id}",            K::kApi, [edits](auto& q, auto& r) { edits.put_article(q, r); }, json},
    {"DELETE", R"(/api/articles/([^/]+))",      "/api/articles/{id}",            K::kApi, [edits](auto& q, auto& r) { edits.delete_article(q, r); }},
    {"POST",   R"(/api/articles/([^/]+)/restore)", "/api/articles/{id}/restore", K::kApi, [edits](auto& q, auto& r) { edits.restore_article(q, r); }},
    {"PUT",    R"(/api/units/([^/]+))",         "/api/units/{id}",               K::kApi, [edits](auto& q, auto& r) { edits.put_unit(q, r); }, json},
    {"DELETE", R"(/api/units/([^/]+))",         "/api/units/{id}",               K::kApi, [edits](auto& q, auto& r) { edits.delete_unit(q, r); }},
    {"PUT",    R"(/api/categories/([^/]+))",    "/api/categories/{id}",          K::kApi, [edits](auto& q, auto& r) { edits.put_category(q, r); }, json},
    {"DELETE", R"(/api/categories/([^/]+))",    "/api/categories/{id}",          K::kApi, [edits](auto& q, auto& r) { edits.delete_category(q, r); }},
    {"POST",   "/api/reindex",                  "/api/reindex",                  K::kApi, [edits](auto& q, auto& r) { edits.start_reindex(q, r); }, json},
    {"GET",    R"(/api/reindex/([^/]+))",       "/api/reindex/{job}",            K::kApi, [edits](auto& q, auto& r) { edits.reindex_status(q, r); }},
    {"GET",    "/api/admin/audit",              "/api/admin/audit",              K::kApi, [edits](auto& q, auto& r) { edits.audit(q, r); }},
    {"GET",    "/api/admin/report",             "/api/admin/report",             K::kApi, [a](auto& q, auto& r) { a.report(q, r); }},
    {"POST",   "/api/analytics/import",         "/api/analytics/import",         K::kApi, [a](auto& q, auto& r) { a.import_batch(q, r); }, json},
    // Pages: the consultant console, the editors' page, the resident portal.
    {"GET",    "/",                             "/",                             K::kPage, [](auto&, auto& r) { serve_asset("/console.html", r); }},
    {"GET",    "/admin",                        "/admin",                        K::kPage, [](auto&, auto& r) { serve_asset("/admin.html", r); }},
    {"GET",    "/szukaj",                       "/szukaj",                       K::kPage, [portal](auto& q, auto& r) { portal.search_page(q, r); }},
    {"GET",    R"(/artykul/([^/]+))",           "/artykul/{id}",                 K::kPage, [portal](auto& q, auto& r) { portal.article_page(q, r); }},
    // Static files and the embeddable search box.
    {"GET",    R"(/static/([a-z0-9.-]+))",      "/static/{file}",                K::kAsset, [](auto& q, auto& r) { serve_asset("/" + std::string(q.matches[1]), r); }},
    {"GET",    "/widget.js",                    "/widget.js",                    K::kAsset, [](auto&, auto& r) { send_widget(r); }},
  };
  // clang-format on
  if (replication_.replica()) refuse_writes_on_replica();
  install_routes(s, routes_);

  // CORS: only configured origins get Access-Control-Allow-Origin; a preflight from any
  // other origin is refused outright.
  const ServerConfig& config = config_;
  s.set_pre_routing_handler([this, &config](const httplib::Request& req, httplib::Response& res) {
    request_started = Clock::now();
    // httplib inflates a compressed body with no limit on what it grows to (51 KB of gzip
    // became 50 MB): the 1 MiB limit only holds for bodies sent as they are. Refused here,
    // before the body is read.
    if (const std::string encoding = req.get_header_value("Content-Encoding");
        !encoding.empty() && encoding != "identity") {
      res.set_header("Connection", "close");
      send_error(res, {415, "compressed_body",
                       "compressed request bodies (Content-Encoding) are not accepted; send the body as it "
                       "is, at most 1 MiB"});
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::string origin = req.get_header_value("Origin");
    auto routed = [&] {
      return answer_without_body(routes_, req, res) ? httplib::Server::HandlerResponse::Handled
                                                    : httplib::Server::HandlerResponse::Unhandled;
    };
    if (origin.empty()) return routed();
    const bool allowed = origin_allowed(config, origin);
    if (allowed) {
      res.set_header("Access-Control-Allow-Origin", origin);
      res.set_header("Vary", "Origin");
    }
    if (req.method == "OPTIONS") {
      if (allowed) {
        res.status = 204;
        // Other sites may read (the widget searches and suggests); writing stays with
        // this site's own pages and editors' tools, as docs/api.md says.
        res.set_header("Access-Control-Allow-Methods", "GET, OPTIONS");
        res.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization");
        res.set_header("Access-Control-Max-Age", "600");
      } else {
        send_error(res, {403, "origin_not_allowed", "origin " + origin + " may not use this API"});
      }
      return httplib::Server::HandlerResponse::Handled;
    }
    return routed();
  });

  s.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler already wrote a JSON error
    if (res.status == 404) {
      // A known path asked with another method: 405 with the methods it takes.
      set_security_headers(RouteKind::kApi, res);
      if (send_method_not_allowed(routes_, req, res)) return;
    }
    if (res.status == 404 && wants_html(req)) return send_not_found_page(res);  // a resident's browser
    set_security_headers(RouteKind::kApi, res);
    if (res.status == 404) {
      send_error(res, ApiError::not_found("no such route: " + req.method + " " + req.path));
    } else {
      send_error(res, {res.status, "http_error", "request failed with status " + std::to_string(res.status)});
    }
  });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown error";
    try {
      std::rethrow_exception(ep);
    } catch (const PoolExhausted& e) {
      return send_error(res, {503, "busy", std::string("the server is busy: ") + e.what() + "; try again"});
    } catch (const IndexUnavailable& e) {
      return send_error(res, {503, "index_unavailable", e.what()});
    } catch (const std::exception& e) {
      what = e.what();
    } catch (const Xapian::Error& e) {
      what = e.get_description();
    } catch (...) {
    }
    // `what` may quote request bytes (an id, a query): never let them make the log throw.
    std::fprintf(stderr, "{\"error\":%s}\n",
                 nlohmann::json(what).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    send_error(res, {500, "internal_error", "the server could not answer this request; it has been logged"});
  });
  s.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    // A request refused before routing (a malformed request line: 400) never set the start.
    const double seconds = request_started == Clock::time_point{}
                               ? 0.0
                               : std::chrono::duration<double>(Clock::now() - request_started).count();
    request_started = {};
    // httplib calls the logger outside its own exception handling: anything escaping here
    // would terminate the process, so nothing may.
    try {
      const std::string route = current_route_label(req.method);
      forget_current_route();
      metrics_.observe(route, res.status, seconds);
      access_log(route, res.status, res.body.size(), seconds * 1000.0, config_.slow_request_ms);
    } catch (...) {
      std::fputs("{\"event\":\"access_log_failed\"}\n", stderr);
    }
  });
}

}  // namespace wiedza::server
