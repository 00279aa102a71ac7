// Checks on the bundled knowledge base in corpus/: it indexes cleanly, the routing
// directory is fully used, the judged queries point at real articles, and no two
// articles share long identical passages.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <unordered_map>

#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "search/evaluation/evaluator.h"
#include "search/markdown_text.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

const std::string kCorpus = std::string(WIEDZA_SOURCE_DIR) + "/corpus";

class BundledCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { corpus_ = new Corpus(read_corpus(kCorpus)); }
  static void TearDownTestSuite() { delete corpus_; }
  static Corpus* corpus_;
};
Corpus* BundledCorpusTest::corpus_ = nullptr;

std::size_t word_count(const std::string& s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

TEST_F(BundledCorpusTest, EveryArticleIsValid) {
  for (const auto& e : corpus_->errors) ADD_FAILURE() << e.to_string();
  EXPECT_TRUE(corpus_->warnings.empty());
  EXPECT_GE(corpus_->articles.size(), 300u);
  EXPECT_GE(corpus_->directory.units.size(), 35u);
  EXPECT_GE(corpus_->directory.categories.size(), 20u);
}

TEST_F(BundledCorpusTest, IndexesWithZeroValidationErrors) {
  testing::TempDir tmp;
  analysis::Analyzer analyzer;
  SyncSummary s = sync_index(tmp.str("db"), *corpus_, analyzer);
  EXPECT_EQ(s.added, corpus_->articles.size());
  EXPECT_EQ(s.invalid, 0u);
}

TEST_F(BundledCorpusTest, EveryUnitAndCategoryIsUsed) {
  std::set<std::string> units, categories;
  for (const Article& a : corpus_->articles) {
    units.insert(a.unit);
    categories.insert(a.category);
  }
  for (const auto& [id, u] : corpus_->directory.units) EXPECT_TRUE(units.count(id)) << "unit not used: " << id;
  for (const auto& [id, c] : corpus_->directory.categories) {
    EXPECT_TRUE(categories.count(id)) << "category not used: " << id;
  }
}

TEST_F(BundledCorpusTest, ArticlesAreRealSizedAndKindsAreBalanced) {
  std::map<std::string, std::size_t> kinds;
  std::size_t with_summary = 0, with_keywords = 0;
  for (const Article& a : corpus_->articles) {
    const std::size_t words = word_count(a.body);
    EXPECT_GE(words, 150u) << a.id;
    EXPECT_LE(words, 500u) << a.id;
    ++kinds[a.kind];
    with_summary += a.summary.empty() ? 0 : 1;
    with_keywords += a.keywords.empty() ? 0 : 1;
  }
  const double n = static_cast<double>(corpus_->articles.size());
  auto share = [n](std::size_t count) { return static_cast<double>(count) / n; };
  EXPECT_GE(share(kinds["interwencja"]), 0.25);
  EXPECT_GE(share(kinds["sprawa"]), 0.25);
  EXPECT_GT(share(with_summary), 0.5);
  EXPECT_GT(share(with_keywords), 0.5);
}

TEST_F(BundledCorpusTest, NoTwoArticlesShareLongIdenticalPassages) {
  // A passage of 12 identical consecutive words in two articles means copied text.
  constexpr std::size_t kShingle = 12;
  std::unordered_map<std::string, std::string> seen;  // shingle -> article id
  for (const Article& a : corpus_->articles) {
    std::vector<std::string> words;
    std::string w;
    for (char c : markdown_to_plain_text(a.body) + " ") {
      if (c == ' ' || c == '\n' || c == '\t') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += c;
      }
    }
    std::set<std::string> own;
    for (std::size_t i = 0; i + kShingle <= words.size(); ++i) {
      std::string shingle;
      for (std::size_t k = 0; k < kShingle; ++k) shingle += words[i + k] + " ";
      if (!own.insert(shingle).second) continue;
      auto [it, inserted] = seen.emplace(shingle, a.id);
      if (!inserted) ADD_FAILURE() << a.id << " and " << it->second << " share: \"" << shingle << "\"";
    }
  }
}

TEST_F(BundledCorpusTest, JudgedQueriesReferenceExistingArticles) {
  ValidationErrors errors;
  auto queries = evaluation::read_judged_queries(kCorpus + "/queries/dev.jsonl", errors);
  for (const auto& e : errors) ADD_FAILURE() << e.to_string();
  EXPECT_GE(queries.size(), 400u);
  std::set<std::string> ids;
  for (const Article& a : corpus_->articles) ids.insert(a.id);
  const std::set<std::string> styles = {"consultant", "resident",     "nodiacritics", "typo",
                                        "colloquial", "abbreviation", "outofscope"};
  std::set<std::string> query_ids;
  for (const auto& q : queries) {
    EXPECT_TRUE(query_ids.insert(q.id).second) << "duplicate query id " << q.id;
    EXPECT_TRUE(styles.count(q.style)) << q.id << ": unknown style " << q.style;
    bool has_answer = false;
    for (const auto& [id, grade] : q.relevant) {
      EXPECT_TRUE(ids.count(id)) << q.id << " judges unknown article " << id;
      has_answer = has_answer || grade == 2;
    }
    if (q.style == "outofscope") {
      EXPECT_TRUE(q.relevant.empty()) << q.id;
    } else {
      EXPECT_TRUE(has_answer) << q.id << " has no grade-2 article";
      ASSERT_TRUE(q.unit.has_value()) << q.id;
      EXPECT_TRUE(corpus_->directory.unit(*q.unit) != nullptr) << q.id << ": unknown unit " << *q.unit;
    }
  }
}

}  // namespace
}  // namespace wiedza
