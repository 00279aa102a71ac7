// wiedza_edit_bench: the editors' numbers, over HTTP against the real server in-process.
//   wiedza_edit_bench CORPUS [--edits 200] [--queries corpus/queries/dev.jsonl]
// 1. Time from PUT /api/articles/{id} to the new text being found by /api/search
//    (p50/p99 over --edits edits).
// 2. /api/search latency while idle versus during full reindexes (every article changed
//    on disk, then POST /api/reindex).
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>
#include <httplib.h>

#include "benchmarks/latency.h"
#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "server/http_server.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
constexpr const char* kToken = "benchmark-token-0123456789";

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

void print_latency(const char* label, std::vector<double> ms) {
  if (ms.empty()) return;
  const wiedza::bench::Latency l = wiedza::bench::summarise(std::move(ms));
  std::printf("%-28s n=%-6zu p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms\n", label, l.n, l.p50, l.p99, l.max);
}

std::vector<std::string> read_queries(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("query")) out.push_back(j["query"]);
  }
  return out;
}

// Searches from `threads` clients until `stop`; returns the latencies.
std::vector<double> search_load(int port, const std::vector<std::string>& queries, int threads,
                                const std::atomic<bool>& stop) {
  std::vector<std::vector<double>> per_thread(static_cast<std::size_t>(threads));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", port);
      for (std::size_t i = static_cast<std::size_t>(t); !stop; i += static_cast<std::size_t>(threads)) {
        const auto started = Clock::now();
        auto res = c.Get("/api/search?q=" + httplib::detail::encode_query_param(queries[i % queries.size()]));
        if (!res || res->status != 200) {
          std::fprintf(stderr, "search failed\n");
          continue;
        }
        per_thread[static_cast<std::size_t>(t)].push_back(ms_since(started));
      }
    });
  }
  for (auto& w : workers) w.join();
  std::vector<double> all;
  for (auto& v : per_thread) all.insert(all.end(), v.begin(), v.end());
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"wiedza_edit_bench: edit visibility and search latency during reindex"};
  std::string corpus_dir, queries_path = "corpus/queries/dev.jsonl";
  int edits = 200, reindexes = 3;
  app.add_option("corpus", corpus_dir)->required()->check(CLI::ExistingDirectory);
  app.add_option("--edits", edits)->check(CLI::PositiveNumber);
  app.add_option("--reindexes", reindexes)->check(CLI::PositiveNumber);
  app.add_option("--queries", queries_path)->check(CLI::ExistingFile);
  CLI11_PARSE(app, argc, argv);

  const fs::path work = fs::temp_directory_path() / ("wiedza-edit-bench-" + std::to_string(getpid()));
  fs::create_directories(work);
  fs::copy(corpus_dir, work / "corpus", fs::copy_options::recursive);
  wiedza::analysis::Analyzer analyzer;
  wiedza::Corpus corpus = wiedza::read_corpus((work / "corpus").string());
  wiedza::sync_index((work / "db").string(), corpus, analyzer);
  std::ofstream(work / "tokens") << "bench " << kToken << "\n";
  ::chmod((work / "tokens").c_str(), 0600);

  wiedza::server::ServerConfig config;
  config.db_path = (work / "db").string();
  config.port = 0;
  config.threads = 4;
  config.tokens_path = (work / "tokens").string();
  config.corpus_dir = (work / "corpus").string();
  wiedza::server::HttpServer server(config);
  const int port = server.bind();
  std::thread serving([&] { server.run(); });
  httplib::Client c("127.0.0.1", port);
  const httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  std::printf("corpus: %zu articles\n", corpus.articles.size());

  // 1. PUT -> visible.
  std::vector<double> put_ms, visible_ms;
  const wiedza::Article& target = corpus.articles.front();
  for (int i = 0; i < edits; ++i) {
    // A made-up word no article contains, different for every edit.
    std::string marker = "znacznikedycji";
    for (int n = i + 1; n > 0; n /= 26) marker += static_cast<char>('a' + n % 26);
    nlohmann::json a = wiedza::to_json(target);
    a["body"] = target.body + "\n\n" + marker;
    const auto started = Clock::now();
    auto res = c.Put("/api/articles/" + target.id, auth, a.dump(), "application/json");
    if (!res || res->status != 200) {
      std::cerr << "PUT failed: " << (res ? res->body : "no response") << "\n";
      return 1;
    }
    put_ms.push_back(ms_since(started));
    while (true) {
      auto s = c.Get("/api/search?q=" + marker);
      if (s && s->body.find("\"id\":\"" + target.id + "\"") != std::string::npos) break;
      if (ms_since(started) > 10000) {
        std::cerr << "edit " << i << " not visible after 10 s\n";
        return 1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    visible_ms.push_back(ms_since(started));
  }
  print_latency("PUT response", put_ms);
  print_latency("PUT -> visible in search", visible_ms);

  // 2. Search latency idle vs during full reindexes (2 client threads).
  const auto queries = read_queries(queries_path);
  std::atomic<bool> stop{false};
  std::thread idle_timer([&] {
    std::this_thread::sleep_for(std::chrono::seconds(5));
    stop = true;
  });
  auto idle = search_load(port, queries, 2, stop);
  idle_timer.join();
  print_latency("search, idle", idle);

  std::vector<double> during;
  for (int r = 0; r < reindexes; ++r) {
    // Change every article on disk so the reindex rewrites all of them.
    for (const wiedza::Article& a : corpus.articles) {
      nlohmann::json j = wiedza::to_json(a);
      if (r % 2 == 0) j["body"] = a.body + "\n\nWersja " + std::to_string(r) + ".";
      std::ofstream(work / "corpus" / "articles" / (a.id + ".json")) << j.dump();
    }
    stop = false;
    std::thread load([&] {
      auto v = search_load(port, queries, 2, stop);
      during.insert(during.end(), v.begin(), v.end());
    });
    const auto started = Clock::now();
    auto res = c.Post("/api/reindex", auth, "", "application/json");
    const std::string job = nlohmann::json::parse(res->body)["job"];
    while (true) {
      auto st = nlohmann::json::parse(c.Get("/api/reindex/" + job, auth)->body);
      if (st["state"] == "done" || st["state"] == "failed") {
        std::printf("reindex %d: %s in %.2f s (%s)\n", r + 1, st["state"].get<std::string>().c_str(),
                    ms_since(started) / 1000.0, st["summary"].value("text", "").c_str());
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop = true;
    load.join();
  }
  print_latency("search, during reindex", during);

  server.stop();
  serving.join();
  fs::remove_all(work);
  return 0;
}
