// Reads and validates a corpus directory (docs/corpus-format.md):
//   units.json, categories.json, articles/<id>.json
#pragma once

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "search/article.h"
#include "search/directory.h"
#include "search/synonyms.h"
#include "search/validation_error.h"

namespace wiedza {

// The corpus as a whole cannot be used (missing directory, unreadable or invalid
// units.json / categories.json). Nothing may be written to the index then.
class CorpusError : public std::runtime_error {
 public:
  CorpusError(const std::string& message, ValidationErrors errors = {})
      : std::runtime_error(message), errors_(std::move(errors)) {}
  const ValidationErrors& errors() const { return errors_; }

 private:
  ValidationErrors errors_;
};

struct Corpus {
  Directory directory;
  std::vector<Article> articles;  // valid articles, sorted by id
  std::vector<SynonymRule> synonyms;  // from synonyms.txt (optional file)
  ValidationErrors errors;        // problems with individual article files or synonym lines
  // Ids (from file names) of article files that exist but are invalid: their previously
  // indexed versions must be kept, not deleted.
  std::set<std::string> invalid_ids;
  std::vector<std::string> warnings;  // e.g. stray files in articles/
};

// Throws CorpusError when the directory or its routing files are unusable. Invalid
// article files and synonym lines are reported in Corpus::errors and skipped.
Corpus read_corpus(const std::string& dir);

// Reads units.json + categories.json only.
Directory read_directory(const std::string& dir);

// Largest article file accepted; anything bigger is surely not an article.
inline constexpr std::size_t kMaxArticleFileBytes = 4 * 1024 * 1024;

}  // namespace wiedza
