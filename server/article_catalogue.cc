#include "server/article_catalogue.h"

#include <stdexcept>

#include <xapian.h>

#include "search/schema.h"

namespace wiedza::server {
namespace {

// The updated slot holds YYYYMMDD; the API and the report speak YYYY-MM-DD.
std::string iso_date(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return "";
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

}  // namespace

std::vector<ArticleInfo> list_articles(const std::string& db_path) {
  try {
    Xapian::Database db(db_path);
    std::vector<ArticleInfo> out;
    const std::string prefix = schema::kIdPrefix;
    // allterms iterates in term order, so the list comes out sorted by id.
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      auto p = db.postlist_begin(*t);
      if (p == db.postlist_end(*t)) continue;
      const Xapian::Document doc = db.get_document(*p);
      out.push_back({(*t).substr(prefix.size()), doc.get_value(schema::kSlotTitle),
                     iso_date(doc.get_value(schema::kSlotUpdated))});
    }
    return out;
  } catch (const Xapian::Error& e) {
    throw std::runtime_error("database " + db_path + ": " + e.get_description());
  }
}

}  // namespace wiedza::server
