// Unicode normalisation, case folding and diacritic folding: the character-level
// steps of Polish analysis. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace wiedza::analysis {

// NFC-normalises UTF-8 text. Input that is not valid UTF-8 has its bad bytes replaced
// with U+FFFD, so callers never see an exception for user text.
std::string normalize_nfc(std::string_view text);

// Full Unicode case folding ("DOWÓD" -> "dowód").
std::string fold_case(std::string_view text);

// Removes diacritics: decomposes (NFD), drops combining marks, and maps the letters
// that have no decomposition (ł -> l, Ł -> L, plus a few other Latin ones).
// "Łódź zażółć" -> "Lodz zazolc". Folding happens after lemmatisation, never before:
// a stripped word can be a different word ("oplata" is a form of "oplatać").
std::string fold_diacritics(std::string_view text);

// Upper-cases the first letter ("łódź" -> "Łódź").
std::string capitalise_first(std::string_view text);

// The first `n` characters (code points) of UTF-8 text; all of it when it is shorter.
std::string leading_characters(std::string_view text, std::size_t n);

// True when every byte is ASCII.
bool is_ascii(std::string_view text);

// True when the text is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace wiedza::analysis
