#include "indexer/index_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "search/schema.h"
#include "search/searcher.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

class IndexWriterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { analyzer_ = new analysis::Analyzer(); }
  static void TearDownTestSuite() { delete analyzer_; }

  SyncSummary sync() { return sync_index(db(), read_corpus(corpus.dir().string()), *analyzer_); }
  std::string db() const { return tmp.str("db"); }
  std::vector<std::string> ids_for(const std::string& query) { return testing::hit_ids(db(), query); }

  TempDir tmp;
  TestCorpus corpus{tmp.path() / "corpus"};
  static analysis::Analyzer* analyzer_;
};
analysis::Analyzer* IndexWriterTest::analyzer_ = nullptr;

TEST_F(IndexWriterTest, FirstRunAddsEverythingSecondRunWritesNothing) {
  corpus.put("dowod", TestCorpus::article("dowod", "Dowód osobisty", "Wniosek o dowód osobisty."));
  corpus.put("meldunek", TestCorpus::article("meldunek", "Zameldowanie", "Zameldowanie na pobyt stały."));
  SyncSummary first = sync();
  EXPECT_EQ(first.to_string(), "2 added, 0 updated, 0 unchanged, 0 deleted, 0 invalid");
  Xapian::rev revision = Xapian::Database(db()).get_revision();

  SyncSummary second = sync();
  EXPECT_EQ(second.to_string(), "0 added, 0 updated, 2 unchanged, 0 deleted, 0 invalid");
  EXPECT_FALSE(second.committed);
  EXPECT_EQ(Xapian::Database(db()).get_revision(), revision);
}

TEST_F(IndexWriterTest, ChangedArticleIsReplacedAndOldTextIsGone) {
  corpus.put("a", TestCorpus::article("a", "Tytuł", "Stara treść o psach."));
  sync();
  EXPECT_EQ(ids_for("psy"), std::vector<std::string>{"a"});
  corpus.put("a", TestCorpus::article("a", "Tytuł", "Nowa treść o kotach."));
  EXPECT_EQ(sync().to_string(), "0 added, 1 updated, 0 unchanged, 0 deleted, 0 invalid");
  EXPECT_TRUE(ids_for("psy").empty());
  EXPECT_EQ(ids_for("kot"), std::vector<std::string>{"a"});
  EXPECT_EQ(Xapian::Database(db()).get_doccount(), 1u);
}

TEST_F(IndexWriterTest, RemovedFileIsDeleted) {
  corpus.put("a", TestCorpus::article("a", "Pies", "Opłata za psa."));
  corpus.put("b", TestCorpus::article("b", "Kot", "Kot w mieszkaniu."));
  sync();
  corpus.remove("a");
  EXPECT_EQ(sync().to_string(), "0 added, 0 updated, 1 unchanged, 1 deleted, 0 invalid");
  EXPECT_TRUE(ids_for("pies").empty());
}

TEST_F(IndexWriterTest, InvalidUpdateLeavesOldVersionSearchable) {
  corpus.put("a", TestCorpus::article("a", "Wywóz odpadów", "Harmonogram wywozu odpadów."));
  sync();
  corpus.put("a", {{"title", "Wywóz odpadów"}, {"body", "Nowa treść"}, {"unit", "no-such-unit"}});
  SyncSummary s = sync();
  EXPECT_EQ(s.to_string(), "0 added, 0 updated, 0 unchanged, 0 deleted, 1 invalid");
  EXPECT_EQ(ids_for("harmonogram wywozu"), std::vector<std::string>{"a"});
}

TEST_F(IndexWriterTest, StoresRoutingDirectoryAndFiltersInTheDatabase) {
  corpus.put("a", TestCorpus::article("a", "Dowód", "Treść."));
  sync();
  Xapian::Database d(db());
  EXPECT_NE(d.get_metadata(schema::kMetaUnits).find("Wydział Spraw Administracyjnych"), std::string::npos);
  EXPECT_NE(d.get_metadata(schema::kMetaCategories).find("sprawy-obywatelskie"), std::string::npos);
  EXPECT_EQ(d.get_termfreq("XUwsa"), 1u);
  EXPECT_EQ(d.get_termfreq("XCsprawy-obywatelskie"), 1u);
  EXPECT_EQ(d.get_termfreq("XKinformacja"), 1u);
  EXPECT_EQ(d.get_termfreq("Qa"), 1u);
}

TEST_F(IndexWriterTest, SecondWriterGetsAClearError) {
  corpus.put("a", TestCorpus::article("a", "Dowód", "Treść."));
  sync();
  Xapian::WritableDatabase holder(db(), Xapian::DB_OPEN);
  try {
    sync();
    FAIL() << "expected IndexLockedError";
  } catch (const IndexLockedError& e) {
    EXPECT_NE(std::string(e.what()).find("being written by another process"), std::string::npos);
  }
}

}  // namespace
}  // namespace wiedza
