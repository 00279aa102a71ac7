#include "indexer/article_edits.h"

#include "indexer/document_builder.h"
#include "indexer/writable_index.h"
#include "search/index_metadata.h"
#include "search/schema.h"

namespace wiedza {
namespace {

struct Existing {
  Xapian::docid docid;
  nlohmann::json stored;
  std::string hash;
};

std::optional<Existing> find_article(const Xapian::Database& db, const std::string& id) {
  const std::string term = schema::kIdPrefix + id;
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return std::nullopt;
  Xapian::Document doc = db.get_document(*p);
  return Existing{*p, nlohmann::json::parse(doc.get_data(), nullptr, false), doc.get_value(schema::kSlotContentHash)};
}

// Commits and reports the revision now visible to readers.
Xapian::rev commit(Xapian::WritableDatabase& db) {
  stamp_commit_time(db);
  db.commit();
  return db.get_revision();
}

// Fills in what existed before (for the audit trail), or marks the edit a creation.
template <class Entry>
void record_previous(const Entry* old, EditOutcome& out) {
  if (old == nullptr) {
    out.created = true;
    return;
  }
  out.previous = to_json(*old);
  out.previous_hash = digest(out.previous->dump());
}

// The directory with `entry` put into the map `entries` picks, and what it replaced.
template <class Entry>
Directory with_entry(const Directory& current, std::map<std::string, Entry> Directory::*entries, const Entry& entry,
                     EditOutcome& out) {
  auto& before = current.*entries;
  auto it = before.find(entry.id);
  record_previous(it == before.end() ? nullptr : &it->second, out);
  Directory directory = current;
  (directory.*entries)[entry.id] = entry;
  out.new_hash = digest(to_json(entry).dump());
  return directory;
}

// Deletes a unit or category (`entries` picks which map of the directory) unless an
// article's filter term (`term_prefix` + id) still refers to it.
template <class Entry>
std::optional<EditOutcome> delete_directory_entry(Xapian::WritableDatabase& db, Directory& current,
                                                  std::map<std::string, Entry> Directory::*entries,
                                                  const std::string& id, const std::string& term_prefix,
                                                  const std::string& label) {
  Directory directory = current;
  auto& map = directory.*entries;
  auto it = map.find(id);
  if (it == map.end()) return std::nullopt;
  if (const std::size_t n = db.get_termfreq(term_prefix + id); n > 0) {
    throw StillReferencedError(label + " '" + id + "' is still used by " + std::to_string(n) +
                                   " article(s); move them to another " + label + " first",
                               n);
  }
  EditOutcome out;
  record_previous(&it->second, out);
  map.erase(it);
  write_directory_metadata(db, directory);
  out.revision = commit(db);
  current = std::move(directory);
  return out;
}

}  // namespace

IndexEditor::IndexEditor(std::string db_path, analysis::Analyzer& analyzer, std::chrono::milliseconds lock_wait)
    : db_path_(std::move(db_path)), analyzer_(analyzer), lock_wait_(lock_wait) {}

IndexEditor::Write IndexEditor::begin() { return Write(open_writable(db_path_, lock_wait_), analyzer_); }

Directory IndexEditor::directory() const { return read_directory_metadata(Xapian::Database(db_path_)); }

std::optional<nlohmann::json> IndexEditor::stored_article(const std::string& id) const {
  auto existing = find_article(Xapian::Database(db_path_), id);
  if (!existing) return std::nullopt;
  return existing->stored;
}

IndexEditor::Write::Write(Xapian::WritableDatabase db, analysis::Analyzer& analyzer)
    : db_(std::move(db)), directory_(read_directory_metadata(db_)), analyzer_(analyzer) {}

std::optional<nlohmann::json> IndexEditor::Write::stored_article(const std::string& id) const {
  auto existing = find_article(db_, id);
  if (!existing) return std::nullopt;
  return existing->stored;
}

EditOutcome IndexEditor::Write::put_article(const Article& article) {
  EditOutcome out;
  if (auto existing = find_article(db_, article.id)) {
    out.previous_hash = existing->hash;
    out.previous = existing->stored;
  } else {
    out.created = true;
  }
  const Unit* unit = directory_.unit(article.unit);
  out.new_hash = content_hash(article, unit, analyzer_.fingerprint());
  db_.replace_document(schema::kIdPrefix + article.id, build_document(article, unit, analyzer_));
  out.revision = commit(db_);
  return out;
}

std::optional<EditOutcome> IndexEditor::Write::delete_article(const std::string& id) {
  auto existing = find_article(db_, id);
  if (!existing) return std::nullopt;
  EditOutcome out;
  out.previous_hash = existing->hash;
  out.previous = existing->stored;
  db_.delete_document(existing->docid);
  out.revision = commit(db_);
  return out;
}

EditOutcome IndexEditor::Write::put_unit(const Unit& unit) {
  EditOutcome out;
  Directory directory = with_entry(directory_, &Directory::units, unit, out);

  // The metadata and every rewritten article go in one transaction.
  db_.begin_transaction(true);
  try {
    write_directory_metadata(db_, directory);
    const std::string term = schema::kUnitPrefix + unit.id;
    std::vector<Xapian::docid> docids(db_.postlist_begin(term), db_.postlist_end(term));
    for (Xapian::docid docid : docids) {
      const auto stored = nlohmann::json::parse(db_.get_document(docid).get_data(), nullptr, false);
      ValidationErrors errors;
      auto article = parse_article({stored, "", "(index)"}, directory, errors);
      if (!article) continue;  // stored articles were validated; nothing sensible to do otherwise
      db_.replace_document(docid, build_document(*article, &unit, analyzer_));
      ++out.reindexed;
    }
    stamp_commit_time(db_);
    db_.commit_transaction();
  } catch (...) {
    db_.cancel_transaction();
    throw;
  }
  directory_ = std::move(directory);
  out.revision = db_.get_revision();
  return out;
}

std::optional<EditOutcome> IndexEditor::Write::delete_unit(const std::string& id) {
  return delete_directory_entry(db_, directory_, &Directory::units, id, schema::kUnitPrefix, "unit");
}

EditOutcome IndexEditor::Write::put_category(const Category& category) {
  EditOutcome out;
  Directory directory = with_entry(directory_, &Directory::categories, category, out);
  write_directory_metadata(db_, directory);
  out.revision = commit(db_);
  directory_ = std::move(directory);
  return out;
}

std::optional<EditOutcome> IndexEditor::Write::delete_category(const std::string& id) {
  return delete_directory_entry(db_, directory_, &Directory::categories, id, schema::kCategoryPrefix, "category");
}

}  // namespace wiedza
