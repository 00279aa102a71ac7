#include <iostream>

#include "cli/commands.h"

namespace wiedza::cli {

std::unique_ptr<Searcher> open_searcher(const std::string& db_path, const std::vector<std::string>& ranking) {
  try {
    RankingOptions options;
    for (const std::string& assignment : ranking) options.set(assignment);
    return std::make_unique<Searcher>(db_path, analysis::default_dictionary_dir(), options);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return nullptr;
  }
}

}  // namespace wiedza::cli
