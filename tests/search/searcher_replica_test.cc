// A Searcher on a replica kept by Xapian's real xapian-replicate (from xapian-tools, served
// by xapian-replicate-server on a loopback port) follows a full copy: when the primary's
// database is replaced by a new one (a full build), the copy goes live in the stub's other
// directory and the directory the Searcher read is removed.
#include <gtest/gtest.h>
#include <xapian.h>

#include "indexer/index_writer.h"
#include "search/searcher.h"
#include "tests/support/child_process.h"
#include "tests/support/raw_http.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::TestCorpus;

// The program's absolute path, or "" when it is not installed.
std::string which(const std::string& program) {
  const std::string out = testing::run_command("command -v " + program).output;
  return out.substr(0, out.find('\n'));
}

class SearcherReplicaTest : public ::testing::Test {
 protected:
  // Indexes one article into the primary's database, as a new database each time.
  void build_primary(const std::string& title, const std::string& body) {
    fs::remove_all(tmp_.path() / "primary");
    fs::create_directories(tmp_.path() / "primary");
    TestCorpus corpus(tmp_.path() / ("corpus-" + std::to_string(++builds_)));
    corpus.put("artykul", TestCorpus::article("artykul", title, body));
    analysis::Analyzer analyzer;
    sync_index(tmp_.str("primary/db"), read_corpus(corpus.dir().string()), analyzer);
  }

  // One pull by xapian-replicate, as the replica's sync process does every second.
  void pull() {
    auto r = testing::run_command("xapian-replicate --host 127.0.0.1 --port " + std::to_string(port_) +
                                      " --master db --one-shot " + tmp_.str("replica"),
                                  true);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }

  std::vector<std::string> ids(Searcher& s, const std::string& q) {
    std::vector<std::string> out;
    for (const auto& hit : s.search({q, 10, 0, {}, {}, {}}).hits) out.push_back(hit.id);
    return out;
  }

  TempDir tmp_;
  int builds_ = 0;
  int port_ = 0;
};

TEST_F(SearcherReplicaTest, FollowsAFullCopyThatReplacedTheDirectoryItRead) {
  const std::string server = which("xapian-replicate-server");
  ASSERT_FALSE(server.empty()) << "xapian-tools is not installed (bash scripts/install-deps.sh --tests)";
  build_primary("Zgubiony dowód osobisty", "Zgłoś utratę dowodu w urzędzie.");
  port_ = testing::free_loopback_port();
  testing::ChildProcess replserver(server, {"--interface", "127.0.0.1", "--port", std::to_string(port_), tmp_.str("primary")});
  ASSERT_TRUE(testing::wait_for_listener(port_)) << "xapian-replicate-server did not start";
  pull();
  Searcher searcher(tmp_.str("replica"));
  const std::string first = searcher.database();
  EXPECT_EQ(ids(searcher, "dowód"), std::vector<std::string>{"artykul"});

  // The primary's database is built anew: a new UUID, so the replica takes a full copy
  // into its other directory and removes the one the Searcher has open.
  build_primary("Odbiór odpadów wielkogabarytowych", "Meble odbieramy raz w miesiącu.");
  pull();
  ASSERT_NE(Xapian::Database(tmp_.str("replica")).get_uuid(), first) << "xapian-replicate made no full copy";

  searcher.reopen();
  EXPECT_EQ(searcher.database(), Xapian::Database(tmp_.str("primary/db")).get_uuid());
  EXPECT_TRUE(ids(searcher, "dowód").empty());
  EXPECT_EQ(ids(searcher, "meble"), std::vector<std::string>{"artykul"});
}

}  // namespace
}  // namespace wiedza
