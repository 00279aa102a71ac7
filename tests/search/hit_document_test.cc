#include "search/hit_document.h"

#include <gtest/gtest.h>

#include "indexer/index_writer.h"
#include "search/schema.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

TEST(HitDocument, HoldsTheFieldsTheBodyAsIndexedAndTheTerms) {
  TempDir tmp;
  TestCorpus corpus(tmp.path() / "corpus");
  corpus.put("dowod-utrata", {{"title", "Utrata dowodu osobistego"},
                              {"summary", "Zgłoś utratę dowodu."},
                              {"body", "Jeśli **zgubisz** dowód, zgłoś to w urzędzie.\n\n- przez internet"},
                              {"updated", "2026-01-10"}});
  analysis::Analyzer analyzer;
  sync_index(tmp.str("db"), read_corpus(corpus.dir().string()), analyzer);
  Xapian::Database db(tmp.str("db"));
  auto p = db.postlist_begin(std::string(schema::kIdPrefix) + "dowod-utrata");
  ASSERT_NE(p, db.postlist_end(std::string(schema::kIdPrefix) + "dowod-utrata"));

  auto doc = HitDocument::load(db, *p);
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(doc->id, "dowod-utrata");
  EXPECT_EQ(doc->title, "Utrata dowodu osobistego");
  EXPECT_EQ(doc->summary, "Zgłoś utratę dowodu.");
  EXPECT_EQ(doc->updated, "2026-01-10");
  // Markdown is gone, as it was for the indexer.
  EXPECT_EQ(doc->body_text.find("**"), std::string::npos);
  EXPECT_EQ(doc->body_text.find("- "), std::string::npos);
  ASSERT_FALSE(doc->body_tokens.empty());
  EXPECT_EQ(doc->body_text.substr(doc->body_tokens[0].begin, doc->body_tokens[0].end - doc->body_tokens[0].begin),
            "Jeśli");
  // The body's first word sits at the position the indexer recorded for it.
  const std::string first_body_term = schema::kExactPrefix + std::string("jesli");
  auto pos = db.positionlist_begin(*p, first_body_term);
  ASSERT_NE(pos, db.positionlist_end(*p, first_body_term));
  EXPECT_EQ(*pos, doc->body_start);

  EXPECT_TRUE(doc->has_term(std::string(schema::kIdPrefix) + "dowod-utrata"));
  EXPECT_TRUE(doc->has_term(first_body_term));
  EXPECT_FALSE(doc->has_term(std::string(schema::kIdPrefix) + "inny-artykul"));
  EXPECT_FALSE(doc->has_term(schema::kExactPrefix + std::string("mieszkanie")));
}

TEST(HitDocument, DataThatIsNotAnArticleGivesNull) {
  TempDir tmp;
  {
    Xapian::WritableDatabase w(tmp.str("db"), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document d;
    d.set_data("not json at all");
    w.add_document(d);
    w.commit();
  }
  Xapian::Database db(tmp.str("db"));
  EXPECT_EQ(HitDocument::load(db, 1), nullptr);
}

}  // namespace
}  // namespace wiedza
