#include "server/query_redaction.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <vector>

#include "search/analysis/text_folding.h"

namespace wiedza::server {
namespace {

using CodePoints = std::vector<UChar32>;

bool is_digit(UChar32 c) { return u_isdigit(c) != 0; }

// Characters people put inside a phone or account number: space and dashes.
bool is_number_separator(UChar32 c) { return c == ' ' || c == '-' || (c >= 0x2010 && c <= 0x2013); }

void append(CodePoints& out, std::string_view ascii) { out.insert(out.end(), ascii.begin(), ascii.end()); }

// Case-folded as the analyser folds text, with every run of Unicode white space as one
// ' ', trimmed.
CodePoints lower_collapsed(std::string_view text) {
  const std::string folded = analysis::fold_case(analysis::normalize_nfc(text));
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(folded.data(), static_cast<int32_t>(folded.size())));
  CodePoints out;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    const UChar32 c = u.char32At(i);
    if (u_isUWhiteSpace(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

CodePoints redact_emails(const CodePoints& in) {
  CodePoints out;
  for (std::size_t begin = 0; begin < in.size();) {
    std::size_t end = begin;
    while (end < in.size() && in[end] != ' ') ++end;
    bool email = false;
    for (std::size_t at = begin + 1; at + 1 < end; ++at) email = email || in[at] == '@';
    if (email) {
      append(out, kEmailPlaceholder);
    } else {
      out.insert(out.end(), in.begin() + static_cast<std::ptrdiff_t>(begin), in.begin() + static_cast<std::ptrdiff_t>(end));
    }
    if (end < in.size()) out.push_back(' ');
    begin = end + 1;
  }
  return out;
}

CodePoints redact_numbers(const CodePoints& in) {
  CodePoints out;
  for (std::size_t i = 0; i < in.size();) {
    if (!is_digit(in[i])) {
      out.push_back(in[i++]);
      continue;
    }
    std::size_t digits = 0, end = i;
    for (std::size_t j = i; j < in.size();) {
      if (is_digit(in[j])) {
        ++digits;
        end = ++j;
      } else if (is_number_separator(in[j]) && j + 1 < in.size() && is_digit(in[j + 1])) {
        ++j;
      } else {
        break;
      }
    }
    if (digits >= 9) {
      if (!out.empty() && out.back() == '+') out.pop_back();
      append(out, kNumberPlaceholder);
    } else {
      out.insert(out.end(), in.begin() + static_cast<std::ptrdiff_t>(i), in.begin() + static_cast<std::ptrdiff_t>(end));
    }
    i = end;
  }
  return out;
}

}  // namespace

std::string redact_query(std::string_view text) {
  const CodePoints redacted = redact_numbers(redact_emails(lower_collapsed(text)));
  icu::UnicodeString u;
  for (UChar32 c : redacted) u.append(c);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace wiedza::server
