// End-to-end tests of the `wiedza` binary as users and other tools call it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <sstream>

#include "search/analysis/lemmatizer.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::run_command;
using testing::TempDir;
using testing::TestCorpus;
using testing::wiedza_binary;

class CliTest : public ::testing::Test {
 protected:
  TempDir tmp;
  TestCorpus corpus{tmp.path() / "corpus"};

  testing::CommandResult index(bool with_stderr = true) {
    return run_command(wiedza_binary() + " index " + corpus.dir().string() + " --db " + tmp.str("db"), with_stderr);
  }
  nlohmann::json search_json(const std::string& query) {
    auto r = run_command(wiedza_binary() + " search --json --db " + tmp.str("db") + " '" + query + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return nlohmann::json::parse(r.output);
  }
};

TEST_F(CliTest, IndexReportsSummaryAndIsIncremental) {
  corpus.put("dowod", TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o dowód osobisty."));
  auto first = index();
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("1 added, 0 updated, 0 unchanged, 0 deleted, 0 invalid"), std::string::npos)
      << first.output;
  auto second = index();
  EXPECT_NE(second.output.find("0 added, 0 updated, 1 unchanged, 0 deleted"), std::string::npos) << second.output;
}

TEST_F(CliTest, InvalidArticleIsReportedWithPathAndFieldAndExitStatusOne) {
  corpus.put("dobry", TestCorpus::article("dobry", "Wywóz odpadów", "Harmonogram wywozu."));
  corpus.put("zly", {{"title", "Zły"}, {"body", "x"}, {"category", "brak-takiej"}});
  auto r = index();
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("zly.json: field 'category': unknown category 'brak-takiej'"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("1 added"), std::string::npos) << r.output;
  EXPECT_EQ(search_json("wywozu")["results"][0]["id"], "dobry");
}

TEST_F(CliTest, RemovedFileDisappearsFromResults) {
  corpus.put("a", TestCorpus::article("a", "Psy w parku", "Wybieg dla psów."));
  index();
  EXPECT_EQ(search_json("psy")["results"].size(), 1u);
  corpus.remove("a");
  auto r = index();
  EXPECT_NE(r.output.find("1 deleted"), std::string::npos) << r.output;
  EXPECT_EQ(search_json("psy")["results"].size(), 0u);
}

// A server killed mid-DELETE leaves the article moved aside under a hidden name, before
// the index commit: reindexing must not apply that unacknowledged deletion.
TEST_F(CliTest, IndexPutsBackADeletionTheIndexNeverGot) {
  corpus.put("dowod", TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o dowód osobisty."));
  corpus.put("meldunek", TestCorpus::article("meldunek", "Meldunek", "Zameldowanie na pobyt stały."));
  ASSERT_EQ(index().exit_code, 0);
  const auto articles = corpus.dir() / "articles";
  std::filesystem::rename(articles / "dowod.json", articles / ".dowod.json.del-123");
  std::ofstream(articles / ".meldunek.json.tmp-456") << "{\"half\": ";  // a write killed midway
  auto r = index();
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("articles/dowod.json: a deletion interrupted by a crash was undone"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("articles/meldunek.json: a write interrupted by a crash was undone"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("0 added, 0 updated, 2 unchanged, 0 deleted"), std::string::npos) << r.output;
  EXPECT_TRUE(std::filesystem::exists(articles / "dowod.json"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(articles), std::filesystem::directory_iterator()), 2);
}

TEST_F(CliTest, SearchJsonHasHighlightedSnippets) {
  corpus.put("a", TestCorpus::article("a", "Odpady wielkogabarytowe", "Odbiór odpadów wielkogabarytowych."));
  index();
  auto j = search_json("odpadow");
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["id"], "a");
  EXPECT_NE(j["results"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_GT(j["results"][0]["score"].get<double>(), 0.0);
}

TEST_F(CliTest, JsonlBatchAnswersEveryLineInOrder) {
  corpus.put("a", TestCorpus::article("a", "Dowód osobisty", "Wniosek o dowód."));
  corpus.put("b", TestCorpus::article("b", "Meldunek", "Zameldowanie na pobyt stały."));
  index();
  auto r = run_command("printf '%s\\n' '{\"id\":\"q1\",\"query\":\"dowodu\"}' 'not json' "
                       "'{\"id\":\"q2\",\"query\":\"zameldowania\"}' | " +
                       wiedza_binary() + " search --jsonl --db " + tmp.str("db"));
  std::istringstream lines(r.output);
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(lines, line);) out.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(out.size(), 3u) << r.output;
  EXPECT_EQ(out[0]["id"], "q1");
  EXPECT_EQ(out[0]["results"][0]["id"], "a");
  EXPECT_TRUE(out[1].contains("error"));
  EXPECT_EQ(out[2]["id"], "q2");
  EXPECT_EQ(out[2]["results"][0]["id"], "b");
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(CliTest, MissingDatabaseAndCorpusGiveClearErrors) {
  auto r = run_command(wiedza_binary() + " search --db " + tmp.str("nope") + " dowód", true);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("does not exist"), std::string::npos) << r.output;
  std::filesystem::remove(corpus.dir() / "units.json");
  r = index();
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("units.json: missing"), std::string::npos) << r.output;
}

TEST_F(CliTest, AnalyzeShowsLemmasAndFoldedForms) {
  auto r = run_command(wiedza_binary() + " analyze --json 'Odpadów wielkogabarytowych'");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["tokens"][0]["lemmas"][0], "odpad");
  EXPECT_EQ(j["tokens"][0]["folded"], "odpadow");
}

TEST_F(CliTest, EverySubcommandHasHelp) {
  for (const char* cmd : {"index", "search", "analyze"}) {
    auto r = run_command(wiedza_binary() + " " + cmd + " --help");
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.output.find("Usage"), std::string::npos) << cmd;
  }
}

