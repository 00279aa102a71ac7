// IndexEditor: single edits as single commits, unit renames re-index their articles,
// referenced units refuse deletion, and a second writer waits, then fails clearly.
#include "indexer/article_edits.h"

#include <gtest/gtest.h>

#include <thread>

#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "search/schema.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

class ArticleEditsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestCorpus corpus(tmp_.path() / "c");
    corpus.put("a", TestCorpus::article("a", "Dowód osobisty", "Wniosek o dowód."));
    sync_index(tmp_.str("db"), read_corpus(corpus.dir().string()), analyzer_);
  }
  Article article(const std::string& id, const std::string& title, const std::string& unit = "wsa") {
    ValidationErrors errors;
    nlohmann::json j = TestCorpus::article(id, title, "Treść.");
    j["unit"] = unit;
    auto a = parse_article({j, id, "test"}, editor_.directory(), errors);
    EXPECT_TRUE(a) << (errors.empty() ? "" : errors[0].to_string());
    return *a;
  }
  TempDir tmp_;
  analysis::Analyzer analyzer_;
  IndexEditor editor_{tmp_.str("db"), analyzer_, std::chrono::milliseconds(200)};
};

TEST_F(ArticleEditsTest, EachEditIsOneCommitAndReportsWhatItReplaced) {
  const auto rev0 = Xapian::Database(tmp_.str("db")).get_revision();
  EditOutcome created = editor_.put_article(article("b", "Karta mieszkańca"));
  EXPECT_TRUE(created.created);
  EXPECT_EQ(created.revision, rev0 + 1);
  EXPECT_TRUE(created.previous_hash.empty());
  EditOutcome updated = editor_.put_article(article("b", "Karta Krakowska"));
  EXPECT_FALSE(updated.created);
  EXPECT_EQ(updated.previous_hash, created.new_hash);
  EXPECT_EQ((*updated.previous)["title"], "Karta mieszkańca");
  EXPECT_EQ(updated.revision, rev0 + 2);
  EXPECT_EQ(Xapian::Database(tmp_.str("db")).get_doccount(), 2u);
  auto deleted = editor_.delete_article("b");
  ASSERT_TRUE(deleted);
  EXPECT_TRUE(deleted->new_hash.empty());
  EXPECT_FALSE(editor_.delete_article("b"));
  EXPECT_FALSE(editor_.stored_article("b"));
}

TEST_F(ArticleEditsTest, RenamingAUnitReindexesItsArticles) {
  // The unit's name is indexed in the articles' combined field (search/schema.h).
  const std::string renamed = std::string(schema::kFieldsPrefix) + "paszportowy";
  EXPECT_EQ(Xapian::Database(tmp_.str("db")).get_termfreq(renamed), 0u);
  Unit unit = editor_.directory().units.at("wsa");
  unit.name = "Biuro Paszportowe";
  EditOutcome out = editor_.put_unit(unit);
  EXPECT_EQ(out.reindexed, 1u);
  EXPECT_EQ(Xapian::Database(tmp_.str("db")).get_termfreq(renamed), 1u);
  EXPECT_EQ(editor_.directory().units.at("wsa").name, "Biuro Paszportowe");
}

TEST_F(ArticleEditsTest, UnitsAndCategoriesInUseCannotBeDeleted) {
  EXPECT_THROW(editor_.delete_unit("wsa"), StillReferencedError);
  EXPECT_THROW(editor_.delete_category("sprawy-obywatelskie"), StillReferencedError);
  EXPECT_TRUE(editor_.delete_unit("mpo"));
  EXPECT_FALSE(editor_.delete_unit("mpo"));
  EXPECT_TRUE(editor_.delete_category("odpady"));
  EXPECT_EQ(editor_.directory().units.count("mpo"), 0u);
}

TEST_F(ArticleEditsTest, ASecondWriterWaitsThenFailsWithAClearMessage) {
  Article b = article("b", "Karta mieszkańca");
  {
    Xapian::WritableDatabase held(tmp_.str("db"));
    try {
      editor_.put_article(b);
      FAIL() << "expected IndexLockedError";
    } catch (const IndexLockedError& e) {
      EXPECT_NE(std::string(e.what()).find("being written by another process"), std::string::npos);
    }
    // `wiedza index` meets the same lock.
    auto r = testing::run_command(testing::wiedza_binary() + " index " + (tmp_.path() / "c").string() + " --db " +
                                      tmp_.str("db") + " --lock-wait 0.2",
                                  true);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.output.find("being written by another process"), std::string::npos) << r.output;
  }
  // A writer that is released within the wait goes through.
  std::thread holder([&] {
    Xapian::WritableDatabase held(tmp_.str("db"));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_TRUE(editor_.put_article(b).created);
  holder.join();
}

}  // namespace
}  // namespace wiedza
