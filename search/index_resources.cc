#include "search/index_resources.h"

#include "search/index_metadata.h"
#include "search/schema.h"

namespace wiedza {

std::shared_ptr<const IndexResources> IndexResources::build(const Xapian::Database& db, analysis::Analyzer& analyzer,
                                                            const ResourceCache* cache) {
  auto r = std::make_shared<IndexResources>();
  r->revision = db.get_revision();
  r->directory = read_directory_metadata(db);
  r->vocabulary = Vocabulary::load(db);
  r->synonyms = SynonymTable(
      synonyms_from_json(nlohmann::json::parse(db.get_metadata(schema::kMetaSynonyms), nullptr, false)), analyzer);
  r->unit_descriptions = UnitDescriptions(r->directory, analyzer);
  r->suggester = Suggester::load(db);
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
  const Xapian::rev revision = db.get_revision();
  // A thread still on an older revision keeps its own resources until it reopens; the
  // cache follows the newest revision seen.
  if (!current_ || current_->revision < revision) current_ = IndexResources::build(db, analyzer, this);
  if (current_->revision == revision) return current_;
  return IndexResources::build(db, analyzer, this);
}

}  // namespace wiedza
