#include "indexer/corpus_editor.h"

#include <filesystem>

#include "indexer/writable_index.h"
#include "search/article.h"

namespace wiedza {
namespace {

// What differs between units and categories, in one place.
struct EntryRules {
  ErrorCode invalid;
  const char* file;  // relative to the corpus
};

EntryRules rules(EntryKind kind) {
  if (kind == EntryKind::kUnit) return {ErrorCode::kInvalidUnit, "units.json"};
  return {ErrorCode::kInvalidCategory, "categories.json"};
}

std::string directory_file_text(EntryKind kind, const Directory& d) {
  return kind == EntryKind::kUnit ? units_file_text(d.units) : categories_file_text(d.categories);
}

ValidationErrors check_id(const std::string& id, const std::string& label) {
  if (is_valid_id(id)) return {};
  return {{"", "id", label + " id in the URL must match " + std::string(kIdPattern)}};
}

Error not_found(const std::string& label, const std::string& id) {
  return {ErrorCode::kNotFound, "no " + label + " with id '" + id + "'", {}};
}

}  // namespace

const char* entry_label(EntryKind kind) { return kind == EntryKind::kUnit ? "unit" : "category"; }

CorpusEditor::CorpusEditor(std::string db_path, std::string corpus_dir, analysis::Analyzer& analyzer,
                           std::chrono::milliseconds lock_wait, std::string source)
    : db_path_(std::move(db_path)),
      corpus_dir_(std::move(corpus_dir)),
      source_(std::move(source)),
      index_(db_path_, analyzer, lock_wait) {}

std::vector<RecoveredChange> CorpusEditor::recover(const std::function<void(const RecoveredChange&)>& before_change) {
  if (corpus_dir_.empty()) return {};
  return recover_corpus_files(corpus_dir_, expected_from_index(index_), before_change);
}

void CorpusEditor::stage(const std::string& relative_path, const std::optional<std::string>& content) {
  if (corpus_dir_.empty()) return;
  const std::filesystem::path target = std::filesystem::path(corpus_dir_) / relative_path;
  staged_.emplace(content ? CorpusFileChange::write(target, *content) : CorpusFileChange::remove(target));
}

Expected<AppliedEdit> CorpusEditor::apply(const Edit& edit, const OnCommitted& on_committed) {
  AppliedEdit applied;
  staged_.reset();
  try {
    IndexEditor::Write write = index_.begin();  // the write lock, held until the commit is done
    if (auto refused = edit(write, applied)) {
      staged_.reset();  // undoes a staged file
      return *refused;
    }
  } catch (const IndexLockedError& e) {
    staged_.reset();
    return Error{ErrorCode::kIndexLocked, e.what(), {}};
  } catch (const StillReferencedError& e) {
    staged_.reset();
    return Error{ErrorCode::kStillReferenced, e.what(), {}};
  } catch (const std::exception& e) {
    // Disk full, permission denied, a damaged database: nothing was committed, and the
    // staged file is undone, so the served index and the corpus are as they were.
    staged_.reset();
    return Error{ErrorCode::kWriteFailed, std::string("the edit was not applied: ") + e.what(), {}};
  } catch (const Xapian::Error& e) {
    staged_.reset();
    return Error{ErrorCode::kWriteFailed, "the edit was not applied: " + e.get_description(), {}};
  }
  // The index holds the edit; nothing from here on may undo it.
  if (on_committed) on_committed(applied);
  if (staged_) {
    try {
      staged_->commit();
    } catch (const std::exception& e) {
      applied.corpus_file_error = e.what();
    }
    staged_.reset();
  }
  return applied;
}

Expected<AppliedEdit> CorpusEditor::put_article(const std::string& id, nlohmann::json article,
                                                const OnCommitted& on_committed) {
  if (auto e = check_id(id, "article"); !e.empty()) return Error::invalid(ErrorCode::kInvalidArticle, e);
  if (!article.is_object()) return Error::invalid(ErrorCode::kInvalidArticle, {{source_, "", "must be a JSON object"}});
  if (!article.contains("id")) article["id"] = id;
  return apply(
      [&](IndexEditor::Write& write, AppliedEdit& applied) -> std::optional<Error> {
        ValidationErrors errors;
        auto parsed = parse_article({article, id, source_}, write.directory(), errors);
        if (!parsed) return Error::invalid(ErrorCode::kInvalidArticle, errors);
        applied.stored = to_json(*parsed);
        stage("articles/" + id + ".json", article_file_text(applied.stored));
        applied.outcome = write.put_article(*parsed);
        applied.directory = write.directory();
        return std::nullopt;
      },
      on_committed);
}

Expected<AppliedEdit> CorpusEditor::delete_article(const std::string& id, const OnCommitted& on_committed) {
  if (auto e = check_id(id, "article"); !e.empty()) return Error::invalid(ErrorCode::kInvalidRequest, e);
  return apply(
      [&](IndexEditor::Write& write, AppliedEdit& applied) -> std::optional<Error> {
        if (!write.stored_article(id)) return not_found("article", id);
        stage("articles/" + id + ".json", std::nullopt);
        applied.outcome = *write.delete_article(id);
        applied.directory = write.directory();
        return std::nullopt;
      },
      on_committed);
}

Expected<ParsedEntry> CorpusEditor::parse_entry(EntryKind kind, const std::string& id, nlohmann::json entry) const {
  const std::string label = entry_label(kind);
  const ErrorCode invalid = rules(kind).invalid;
  if (auto e = check_id(id, label); !e.empty()) return Error::invalid(invalid, e);
  if (!entry.is_object()) return Error::invalid(invalid, {{source_, "", "must be a JSON object"}});
  ValidationErrors errors;
  if (!entry.contains("id")) entry["id"] = id;
  if (entry["id"] != id) errors.push_back({source_, "id", "does not match the id in the URL ('" + id + "')"});
  ParsedEntry parsed{kind, id, std::nullopt, std::nullopt};
  if (kind == EntryKind::kUnit) parsed.unit = parse_unit(entry, source_, label, errors);
  else parsed.category = parse_category(entry, source_, label, errors);
  if ((!parsed.unit && !parsed.category) || !errors.empty()) return Error::invalid(invalid, errors);
  return parsed;
}

Expected<AppliedEdit> CorpusEditor::put_entry(const ParsedEntry& entry, const OnCommitted& on_committed) {
  return apply(
      [&](IndexEditor::Write& write, AppliedEdit& applied) -> std::optional<Error> {
        Directory after = write.directory();
        if (entry.unit) after.units[entry.id] = *entry.unit;
        else after.categories[entry.id] = *entry.category;
        stage(rules(entry.kind).file, directory_file_text(entry.kind, after));
        applied.outcome = entry.unit ? write.put_unit(*entry.unit) : write.put_category(*entry.category);
        applied.stored = entry.unit ? to_json(*entry.unit) : to_json(*entry.category);
        applied.directory = write.directory();
        return std::nullopt;
      },
      on_committed);
}

Expected<AppliedEdit> CorpusEditor::delete_entry(EntryKind kind, const std::string& id,
                                                 const OnCommitted& on_committed) {
  const std::string label = entry_label(kind);
  if (auto e = check_id(id, label); !e.empty()) return Error::invalid(ErrorCode::kInvalidRequest, e);
  return apply(
      [&](IndexEditor::Write& write, AppliedEdit& applied) -> std::optional<Error> {
        Directory after = write.directory();
        const bool known = kind == EntryKind::kUnit ? after.units.erase(id) > 0 : after.categories.erase(id) > 0;
        if (!known) return not_found(label, id);
        // Staged before the index refuses a unit still in use; apply() then undoes it.
        stage(rules(kind).file, directory_file_text(kind, after));
        auto outcome = kind == EntryKind::kUnit ? write.delete_unit(id) : write.delete_category(id);
        applied.outcome = *outcome;
        applied.directory = write.directory();
        return std::nullopt;
      },
      on_committed);
}

}  // namespace wiedza
