#include "search/everyday_lexicon.h"

#include <string>

namespace wiedza {

const std::vector<SynonymRule>& everyday_lexicon() {
  static const std::vector<SynonymRule> rules = [] {
    ValidationErrors ignored;  // tests/search/everyday_lexicon_test.cc keeps the file clean
    return parse_synonyms(std::string(everyday_lexicon_text()), "everyday_pl.txt", ignored);
  }();
  return rules;
}

std::vector<SynonymRule> with_everyday_lexicon(const std::vector<SynonymRule>& corpus_rules) {
  std::vector<SynonymRule> rules = everyday_lexicon();
  rules.insert(rules.end(), corpus_rules.begin(), corpus_rules.end());
  return rules;
}

}  // namespace wiedza
