// Candidate spellings with Polish letters for a word typed without them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wiedza::analysis {

// Every spelling of a lowercase ASCII word that puts back Polish letters where Polish
// orthography allows them (ą/ę never word-initial; ć, ń, ś, ź only before a consonant or
// at the end; no ż/ź in the digraphs cz, sz, rz; no ć/ś in ch, cz, sz). The word itself is
// the first candidate. Returns an empty list when there would be more than
// `max_candidates` spellings: such words are too ambiguous to restore cheaply.
std::vector<std::string> diacritic_candidates(std::string_view ascii_word, std::size_t max_candidates);

}  // namespace wiedza::analysis
