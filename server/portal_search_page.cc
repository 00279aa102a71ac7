// /szukaj: the form, a results page, or the "nothing found" page.
#include <algorithm>

#include "search/snippet.h"
#include "server/portal_layout.h"
#include "server/portal_links.h"
#include "server/portal_pages.h"

namespace wiedza::server {
namespace {

std::string quoted(const std::string& text) { return "„" + html_escape(text) + "”"; }

std::string name_of_category(const Directory& d, const std::string& id) {
  const Category* c = d.category(id);
  return c != nullptr ? c->name : id;
}

std::string name_of_unit(const Directory& d, const std::string& id) {
  const Unit* u = d.unit(id);
  return u != nullptr ? u->name : id;
}

std::string corrected_html(const SearchPage& p) {
  if (!p.answer.result.corrected) return "";
  const std::string url = search_url(*p.answer.result.corrected, p.request.categories);
  return "<p class=\"corrected\">Czy chodziło Ci o: <a href=\"" + html_escape(url) + "\">" +
         html_escape(*p.answer.result.corrected) + "</a>?</p>\n";
}

// Category facets as links that keep the query; the active one is marked, and a link
// drops the filter again.
std::string facets_html(const SearchPage& p) {
  auto it = p.answer.result.facets.find("category");
  if (it == p.answer.result.facets.end() || it->second.empty()) return "";
  const auto& active = p.request.categories;
  // Folded by default so that on a phone the results come first; open while a filter is on.
  std::string out = "<nav class=\"facets\" aria-label=\"Kategorie\"><details" +
                    std::string(active.empty() ? "" : " open") + "><summary>Zawęź do kategorii (" +
                    std::to_string(it->second.size()) + ")</summary><ul>";
  if (!active.empty()) {
    out += "<li><a href=\"" + html_escape(search_url(p.request.query)) + "\">Wszystkie kategorie</a></li>";
  }
  for (const FacetCount& f : it->second) {
    const bool on = std::find(active.begin(), active.end(), f.value) != active.end();
    out += "<li><a href=\"" + html_escape(search_url(p.request.query, {f.value})) + "\"" +
           (on ? " aria-current=\"page\"" : "") + ">" + html_escape(name_of_category(p.directory, f.value)) +
           " <span class=\"n\">(" + std::to_string(f.count) + ")</span></a></li>";
  }
  return out + "</ul></details></nav>\n";
}

std::string hit_html(const SearchHit& h, const Directory& d) {
  std::string out = "<li class=\"result\"><h2><a href=\"" + html_escape(article_url(h.id)) + "\">" +
                    html_escape(h.title) + "</a></h2>";
  const std::string snippet = render_snippet(h.snippet, "<mark>", "</mark>", html_escape);
  if (!snippet.empty()) out += "<p class=\"snippet\">" + snippet + "</p>";
  if (!h.summary.empty()) out += "<p class=\"summary\">" + html_escape(h.summary) + "</p>";
  out += "<p class=\"meta\">" + html_escape(name_of_category(d, h.category)) + " · " +
         html_escape(name_of_unit(d, h.unit)) + "</p></li>\n";
  return out;
}

std::string pagination_html(const SearchPage& p) {
  const std::size_t size = p.request.limit, offset = p.request.offset, total = p.answer.result.total;
  if (total <= size && offset == 0) return "";
  const std::size_t limit_param = size == 10 ? 0 : size;
  std::string out = "<nav class=\"pages\" aria-label=\"Strony wyników\">";
  if (offset > 0) {
    const std::size_t prev = offset > size ? offset - size : 0;
    out += "<a rel=\"prev\" href=\"" +
           html_escape(search_url(SearchLink{p.request.query, p.request.categories, prev, limit_param})) +
           "\">‹ Poprzednie</a>";
  }
  out += "<span>Strona " + std::to_string(offset / size + 1) + " z " + std::to_string((total + size - 1) / size) +
         "</span>";
  if (offset + size < total) {
    out += "<a rel=\"next\" href=\"" +
           html_escape(search_url(SearchLink{p.request.query, p.request.categories, offset + size, limit_param})) +
           "\">Następne ›</a>";
  }
  return out + "</nav>\n";
}

std::string contact_html(const SearchPage& p) {
  const Unit* unit = p.directory.unit(p.answer.routing ? p.answer.routing->unit : p.answer.contact_unit);
  std::string out;
  if (unit != nullptr) {
    const bool report = p.answer.routing && p.answer.routing->intervention;
    out += unit_card_html(*unit, report ? CardPurpose::kReport : CardPurpose::kContact, "card-title", p.now);
  }
  return out + helpline_html();
}

std::string empty_html(const SearchPage& p) {
  std::string out = "<h1>Nic nie znaleziono dla " + quoted(p.request.query) + "</h1>\n" + corrected_html(p);
  if (p.request.offset > 0 && p.answer.result.total > 0) {
    out += "<p>Na tej stronie nie ma już wyników. <a href=\"" +
           html_escape(search_url(p.request.query, p.request.categories)) + "\">Wróć do pierwszej strony</a>.</p>\n";
  } else if (!p.request.categories.empty()) {
    out += "<p>W wybranej kategorii nie ma takich artykułów. <a href=\"" + html_escape(search_url(p.request.query)) +
           "\">Szukaj we wszystkich kategoriach</a>.</p>\n";
  }
  out += "<div class=\"empty\"><p>Sprawdź pisownię albo opisz sprawę innymi słowami, np. „wywóz śmieci”, "
         "„zgubiony dowód”, „dziura w jezdni”.</p></div>\n";
  return out + "<div class=\"aside\">" + contact_html(p) + "</div>\n";
}

// Shown above weak results (no article covers the question well): the resident should call
// rather than act on an article about something else. portal.js shows the same text.
std::string weak_notice_html() {
  return "<div class=\"weak\" role=\"note\"><p><strong>Nie mamy artykułu, który dobrze odpowiada na to "
         "pytanie.</strong> Poniższe wyniki mogą dotyczyć innej sprawy.</p><p>Zadzwoń do Centrum Kontaktu: "
         "<a href=\"tel:126165555\">12 616 55 55</a>, pon.–pt. 7:00–20:00. Konsultant odpowie albo połączy Cię "
         "z właściwym urzędem.</p></div>\n";
}

// portal.js replaces this element's contents with live results as the resident types.
std::string live_region(const std::string& html) { return "<div id=\"wyniki\">\n" + html + "</div>\n"; }

}  // namespace

std::string render_search_form_page() {
  std::string main =
      "<h1>Wyszukaj informacje</h1>\n"
      "<p>Wpisz, czego dotyczy Twoja sprawa, np. „zgubiłem dowód osobisty”, „nie odebrali śmieci”, "
      "„dziura w jezdni”. Znajdziesz opis sprawy i urząd, który w niej pomoże.</p>\n" +
      helpline_html();
  return render_frame({"Szukaj", "", live_region(main)});
}

std::string render_search_page(const SearchPage& p) {
  std::string main;
  if (p.answer.result.hits.empty()) {
    main = empty_html(p);
  } else {
    const std::size_t first = p.request.offset + 1, last = p.request.offset + p.answer.result.hits.size();
    main = "<h1>Wyniki dla " + quoted(p.request.query) + "</h1>\n";
    main += "<div class=\"columns\"><div class=\"primary\">\n";
    if (p.answer.result.weak) main += weak_notice_html();
    main += std::string("<p class=\"count\">Znaleziono ") + (p.answer.result.total_exact ? "" : "około ") + polish_count(p.answer.result.total, "artykuł", "artykuły", "artykułów") +
            ". Wyniki " + std::to_string(first) + "–" + std::to_string(last) + ".</p>\n";
    main += corrected_html(p) + facets_html(p) + "<ol class=\"results\" start=\"" + std::to_string(first) + "\">\n";
    for (const SearchHit& h : p.answer.result.hits) main += hit_html(h, p.directory);
    main += "</ol>\n" + pagination_html(p) + "</div>\n<div class=\"aside\">" + contact_html(p) + "</div></div>\n";
  }
  return render_frame({"Wyniki: " + p.request.query, p.request.query, live_region(main)});
}

}  // namespace wiedza::server
