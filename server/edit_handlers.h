// Handlers of the write endpoints (docs/api.md, "Editing"): check the bearer token, then
// hand the request to the EditingService and render its reply.
#pragma once

#include <httplib.h>

#include "server/editing_service.h"
#include "server/editor_tokens.h"

namespace wiedza::server {

struct EditHandlers {
  EditingService* service;     // null when the server is read-only
  const EditorTokens* tokens;  // null when the server is read-only

  void put_article(const httplib::Request& req, httplib::Response& res) const;
  void delete_article(const httplib::Request& req, httplib::Response& res) const;
  void restore_article(const httplib::Request& req, httplib::Response& res) const;
  void put_unit(const httplib::Request& req, httplib::Response& res) const;
  void delete_unit(const httplib::Request& req, httplib::Response& res) const;
  void put_category(const httplib::Request& req, httplib::Response& res) const;
  void delete_category(const httplib::Request& req, httplib::Response& res) const;
  void start_reindex(const httplib::Request& req, httplib::Response& res) const;
  void reindex_status(const httplib::Request& req, httplib::Response& res) const;
  void audit(const httplib::Request& req, httplib::Response& res) const;

 private:
  // Runs `action` with the editor's name when the request carries a valid token.
  void as_editor(const httplib::Request& req, httplib::Response& res,
                 const std::function<EditResult(const std::string& editor)>& action) const;
};

}  // namespace wiedza::server
