#include "tests/support/test_corpus.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

#include "search/searcher.h"

namespace wiedza::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() / ("wiedza-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

namespace {

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

}  // namespace

TestCorpus::TestCorpus(const fs::path& dir) : dir_(dir) {
  fs::create_directories(dir_ / "articles");
  nlohmann::json units = nlohmann::json::array(
      {{{"id", "wsa"}, {"name", "Wydział Spraw Administracyjnych"}, {"kind", "wydzial"}, {"phone", "12 616 55 10"}},
       {{"id", "mpo"}, {"name", "Miejskie Przedsiębiorstwo Oczyszczania"}, {"kind", "spolka"}}});
  nlohmann::json categories = nlohmann::json::array(
      {{{"id", "sprawy-obywatelskie"}, {"name", "Dowody osobiste i meldunek"}}, {{"id", "odpady"}, {"name", "Odpady"}}});
  write_file(dir_ / "units.json", units.dump(2));
  write_file(dir_ / "categories.json", categories.dump(2));
}

nlohmann::json TestCorpus::article(const std::string& id, const std::string& title, const std::string& body) {
  return {{"id", id}, {"title", title}, {"body", body}, {"category", "sprawy-obywatelskie"}, {"unit", "wsa"}};
}

void TestCorpus::put(const std::string& id, nlohmann::json fields) {
  if (!fields.contains("id")) fields["id"] = id;
  if (!fields.contains("category")) fields["category"] = "sprawy-obywatelskie";
  if (!fields.contains("unit")) fields["unit"] = "wsa";
  write_file(dir_ / "articles" / (id + ".json"), fields.dump(2));
}

void TestCorpus::put_raw(const std::string& file_name, const std::string& text) {
  write_file(dir_ / "articles" / file_name, text);
}

std::string write_tokens_file(const fs::path& path, const std::string& lines) {
  write_file(path, lines);
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  return path.string();
}

void TestCorpus::remove(const std::string& id) { fs::remove(dir_ / "articles" / (id + ".json")); }

std::string wiedza_binary() {
#ifdef WIEDZA_BINARY
  return WIEDZA_BINARY;
#else
  return "wiedza";
#endif
}

std::vector<std::string> hit_ids(const std::string& db_path, const std::string& query) {
  Searcher searcher(db_path);
  SearchRequest request;
  request.query = query;
  std::vector<std::string> ids;
  for (const SearchHit& h : searcher.search(request).hits) ids.push_back(h.id);
  return ids;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

CommandResult run_command(const std::string& command, bool with_stderr) {
  std::string full = command + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
  std::string output;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) output.append(buf.data(), n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

}  // namespace wiedza::testing
