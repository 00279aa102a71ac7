#include "search/analysis/stop_words.h"

#include <string>
#include <unordered_set>

#include "search/analysis/text_folding.h"

namespace wiedza::analysis {
namespace {

// Written with Polish letters for readability; folded once at start-up.
constexpr const char* kStopWords[] = {
    // conjunctions, prepositions, particles
    "a", "aby", "albo", "ale", "ani", "aż", "bo", "by", "bym", "byś", "choć", "czy", "dla", "do", "i", "iż",
    "jednak", "jeśli", "jeżeli", "lub", "na", "nad", "nie", "niż", "o", "od", "oraz", "po", "pod", "przed",
    "przez", "przy", "się", "sie", "tak", "także", "też", "to", "u", "w", "we", "z", "za", "ze", "że", "żeby",
    "zaś", "lecz", "czyli", "bez", "ku", "mi", "li", "no", "niech", "już", "jeszcze", "tylko", "np", "itp",
    "itd", "tzn", "r", "tj",
    // pronouns
    "ja", "ty", "on", "ona", "ono", "my", "wy", "oni", "one", "mnie", "mną", "mój", "moja", "moje", "moi",
    "mojego", "mojej", "mojemu", "moim", "moją", "twój", "twoja", "twoje", "jego", "jej", "ich", "nas", "was",
    "go", "mu", "je", "ją", "im", "nim", "nią", "niego", "niej", "nich", "sobie", "siebie", "swój", "swoja",
    "swoje", "swojego", "swojej", "ten", "ta", "te", "tego", "tej", "temu", "tym", "tą", "tych", "tamten",
    "to", "tu", "tutaj", "tam", "coś", "ktoś", "nic", "nikt", "wszystko", "każdy",
    // question words
    "jak", "jaki", "jaka", "jakie", "jakiego", "jakiej", "jakich", "gdzie", "kiedy", "co", "czego", "czym",
    "kto", "kogo", "komu", "który", "która", "które", "którego", "której", "których", "ile", "dlaczego",
    "czemu", "skąd", "dokąd", "jakim", "jaką",
    // auxiliaries and modal verbs that frame a question
    "jest", "są", "być", "był", "była", "było", "byli", "będzie", "będą", "jestem", "mam", "ma", "mają",
    "można", "mogę", "może", "możemy", "muszę", "musi", "trzeba", "należy", "powinien", "powinienem",
    "powinnam", "chcę", "chce", "chciałbym", "chciałabym", "chcemy", "zrobić",
    "możesz", "mogą", "mógł", "mogła", "mogli", "mógłbym", "mogłabym", "mógłby", "mogłaby", "musisz", "muszą",
    "musimy", "musiał", "musiała", "chcesz", "chcą", "chciał", "chciała", "chciałem", "chciałam", "powinna",
    "powinno", "powinni", "robić", "zrobiłem", "zrobiłam", "dowiedzieć",
    // indefinite pronouns and adverbs of time and manner that frame a question, not its topic
    "jakiś", "jakaś", "jakieś", "jakiegoś", "jakiejś", "jakichś", "jakimś", "gdzieś", "kiedyś", "jakoś",
    "przecież", "znowu", "znów", "dzisiaj", "dziś", "jutro", "wczoraj", "teraz", "zawsze", "nigdy", "bardzo",
    "trochę", "właśnie", "naprawdę", "chyba", "pewnie",
    // politeness
    "proszę", "prosze", "witam", "uprzejmie", "pani", "pan", "państwo",
};

const std::unordered_set<std::string>& folded_stop_words() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> s;
    for (const char* w : kStopWords) s.insert(fold_diacritics(w));
    return s;
  }();
  return words;
}

}  // namespace

bool is_stop_word(std::string_view folded) {
  return folded_stop_words().count(std::string(folded)) > 0;
}

}  // namespace wiedza::analysis
