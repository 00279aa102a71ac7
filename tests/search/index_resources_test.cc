// The per-revision caches (result pages, parsed articles): a repeated search is served
// from them, and a new revision is never answered from an older one's.
#include "search/index_resources.h"

#include <gtest/gtest.h>

#include "indexer/index_writer.h"
#include "search/searcher.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

class IndexResourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = std::make_unique<TestCorpus>(tmp_.path() / "corpus");
    put_waste_article("Odbiór odpadów wielkogabarytowych", "Meble odbieramy raz w miesiącu.");
    corpus_->put("dowod", {{"title", "Wydanie dowodu osobistego"}, {"body", "Wniosek składa się w urzędzie."}});
    reindex();
  }

  void put_waste_article(const std::string& title, const std::string& body) {
    corpus_->put("gabaryty", {{"title", title}, {"body", body}, {"category", "odpady"}, {"unit", "mpo"}});
  }
  void reindex() { sync_index(tmp_.str("db"), read_corpus(corpus_->dir().string()), analyzer_); }

  static SearchRequest request(const std::string& q) {
    SearchRequest r;
    r.query = q;
    r.facets = true;
    return r;
  }

  static std::string rendered(const SearchResult& r) {
    std::string out = std::to_string(r.total) + "|";
    for (const SearchHit& h : r.hits) {
      out += h.id + "|" + h.title + "|" + render_snippet(h.snippet, "[", "]") + "|" + std::to_string(h.coverage) + "\n";
    }
    for (const auto& [name, counts] : r.facets) {
      for (const FacetCount& c : counts) out += name + ":" + c.value + "=" + std::to_string(c.count) + " ";
    }
    return out;
  }

  TempDir tmp_;
  std::unique_ptr<TestCorpus> corpus_;
  analysis::Analyzer analyzer_;
};

TEST_F(IndexResourcesTest, ARepeatedSearchIsAnsweredFromTheCacheWithTheSameResult) {
  auto caches = std::make_shared<ResourceCache>();
  Searcher searcher(tmp_.str("db"), analysis::default_dictionary_dir(), {}, caches);
  const SearchResult first = searcher.search(request("odbiór mebli"));
  ASSERT_FALSE(first.hits.empty());
  EXPECT_EQ(caches->stats().result_hits, 0u);
  const SearchResult again = searcher.search(request("odbiór mebli"));
  EXPECT_EQ(caches->stats().result_hits, 1u);
  EXPECT_EQ(rendered(again), rendered(first));
  EXPECT_EQ(again.words.size(), first.words.size());

  // Anything else in the request is another page.
  SearchRequest other = request("odbiór mebli");
  other.limit = 1;
  searcher.search(other);
  EXPECT_EQ(caches->stats().result_hits, 1u);
  other.categories = {"odpady"};
  searcher.search(other);
  EXPECT_EQ(caches->stats().result_hits, 1u);
}

TEST_F(IndexResourcesTest, CachedAndUncachedSearchesAgree) {
  Searcher cached(tmp_.str("db"), analysis::default_dictionary_dir(), {}, std::make_shared<ResourceCache>());
  auto off = std::make_shared<ResourceCache>(CacheOptions{0, 0});
  Searcher uncached(tmp_.str("db"), analysis::default_dictionary_dir(), {}, off);
  for (const char* q : {"odbiór mebli", "dowód", "wniosek w urzędzie", "odpady"}) {
    cached.search(request(q));  // fills the caches
    EXPECT_EQ(rendered(cached.search(request(q))), rendered(uncached.search(request(q)))) << q;
  }
  EXPECT_EQ(off->stats().result_hits + off->stats().document_hits, 0u);
}

TEST_F(IndexResourcesTest, ANewRevisionIsNotAnsweredFromAnOlderOnesCache) {
  Searcher searcher(tmp_.str("db"), analysis::default_dictionary_dir(), {}, std::make_shared<ResourceCache>());
  searcher.search(request("odbiór mebli"));
  const SearchResult before = searcher.search(request("odbiór mebli"));
  ASSERT_FALSE(before.hits.empty());
  EXPECT_EQ(before.hits[0].title, "Odbiór odpadów wielkogabarytowych");

  // Same article (same document id in the index), new title and body.
  put_waste_article("Wywóz mebli i gabarytów", "Meble odbieramy co tydzień, zgłoś odbiór dzień wcześniej.");
  reindex();
  searcher.reopen();
  const SearchResult after = searcher.search(request("odbiór mebli"));
  ASSERT_FALSE(after.hits.empty());
  EXPECT_EQ(after.hits[0].id, "gabaryty");
  EXPECT_EQ(after.hits[0].title, "Wywóz mebli i gabarytów");
  EXPECT_NE(render_snippet(after.hits[0].snippet, "[", "]").find("co tydzień"), std::string::npos);
}

}  // namespace
}  // namespace wiedza
