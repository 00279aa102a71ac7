#include "server/editor_tokens.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace wiedza::server {
namespace {

constexpr std::size_t kMinTokenLength = 16;

bool constant_time_equal(std::string_view given, std::string_view stored) {
  // Runs over the stored token whatever the given one holds; a length mismatch is folded
  // into the result instead of returning early.
  unsigned char diff = given.size() == stored.size() ? 0 : 1;
  for (std::size_t i = 0; i < stored.size(); ++i) {
    const unsigned char g = given.empty() ? 0 : static_cast<unsigned char>(given[i % given.size()]);
    diff |= static_cast<unsigned char>(g ^ static_cast<unsigned char>(stored[i]));
  }
  return diff == 0;
}

void check_file_mode(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw std::runtime_error("--tokens " + path + ": cannot read the file");
  if (!S_ISREG(st.st_mode)) throw std::runtime_error("--tokens " + path + ": not a regular file");
  if ((st.st_mode & (S_IROTH | S_IWOTH)) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    throw std::runtime_error("--tokens " + path + ": the file is accessible to other users (mode " + mode +
                             "); tokens are secrets, run: chmod 600 " + path);
  }
}

}  // namespace

EditorTokens EditorTokens::load(const std::string& path) {
  check_file_mode(path);
  std::ifstream in(path);
  if (!in) throw std::runtime_error("--tokens " + path + ": cannot open the file");
  static const std::regex kName("[A-Za-z0-9._@-]+");
  EditorTokens tokens;
  std::set<std::string> names, seen_tokens;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string where = "--tokens " + path + ":" + std::to_string(number) + ": ";
    std::istringstream fields(line);
    std::string name, token, extra;
    if (!(fields >> name) || name[0] == '#') continue;
    if (!(fields >> token) || (fields >> extra)) throw std::runtime_error(where + "expected \"name token\"");
    if (!std::regex_match(name, kName)) throw std::runtime_error(where + "name may only hold A-Z a-z 0-9 . _ @ -");
    if (token.size() < kMinTokenLength) {
      throw std::runtime_error(where + "token of '" + name + "' is shorter than 16 characters; use a random one");
    }
    if (!names.insert(name).second) throw std::runtime_error(where + "name '" + name + "' appears twice");
    if (!seen_tokens.insert(token).second) throw std::runtime_error(where + "the same token is given twice");
    tokens.entries_.emplace_back(name, token);
  }
  if (tokens.entries_.empty()) throw std::runtime_error("--tokens " + path + ": no tokens in the file");
  return tokens;
}

const std::string* EditorTokens::editor_for(std::string_view token) const {
  const std::string* found = nullptr;
  for (const auto& [name, stored] : entries_) {
    if (constant_time_equal(token, stored)) found = &name;
  }
  return found;
}

std::variant<std::string, ApiError> authorise(const EditorTokens* tokens, std::string_view header) {
  if (tokens == nullptr) {
    return ApiError{403, "read_only", "this server was started without --tokens and accepts no writes"};
  }
  constexpr std::string_view kBearer = "Bearer ";
  if (header.substr(0, kBearer.size()) != kBearer || header.size() == kBearer.size()) {
    return ApiError{401, "unauthorized", "this endpoint needs an 'Authorization: Bearer <token>' header"};
  }
  const std::string* name = tokens->editor_for(header.substr(kBearer.size()));
  if (name == nullptr) return ApiError{403, "forbidden", "the bearer token is not valid"};
  return *name;
}

}  // namespace wiedza::server
