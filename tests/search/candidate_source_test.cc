// CandidateSource as a filter on a real index: only the listed documents match, each
// with the weight the query gives it without the filter.
#include "search/candidate_source.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>

#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;

TEST(CandidateSource, FiltersToTheListedDocumentsKeepingTheirWeights) {
  TempDir tmp;
  {
    Xapian::WritableDatabase db(tmp.str("db"), Xapian::DB_CREATE);
    for (int i = 0; i < 40; ++i) {
      Xapian::Document d;
      d.add_term("kontener", 1 + i % 3);
      if (i % 2 == 0) d.add_term("gruz");
      d.add_term("filler" + std::to_string(i), 1 + i % 5);
      db.add_document(d);
    }
    db.commit();
  }
  Xapian::Database db(tmp.str("db"));
  const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("kontener"), Xapian::Query("gruz"));
  Xapian::Enquire all(db);
  all.set_query(query);
  std::map<Xapian::docid, double> expected;
  const Xapian::MSet everything = all.get_mset(0, 100);
  for (auto it = everything.begin(); it != everything.end(); ++it) expected[*it] = it.get_weight();

  const std::vector<Xapian::docid> listed = {31, 2, 17, 2, 40, 999};  // any order, a duplicate, one missing
  Xapian::Enquire some(db);
  some.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query((new CandidateSource(listed))->release())));
  const Xapian::MSet filtered = some.get_mset(0, 100);
  std::map<Xapian::docid, double> got;
  for (auto it = filtered.begin(); it != filtered.end(); ++it) got[*it] = it.get_weight();
  ASSERT_EQ(got.size(), 4u);
  for (Xapian::docid d : {2u, 17u, 31u, 40u}) {
    ASSERT_TRUE(got.count(d)) << d;
    EXPECT_DOUBLE_EQ(got[d], expected[d]) << d;
  }
}

TEST(CandidateSource, AnEmptyListMatchesNothing) {
  TempDir tmp;
  {
    Xapian::WritableDatabase db(tmp.str("db"), Xapian::DB_CREATE);
    Xapian::Document d;
    d.add_term("kontener");
    db.add_document(d);
    db.commit();
  }
  Xapian::Database db(tmp.str("db"));
  Xapian::Enquire e(db);
  e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("kontener"),
                            Xapian::Query((new CandidateSource({}))->release())));
  EXPECT_EQ(e.get_mset(0, 10).size(), 0u);
}

}  // namespace
}  // namespace wiedza
