// `wiedza report --db DB [--state FILE] [--days 7] [--json] [--limit 20]`: the editors'
// content-gaps report (server/content_gap_report.h) from the state file a server wrote.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "server/content_gap_report.h"
#include "server/server_config.h"

namespace wiedza::cli {
namespace {

struct ReportCommandOptions {
  std::string db_path;
  std::string state_path;
  int days = 7;
  std::size_t limit = 20;
  bool json = false;
};

std::string with_variants(const server::QueryGroup& g) {
  std::string s = "\"" + g.label + "\"";
  if (g.variants.empty()) return s;
  s += " (also:";
  for (std::size_t i = 0; i < g.variants.size(); ++i) s += (i ? ", \"" : " \"") + g.variants[i] + "\"";
  return s + ")";
}

std::string percent(std::int64_t part, std::int64_t whole) {
  return std::to_string(whole > 0 ? (part * 100 + whole / 2) / whole : 0) + "%";
}

void heading(const std::string& title, std::size_t shown, std::size_t total) {
  std::cout << "\n" << title << " (" << total << (shown < total ? ", first " + std::to_string(shown) : "") << ")\n";
  if (total == 0) std::cout << "  none\n";
}

void print_text(const server::ContentGapReport& r) {
  const nlohmann::json j = server::to_json(r);
  std::cout << "Content gaps " << j["from"].get<std::string>() << " to " << j["to"].get<std::string>() << " ("
            << r.days << " days): " << r.searches << " searches, " << r.searches_without_results
            << " without results, " << r.query_groups << " distinct questions\n";

  heading("Top queries", r.top_queries.size(), static_cast<std::size_t>(r.query_groups));
  for (const auto& g : r.top_queries) {
    std::cout << "  " << g.searches << " x " << with_variants(g) << ", no results " << percent(g.no_results, g.searches)
              << "\n";
  }
  heading("Queries with no results", r.no_results.size(), r.no_results_total);
  for (const auto& g : r.no_results) std::cout << "  " << g.no_results << " x " << with_variants(g) << "\n";
  heading("Queries whose results were never opened", r.never_opened.size(), r.never_opened_total);
  for (const auto& g : r.never_opened) std::cout << "  " << g.with_results << " x " << with_variants(g) << "\n";
  heading("Articles marked unhelpful", r.unhelpful.size(), r.unhelpful_total);
  for (const auto& a : r.unhelpful) {
    std::cout << "  " << a.id << " \"" << a.title.value_or("(no longer in the index)") << "\": " << a.unhelpful
              << " unhelpful, " << a.helpful << " helpful, " << a.opens << " opened\n";
  }
  heading("Articles not updated since " + r.stale_before, r.stale.size(), r.stale_total);
  for (const auto& a : r.stale) std::cout << "  " << a.updated << "  " << a.id << " \"" << a.title << "\"\n";
  heading("Articles without an 'updated' date", r.undated.size(), r.undated_total);
  for (const auto& a : r.undated) std::cout << "  " << a.id << " \"" << a.title << "\"\n";
}

int run_report(const ReportCommandOptions& o) {
  server::ServerConfig config;
  config.db_path = o.db_path;
  config.state_path = o.state_path;
  const std::string state = server::state_file(config);
  // Opening would create an empty file; a wrong path deserves an error instead.
  if (!std::filesystem::is_regular_file(state)) {
    std::cerr << "error: state file " << state
              << " does not exist: run `wiedza serve` to record searches, or give its --state FILE\n";
    return kExitFailure;
  }
  try {
    server::ReportOptions options;
    options.days = o.days;
    options.limit = o.limit;
    options.now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    server::AnalyticsStore store(state);
    const server::ReportInput input = server::read_report_input(store, o.db_path, options);
    analysis::Analyzer analyzer;
    const server::ContentGapReport report = server::build_content_gap_report(input, analyzer, options);
    if (o.json) {
      std::cout << server::to_json(report).dump(2) << "\n";
    } else {
      print_text(report);
    }
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void register_report_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ReportCommandOptions>();
  CLI::App* cmd = app.add_subcommand("report", "Content gaps: what people searched for and did not find");
  cmd->add_option("--db", o->db_path, "Database directory (for the articles' update dates)")->required();
  cmd->add_option("--state", o->state_path, "SQLite state file of the server (default <db>.state.sqlite)");
  cmd->add_option("--days", o->days, "Period: the last N days (1-365, default 7)")
      ->check(CLI::Range(1, server::kMaxReportDays));
  cmd->add_option("--limit", o->limit, "Rows per list (1-1000, default 20)")->check(CLI::Range(1, 1000));
  cmd->add_flag("--json", o->json, "Print the report as JSON (the shape of GET /api/admin/report)");
  cmd->callback([o, &exit_code] { exit_code = run_report(*o); });
}

}  // namespace wiedza::cli
