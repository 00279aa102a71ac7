// Synonyms: the everyday words residents use for official terms ("śmieci" / "odpady",
// "meldunek" / "zameldowanie") and abbreviations ("mpk => miejskie przedsiębiorstwo
// komunikacyjne"). The file format is in docs/corpus-format.md. Rules are stored in the
// index metadata at index time and compiled through the Analyzer at query time, so every
// inflected form of a synonym matches ("śmieciach" finds articles about "odpady").
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/analysis/analyzer.h"
#include "search/validation_error.h"

namespace wiedza {

// One directed rule: text matching `from` may also be found as `to`.
struct SynonymRule {
  std::string from;
  std::string to;
};

// Parses synonyms.txt. Bad lines are reported with their line number and skipped.
std::vector<SynonymRule> parse_synonyms(const std::string& text, const std::string& file, ValidationErrors& errors);

nlohmann::json synonyms_to_json(const std::vector<SynonymRule>& rules);
std::vector<SynonymRule> synonyms_from_json(const nlohmann::json& j);

// A phrase as the query builder matches it: one set of analysed terms per content word.
using AnalysedPhrase = std::vector<std::vector<std::string>>;

// Rules compiled through the analyser. Immutable after construction.
class SynonymTable {
 public:
  SynonymTable() = default;
  SynonymTable(const std::vector<SynonymRule>& rules, analysis::Analyzer& analyzer);

  struct Match {
    std::size_t first_word;  // index into the content words given to match()
    std::size_t length;      // words covered
    const AnalysedPhrase* expansion;
  };
  // Every rule whose `from` phrase matches a run of the given content words (each word
  // given as its query terms).
  std::vector<Match> match(const std::vector<std::vector<std::string>>& words) const;
  std::size_t size() const { return rules_.size(); }

 private:
  struct Compiled {
    AnalysedPhrase from;
    AnalysedPhrase to;
  };
  std::vector<Compiled> rules_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_term_;
};

}  // namespace wiedza
