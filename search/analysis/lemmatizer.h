// Dictionary lemmatisation with hunspell-pl through libhunspell.
//
// The dictionary files are ISO-8859-2; words are converted on the way in and out.
// Not thread-safe (Hunspell and the ICU converter keep state, and results are cached):
// use one Lemmatizer per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class Hunspell;
struct UConverter;

namespace wiedza::analysis {

class Lemmatizer {
 public:
  // Loads pl_PL.aff and pl_PL.dic from `dict_dir`. Throws std::runtime_error with the
  // path when the files are missing.
  explicit Lemmatizer(const std::string& dict_dir);
  ~Lemmatizer();
  Lemmatizer(const Lemmatizer&) = delete;
  Lemmatizer& operator=(const Lemmatizer&) = delete;

  // Lemmas of a case-folded word, lowercase, sorted and unique; empty when the
  // dictionary does not know the word. The word is looked up both as given and
  // capitalised, so place names typed in lowercase ("mokotowie") still lemmatise.
  const std::vector<std::string>& lemmas(const std::string& word);

  // For a word typed without Polish letters: the dictionary words it may stand for
  // ("odpadow" -> "odpadów", "oplata" -> "oplata", "opłata"). Candidates are generated
  // under Polish spelling constraints and checked against the dictionary; words with
  // too many ambiguous letters get no candidates (see kMaxCandidates).
  const std::vector<std::string>& restore_diacritics(const std::string& ascii_word);

  static constexpr std::size_t kMaxCandidates = 512;

  // Digest of the .aff and .dic files loaded (search/digest.h).
  const std::string& dictionary_digest() const { return dictionary_digest_; }
  // The directory the dictionary was loaded from (for another Lemmatizer on another thread).
  const std::string& dictionary_dir() const { return dictionary_dir_; }

 private:
  std::vector<std::string> stem(const std::string& utf8_word);
  bool spell(const std::string& utf8_word);
  bool encode(const std::string& utf8, std::string& latin2);
  std::string decode(const std::string& latin2);

  std::unique_ptr<Hunspell> hunspell_;
  std::string dictionary_dir_;
  std::string dictionary_digest_;
  UConverter* converter_ = nullptr;
  std::unordered_map<std::string, std::vector<std::string>> lemma_cache_;
  std::unordered_map<std::string, std::vector<std::string>> restore_cache_;
};

// Path of the directory holding pl_PL.aff/.dic: $WIEDZA_DICT_DIR, else the build default.
std::string default_dictionary_dir();

}  // namespace wiedza::analysis
