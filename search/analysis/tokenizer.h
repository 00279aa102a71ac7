// Word segmentation with ICU, plus the merges that keep search-relevant units whole:
// hyphenated words ("e-mail", "Kowalska-Nowak"), "500+", and digit groups such as phone
// numbers ("12 616 55 55") or amounts ("2 000"). Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wiedza::analysis {

enum class TokenKind { kWord, kNumber, kCompound };

struct Token {
  std::string text;   // as written (NFC), original case
  std::size_t begin;  // byte offsets into the text given to tokenize()
  std::size_t end;
  TokenKind kind;
  // Components of a compound token ("e-mail" -> "e", "mail"; "12 616 55 55" -> groups;
  // "500+" -> "500"). Empty for simple tokens.
  std::vector<std::string> parts;
};

// Splits NFC text into tokens. Punctuation and spaces produce no tokens. With
// `max_tokens`, stops after that many (the break iterator is lazy, so this saves work).
std::vector<Token> tokenize(std::string_view nfc_text, std::size_t max_tokens = SIZE_MAX);

}  // namespace wiedza::analysis
