// The default everyday-words lexicon: the shipped file is clean, and a corpus without a
// synonyms file is still understood in everyday words, through a real index.
#include "search/everyday_lexicon.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "indexer/index_writer.h"
#include "search/searcher.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

TEST(EverydayLexicon, TheShippedFileParsesWithoutErrors) {
  ValidationErrors errors;
  const auto rules = parse_synonyms(std::string(everyday_lexicon_text()), "search/lexicon/everyday_pl.txt", errors);
  for (const ValidationError& e : errors) ADD_FAILURE() << e.to_string();
  EXPECT_EQ(rules.size(), everyday_lexicon().size());
  EXPECT_FALSE(rules.empty());
}

TEST(EverydayLexicon, EveryRuleIsAnalysableAndNoneIsRepeated) {
  analysis::Analyzer analyzer;
  std::set<std::pair<std::string, std::string>> seen;
  for (const SynonymRule& r : everyday_lexicon()) {
    EXPECT_TRUE(seen.insert({r.from, r.to}).second) << "repeated rule: " << r.from << " => " << r.to;
    for (const std::string* side : {&r.from, &r.to}) {
      bool content = false;
      for (const auto& t : analyzer.analyze(*side).tokens) content = content || !t.stop;
      EXPECT_TRUE(content) << "'" << *side << "' has only stop words, so it can never match";
    }
  }
}

TEST(EverydayLexicon, ACorpusWithoutSynonymsStillUnderstandsEverydayWords) {
  TempDir tmp;
  TestCorpus corpus(tmp.path() / "corpus");
  corpus.put("odbior", {{"title", "Harmonogram odbioru odpadów komunalnych"},
                        {"body", "Odpady zmieszane odbieramy co tydzień według harmonogramu dla ulicy."}});
  corpus.put("psy", {{"title", "Opłata od posiadania psa"}, {"body", "Opłatę wnosi się do końca marca."}});
  ASSERT_FALSE(std::filesystem::exists(corpus.dir() / "synonyms.txt"));
  analysis::Analyzer analyzer;
  sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), analyzer);
  Searcher searcher(tmp.str("db"));
  EXPECT_GE(searcher.resources().synonyms.size(), everyday_lexicon().size());
  auto r = searcher.search({"kiedy przyjedzie śmieciarka", 10, 0, {}, {}, {}});
  ASSERT_FALSE(r.hits.empty()) << "the everyday word found nothing";
  EXPECT_EQ(r.hits[0].id, "odbior");
}

TEST(EverydayLexicon, TheCorpusRulesComeOnTop) {
  const std::vector<SynonymRule> own = {{"tramwajarz", "motorniczy"}};
  const auto rules = with_everyday_lexicon(own);
  ASSERT_EQ(rules.size(), everyday_lexicon().size() + 1);
  EXPECT_EQ(rules.back().from, "tramwajarz");
}

}  // namespace
}  // namespace wiedza
