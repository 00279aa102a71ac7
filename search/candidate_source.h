// A fixed list of documents as a Xapian posting source (weight 0), to run a query again
// on a few candidates only: OP_FILTER(query, Query(&source)) drives the match by this
// short list, so costly subqueries (proximity, OP_NEAR over position lists) are evaluated
// for those documents alone. Collection statistics are untouched by a filter, so every
// candidate's weight is exactly what the query would give it over the whole index
// (tests/search/candidate_source_test.cc).
#pragma once

#include <xapian.h>

#include <vector>

namespace wiedza {

class CandidateSource : public Xapian::PostingSource {
 public:
  explicit CandidateSource(std::vector<Xapian::docid> docids);  // any order, duplicates allowed

  void init(const Xapian::Database&) override { at_ = -1; }
  Xapian::doccount get_termfreq_min() const override { return size(); }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }
  void next(double) override { ++at_; }
  void skip_to(Xapian::docid did, double) override;
  bool at_end() const override { return at_ >= static_cast<long>(docids_.size()); }
  Xapian::docid get_docid() const override { return docids_[static_cast<std::size_t>(at_)]; }
  // One database only (no clone), which is how Searcher opens the index.

 private:
  Xapian::doccount size() const { return static_cast<Xapian::doccount>(docids_.size()); }
  std::vector<Xapian::docid> docids_;  // ascending, unique
  long at_ = -1;                       // before the first entry until next() or skip_to()
};

}  // namespace wiedza
