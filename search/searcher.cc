#include "search/searcher.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

#include "search/answer_evidence.h"
#include "search/candidate_source.h"
#include "search/index_metadata.h"
#include "search/schema.h"

namespace wiedza {
namespace {

// How often a read is retried after DatabaseModifiedError (a writer committed twice while
// it ran). Each retry reopens onto the newest revision, so more than a few in a row means
// a writer committing continuously. 5 was once too few under AddressSanitizer on a loaded
// 2-core machine (a full reindex followed by edits every 100 ms: rebuilding the
// per-revision resources outlasted two commits six times in a row); a retry costs nothing
// when the writer is quiet.
constexpr int kMaxRetries = 10;

Xapian::Database open_database(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    throw std::runtime_error("database " + path + " does not exist (create it with `wiedza index CORPUS --db " + path +
                             "`)");
  }
  try {
    Xapian::Database db(path);
    if (db.get_metadata(schema::kMetaSchemaVersion).empty()) {
      throw std::runtime_error("database " + path + " is not a Wiedza index (no schema version)");
    }
    return db;
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw std::runtime_error("cannot open database " + path + ": " + e.get_msg());
  }
}

Xapian::Query filter_terms(const std::vector<std::string>& values, const char* prefix) {
  std::vector<Xapian::Query> terms;
  for (const std::string& v : values) terms.emplace_back(prefix + v);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Positions in the body where query words matched, mapped to the word's index. Body
// terms carry the analysed forms; exact forms (prefix E) cover quoted stop words.
std::map<Xapian::termpos, int> body_matches(const Xapian::Database& db, Xapian::docid docid, const HitDocument& doc,
                                            const std::vector<QueryWord>& words) {
  std::map<Xapian::termpos, int> out;
  auto collect = [&](const std::string& term, int word) {
    // Most of a word's alternatives are not in a given article; asking the cached term
    // set first saves a position-table lookup for each of them.
    if (!doc.has_term(term)) return;
    for (auto p = db.positionlist_begin(docid, term); p != db.positionlist_end(docid, term); ++p) {
      if (*p >= doc.body_start) out.emplace(*p, word);
    }
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    const QueryWord& w = words[i];
    if (w.stop && !w.in_phrase) continue;
    for (const std::string& alt : w.alternatives) collect(schema::kBodyPrefix + alt, static_cast<int>(i));
    collect(schema::kExactPrefix + w.exact, static_cast<int>(i));
  }
  return out;
}

// The request as a cache key: every field that changes the result, unambiguously joined.
std::string cache_key(const SearchRequest& r) {
  std::string key;
  auto add = [&key](std::string_view part) {
    key += std::to_string(part.size());
    key += ':';
    key += part;
  };
  add(r.query);
  add(std::to_string(r.limit));
  add(std::to_string(r.offset));
  for (const auto* list : {&r.categories, &r.units, &r.kinds}) {
    add(std::to_string(list->size()));
    for (const std::string& v : *list) add(v);
  }
  add(r.facets ? "f" : "-");
  add(r.snippets ? "s" : "-");
  return key;
}

// 0 when the path cannot be read (the open that follows says why).
std::uint64_t inode_of(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_ino) : 0;
}

// The one weighting every match of a search uses (both ranking phases and the proximity
// pass), so their weights add up: BM25 with the configured k1 and b, Xapian's defaults
// otherwise (k2 0, k3 1, min_normlen 0.5).
Xapian::BM25Weight bm25(const RankingOptions& o) { return Xapian::BM25Weight(o.bm25_k1, 0, 1, o.bm25_b, 0.5); }

}  // namespace

Searcher::Searcher(const std::string& db_path, const std::string& dict_dir, RankingOptions options,
                   std::shared_ptr<ResourceCache> cache)
    : db_path_(db_path), directory_inode_(inode_of(db_path)), db_(open_database(db_path)), analyzer_(dict_dir), builder_(analyzer_, options),
      options_(options), cache_(cache ? std::move(cache) : std::make_shared<ResourceCache>()) {
  // A replica's copy changes under readers as xapian-replicate applies changesets (and a
  // primary's, as edits commit): a revision gone while its resources were read is no
  // error, just a reason to read the newer one.
  for (int attempt = 0;; ++attempt) {
    try {
      load_resources();
      return;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxRetries) throw;
      db_.reopen();
    }
  }
}

