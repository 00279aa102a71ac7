// Structured opening hours: parsing with precise errors, the time in Europe/Warsaw
// (winter, summer, the DST change) and "open now" texts for the cases a consultant meets.
#include "search/opening_hours.h"

#include <gtest/gtest.h>

#include "search/directory.h"

namespace wiedza {
namespace {

namespace chr = std::chrono;

OpeningHours parse(const nlohmann::json& j) {
  ValidationErrors errors;
  auto hours = parse_opening_hours(j, "units.json", "[0].opening_hours", errors);
  EXPECT_TRUE(errors.empty()) << errors.front().to_string();
  return hours.value_or(OpeningHours{});
}

// The first error parsing `j`, as `wiedza index` would print it.
std::string first_error(const nlohmann::json& j) {
  ValidationErrors errors;
  EXPECT_FALSE(parse_opening_hours(j, "units.json", "[0].opening_hours", errors));
  return errors.empty() ? "" : errors.front().to_string();
}

// A weekday office: Monday 8–18, Tuesday to Friday 8–16, closed on 24 December 2026.
const nlohmann::json kOffice = {{"mon", {"8:00-18:00"}},         {"tue", {"8:00-16:00"}}, {"wed", {"8:00-16:00"}},
                                {"thu", {"8:00-16:00"}},         {"fri", {"8:00-16:00"}},
                                {"exceptions", {{"2026-12-24", nlohmann::json::array()}}}};

// 2026-11-30 is a Monday.
LocalTime at(int day_of_month_from_nov30, int hour, int minute) {
  const chr::sys_days base{chr::year(2026) / chr::November / 30};
  const chr::year_month_day d{base + chr::days(day_of_month_from_nov30)};
  return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
          static_cast<int>(static_cast<unsigned>(d.day())), day_of_month_from_nov30 % 7, hour * 60 + minute};
}

TEST(OpeningHours, ParsesDaysRangesAndExceptionsAndWritesThemBack) {
  const OpeningHours h = parse(kOffice);
  EXPECT_EQ(h.week[0], (std::vector<TimeRange>{{8 * 60, 18 * 60}}));
  EXPECT_EQ(h.week[4], (std::vector<TimeRange>{{8 * 60, 16 * 60}}));
  EXPECT_TRUE(h.week[5].empty());
  ASSERT_TRUE(h.exceptions.count("2026-12-24"));
  EXPECT_TRUE(h.exceptions.at("2026-12-24").empty());
  EXPECT_EQ(to_json(h), kOffice);
  // En dashes (as the free-text hours are written), leading zeros and two ranges a day.
  const OpeningHours split = parse({{"sat", {"07:30 – 12:00", "13:00–15:30"}}});
  EXPECT_EQ(split.week[5], (std::vector<TimeRange>{{450, 720}, {780, 930}}));
}

TEST(OpeningHours, InvalidHoursNameTheFieldAndSayWhy) {
  EXPECT_EQ(first_error({{"mon", {"8-16"}}}),
            "units.json: field '[0].opening_hours.mon[0]': must be a time range like 8:00-16:00 (got '8-16')");
  EXPECT_NE(first_error({{"tue", {"16:00-8:00"}}}).find("field '[0].opening_hours.tue[0]': ends before it starts"),
            std::string::npos);
  EXPECT_NE(first_error({{"wed", {"8:00-12:00", "11:00-15:00"}}}).find("field '[0].opening_hours.wed[1]': must start after"),
            std::string::npos);
  EXPECT_NE(first_error({{"monday", {"8:00-16:00"}}}).find("field '[0].opening_hours.monday': unknown key"), std::string::npos);
  EXPECT_NE(first_error({{"exceptions", {{"2026-02-30", nlohmann::json::array()}}}})
                .find("field '[0].opening_hours.exceptions.2026-02-30': must be a date written YYYY-MM-DD"),
            std::string::npos);
  EXPECT_NE(first_error({{"fri", "8:00-16:00"}}).find("must be a list of time ranges"), std::string::npos);
  EXPECT_NE(first_error({{"sun", {"8:00-25:00"}}}).find("(got '8:00-25:00')"), std::string::npos);
  EXPECT_NE(first_error("pon.-pt. 8-16").find("field '[0].opening_hours': must be an object"), std::string::npos);
}

TEST(OpeningHours, AUnitWithInvalidHoursIsRefusedWithTheUnitsFileAndField) {
  ValidationErrors errors;
  const nlohmann::json units = nlohmann::json::array(
      {{{"id", "wsa"}, {"name", "WSA"}, {"kind", "wydzial"}, {"opening_hours", {{"mon", {"8:00"}}}}}});
  EXPECT_TRUE(parse_units(units, "units.json", errors).empty());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "[0].opening_hours.mon[0]");
  // Without the field a unit is as before, and a valid one survives to_json.
  errors.clear();
  const nlohmann::json valid = nlohmann::json::array({{{"id", "wsa"}, {"name", "WSA"}, {"kind", "wydzial"}, {"opening_hours", kOffice}}});
  const auto parsed = parse_units(valid, "units.json", errors);
  ASSERT_TRUE(errors.empty());
  EXPECT_EQ(to_json(parsed.at("wsa"))["opening_hours"], kOffice);
}

