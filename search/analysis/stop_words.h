// Polish stop words: function words, question words and politeness formulas that carry
// no topic ("jak mogę zgłosić dziurę" is about "zgłosić dziurę"). They are taken out
// before lemmatisation (dictionaries give them odd lemmas: w -> wiek, jak -> jaka) and
// matched diacritic-insensitively ("moge", "prosze").
#pragma once

#include <string_view>

namespace wiedza::analysis {

// `folded` is the case- and diacritic-folded form of a token.
bool is_stop_word(std::string_view folded);

}  // namespace wiedza::analysis
