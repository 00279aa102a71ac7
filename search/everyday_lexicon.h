// The default lexicon: how residents say what the articles call officially
// ("śmieciarka" / odbiór odpadów, "wuzetka" / warunki zabudowy), for public services in
// general, by category. It is search/lexicon/everyday_pl.txt, compiled into the binary,
// in the format of a corpus's synonyms.txt (docs/corpus-format.md).
//
// `wiedza index` stores it with the corpus's own synonyms (which come after it and add
// to it) in the index, so a city starting with its own articles and no synonyms file is
// still understood in everyday words, and replicas get the same rules with the index.
#pragma once

#include <string_view>
#include <vector>

#include "search/synonyms.h"

namespace wiedza {

// The embedded text (search/lexicon/everyday_pl.txt).
std::string_view everyday_lexicon_text();

// Its rules, parsed once. The file is checked by tests; should it ever not parse, the
// bad lines are skipped here exactly as in a corpus file.
const std::vector<SynonymRule>& everyday_lexicon();

// The rules an index stores for a corpus: the default lexicon, then the corpus's own.
std::vector<SynonymRule> with_everyday_lexicon(const std::vector<SynonymRule>& corpus_rules);

}  // namespace wiedza
