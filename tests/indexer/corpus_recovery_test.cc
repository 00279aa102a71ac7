// Resolving corpus file changes a crash left staged: finished when the index holds the
// edit, undone when it does not, other files left alone.
#include "indexer/corpus_recovery.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "indexer/article_edits.h"
#include "indexer/corpus_files.h"
#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::TestCorpus;

std::vector<std::string> names(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// An index's view given as a plain map: relative path → text (absent: should not exist).
ExpectedFileText expect(std::map<std::string, std::string> files) {
  return [files](const std::string& relative) -> std::optional<std::string> {
    auto it = files.find(relative);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
}

Article parse(const nlohmann::json& json, const Directory& directory) {
  ValidationErrors errors;
  auto article = parse_article({json, "", "test"}, directory, errors);
  if (!article) throw std::runtime_error(errors.front().to_string());
  return *article;
}

// Leaves a change staged as a process killed mid-edit would: under the hidden name
// CorpusFileChange uses (TheNamesAChangeStagesAreRecognised checks they agree).
void stage_write(const fs::path& target, const std::string& content) {
  std::ofstream(target.parent_path() / ("." + target.filename().string() + ".tmp-42")) << content;
}
void stage_removal(const fs::path& target) {
  fs::rename(target, target.parent_path() / ("." + target.filename().string() + ".del-42"));
}

TEST(CorpusRecovery, TheNamesAChangeStagesAreRecognised) {
  TempDir tmp;
  const fs::path target = tmp.path() / "a.json";
  std::ofstream(target) << "old";
  for (const bool removal : {false, true}) {
    auto change = removal ? CorpusFileChange::remove(target) : CorpusFileChange::write(target, "new");
    std::vector<StagedName> staged;
    for (const auto& e : fs::directory_iterator(tmp.path())) {
      if (auto name = parse_staged_name(e.path().filename().string())) staged.push_back(*name);
    }
    ASSERT_EQ(staged.size(), 1u);
    EXPECT_EQ(staged[0].target_filename, "a.json");
    EXPECT_EQ(staged[0].removal, removal);
  }  // each change is undone here
  EXPECT_EQ(testing::read_file(target), "old");
}

TEST(CorpusRecovery, StagedNamesAreReadBack) {
  auto write = parse_staged_name(".meldunek.json.tmp-12345");
  ASSERT_TRUE(write);
  EXPECT_EQ(write->target_filename, "meldunek.json");
  EXPECT_FALSE(write->removal);
  auto removal = parse_staged_name(".units.json.del-7");
  ASSERT_TRUE(removal);
  EXPECT_EQ(removal->target_filename, "units.json");
  EXPECT_TRUE(removal->removal);
  for (const char* other : {"meldunek.json", ".gitignore", ".a.json.tmp-", ".a.json.tmp-12x", ".tmp-1", "a.json.tmp-1"}) {
    EXPECT_FALSE(parse_staged_name(other)) << other;
  }
}

TEST(CorpusRecovery, AWriteTheIndexHoldsIsFinished) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "articles");
  const fs::path target = tmp.path() / "articles" / "a.json";
  std::ofstream(target) << "old";
  stage_write(target, "new");
  std::vector<RecoveredChange> seen;
  const auto done = recover_corpus_files(tmp.path(), expect({{"articles/a.json", "new"}}),
                                         [&](const RecoveredChange& c) {
                                           seen.push_back(c);
                                           EXPECT_EQ(testing::read_file(target), "old");  // called before the file is touched
                                         });
  ASSERT_EQ(done.size(), 1u);
  EXPECT_TRUE(done[0].finished);
  EXPECT_FALSE(done[0].removal);
  EXPECT_EQ(done[0].relative_path, "articles/a.json");
  EXPECT_EQ(seen.size(), 1u);
  EXPECT_EQ(testing::read_file(target), "new");
  EXPECT_EQ(names(tmp.path() / "articles"), std::vector<std::string>{"a.json"});
}

