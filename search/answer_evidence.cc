#include "search/answer_evidence.h"

#include <algorithm>
#include <cmath>

#include "search/schema.h"

namespace wiedza {
namespace {

bool has_lemma(const HitDocument& doc, const std::vector<std::string>& alternatives) {
  for (const char* prefix : schema::kLemmaPrefixes) {
    for (const std::string& alt : alternatives) {
      if (doc.has_term(prefix + alt)) return true;
    }
  }
  return false;
}

// The number of articles that have the word in any field: the largest posting list among
// its terms (a lower bound of the union, and exact for the usual single lemma).
Xapian::doccount document_frequency(const QueryWord& w, const Xapian::MSet& match) {
  Xapian::doccount df = match.get_termfreq(schema::kExactPrefix + w.exact);
  for (const char* prefix : schema::kLemmaPrefixes) {
    for (const std::string& alt : w.alternatives) df = std::max(df, match.get_termfreq(prefix + alt));
  }
  return df;
}

}  // namespace

AnswerEvidence::AnswerEvidence(const BuiltQuery& query, Xapian::doccount documents, const Xapian::MSet& match) {
  const double n = documents;
  std::vector<std::size_t> slot(query.words.size(), words_.max_size());
  for (std::size_t i = 0; i < query.words.size(); ++i) {
    const QueryWord& w = query.words[i];
    if (w.stop) continue;
    const Xapian::doccount df = document_frequency(w, match);
    // Inverse document frequency, smoothed so that a word in no article weighs most.
    const double weight = std::log((n + 1) / (static_cast<double>(df) + 0.5));
    slot[i] = words_.size();
    words_.push_back({&w, std::max(weight, 0.0), {}, df == 0});
  }
  for (const SynonymUse& use : query.synonyms) {
    for (std::size_t i : use.words) {
      if (slot[i] < words_.size()) {
        words_[slot[i]].synonyms.push_back(use.expansion);
        words_[slot[i]].unknown = false;
      }
    }
  }
  for (Word& w : words_) {
    if (w.unknown) w.weight *= kUnknownWordFactor;
    total_weight_ += w.weight;
  }
}

double AnswerEvidence::answered(const Word& w, const HitDocument& doc) const {
  if (doc.has_term(schema::kExactPrefix + w.word->exact) || has_lemma(doc, w.word->alternatives)) return 1;
  for (const AnalysedPhrase* expansion : w.synonyms) {
    if (std::all_of(expansion->begin(), expansion->end(), [&](const auto& alts) { return has_lemma(doc, alts); })) {
      return 1;
    }
  }
  for (const std::string& stem : w.word->stems) {
    if (doc.has_term(schema::kStemPrefix + stem)) return kStemCredit;
  }
  return 0;
}

double AnswerEvidence::weighted_coverage(const HitDocument& doc) const {
  if (total_weight_ <= 0) return words_.empty() ? 0 : coverage(doc);
  double answered_weight = 0;
  for (const Word& w : words_) answered_weight += w.weight * answered(w, doc);
  return answered_weight / total_weight_;
}

double AnswerEvidence::coverage(const HitDocument& doc) const {
  if (words_.empty()) return 0;
  std::size_t n = 0;
  for (const Word& w : words_) {
    n += doc.has_term(schema::kExactPrefix + w.word->exact) || has_lemma(doc, w.word->alternatives) ? 1 : 0;
  }
  return static_cast<double>(n) / static_cast<double>(words_.size());
}

}  // namespace wiedza