void Searcher::load_resources() { resources_ = cache_->get(db_, analyzer_); }

void Searcher::reopen() {
  // Building the per-revision resources reads the whole vocabulary; a writer committing
  // twice meanwhile discards blocks under it. Reopen onto the newer revision and rebuild.
  for (int attempt = 0;; ++attempt) {
    try {
      const std::uint64_t inode = inode_of(db_path_);
      if (inode != 0 && inode != directory_inode_) return open_anew(inode);
      try {
        db_.reopen();
      } catch (const Xapian::DatabaseOpeningError&) {
        // A replica's full copy: xapian-replicate made the copy live in the stub's other
        // directory and removed the one this handle reads. The path, through its stub,
        // leads to the copy; opening it here keeps the analyser, whose dictionary makes a
        // new Searcher slow to build.
        return open_anew(inode);
      }
      if (!resources_->describes(db_)) load_resources();
      return;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxRetries) throw;
    }
  }
}

void Searcher::open_anew(std::uint64_t directory_inode) {
  db_ = open_database(db_path_);
  directory_inode_ = directory_inode;
  load_resources();
}

Xapian::rev Searcher::revision() const { return db_.get_revision(); }

std::string Searcher::database() const { return db_.get_uuid(); }

std::int64_t Searcher::committed_at() const {
  try {
    return read_commit_time(db_);
  } catch (const Xapian::DatabaseModifiedError&) {
    return 0;  // a newer revision replaced this one; the next reopen reads its time
  }
}

Xapian::doccount Searcher::document_count() const { return db_.get_doccount(); }

std::shared_ptr<const HitDocument> Searcher::hit_document(Xapian::docid docid) {
  std::shared_ptr<const HitDocument> doc = resources_->documents->find(docid);
  if (!doc) {
    doc = HitDocument::load(db_, docid);
    if (doc) resources_->documents->insert(docid, doc);
  }
  return doc;
}

std::vector<Searcher::RankedDoc> Searcher::ranked_docs(const Xapian::MSet& mset) {
  std::vector<RankedDoc> out;
  out.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back({*it, it.get_weight()});
  return out;
}

void Searcher::add_proximity(std::vector<RankedDoc>& ranking, const Xapian::Query& proximity) {
  std::vector<Xapian::docid> candidates;
  for (const RankedDoc& r : ranking) candidates.push_back(r.docid);
  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, proximity,
                                  Xapian::Query((new CandidateSource(std::move(candidates)))->release())));
  enquire.set_weighting_scheme(bm25(options_));
  std::unordered_map<Xapian::docid, double> bonus;
  const Xapian::MSet near = enquire.get_mset(0, static_cast<Xapian::doccount>(ranking.size()));
  for (auto it = near.begin(); it != near.end(); ++it) bonus[*it] = it.get_weight();
  if (bonus.empty()) return;
  for (RankedDoc& r : ranking) {
    if (auto b = bonus.find(r.docid); b != bonus.end()) r.weight += b->second;
  }
  // Stable: equal weights keep the order of the ranking without the bonus.
  std::stable_sort(ranking.begin(), ranking.end(), [](const RankedDoc& a, const RankedDoc& b) { return a.weight > b.weight; });
}

std::vector<SearchHit> Searcher::evidence_hits(const std::vector<RankedDoc>& top, const AnswerEvidence& evidence) {
  std::vector<SearchHit> out;
  for (auto it = top.begin(); it != top.end() && out.size() < kCoverageHits; ++it) {
    std::shared_ptr<const HitDocument> doc = hit_document(it->docid);
    if (!doc) continue;
    SearchHit hit;
    static_cast<ArticleHeader&>(hit) = *doc;
    hit.score = it->weight;
    hit.coverage = evidence.coverage(*doc);
    hit.evidence = evidence.weighted_coverage(*doc);
    out.push_back(std::move(hit));
  }
  return out;
}

