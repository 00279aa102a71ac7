#include "server/routes.h"

#include "server/api_error.h"
#include "server/api_handlers.h"

namespace wiedza::server {
namespace {

// Set by the route wrapper, read by the logger on the same worker thread.
thread_local const Route* current_route = nullptr;

bool path_matches(const Route& r, const std::string& path) { return std::regex_match(path, r.matcher); }

bool is_json(const std::string& content_type) {
  return content_type.rfind("application/json", 0) == 0;
}

}  // namespace

const Route* find_route(const std::vector<Route>& routes, const std::string& method, const std::string& path) {
  for (const Route& r : routes) {
    if (r.method == method && path_matches(r, path)) return &r;
  }
  return nullptr;
}

std::string allowed_methods(const std::vector<Route>& routes, const std::string& path) {
  std::string out;
  for (const Route& r : routes) {
    if (path_matches(r, path) && out.find(r.method) == std::string::npos) out += (out.empty() ? "" : ", ") + r.method;
  }
  return out;
}

void set_security_headers(RouteKind kind, httplib::Response& res) {
  // Idempotent: an error page may set them again over a route's.
  for (const char* name : {"X-Content-Type-Options", "Referrer-Policy", "Content-Security-Policy"}) res.headers.erase(name);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  switch (kind) {
    case RouteKind::kPage:
      // Pages load only their own scripts and styles, never inline ones, and may be
      // framed only by this site (the editors' page holds a token).
      res.set_header("Content-Security-Policy",
                     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                     "form-action 'self'; base-uri 'none'; frame-ancestors 'self'");
      break;
    case RouteKind::kApi:
      res.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
      break;
    case RouteKind::kAsset:
      break;
  }
}

namespace {

void run_route(const Route& r, const httplib::Request& req, httplib::Response& res) {
  current_route = &r;
  set_security_headers(r.kind, res);
  if (r.json_body && !req.body.empty() && !is_json(req.get_header_value("Content-Type"))) {
    return send_error(res, {415, "unsupported_media_type", "the request body must be application/json"});
  }
  r.handler(req, res);
}

}  // namespace

void install_routes(httplib::Server& server, const std::vector<Route>& routes) {
  for (const Route& route : routes) {
    const Route* r = &route;
    httplib::Server::Handler wrapped = [r](const httplib::Request& req, httplib::Response& res) { run_route(*r, req, res); };
    if (r->method == "GET") server.Get(r->pattern, wrapped);
    else if (r->method == "POST") server.Post(r->pattern, wrapped);
    else if (r->method == "PUT") server.Put(r->pattern, wrapped);
    else if (r->method == "DELETE") server.Delete(r->pattern, wrapped);
  }
}

bool send_method_not_allowed(const std::vector<Route>& routes, const httplib::Request& req, httplib::Response& res) {
  const std::string allow = allowed_methods(routes, req.path);
  if (allow.empty()) return false;
  res.set_header("Allow", allow);
  send_error(res, {405, "method_not_allowed", req.method + " is not allowed here; use " + allow});
  return true;
}

bool answer_without_body(const std::vector<Route>& routes, const httplib::Request& req, httplib::Response& res) {
  if (req.method != "POST" && req.method != "PUT" && req.method != "DELETE") return false;
  if (req.has_header("Content-Length") || req.has_header("Transfer-Encoding")) return false;
  const Route* r = find_route(routes, req.method, req.path);
  if (r == nullptr) {
    // Answered here: httplib would wait for the body before its own 404.
    set_security_headers(RouteKind::kApi, res);
    if (!send_method_not_allowed(routes, req, res)) {
      send_error(res, ApiError::not_found("no such route: " + req.method + " " + req.path));
    }
    return true;
  }
  httplib::Request copy = req;  // httplib fills the route's captures only when it routes
  std::regex_match(copy.path, copy.matches, r->matcher);
  run_route(*r, copy, res);
  return true;
}

std::string current_route_label(const std::string& method) {
  if (current_route != nullptr) return current_route->method + " " + current_route->label;
  // A malformed request line puts whatever the client sent (a path, a query, personal
  // data) into the method: only a method HTTP defines is worth repeating.
  static const char* const kMethods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT", "TRACE"};
  for (const char* m : kMethods) {
    if (method == m) return method + " other";
  }
  return "? other";
}

void forget_current_route() { current_route = nullptr; }

}  // namespace wiedza::server
