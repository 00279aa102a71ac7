#include "search/synonyms.h"

#include <algorithm>
#include <sstream>

#include "search/json_fields.h"

namespace wiedza {
namespace {

std::vector<std::string> split_terms(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, ',');) out.push_back(trim(item));
  return out;
}

AnalysedPhrase analyse_phrase(const std::string& text, analysis::Analyzer& analyzer) {
  AnalysedPhrase phrase;
  for (const analysis::AnalyzedToken& t : analyzer.analyze(text).tokens) {
    if (t.stop) continue;
    phrase.push_back(analyzer.query_terms(t));
  }
  return phrase;
}

bool intersects(const std::vector<std::string>& sorted_a, const std::vector<std::string>& sorted_b) {
  auto a = sorted_a.begin(), b = sorted_b.begin();
  while (a != sorted_a.end() && b != sorted_b.end()) {
    if (*a == *b) return true;
    if (*a < *b) {
      ++a;
    } else {
      ++b;
    }
  }
  return false;
}

}  // namespace

std::vector<SynonymRule> parse_synonyms(const std::string& text, const std::string& file, ValidationErrors& errors) {
  std::vector<SynonymRule> rules;
  std::stringstream in(text);
  std::size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    const std::string where = "line " + std::to_string(line_no);
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    line = trim(line);
    if (line.empty()) continue;
    std::vector<std::string> from, to;
    bool one_way = false;
    if (auto arrow = line.find("=>"); arrow != std::string::npos) {
      if (line.find("=>", arrow + 2) != std::string::npos) {
        errors.push_back({file, where, "has more than one '=>'"});
        continue;
      }
      one_way = true;
      from = split_terms(line.substr(0, arrow));
      to = split_terms(line.substr(arrow + 2));
    } else {
      from = split_terms(line);
      to = from;
    }
    const bool blank = std::any_of(from.begin(), from.end(), [](const std::string& s) { return s.empty(); }) ||
                       std::any_of(to.begin(), to.end(), [](const std::string& s) { return s.empty(); });
    if (blank) {
      errors.push_back({file, where, "has an empty term (check the commas)"});
      continue;
    }
    if (!one_way && from.size() < 2) {
      errors.push_back({file, where, "needs at least two comma-separated terms, or 'a => b'"});
      continue;
    }
    for (const std::string& f : from) {
      for (const std::string& t : to) {
        if (f != t) rules.push_back({f, t});
      }
    }
  }
  return rules;
}

nlohmann::json synonyms_to_json(const std::vector<SynonymRule>& rules) {
  nlohmann::json a = nlohmann::json::array();
  for (const SynonymRule& r : rules) a.push_back({r.from, r.to});
  return a;
}

std::vector<SynonymRule> synonyms_from_json(const nlohmann::json& j) {
  std::vector<SynonymRule> rules;
  if (!j.is_array()) return rules;
  for (const auto& pair : j) {
    if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
      rules.push_back({pair[0].get<std::string>(), pair[1].get<std::string>()});
    }
  }
  return rules;
}

SynonymTable::SynonymTable(const std::vector<SynonymRule>& rules, analysis::Analyzer& analyzer) {
  for (const SynonymRule& r : rules) {
    Compiled c{analyse_phrase(r.from, analyzer), analyse_phrase(r.to, analyzer)};
    if (c.from.empty() || c.to.empty()) continue;
    const std::size_t index = rules_.size();
    for (const std::string& term : c.from.front()) by_first_term_[term].push_back(index);
    rules_.push_back(std::move(c));
  }
  for (auto& [term, list] : by_first_term_) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

std::vector<SynonymTable::Match> SynonymTable::match(const std::vector<std::vector<std::string>>& words) const {
  std::vector<Match> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::set<std::size_t> candidates;
    for (const std::string& term : words[i]) {
      if (auto it = by_first_term_.find(term); it != by_first_term_.end()) {
        candidates.insert(it->second.begin(), it->second.end());
      }
    }
    for (std::size_t r : candidates) {
      const Compiled& c = rules_[r];
      if (i + c.from.size() > words.size()) continue;
      bool all = true;
      for (std::size_t k = 0; k < c.from.size() && all; ++k) all = intersects(words[i + k], c.from[k]);
      if (all) out.push_back({i, c.from.size(), &c.to});
    }
  }
  return out;
}

}  // namespace wiedza