Xapian::Query Searcher::feedback_terms(Xapian::Enquire& enquire) const {
  const auto docs = static_cast<Xapian::doccount>(options_.prf_docs);
  Xapian::MSet top = enquire.get_mset(0, docs);
  if (top.empty()) return {};
  Xapian::RSet rset;
  for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
  // Only analysed body terms: ids, filters and exact forms are no evidence of topic.
  struct BodyTerms : Xapian::ExpandDecider {
    bool operator()(const std::string& term) const override {
      const std::string_view body = schema::kBodyPrefix;
      return term.size() > body.size() && term.compare(0, body.size(), body) == 0;
    }
  } body_only;
  Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(options_.prf_terms), rset, &body_only);
  std::vector<Xapian::Query> terms;
  for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::optional<nlohmann::json> Searcher::article(const std::string& id) {
  for (int attempt = 0;; ++attempt) {
    try {
      const std::string term = schema::kIdPrefix + id;
      auto p = db_.postlist_begin(term);
      if (p == db_.postlist_end(term)) return std::nullopt;
      auto j = nlohmann::json::parse(db_.get_document(*p).get_data(), nullptr, false);
      if (j.is_discarded()) return std::nullopt;
      return j;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxRetries) throw;
      reopen();
    } catch (const Xapian::DocNotFoundError&) {
      // The id's posting named a document this revision does not hold: seen once under
      // load during a full reindex with edits committing, i.e. the posting and the
      // document were read across a commit. Read both again on the newest revision.
      if (attempt >= kMaxRetries) throw;
      reopen();
    }
  }
}

SearchResult Searcher::search(const SearchRequest& request) {
  const std::string key = cache_key(request);
  // A writer that has committed twice since we opened makes old blocks disappear;
  // reopening and running the query again is the documented remedy.
  for (int attempt = 0;; ++attempt) {
    try {
      // The cache belongs to the revision this Searcher reads, so a hit is what run()
      // would return.
      if (auto cached = resources_->results->find(key)) return *cached;
      auto result = std::make_shared<const SearchResult>(run(request));
      resources_->results->insert(key, result);
      return *result;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxRetries) throw;
      reopen();
    }
  }
}

