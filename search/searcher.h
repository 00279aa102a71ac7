// Runs searches against one database. Owns its Xapian::Database and Analyzer, so it is
// not thread-safe: give each thread its own Searcher (Xapian objects use non-atomic
// reference counts and must never be shared).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "search/analysis/analyzer.h"
#include "search/directory.h"
#include "search/facet_counts.h"
#include "search/hit_document.h"
#include "search/query_builder.h"
#include "search/ranking_options.h"
#include "search/snippet.h"
#include "search/index_resources.h"

namespace wiedza {

class AnswerEvidence;

struct SearchRequest {
  std::string query;
  std::size_t limit = 10;
  std::size_t offset = 0;
  // Filters: values within one list are alternatives (OR); lists combine with AND.
  std::vector<std::string> categories;
  std::vector<std::string> units;
  std::vector<std::string> kinds;
  // Count category/unit/kind over the best RankingOptions::facet_depth matches (the
  // whole match set when it is smaller).
  bool facets = false;
  // Cut query-biased snippets for the hits (evaluation does not need them).
  bool snippets = true;
};

struct SearchHit : ArticleHeader {
  double score = 0;  // BM25-based weight; comparable only within one query's ranking
  // Share of the query's content words this article matches, and the informative share
  // of the query it answers (AnswerEvidence): set on SearchResult::best only.
  double coverage = 0;
  double evidence = 0;
  Snippet snippet;
};

inline constexpr std::size_t kCoverageHits = 5;

struct SearchResult {
  std::string query;
  std::size_t total = 0;  // estimated number of matching articles
  bool total_exact = false;  // Xapian's bounds agree: `total` is the match count
  // How many of the best matches the facets counted (== total when they counted all).
  std::size_t facets_counted = 0;
  std::vector<SearchHit> hits;  // the page asked for
  // The first kCoverageHits hits of the ranking (whatever page was asked for), with
  // coverage and evidence, without snippets: what routing and answer confidence weigh.
  std::vector<SearchHit> best;
  std::vector<QueryWord> words;  // the analysed query, for diagnostics and highlighting
  std::optional<std::string> corrected;  // "did you mean": the query with typos corrected
  // "category", "unit", "kind" -> counts over the first facets_counted matches of the
  // ranking, most frequent first (only with request.facets).
  FacetCounts facets;
  // How much of the query the best hit of the whole ranking answers (AnswerEvidence,
  // whatever page was asked for), and whether that is too little to call it an answer:
  // then the results are shown as weak and no routing hint is given ("not in the base").
  double answer_confidence = 0;
  bool weak = false;
};

class Searcher {
 public:
  // Opens the database read-only. Throws std::runtime_error naming the path when it is
  // missing or not a Wiedza index.
  // `cache` shares per-revision resources and caches between the Searchers of several
  // threads; null gives the Searcher one of its own with default CacheOptions.
  explicit Searcher(const std::string& db_path, const std::string& dict_dir = analysis::default_dictionary_dir(),
                    RankingOptions options = {}, std::shared_ptr<ResourceCache> cache = nullptr);

  SearchResult search(const SearchRequest& request);

  // The stored article (as indexed, unknown fields included), or nullopt.
  std::optional<nlohmann::json> article(const std::string& id);

  // Picks up a newer revision written by an indexer, a database swapped in under the same
  // path, or a replica's new full copy; cheap when nothing changed.
  void reopen();
  const RankingOptions& ranking() const { return builder_.options(); }
  Xapian::rev revision() const;
  // The database's UUID: a database built anew or compacted under the same path has a new
  // one and counts its revisions from 1 again (indexer/database_swap.h).
  std::string database() const;
  // When this revision was committed, unix milliseconds (0: an index from before the stamp).
  std::int64_t committed_at() const;
  Xapian::doccount document_count() const;
  const Directory& directory() const { return resources_->directory; }
  const IndexResources& resources() const { return *resources_; }
  analysis::Analyzer& analyzer() { return analyzer_; }

 private:
  SearchResult run(const SearchRequest& request);
  // The article behind a hit, from the per-revision cache (loaded once); null when the
  // document is not a Wiedza article.
  std::shared_ptr<const HitDocument> hit_document(Xapian::docid docid);
  struct RankedDoc {
    Xapian::docid docid;
    double weight;
  };
  static std::vector<RankedDoc> ranked_docs(const Xapian::MSet& mset);
  // Adds the proximity bonus (BuiltQuery::proximity) to the candidates' weights, read for
  // those documents only, and sorts them again.
  void add_proximity(std::vector<RankedDoc>& ranking, const Xapian::Query& proximity);
  // The first kCoverageHits hits of `top` with their coverage and evidence.
  std::vector<SearchHit> evidence_hits(const std::vector<RankedDoc>& top, const AnswerEvidence& evidence);
  // Pseudo-relevance feedback (RankingOptions::prf_weight): body terms typical of the
  // top hits of the query set on `enquire`, OR-ed; empty when there are no hits.
  Xapian::Query feedback_terms(Xapian::Enquire& enquire) const;
  // Reloads what is derived from the database (vocabulary, synonyms) after a revision change.
  void load_resources();

  // Opens db_path_ again (a database swapped in, or a replica's new full copy) and loads
  // that database's resources.
  void open_anew(std::uint64_t directory_inode);

  std::string db_path_;
  // The database directory's inode when it was opened: a directory swapped in under the
  // same path (`wiedza index --compact`) is a new database that reopen() must open anew,
  // since reopening the old handle keeps reading the replaced files.
  std::uint64_t directory_inode_ = 0;
  Xapian::Database db_;
  analysis::Analyzer analyzer_;
  QueryBuilder builder_;
  RankingOptions options_;
  std::shared_ptr<ResourceCache> cache_;
  std::shared_ptr<const IndexResources> resources_;
};

}  // namespace wiedza
