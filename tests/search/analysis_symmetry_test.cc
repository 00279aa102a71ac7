// The test that guards the heart of the project: documents go through the indexing path
// (build_document), queries with other inflected and diacritic-free forms go through the
// query path (QueryBuilder), and every query word must meet the document's terms.
#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "indexer/document_builder.h"
#include "search/analysis/text_folding.h"
#include "search/query_builder.h"
#include "search/schema.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

struct Case {
  const char* title;
  const char* body;
  const char* query;
};

const Case kCases[] = {
    {"Wydanie dowodu osobistego", "Jak wyrobić dowód osobisty w urzędzie.", "wyrobić dowodu osobistego"},
    {"Utrata dowodu osobistego", "Zgubiłem dowód osobisty: co robić.", "zgubilem dowod osobisty"},
    {"Odpady wielkogabarytowe", "Odbiór odpadów wielkogabarytowych z posesji.", "odpadow wielkogabarytowych"},
    {"Zgłoszenie awarii", "Zgłoszenie przyjmuje dyżurny.", "zgłoszenia awarii"},
    {"Opłata za odpady", "Wysokość opłaty zależy od liczby osób.", "oplata odpady"},
    {"Wywóz śmieci", "Harmonogram wywozu śmieci.", "wywozu smieci"},
    {"Parkowanie na Mokotowie", "Strefa obejmuje Mokotów.", "mokotowie"},
    {"Żłobki miejskie", "Rekrutacja do żłobka.", "zlobek rekrutacja"},
    {"Kontakt", "Zadzwoń: 12 616 55 55.", "126165555"},
    {"Świadczenie 800+", "Wniosek o 800+ składa się w ZUS.", "800+"},
};

class SymmetryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { analyzer_ = new analysis::Analyzer(); }
  static void TearDownTestSuite() { delete analyzer_; }
  static analysis::Analyzer* analyzer_;
};
analysis::Analyzer* SymmetryTest::analyzer_ = nullptr;

TEST_F(SymmetryTest, QueryWordsMeetIndexedTermsAndTheDocumentIsFound) {
  testing::TempDir tmp;
  Xapian::WritableDatabase db(tmp.str("db"), Xapian::DB_CREATE);
  std::vector<Xapian::docid> ids;
  for (const Case& c : kCases) {
    Article a;
    a.id = "a" + std::to_string(ids.size());
    a.title = c.title;
    a.body = c.body;
    a.category = "c";
    a.unit = "u";
    a.kind = "informacja";
    ids.push_back(db.add_document(build_document(a, nullptr, *analyzer_)));
  }
  db.commit();

  QueryBuilder builder(*analyzer_);
  for (std::size_t i = 0; i < std::size(kCases); ++i) {
    const Case& c = kCases[i];
    std::set<std::string> doc_terms;
    for (auto t = db.termlist_begin(ids[i]); t != db.termlist_end(ids[i]); ++t) doc_terms.insert(*t);

    BuiltQuery q = builder.build(c.query);
    for (const QueryWord& w : q.words) {
      if (w.stop) continue;
      bool meets = false;
      for (const std::string& alt : w.alternatives) {
        for (const char* prefix : schema::kLemmaPrefixes) meets = meets || doc_terms.count(prefix + alt) > 0;
      }
      EXPECT_TRUE(meets) << "query word '" << w.surface << "' of '" << c.query << "' misses '" << c.title << "'";

    }

    // Stems are a looser match (another inflection may cut differently: żłobek/żłobki),
    // but the words as written, with or without Polish letters, meet their own stems.
    for (const char* text : {c.title, c.body}) {
      for (const QueryWord& w : builder.build(analysis::fold_diacritics(text)).words) {
        for (const std::string& stem : w.stems) {
          EXPECT_TRUE(doc_terms.count(schema::kStemPrefix + stem) > 0) << w.surface << ": stem " << stem;
        }
        for (const std::string& stem : w.short_stems) {
          EXPECT_TRUE(doc_terms.count(schema::kShortStemPrefix + stem) > 0) << w.surface << ": short stem " << stem;
        }
      }
    }

    Xapian::Enquire enquire(db);
    enquire.set_query(q.query);
    Xapian::MSet mset = enquire.get_mset(0, 3);
    ASSERT_GT(mset.size(), 0u) << c.query;
    EXPECT_EQ(*mset.begin(), ids[i]) << "'" << c.query << "' should rank '" << c.title << "' first";
  }
}

}  // namespace
}  // namespace wiedza
