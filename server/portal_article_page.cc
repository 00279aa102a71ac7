// /artykul/{id}: the whole article, its unit's card, the date of the last update and the
// "was this helpful" question (shown by portal.js only: it needs JavaScript to send).
#include <array>

#include "search/snippet.h"
#include "server/markdown_html.h"
#include "server/portal_layout.h"
#include "server/portal_pages.h"

namespace wiedza::server {
namespace {

// "2026-04-02" -> "2 kwietnia 2026"; anything else is shown as it is.
std::string polish_date(const std::string& iso) {
  static const std::array<const char*, 12> kMonths = {"stycznia", "lutego",   "marca",    "kwietnia",
                                                      "maja",     "czerwca",  "lipca",    "sierpnia",
                                                      "września", "października", "listopada", "grudnia"};
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  const int month = std::stoi(iso.substr(5, 2)), day = std::stoi(iso.substr(8, 2));
  if (month < 1 || month > 12) return iso;
  return std::to_string(day) + " " + kMonths[static_cast<std::size_t>(month - 1)] + " " + iso.substr(0, 4);
}

std::string text_field(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string feedback_html(const std::string& id) {
  return "<section id=\"opinia\" class=\"feedback\" hidden data-article=\"" + html_escape(id) +
         "\" aria-labelledby=\"opinia-title\"><h2 id=\"opinia-title\">Czy ta informacja była pomocna?</h2>"
         "<div class=\"buttons\"><button type=\"button\" data-event=\"helpful\">tak</button>"
         "<button type=\"button\" data-event=\"unhelpful\">nie</button></div>"
         "<p id=\"opinia-status\" role=\"status\"></p></section>\n";
}

}  // namespace

std::string render_article_page(const nlohmann::json& stored, const Directory& directory, const LocalTime& now) {
  const std::string id = text_field(stored, "id"), title = text_field(stored, "title");
  const std::string summary = text_field(stored, "summary"), updated = text_field(stored, "updated");
  const Category* category = directory.category(text_field(stored, "category"));
  const Unit* unit = directory.unit(text_field(stored, "unit"));

  std::string main = "<div class=\"columns\"><article class=\"primary\">\n";
  if (category != nullptr) main += "<p class=\"meta\">" + html_escape(category->name) + "</p>\n";
  main += "<h1>" + html_escape(title) + "</h1>\n";
  if (!summary.empty()) main += "<p class=\"lead\">" + html_escape(summary) + "</p>\n";
  main += "<div class=\"body\">\n" + markdown_to_html(text_field(stored, "body")) + "</div>\n";
  if (!updated.empty()) {
    main += "<p class=\"updated\">Ostatnia aktualizacja: <time datetime=\"" + html_escape(updated) + "\">" +
            html_escape(polish_date(updated)) + "</time></p>\n";
  }
  main += feedback_html(id) + "</article>\n<div class=\"aside\">";
  if (unit != nullptr) {
    const bool report = text_field(stored, "kind") == "interwencja";
    main += unit_card_html(*unit, report ? CardPurpose::kReport : CardPurpose::kContact, "card-title", now);
  }
  main += helpline_html() + "</div></div>\n";
  return render_frame({title, "", main});
}

}  // namespace wiedza::server
