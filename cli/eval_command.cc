// `wiedza eval --db DB QUERIES.jsonl [--json]`: relevance on a judged query set.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "search/evaluation/evaluator.h"

namespace wiedza::cli {
namespace {

struct EvalOptions {
  std::string db_path;
  std::string queries;
  bool json = false;
  std::size_t worst = 15;
  std::vector<std::string> ranking;
};

void print_row(const std::string& name, const evaluation::Aggregate& a) {
  std::printf("%-14s %5zu %5zu   %.4f  %.4f  %.4f  %.4f   %.3f     %.3f  %.3f         %.3f       %.3f      %.3f\n",
              name.c_str(), a.queries, a.in_scope, a.ndcg10, a.mrr10, a.recall10, a.recall50, a.no_result_rate,
              a.weak_rate, a.out_of_scope_answered, a.out_of_scope_routed, a.lost_hint_rate, a.routing_accuracy);
}

int run_eval(const EvalOptions& o) {
  ValidationErrors errors;
  auto queries = evaluation::read_judged_queries(o.queries, errors);
  for (const auto& e : errors) std::cerr << "error: " << e.to_string() << "\n";
  if (queries.empty()) {
    std::cerr << "error: no usable queries in " << o.queries << "\n";
    return kExitFailure;
  }
  std::unique_ptr<Searcher> searcher = open_searcher(o.db_path, o.ranking);
  if (!searcher) return kExitFailure;
  evaluation::EvaluationReport report = evaluation::evaluate(*searcher, queries);
  if (o.json) {
    std::cout << report.to_json(o.worst).dump(2) << "\n";
  } else {
    std::printf("%-14s %5s %5s   %-6s  %-6s  %-6s  %-6s   %-8s  %-5s  %-12s  %-9s  %-9s  %s\n", "style", "n",
                "judged", "nDCG@10", "MRR@10", "R@10", "R@50", "no-result", "weak", "oos-answered", "oos-routed",
                "lost-hint", "routing@1");
    print_row("overall", report.overall);
    for (const auto& [style, a] : report.by_style) print_row(style, a);
    std::printf("\nrouting confidence calibration (expected calibration error %.3f):\n",
                report.expected_calibration_error);
    for (const auto& b : report.calibration) {
      if (b.count == 0) continue;
      std::printf("  confidence %.1f-%.1f: %3zu hints, mean confidence %.2f, accuracy %.2f\n", b.low, b.high, b.count,
                  b.mean_confidence, b.accuracy);
    }
    std::printf("\nworst queries:\n");
    for (const auto* w : report.worst(o.worst)) {
      std::string expected, got;
      for (const auto& [id, g] : w->query->relevant) expected += id + "(" + std::to_string(g) + ") ";
      for (std::size_t i = 0; i < std::min<std::size_t>(3, w->ranked.size()); ++i) got += w->ranked[i] + " ";
      std::printf("  %.3f  %-8s %-13s \"%s\"\n         expected: %s unit %s\n         got:      %s unit %s\n",
                  w->ndcg10, w->query->id.c_str(), w->query->style.c_str(), w->query->query.c_str(), expected.c_str(),
                  w->query->unit.value_or("-").c_str(), got.c_str(), w->routed_unit.c_str());
    }
  }
  return errors.empty() ? kExitOk : kExitInvalidInput;
}

}  // namespace

void register_eval_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand("eval", "Measure relevance on a judged query set (nDCG@10, MRR@10, recall)");
  cmd->add_option("queries", o->queries, "Judged queries, JSONL (corpus/queries/dev.jsonl format)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--db", o->db_path, "Database directory")->required();
  cmd->add_flag("--json", o->json, "Print the report as one JSON object");
  cmd->add_option("--worst", o->worst, "How many of the worst queries to list");
  cmd->add_option("--rank", o->ranking, "Override a ranking option, NAME=VALUE (repeatable; see docs/ranking.md)");
  cmd->callback([o, &exit_code] { exit_code = run_eval(*o); });
}

}  // namespace wiedza::cli