TEST(CliSearch, RoutingIsTheSameOnEveryPageAndShownInText) {
  TempDir tmp;
  auto r = run_command(wiedza_binary() + " index " + std::string(WIEDZA_SOURCE_DIR) + "/corpus --db " + tmp.str("db"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto search = [&](const std::string& args) {
    auto out = run_command(wiedza_binary() + " search --json --db " + tmp.str("db") + " " + args);
    EXPECT_EQ(out.exit_code, 0) << out.output;
    return nlohmann::json::parse(out.output);
  };
  const auto first = search("parkowanie"), second = search("--offset 10 parkowanie");
  ASSERT_TRUE(first["routing"].is_object());
  ASSERT_TRUE(second["routing"].is_object());
  EXPECT_EQ(second["routing"]["unit"]["id"], first["routing"]["unit"]["id"]);
  EXPECT_EQ(second["routing"]["reason"], first["routing"]["reason"]);
  EXPECT_FALSE(first["weak"].get<bool>());
  EXPECT_TRUE(search("psychiatra dziecięcy")["weak"].get<bool>());
  EXPECT_TRUE(search("psychiatra dziecięcy")["routing"].is_null());

  auto text = run_command(wiedza_binary() + " search --db " + tmp.str("db") + " --offset 10 parkowanie");
  EXPECT_NE(text.output.find("routing: " + first["routing"]["unit"]["name"].get<std::string>()), std::string::npos)
      << text.output;
  text = run_command(wiedza_binary() + " search --db " + tmp.str("db") + " psychiatra dziecięcy");
  EXPECT_NE(text.output.find("(weak: not in the base)"), std::string::npos) << text.output;
}

TEST_F(CliTest, AChangedAnalyserReanalysesEveryArticleAndSaysSo) {
  // A private copy of the dictionary stands for an upgraded hunspell-pl package.
  const std::filesystem::path dict = tmp.path() / "dict";
  std::filesystem::create_directories(dict);
  for (const char* f : {"pl_PL.aff", "pl_PL.dic"}) {
    std::filesystem::copy_file(analysis::default_dictionary_dir() + "/" + f, dict / f);
  }
  corpus.put("a", TestCorpus::article("a", "Dowód osobisty", "Wniosek o dowód."));
  corpus.put("b", TestCorpus::article("b", "Meldunek", "Zameldowanie na pobyt stały."));
  const std::string env = "WIEDZA_DICT_DIR=" + dict.string() + " ";
  auto index_with_dict = [&] {
    return run_command(env + wiedza_binary() + " index " + corpus.dir().string() + " --db " + tmp.str("db"));
  };
  EXPECT_NE(index_with_dict().output.find("2 added"), std::string::npos);
  auto again = index_with_dict();
  EXPECT_NE(again.output.find("2 unchanged"), std::string::npos) << again.output;
  EXPECT_EQ(again.output.find("analyser changed"), std::string::npos) << again.output;
  std::ofstream(dict / "pl_PL.dic", std::ios::app) << "kopciuchowaty\n";
  auto changed = index_with_dict();
  EXPECT_NE(changed.output.find("the analyser changed since this index was built"), std::string::npos) << changed.output;
  EXPECT_NE(changed.output.find("2 updated"), std::string::npos) << changed.output;
  EXPECT_NE(index_with_dict().output.find("2 unchanged"), std::string::npos);
}

}  // namespace
}  // namespace wiedza