SearchResult Searcher::run(const SearchRequest& request) {
  SearchResult result;
  result.query = request.query;
  result.weak = true;  // until a hit answers enough of the query
  BuiltQuery built = builder_.build(request.query, {&db_, &resources_->vocabulary, &resources_->synonyms});
  result.words = built.words;
  result.corrected = built.corrected;
  if (built.query.empty()) return result;

  std::vector<Xapian::Query> filters;
  if (!request.categories.empty()) filters.push_back(filter_terms(request.categories, schema::kCategoryPrefix));
  if (!request.units.empty()) filters.push_back(filter_terms(request.units, schema::kUnitPrefix));
  if (!request.kinds.empty()) filters.push_back(filter_terms(request.kinds, schema::kKindPrefix));
  auto filtered = [&](const Xapian::Query& q) {
    if (filters.empty()) return q;
    return Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
  };

  Xapian::Enquire enquire(db_);
  enquire.set_query(filtered(built.query));
  enquire.set_weighting_scheme(bm25(options_));
  // The feedback runs its own match first, on the query as typed.
  if (options_.prf_weight > 0) {
    Xapian::Query expansion = feedback_terms(enquire);
    if (!expansion.empty()) {
      enquire.set_query(filtered(Xapian::Query(
          Xapian::Query::OP_OR, built.query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, expansion, options_.prf_weight))));
    }
  }
  // The proximity bonus reads position lists: computed for every match it took most of a
  // query's time (and grew with the index). Unless proximity_depth is 0, the ranking
  // without it picks that many candidates, the bonus is computed for them alone
  // (add_proximity) and they are sorted again; the match count and facets do not change.
  const auto depth = static_cast<Xapian::doccount>(options_.proximity_depth);
  const bool rerank = !built.proximity.empty() && depth > 0;
  if (!built.proximity.empty() && !rerank) {
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, enquire.get_query(), built.proximity));
  }
  // The page, the candidates for the proximity bonus and the best hits come from one
  // ranking; the facets count the best facet_depth matches (a MatchSpy would have to see
  // every match, which stops Xapian terminating early).
  const auto offset = static_cast<Xapian::doccount>(request.offset);
  const auto limit = static_cast<Xapian::doccount>(request.limit);
  const auto facet_depth = options_.facet_depth > 0 ? static_cast<Xapian::doccount>(options_.facet_depth) : db_.get_doccount();
  Xapian::doccount wanted = std::max<Xapian::doccount>(offset + limit, kCoverageHits);
  if (rerank) wanted = std::max(wanted, depth);
  const auto candidate_depth = static_cast<Xapian::doccount>(options_.candidate_depth);
  const bool two_phase = candidate_depth > 0 && !built.candidates.empty() && options_.prf_weight <= 0;
  Xapian::MSet first;             // the whole query's ranking
  std::vector<Xapian::docid> counted;  // what the facets count
  bool ranked = false;
  if (two_phase) {
    // Two-phase ranking (RankingOptions::candidate_depth): the candidate query picks the
    // articles, and the whole query ranks only those (CandidateSource), with the weights
    // it gives them over the whole index. The match set, its size and the facets are the
    // first phase's: articles that share only a short stem or an exact form with the query
    // would rank below nearly every candidate (top 10 as one phase's on 99.8% of queries).
    Xapian::Enquire candidates(db_);
    candidates.set_query(filtered(built.candidates));
    candidates.set_weighting_scheme(bm25(options_));
    const Xapian::doccount picked = std::max(candidate_depth, wanted);
    const Xapian::MSet matches =
        candidates.get_mset(0, request.facets ? std::max(picked, facet_depth) : picked, offset + limit + 1);
    // When no article shares a lemma or a stem with the query, the whole query still
    // answers with what its short stems and synonyms reach, as one phase.
    if (!matches.empty()) {
      result.total = matches.get_matches_estimated();
      result.total_exact = matches.get_matches_lower_bound() == matches.get_matches_upper_bound();
      std::vector<Xapian::docid> best;
      for (auto it = matches.begin(); it != matches.end(); ++it) {
        if (best.size() < picked) best.push_back(*it);
        if (request.facets && counted.size() < facet_depth) counted.push_back(*it);
      }
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, enquire.get_query(),
                                      Xapian::Query((new CandidateSource(std::move(best)))->release())));
      first = enquire.get_mset(0, wanted);
      ranked = true;
    }
  }
  if (!ranked) {
    first = enquire.get_mset(0, request.facets ? std::max(wanted, facet_depth) : wanted, offset + limit + 1);
    result.total = first.get_matches_estimated();
    result.total_exact = first.get_matches_lower_bound() == first.get_matches_upper_bound();
    if (request.facets) {
      for (auto it = first.begin(); it != first.end() && counted.size() < facet_depth; ++it) counted.push_back(*it);
    }
  }
  std::vector<RankedDoc> ranking = ranked_docs(first);
  if (rerank) {
    // The candidates: proximity_depth hits, or the whole page when it reaches further. The
    // bonus only raises weights, so the re-sorted head stays ahead of the rest.
    const std::size_t candidates = std::max<std::size_t>(depth, offset + limit);
    std::vector<RankedDoc> head(ranking.begin(), ranking.begin() + std::min(candidates, ranking.size()));
    add_proximity(head, built.proximity);
    std::copy(head.begin(), head.end(), ranking.begin());
  }
  auto slice = [&ranking](std::size_t from, std::size_t n) {
    from = std::min(from, ranking.size());
    return std::vector<RankedDoc>(ranking.begin() + from, ranking.begin() + std::min(from + n, ranking.size()));
  };
  const std::vector<RankedDoc> page = slice(offset, limit), best = slice(0, kCoverageHits);
  if (request.facets) {
    result.facets_counted = counted.size();
    result.facets = resources_->facets.count(counted);
  }
  for (const RankedDoc& r : page) {
    std::shared_ptr<const HitDocument> doc = hit_document(r.docid);
    if (!doc) continue;
    SearchHit hit;
    static_cast<ArticleHeader&>(hit) = *doc;
    hit.score = r.weight;
    if (request.snippets) {
      hit.snippet = make_snippet(doc->body_text, doc->body_tokens, doc->body_start,
                                 body_matches(db_, r.docid, *doc, built.words), {});
    }
    result.hits.push_back(std::move(hit));
  }
  // The ranking's best hits, whatever page was asked for: routing and the answer
  // confidence weigh them, so a later page answers with the same hint.
  const AnswerEvidence evidence(built, db_.get_doccount(), first);
  result.best = evidence_hits(best, evidence);
  result.answer_confidence = result.best.empty() ? 0 : result.best.front().evidence;
  result.weak = result.answer_confidence < options_.min_answer_confidence;
  return result;
}

}  // namespace wiedza
