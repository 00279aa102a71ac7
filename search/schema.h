// The index schema: term prefixes, value slots and metadata keys. docs/schema.md
// describes the same in prose; change both together and bump kSchemaVersion, which
// forces a full reindex (it is part of every article's content hash).
#pragma once

#include <string>

#include <xapian.h>

namespace wiedza::schema {

// 6: prefixes that keep clear of omega's (S, XA, K, XB, XN, XE); 7: positions only for
// exact forms and body terms; 8: title, summary, keywords and unit in one field (XF) with
// per-field wdf, lemma terms folded only (analysis 3).
inline constexpr int kSchemaVersion = 8;

// Unique id term: "Q" + article id. The document carries it, so replace_document("Q"+id)
// upserts.
inline constexpr const char* kIdPrefix = "Q";

// Boolean filter terms (no positions, wdf 0).
inline constexpr const char* kCategoryPrefix = "XC";
inline constexpr const char* kUnitPrefix = "XU";
inline constexpr const char* kKindPrefix = "XK";

// Analysed text (the analyser's lemma terms, analysis/analyzer.h) goes to two fields:
//  - kBodyPrefix: the body, with positions (the proximity pass and snippets read them);
//  - kFieldsPrefix: title, summary, keywords and the handling unit's id and name, as one
//    field in the omega manner: each field's words carry that field's wdf (field_wdf), so
//    a word in the title counts as two in the summary. One posting list per word instead
//    of one per field: a query reads 2 lists per lemma instead of 5 (benchmarks/RESULTS.md,
//    "Scale", schema 8). The unit's name lets "MOPS" or "zarząd dróg" reach that unit's
//    articles.
// X-prefixed, so that the index reads correctly with Xapian's own tools (delve, omega,
// quest), where single letters have meanings of their own.
inline constexpr const char* kBodyPrefix = "XB";
inline constexpr const char* kFieldsPrefix = "XF";
// Every prefix a word's lemma terms are indexed under.
inline constexpr const char* kLemmaPrefixes[] = {kBodyPrefix, kFieldsPrefix};

// The article's text fields, in the order they take positions.
enum class Field { kTitle, kSummary, kKeywords, kBody, kUnit };

// The wdf each occurrence of a word adds to its kFieldsPrefix term, per field (the body has
// its own prefix, one per occurrence). Chosen with RankingOptions::fields_weight on both
// judged sets (benchmarks/RESULTS.md); a change needs a reindex, hence the schema version.
inline constexpr Xapian::termcount field_wdf(Field f) {
  switch (f) {
    case Field::kTitle: return 2;
    case Field::kSummary: return 1;
    case Field::kKeywords: return 3;
    case Field::kBody: return 1;
    case Field::kUnit: return 1;
  }
  return 1;
}

// Exact (case- and diacritic-folded, not lemmatised) forms from every field, with
// positions: the exact-form bonus and quoted phrases use them. Stop words are included.
inline constexpr const char* kExactPrefix = "XE";

// Stems (AnalyzedToken::stem and ::short_stem: the first 5 and 4 letters of the folded
// form) from every field, without positions: cheap, combined levels of evidence below
// lemmas.
inline constexpr const char* kStemPrefix = "XS";
inline constexpr const char* kShortStemPrefix = "XR";

// Gap between fields in the position space so that phrases never span two fields.
inline constexpr Xapian::termpos kFieldGap = 100;

// Value slots.
enum Slot : Xapian::valueno {
  kSlotCategory = 0,
  kSlotUnit = 1,
  kSlotKind = 2,
  kSlotUpdated = 3,      // "YYYYMMDD" (sorts as text), "" when unknown
  kSlotContentHash = 4,  // hex digest of the article as indexed + schema version
  kSlotTitle = 5,        // title, for suggestions without parsing document data
  kSlotKeywords = 6,     // keywords joined with '\n', likewise
  kSlotBodyStart = 7,    // position of the body's first token (sortable_serialise)
};

// Database metadata keys. Units and categories travel with the database so that a
// server needs nothing but the database directory.
inline constexpr const char* kMetaUnits = "wiedza.units";
inline constexpr const char* kMetaCategories = "wiedza.categories";
inline constexpr const char* kMetaSchemaVersion = "wiedza.schema_version";
// Synonym rules from the corpus's synonyms.txt, as a JSON array of [from, to] pairs.
inline constexpr const char* kMetaSynonyms = "wiedza.synonyms";
// analysis::Analyzer::fingerprint() of the analyser that built the index.
inline constexpr const char* kMetaAnalysis = "wiedza.analysis";
// When the revision was committed (unix milliseconds, decimal). Travels to replicas with
// the revision, so each can tell how old its copy is (docs/operations.md, "Replicas").
inline constexpr const char* kMetaCommittedAt = "wiedza.committed_at";

}  // namespace wiedza::schema
