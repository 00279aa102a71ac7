// Status pages of the resident portal: 404 (unknown article or page), 400 (a search the
// server cannot run). Both point to the search box and the helpline.
#include "server/portal_layout.h"
#include "server/portal_pages.h"

namespace wiedza::server {
namespace {

std::string status_page(const std::string& title, const std::string& heading, const std::string& paragraph_html) {
  return render_frame({title, "", "<h1>" + heading + "</h1>\n<p>" + paragraph_html + "</p>\n" + helpline_html()});
}

}  // namespace

std::string render_not_found_page() {
  return status_page("Nie znaleziono strony", "Nie znaleziono strony",
                     "Tej strony nie ma albo została usunięta. Wyszukaj informację w polu powyżej albo "
                     "<a href=\"/szukaj\">przejdź do wyszukiwarki</a>.");
}

std::string render_bad_request_page() {
  return status_page("Nieprawidłowe wyszukiwanie", "Nie udało się wyszukać",
                     "Adres wyszukiwania jest nieprawidłowy (na przykład pytanie jest dłuższe niż 500 znaków "
                     "albo numer strony jest błędny). Wpisz pytanie jeszcze raz.");
}

}  // namespace wiedza::server
