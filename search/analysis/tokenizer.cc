#include "search/analysis/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

namespace wiedza::analysis {
namespace {

struct Segment {
  std::size_t begin;  // bytes
  std::size_t end;
  bool is_word;       // letters or digits
  bool is_number;     // digits only (ICU's number status)
};

// ICU break iterators are expensive to create but cheap to clone; cloning one
// prototype per call keeps tokenize() thread-safe.
std::unique_ptr<icu::BreakIterator> make_word_iterator() {
  static std::once_flag once;
  static std::unique_ptr<icu::BreakIterator> prototype;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    prototype.reset(icu::BreakIterator::createWordInstance(icu::Locale("pl"), status));
    if (U_FAILURE(status)) prototype.reset();
  });
  if (!prototype) return nullptr;
  return std::unique_ptr<icu::BreakIterator>(prototype->clone());
}

// Segments up to `max_words` word segments (plus one segment of lookahead for merges).
std::vector<Segment> segment(std::string_view text, std::size_t max_words) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  // Map UTF-16 indices back to byte offsets in the UTF-8 input.
  std::vector<std::size_t> byte_at(static_cast<std::size_t>(u.length()) + 1, text.size());
  {
    std::size_t byte = 0;
    for (int32_t i = 0; i < u.length();) {
      UChar32 c = u.char32At(i);
      int32_t units = U16_LENGTH(c);
      for (int32_t k = 0; k < units; ++k) byte_at[static_cast<std::size_t>(i + k)] = byte;
      byte += static_cast<std::size_t>(U8_LENGTH(c));
      i += units;
    }
  }
  std::vector<Segment> out;
  auto it = make_word_iterator();
  if (!it) return out;
  it->setText(u);
  int32_t start = it->first();
  std::size_t words = 0, after_limit = 0;
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    int32_t status = it->getRuleStatus();
    bool word = status >= UBRK_WORD_NUMBER;
    bool number = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT;
    out.push_back({byte_at[static_cast<std::size_t>(start)], byte_at[static_cast<std::size_t>(end)], word, number});
    if (word && ++words > max_words && ++after_limit > 8) break;  // enough lookahead for a merge
  }
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool is_hyphen(std::string_view s) {
  return s == "-" || s == "\u2010" || s == "\u2011";
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, std::size_t max_tokens) {
  std::vector<Segment> segs = segment(text, max_tokens);
  std::vector<Token> tokens;
  auto piece = [&](const Segment& s) { return text.substr(s.begin, s.end - s.begin); };

  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (!segs[i].is_word) continue;
    Token tok{std::string(piece(segs[i])), segs[i].begin, segs[i].end,
              segs[i].is_number ? TokenKind::kNumber : TokenKind::kWord, {}};
    std::size_t j = i;

    // Hyphenated chain with no spaces: "e-mail", "Kowalska-Nowak", "12-616-55-55".
    while (j + 2 < segs.size() && is_hyphen(piece(segs[j + 1])) && segs[j + 2].is_word) {
      if (tok.parts.empty()) tok.parts.push_back(tok.text);
      tok.parts.emplace_back(piece(segs[j + 2]));
      j += 2;
    }
    // Digit groups separated by single spaces: phone numbers and amounts. Only groups
    // of 2-3 digits continue a run, so "2026 r." or "ul. 3 Maja 12" stay separate.
    if (tok.parts.empty() && all_digits(tok.text) && tok.text.size() <= 3) {
      while (j + 2 < segs.size() && piece(segs[j + 1]) == " " && all_digits(piece(segs[j + 2])) &&
             piece(segs[j + 2]).size() >= 2 && piece(segs[j + 2]).size() <= 3) {
        if (tok.parts.empty()) tok.parts.push_back(tok.text);
        tok.parts.emplace_back(piece(segs[j + 2]));
        j += 2;
      }
    }
    // "500+", "800+": a number directly followed by a plus sign.
    if (tok.parts.empty() && all_digits(tok.text) && j + 1 < segs.size() && piece(segs[j + 1]) == "+") {
      tok.parts.push_back(tok.text);
      ++j;
    }
    if (j != i) {
      tok.end = segs[j].end;
      tok.text = std::string(text.substr(tok.begin, tok.end - tok.begin));
      tok.kind = TokenKind::kCompound;
    }
    tokens.push_back(std::move(tok));
    if (tokens.size() >= max_tokens) break;
    i = j;
  }
  return tokens;
}

}  // namespace wiedza::analysis
