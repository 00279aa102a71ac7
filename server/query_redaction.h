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

// "Jan.Kowalski@Example.pl  PESEL 90010112345" -> "<e-mail> pesel <numer>".
// - a word (between spaces) holding '@' with something on both sides -> "<e-mail>";
// - 9 or more digits, single spaces or dashes allowed between them ("600 123 456",
//   "+48 600-123-456", an IBAN's digit groups) -> "<numer>" (a leading '+' goes too).
// Shorter numbers (house numbers, years, amounts) stay: they are what people look for.
std::string redact_query(std::string_view text);

}  // namespace wiedza::server
