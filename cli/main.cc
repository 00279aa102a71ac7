// wiedza: index, search and analyse a Polish city-services knowledge base.
#include <iostream>

#include <xapian.h>

#include "cli/commands.h"

int main(int argc, char** argv) {
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
