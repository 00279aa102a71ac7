#include "search/vocabulary.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "search/schema.h"

namespace wiedza {
namespace {

constexpr std::size_t kMinWordLength = 3;

bool is_word(const std::string& s) {
  if (s.size() < kMinWordLength) return false;
  for (char c : s) {
    if (!(c >= 'a' && c <= 'z')) return false;  // folded words are ASCII letters
  }
  return true;
}

}  // namespace

void Vocabulary::add(const std::string& word, Xapian::doccount frequency) {
  if (!is_word(word)) return;
  auto [it, inserted] = frequency_.emplace(word, frequency);
  if (!inserted) return;
  if (by_length_.size() <= word.size()) by_length_.resize(word.size() + 1);
  by_length_[word.size()].push_back({word, phonetic_key(word)});
}

Vocabulary Vocabulary::load(const Xapian::Database& db) {
  Vocabulary v;
  const std::string prefix = schema::kExactPrefix;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    v.add((*t).substr(prefix.size()), t.get_termfreq());
  }
  return v;
}

Vocabulary Vocabulary::from_words(const std::vector<std::pair<std::string, Xapian::doccount>>& words) {
  Vocabulary v;
  for (const auto& [w, f] : words) v.add(w, f);
  return v;
}

std::string phonetic_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == 'r' && i + 1 < s.size() && s[i + 1] == 'z') {
      out += 'z';
      ++i;
    } else if (s[i] == 'c' && i + 1 < s.size() && s[i + 1] == 'h') {
      out += 'h';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

double edit_distance(std::string_view a, std::string_view b, double limit) {
  // Words are at most Analyzer::kMaxTokenBytes long; fixed rows keep this allocation-free
  // in the vocabulary scan.
  constexpr std::size_t kMax = 72;
  const std::size_t n = std::min(a.size(), kMax - 1), m = std::min(b.size(), kMax - 1);
  if (static_cast<double>(n > m ? n - m : m - n) > limit) return limit + 1;
  std::array<double, kMax> prev2{}, prev{}, cur{};
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<double>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<double>(i);
    double row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const double sub = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

std::vector<SpellingCandidate> Vocabulary::near(const std::string& folded, double max_distance,
                                                std::size_t limit) const {
  std::vector<SpellingCandidate> out;
  if (max_distance <= 0) return out;
  const std::string key = phonetic_key(folded);
  const auto slack = static_cast<std::size_t>(std::ceil(max_distance)) + 1;  // "rz" vs "z" changes length by one more
  const std::size_t lo = folded.size() > slack ? folded.size() - slack : 0;
  const std::size_t hi = std::min(by_length_.empty() ? 0 : by_length_.size() - 1, folded.size() + slack);
  for (std::size_t len = lo; len <= hi && len < by_length_.size(); ++len) {
    for (const Entry& e : by_length_[len]) {
      if (e.word == folded) continue;
      double d = edit_distance(folded, e.word, max_distance);
      // A confusion that is only rz/ż or ch/h costs half an edit.
      if (d > 0.5) {
        double dk = edit_distance(key, e.key, max_distance);
        if (dk + 0.5 < d) d = dk + 0.5;
      }
      if (d <= max_distance) out.push_back({e.word, d, frequency_.at(e.word)});
    }
  }
  std::sort(out.begin(), out.end(), [](const SpellingCandidate& a, const SpellingCandidate& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.frequency != b.frequency) return a.frequency > b.frequency;
    return a.word < b.word;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace wiedza

namespace wiedza {

std::vector<SpellingCandidate> Vocabulary::near_memoized(const std::string& folded, double max_distance,
                                                         std::size_t limit) const {
  constexpr std::size_t kMaxMemo = 100000;
  const std::string key = folded + '\x1f' + std::to_string(max_distance) + '\x1f' + std::to_string(limit);
  {
    std::lock_guard<std::mutex> lock(memo_->mutex);
    if (auto it = memo_->entries.find(key); it != memo_->entries.end()) return it->second;
  }
  auto result = near(folded, max_distance, limit);  // outside the lock: other threads go on
  std::lock_guard<std::mutex> lock(memo_->mutex);
  if (memo_->entries.size() >= kMaxMemo) memo_->entries.clear();
  memo_->entries.emplace(key, result);
  return result;
}

}  // namespace wiedza
