// CorpusEditor: an edit validated, staged, committed to the index and put in place as one
// operation, against a real database and a real corpus directory; the hook runs between
// the commit and the file; refused edits leave index, corpus and hook untouched.
#include "indexer/corpus_editor.h"

#include <gtest/gtest.h>

#include "indexer/corpus_reader.h"
#include "indexer/index_writer.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::TempDir;
using testing::TestCorpus;

class CorpusEditorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_.put("a", TestCorpus::article("a", "Dowód osobisty", "Wniosek o dowód."));
    sync_index(tmp_.str("db"), read_corpus(corpus_.dir().string()), analyzer_);
  }
  Xapian::rev revision() const { return Xapian::Database(tmp_.str("db")).get_revision(); }
  // No hidden staged file is left in the corpus or its articles/.
  void expect_nothing_staged() const {
    for (const fs::path& dir : {corpus_.dir(), corpus_.dir() / "articles"}) {
      for (const auto& e : fs::directory_iterator(dir)) {
        EXPECT_FALSE(parse_staged_name(e.path().filename().string())) << "left behind: " << e.path();
      }
    }
  }
  // A hook that checks the order: the index holds the edit, the file is not in place yet.
  CorpusEditor::OnCommitted expect_index_before_file(const std::string& relative, const std::string& needle) {
    return [this, relative, needle](const AppliedEdit& applied) {
      ++hook_calls_;
      EXPECT_EQ(revision(), applied.outcome.revision) << "the hook runs after the commit";
      EXPECT_EQ(read_file(corpus_.dir() / relative).find(needle), std::string::npos)
          << relative << " was in place before the hook ran";
    };
  }
  TempDir tmp_;
  TestCorpus corpus_{tmp_.path() / "c"};
  analysis::Analyzer analyzer_;
  CorpusEditor editor_{tmp_.str("db"), corpus_.dir().string(), analyzer_, std::chrono::milliseconds(200)};
  int hook_calls_ = 0;
};

TEST_F(CorpusEditorTest, AnArticleGoesToTheIndexThenToItsFile) {
  const auto before = revision();
  auto applied = editor_.put_article("b", TestCorpus::article("b", "Karta mieszkańca", "Treść karty."),
                                     expect_index_before_file("articles/b.json", "Karta"));
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(hook_calls_, 1);
  EXPECT_TRUE(applied->outcome.created);
  EXPECT_EQ(applied->outcome.revision, before + 1);
  EXPECT_EQ(applied->stored["title"], "Karta mieszkańca");
  EXPECT_TRUE(applied->corpus_file_error.empty());
  EXPECT_NE(read_file(corpus_.dir() / "articles/b.json").find("Karta mieszkańca"), std::string::npos);
  EXPECT_EQ((*editor_.stored_article("b"))["title"], "Karta mieszkańca");
  expect_nothing_staged();

  auto deleted = editor_.delete_article("b", nullptr);
  ASSERT_TRUE(deleted) << deleted.error().message;
  EXPECT_FALSE(fs::exists(corpus_.dir() / "articles/b.json"));
  EXPECT_FALSE(editor_.stored_article("b"));
  expect_nothing_staged();
}

TEST_F(CorpusEditorTest, AnInvalidArticleChangesNothingAndSaysWhy) {
  const auto before = revision();
  const std::string file_before = read_file(corpus_.dir() / "articles/a.json");
  nlohmann::json bad = TestCorpus::article("a", "", "Treść.");
  bad["unit"] = "no-such-unit";
  auto refused = editor_.put_article("a", bad, [&](const AppliedEdit&) { ++hook_calls_; });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArticle);
  ASSERT_GE(refused.error().details.size(), 2u) << "every problem, not just the first";
  bool unit_named = false;
  for (const ValidationError& e : refused.error().details) unit_named |= e.field == "unit";
  EXPECT_TRUE(unit_named);
  EXPECT_EQ(hook_calls_, 0);
  EXPECT_EQ(revision(), before);
  EXPECT_EQ(read_file(corpus_.dir() / "articles/a.json"), file_before);
  expect_nothing_staged();

  auto bad_id = editor_.put_article("A B", TestCorpus::article("A B", "Tytuł", "Treść."), nullptr);
  ASSERT_FALSE(bad_id);
  EXPECT_EQ(bad_id.error().code, ErrorCode::kInvalidArticle);
  EXPECT_NE(bad_id.error().message.find(kIdPattern), std::string::npos) << bad_id.error().message;
  auto not_object = editor_.put_article("c", nlohmann::json::array(), nullptr);
  ASSERT_FALSE(not_object);
  EXPECT_EQ(not_object.error().message, "request body: must be a JSON object");
  auto unknown = editor_.delete_article("nope", nullptr);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

