// `wiedza index CORPUS_DIR --db DB_DIR`
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <xapian.h>

#include "cli/commands.h"
#include "indexer/article_edits.h"
#include "indexer/corpus_reader.h"
#include "indexer/corpus_recovery.h"
#include "indexer/database_swap.h"
#include "indexer/index_compaction.h"
#include "indexer/index_writer.h"

namespace wiedza::cli {
namespace {

struct IndexOptions {
  std::string corpus_dir;
  std::string db_path;
  std::string progress = "auto";
  double lock_wait_seconds = 10;
  bool compact = false;
  unsigned threads = 0;
};

void print_errors(const ValidationErrors& errors) {
  for (const ValidationError& e : errors) std::cerr << "error: " << e.to_string() << "\n";
}

// A one-line progress bar on stderr, redrawn at most ~20 times a second.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled) {}
  void update(std::size_t done, std::size_t total) {
    if (!enabled_ || total == 0) return;
    auto now = std::chrono::steady_clock::now();
    if (done != total && now - last_ < std::chrono::milliseconds(50)) return;
    last_ = now;
    const int width = 40;
    int filled = static_cast<int>(width * done / total);
    std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu articles", filled, "########################################",
                 width - filled, "", done, total);
    if (done == total) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_{};
};

// A server killed mid-edit can leave a staged file change in the corpus; reading the
// corpus without resolving it would apply an edit the index never acknowledged (a staged
// deletion looks like a deleted file). Without an index there is nothing to compare with:
// the hidden files are left for the server or a later run.
void recover_staged_changes(const IndexOptions& o, analysis::Analyzer& analyzer) {
  if (!std::filesystem::exists(std::filesystem::path(o.db_path) / "iamglass")) return;
  const auto wait = std::chrono::milliseconds(static_cast<long>(o.lock_wait_seconds * 1000));
  IndexEditor index(o.db_path, analyzer, wait);
  for (const RecoveredChange& c : recover_corpus_files(o.corpus_dir, expected_from_index(index))) {
    std::cerr << "warning: " << c.relative_path << ": a " << (c.removal ? "deletion" : "write")
              << " interrupted by a crash was " << (c.finished ? "finished (the index holds it)" : "undone (the index never got it)")
              << "\n";
  }
}

int run_index(const IndexOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  analysis::Analyzer analyzer;
  try {
    // Before anything opens the database: a swap (compaction or full build) cut short must
    // not look like a missing index (which would be built anew, empty of the editors'
    // changes).
    if (recover_interrupted_swap(o.db_path)) {
      std::cerr << "warning: " << o.db_path << ": replacing the index was interrupted by a crash and undone\n";
    }
    recover_staged_changes(o, analyzer);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitFailure;
  } catch (const Xapian::Error& e) {
    std::cerr << "error: reading " << o.db_path << " failed: " << e.get_description() << "\n";
    return kExitFailure;
  }
  Corpus corpus;
  try {
    corpus = read_corpus(o.corpus_dir);
  } catch (const CorpusError& e) {
    print_errors(e.errors());
    std::cerr << "error: " << e.what() << "\n";
    return kExitFailure;
  }
  for (const std::string& w : corpus.warnings) std::cerr << "warning: " << w << "\n";
  print_errors(corpus.errors);

  const bool show = o.progress == "always" || (o.progress == "auto" && isatty(STDERR_FILENO));
  ProgressBar bar(show);
  SyncSummary summary;
  try {
    SyncOptions sync;
    sync.progress = [&](std::size_t d, std::size_t t) { bar.update(d, t); };
    sync.lock_wait = std::chrono::milliseconds(static_cast<long>(o.lock_wait_seconds * 1000));
    sync.threads = o.threads;
    summary = sync_index(o.db_path, corpus, analyzer, sync);
  } catch (const IndexLockedError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitFailure;
  } catch (const Xapian::Error& e) {
    std::cerr << "error: writing " << o.db_path << " failed: " << e.get_description()
              << " (the previous revision is intact)\n";
    return kExitFailure;
  } catch (const std::exception& e) {  // the file system, beside the index, during a full build
    std::cerr << "error: writing " << o.db_path << " failed: " << e.what() << " (the previous revision is intact)\n";
    return kExitFailure;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char timing[64];
  std::snprintf(timing, sizeof timing, " (%.2f s)", seconds);
  if (summary.analysis_changed) {
    std::cout << "the analyser changed since this index was built ("
              << (summary.previous_analysis.empty() ? "unknown" : summary.previous_analysis) << " -> "
              << summary.analysis << "): every article was analysed again\n";
  }
  std::cout << summary.to_string() << timing;
  if (summary.full_build) std::cout << ", built anew on " << summary.threads << (summary.threads == 1 ? " thread" : " threads");
  std::cout << "\n";
  if (o.compact) {
    try {
      const auto wait = std::chrono::milliseconds(static_cast<long>(o.lock_wait_seconds * 1000));
      const CompactionSummary c = compact_in_place(o.db_path, wait);
      std::printf("compacted: %.1f MB -> %.1f MB\n", static_cast<double>(c.bytes_before) / 1e6,
                  static_cast<double>(c.bytes_after) / 1e6);
    } catch (const std::exception& e) {  // IndexLockedError included: it names the other writer
      std::cerr << "error: compacting " << o.db_path << ": " << e.what() << " (the index is as indexed, not compacted)\n";
      return kExitFailure;
    } catch (const Xapian::Error& e) {
      std::cerr << "error: compacting " << o.db_path << ": " << e.get_description()
                << " (the index is as indexed, not compacted)\n";
      return kExitFailure;
    }
  }
  if (!corpus.errors.empty()) {
    std::cerr << corpus.invalid_ids.size() << " invalid article file(s) skipped; their previously indexed versions, if "
              << "any, were kept\n";
    return kExitInvalidInput;
  }
  return kExitOk;
}

}  // namespace

void register_index_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<IndexOptions>();
  CLI::App* cmd = app.add_subcommand(
      "index", "Validate a corpus directory and bring the index in line with it (incremental, one atomic commit)");
  cmd->add_option("corpus", options->corpus_dir, "Corpus directory (units.json, categories.json, articles/)")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--db", options->db_path, "Database directory (created when missing)")->required();
  cmd->add_option("--progress", options->progress, "Progress bar: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--lock-wait", options->lock_wait_seconds,
                  "Seconds to wait while another writer (a server applying an edit) holds the index (default 10)")
      ->check(CLI::Range(0.0, 3600.0));
  cmd->add_flag("--compact", options->compact,
               "Then rewrite the database compactly (17-28% smaller; needs as much free disk again; replicas "
               "take a full copy after it). A full build is compact already");
  cmd->add_option("--threads", options->threads,
                  "Threads for a full build (a new index, or every article changed); default: one per core")
      ->check(CLI::Range(1u, 256u));
  cmd->callback([options, &exit_code] { exit_code = run_index(*options); });
}

}  // namespace wiedza::cli
