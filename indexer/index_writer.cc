#include "indexer/index_writer.h"

#include <filesystem>
#include <map>
#include <vector>

#include <xapian.h>

#include "indexer/database_swap.h"
#include "indexer/document_builder.h"
#include "indexer/full_build.h"
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

namespace {

// The directory's metadata as this corpus and analyser make it.
struct IndexMetadata {
  std::string units, categories, version, synonyms, analysis;

  IndexMetadata(const Corpus& corpus, const analysis::Analyzer& analyzer)
      : units(units_to_json(corpus.directory.units).dump()),
        categories(categories_to_json(corpus.directory.categories).dump()),
        version(std::to_string(schema::kSchemaVersion)),
        synonyms(synonyms_to_json(with_everyday_lexicon(corpus.synonyms)).dump()),
        analysis(analyzer.fingerprint()) {}

  bool differs_from(const Xapian::Database& db) const {
    return db.get_metadata(schema::kMetaUnits) != units || db.get_metadata(schema::kMetaSynonyms) != synonyms ||
           db.get_metadata(schema::kMetaCategories) != categories ||
           db.get_metadata(schema::kMetaSchemaVersion) != version || db.get_metadata(schema::kMetaAnalysis) != analysis;
  }

  void write(Xapian::WritableDatabase& db, const Corpus& corpus) const {
    write_directory_metadata(db, corpus.directory);
    db.set_metadata(schema::kMetaSchemaVersion, version);
    db.set_metadata(schema::kMetaSynonyms, synonyms);
    db.set_metadata(schema::kMetaAnalysis, analysis);
  }
};

// What a run does with one valid article.
struct Pending {
  std::size_t article;         // index into corpus.articles
  Xapian::docid replaces = 0;  // its indexed version, 0 when new
};

// Builds the whole index anew beside `db` and swaps it in (indexer/full_build.h): every
// article of `pending`, then the indexed versions of invalid articles, then the metadata.
void rebuild(Xapian::WritableDatabase& db, const std::string& db_path, const Corpus& corpus,
             const std::vector<Pending>& pending, const std::vector<Xapian::docid>& carried,
             const IndexMetadata& metadata, analysis::Analyzer& analyzer, const SyncOptions& options,
             SyncSummary& summary) {
  std::vector<std::size_t> articles;
  for (const Pending& p : pending) articles.push_back(p.article);
  const std::string target = replacement_path(db_path);
  recover_interrupted_swap(db_path);  // a crashed run's half-written replacement
  summary.threads = full_build_threads(options.threads, articles.size());
  const std::size_t total = corpus.articles.size();
  build_merged_database(target, replacement_work_path(db_path), corpus, articles, analyzer, summary.threads,
                        [&](std::size_t written) {
                          if (options.progress) options.progress(written, total);
                        });
  try {
    Xapian::WritableDatabase built(target, Xapian::DB_OPEN);
    for (Xapian::docid docid : carried) built.add_document(db.get_document(docid));
    metadata.write(built, corpus);
    stamp_commit_time(built);
    built.commit();
    built.close();
    swap_in_replacement(db_path, db);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove_all(target, ec);
    throw;
  }
  if (options.progress) options.progress(total, total);
}

}  // namespace

SyncSummary sync_index(const std::string& db_path, const Corpus& corpus, analysis::Analyzer& analyzer,
                       const SyncOptions& options) {
  Xapian::WritableDatabase db = open_writable(db_path, options.lock_wait);
  SyncSummary summary;
  summary.invalid = corpus.invalid_ids.size();

  const IndexMetadata metadata(corpus, analyzer);
  // A different analyser (its code version or dictionary) changes every content hash,
  // so every article is analysed again; the summary says why.
  summary.previous_analysis = db.get_metadata(schema::kMetaAnalysis);
  summary.analysis = metadata.analysis;
  summary.analysis_changed = db.get_doccount() > 0 && summary.previous_analysis != metadata.analysis;
  summary.metadata_changed = metadata.differs_from(db);

  std::map<std::string, Indexed> existing = indexed_articles(db);
  std::vector<Pending> pending;
  for (std::size_t i = 0; i < corpus.articles.size(); ++i) {
    const Article& article = corpus.articles[i];
    auto it = existing.find(article.id);
    const std::string hash = content_hash(article, corpus.directory.unit(article.unit), metadata.analysis);
    if (it != existing.end() && it->second.hash == hash) {
      ++summary.unchanged;
    } else {
      pending.push_back({i, it != existing.end() ? it->second.docid : 0});
      ++(it != existing.end() ? summary.updated : summary.added);
    }
    if (it != existing.end()) existing.erase(it);
  }
  // What is left was indexed before but has no valid file now. Invalid files keep
  // their old version; only articles whose file is gone are deleted.
  std::vector<Xapian::docid> deleted, carried;
  for (const auto& [id, indexed] : existing) {
    (corpus.invalid_ids.count(id) > 0 ? carried : deleted).push_back(indexed.docid);
  }
  summary.deleted = deleted.size();

  if (summary.unchanged == 0 && !pending.empty()) {
    summary.full_build = true;
    rebuild(db, db_path, corpus, pending, carried, metadata, analyzer, options, summary);
    summary.committed = true;
    return summary;
  }

  bool in_transaction = false;
  auto begin = [&] {
    if (!in_transaction) {
      db.begin_transaction(true);
      in_transaction = true;
    }
  };
  try {
    const std::size_t total = corpus.articles.size();
    std::size_t done = summary.unchanged;
    for (const Pending& p : pending) {
      const Article& article = corpus.articles[p.article];
      begin();
      Xapian::Document doc = build_document(article, corpus.directory.unit(article.unit), analyzer);
      if (p.replaces != 0) {
        db.replace_document(p.replaces, doc);
      } else {
        db.add_document(doc);
      }
      if (options.progress) options.progress(++done, total);
    }
    for (Xapian::docid docid : deleted) {
      begin();
      db.delete_document(docid);
    }
    if (summary.metadata_changed) {
      begin();
      metadata.write(db, corpus);
    }
    if (in_transaction) {
      stamp_commit_time(db);
      db.commit_transaction();
      summary.committed = true;
    }
    if (options.progress) options.progress(total, total);
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
