// Who may write: bearer tokens, each with the name of the editor or system that uses it,
// read from the file given with `wiedza serve --tokens FILE`.
//
// File format: one "name token" pair per line; blank lines and lines starting with '#'
// are ignored. Names are [A-Za-z0-9._@-]+, tokens at least 16 characters without spaces.
// The file must not be readable or writable by other users (chmod 600 or 640).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "server/api_error.h"

namespace wiedza::server {

class EditorTokens {
 public:
  // Throws std::runtime_error naming the file, the line and what is wrong.
  static EditorTokens load(const std::string& path);

  // The editor's name for a token, or nullptr. Every stored token is compared, each in
  // time independent of where the bytes differ, so timing does not reveal a token.
  const std::string* editor_for(std::string_view token) const;
  std::size_t size() const { return entries_.size(); }
  // (name, token) pairs in file order; a replica's --forward-token file has one.
  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;  // name, token
};

// Checks the Authorization header of a write request. `tokens` is null when the server
// runs read-only. Returns the editor's name, or the error to send: 401 without a bearer
// token, 403 for a wrong one or a read-only server.
std::variant<std::string, ApiError> authorise(const EditorTokens* tokens, std::string_view authorization_header);

}  // namespace wiedza::server
