// Status pages of the resident portal: 404 (unknown article or page), 400 (a search the
// server cannot run).
#include "server/portal_layout.h"
#include "server/portal_pages.h"

namespace wiedza::server {

std::string render_not_found_page() {
  return render_frame({"Nie znaleziono strony", "",
                       "<h1>Nie znaleziono strony</h1>\n<p>Tej strony nie ma albo została usunięta. "
                       "Spróbuj wyszukać informację w polu powyżej.</p>\n<p><a href=\"/szukaj\">Przejdź do "
                       "wyszukiwarki</a></p>\n" +
                           helpline_html()});
}

std::string render_bad_request_page() {
  return render_frame({"Nieprawidłowe wyszukiwanie", "",
                       "<h1>Nie udało się wyszukać</h1>\n<p>Adres wyszukiwania jest nieprawidłowy (na przykład "
                       "pytanie jest dłuższe niż 500 znaków albo numer strony jest błędny). Wpisz pytanie "
                       "jeszcze raz.</p>\n" +
                           helpline_html()});
}

}  // namespace wiedza::server
