// Single edits to a live index: one article, unit or category at a time, each one
// commit, so searchers see the old revision or the new one and nothing in between. The
// server's edits come through CorpusEditor (corpus_editor.h), which validates and keeps
// the corpus files in step; `wiedza index` uses sync_index (index_writer.h).
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "search/analysis/analyzer.h"
#include "search/article.h"
#include "search/directory.h"

namespace wiedza {

// What an edit changed, for the audit trail.
struct EditOutcome {
  bool created = false;                    // nothing with this id existed before
  std::string previous_hash;               // "" when nothing existed
  std::string new_hash;                    // "" after a deletion
  std::optional<nlohmann::json> previous;  // the stored JSON before the edit
  Xapian::rev revision = 0;                // the revision that holds the edit
  std::size_t reindexed = 0;               // articles rewritten because their unit changed
};

// A unit or category cannot be deleted while articles refer to it.
class StillReferencedError : public std::runtime_error {
 public:
  StillReferencedError(const std::string& message, std::size_t articles)
      : std::runtime_error(message), articles_(articles) {}
  std::size_t articles() const { return articles_; }

 private:
  std::size_t articles_;
};

// Not thread-safe: one IndexEditor is used by one thread at a time (EditingService holds
// its write lock around every call); the analyser it is given is used without a lock.
// Other processes are kept out by Xapian's own write lock on the database.
class IndexEditor {
 public:
  // One write: holds the index's write lock from begin() until it is destroyed, and the
  // directory read once under that lock, so what an edit is validated against is what
  // it is applied to. Each put or delete is one commit.
  class Write {
   public:
    const Directory& directory() const { return directory_; }
    std::optional<nlohmann::json> stored_article(const std::string& id) const;

    EditOutcome put_article(const Article& article);
    std::optional<EditOutcome> delete_article(const std::string& id);  // nullopt: unknown id
    // Rewrites the unit's articles too: the unit's name is part of what they are found by.
    EditOutcome put_unit(const Unit& unit);
    std::optional<EditOutcome> delete_unit(const std::string& id);  // throws StillReferencedError
    EditOutcome put_category(const Category& category);
    std::optional<EditOutcome> delete_category(const std::string& id);  // throws StillReferencedError

   private:
    friend class IndexEditor;
    Write(Xapian::WritableDatabase db, analysis::Analyzer& analyzer);
    Xapian::WritableDatabase db_;
    Directory directory_;
    analysis::Analyzer& analyzer_;
  };

  // `lock_wait`: how long to wait for another writer (e.g. `wiedza index`) before
  // throwing IndexLockedError.
  IndexEditor(std::string db_path, analysis::Analyzer& analyzer, std::chrono::milliseconds lock_wait);

  Write begin();

  // Read fresh from the index's latest revision, without the write lock.
  Directory directory() const;
  std::optional<nlohmann::json> stored_article(const std::string& id) const;

  // One write each (begin() and the operation), for callers that validated already.
  EditOutcome put_article(const Article& article) { return begin().put_article(article); }
  std::optional<EditOutcome> delete_article(const std::string& id) { return begin().delete_article(id); }
  EditOutcome put_unit(const Unit& unit) { return begin().put_unit(unit); }
  std::optional<EditOutcome> delete_unit(const std::string& id) { return begin().delete_unit(id); }
  EditOutcome put_category(const Category& category) { return begin().put_category(category); }
  std::optional<EditOutcome> delete_category(const std::string& id) { return begin().delete_category(id); }

 private:
  std::string db_path_;
  analysis::Analyzer& analyzer_;
  std::chrono::milliseconds lock_wait_;
};

}  // namespace wiedza
