// The resident portal's page frame (head, search form, footer with the helpline) and the
// pieces several pages share: the contact card of a unit and the helpline notice.
// Every function returns HTML in which all text has been escaped.
#pragma once

#include <string>

#include "search/directory.h"

namespace wiedza::server {

struct PageFrame {
  std::string title;      // plain text; the site name is appended
  std::string query;      // plain text shown in the search box ("" for none)
  std::string main_html;  // the contents of <main>, already safe HTML
};

std::string render_frame(const PageFrame& page);

// What the card is for: who answers the question, or where to report a problem
// (an "interwencja" article or routing hint).
enum class CardPurpose { kContact, kReport };

// The unit's name, phone, e-mail, address and hours; for kReport, first how to report.
// `heading_id` must be unique in the page (the card is labelled by its heading).
// With opening hours, the card says whether the unit is open at `now`.
std::string unit_card_html(const Unit& unit, CardPurpose purpose, const std::string& heading_id, const LocalTime& now);

// The city's contact centre: the answer of last resort on every page.
std::string helpline_html();

// "Intl-free" Polish plural: 1 artykuł, 2–4 artykuły, 5+ artykułów (12–14 too).
std::string polish_count(std::size_t n, const char* one, const char* few, const char* many);

}  // namespace wiedza::server
