#include "indexer/document_builder.h"


#include "search/markdown_text.h"
#include "search/schema.h"

namespace wiedza {
namespace {

void add_stems(Xapian::Document& doc, const analysis::AnalyzedToken& t) {
  if (!t.stem.empty()) doc.add_term(schema::kStemPrefix + t.stem);
  if (!t.short_stem.empty()) doc.add_term(schema::kShortStemPrefix + t.short_stem);
}

// Indexes one field's text starting at `pos`; returns the position after its last token.
// Positions are stored where a query reads them (docs/schema.md, "Positions"): the exact
// forms (phrases, in every field) and the body's lemma terms (proximity, highlighting).
// The other fields' lemma terms go to the one combined field, weighted by wdf.
Xapian::termpos index_text(Xapian::Document& doc, analysis::Analyzer& analyzer, schema::Field field,
                           const std::string& text, Xapian::termpos pos) {
  const bool body = field == schema::Field::kBody;
  const Xapian::termcount wdf = schema::field_wdf(field);
  auto add_lemma_term = [&](const std::string& term, Xapian::termpos at) {
    if (body) {
      doc.add_posting(schema::kBodyPrefix + term, at);
    } else {
      doc.add_term(schema::kFieldsPrefix + term, wdf);
    }
  };
  analysis::Analysis a = analyzer.analyze(text, pos);
  for (const analysis::AnalyzedToken& t : a.tokens) {
    for (const std::string& term : t.terms) add_lemma_term(term, t.position);
    for (const analysis::AnalyzedToken& part : t.parts) {
      for (const std::string& term : part.terms) add_lemma_term(term, t.position);
      doc.add_posting(schema::kExactPrefix + part.folded, t.position);
      add_stems(doc, part);
    }
    doc.add_posting(schema::kExactPrefix + t.folded, t.position);
    add_stems(doc, t);
    pos = t.position + 1;
  }
  return pos;
}

std::string compact_date(const std::string& yyyy_mm_dd) {
  std::string out;
  for (char c : yyyy_mm_dd) {
    if (c != '-') out += c;
  }
  return out;
}

}  // namespace

Xapian::Document build_document(const Article& article, const Unit* unit, analysis::Analyzer& analyzer) {
  Xapian::Document doc;
  Xapian::termpos pos = 1;
  pos = index_text(doc, analyzer, schema::Field::kTitle, article.title, pos) + schema::kFieldGap;
  if (!article.summary.empty()) {
    pos = index_text(doc, analyzer, schema::Field::kSummary, article.summary, pos) + schema::kFieldGap;
  }
  for (const std::string& keyword : article.keywords) {
    // A gap of one between keywords keeps phrases from running across two of them.
    pos = index_text(doc, analyzer, schema::Field::kKeywords, keyword, pos) + 1;
  }
  pos += schema::kFieldGap;
  doc.add_value(schema::kSlotBodyStart, Xapian::sortable_serialise(pos));
  pos = index_text(doc, analyzer, schema::Field::kBody, markdown_to_plain_text(article.body), pos) + schema::kFieldGap;
  if (unit != nullptr) index_text(doc, analyzer, schema::Field::kUnit, unit->id + " " + unit->name, pos);

  doc.add_boolean_term(schema::kIdPrefix + article.id);
  doc.add_boolean_term(schema::kCategoryPrefix + article.category);
  doc.add_boolean_term(schema::kUnitPrefix + article.unit);
  doc.add_boolean_term(schema::kKindPrefix + article.kind);

  doc.add_value(schema::kSlotCategory, article.category);
  doc.add_value(schema::kSlotUnit, article.unit);
  doc.add_value(schema::kSlotKind, article.kind);
  doc.add_value(schema::kSlotUpdated, compact_date(article.updated));
  doc.add_value(schema::kSlotContentHash, content_hash(article, unit, analyzer.fingerprint()));
  doc.add_value(schema::kSlotTitle, article.title);
  std::string keywords;
  for (const std::string& k : article.keywords) keywords += (keywords.empty() ? "" : "\n") + k;
  doc.add_value(schema::kSlotKeywords, keywords);
  doc.set_data(to_json(article).dump());
  return doc;
}

std::string content_hash(const Article& article, const Unit* unit, const std::string& analysis) {
  std::string input = to_json(article).dump() + "#schema=" + std::to_string(schema::kSchemaVersion) +
                      "#analysis=" + analysis;
  if (unit != nullptr) input += "#unit=" + unit->id + "|" + unit->name;
  return digest(input);
}

}  // namespace wiedza
