// The Polish analyser: the one place where text becomes index terms. The indexer and the
// query builder both call it, so a word is analysed the same way on both sides.
//
// Pipeline per token: ICU NFC + segmentation (tokenizer.h) -> case folding -> stop-word
// check on the folded form -> dictionary lemmas (hunspell-pl) -> diacritic folding of the
// lemmas. Unknown words stand for themselves. See docs/analysis.md.
//
// Not thread-safe (it owns a Lemmatizer): one Analyzer per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/analysis/lemmatizer.h"
#include "search/analysis/tokenizer.h"

namespace wiedza::analysis {

struct AnalyzedToken {
  std::string surface;     // as written (NFC)
  std::size_t begin = 0;   // byte offsets into Analysis::text
  std::size_t end = 0;
  std::uint32_t position = 0;
  TokenKind kind = TokenKind::kWord;
  std::string normalized;  // case-folded
  std::string folded;      // case- and diacritic-folded: the exact-form key
  std::vector<std::string> lemmas;  // dictionary lemmas; empty when unknown or a stop word
  bool stop = false;
  // The word's index terms (without a field prefix): its lemmas, diacritic-folded
  // ("dowodu" -> "dowod"), or, for a word the dictionary does not know, its own folded
  // form. Folded only: a lemma and its folded twin had the same posting list, so both cost
  // twice the postings for nothing (benchmarks/RESULTS.md, "Scale", schema 8). Empty for
  // stop words, which are indexed only as exact forms (for phrases).
  std::vector<std::string> terms;
  // The first kStemLength and kShortStemLength letters of `folded`: aggressive stems
  // that join what the dictionary keeps apart (derivations such as wysyłka/wysyłać,
  // aspect pairs, forms it does not know, brand names with Polish endings) and that
  // cannot tell diacritics typed or not. Matched as weaker evidence than lemmas, the
  // short stem weakest. Empty for stop words, numbers and compounds (their parts have
  // their own).
  std::string stem;
  std::string short_stem;
  // Components of a compound ("e-mail", "12 616 55 55", "500+"), analysed the same way.
  std::vector<AnalyzedToken> parts;
};

// Byte range of one token in a text.
struct TextSpan {
  std::size_t begin;
  std::size_t end;
};

struct Analysis {
  std::string text;  // the NFC-normalised input the offsets refer to
  std::vector<AnalyzedToken> tokens;
};

class Analyzer {
 public:
  explicit Analyzer(const std::string& dict_dir = default_dictionary_dir());

  // Analyses text; positions start at `first_position` and advance by one per token
  // (stop words included, so phrase distances stay true).
  Analysis analyze(std::string_view text, std::uint32_t first_position = 0);

  // Query-side expansion of one token: its terms plus, for a word typed without Polish
  // letters, the lemmas of the dictionary words it may stand for ("odpadow" -> odpad,
  // "oplata" -> opłata). Every term analyze() gives the same word at index time is
  // included, so a query word always meets itself.
  std::vector<std::string> query_terms(const AnalyzedToken& token);

  Lemmatizer& lemmatizer() { return lemmatizer_; }

  // What decides the terms a text gets: kAnalysisVersion and the digest of the dictionary
  // files loaded. Part of every article's content hash, so `wiedza index` re-analyses
  // every article when either changes (and says so). Synonyms and the everyday lexicon
  // apply at query time and are stored with the index, so they are not part of it.
  std::string fingerprint() const;

  // Bump on ANY change to what analyze() or query_terms() return for some text
  // (tokenising, folding, stop words, lemmas, stems): indexes built before must be
  // rebuilt, and this is how `wiedza index` knows.
  static constexpr int kAnalysisVersion = 3;

  // The byte ranges of the tokens analyze() gives positions to, in position order: the
  // i-th span of an NFC text indexed from position p holds position p + i. Snippets use
  // it to map matched positions back to words without re-running the dictionary.
  static std::vector<TextSpan> position_spans(std::string_view nfc_text);

  // Lengths of AnalyzedToken::stem and ::short_stem in letters. A plain 5-letter prefix
  // is about as strong as dictionary lemmatisation on Polish retrieval; lemmas, 5 and 4
  // letters together beat each alone (benchmarks/RESULTS.md has the measurements).
  static constexpr std::size_t kStemLength = 5;
  static constexpr std::size_t kShortStemLength = 4;

  // True when the dictionary knows the word as typed, or (typed without Polish letters)
  // one of the spellings it may stand for: such a word is never a typo, even when the
  // index lacks it ("czwartek", "imprezuje").
  bool is_dictionary_word(const AnalyzedToken& token);

  // Tokens longer than this (in bytes) are ignored: they are noise, not words, and
  // Xapian limits term length.
  static constexpr std::size_t kMaxTokenBytes = 64;

 private:
  AnalyzedToken analyze_word(std::string surface, TokenKind kind);
  void add_lemma_terms(const std::vector<std::string>& lemmas, std::vector<std::string>& terms);

  Lemmatizer lemmatizer_;
};

}  // namespace wiedza::analysis
