// One edit (an article, unit or category put or deleted) applied as one operation: it is
// validated against the directory the index holds, read once under the index's write
// lock; its corpus file is staged (corpus_files.h); the index commits; then the file is
// put in place. A failure before the commit leaves index and corpus as they were; a kill
// after it leaves a staged file that recover() finishes (corpus_recovery.h).
// The server keeps what is about people and HTTP: who may edit, the audit entry (made in
// `on_committed`), the JSON replies.
// Not thread-safe, like IndexEditor: callers serialise edits (EditingService's lock).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "indexer/article_edits.h"
#include "indexer/corpus_files.h"
#include "indexer/corpus_recovery.h"
#include "search/analysis/analyzer.h"
#include "search/directory.h"
#include "search/error.h"

namespace wiedza {

// The two kinds of directory entry; everything about them is written once, for both.
enum class EntryKind { kUnit, kCategory };
const char* entry_label(EntryKind kind);  // "unit", "category"

// A unit or category checked against everything that needs no index (its id, fields and
// values): callers parse before they queue for the write lock, so an invalid body is
// refused at once even while a reindex holds it.
struct ParsedEntry {
  EntryKind kind;
  std::string id;
  std::optional<Unit> unit;          // set for kUnit
  std::optional<Category> category;  // set for kCategory
};

struct AppliedEdit {
  EditOutcome outcome;
  nlohmann::json stored;  // the entry as the index now holds it; null after a deletion
  Directory directory;    // the directory after the edit (what the article was validated against)
  // Not empty when the index took the edit but its corpus file could not be put in place
  // (disk full, permissions); the staged file stays for recovery.
  std::string corpus_file_error;
};

class CorpusEditor {
 public:
  // Runs once the index holds the edit, before its corpus file is in place: a record made
  // here (the audit trail) is never of an edit that was not applied, and a kill right
  // after it leaves a staged file that recovery completes. Must not throw.
  using OnCommitted = std::function<void(const AppliedEdit&)>;

  // `corpus_dir` "": only the index is edited (a server started without --corpus).
  // `source` labels validation errors ("request body").
  CorpusEditor(std::string db_path, std::string corpus_dir, analysis::Analyzer& analyzer,
               std::chrono::milliseconds lock_wait, std::string source = "request body");

  // `article` is the JSON object as sent; a missing "id" is taken from `id`.
  Expected<AppliedEdit> put_article(const std::string& id, nlohmann::json article, const OnCommitted& on_committed);
  Expected<AppliedEdit> delete_article(const std::string& id, const OnCommitted& on_committed);
  // Reads only `source_`: safe to call without the callers' serialisation.
  Expected<ParsedEntry> parse_entry(EntryKind kind, const std::string& id, nlohmann::json entry) const;
  Expected<AppliedEdit> put_entry(const ParsedEntry& entry, const OnCommitted& on_committed);
  // kStillReferenced while articles use the entry.
  Expected<AppliedEdit> delete_entry(EntryKind kind, const std::string& id, const OnCommitted& on_committed);

  std::optional<nlohmann::json> stored_article(const std::string& id) const { return index_.stored_article(id); }

  // Finishes or undoes corpus file changes a killed process left staged, as the index
  // says; `before_change` sees each one before a file is touched. Nothing without a corpus.
  std::vector<RecoveredChange> recover(const std::function<void(const RecoveredChange&)>& before_change);

  const std::string& corpus_dir() const { return corpus_dir_; }

 private:
  // Stages the file and writes the index inside `edit` (which returns an Error to refuse
  // the edit), maps exceptions to Errors, then runs on_committed and puts the file in place.
  using Edit = std::function<std::optional<Error>(IndexEditor::Write&, AppliedEdit&)>;
  Expected<AppliedEdit> apply(const Edit& edit, const OnCommitted& on_committed);
  // Stages `content` (or the removal when nullopt) for a file relative to the corpus.
  void stage(const std::string& relative_path, const std::optional<std::string>& content);

  std::string db_path_;
  std::string corpus_dir_;
  std::string source_;
  IndexEditor index_;
  std::optional<CorpusFileChange> staged_;  // the current edit's file, while apply() runs
};

}  // namespace wiedza
