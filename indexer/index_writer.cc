#include "indexer/index_writer.h"

#include <map>

#include <xapian.h>

#include "indexer/document_builder.h"
#include "search/everyday_lexicon.h"
#include "search/index_metadata.h"
#include "search/schema.h"

namespace wiedza {
namespace {

struct Indexed {
  Xapian::docid docid;
  std::string hash;
};

std::map<std::string, Indexed> indexed_articles(const Xapian::Database& db) {
  std::map<std::string, Indexed> out;
  const std::string prefix = schema::kIdPrefix;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    auto p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) continue;
    Xapian::docid docid = *p;
    out[term.substr(prefix.size())] = {docid, db.get_document(docid).get_value(schema::kSlotContentHash)};
  }
  return out;
}

}  // namespace

std::string SyncSummary::to_string() const {
  return std::to_string(added) + " added, " + std::to_string(updated) + " updated, " + std::to_string(unchanged) +
         " unchanged, " + std::to_string(deleted) + " deleted, " + std::to_string(invalid) + " invalid";
}

SyncSummary sync_index(const std::string& db_path, const Corpus& corpus, analysis::Analyzer& analyzer,
                       const ProgressFn& progress, std::chrono::milliseconds lock_wait) {
  Xapian::WritableDatabase db = open_writable(db_path, lock_wait);
  SyncSummary summary;
  summary.invalid = corpus.invalid_ids.size();

  const std::string units = units_to_json(corpus.directory.units).dump();
  const std::string categories = categories_to_json(corpus.directory.categories).dump();
  const std::string version = std::to_string(schema::kSchemaVersion);
  const std::string synonyms = synonyms_to_json(with_everyday_lexicon(corpus.synonyms)).dump();
  // A different analyser (its code version or dictionary) changes every content hash,
  // so every article is analysed again; the summary says why.
  const std::string analysis = analyzer.fingerprint();
  summary.previous_analysis = db.get_metadata(schema::kMetaAnalysis);
  summary.analysis = analysis;
  summary.analysis_changed = db.get_doccount() > 0 && summary.previous_analysis != analysis;
  summary.metadata_changed = db.get_metadata(schema::kMetaUnits) != units ||
                             db.get_metadata(schema::kMetaSynonyms) != synonyms ||
                             db.get_metadata(schema::kMetaCategories) != categories ||
                             db.get_metadata(schema::kMetaSchemaVersion) != version ||
                             db.get_metadata(schema::kMetaAnalysis) != analysis;

  std::map<std::string, Indexed> existing = indexed_articles(db);
  bool in_transaction = false;
  auto begin = [&] {
    if (!in_transaction) {
      db.begin_transaction(true);
      in_transaction = true;
    }
  };

  try {
    const std::size_t total = corpus.articles.size();
    for (std::size_t i = 0; i < total; ++i) {
      const Article& article = corpus.articles[i];
      auto it = existing.find(article.id);
      const Unit* unit = corpus.directory.unit(article.unit);
      const std::string hash = content_hash(article, unit, analysis);
      if (it != existing.end() && it->second.hash == hash) {
        ++summary.unchanged;
      } else {
        begin();
        Xapian::Document doc = build_document(article, unit, analyzer);
        if (it != existing.end()) {
          db.replace_document(it->second.docid, doc);
          ++summary.updated;
        } else {
          db.add_document(doc);
          ++summary.added;
        }
      }
      if (it != existing.end()) existing.erase(it);
      if (progress) progress(i + 1, total);
    }
    // What is left was indexed before but has no valid file now. Invalid files keep
    // their old version; only articles whose file is gone are deleted.
    for (const auto& [id, indexed] : existing) {
      if (corpus.invalid_ids.count(id) > 0) continue;
      begin();
      db.delete_document(indexed.docid);
      ++summary.deleted;
    }
    if (summary.metadata_changed) {
      begin();
      write_directory_metadata(db, corpus.directory);
      db.set_metadata(schema::kMetaSchemaVersion, version);
      db.set_metadata(schema::kMetaSynonyms, synonyms);
      db.set_metadata(schema::kMetaAnalysis, analysis);
    }
    if (in_transaction) {
      stamp_commit_time(db);
      db.commit_transaction();
      summary.committed = true;
    }
  } catch (...) {
    if (in_transaction) {
      try {
        db.cancel_transaction();
      } catch (const Xapian::Error&) {
        // The original error is the one worth reporting; the database is unchanged anyway.
      }
    }
    throw;
  }
  db.close();
  return summary;
}

}  // namespace wiedza