// Units and categories share one implementation; both kinds go through the same checks.
TEST_F(CorpusEditorTest, UnitsAndCategoriesAreEditedTheSameWay) {
  struct Case {
    EntryKind kind;
    std::string file, id, in_use;
    nlohmann::json entry;
  };
  const std::vector<Case> cases = {
      {EntryKind::kUnit, "units.json", "zdmk", "wsa",
       {{"name", "Zarząd Dróg Miasta Krakowa"}, {"kind", "jednostka"}, {"phone", "12 616 70 00"}}},
      {EntryKind::kCategory, "categories.json", "drogi", "sprawy-obywatelskie", {{"name", "Drogi i chodniki"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    hook_calls_ = 0;
    auto parsed = editor_.parse_entry(c.kind, c.id, c.entry);
    ASSERT_TRUE(parsed) << parsed.error().message;
    auto put = editor_.put_entry(*parsed, expect_index_before_file(c.file, c.entry["name"]));
    ASSERT_TRUE(put) << put.error().message;
    EXPECT_EQ(hook_calls_, 1);
    EXPECT_TRUE(put->outcome.created);
    EXPECT_EQ(put->stored["name"], c.entry["name"]);
    EXPECT_NE(read_file(corpus_.dir() / c.file).find(c.entry["name"].get<std::string>()), std::string::npos);

    nlohmann::json wrong_id = c.entry;
    wrong_id["id"] = "other";
    auto refused = editor_.parse_entry(c.kind, c.id, wrong_id);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, c.kind == EntryKind::kUnit ? ErrorCode::kInvalidUnit : ErrorCode::kInvalidCategory);
    EXPECT_NE(refused.error().message.find("does not match the id in the URL"), std::string::npos);

    const std::string file_before = read_file(corpus_.dir() / c.file);
    const auto before = revision();
    auto in_use = editor_.delete_entry(c.kind, c.in_use, nullptr);
    ASSERT_FALSE(in_use);
    EXPECT_EQ(in_use.error().code, ErrorCode::kStillReferenced);
    EXPECT_EQ(read_file(corpus_.dir() / c.file), file_before) << "a refused delete must leave the file";
    EXPECT_EQ(revision(), before);
    expect_nothing_staged();

    ASSERT_TRUE(editor_.delete_entry(c.kind, c.id, nullptr));
    EXPECT_EQ(read_file(corpus_.dir() / c.file).find(c.entry["name"].get<std::string>()), std::string::npos);
    auto gone = editor_.delete_entry(c.kind, c.id, nullptr);
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  }
}

// The server parses a unit or category before it queues for the write lock; parsing must
// need nothing from the index, or an invalid body would wait behind a reindex.
TEST_F(CorpusEditorTest, AnEntryIsParsedWithoutTheIndex) {
  Xapian::WritableDatabase held(tmp_.str("db"));  // another writer holds the lock
  auto invalid = editor_.parse_entry(EntryKind::kUnit, "zdmk", {{"kind", "jednostka"}});
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidUnit);
  EXPECT_NE(invalid.error().message.find("name"), std::string::npos) << invalid.error().message;
  auto bad_id = editor_.parse_entry(EntryKind::kCategory, "Złe id", {{"name", "Drogi"}});
  ASSERT_FALSE(bad_id);
  EXPECT_EQ(bad_id.error().code, ErrorCode::kInvalidCategory);
  auto valid = editor_.parse_entry(EntryKind::kCategory, "drogi", {{"name", "Drogi i chodniki"}});
  ASSERT_TRUE(valid) << valid.error().message;
  // Applying it does need the lock, and says so.
  auto locked = editor_.put_entry(*valid, nullptr);
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::kIndexLocked);
}

TEST_F(CorpusEditorTest, ALockedIndexIsReportedAndTheCorpusStaysAsItWas) {
  const std::string file_before = read_file(corpus_.dir() / "articles/a.json");
  Xapian::WritableDatabase held(tmp_.str("db"));
  auto refused = editor_.put_article("a", TestCorpus::article("a", "Nowy tytuł", "Nowa treść."), nullptr);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kIndexLocked);
  EXPECT_NE(refused.error().message.find("being written by another process"), std::string::npos);
  EXPECT_EQ(read_file(corpus_.dir() / "articles/a.json"), file_before);
  expect_nothing_staged();
}

TEST_F(CorpusEditorTest, WithoutACorpusOnlyTheIndexIsEdited) {
  CorpusEditor index_only(tmp_.str("db"), "", analyzer_, std::chrono::milliseconds(200));
  auto applied = index_only.put_article("b", TestCorpus::article("b", "Karta mieszkańca", "Treść."), nullptr);
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_TRUE(index_only.stored_article("b"));
  EXPECT_FALSE(fs::exists(corpus_.dir() / "articles/b.json"));
  EXPECT_TRUE(index_only.recover(nullptr).empty());
}

}  // namespace
}  // namespace wiedza
