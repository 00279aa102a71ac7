#include "server/query_redaction.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string_view>
#include <vector>

#include "search/analysis/text_folding.h"

namespace wiedza::server {
namespace {

using CodePoints = std::vector<UChar32>;

bool is_digit(UChar32 c) { return u_isdigit(c) != 0; }

// Characters people put inside a phone, PESEL or account number: space, dashes, dots,
// slashes and the parentheses of an area code ("(12) 616 55 55", "850.101.123.45").
bool is_number_separator(UChar32 c) {
  return c == ' ' || c == '-' || (c >= 0x2010 && c <= 0x2013) || c == '.' || c == '/' || c == '(' || c == ')';
}

bool is_letter(UChar32 c) { return u_isalpha(c) != 0; }

void append(CodePoints& out, std::string_view ascii) { out.insert(out.end(), ascii.begin(), ascii.end()); }

std::string normalize_nfkc(std::string_view text) {
  const std::string nfc = analysis::normalize_nfc(text);  // also replaces invalid UTF-8
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return nfc;
  icu::UnicodeString u = nfkc->normalize(icu::UnicodeString::fromUTF8(nfc), status);
  if (U_FAILURE(status)) return nfc;
  std::string out;
  u.toUTF8String(out);
  return out;
}

// NFKC (full-width "＠" and "１２３" become "@" and "123"), case-folded as the analyser folds
// text, with every run of Unicode white space as one ' ', trimmed.
CodePoints lower_collapsed(std::string_view text) {
  const std::string folded = analysis::fold_case(normalize_nfkc(text));
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

bool starts_with(const CodePoints& in, std::size_t at, std::u32string_view word) {
  if (at + word.size() > in.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (in[at + k] != static_cast<UChar32>(word[k])) return false;
  }
  return true;
}

// "jan(at)example.com", "jan [małpa] example.com", "jan @ example.com" -> "jan@example.com",
// so that the e-mail rule sees one word.
CodePoints join_obfuscated_at(const CodePoints& in) {
  static constexpr std::u32string_view kSpelledAt[] = {U"(at)", U"[at]", U"(małpa)", U"[małpa]", U"@"};
  CodePoints out;
  for (std::size_t i = 0; i < in.size();) {
    bool joined = false;
    for (std::u32string_view at : kSpelledAt) {
      std::size_t start = i;
      if (in[start] == ' ' && start + 1 < in.size() && starts_with(in, start + 1, at)) ++start;
      if (!starts_with(in, start, at) || out.empty() || out.back() == ' ') continue;
      std::size_t after = start + at.size();
      if (after < in.size() && in[after] == ' ') ++after;
      if (after >= in.size() || in[after] == ' ') continue;
      out.push_back('@');
      i = after;
      joined = true;
      break;
    }
    if (!joined) out.push_back(in[i++]);
  }
  return out;
}

// Polish ID cards (3 letters, 6 digits: "abc123456", "abc 123456") and passports (2
// letters, 7 digits) as whole words.
CodePoints redact_documents(const CodePoints& in) {
  auto run = [&](std::size_t from, bool (*pred)(UChar32)) {
    std::size_t n = 0;
    while (from + n < in.size() && pred(in[from + n])) ++n;
    return n;
  };
  CodePoints out;
  for (std::size_t i = 0; i < in.size();) {
    const bool word_start = i == 0 || in[i - 1] == ' ';
    const std::size_t letters = word_start ? run(i, is_letter) : 0;
    if (letters == 2 || letters == 3) {
      std::size_t digits_at = i + letters;
      if (digits_at < in.size() && in[digits_at] == ' ' && letters == 3) ++digits_at;
      const std::size_t digits = run(digits_at, is_digit);
      const std::size_t end = digits_at + digits;
      const bool whole_word = end == in.size() || (!is_letter(in[end]) && !is_digit(in[end]));
      if (digits == (letters == 3 ? 6u : 7u) && whole_word) {
        append(out, kDocumentPlaceholder);
        i = end;
        continue;
      }
    }
    out.push_back(in[i++]);
  }
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

// Length of the separator at `at` inside a number (0 when there is none): one separator
// character, or an area code's ") " / " (", each followed by a digit.
std::size_t separator_length(const CodePoints& in, std::size_t at) {
  auto digit_at = [&](std::size_t k) { return k < in.size() && is_digit(in[k]); };
  if (at + 1 < in.size() && ((in[at] == ')' && in[at + 1] == ' ') || (in[at] == ' ' && in[at + 1] == '('))) {
    if (digit_at(at + 2)) return 2;
  }
  return is_number_separator(in[at]) && digit_at(at + 1) ? 1 : 0;
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
      } else if (const std::size_t gap = separator_length(in, j); gap > 0) {
        j += gap;
      } else {
        break;
      }
    }
    if (digits >= 9) {
      if (!out.empty() && (out.back() == '+' || out.back() == '(')) out.pop_back();
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
  const CodePoints redacted =
      redact_numbers(redact_documents(redact_emails(join_obfuscated_at(lower_collapsed(text)))));
  icu::UnicodeString u;
  for (UChar32 c : redacted) u.append(c);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace wiedza::server
