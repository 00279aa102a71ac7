#include "indexer/full_build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <memory>
#include <thread>

#include <xapian.h>

#include "indexer/document_builder.h"

namespace fs = std::filesystem;

namespace wiedza {
namespace {

struct Progress {
  std::atomic<std::size_t> written{0};
  std::atomic<unsigned> finished{0};
  std::atomic<bool> failed{false};
};

// One thread's share: corpus.articles[articles[i]] for i in [begin, end).
void write_shard(const std::string& path, const Corpus& corpus, const std::vector<std::size_t>& articles,
                 std::size_t begin, std::size_t end, analysis::Analyzer& analyzer, Progress& progress) {
  // A shard is scratch space until the merge has written the real database: no fsync.
  Xapian::WritableDatabase shard(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
  for (std::size_t i = begin; i < end && !progress.failed.load(std::memory_order_relaxed); ++i) {
    const Article& article = corpus.articles[articles[i]];
    shard.add_document(build_document(article, corpus.directory.unit(article.unit), analyzer));
    if ((i - begin + 1) % kShardBatch == 0) shard.commit();
    progress.written.fetch_add(1, std::memory_order_relaxed);
  }
  shard.commit();
  shard.close();
}

}  // namespace

unsigned full_build_threads(unsigned requested, std::size_t articles) {
  const unsigned wanted = requested > 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t useful = std::max<std::size_t>(1, articles / kMinArticlesPerThread);
  return static_cast<unsigned>(std::min<std::size_t>(wanted, useful));
}

void build_merged_database(const std::string& target, const std::string& scratch_dir, const Corpus& corpus,
                           const std::vector<std::size_t>& articles, analysis::Analyzer& analyzer, unsigned threads,
                           const std::function<void(std::size_t)>& written) {
  threads = std::max(1u, threads);
  fs::remove_all(scratch_dir);
  fs::create_directories(scratch_dir);
  std::vector<std::string> shards;
  for (unsigned t = 0; t < threads; ++t) shards.push_back((fs::path(scratch_dir) / ("shard-" + std::to_string(t))).string());

  Progress progress;
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    const std::size_t begin = articles.size() * t / threads, end = articles.size() * (t + 1) / threads;
    workers.emplace_back([&, t, begin, end] {
      try {
        // The first thread borrows the caller's analyser (idle meanwhile); the others load
        // their own, in parallel.
        std::unique_ptr<analysis::Analyzer> own;
        if (t > 0) own = std::make_unique<analysis::Analyzer>(analyzer.lemmatizer().dictionary_dir());
        write_shard(shards[t], corpus, articles, begin, end, t > 0 ? *own : analyzer, progress);
      } catch (...) {
        errors[t] = std::current_exception();
        progress.failed = true;
      }
      ++progress.finished;
    });
  }
  while (progress.finished.load() < threads) {
    if (written) written(progress.written.load());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (std::thread& w : workers) w.join();

  std::error_code ec;
  try {
    for (const std::exception_ptr& e : errors) {
      if (e) std::rethrow_exception(e);
    }
    Xapian::Database all;
    for (const std::string& shard : shards) all.add_database(Xapian::Database(shard));
    // Document ids are renumbered shard after shard, so they follow the corpus order as a
    // one-thread build's would (equal weights rank by document id).
    all.compact(target);
  } catch (...) {
    fs::remove_all(target, ec);
    fs::remove_all(scratch_dir, ec);
    throw;
  }
  fs::remove_all(scratch_dir, ec);
  if (written) written(progress.written.load());
}

}  // namespace wiedza
