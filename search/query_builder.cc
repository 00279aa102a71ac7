#include "search/query_builder.h"

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

double field_weight(const RankingOptions& o, schema::Field f) {
  switch (f) {
    case schema::Field::kTitle: return o.title_weight;
    case schema::Field::kSummary: return o.summary_weight;
    case schema::Field::kKeywords: return o.keywords_weight;
    case schema::Field::kBody: return o.body_weight;
  }
  return 1.0;
}

}  // namespace

QueryBuilder::QueryBuilder(analysis::Analyzer& analyzer, RankingOptions options)
    : analyzer_(analyzer), options_(options) {}

Xapian::Query QueryBuilder::word_query(const QueryWord& word) const {
  std::vector<Xapian::Query> per_field;
  for (schema::Field f : schema::kAllFields) {
    const std::string prefix = schema::prefix(f);
    std::vector<Xapian::Query> terms;
    for (const std::string& alt : word.alternatives) terms.emplace_back(prefix + alt);
    Xapian::Query field_query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
    per_field.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, field_query, field_weight(options_, f));
  }
  if (options_.exact_weight > 0 && !word.exact.empty()) {
    per_field.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(schema::kExactPrefix + word.exact),
                           options_.exact_weight);
  }
  return Xapian::Query(Xapian::Query::OP_OR, per_field.begin(), per_field.end());
}

Xapian::Query QueryBuilder::phrase_query(const std::vector<QueryWord>& words) const {
  // Phrases match exact (diacritic-folded) forms, stop words included: quotes ask for
  // the words as written.
  std::vector<Xapian::Query> terms;
  for (const QueryWord& w : words) terms.emplace_back(schema::kExactPrefix + w.exact);
  if (terms.size() == 1) return terms.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end());
}

BuiltQuery QueryBuilder::build(std::string_view text) {
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
      if (seg.quoted) phrase_words.push_back(w);
      built.words.push_back(std::move(w));
    }
    if (!phrase_words.empty()) phrases.push_back(phrase_query(phrase_words));
  }

  bool any_content = false;
  for (const QueryWord& w : built.words) any_content = any_content || !w.stop;
  std::vector<Xapian::Query> optional;
  for (QueryWord& w : built.words) {
    if (w.stop && any_content) continue;
    if (w.stop) {
      // A query of stop words only ("co to jest"): search them as exact forms.
      w.alternatives = {w.exact};
    }
    optional.push_back(word_query(w));
  }

  Xapian::Query ranked(Xapian::Query::OP_OR, optional.begin(), optional.end());
  if (phrases.empty()) {
    built.query = ranked;
  } else {
    Xapian::Query required(Xapian::Query::OP_AND, phrases.begin(), phrases.end());
    built.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, required, ranked);
  }
  return built;
}

}  // namespace wiedza
