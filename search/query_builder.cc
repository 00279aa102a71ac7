#include "search/query_builder.h"

#include <algorithm>

#include "search/analysis/text_folding.h"
#include "search/schema.h"

namespace wiedza {
namespace {

struct Segment {
  std::string text;
  bool quoted;
};

// Splits on double quotes; an unclosed quote runs to the end of the query.
std::vector<Segment> split_quotes(std::string_view text) {
  std::vector<Segment> out;
  bool quoted = false;
  std::string current;
  for (char c : text) {
    if (c == '"') {
      if (!current.empty()) out.push_back({current, quoted});
      current.clear();
      quoted = !quoted;
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back({current, quoted});
  return out;
}

// Typo tolerance as residents expect it: nothing under 4 letters, one edit from 4, two
// from 8.
double allowed_edits(const std::string& folded) {
  if (folded.size() >= 8) return 2;
  if (folded.size() >= 4) return 1;
  return 0;
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

constexpr std::size_t kMaxTypoCandidates = 3;
// Positions apart (inclusive) at which two query words count as standing together.
constexpr Xapian::termcount kProximityWindow = 4;

}  // namespace

QueryBuilder::QueryBuilder(analysis::Analyzer& analyzer, RankingOptions options)
    : analyzer_(analyzer), options_(options) {}

namespace {

// OP_SYNONYM over prefixed terms: several forms of one word count as one term.
Xapian::Query synonym_of(const char* prefix, const std::vector<std::string>& terms) {
  std::vector<Xapian::Query> queries;
  for (const std::string& t : terms) queries.emplace_back(prefix + t);
  return Xapian::Query(Xapian::Query::OP_SYNONYM, queries.begin(), queries.end());
}

}  // namespace

Xapian::Query QueryBuilder::lemma_query(const std::vector<std::string>& alternatives) const {
  const Xapian::Query fields[] = {
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, synonym_of(schema::kBodyPrefix, alternatives), options_.body_weight),
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, synonym_of(schema::kFieldsPrefix, alternatives),
                    options_.fields_weight)};
  return Xapian::Query(Xapian::Query::OP_OR, std::begin(fields), std::end(fields));
}

Xapian::Query QueryBuilder::word_query(const QueryWord& word) const {
  std::vector<Xapian::Query> parts{lemma_query(word.alternatives)};
  auto add = [&parts](double weight, const Xapian::Query& q) {
    if (weight > 0) parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, q, weight);
  };
  if (!word.stems.empty()) add(options_.stem_weight, synonym_of(schema::kStemPrefix, word.stems));
  if (!word.short_stems.empty()) add(options_.short_stem_weight, synonym_of(schema::kShortStemPrefix, word.short_stems));
  if (!word.exact.empty()) add(options_.exact_weight, Xapian::Query(schema::kExactPrefix + word.exact));
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query QueryBuilder::candidate_word_query(const QueryWord& word) const {
  // The word's lemma terms and its stem, without the short stem and the exact form: those
  // two only add weight to articles the lemmas and the stem already match (the short stem
  // a few more, weakly), and the short stem's posting list is the longest of all.
  std::vector<Xapian::Query> parts{lemma_query(word.alternatives)};
  if (!word.stems.empty() && options_.stem_weight > 0) {
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, synonym_of(schema::kStemPrefix, word.stems), options_.stem_weight);
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query QueryBuilder::phrase_query(const std::vector<QueryWord>& words) const {
  // Phrases match exact (diacritic-folded) forms, stop words included: quotes ask for
  // the words as written.
  std::vector<Xapian::Query> terms;
  for (const QueryWord& w : words) terms.emplace_back(schema::kExactPrefix + w.exact);
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end());
}

Xapian::Query QueryBuilder::proximity_query(const QueryWord& a, const QueryWord& b) const {
  // Body positions only. A title or summary is a few words long, so its words stand
  // together by construction and the field weights already reward them; pairing there
  // too tripled the posting lists of this pass and measured no better (allegro nDCG@10
  // 0.6372 both ways, bundled 0.9373 with them, 0.9403 without; benchmarks/RESULTS.md).
  auto positional = [](const QueryWord& w) {
    std::vector<Xapian::Query> terms;
    for (const std::string& alt : w.alternatives) terms.emplace_back(schema::kBodyPrefix + alt);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  };
  Xapian::Query pair[] = {positional(a), positional(b)};
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair), kProximityWindow),
                       options_.proximity_weight);
}

bool QueryBuilder::known(const QueryWord& word, const Xapian::Database& db) const {
  if (db.term_exists(schema::kExactPrefix + word.exact)) return true;
  for (const std::string& alt : word.alternatives) {
    for (const char* prefix : schema::kLemmaPrefixes) {
      if (db.term_exists(prefix + alt)) return true;
    }
  }
  return false;
}

