#include "search/evaluation/evaluator.h"

#include <gtest/gtest.h>

#include <fstream>

#include "indexer/index_writer.h"
#include "tests/support/test_corpus.h"

namespace wiedza::evaluation {
namespace {

using wiedza::testing::TempDir;
using wiedza::testing::TestCorpus;

TEST(Evaluator, ReadsJudgedQueriesAndReportsBadLines) {
  TempDir tmp;
  std::ofstream(tmp.path() / "q.jsonl")
      << R"({"id":"q1","query":"dowód","relevant":{"a":2,"b":1},"unit":"wsa","style":"consultant"})" "\n"
      << "\n"
      << "not json\n"
      << R"({"id":"q2","query":"pogoda","relevant":{},"unit":null,"style":"outofscope"})" "\n"
      << R"({"id":"q3","query":"x","relevant":{"a":7}})" "\n";
  ValidationErrors errors;
  auto qs = read_judged_queries(tmp.str("q.jsonl"), errors);
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].relevant.at("a"), 2);
  EXPECT_EQ(qs[0].unit.value_or(""), "wsa");
  EXPECT_FALSE(qs[1].in_scope());
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "line 3");
  EXPECT_EQ(errors[1].field, "line 5.relevant.a");
}

TEST(Evaluator, AggregatesOverallAndPerStyleOnARealIndex) {
  TempDir tmp;
  TestCorpus corpus(tmp.path() / "corpus");
  corpus.put("dowod", TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o dowód osobisty."));
  corpus.put("meldunek", TestCorpus::article("meldunek", "Zameldowanie", "Zameldowanie na pobyt stały."));
  analysis::Analyzer analyzer;
  sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), analyzer);
  Searcher searcher(tmp.str("db"));

  std::vector<JudgedQuery> qs = {
      {"q1", "dowodu", {{"dowod", 2}}, "wsa", "consultant"},
      {"q2", "zameldowania", {{"dowod", 2}}, "wsa", "resident"},  // deliberately judged wrong
      {"q3", "przepis na bigos", {}, std::nullopt, "outofscope"},
  };
  EvaluationReport r = evaluate(searcher, qs);
  EXPECT_EQ(r.overall.queries, 3u);
  EXPECT_EQ(r.overall.in_scope, 2u);
  EXPECT_DOUBLE_EQ(r.by_style.at("consultant").ndcg10, 1.0);
  EXPECT_DOUBLE_EQ(r.by_style.at("resident").ndcg10, 0.0);
  EXPECT_DOUBLE_EQ(r.overall.ndcg10, 0.5);
  EXPECT_DOUBLE_EQ(r.by_style.at("outofscope").out_of_scope_answered, 0.0);
  ASSERT_EQ(r.worst(1).size(), 1u);
  EXPECT_EQ(r.worst(1)[0]->query->id, "q2");
  auto j = r.to_json(5);
  EXPECT_EQ(j["overall"]["ndcg@10"], 0.5);
  EXPECT_EQ(j["worst"][0]["id"], "q2");
}

}  // namespace
}  // namespace wiedza::evaluation
