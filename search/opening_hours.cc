#include "search/opening_hours.h"

#include <cstdio>
#include <memory>

#include <unicode/timezone.h>

#include "search/json_fields.h"

namespace wiedza {
namespace {

namespace chr = std::chrono;

constexpr std::array<const char*, 7> kDayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr int kDayMinutes = 24 * 60;
// How far ahead "otwieramy …" looks; a unit closed longer (a listed closure) just says closed.
constexpr int kLookAheadDays = 14;

// "8:00", "08:00", "24:00" → minutes; nullopt when malformed.
std::optional<int> parse_clock(const std::string& s) {
  const auto colon = s.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return std::nullopt;
  int h = 0, m = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == colon) continue;
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    (i < colon ? h : m) = (i < colon ? h : m) * 10 + (s[i] - '0');
  }
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

// "8:00-16:00" (a hyphen or an en dash, spaces allowed around it).
std::optional<TimeRange> parse_range(std::string s, std::string& why) {
  why = "must be a time range like 8:00-16:00 (got '" + s + "')";
  for (const std::string dash : {"\u2013", "-"}) {
    const auto at = s.find(dash);
    if (at == std::string::npos) continue;
    auto from = parse_clock(trim(s.substr(0, at)));
    auto to = parse_clock(trim(s.substr(at + dash.size())));
    if (!from || !to || *from == kDayMinutes) return std::nullopt;
    if (*to <= *from) {
      why = "ends before it starts ('" + s + "'); a range over midnight is two: 20:00-24:00 and, the next day, 0:00-6:00";
      return std::nullopt;
    }
    return TimeRange{*from, *to};
  }
  return std::nullopt;
}

std::optional<std::vector<TimeRange>> parse_ranges(const nlohmann::json& j, const std::string& file,
                                                   const std::string& label, ValidationErrors& errors) {
  if (!j.is_array()) {
    errors.push_back({file, label, "must be a list of time ranges like [\"8:00-16:00\"] ([] for closed)"});
    return std::nullopt;
  }
  std::vector<TimeRange> out;
  bool ok = true;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string where = label + "[" + std::to_string(i) + "]";
    std::string why;
    auto range = j[i].is_string() ? parse_range(j[i].get<std::string>(), why) : std::nullopt;
    if (!j[i].is_string()) why = "must be a string like 8:00-16:00";
    if (!range) {
      errors.push_back({file, where, why});
      ok = false;
    } else if (!out.empty() && range->from < out.back().to) {
      errors.push_back({file, where, "must start after the previous range ends (list them in order, without overlaps)"});
      ok = false;
    } else {
      out.push_back(*range);
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<chr::year_month_day> parse_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  const chr::year_month_day d{chr::year(std::stoi(s.substr(0, 4))), chr::month(std::stoi(s.substr(5, 2))),
                              chr::day(std::stoi(s.substr(8, 2)))};
  if (!d.ok()) return std::nullopt;
  return d;
}

std::string date_key(const chr::year_month_day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::string clock_text(int minutes) {
  return std::to_string(minutes / 60) + ":" + (minutes % 60 < 10 ? "0" : "") + std::to_string(minutes % 60);
}

nlohmann::json ranges_json(const std::vector<TimeRange>& ranges) {
  nlohmann::json list = nlohmann::json::array();
  for (const TimeRange& r : ranges) list.push_back(clock_text(r.from) + "-" + clock_text(r.to));
  return list;
}

// A day `offset` days after today, as a Polish phrase after "otwieramy" / "zamykamy".
std::string day_phrase(int offset, const chr::year_month_day& date, int weekday) {
  static constexpr std::array<const char*, 7> kOnWeekday = {"w poniedziałek", "we wtorek", "w środę", "w czwartek",
                                                            "w piątek",       "w sobotę",  "w niedzielę"};
  static constexpr std::array<const char*, 12> kMonthGenitive = {
      "stycznia", "lutego",   "marca",    "kwietnia",     "maja",      "czerwca",
      "lipca",    "sierpnia", "września", "października", "listopada", "grudnia"};
  if (offset == 0) return "dziś";
  if (offset == 1) return "jutro";
  if (offset < 7) return kOnWeekday[static_cast<std::size_t>(weekday)];
  return std::to_string(static_cast<unsigned>(date.day())) + " " +
         kMonthGenitive[static_cast<unsigned>(date.month()) - 1];
}

// The ranges of the day `offset` days after `today`: a listed exception, else the week.
struct Day {
  chr::year_month_day date;
  int weekday;
  const std::vector<TimeRange>* ranges;
};

Day day_after(const OpeningHours& hours, const LocalTime& today, int offset) {
  const chr::sys_days base{chr::year_month_day{chr::year(today.year), chr::month(static_cast<unsigned>(today.month)),
                                               chr::day(static_cast<unsigned>(today.day))}};
  const chr::year_month_day date{base + chr::days(offset)};
  const int weekday = (today.weekday + offset) % 7;
  auto it = hours.exceptions.find(date_key(date));
  return {date, weekday, it != hours.exceptions.end() ? &it->second : &hours.week[static_cast<std::size_t>(weekday)]};
}

}  // namespace

std::optional<OpeningHours> parse_opening_hours(const nlohmann::json& j, const std::string& file,
                                                const std::string& label, ValidationErrors& errors) {
  if (!j.is_object()) {
    errors.push_back({file, label, "must be an object with days (mon … sun) and optional exceptions"});
    return std::nullopt;
  }
  const std::size_t before = errors.size();
  OpeningHours hours;
  for (const auto& [key, value] : j.items()) {
    std::size_t day = 0;
    while (day < kDayKeys.size() && key != kDayKeys[day]) ++day;
    if (day < kDayKeys.size()) {
      if (auto ranges = parse_ranges(value, file, label + "." + key, errors)) hours.week[day] = std::move(*ranges);
    } else if (key == "exceptions") {
      if (!value.is_object()) {
        errors.push_back({file, label + ".exceptions",
                          "must map dates to that day's ranges, like {\"2026-12-24\": [], \"2026-12-31\": [\"8:00-12:00\"]}"});
        continue;
      }
      for (const auto& [date, ranges_json] : value.items()) {
        const std::string where = label + ".exceptions." + date;
        if (!parse_date(date)) {
          errors.push_back({file, where, "must be a date written YYYY-MM-DD (got '" + date + "')"});
        } else if (auto ranges = parse_ranges(ranges_json, file, where, errors)) {
          hours.exceptions[date] = std::move(*ranges);
        }
      }
    } else {
      errors.push_back({file, label + "." + key, "unknown key; expected mon, tue, wed, thu, fri, sat, sun or exceptions"});
    }
  }
  if (errors.size() > before) return std::nullopt;
  return hours;
}

nlohmann::json to_json(const OpeningHours& hours) {
  nlohmann::json j = nlohmann::json::object();
  for (std::size_t d = 0; d < kDayKeys.size(); ++d) {
    if (!hours.week[d].empty()) j[kDayKeys[d]] = ranges_json(hours.week[d]);
  }
  if (!hours.exceptions.empty()) {
    nlohmann::json ex = nlohmann::json::object();
    for (const auto& [date, ranges] : hours.exceptions) ex[date] = ranges_json(ranges);
    j["exceptions"] = std::move(ex);
  }
  return j;
}

LocalTime warsaw_time(chr::system_clock::time_point t) {
  // Created once; ICU's time zones are safe to read from many threads.
  static const std::unique_ptr<const icu::TimeZone> zone(icu::TimeZone::createTimeZone("Europe/Warsaw"));
  const auto utc_ms = chr::duration_cast<chr::milliseconds>(t.time_since_epoch()).count();
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone->getOffset(static_cast<UDate>(utc_ms), false, raw, dst, status);
  if (U_FAILURE(status)) raw = dst = 0;
  const chr::sys_time<chr::milliseconds> local{chr::milliseconds(utc_ms + raw + dst)};
  const chr::sys_days day = chr::floor<chr::days>(local);
  const chr::year_month_day ymd{day};
  LocalTime out;
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  out.weekday = static_cast<int>(chr::weekday(day).iso_encoding()) - 1;
  out.minute = static_cast<int>(chr::duration_cast<chr::minutes>(local - day).count());
  return out;
}

OpenStatus open_status(const OpeningHours& hours, const LocalTime& now) {
  const Day today = day_after(hours, now, 0);
  for (const TimeRange& r : *today.ranges) {
    if (now.minute < r.from || now.minute >= r.to) continue;
    // Open: follow ranges that end at midnight into the next day's 0:00 to find the close.
    int offset = 0;
    TimeRange current = r;
    while (current.to == kDayMinutes && offset < 7) {
      const Day next = day_after(hours, now, offset + 1);
      if (next.ranges->empty() || next.ranges->front().from != 0) break;
      ++offset;
      current = next.ranges->front();
    }
    if (current.to == kDayMinutes && offset == 7) return {true, "otwarte całą dobę"};
    if (offset == 0) return {true, "otwarte teraz, do " + clock_text(current.to)};
    const Day closing = day_after(hours, now, offset);
    return {true, "otwarte teraz, zamykamy " + day_phrase(offset, closing.date, closing.weekday) + " o " +
                      clock_text(current.to)};
  }
  for (int offset = 0; offset <= kLookAheadDays; ++offset) {
    const Day day = day_after(hours, now, offset);
    for (const TimeRange& r : *day.ranges) {
      if (offset == 0 && r.from <= now.minute) continue;
      return {false, "zamknięte, otwieramy " + day_phrase(offset, day.date, day.weekday) + " o " + clock_text(r.from)};
    }
  }
  return {false, "zamknięte"};
}

nlohmann::json to_json(const OpenStatus& status) { return {{"open", status.open}, {"text", status.text}}; }

}  // namespace wiedza
