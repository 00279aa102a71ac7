// wiedza_bench: indexing throughput and in-process query latency.
//   wiedza_bench index CORPUS --db DB       full index from scratch, articles/s
//   wiedza_bench query --db DB QUERIES.jsonl [--rounds N] [--facets] [--document-cache N]
//                                            latency of Searcher::search (mean, p50, p99),
//                                            result cache off: every round runs every query
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "benchmarks/latency.h"
#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "search/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

void print_latency(const char* label, std::vector<double> ms) {
  const wiedza::bench::Latency l = wiedza::bench::summarise(std::move(ms));
  std::printf("%s latency ms: mean %.4f  p50 %.4f  p99 %.4f  max %.4f\n", label, l.mean, l.p50, l.p99, l.max);
}

int bench_index(const std::string& corpus_dir, const std::string& db) {
  std::filesystem::remove_all(db);
  auto t0 = Clock::now();
  wiedza::Corpus corpus = wiedza::read_corpus(corpus_dir);
  double read_s = seconds_since(t0);
  wiedza::analysis::Analyzer analyzer;
  auto t1 = Clock::now();
  wiedza::SyncSummary s = wiedza::sync_index(db, corpus, analyzer);
  double index_s = seconds_since(t1);
  double total_s = seconds_since(t0);
  std::printf("articles: %zu (%s)\nread+validate: %.2f s\nanalyse+write+commit: %.2f s\n", corpus.articles.size(),
              s.to_string().c_str(), read_s, index_s);
  std::printf("throughput: %.0f articles/s (end to end %.2f s)\n", static_cast<double>(corpus.articles.size()) / total_s,
              total_s);
  return 0;
}

struct QueryBenchOptions {
  int rounds = 5;
  bool snippets = true;
  bool facets = false;  // as the server asks: counts over the whole match set
  std::size_t document_cache = wiedza::CacheOptions{}.documents;
  std::vector<std::string> ranking;  // NAME=VALUE overrides, as `wiedza search --rank`
};

int bench_query(const std::string& db, const std::string& queries_file, const QueryBenchOptions& options) {
  std::vector<std::string> queries;
  std::ifstream in(queries_file);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("query")) queries.push_back(j["query"].get<std::string>());
  }
  if (queries.empty()) {
    std::cerr << "no queries in " << queries_file << "\n";
    return 2;
  }
  // Result pages are not cached: a repeated query would measure a lookup, not a search.
  auto caches = std::make_shared<wiedza::ResourceCache>(wiedza::CacheOptions{0, options.document_cache});
  wiedza::RankingOptions ranking;
  for (const std::string& assignment : options.ranking) ranking.set(assignment);
  wiedza::Searcher searcher(db, wiedza::analysis::default_dictionary_dir(), ranking, caches);
  // Warm-up round: fills the lemma cache and the OS page cache, as a running server has.
  auto request = [&](const std::string& q) {
    wiedza::SearchRequest r;
    r.query = q;
    r.snippets = options.snippets;
    r.facets = options.facets;
    return r;
  };
  for (const auto& q : queries) searcher.search(request(q));
  std::vector<double> ms;
  for (int r = 0; r < options.rounds; ++r) {
    for (const auto& q : queries) {
      auto t = Clock::now();
      searcher.search(request(q));
      ms.push_back(seconds_since(t) * 1000.0);
    }
  }
  std::printf("documents: %u, queries: %zu x %d rounds%s%s, document cache %zu\n", searcher.document_count(),
              queries.size(), options.rounds, options.snippets ? "" : " (no snippets)",
              options.facets ? " (facets)" : "", options.document_cache);
  print_latency("search", ms);
  return 0;
}

// Suggestions for every prefix a resident types (2, 4, 6… characters of each query).
int bench_suggest(const std::string& db, const std::string& queries_file, int rounds) {
  std::vector<std::string> prefixes;
  std::ifstream in(queries_file);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("query")) continue;
    const std::string q = j["query"].get<std::string>();
    for (std::size_t n = 2; n <= std::min<std::size_t>(q.size(), 16); n += 2) prefixes.push_back(q.substr(0, n));
  }
  wiedza::Searcher searcher(db);
  const wiedza::Suggester& suggester = searcher.resources().suggester;
  std::vector<double> ms;
  for (int r = 0; r < rounds; ++r) {
    for (const auto& p : prefixes) {
      auto t = Clock::now();
      auto s = suggester.suggest(p, 8);
      ms.push_back(seconds_since(t) * 1000.0);
    }
  }
  std::printf("suggester phrases: %zu, prefixes: %zu x %d rounds\n", suggester.size(), prefixes.size(), rounds);
  print_latency("suggest", ms);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"wiedza_bench: indexing and query speed"};
  app.require_subcommand(1);
  std::string corpus, db, queries;
  int rounds = 5;
  bool no_snippets = false;
  QueryBenchOptions query_options;
  auto* index = app.add_subcommand("index", "Index a corpus from scratch and report throughput");
  index->add_option("corpus", corpus)->required();
  index->add_option("--db", db)->required();
  auto* query = app.add_subcommand("query", "Report in-process search latency");
  query->add_option("queries", queries, "JSONL with a \"query\" field per line")->required();
  query->add_option("--db", db)->required();
  query->add_option("--rounds", rounds, "Passes over the query list")->check(CLI::PositiveNumber);
  query->add_flag("--no-snippets", no_snippets, "Measure ranking alone, without cutting snippets");
  query->add_flag("--facets", query_options.facets, "Count facets over the whole match set, as the server does");
  query->add_option("--document-cache", query_options.document_cache, "Articles kept parsed (0: none)");
  query->add_option("--rank", query_options.ranking, "Override a ranking option, NAME=VALUE (repeatable; docs/ranking.md)");
  auto* suggest = app.add_subcommand("suggest", "Report in-process suggestion latency");
  suggest->add_option("queries", queries, "JSONL with a \"query\" field per line")->required();
  suggest->add_option("--db", db)->required();
  suggest->add_option("--rounds", rounds, "Passes over the prefix list")->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);
  try {
    if (*index) return bench_index(corpus, db);
    if (*suggest) return bench_suggest(db, queries, rounds);
    query_options.rounds = rounds;
    query_options.snippets = !no_snippets;
    return bench_query(db, queries, query_options);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
}
