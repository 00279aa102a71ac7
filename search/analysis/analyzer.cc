#include "search/analysis/analyzer.h"

#include <algorithm>

#include "search/analysis/stop_words.h"
#include "search/analysis/text_folding.h"

namespace wiedza::analysis {
namespace {

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool has_letter(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || std::isalpha(c)) return true;
  }
  return false;
}

// "12 616 55 55" -> "126165555", "e-mail" -> "email": how people type a compound
// when they leave out its separators.
std::string without_separators(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '-') out += c;
  }
  return out;
}

}  // namespace

Analyzer::Analyzer(const std::string& dict_dir) : lemmatizer_(dict_dir) {}

std::string Analyzer::fingerprint() const {
  return "analysis " + std::to_string(kAnalysisVersion) + ", dictionary " + lemmatizer_.dictionary_digest();
}

void Analyzer::add_lemma_terms(const std::vector<std::string>& lemmas, std::vector<std::string>& terms) {
  for (const std::string& lemma : lemmas) terms.push_back(fold_diacritics(lemma));
}

AnalyzedToken Analyzer::analyze_word(std::string surface, TokenKind kind) {
  AnalyzedToken t;
  t.surface = std::move(surface);
  t.kind = kind;
  t.normalized = fold_case(t.surface);
  t.folded = fold_diacritics(t.normalized);
  t.stop = kind == TokenKind::kWord && is_stop_word(t.folded);
  if (t.stop) return t;
  if (kind == TokenKind::kWord && has_letter(t.normalized)) t.lemmas = lemmatizer_.lemmas(t.normalized);
  if (t.lemmas.empty()) {
    t.terms = {t.folded};
  } else {
    add_lemma_terms(t.lemmas, t.terms);
  }
  sort_unique(t.terms);
  if (kind == TokenKind::kWord && has_letter(t.folded)) {
    t.stem = leading_characters(t.folded, kStemLength);
    t.short_stem = leading_characters(t.folded, kShortStemLength);
  }
  return t;
}

namespace {
// Overlong tokens are skipped without taking a position (see kMaxTokenBytes).
bool has_position(const Token& tok) { return tok.text.size() <= Analyzer::kMaxTokenBytes; }
}  // namespace

std::vector<TextSpan> Analyzer::position_spans(std::string_view nfc_text) {
  std::vector<TextSpan> spans;
  for (const Token& tok : tokenize(nfc_text)) {
    if (has_position(tok)) spans.push_back({tok.begin, tok.end});
  }
  return spans;
}

Analysis Analyzer::analyze(std::string_view text, std::uint32_t first_position) {
  Analysis result;
  result.text = normalize_nfc(text);
  std::uint32_t position = first_position;
  for (Token& tok : tokenize(result.text)) {
    if (!has_position(tok)) continue;
    AnalyzedToken t;
    if (tok.kind == TokenKind::kCompound) {
      t.surface = tok.text;
      t.kind = TokenKind::kCompound;
      t.normalized = fold_case(tok.text);
      // Digit groups are searched joined ("126165555"); hyphenated words keep their
      // hyphen in the main form and add the joined one ("e-mail", "email").
      bool digits_only = std::all_of(tok.parts.begin(), tok.parts.end(), [](const std::string& p) {
        return std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
      });
      t.folded = fold_diacritics(digits_only ? without_separators(t.normalized) : t.normalized);
      t.terms = {t.folded, without_separators(t.folded)};
      sort_unique(t.terms);
      for (std::string& part : tok.parts) {
        bool numeric = std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        AnalyzedToken p = analyze_word(std::move(part), numeric ? TokenKind::kNumber : TokenKind::kWord);
        p.position = position;
        t.parts.push_back(std::move(p));
      }
    } else {
      t = analyze_word(std::move(tok.text), tok.kind);
    }
    t.begin = tok.begin;
    t.end = tok.end;
    t.position = position++;
    result.tokens.push_back(std::move(t));
  }
  return result;
}

bool Analyzer::is_dictionary_word(const AnalyzedToken& token) {
  if (!token.lemmas.empty()) return true;
  return token.kind == TokenKind::kWord && is_ascii(token.normalized) && has_letter(token.normalized) &&
         !lemmatizer_.restore_diacritics(token.normalized).empty();
}

std::vector<std::string> Analyzer::query_terms(const AnalyzedToken& token) {
  std::vector<std::string> terms = token.terms;
  if (token.kind == TokenKind::kWord && !token.stop && is_ascii(token.normalized) && has_letter(token.normalized)) {
    for (const std::string& word : lemmatizer_.restore_diacritics(token.normalized)) {
      if (word == token.normalized) continue;
      add_lemma_terms(lemmatizer_.lemmas(word), terms);
    }
  }
  sort_unique(terms);
  return terms;
}

}  // namespace wiedza::analysis
