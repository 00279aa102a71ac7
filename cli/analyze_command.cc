// `wiedza analyze TEXT...`: shows how the analyser sees text, so editors and developers
// can tell why something does or does not match.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "search/analysis/analyzer.h"
#include "search/schema.h"

namespace wiedza::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> words;
  bool json = false;
};

std::string join(const std::vector<std::string>& v, const std::string& sep = " ") {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

nlohmann::json token_json(analysis::Analyzer& analyzer, const analysis::AnalyzedToken& t) {
  std::vector<std::string> index_terms = t.terms;
  for (const auto& p : t.parts) index_terms.insert(index_terms.end(), p.terms.begin(), p.terms.end());
  nlohmann::json j = {{"token", t.surface},
                      {"position", t.position},
                      {"normalized", t.normalized},
                      {"folded", t.folded},
                      {"stop_word", t.stop},
                      {"lemmas", t.lemmas},
                      {"index_terms", index_terms},
                      {"exact_term", schema::kExactPrefix + t.folded},
                      {"query_terms", analyzer.query_terms(t)}};
  if (!t.parts.empty()) {
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& p : t.parts) parts.push_back(token_json(analyzer, p));
    j["parts"] = parts;
  }
  return j;
}

int run_analyze(const AnalyzeOptions& o) {
  analysis::Analyzer analyzer;
  analysis::Analysis a = analyzer.analyze(join(o.words));
  nlohmann::json tokens = nlohmann::json::array();
  for (const auto& t : a.tokens) tokens.push_back(token_json(analyzer, t));
  if (o.json) {
    std::cout << nlohmann::json{{"text", a.text}, {"tokens", tokens}}.dump(2) << "\n";
    return kExitOk;
  }
  for (const auto& t : tokens) {
    std::cout << t["token"].get<std::string>() << "\n"
              << "  normalized:  " << t["normalized"].get<std::string>() << "\n"
              << "  lemmas:      " << (t["stop_word"].get<bool>() ? "(stop word)" : join(t["lemmas"])) << "\n"
              << "  folded:      " << t["folded"].get<std::string>() << "\n"
              << "  index terms: " << join(t["index_terms"]) << "  + exact " << t["exact_term"].get<std::string>()
              << "\n"
              << "  query terms: " << join(t["query_terms"]) << "\n";
  }
  return kExitOk;
}

}  // namespace

void register_analyze_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand("analyze", "Show how Polish text is tokenised, lemmatised and folded");
  cmd->add_option("text", o->words, "Text to analyse")->required();
  cmd->add_flag("--json", o->json, "Print the analysis as JSON");
  cmd->callback([o, &exit_code] { exit_code = run_analyze(*o); });
}

}  // namespace wiedza::cli
