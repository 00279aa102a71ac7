// Test support: a temporary directory that removes itself, and a small corpus writer so
// tests build real corpora and real Xapian databases on disk.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wiedza::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str(const std::string& child = "") const { return (child.empty() ? path_ : path_ / child).string(); }

 private:
  std::filesystem::path path_;
};

// A corpus directory with two units and two categories; articles are added by tests.
class TestCorpus {
 public:
  explicit TestCorpus(const std::filesystem::path& dir);
  const std::filesystem::path& dir() const { return dir_; }

  // Writes articles/<id>.json from a JSON object (with defaults for required fields
  // that the object leaves out).
  void put(const std::string& id, nlohmann::json fields);
  // Writes raw text as articles/<file_name>.
  void put_raw(const std::string& file_name, const std::string& text);
  void remove(const std::string& id);

  static nlohmann::json article(const std::string& id, const std::string& title, const std::string& body);

 private:
  std::filesystem::path dir_;
};

// Writes a `--tokens` file ("name token" lines) readable by its owner only, as the
// server demands; returns its path.
std::string write_tokens_file(const std::filesystem::path& path, const std::string& lines);

// The ids of the first page of results for `query` on the index at `db_path`, in order.
std::vector<std::string> hit_ids(const std::string& db_path, const std::string& query);

// The whole content of a file ("" when it cannot be read).
std::string read_file(const std::filesystem::path& path);

// Path of the built wiedza binary (set by CMake).
std::string wiedza_binary();

// Runs a shell command; returns its exit status and captured stdout (stderr too when
// `with_stderr`).
struct CommandResult {
  int exit_code;
  std::string output;
};
CommandResult run_command(const std::string& command, bool with_stderr = false);

}  // namespace wiedza::testing
