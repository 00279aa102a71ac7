#include "search/candidate_source.h"

#include <algorithm>

namespace wiedza {

CandidateSource::CandidateSource(std::vector<Xapian::docid> docids) : docids_(std::move(docids)) {
  std::sort(docids_.begin(), docids_.end());
  docids_.erase(std::unique(docids_.begin(), docids_.end()), docids_.end());
}

void CandidateSource::skip_to(Xapian::docid did, double) {
  if (at_ < 0) at_ = 0;
  // Xapian never asks to go back; a docid before the current one leaves the position.
  const auto from = docids_.begin() + std::min<long>(at_, static_cast<long>(docids_.size()));
  at_ = std::lower_bound(from, docids_.end(), did) - docids_.begin();
}

}  // namespace wiedza
