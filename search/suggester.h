// Search-as-you-type suggestions: completions of the last word typed, from article titles
// (which open the article) and keywords (which become the query), diacritic-insensitive
// ("zglo" -> "Zgłoszenie…"). Immutable after construction; shareable between threads.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace wiedza {

struct Suggestion {
  std::string text;
  std::string id;  // article id for a title, "" for a keyword
};

class Suggester {
 public:
  Suggester() = default;
  // Reads titles and keywords from the value slots of every document.
  static Suggester load(const Xapian::Database& db);
  void add(const std::string& text, const std::string& id);

  // Phrases in which every word of `typed` starts some word (the last one may be
  // partial), best first: titles before keywords, earlier and shorter matches first.
  std::vector<Suggestion> suggest(const std::string& typed, std::size_t limit) const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string text;
    std::string id;
    std::vector<std::string> words;  // case- and diacritic-folded
  };
  std::vector<Entry> entries_;
};

// Splits text into case- and diacritic-folded words (letters and digits).
std::vector<std::string> folded_words(const std::string& text);

}  // namespace wiedza
