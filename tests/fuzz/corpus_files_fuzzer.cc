// libFuzzer target: any bytes as one of the corpus files an editor writes (an article,
// units.json, categories.json, synonyms.txt), chosen by the first byte, through the
// parsers and validators `wiedza index` and the editing API use. Errors must come back
// as ValidationErrors, never as crashes or escaping exceptions.
#include <cstddef>
#include <cstdint>
#include <string>

#include "search/article.h"
#include "search/directory.h"
#include "search/synonyms.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int target = data[0] % 4;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  wiedza::ValidationErrors errors;
  if (target == 3) {
    (void)wiedza::parse_synonyms(text, "synonyms.txt", errors);
    return 0;
  }
  const auto json = wiedza::parse_json_text(text, "fuzz.json", errors);
  if (!json) return 0;
  wiedza::Directory directory;
  directory.units["wsa"] = {"wsa", "Wydział Spraw Administracyjnych", "wydzial", "", "", "", "", "", std::nullopt};
  directory.categories["odpady"] = {"odpady", "Odpady"};
  if (target == 0) {
    if (auto article = wiedza::parse_article({*json, "fuzz", "fuzz.json"}, directory, errors)) {
      (void)wiedza::to_json(*article).dump();
    }
  } else if (target == 1) {
    (void)wiedza::units_to_json(wiedza::parse_units(*json, "units.json", errors)).dump();
  } else {
    (void)wiedza::categories_to_json(wiedza::parse_categories(*json, "categories.json", errors)).dump();
  }
  return 0;
}
