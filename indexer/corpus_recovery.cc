#include "indexer/corpus_recovery.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "indexer/article_edits.h"
#include "indexer/corpus_files.h"

namespace wiedza {
namespace fs = std::filesystem;
namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot read staged file: " + std::strerror(errno));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void rename_or_throw(const fs::path& from, const fs::path& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    throw std::runtime_error(from.string() + ": cannot move to " + to.string() + ": " + std::strerror(errno));
  }
}

void remove_or_throw(const fs::path& path) {
  if (std::remove(path.c_str()) != 0 && errno != ENOENT) {
    throw std::runtime_error(path.string() + ": cannot remove: " + std::strerror(errno));
  }
}

struct Staged {
  fs::path staged;
  fs::path target;
  std::string relative;
  bool removal;
};

// Staged changes in one directory; `prefix` is its path relative to the corpus.
void find_staged(const fs::path& dir, const std::string& prefix, std::vector<Staged>& out) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    auto name = parse_staged_name(e.path().filename().string());
    if (!name) continue;
    out.push_back({e.path(), dir / name->target_filename, prefix + name->target_filename, name->removal});
  }
}

}  // namespace

std::vector<RecoveredChange> recover_corpus_files(const fs::path& corpus_dir, const ExpectedFileText& expected,
                                                  const std::function<void(const RecoveredChange&)>& before_change) {
  std::vector<Staged> staged;
  find_staged(corpus_dir, "", staged);
  find_staged(corpus_dir / "articles", "articles/", staged);
  std::vector<RecoveredChange> done;
  for (const Staged& s : staged) {
    RecoveredChange change{s.relative, s.removal, false, read_text(s.staged)};
    const std::optional<std::string> wanted = expected(s.relative);
    if (s.removal) {
      // The index no longer has it: the deletion was committed.
      change.finished = !wanted.has_value();
    } else {
      // The index holds exactly the staged text: the write was committed.
      change.finished = wanted.has_value() && *wanted == change.staged_content;
    }
    if (before_change) before_change(change);
    if (s.removal && !change.finished && !fs::exists(s.target)) {
      rename_or_throw(s.staged, s.target);  // put the file back
    } else if (!s.removal && change.finished) {
      rename_or_throw(s.staged, s.target);  // put the new version in place
    } else {
      remove_or_throw(s.staged);
    }
    fsync_directory_of(s.target);
    done.push_back(std::move(change));
  }
  return done;
}

ExpectedFileText expected_from_index(const IndexEditor& index) {
  return [&index](const std::string& relative) -> std::optional<std::string> {
    if (relative == "units.json") return units_file_text(index.directory().units);
    if (relative == "categories.json") return categories_file_text(index.directory().categories);
    const std::string prefix = "articles/", suffix = ".json";
    if (relative.size() > prefix.size() + suffix.size() && relative.starts_with(prefix) && relative.ends_with(suffix)) {
      const std::string id = relative.substr(prefix.size(), relative.size() - prefix.size() - suffix.size());
      if (auto stored = index.stored_article(id)) return article_file_text(*stored);
    }
    return std::nullopt;
  };
}

}  // namespace wiedza
