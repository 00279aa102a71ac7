// `wiedza search --db DB [--json | --jsonl] QUERY...`
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "cli/commands.h"
#include "search/answer.h"
#include "search/search_json.h"
#include "search/searcher.h"

namespace wiedza::cli {
namespace {

struct SearchOptions {
  std::string db_path;
  std::vector<std::string> words;
  std::size_t limit = 10;
  std::size_t offset = 0;
  bool json = false;
  bool jsonl = false;
  std::string color = "auto";
  std::vector<std::string> categories, units, kinds;
  std::vector<std::string> ranking;
};

std::string join(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

SearchRequest make_request(const SearchOptions& o, std::string query) {
  SearchRequest r;
  r.query = std::move(query);
  r.limit = o.limit;
  r.offset = o.offset;
  r.categories = o.categories;
  r.units = o.units;
  r.kinds = o.kinds;
  return r;
}

void print_text(const Answer& answer, const Directory& directory, bool color) {
  const SearchResult& result = answer.result;
  const std::string bold = color ? "\033[1m" : "", dim = color ? "\033[2m" : "", reset = color ? "\033[0m" : "";
  const std::string mark_open = color ? "\033[1;33m" : "[", mark_close = color ? "\033[0m" : "]";
  std::cout << result.total << " result(s) for \"" << result.query << "\"\n";
  if (result.corrected) std::cout << "did you mean: " << *result.corrected << "\n";
  int rank = 1;
  for (const SearchHit& hit : result.hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", hit.score);
    std::cout << "\n" << rank++ << ". " << bold << hit.title << reset << "  " << dim << hit.id << "  " << score << reset
              << "\n   " << render_snippet(hit.snippet, mark_open, mark_close) << "\n";
  }
  char confidence[32];
  std::snprintf(confidence, sizeof confidence, "%.2f", result.answer_confidence);
  std::cout << "\nanswer confidence " << confidence << (result.weak ? " (weak: not in the base)" : "") << "\n";
  if (answer.routing) {
    const Unit* unit = directory.unit(answer.routing->unit);
    std::snprintf(confidence, sizeof confidence, "%.0f%%", answer.routing->confidence * 100);
    std::cout << "routing: " << (unit != nullptr ? unit->name : answer.routing->unit) << " (" << answer.routing->unit
              << "), confidence " << confidence << "\n  " << answer.routing->reason << "\n";
    if (unit != nullptr && unit->opening_hours) {
      std::cout << "  now: " << open_status(*unit->opening_hours, warsaw_time(std::chrono::system_clock::now())).text
                << "\n";
    }
  } else {
    std::cout << "routing: none" << (answer.contact_unit.empty() ? "" : "; contact " + answer.contact_unit) << "\n";
  }
}

// The --json shape: the API's fields that do not depend on the server.
nlohmann::json answer_json(const Answer& answer, const Directory& directory) {
  const SearchResult& result = answer.result;
  nlohmann::json results = nlohmann::json::array();
  for (const SearchHit& hit : result.hits) results.push_back(hit_to_json(hit));
  return {{"query", result.query},
          {"corrected", result.corrected ? nlohmann::json(*result.corrected) : nlohmann::json(nullptr)},
          {"total", result.total},
          {"answer_confidence", round3(result.answer_confidence)},
          {"weak", result.weak},
          {"results", std::move(results)},
          {"routing", answer.routing ? routing_to_json(*answer.routing, directory,
                                                       warsaw_time(std::chrono::system_clock::now()))
                                     : nlohmann::json()}};
}

int run_batch(Searcher& searcher, const SearchOptions& o) {
  std::string line;
  int status = kExitOk;
  std::size_t line_no = 0;
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json out;
    auto in = nlohmann::json::parse(line, nullptr, false);
    if (in.is_discarded() || !in.is_object() || !in.contains("query") || !in["query"].is_string()) {
      out = {{"id", in.is_object() && in.contains("id") ? in["id"] : nullptr},
             {"error", "line " + std::to_string(line_no) + ": expected a JSON object with a string \"query\""}};
      status = kExitInvalidInput;
    } else {
      out = answer_json(answer(searcher, make_request(o, in["query"].get<std::string>())), searcher.directory());
      out["id"] = in.contains("id") ? in["id"] : nullptr;
    }
    std::cout << out.dump() << "\n";
  }
  return status;
}

int run_search(const SearchOptions& o) {
  if (!o.jsonl && o.words.empty()) {
    std::cerr << "error: give a QUERY, or --jsonl to read queries from standard input\n";
    return kExitFailure;
  }
  std::unique_ptr<Searcher> searcher = open_searcher(o.db_path, o.ranking);
  if (!searcher) return kExitFailure;
  if (o.jsonl) return run_batch(*searcher, o);

  const Answer a = answer(*searcher, make_request(o, join(o.words)));
  if (o.json) {
    std::cout << answer_json(a, searcher->directory()).dump(2) << "\n";
  } else {
    bool color = o.color == "always" || (o.color == "auto" && isatty(STDOUT_FILENO));
    print_text(a, searcher->directory(), color);
  }
  return kExitOk;
}

}  // namespace

void register_search_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<SearchOptions>();
  CLI::App* cmd = app.add_subcommand("search", "Search an index from the command line");
  cmd->add_option("query", o->words, "Query words (quote a phrase: '\"dowód osobisty\"')");
  cmd->add_option("--db", o->db_path, "Database directory")->required();
  cmd->add_option("--limit", o->limit, "Number of results (1-100)")->check(CLI::Range(1, 100));
  cmd->add_option("--offset", o->offset, "Skip this many results")->check(CLI::NonNegativeNumber);
  cmd->add_option("--category", o->categories, "Only this category (repeatable)");
  cmd->add_option("--unit", o->units, "Only this unit (repeatable)");
  cmd->add_option("--kind", o->kinds, "Only this kind: informacja, sprawa, interwencja (repeatable)")
      ->check(CLI::IsMember({"informacja", "sprawa", "interwencja"}));
  auto json = cmd->add_flag("--json", o->json, "Print results as one JSON object");
  cmd->add_flag("--jsonl", o->jsonl,
                "Batch mode: read {\"id\",\"query\"} lines from stdin, write one result line per query")
      ->excludes(json);
  cmd->add_option("--rank", o->ranking, "Override a ranking option, NAME=VALUE (repeatable; see docs/ranking.md)");
  cmd->add_option("--color", o->color, "Highlight colour: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->callback([o, &exit_code] { exit_code = run_search(*o); });
}

}  // namespace wiedza::cli
