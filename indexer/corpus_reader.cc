#include "indexer/corpus_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace wiedza {
namespace fs = std::filesystem;
namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

nlohmann::json read_json_file(const fs::path& path) {
  if (!fs::is_regular_file(path)) throw CorpusError(path.string() + ": missing (every corpus needs it)");
  ValidationErrors errors;
  std::string text;
  try {
    text = read_file(path);
  } catch (const std::exception& e) {
    throw CorpusError(e.what());
  }
  auto json = parse_json_text(text, path.string(), errors);
  if (!json) throw CorpusError(path.string() + ": cannot be parsed", errors);
  return *json;
}

}  // namespace

Directory read_directory(const std::string& dir) {
  const fs::path root(dir);
  if (!fs::is_directory(root)) throw CorpusError("corpus directory " + dir + " does not exist or is not a directory");
  Directory d;
  ValidationErrors errors;
  const fs::path units_path = root / "units.json";
  const fs::path categories_path = root / "categories.json";
  d.units = parse_units(read_json_file(units_path), units_path.string(), errors);
  d.categories = parse_categories(read_json_file(categories_path), categories_path.string(), errors);
  if (!errors.empty()) {
    throw CorpusError("the routing directory (units.json, categories.json) is invalid; nothing was indexed",
                      std::move(errors));
  }
  return d;
}

Corpus read_corpus(const std::string& dir) {
  Corpus corpus;
  corpus.directory = read_directory(dir);
  const fs::path articles_dir = fs::path(dir) / "articles";
  if (!fs::is_directory(articles_dir)) throw CorpusError(articles_dir.string() + ": missing (every corpus needs it)");

  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(articles_dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (name.empty() || name[0] == '.') continue;  // editor swap files, .gitkeep
    if (p.extension() != ".json" || !it->is_regular_file()) {
      corpus.warnings.push_back(p.string() + ": ignored (articles/ holds only <id>.json files)");
      continue;
    }
    files.push_back(p);
  }
  if (ec) throw CorpusError("cannot list " + articles_dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());

  for (const fs::path& path : files) {
    const std::string file = path.string();
    const std::string id = path.stem().string();
    if (!is_valid_id(id)) {
      corpus.errors.push_back({file, "", std::string("file name must be <id>.json where id matches ") + kIdPattern});
      continue;
    }
    const std::size_t errors_before = corpus.errors.size();
    std::error_code size_ec;
    const auto size = fs::file_size(path, size_ec);
    if (size_ec || size > kMaxArticleFileBytes) {
      corpus.errors.push_back({file, "", size_ec ? "cannot read: " + size_ec.message()
                                                 : "file is larger than 4 MiB; not an article"});
    } else {
      std::string text;
      try {
        text = read_file(path);
      } catch (const std::exception& e) {
        corpus.errors.push_back({file, "", e.what()});
      }
      if (corpus.errors.size() == errors_before) {
        if (auto json = parse_json_text(text, file, corpus.errors)) {
          if (auto article = parse_article({*json, id, file}, corpus.directory, corpus.errors)) {
            corpus.articles.push_back(std::move(*article));
          }
        }
      }
    }
    if (corpus.errors.size() != errors_before) corpus.invalid_ids.insert(id);
  }
  const fs::path synonyms_path = fs::path(dir) / "synonyms.txt";
  if (fs::exists(synonyms_path)) {
    try {
      corpus.synonyms = parse_synonyms(read_file(synonyms_path), synonyms_path.string(), corpus.errors);
    } catch (const std::exception& e) {
      corpus.errors.push_back({synonyms_path.string(), "", e.what()});
    }
  }
  return corpus;
}

}  // namespace wiedza
