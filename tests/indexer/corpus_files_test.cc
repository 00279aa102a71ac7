// Staged corpus writes: nothing is visible until commit, an uncommitted change is undone,
// and the files written are what the corpus reader reads.
#include "indexer/corpus_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "indexer/corpus_reader.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::TestCorpus;

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(CorpusFiles, AStagedWriteIsInvisibleUntilCommitted) {
  TempDir tmp;
  const fs::path target = tmp.path() / "a.json";
  std::ofstream(target) << "old";
  {
    auto change = CorpusFileChange::write(target, "new");
    EXPECT_EQ(testing::read_file(target), "old");
    EXPECT_EQ(entries(tmp.path()), 2u);  // the hidden staged file
    change.commit();
  }
  EXPECT_EQ(testing::read_file(target), "new");
  EXPECT_EQ(entries(tmp.path()), 1u);
}

TEST(CorpusFiles, AnUncommittedChangeIsUndone) {
  TempDir tmp;
  const fs::path target = tmp.path() / "a.json";
  std::ofstream(target) << "old";
  { auto change = CorpusFileChange::write(target, "new"); }
  EXPECT_EQ(testing::read_file(target), "old");
  {
    auto removal = CorpusFileChange::remove(target);
    EXPECT_FALSE(fs::exists(target));
  }
  EXPECT_EQ(testing::read_file(target), "old");  // moved back
  EXPECT_EQ(entries(tmp.path()), 1u);
  auto removal = CorpusFileChange::remove(target);
  removal.commit();
  EXPECT_FALSE(fs::exists(target));
  EXPECT_EQ(entries(tmp.path()), 0u);
  CorpusFileChange::remove(target).commit();  // removing a missing file is fine
}

TEST(CorpusFiles, WritingIntoAMissingDirectoryNamesThePath) {
  TempDir tmp;
  try {
    CorpusFileChange::write(tmp.path() / "no-such-dir" / "a.json", "x");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("no-such-dir"), std::string::npos) << e.what();
  }
}

TEST(CorpusFiles, WrittenFilesReadBackAsTheSameCorpus) {
  TempDir tmp;
  TestCorpus corpus(tmp.path() / "c");
  corpus.put("a", TestCorpus::article("a", "Tytuł", "Treść artykułu."));
  Corpus before = read_corpus(corpus.dir().string());
  CorpusFileChange::write(corpus.dir() / "units.json", units_file_text(before.directory.units)).commit();
  CorpusFileChange::write(corpus.dir() / "categories.json", categories_file_text(before.directory.categories)).commit();
  nlohmann::json copy = to_json(before.articles[0]);
  copy["id"] = "b";
  CorpusFileChange::write(article_path(corpus.dir().string(), "b"), article_file_text(copy)).commit();
  Corpus after = read_corpus(corpus.dir().string());
  EXPECT_TRUE(after.errors.empty());
  ASSERT_EQ(after.articles.size(), 2u);
  EXPECT_EQ(after.articles[1].title, "Tytuł");
  EXPECT_EQ(units_to_json(after.directory.units), units_to_json(before.directory.units));
  EXPECT_EQ(categories_to_json(after.directory.categories), categories_to_json(before.directory.categories));
}

}  // namespace
}  // namespace wiedza
