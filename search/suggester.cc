#include "search/suggester.h"

#include <algorithm>
#include <set>

#include "search/analysis/text_folding.h"
#include "search/analysis/tokenizer.h"
#include "search/schema.h"

namespace wiedza {

std::vector<std::string> folded_words(const std::string& text) {
  // The analyser's own tokenizer, so a suggestion splits words where search does; the
  // parts of a compound ("e-mail", "12 616 55 55") are matched one by one, as typed.
  std::vector<std::string> words;
  for (const analysis::Token& token : analysis::tokenize(analysis::normalize_nfc(text))) {
    if (token.parts.empty()) {
      words.push_back(analysis::fold_diacritics(analysis::fold_case(token.text)));
    } else {
      for (const std::string& part : token.parts) words.push_back(analysis::fold_diacritics(analysis::fold_case(part)));
    }
  }
  return words;
}

Suggester Suggester::load(const Xapian::Database& db) {
  Suggester s;
  std::set<std::string> keywords_seen;
  const std::string prefix = schema::kIdPrefix;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    auto p = db.postlist_begin(*t);
    if (p == db.postlist_end(*t)) continue;
    Xapian::Document doc = db.get_document(*p);
    s.add(doc.get_value(schema::kSlotTitle), (*t).substr(prefix.size()));
    const std::string keywords = doc.get_value(schema::kSlotKeywords);
    std::size_t start = 0;
    while (start <= keywords.size()) {
      std::size_t end = keywords.find('\n', start);
      if (end == std::string::npos) end = keywords.size();
      std::string k = keywords.substr(start, end - start);
      if (!k.empty() && keywords_seen.insert(analysis::fold_case(k)).second) s.add(k, "");
      start = end + 1;
    }
  }
  return s;
}

void Suggester::add(const std::string& text, const std::string& id) {
  Entry e{text, id, folded_words(text)};
  if (!e.words.empty()) entries_.push_back(std::move(e));
}

std::vector<Suggestion> Suggester::suggest(const std::string& typed, std::size_t limit) const {
  const std::vector<std::string> query = folded_words(typed);
  if (query.empty() || limit == 0) return {};
  struct Scored {
    double score;
    const Entry* entry;
  };
  std::vector<Scored> scored;
  for (const Entry& e : entries_) {
    double score = e.id.empty() ? 1.0 : 2.0;
    bool all = true;
    std::size_t first_position = e.words.size();
    for (std::size_t q = 0; q < query.size() && all; ++q) {
      bool found = false;
      for (std::size_t i = 0; i < e.words.size(); ++i) {
        if (e.words[i].compare(0, query[q].size(), query[q]) == 0) {
          found = true;
          first_position = std::min(first_position, i);
          break;
        }
      }
      all = found;
    }
    if (!all) continue;
    score += 1.0 / static_cast<double>(1 + first_position) - 0.01 * static_cast<double>(e.words.size());
    scored.push_back({score, &e});
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.entry->text < b.entry->text;
  });
  std::vector<Suggestion> out;
  std::set<std::string> seen;
  for (const Scored& s : scored) {
    if (out.size() >= limit) break;
    if (!seen.insert(analysis::fold_case(s.entry->text)).second) continue;
    out.push_back({s.entry->text, s.entry->id});
  }
  return out;
}

}  // namespace wiedza
