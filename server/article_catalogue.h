// Every article of an index with what the editors' report needs: id, title and the
// `updated` date. Read straight from the Xapian database (values of docs/schema.md), so
// the report sees exactly what search serves.
#pragma once

#include <string>
#include <vector>

namespace wiedza::server {

struct ArticleInfo {
  std::string id;
  std::string title;
  std::string updated;  // YYYY-MM-DD, or "" when the article has none
};

// Sorted by id. Throws std::runtime_error naming the path when it is not a readable index.
std::vector<ArticleInfo> list_articles(const std::string& db_path);

}  // namespace wiedza::server
