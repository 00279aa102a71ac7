// wiedza: index, search and analyse a Polish city-services knowledge base.
#include <cstdlib>
#include <iostream>

#include <xapian.h>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // Xapian keeps a writer's changes in memory until this many documents (default 10,000),
  // and its inverter slows down as it grows: an incremental run that rewrites thousands of
  // articles takes half the time flushing every 1,000 (benchmarks/RESULTS.md, "Scale").
  // Set before any thread starts; a value in the environment wins.
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "1000", 0);
  CLI::App app{"wiedza: search engine for a city contact centre's Polish knowledge base"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "wiedza 0.1.0 (Xapian " + std::string(Xapian::version_string()) + ")");
  int exit_code = wiedza::cli::kExitOk;
  wiedza::cli::register_index_command(app, exit_code);
  wiedza::cli::register_search_command(app, exit_code);
  wiedza::cli::register_analyze_command(app, exit_code);
  wiedza::cli::register_eval_command(app, exit_code);
  wiedza::cli::register_serve_command(app, exit_code);
  wiedza::cli::register_report_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "wiedza: error: " << e.what() << "\n";
    return wiedza::cli::kExitFailure;
  }
  return exit_code;
}
