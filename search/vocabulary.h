// The index vocabulary (every exact form in the index, diacritic-folded, with its
// document frequency), used for typo tolerance: a query word the index does not know is
// matched to close vocabulary words. Immutable once loaded, so one instance can be
// shared by all threads serving the same revision.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace wiedza {

struct SpellingCandidate {
  std::string word;     // folded vocabulary form
  double distance;      // edit distance (keyboard-confusable spellings cost less)
  Xapian::doccount frequency;
};

class Vocabulary {
 public:
  Vocabulary() = default;
  // Reads the exact-form terms of `db`. Numbers and words under 3 letters are left out:
  // they are not corrected.
  static Vocabulary load(const Xapian::Database& db);
  // Builds from (word, frequency) pairs; for tests.
  static Vocabulary from_words(const std::vector<std::pair<std::string, Xapian::doccount>>& words);

  std::size_t size() const { return frequency_.size(); }
  bool contains(const std::string& folded) const { return frequency_.count(folded) > 0; }

  // Vocabulary words within `max_distance` edits of `folded` (Damerau-Levenshtein on
  // folded forms; "rz"/"z" and "ch"/"h" confusions cost half), closest first, then most
  // frequent; at most `limit`.
  std::vector<SpellingCandidate> near(const std::string& folded, double max_distance, std::size_t limit) const;
  // near(), remembered: the scan costs ~0.1 ms a word and misspellings recur. Thread-safe;
  // the memo is bounded and lives as long as this vocabulary (one index revision).
  std::vector<SpellingCandidate> near_memoized(const std::string& folded, double max_distance,
                                               std::size_t limit) const;

 private:
  struct Memo {
    std::mutex mutex;
    std::unordered_map<std::string, std::vector<SpellingCandidate>> entries;
  };
  void add(const std::string& word, Xapian::doccount frequency);

  std::unordered_map<std::string, Xapian::doccount> frequency_;
  struct Entry {
    std::string word;
    std::string key;  // phonetic_key(word)
  };
  std::vector<std::vector<Entry>> by_length_;  // words bucketed by byte length
  std::unique_ptr<Memo> memo_ = std::make_unique<Memo>();
};

// Damerau-Levenshtein (optimal string alignment) distance with an early exit: returns a
// value > limit as soon as the distance is known to exceed it.
double edit_distance(std::string_view a, std::string_view b, double limit);

// Folds the spellings Polish typists confuse even after diacritics are gone
// ("rz" -> "z" as in ż, "ch" -> "h").
std::string phonetic_key(std::string_view folded);

}  // namespace wiedza
