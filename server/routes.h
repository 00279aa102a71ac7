// Every route of the server as data: method, path pattern, the label /metrics and the
// access log use, what kind of response it gives (which decides its security headers),
// whether it takes a JSON body, and its handler. HttpServer::register_routes builds the
// table on one screen; install_routes gives it to httplib, so labels, headers and 405s
// can never drift from the routes themselves.
#pragma once

#include <httplib.h>

#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace wiedza::server {

enum class RouteKind {
  kApi,    // JSON
  kPage,   // an HTML page (console, editors' page, portal)
  kAsset,  // static files and the widget script
};

struct Route {
  Route(std::string method_, std::string pattern_, std::string label_, RouteKind kind_,
        httplib::Server::Handler handler_, bool json_body_ = false)
      : method(std::move(method_)), pattern(std::move(pattern_)), label(std::move(label_)), kind(kind_),
        handler(std::move(handler_)), json_body(json_body_), matcher(pattern) {}

  std::string method;   // GET, POST, PUT, DELETE
  std::string pattern;  // httplib's regex, matched against the whole path
  std::string label;    // "/api/articles/{id}": bounded, never the path as sent
  RouteKind kind;
  httplib::Server::Handler handler;
  bool json_body;  // a body, when sent, must be application/json (else 415)
  std::regex matcher;
};

// The route answering `method path`, or null.
const Route* find_route(const std::vector<Route>& routes, const std::string& method, const std::string& path);
// The methods other routes accept for `path` ("" when none): for 405 and its Allow header.
std::string allowed_methods(const std::vector<Route>& routes, const std::string& path);

// Registers every route with httplib, each wrapped so that the current request's label
// is known to the logger (current_route_label) and its kind's security headers are set.
void install_routes(httplib::Server& server, const std::vector<Route>& routes);

// A 405 with the Allow header when other methods serve `req.path`; false (nothing sent)
// when no route has that path.
bool send_method_not_allowed(const std::vector<Route>& routes, const httplib::Request& req, httplib::Response& res);

// For a POST, PUT or DELETE that announces no body (neither Content-Length nor
// Transfer-Encoding: `curl -X POST` sends neither), answers it as a request with an empty
// body and returns true. httplib would otherwise wait for a body until its read timeout
// and then answer 400.
bool answer_without_body(const std::vector<Route>& routes, const httplib::Request& req, httplib::Response& res);

// The label of the route the current thread is answering ("<METHOD> other" when none
// matched); reset by the logger after each request.
std::string current_route_label(const std::string& method);
void forget_current_route();

// The headers every response of a kind gets (docs/api.md, "Security headers").
void set_security_headers(RouteKind kind, httplib::Response& res);

}  // namespace wiedza::server
