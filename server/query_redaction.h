// What of a search query may be stored: the text normalised (NFC, Unicode lower case,
// whitespace collapsed) with personal data replaced. Queries typed mid-call carry
// residents' e-mail addresses, PESEL numbers, phone and account numbers; those must
// never reach the analytics file. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace wiedza::server {

inline constexpr std::string_view kEmailPlaceholder = "<e-mail>";
inline constexpr std::string_view kNumberPlaceholder = "<numer>";
inline constexpr std::string_view kDocumentPlaceholder = "<dokument>";

// "Jan.Kowalski@Example.pl  PESEL 90010112345" -> "<e-mail> pesel <numer>".
// The text is NFKC-normalised first (full-width "＠", "１２３").
// - a word (between spaces) holding '@' with something on both sides -> "<e-mail>";
//   "(at)", "[at]", "(małpa)" and an '@' with spaces around it count as '@';
// - an ID card or passport number ("ABC123456", "abc 123456", "EA1234567") -> "<dokument>";
// - 9 or more digits, single separators allowed between them (space, dash, dot, slash,
//   parentheses: "600 123 456", "+48 600-123-456", "850.101.123.45", "(12) 616 55 55",
//   an IBAN's digit groups) -> "<numer>" (a leading '+' goes too).
// Shorter numbers (house numbers, years, amounts) stay: they are what people look for.
std::string redact_query(std::string_view text);

}  // namespace wiedza::server
