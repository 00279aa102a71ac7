#include "search/index_resources.h"

#include <algorithm>

#include "search/index_metadata.h"
#include "search/schema.h"

namespace wiedza {

std::shared_ptr<const IndexResources> IndexResources::build(const Xapian::Database& db, analysis::Analyzer& analyzer,
                                                            const ResourceCache* cache) {
  auto r = std::make_shared<IndexResources>();
  r->uuid = db.get_uuid();
  r->revision = db.get_revision();
  r->directory = read_directory_metadata(db);
  r->vocabulary = Vocabulary::load(db);
  r->synonyms = SynonymTable(
      synonyms_from_json(nlohmann::json::parse(db.get_metadata(schema::kMetaSynonyms), nullptr, false)), analyzer);
  r->unit_descriptions = UnitDescriptions(r->directory, analyzer);
  r->suggester = Suggester::load(db);
  r->facets = FacetTable::load(db);
  const CacheOptions sizes = cache != nullptr ? cache->options_ : CacheOptions{0, 0};
  r->documents = std::make_unique<LruCache<Xapian::docid, HitDocument>>(
      sizes.documents, cache != nullptr ? cache->document_counters_ : nullptr);
  r->results = std::make_unique<LruCache<std::string, SearchResult>>(
      sizes.results, cache != nullptr ? cache->result_counters_ : nullptr);
  return r;
}

ResourceCache::ResourceCache(CacheOptions options) : options_(options) {}

CacheStats ResourceCache::stats() const {
  return {result_counters_->hits.load(), result_counters_->misses.load(), document_counters_->hits.load(),
          document_counters_->misses.load()};
}

std::shared_ptr<const IndexResources> ResourceCache::get(const Xapian::Database& db, analysis::Analyzer& analyzer) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string uuid = db.get_uuid();
  const Xapian::rev revision = db.get_revision();
  auto same_database = [&](const std::shared_ptr<const IndexResources>& r) { return r->uuid == uuid; };
  auto it = std::find_if(current_.begin(), current_.end(), same_database);
  std::shared_ptr<const IndexResources> out;
  if (it == current_.end() || (*it)->revision < revision) {
    // The newest revision seen of this database (or a database swapped in under the same
    // path: while searchers move over, both are cached).
    if (it != current_.end()) current_.erase(it);
    out = IndexResources::build(db, analyzer, this);
    current_.insert(current_.begin(), out);
  } else if ((*it)->revision == revision) {
    out = *it;
  } else {
    // A thread still on an older revision keeps its own resources until it reopens.
    return IndexResources::build(db, analyzer, this);
  }
  // Resources of another database that no searcher holds any more are let go.
  current_.erase(std::remove_if(current_.begin() + 1, current_.end(),
                                [&](const std::shared_ptr<const IndexResources>& r) { return r != out && r.use_count() == 1; }),
                 current_.end());
  return out;
}

}  // namespace wiedza