TEST(OpeningHours, WarsawTimeFollowsWinterAndSummerTime) {
  auto utc = [](int y, unsigned m, unsigned d, int h, int min) {
    return chr::sys_days{chr::year(y) / chr::month(m) / chr::day(d)} + chr::hours(h) + chr::minutes(min);
  };
  const LocalTime winter = warsaw_time(utc(2026, 12, 2, 16, 22));  // CET, UTC+1
  EXPECT_EQ(winter.year, 2026);
  EXPECT_EQ(winter.month, 12);
  EXPECT_EQ(winter.day, 2);
  EXPECT_EQ(winter.weekday, 2) << "2 December 2026 is a Wednesday";
  EXPECT_EQ(winter.minute, 17 * 60 + 22);
  EXPECT_EQ(warsaw_time(utc(2026, 7, 1, 10, 0)).minute, 12 * 60) << "CEST, UTC+2";
  // 29 March 2026: clocks go from 2:00 to 3:00 at 1:00 UTC.
  EXPECT_EQ(warsaw_time(utc(2026, 3, 29, 0, 59)).minute, 1 * 60 + 59);
  EXPECT_EQ(warsaw_time(utc(2026, 3, 29, 1, 0)).minute, 3 * 60);
  // Midnight local is the previous evening in UTC: the date and weekday move with it.
  const LocalTime new_year = warsaw_time(utc(2026, 12, 31, 23, 30));
  EXPECT_EQ(new_year.year, 2027);
  EXPECT_EQ(new_year.day, 1);
  EXPECT_EQ(new_year.weekday, 4) << "1 January 2027 is a Friday";
}

TEST(OpeningHours, OpenNowSaysUntilWhenAndClosedSaysWhenItOpens) {
  const OpeningHours office = parse(kOffice);
  // Wednesday 2 December 2026.
  EXPECT_EQ(open_status(office, at(2, 10, 0)).text, "otwarte teraz, do 16:00");
  EXPECT_TRUE(open_status(office, at(2, 10, 0)).open);
  const OpenStatus evening = open_status(office, at(2, 17, 22));
  EXPECT_FALSE(evening.open);
  EXPECT_EQ(evening.text, "zamknięte, otwieramy jutro o 8:00");
  EXPECT_EQ(open_status(office, at(2, 16, 0)).text, "zamknięte, otwieramy jutro o 8:00") << "16:00 is closed";
  EXPECT_EQ(open_status(office, at(2, 7, 59)).text, "zamknięte, otwieramy dziś o 8:00");
  // Friday evening: Monday. Saturday: Monday too.
  EXPECT_EQ(open_status(office, at(4, 16, 30)).text, "zamknięte, otwieramy w poniedziałek o 8:00");
  EXPECT_EQ(open_status(office, at(5, 12, 0)).text, "zamknięte, otwieramy w poniedziałek o 8:00");
  // Monday's longer day.
  EXPECT_EQ(open_status(office, at(7, 17, 0)).text, "otwarte teraz, do 18:00");
  // The listed holiday (Thursday 24 December) is closed all day; Friday opens as usual.
  EXPECT_EQ(open_status(office, at(24, 10, 0)).text, "zamknięte, otwieramy jutro o 8:00");
  EXPECT_EQ(open_status(office, at(23, 17, 0)).text, "zamknięte, otwieramy w piątek o 8:00");
}

TEST(OpeningHours, RoundTheClockOvernightAndLongClosures) {
  const OpeningHours always = parse({{"mon", {"0:00-24:00"}}, {"tue", {"0:00-24:00"}}, {"wed", {"0:00-24:00"}},
                                     {"thu", {"0:00-24:00"}}, {"fri", {"0:00-24:00"}}, {"sat", {"0:00-24:00"}},
                                     {"sun", {"0:00-24:00"}}});
  EXPECT_EQ(open_status(always, at(2, 3, 0)).text, "otwarte całą dobę");
  // Friday night into Saturday morning.
  const OpeningHours night = parse({{"fri", {"20:00-24:00"}}, {"sat", {"0:00-6:00"}}});
  EXPECT_EQ(open_status(night, at(4, 22, 0)).text, "otwarte teraz, zamykamy jutro o 6:00");
  EXPECT_EQ(open_status(night, at(5, 5, 0)).text, "otwarte teraz, do 6:00");
  // Closed for the holidays: a date instead of a weekday a week or more ahead.
  nlohmann::json closed = kOffice;
  for (int d = 21; d <= 31; ++d) closed["exceptions"]["2026-12-" + std::to_string(d)] = nlohmann::json::array();
  EXPECT_EQ(open_status(parse(closed), at(21, 9, 0)).text, "zamknięte, otwieramy 1 stycznia o 8:00")
      << "1 January 2027 is a Friday, not listed as closed here";
  EXPECT_EQ(open_status(parse({{"exceptions", {{"2026-12-24", nlohmann::json::array()}}}}), at(2, 9, 0)).text,
            "zamknięte");
}

}  // namespace
}  // namespace wiedza
