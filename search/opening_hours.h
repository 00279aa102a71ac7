// A unit's opening hours as data (docs/corpus-format.md "Opening hours"): the weekly
// pattern and dated exceptions (holidays, shortened days) editors list, read from
// units.json's "opening_hours". From them and the time in Europe/Warsaw a consultant's
// card says whether the unit answers now ("otwarte teraz, do 15:30") before offering a
// transfer; the free-text "hours" stays for display.
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/validation_error.h"

namespace wiedza {

// Minutes since local midnight; `to` may be 1440 (24:00), and a range ending at 24:00
// followed by one starting at 0:00 the next day is open across midnight.
struct TimeRange {
  int from = 0;
  int to = 0;
  bool operator==(const TimeRange&) const = default;
};

struct OpeningHours {
  std::array<std::vector<TimeRange>, 7> week;                  // [0] Monday … [6] Sunday
  std::map<std::string, std::vector<TimeRange>> exceptions;    // "YYYY-MM-DD" → that day (empty: closed)
  bool operator==(const OpeningHours&) const = default;
};

// Parses the "opening_hours" object; `label` names it in errors ("units.json", "[3].opening_hours").
std::optional<OpeningHours> parse_opening_hours(const nlohmann::json& j, const std::string& file,
                                                const std::string& label, ValidationErrors& errors);
nlohmann::json to_json(const OpeningHours& hours);

// A moment as a wall clock in Europe/Warsaw shows it (ICU's time zone data: DST included).
struct LocalTime {
  int year = 0, month = 0, day = 0;  // month 1–12
  int weekday = 0;                   // 0 Monday … 6 Sunday
  int minute = 0;                    // since midnight
};
LocalTime warsaw_time(std::chrono::system_clock::time_point t);

// Whether the unit is open at `now`, and when that changes, for people to read.
struct OpenStatus {
  bool open = false;
  std::string text;  // Polish: "otwarte teraz, do 15:30", "zamknięte, otwieramy jutro o 7:30"
};
OpenStatus open_status(const OpeningHours& hours, const LocalTime& now);
nlohmann::json to_json(const OpenStatus& status);  // {"open": …, "text": …}

}  // namespace wiedza
