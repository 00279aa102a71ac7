#include "server/portal_layout.h"

#include "search/snippet.h"

namespace wiedza::server {
namespace {

const char* kSiteName = "Informacje dla mieszkańców";

// "12 616 55 10" -> "tel:126165510": phones open the dialler on a tap.
std::string tel_href(const std::string& phone) {
  std::string digits;
  for (char c : phone) {
    if ((c >= '0' && c <= '9') || (c == '+' && digits.empty())) digits += c;
  }
  return "tel:" + digits;
}

std::string contact_rows(const Unit& u, const LocalTime& now) {
  std::string out = "<dl class=\"contact\">";
  if (!u.phone.empty()) {
    out += "<dt>Telefon</dt><dd><a href=\"" + html_escape(tel_href(u.phone)) + "\">" + html_escape(u.phone) +
           "</a></dd>";
  }
  if (!u.email.empty()) {
    out += "<dt>E-mail</dt><dd><a href=\"mailto:" + html_escape(u.email) + "\">" + html_escape(u.email) + "</a></dd>";
  }
  if (!u.address.empty()) out += "<dt>Adres</dt><dd>" + html_escape(u.address) + "</dd>";
  if (!u.hours.empty()) out += "<dt>Godziny</dt><dd>" + html_escape(u.hours) + "</dd>";
  if (u.opening_hours) {
    const OpenStatus status = open_status(*u.opening_hours, now);
    out += std::string("<dt>Teraz</dt><dd class=\"open-now ") + (status.open ? "open" : "closed") + "\">" +
           html_escape(status.text) + "</dd>";
  }
  return out + "</dl>";
}

// For a problem report: the quickest channel first (phone, then e-mail, then the helpline).
std::string report_how(const Unit& u) {
  // "Zgłoszenie przyjmuje: X" keeps the unit's name in the nominative, as it is written;
  // a name that ends in a full stop ("Sp. z o.o.") gets no second one.
  const bool ends_with_stop = !u.name.empty() && u.name.back() == '.';
  const std::string name = "<strong>" + html_escape(u.name) + "</strong>" + (ends_with_stop ? "" : ".");
  if (!u.phone.empty()) {
    return "<p>Zgłoszenie przyjmuje: " + name + " Najszybciej telefonicznie: <a href=\"" +
           html_escape(tel_href(u.phone)) + "\">" + html_escape(u.phone) + "</a>" +
           (u.email.empty() ? std::string() : ", albo e-mailem (dodaj adres i zdjęcie)") + ".</p>";
  }
  if (!u.email.empty()) {
    return "<p>Zgłoszenie przyjmuje: " + name + " Napisz e-mail: <a href=\"mailto:" + html_escape(u.email) + "\">" +
           html_escape(u.email) + "</a> (podaj dokładny adres).</p>";
  }
  return "<p>Zgłoszenie przyjmuje: " + name + " Zadzwoń do Centrum Kontaktu: <a href=\"tel:126165555\">12 616 55 55</a>.</p>";
}

}  // namespace

std::string polish_count(std::size_t n, const char* one, const char* few, const char* many) {
  const std::size_t last = n % 10, last_two = n % 100;
  const char* word = n == 1 ? one : (last >= 2 && last <= 4 && !(last_two >= 12 && last_two <= 14)) ? few : many;
  return std::to_string(n) + " " + word;
}

std::string helpline_html() {
  return "<section class=\"helpline\" aria-labelledby=\"helpline-title\">"
         "<h2 id=\"helpline-title\">Centrum Kontaktu</h2>"
         "<p>Nie ma tu odpowiedzi? Zadzwoń: <a href=\"tel:126165555\">12 616 55 55</a>, "
         "pon.–pt. 7:00–20:00. Konsultant odpowie albo połączy Cię z właściwym urzędem.</p>"
         "</section>";
}

std::string unit_card_html(const Unit& unit, CardPurpose purpose, const std::string& heading_id, const LocalTime& now) {
  const bool report = purpose == CardPurpose::kReport;
  std::string out = "<section class=\"card\" aria-labelledby=\"" + heading_id + "\">";
  out += "<h2 id=\"" + heading_id + "\">" + (report ? "Jak zgłosić problem" : "Kto pomoże w tej sprawie") + "</h2>";
  if (report) out += report_how(unit);
  out += "<p class=\"unit-name\">" + html_escape(unit.name) + "</p>";
  out += contact_rows(unit, now);
  return out + "</section>";
}

std::string render_frame(const PageFrame& page) {
  std::string out =
      "<!doctype html>\n<html lang=\"pl\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += html_escape(page.title) + " – " + kSiteName + "</title>\n";
  out += "<link rel=\"stylesheet\" href=\"/static/portal.css\">\n"
         "<script src=\"/static/combobox.js\" defer></script>\n"
         "<script src=\"/static/portal.js\" defer></script>\n";
  out += "</head>\n<body>\n<a class=\"skip\" href=\"#tresc\">Przejdź do treści</a>\n<header class=\"site\">\n";
  out += "<p class=\"brand\"><a href=\"/szukaj\">" + std::string(kSiteName) + "</a></p>\n";
  // Without JavaScript this is a plain GET form; portal.js turns the input into an
  // ARIA combobox with suggestions.
  out += "<form class=\"search\" role=\"search\" method=\"get\" action=\"/szukaj\">\n"
         "<label for=\"q\">Czego szukasz?</label>\n<div class=\"search-row\">"
         "<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"500\" autocomplete=\"off\" spellcheck=\"false\" "
         "enterkeyhint=\"search\" aria-describedby=\"q-hint\" value=\"" +
         html_escape(page.query) + "\"><button type=\"submit\">Szukaj</button></div>\n"
         "<p id=\"q-hint\" class=\"hint\">Możesz pisać bez polskich liter, np. „zgubiony dowod”.</p>\n</form>\n";
  out += "</header>\n<main id=\"tresc\" tabindex=\"-1\">\n" + page.main_html + "</main>\n";
  out += "<footer class=\"site\"><p>Centrum Kontaktu: <a href=\"tel:126165555\">12 616 55 55</a>, "
         "pon.–pt. 7:00–20:00</p></footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace wiedza::server
