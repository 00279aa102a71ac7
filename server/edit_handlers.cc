#include "server/edit_handlers.h"

#include "server/api_handlers.h"
#include "server/request_params.h"

namespace wiedza::server {
namespace {

void send(httplib::Response& res, const EditResult& result) {
  if (const auto* error = std::get_if<ApiError>(&result)) {
    if (error->status == 503) res.set_header("Retry-After", "2");
    return send_error(res, *error);
  }
  const auto& reply = std::get<EditReply>(result);
  if (reply.body.is_null()) {
    res.status = reply.status;
    return;
  }
  send_json(res, reply.body, reply.status);
}

}  // namespace

void EditHandlers::as_editor(const httplib::Request& req, httplib::Response& res,
                             const std::function<EditResult(const std::string&)>& action) const {
  auto who = authorise(service != nullptr ? tokens : nullptr, req.get_header_value("Authorization"));
  if (auto* error = std::get_if<ApiError>(&who)) {
    if (error->status == 401) res.set_header("WWW-Authenticate", "Bearer realm=\"wiedza\"");
    return send_error(res, *error);
  }
  send(res, action(std::get<std::string>(who)));
}

void EditHandlers::put_article(const httplib::Request& req, httplib::Response& res) const {
  as_editor(req, res, [&](const std::string& editor) { return service->put_article(editor, req.matches[1], req.body); });
}

void EditHandlers::delete_article(const httplib::Request& req, httplib::Response& res) const {
  as_editor(req, res, [&](const std::string& editor) { return service->delete_article(editor, req.matches[1]); });
}

void EditHandlers::restore_article(const httplib::Request& req, httplib::Response& res) const {
  as_editor(req, res, [&](const std::string& editor) { return service->restore_article(editor, req.matches[1]); });
}

void EditHandlers::put_unit(const httplib::Request& req, httplib::Response& res) const {
  as_editor(req, res, [&](const std::string& editor) { return service->put_entry(EntryKind::kUnit, editor, req.matches[1], req.body); });
}

void EditHandlers::delete_unit(const httplib::Request& req, httplib::Response& res) const {
  as_editor(req, res, [&](const std::string& editor) { return service->delete_entry(EntryKind::kUnit, editor, req.matches[1]); });
}

void EditHandlers::put_category(const httplib::Request& req, httplib::Response& res) const {
  as_editor(req, res,
            [&](const std::string& editor) { return service->put_entry(EntryKind::kCategory, editor, req.matches[1], req.body); });
}

void EditHandlers::delete_category(const httplib::Request& req, httplib::Response& res) const {
  as_editor(req, res, [&](const std::string& editor) { return service->delete_entry(EntryKind::kCategory, editor, req.matches[1]); });
}

void EditHandlers::start_reindex(const httplib::Request& req, httplib::Response& res) const {
  as_editor(req, res, [&](const std::string& editor) { return service->start_reindex(editor); });
}

void EditHandlers::reindex_status(const httplib::Request& req, httplib::Response& res) const {
  as_editor(req, res, [&](const std::string&) { return service->reindex_status(req.matches[1]); });
}

void EditHandlers::audit(const httplib::Request& req, httplib::Response& res) const {
  as_editor(req, res, [&](const std::string&) -> EditResult {
    auto params = parse_audit_params(req);
    if (auto* e = std::get_if<ApiError>(&params)) return *e;
    const auto& p = std::get<AuditParams>(params);
    return service->audit(p.limit, p.offset, p.target_type, p.target_id);
  });
}

}  // namespace wiedza::server