void QueryBuilder::correct_typo(QueryWord& word, const QueryResources& resources) {
  if (resources.db == nullptr || resources.vocabulary == nullptr || options_.typo_weight <= 0) return;
  const double edits = allowed_edits(word.exact);
  // Never "correct" a word that exists: in the index, or in the Polish dictionary (a real
  // word the articles do not use is not a typo; replacing it misleads the ranking).
  if (edits == 0 || word.dictionary || known(word, *resources.db)) return;
  const auto candidates = resources.vocabulary->near_memoized(word.exact, edits, kMaxTypoCandidates);
  if (candidates.empty()) return;
  // Keep the candidates as close as the best one.
  std::vector<std::string> alternatives, stems, short_stems;
  for (const SpellingCandidate& c : candidates) {
    if (c.distance > candidates.front().distance) break;
    for (const analysis::AnalyzedToken& t : analyzer_.analyze(c.word).tokens) {
      for (const std::string& term : analyzer_.query_terms(t)) alternatives.push_back(term);
      if (!t.stem.empty()) stems.push_back(t.stem);
      if (!t.short_stem.empty()) short_stems.push_back(t.short_stem);
    }
  }
  sort_unique(alternatives);
  sort_unique(stems);
  sort_unique(short_stems);
  word.alternatives = std::move(alternatives);
  word.stems = std::move(stems);
  word.short_stems = std::move(short_stems);
  // Show the correction with Polish letters when the dictionary knows exactly one spelling.
  const auto& restored = analyzer_.lemmatizer().restore_diacritics(candidates.front().word);
  word.correction = restored.size() == 1 ? restored.front() : candidates.front().word;
  word.exact = candidates.front().word;
}

BuiltQuery QueryBuilder::build(std::string_view text, const QueryResources& resources) {
  BuiltQuery built;
  std::vector<Xapian::Query> phrases;
  for (const Segment& seg : split_quotes(text)) {
    analysis::Analysis a = analyzer_.analyze(seg.text);
    std::vector<QueryWord> phrase_words;
    for (const analysis::AnalyzedToken& t : a.tokens) {
      QueryWord w;
      w.surface = t.surface;
      w.exact = t.folded;
      w.stop = t.stop;
      w.in_phrase = seg.quoted;
      w.alternatives = analyzer_.query_terms(t);
      if (!t.stem.empty()) w.stems = {t.stem};
      if (!t.short_stem.empty()) w.short_stems = {t.short_stem};
      w.dictionary = analyzer_.is_dictionary_word(t);
      if (seg.quoted) phrase_words.push_back(w);
      built.words.push_back(std::move(w));
    }
    if (!phrase_words.empty()) phrases.push_back(phrase_query(phrase_words));
  }

  bool any_content = false;
  for (const QueryWord& w : built.words) any_content = any_content || !w.stop;

  std::vector<Xapian::Query> optional;
  std::vector<Xapian::Query> candidate_parts;  // the first phase's parts (BuiltQuery::candidates)
  std::vector<const QueryWord*> content;
  std::vector<std::size_t> content_index;  // content[i] is built.words[content_index[i]]
  bool corrected = false;
  for (std::size_t i = 0; i < built.words.size(); ++i) {
    QueryWord& w = built.words[i];
    if (w.stop && any_content) continue;
    if (w.stop) {
      // A query of stop words only ("co to jest"): search them as exact forms.
      optional.push_back(Xapian::Query(schema::kExactPrefix + w.exact));
      continue;
    }
    if (!w.in_phrase) correct_typo(w, resources);
    Xapian::Query q = word_query(w), candidate = candidate_word_query(w);
    if (!w.correction.empty()) {
      q = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, options_.typo_weight);
      candidate = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, candidate, options_.typo_weight);
      corrected = true;
    }
    optional.push_back(q);
    candidate_parts.push_back(candidate);
    content.push_back(&w);
    content_index.push_back(i);
  }

  if (options_.proximity_weight > 0 && content.size() > 1) {
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 0; i + 1 < content.size(); ++i) pairs.push_back(proximity_query(*content[i], *content[i + 1]));
    built.proximity = Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end());
  }

  if (resources.synonyms != nullptr && options_.synonym_weight > 0) {
    std::vector<std::vector<std::string>> words;
    for (const QueryWord* w : content) words.push_back(w->alternatives);
    for (const SynonymTable::Match& m : resources.synonyms->match(words)) {
      SynonymUse use{{}, m.expansion};
      for (std::size_t k = 0; k < m.length; ++k) use.words.push_back(content_index[m.first_word + k]);
      built.synonyms.push_back(std::move(use));
      std::vector<Xapian::Query> parts;
      for (const std::vector<std::string>& alternatives : *m.expansion) parts.push_back(lemma_query(alternatives));
      optional.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                            Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
                            options_.synonym_weight);
      // An article may answer through the expansion alone ("śmieciarka" -> "odbiór
      // odpadów"): the first phase must be able to pick it.
      candidate_parts.push_back(optional.back());
    }
  }

  if (corrected) {
    std::string s;
    for (const QueryWord& w : built.words) s += (s.empty() ? "" : " ") + (w.correction.empty() ? w.surface : w.correction);
    built.corrected = s;
  }

  Xapian::Query ranked(Xapian::Query::OP_OR, optional.begin(), optional.end());
  if (phrases.empty()) {
    built.query = ranked;
    built.candidates = Xapian::Query(Xapian::Query::OP_OR, candidate_parts.begin(), candidate_parts.end());
  } else {
    Xapian::Query required(Xapian::Query::OP_AND, phrases.begin(), phrases.end());
    built.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, required, ranked);
  }
  return built;
}

}  // namespace wiedza
