#include "search/analysis/lemmatizer.h"

#include <hunspell/hunspell.hxx>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "search/analysis/diacritic_candidates.h"
#include "search/analysis/text_folding.h"
#include "search/digest.h"

#ifndef WIEDZA_DEFAULT_DICT_DIR
#define WIEDZA_DEFAULT_DICT_DIR "/usr/share/hunspell"
#endif

namespace wiedza::analysis {
namespace {

// Caches are bounded so that a long-running server fed arbitrary queries cannot grow
// without limit; clearing is cheap and the hot vocabulary refills quickly.
constexpr std::size_t kMaxCacheEntries = 300000;

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

std::string default_dictionary_dir() {
  if (const char* env = std::getenv("WIEDZA_DICT_DIR"); env != nullptr && *env != '\0') return env;
  return WIEDZA_DEFAULT_DICT_DIR;
}

Lemmatizer::Lemmatizer(const std::string& dict_dir) : dictionary_dir_(dict_dir) {
  namespace fs = std::filesystem;
  const fs::path aff = fs::path(dict_dir) / "pl_PL.aff";
  const fs::path dic = fs::path(dict_dir) / "pl_PL.dic";
  if (!fs::exists(aff) || !fs::exists(dic)) {
    throw std::runtime_error("Polish dictionary not found: expected " + aff.string() + " and " + dic.string() +
                             " (install the hunspell-pl package or set WIEDZA_DICT_DIR)");
  }
  hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  dictionary_digest_ = digest(file_digest(aff.string()) + file_digest(dic.string()));
  UErrorCode status = U_ZERO_ERROR;
  converter_ = ucnv_open("ISO-8859-2", &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU has no ISO-8859-2 converter");
  // Characters outside ISO-8859-2 must fail the conversion, not become '?'.
  ucnv_setFromUCallBack(converter_, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
}

Lemmatizer::~Lemmatizer() {
  if (converter_ != nullptr) ucnv_close(converter_);
}

bool Lemmatizer::encode(const std::string& utf8, std::string& latin2) {
  UErrorCode status = U_ZERO_ERROR;
  latin2.resize(utf8.size() + 1);
  int32_t n = ucnv_fromAlgorithmic(converter_, UCNV_UTF8, latin2.data(), static_cast<int32_t>(latin2.size()),
                                   utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return false;
  latin2.resize(static_cast<std::size_t>(n));
  return true;
}

std::string Lemmatizer::decode(const std::string& latin2) {
  UErrorCode status = U_ZERO_ERROR;
  std::string utf8(latin2.size() * 2 + 1, '\0');
  int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, converter_, utf8.data(), static_cast<int32_t>(utf8.size()),
                                 latin2.data(), static_cast<int32_t>(latin2.size()), &status);
  if (U_FAILURE(status)) return {};
  utf8.resize(static_cast<std::size_t>(n));
  return utf8;
}

std::vector<std::string> Lemmatizer::stem(const std::string& utf8_word) {
  std::string latin2;
  if (!encode(utf8_word, latin2)) return {};
  std::vector<std::string> out;
  for (const std::string& s : hunspell_->stem(latin2)) {
    std::string lemma = fold_case(decode(s));
    if (!lemma.empty()) out.push_back(std::move(lemma));
  }
  return out;
}

bool Lemmatizer::spell(const std::string& utf8_word) {
  std::string latin2;
  return encode(utf8_word, latin2) && hunspell_->spell(latin2);
}

const std::vector<std::string>& Lemmatizer::lemmas(const std::string& word) {
  if (auto it = lemma_cache_.find(word); it != lemma_cache_.end()) return it->second;
  if (lemma_cache_.size() >= kMaxCacheEntries) lemma_cache_.clear();

  // Proper nouns are stored capitalised in the dictionary, and a lowercase lookup may
  // find only a common noun ("kraków" -> krak, "Kraków" -> Kraków). Both lookups
  // depend only on the case-folded word, so every side gets the same answer.
  std::vector<std::string> result = stem(word);
  if (!word.empty()) {
    std::vector<std::string> proper = stem(capitalise_first(word));
    result.insert(result.end(), proper.begin(), proper.end());
  }
  sort_unique(result);
  return lemma_cache_.emplace(word, std::move(result)).first->second;
}

const std::vector<std::string>& Lemmatizer::restore_diacritics(const std::string& ascii_word) {
  if (auto it = restore_cache_.find(ascii_word); it != restore_cache_.end()) return it->second;
  if (restore_cache_.size() >= kMaxCacheEntries) restore_cache_.clear();

  std::vector<std::string> found;
  for (const std::string& candidate : diacritic_candidates(ascii_word, kMaxCandidates)) {
    if (spell(candidate)) found.push_back(candidate);
  }
  sort_unique(found);
  return restore_cache_.emplace(ascii_word, std::move(found)).first->second;
}

}  // namespace wiedza::analysis
