#include "search/searcher.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "search/answer_evidence.h"
#include "search/schema.h"

namespace wiedza {
namespace {

// How often a read is retried after DatabaseModifiedError (a writer committed twice while
// it ran). Each retry reopens onto the newest revision, so more than a few in a row means
// a writer committing continuously.
constexpr int kMaxRetries = 5;

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
std::map<Xapian::termpos, int> body_matches(const Xapian::Database& db, Xapian::docid docid,
                                            const std::vector<QueryWord>& words, Xapian::termpos body_start) {
  std::map<Xapian::termpos, int> out;
  auto collect = [&](const std::string& term, int word) {
    for (auto p = db.positionlist_begin(docid, term); p != db.positionlist_end(docid, term); ++p) {
      if (*p >= body_start) out.emplace(*p, word);
    }
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    const QueryWord& w = words[i];
    if (w.stop && !w.in_phrase) continue;
    for (const std::string& alt : w.alternatives) collect(schema::prefix(schema::Field::kBody) + alt, static_cast<int>(i));
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

}  // namespace

Searcher::Searcher(const std::string& db_path, const std::string& dict_dir, RankingOptions options,
                   std::shared_ptr<ResourceCache> cache)
    : db_path_(db_path), db_(open_database(db_path)), analyzer_(dict_dir), builder_(analyzer_, options),
      options_(options), cache_(cache ? std::move(cache) : std::make_shared<ResourceCache>()) {
  load_resources();
}

void Searcher::load_resources() { resources_ = cache_->get(db_, analyzer_); }

void Searcher::reopen() {
  // Building the per-revision resources reads the whole vocabulary; a writer committing
  // twice meanwhile discards blocks under it. Reopen onto the newer revision and rebuild.
  for (int attempt = 0;; ++attempt) {
    try {
      db_.reopen();
      if (db_.get_revision() != resources_->revision) load_resources();
      return;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxRetries) throw;
    }
  }
}

Xapian::rev Searcher::revision() const { return db_.get_revision(); }

Xapian::doccount Searcher::document_count() const { return db_.get_doccount(); }

std::shared_ptr<const HitDocument> Searcher::hit_document(Xapian::docid docid) {
  std::shared_ptr<const HitDocument> doc = resources_->documents->find(docid);
  if (!doc) {
    doc = HitDocument::load(db_, docid);
    if (doc) resources_->documents->insert(docid, doc);
  }
  return doc;
}

std::vector<SearchHit> Searcher::evidence_hits(const Xapian::MSet& top, const AnswerEvidence& evidence) {
  std::vector<SearchHit> out;
  for (auto it = top.begin(); it != top.end() && out.size() < kCoverageHits; ++it) {
    std::shared_ptr<const HitDocument> doc = hit_document(*it);
    if (!doc) continue;
    SearchHit hit;
    static_cast<ArticleHeader&>(hit) = *doc;
    hit.score = it.get_weight();
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
      return term.size() > 1 && term[0] == schema::prefix(schema::Field::kBody)[0];
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
  enquire.set_weighting_scheme(Xapian::BM25Weight(options_.bm25_k1, 0, 1, options_.bm25_b, 0.5));
  // Before the match spies are attached: the feedback's own match must not be counted.
  if (options_.prf_weight > 0) {
    Xapian::Query expansion = feedback_terms(enquire);
    if (!expansion.empty()) {
      enquire.set_query(filtered(Xapian::Query(
          Xapian::Query::OP_OR, built.query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, expansion, options_.prf_weight))));
    }
  }
  struct Facet {
    const char* name;
    Xapian::valueno slot;
  };
  static constexpr Facet kFacets[] = {
      {"category", schema::kSlotCategory}, {"unit", schema::kSlotUnit}, {"kind", schema::kSlotKind}};
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  auto check_at_least = static_cast<Xapian::doccount>(request.offset + request.limit + 1);
  if (request.facets) {
    for (const Facet& f : kFacets) {
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(f.slot));
      enquire.add_matchspy(spies.back().get());
    }
    check_at_least = db_.get_doccount();  // every match must be seen to be counted
  }
  Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                       static_cast<Xapian::doccount>(request.limit), check_at_least);
  result.total = mset.get_matches_estimated();
  for (std::size_t i = 0; i < spies.size(); ++i) {
    auto& counts = result.facets[kFacets[i].name];
    for (auto v = spies[i]->top_values_begin(100); v != spies[i]->top_values_end(100); ++v) {
      if (!(*v).empty()) counts.push_back({*v, v.get_termfreq()});
    }
  }
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    std::shared_ptr<const HitDocument> doc = hit_document(*it);
    if (!doc) continue;
    SearchHit hit;
    static_cast<ArticleHeader&>(hit) = *doc;
    hit.score = it.get_weight();
    if (request.snippets) {
      hit.snippet = make_snippet(doc->body_text, doc->body_tokens, doc->body_start,
                                 body_matches(db_, *it, built.words, doc->body_start), {});
    }
    result.hits.push_back(std::move(hit));
  }
  // The ranking's best hits, whatever page was asked for: routing and the answer
  // confidence weigh them, so a later page answers with the same hint. The first page
  // usually holds them already; otherwise Xapian runs the (warm) match once more.
  const AnswerEvidence evidence(built, db_);
  const bool page_has_best = request.offset == 0 && request.limit >= kCoverageHits;
  result.best = evidence_hits(page_has_best ? mset : enquire.get_mset(0, kCoverageHits), evidence);
  result.answer_confidence = result.best.empty() ? 0 : result.best.front().evidence;
  result.weak = result.answer_confidence < options_.min_answer_confidence;
  return result;
}

}  // namespace wiedza
