// Writing edits back into a corpus directory (docs/corpus-format.md), the files editors
// keep under version control. Every change is staged first (a hidden temporary file,
// written and fsynced next to its target) and put in place with one rename after the
// index has accepted the edit: a crash or a full disk leaves either the old file or the
// new one, never a torn one, and a failed index write leaves the corpus untouched.
// Hidden names (".<id>.json.tmp-…" for a write, ".<id>.json.del-…" for a removal) are
// skipped by the corpus reader; after a crash, corpus_recovery.h resolves them.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "search/directory.h"

namespace wiedza {

class CorpusFileChange {
 public:
  // Stages `content` for `target`. Throws std::runtime_error naming the file and the
  // system error (disk full, permission denied, ...).
  static CorpusFileChange write(std::filesystem::path target, const std::string& content);
  // Stages the removal of `target` (moves it aside). A missing target is not an error.
  static CorpusFileChange remove(std::filesystem::path target);

  CorpusFileChange(CorpusFileChange&& other) noexcept;
  CorpusFileChange& operator=(CorpusFileChange&&) = delete;
  ~CorpusFileChange();  // not committed: the staged change is undone

  // Makes the change visible and durable (rename, fsync of the directory).
  void commit();

 private:
  CorpusFileChange(std::filesystem::path target, std::filesystem::path staged, bool removal);
  std::filesystem::path target_;
  std::filesystem::path staged_;  // "" when nothing was staged
  bool removal_ = false;
  bool done_ = false;
};

// A staged change's hidden file name, read back: which file it is for and whether it is
// a removal. nullopt for any other name.
struct StagedName {
  std::string target_filename;  // "meldunek.json", "units.json"
  bool removal = false;
};
std::optional<StagedName> parse_staged_name(const std::string& filename);

// fsyncs the directory holding `file`, so a rename in it survives a power loss.
void fsync_directory_of(const std::filesystem::path& file);

std::filesystem::path article_path(const std::string& corpus_dir, const std::string& id);
// The texts of an article file, units.json and categories.json as the corpus keeps them.
std::string article_file_text(const nlohmann::json& article);
std::string units_file_text(const std::map<std::string, Unit>& units);
std::string categories_file_text(const std::map<std::string, Category>& categories);

}  // namespace wiedza
