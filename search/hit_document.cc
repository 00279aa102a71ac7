#include "search/hit_document.h"

#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

#include "search/analysis/text_folding.h"
#include "search/markdown_text.h"
#include "search/schema.h"

namespace wiedza {
namespace {

std::uint64_t term_hash(std::string_view term) { return std::hash<std::string_view>{}(term); }

std::string json_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

bool HitDocument::has_term(std::string_view term) const {
  return std::binary_search(term_hashes_.begin(), term_hashes_.end(), term_hash(term));
}

std::shared_ptr<const HitDocument> HitDocument::load(const Xapian::Database& db, Xapian::docid docid) {
  const Xapian::Document doc = db.get_document(docid);
  const auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (!data.is_object()) return nullptr;
  auto hit = std::make_shared<HitDocument>();
  hit->id = json_string(data, "id");
  hit->title = json_string(data, "title");
  hit->summary = json_string(data, "summary");
  hit->category = json_string(data, "category");
  hit->unit = json_string(data, "unit");
  hit->kind = json_string(data, "kind");
  hit->updated = json_string(data, "updated");
  // The same text the indexer analysed (document_builder.cc), so positions line up.
  hit->body_text = analysis::normalize_nfc(markdown_to_plain_text(json_string(data, "body")));
  hit->body_tokens = analysis::Analyzer::position_spans(hit->body_text);
  hit->body_start = static_cast<Xapian::termpos>(Xapian::sortable_unserialise(doc.get_value(schema::kSlotBodyStart)));
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) hit->term_hashes_.push_back(term_hash(*t));
  std::sort(hit->term_hashes_.begin(), hit->term_hashes_.end());
  return hit;
}

}  // namespace wiedza
