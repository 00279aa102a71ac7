// What a search result needs from one stored article: its display fields, the body as
// indexed with its token boundaries (for snippets) and the set of its terms (for query
// coverage). Reading it means decompressing and parsing the document data, converting
// the body's Markdown, tokenising it and walking the term list, so it is worked out once
// per article and revision and kept in IndexResources::documents.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "search/analysis/analyzer.h"

namespace wiedza {

// The stored fields a result shows.
struct ArticleHeader {
  std::string id;
  std::string title;
  std::string summary;
  std::string category;
  std::string unit;
  std::string kind;
  std::string updated;
};

struct HitDocument : ArticleHeader {
  std::string body_text;                         // NFC plain text of the body, as indexed
  std::vector<analysis::TextSpan> body_tokens;   // token i holds position body_start + i
  Xapian::termpos body_start = 0;

  // Whether the article has this index term (any field, prefix included).
  bool has_term(std::string_view term) const;

  // Null when the document's data is not an article (not written by Wiedza's indexer).
  static std::shared_ptr<const HitDocument> load(const Xapian::Database& db, Xapian::docid docid);

 private:
  // Hashes of every term of the document, sorted: an article has a few hundred to a few
  // thousand terms, and 8 bytes each keeps thousands of cached articles cheap.
  std::vector<std::uint64_t> term_hashes_;
};

}  // namespace wiedza
