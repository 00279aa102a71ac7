// `wiedza index` killed with SIGKILL at random points of a large run: the database must
// still open, at the previous revision or the new one (never in between), and a rerun
// must complete.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <thread>

#include <xapian.h>

#include "indexer/corpus_reader.h"
#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::wiedza_binary;

// Runs `wiedza index` and returns its pid (output discarded).
pid_t start_index(const std::string& corpus, const std::string& db) {
  const pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(wiedza_binary().c_str(), "wiedza", "index", corpus.c_str(), "--db", db.c_str(), "--progress", "never",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

TEST(IndexKill, KilledRunsLeaveThePreviousRevisionAndARerunCompletes) {
  TempDir tmp;
  const std::string bundled = std::string(WIEDZA_SOURCE_DIR) + "/corpus";
  const std::string db = tmp.str("db");
  ASSERT_EQ(wait_exit(start_index(bundled, db)), 0);
  Xapian::rev before_revision;
  Xapian::doccount before_docs;
  {
    Xapian::Database d(db);
    before_revision = d.get_revision();
    before_docs = d.get_doccount();
  }

  // A large run: the bundled corpus plus copies of every article under new ids.
  const fs::path big = tmp.path() / "big";
  fs::copy(bundled, big, fs::copy_options::recursive);
  Corpus corpus = read_corpus(bundled);
  constexpr int kCopies = 6;
  for (int copy = 1; copy <= kCopies; ++copy) {
    for (const Article& a : corpus.articles) {
      nlohmann::json j = to_json(a);
      j["id"] = a.id + "-kopia-" + std::to_string(copy);
      std::ofstream(big / "articles" / (j["id"].get<std::string>() + ".json")) << j.dump();
    }
  }
  const Xapian::doccount after_docs = before_docs * (kCopies + 1);

  std::mt19937 random(std::random_device{}());
  int killed_midway = 0;
  for (int round = 0; round < 4; ++round) {
    const pid_t pid = start_index(big.string(), db);
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(200, 2500)(random)));
    const bool was_running = kill(pid, SIGKILL) == 0;
    const int exit = wait_exit(pid);
    Xapian::Database d(db);  // throws if the database were damaged
    if (exit == -SIGKILL && was_running) {
      ++killed_midway;
      EXPECT_EQ(d.get_revision(), before_revision) << "round " << round;
      EXPECT_EQ(d.get_doccount(), before_docs) << "round " << round;
    } else {
      // The run finished before the kill: it must be the complete new revision.
      EXPECT_EQ(d.get_doccount(), after_docs) << "round " << round;
      break;
    }
    // Every document of the surviving revision is readable.
    for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
      ASSERT_FALSE(d.get_document(*it).get_data().empty());
    }
  }
  EXPECT_GE(killed_midway, 1) << "no run was killed midway; the corpus is too small for this machine";

  ASSERT_EQ(wait_exit(start_index(big.string(), db)), 0);
  Xapian::Database d(db);
  EXPECT_GT(d.get_revision(), before_revision);
  EXPECT_EQ(d.get_doccount(), after_docs);
}

}  // namespace
}  // namespace wiedza
