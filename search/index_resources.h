// Everything derived from one revision of the database that queries need besides the
// postings: the routing directory, the vocabulary (typo tolerance), compiled synonyms,
// unit descriptions (routing) and suggestions. Built once per revision and shared,
// read-only, by every thread's Searcher.
#pragma once

#include <memory>
#include <mutex>

#include <xapian.h>

#include "search/analysis/analyzer.h"
#include "search/directory.h"
#include "search/unit_descriptions.h"
#include "search/suggester.h"
#include "search/synonyms.h"
#include "search/vocabulary.h"

namespace wiedza {

struct IndexResources {
  Xapian::rev revision = 0;
  Directory directory;
  Vocabulary vocabulary;
  SynonymTable synonyms;
  UnitDescriptions unit_descriptions;
  Suggester suggester;

  static std::shared_ptr<const IndexResources> build(const Xapian::Database& db, analysis::Analyzer& analyzer);
};

// Thread-safe: hands out the resources for a database's revision, building them once.
class ResourceCache {
 public:
  std::shared_ptr<const IndexResources> get(const Xapian::Database& db, analysis::Analyzer& analyzer);

 private:
  std::mutex mutex_;
  std::shared_ptr<const IndexResources> current_;
};

}  // namespace wiedza