TEST(CorpusRecovery, AWriteTheIndexNeverGotIsUndone) {
  TempDir tmp;
  const fs::path target = tmp.path() / "units.json";
  std::ofstream(target) << "old";
  stage_write(target, "new");
  const auto done = recover_corpus_files(tmp.path(), expect({{"units.json", "old"}}));
  ASSERT_EQ(done.size(), 1u);
  EXPECT_FALSE(done[0].finished);
  EXPECT_EQ(testing::read_file(target), "old");
  EXPECT_EQ(names(tmp.path()), std::vector<std::string>{"units.json"});
  // A new article the index never got leaves no file at all.
  fs::create_directories(tmp.path() / "articles");
  stage_write(tmp.path() / "articles" / "b.json", "new");
  EXPECT_FALSE(recover_corpus_files(tmp.path(), expect({})).at(0).finished);
  EXPECT_TRUE(fs::is_empty(tmp.path() / "articles"));
}

TEST(CorpusRecovery, ADeletionIsFinishedOrTheFileIsPutBack) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "articles");
  const fs::path a = tmp.path() / "articles" / "a.json", b = tmp.path() / "articles" / "b.json";
  std::ofstream(a) << "text of a";
  std::ofstream(b) << "text of b";
  stage_removal(a);  // committed: the index no longer has a
  stage_removal(b);  // not committed: the index still has b
  EXPECT_FALSE(fs::exists(a));
  EXPECT_FALSE(fs::exists(b));
  auto done = recover_corpus_files(tmp.path(), expect({{"articles/b.json", "text of b"}}));
  ASSERT_EQ(done.size(), 2u);
  std::sort(done.begin(), done.end(), [](auto& x, auto& y) { return x.relative_path < y.relative_path; });
  EXPECT_TRUE(done[0].finished);
  EXPECT_TRUE(done[0].removal);
  EXPECT_EQ(done[0].staged_content, "text of a");  // what was deleted, for the audit trail
  EXPECT_FALSE(done[1].finished);
  EXPECT_EQ(names(tmp.path() / "articles"), std::vector<std::string>{"b.json"});
  EXPECT_EQ(testing::read_file(b), "text of b");
  // Nothing is left to do: a second run finds nothing.
  EXPECT_TRUE(recover_corpus_files(tmp.path(), expect({{"articles/b.json", "text of b"}})).empty());
}

TEST(CorpusRecovery, OtherHiddenFilesAreLeftAlone) {
  TempDir tmp;
  std::ofstream(tmp.path() / ".gitignore") << "*.tmp\n";
  std::ofstream(tmp.path() / "units.json") << "[]";
  EXPECT_TRUE(recover_corpus_files(tmp.path(), expect({})).empty());
  EXPECT_EQ(names(tmp.path()), (std::vector<std::string>{".gitignore", "units.json"}));
}

// Against a real index: the texts it implies are the ones an edit stages.
TEST(CorpusRecovery, TheIndexDecidesAgainstARealDatabase) {
  TempDir tmp;
  TestCorpus corpus(tmp.path() / "corpus");
  corpus.put("a", TestCorpus::article("a", "Dowód osobisty", "Wniosek o dowód."));
  analysis::Analyzer analyzer;
  sync_index(tmp.str("db"), read_corpus(corpus.dir()), analyzer);
  IndexEditor index(tmp.str("db"), analyzer, std::chrono::milliseconds(1000));
  // An update the index committed, then a kill before the file was put in place.
  auto article = parse(TestCorpus::article("a", "Dowód osobisty", "Nowa treść."), index.directory());
  const std::string staged_text = article_file_text(to_json(article));
  stage_write(article_path(corpus.dir().string(), "a"), staged_text);
  index.put_article(article);
  // A new article staged but killed before its commit.
  auto other = parse(TestCorpus::article("b", "Meldunek", "Zameldowanie."), index.directory());
  stage_write(article_path(corpus.dir().string(), "b"), article_file_text(to_json(other)));

  auto done = recover_corpus_files(corpus.dir(), expected_from_index(index));
  ASSERT_EQ(done.size(), 2u);
  std::sort(done.begin(), done.end(), [](auto& x, auto& y) { return x.relative_path < y.relative_path; });
  EXPECT_TRUE(done[0].finished);
  EXPECT_FALSE(done[1].finished);
  EXPECT_EQ(testing::read_file(article_path(corpus.dir().string(), "a")), staged_text);
  EXPECT_FALSE(fs::exists(article_path(corpus.dir().string(), "b")));
  // The corpus now reads as the index: a reindex changes nothing.
  const SyncSummary again = sync_index(tmp.str("db"), read_corpus(corpus.dir()), analyzer);
  EXPECT_EQ(again.added + again.updated + again.deleted, 0u) << again.to_string();
}

}  // namespace
}  // namespace wiedza
