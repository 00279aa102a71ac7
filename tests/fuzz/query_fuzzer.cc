// libFuzzer target: any bytes as a query, through the whole query path of a real index
// of the bundled corpus (analysis, typo tolerance, synonyms, Xapian query, match,
// routing, snippets). Crashes, sanitizer reports and exceptions are findings.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "indexer/index_writer.h"
#include "search/routing.h"
#include "search/searcher.h"

namespace {

std::unique_ptr<wiedza::Searcher> searcher;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const std::filesystem::path db = std::filesystem::temp_directory_path() /
                                   ("wiedza-query-fuzzer-" + std::to_string(::getpid()));
  wiedza::analysis::Analyzer analyzer;
  wiedza::sync_index(db.string(), wiedza::read_corpus(std::string(WIEDZA_SOURCE_DIR) + "/corpus"), analyzer);
  searcher = std::make_unique<wiedza::Searcher>(db.string());
  // The database stays open; remove its directory entry now so nothing is left behind.
  std::atexit([] { searcher.reset(); });
  std::filesystem::remove_all(db);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 600) return 0;  // the API refuses queries over 500 characters
  wiedza::SearchRequest request;
  request.query.assign(reinterpret_cast<const char*>(data), size);
  request.offset = size % 3 == 0 ? 10 : 0;  // later pages take another path
  request.facets = size % 2 == 0;
  const wiedza::SearchResult result = searcher->search(request);
  (void)wiedza::route(result, searcher->directory(), searcher->resources().unit_descriptions);
  (void)searcher->resources().suggester.suggest(request.query, 8);
  return 0;
}
