#include "search/analysis/diacritic_candidates.h"

namespace wiedza::analysis {
namespace {

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Soft consonants (ć ń ś ź) are written with an accent only before another consonant or
// at the end of a word; before a vowel Polish writes "ci", "ni", "si", "zi" instead.
bool soft_allowed(std::string_view w, std::size_t i) {
  if (i + 1 == w.size()) return true;
  char next = w[i + 1];
  return !is_vowel(next) && next != 'z' && next != 'h';
}

std::vector<std::string> options_at(std::string_view w, std::size_t i) {
  const char c = w[i];
  const char prev = i > 0 ? w[i - 1] : '\0';
  switch (c) {
    case 'a': return i > 0 ? std::vector<std::string>{"a", "ą"} : std::vector<std::string>{"a"};
    case 'e': return i > 0 ? std::vector<std::string>{"e", "ę"} : std::vector<std::string>{"e"};
    case 'o': return {"o", "ó"};
    case 'l': return {"l", "ł"};
    case 'c': return soft_allowed(w, i) ? std::vector<std::string>{"c", "ć"} : std::vector<std::string>{"c"};
    case 'n': return soft_allowed(w, i) ? std::vector<std::string>{"n", "ń"} : std::vector<std::string>{"n"};
    case 's': return soft_allowed(w, i) ? std::vector<std::string>{"s", "ś"} : std::vector<std::string>{"s"};
    case 'z': {
      if (prev == 'c' || prev == 's' || prev == 'r') return {"z"};
      if (soft_allowed(w, i)) return {"z", "ż", "ź"};
      return {"z", "ż"};
    }
    default: return {std::string(1, c)};
  }
}

}  // namespace

std::vector<std::string> diacritic_candidates(std::string_view w, std::size_t max_candidates) {
  std::vector<std::vector<std::string>> options;
  options.reserve(w.size());
  std::size_t total = 1;
  for (std::size_t i = 0; i < w.size(); ++i) {
    options.push_back(options_at(w, i));
    total *= options.back().size();
    if (total > max_candidates) return {};
  }
  std::vector<std::string> out;
  out.reserve(total);
  // Odometer over the option lists; index 0 everywhere is the word as typed.
  std::vector<std::size_t> pick(w.size(), 0);
  for (std::size_t n = 0; n < total; ++n) {
    std::string s;
    s.reserve(w.size() * 2);
    for (std::size_t i = 0; i < w.size(); ++i) s += options[i][pick[i]];
    out.push_back(std::move(s));
    for (std::size_t i = w.size(); i-- > 0;) {
      if (++pick[i] < options[i].size()) break;
      pick[i] = 0;
    }
  }
  return out;
}

}  // namespace wiedza::analysis
