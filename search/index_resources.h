// Everything derived from one revision of the database that queries need besides the
// postings: the routing directory, the vocabulary (typo tolerance), compiled synonyms,
// unit descriptions (routing), suggestions and each article's facet values. Built once per revision and shared,
// read-only, by every thread's Searcher. Alongside, two caches that fill as queries run:
// the articles results were cut from, and whole result pages. Being per revision, they
// never serve anything older than the revision a Searcher is on.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/analysis/analyzer.h"
#include "search/cache_options.h"
#include "search/directory.h"
#include "search/facet_counts.h"
#include "search/hit_document.h"
#include "search/lru_cache.h"
#include "search/unit_descriptions.h"
#include "search/suggester.h"
#include "search/synonyms.h"
#include "search/vocabulary.h"

namespace wiedza {

struct SearchResult;
class ResourceCache;

struct IndexResources {
  // Which database and revision these were built from. A database built anew or compacted
  // under the same path (indexer/database_swap.h) has a new UUID and starts again from
  // revision 1, so the revision alone does not tell them apart.
  std::string uuid;
  Xapian::rev revision = 0;

  bool describes(const Xapian::Database& db) const { return revision == db.get_revision() && uuid == db.get_uuid(); }

  Directory directory;
  Vocabulary vocabulary;
  SynonymTable synonyms;
  UnitDescriptions unit_descriptions;
  Suggester suggester;
  FacetTable facets;
  // Thread-safe themselves, so usable through a const IndexResources.
  std::unique_ptr<LruCache<Xapian::docid, HitDocument>> documents;
  std::unique_ptr<LruCache<std::string, SearchResult>> results;

  // Without `cache`, the caches are off.
  static std::shared_ptr<const IndexResources> build(const Xapian::Database& db, analysis::Analyzer& analyzer,
                                                     const ResourceCache* cache = nullptr);
};

// Thread-safe: hands out the resources for a database's revision, building them once.
// The Searchers sharing one ResourceCache share its result pages, so they must use the
// same RankingOptions.
class ResourceCache {
 public:
  explicit ResourceCache(CacheOptions options = {});

  std::shared_ptr<const IndexResources> get(const Xapian::Database& db, analysis::Analyzer& analyzer);

  const CacheOptions& options() const { return options_; }
  // Hits and misses since this ResourceCache was made, over all revisions.
  CacheStats stats() const;

 private:
  friend struct IndexResources;
  CacheOptions options_;
  std::shared_ptr<CacheCounters> result_counters_ = std::make_shared<CacheCounters>();
  std::shared_ptr<CacheCounters> document_counters_ = std::make_shared<CacheCounters>();
  std::mutex mutex_;
  // The newest resources of each database in use, the most recently built first: one,
  // but for the moments after another database is swapped in under the same path.
  std::vector<std::shared_ptr<const IndexResources>> current_;
};

}  // namespace wiedza
