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

// Deletes a unit or category (`entries` picks which map of the directory) unless an
// article's filter term (`term_prefix` + id) still refers to it.
template <class Entry>
std::optional<EditOutcome> delete_directory_entry(Xapian::WritableDatabase& db,
                                                  std::map<std::string, Entry> Directory::*entries,
                                                  const std::string& id, const std::string& term_prefix,
                                                  const std::string& label) {
  Directory directory = read_directory_metadata(db);
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
  return out;
}

}  // namespace

IndexEditor::IndexEditor(std::string db_path, analysis::Analyzer& analyzer, std::chrono::milliseconds lock_wait)
    : db_path_(std::move(db_path)), analyzer_(analyzer), lock_wait_(lock_wait) {}

Directory IndexEditor::directory() const { return read_directory_metadata(Xapian::Database(db_path_)); }

std::optional<nlohmann::json> IndexEditor::stored_article(const std::string& id) const {
  auto existing = find_article(Xapian::Database(db_path_), id);
  if (!existing) return std::nullopt;
  return existing->stored;
}

EditOutcome IndexEditor::put_article(const Article& article) {
  Xapian::WritableDatabase db = open_writable(db_path_, lock_wait_);
  const Directory directory = read_directory_metadata(db);
  EditOutcome out;
  if (auto existing = find_article(db, article.id)) {
    out.previous_hash = existing->hash;
    out.previous = existing->stored;
  } else {
    out.created = true;
  }
  const Unit* unit = directory.unit(article.unit);
  out.new_hash = content_hash(article, unit, analyzer_.fingerprint());
  db.replace_document(schema::kIdPrefix + article.id, build_document(article, unit, analyzer_));
  out.revision = commit(db);
  return out;
}

std::optional<EditOutcome> IndexEditor::delete_article(const std::string& id) {
  Xapian::WritableDatabase db = open_writable(db_path_, lock_wait_);
  auto existing = find_article(db, id);
  if (!existing) return std::nullopt;
  EditOutcome out;
  out.previous_hash = existing->hash;
  out.previous = existing->stored;
  db.delete_document(existing->docid);
  out.revision = commit(db);
  return out;
}

EditOutcome IndexEditor::put_unit(const Unit& unit) {
  Xapian::WritableDatabase db = open_writable(db_path_, lock_wait_);
  Directory directory = read_directory_metadata(db);
  EditOutcome out;
  record_previous(directory.unit(unit.id), out);
  directory.units[unit.id] = unit;
  out.new_hash = digest(to_json(unit).dump());

  // The metadata and every rewritten article go in one transaction.
  db.begin_transaction(true);
  try {
    write_directory_metadata(db, directory);
    const std::string term = schema::kUnitPrefix + unit.id;
    std::vector<Xapian::docid> docids(db.postlist_begin(term), db.postlist_end(term));
    for (Xapian::docid docid : docids) {
      const auto stored = nlohmann::json::parse(db.get_document(docid).get_data(), nullptr, false);
      ValidationErrors errors;
      auto article = parse_article({stored, "", "(index)"}, directory, errors);
      if (!article) continue;  // stored articles were validated; nothing sensible to do otherwise
      db.replace_document(docid, build_document(*article, &unit, analyzer_));
      ++out.reindexed;
    }
    db.commit_transaction();
  } catch (...) {
    db.cancel_transaction();
    throw;
  }
  out.revision = db.get_revision();
  return out;
}

std::optional<EditOutcome> IndexEditor::delete_unit(const std::string& id) {
  Xapian::WritableDatabase db = open_writable(db_path_, lock_wait_);
  return delete_directory_entry(db, &Directory::units, id, schema::kUnitPrefix, "unit");
}

EditOutcome IndexEditor::put_category(const Category& category) {
  Xapian::WritableDatabase db = open_writable(db_path_, lock_wait_);
  Directory directory = read_directory_metadata(db);
  EditOutcome out;
  record_previous(directory.category(category.id), out);
  directory.categories[category.id] = category;
  out.new_hash = digest(to_json(category).dump());
  write_directory_metadata(db, directory);
  out.revision = commit(db);
  return out;
}

std::optional<EditOutcome> IndexEditor::delete_category(const std::string& id) {
  Xapian::WritableDatabase db = open_writable(db_path_, lock_wait_);
  return delete_directory_entry(db, &Directory::categories, id, schema::kCategoryPrefix, "category");
}

}  // namespace wiedza
