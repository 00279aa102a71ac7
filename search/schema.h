// The index schema: term prefixes, value slots and metadata keys. docs/schema.md
// describes the same in prose; change both together and bump kSchemaVersion, which
// forces a full reindex (it is part of every article's content hash).
#pragma once

#include <string>

#include <xapian.h>

namespace wiedza::schema {

// 6: prefixes that keep clear of omega's (S, XA, K, XB, XN, XE); 7: positions only for
// exact forms and body terms.
inline constexpr int kSchemaVersion = 7;

// Unique id term: "Q" + article id. The document carries it, so replace_document("Q"+id)
// upserts.
inline constexpr const char* kIdPrefix = "Q";

// Boolean filter terms (no positions, wdf 0).
inline constexpr const char* kCategoryPrefix = "XC";
inline constexpr const char* kUnitPrefix = "XU";
inline constexpr const char* kKindPrefix = "XK";

// Analysed text, one prefix per field so that fields can be weighted at query time.
// The prefixes follow Xapian's omega conventions where one fits (S title, K keywords)
// and are X-prefixed otherwise, so that the index reads correctly with Xapian's own
// tools (delve, omega, quest): there A is author, B a boolean filter, E an extension, T
// a MIME type and U a URL.
// Terms are the analyser's lemma terms (analysis/analyzer.h), with positions.
// kUnit holds the handling unit's id and name, so "MOPS" or "zarząd dróg" reach the
// articles of that unit.
enum class Field { kTitle, kSummary, kKeywords, kBody, kUnit };
inline constexpr Field kAllFields[] = {Field::kTitle, Field::kSummary, Field::kKeywords, Field::kBody, Field::kUnit};

inline const char* prefix(Field f) {
  switch (f) {
    case Field::kTitle: return "S";
    case Field::kSummary: return "XA";
    case Field::kKeywords: return "K";
    case Field::kBody: return "XB";
    case Field::kUnit: return "XN";
  }
  return "XB";
}

inline const char* field_name(Field f) {
  switch (f) {
    case Field::kTitle: return "title";
    case Field::kSummary: return "summary";
    case Field::kKeywords: return "keywords";
    case Field::kBody: return "body";
    case Field::kUnit: return "unit";
  }
  return "body";
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
