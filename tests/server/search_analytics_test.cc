// Recording searches: what reaches the SQLite file (read back from disk), the queue's
// flush on shutdown, dropping when full, and retention.
#include "server/search_analytics.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "server/query_redaction.h"
#include "tests/support/test_corpus.h"

namespace wiedza::server {
namespace {

using testing::TempDir;

constexpr std::int64_t kDay = 24 * 60 * 60;
constexpr std::int64_t kNow = 1'800'000'000;

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> stored_queries(const std::string& path) {
  SqliteDb db(path);
  auto st = db.prepare("SELECT query FROM analytics_searches ORDER BY id");
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

// Options whose writer never wakes on its own during a test: only flush(), stop() and
// the destructor write.
AnalyticsOptions quiet(const TempDir& tmp, std::atomic<std::int64_t>& clock) {
  AnalyticsOptions o;
  o.path = tmp.str("state.sqlite");
  o.flush_interval = std::chrono::hours(1);
  o.batch_size = 100000;
  o.clock = [&clock] { return clock.load(); };
  return o;
}

TEST(QueryRedaction, ReplacesPersonalDataAndNormalises) {
  struct Case {
    const char* input;
    const char* expected;
  } cases[] = {
      {"Zgubiony DOWÓD", "zgubiony dowód"},
      {"  dowód \t\n osobisty  ", "dowód osobisty"},
      {"dowód\u00a0osobisty", "dowód osobisty"},  // no-break space is white space too
      {"PESEL 90010112345 zgubiony", "pesel <numer> zgubiony"},
      {"tel. 600 123 456", "tel. <numer>"},
      {"tel +48 600-123-456 oddzwonić", "tel <numer> oddzwonić"},
      {"konto 61 1090 1014 0000 0712 1981 2874", "konto <numer>"},
      {"Jan.Kowalski@Example.PL prosi o kontakt", "<e-mail> prosi o kontakt"},
      {"napisz:anna@urzad.krakow.pl!", "<e-mail>"},
      {"ul. Długa 12, 31-147 Kraków", "ul. długa 12, 31-147 kraków"},  // short numbers stay
      {"500+ wniosek 2024", "500+ wniosek 2024"},
      {"12345678 osiem cyfr", "12345678 osiem cyfr"},
      {"123456789", "<numer>"},
      // Separators people use that are not spaces or dashes.
      {"pesel 850.101.123.45", "pesel <numer>"},
      {"dzwonić 600/700/800", "dzwonić <numer>"},
      {"tel. (12) 616 55 55 wew", "tel. <numer> wew"},
      {"data 12.03.2026 godz 15.30", "data 12.03.2026 godz 15.30"},  // dates and times stay
      // Obfuscated and spaced e-mail addresses, full-width characters.
      {"jan(at)example.com pisze", "<e-mail> pisze"},
      {"jan[at]example.com", "<e-mail>"},
      {"jan (małpa) example.com", "<e-mail>"},
      {"jan @ example.com pisze", "<e-mail> pisze"},
      {"jan\uff20example.com", "<e-mail>"},
      {"\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19", "<numer>"},  // full-width digits
      {"mail do: jan@", "mail do: jan@"},  // nothing after '@': not an address
      // Identity documents: ID card (3 letters, 6 digits) and passport (2 letters, 7 digits).
      {"dowód ABC123456 zgubiony", "dowód <dokument> zgubiony"},
      {"dowód abc 123456", "dowód <dokument>"},
      {"paszport EA1234567", "paszport <dokument>"},
      {"mpk a123 linia 52", "mpk a123 linia 52"},
  };
  for (const Case& c : cases) EXPECT_EQ(redact_query(c.input), c.expected) << c.input;
}

TEST(SearchAnalytics, PeselAndEmailNeverReachTheFile) {
  TempDir tmp;
  std::atomic<std::int64_t> clock{kNow};
  {
    SearchAnalytics analytics(quiet(tmp, clock));
    auto id = analytics.record_search("Jan.Kowalski@example.pl PESEL 90010112345 dowód", 3, "dowod-osobisty");
    ASSERT_TRUE(id.has_value());
    analytics.flush();
    // Read while the server would still run: the data is in the main file or its WAL.
    const std::string bytes = file_bytes(tmp.str("state.sqlite")) + file_bytes(tmp.str("state.sqlite-wal"));
    EXPECT_NE(bytes.find("<numer>"), std::string::npos) << "the search should be in the file";
    EXPECT_EQ(bytes.find("90010112345"), std::string::npos);
    EXPECT_EQ(bytes.find("owalski"), std::string::npos);
    EXPECT_EQ(bytes.find("example.pl"), std::string::npos);
  }
  EXPECT_EQ(stored_queries(tmp.str("state.sqlite")), std::vector<std::string>{"<e-mail> pesel <numer> dowód"});
  SqliteDb db(tmp.str("state.sqlite"));
  auto row = db.prepare("SELECT time, total, top_id FROM analytics_searches");
  ASSERT_TRUE(row.step());
  EXPECT_EQ(row.integer(0), kNow);
  EXPECT_EQ(row.integer(1), 3);
  EXPECT_EQ(row.text(2), "dowod-osobisty");
}

TEST(SearchAnalytics, ShutdownWritesEverythingStillQueued) {
  TempDir tmp;
  std::atomic<std::int64_t> clock{kNow};
  std::vector<std::int64_t> ids;
  {
    SearchAnalytics analytics(quiet(tmp, clock));
    for (int i = 0; i < 250; ++i) ids.push_back(*analytics.record_search("zapytanie " + std::to_string(i), i, {}));
    FeedbackRecord f;
    f.article = "dowod-osobisty";
    f.event = FeedbackEvent::kHelpful;
    f.search_id = ids.front();
    EXPECT_TRUE(analytics.record_feedback(f));
  }  // the writer sleeps for an hour: only the destructor can have written these
  EXPECT_EQ(stored_queries(tmp.str("state.sqlite")).size(), 250u);
  SqliteDb db(tmp.str("state.sqlite"));
  auto f = db.prepare("SELECT search_id, article, event FROM analytics_feedback");
  ASSERT_TRUE(f.step());
  EXPECT_EQ(f.integer(0), ids.front());
  EXPECT_EQ(f.text(1), "dowod-osobisty");
  EXPECT_EQ(f.text(2), "helpful");
  for (std::size_t i = 1; i < ids.size(); ++i) EXPECT_GT(ids[i], ids[i - 1]);
}

TEST(SearchAnalytics, FullQueueDropsAndCountsInsteadOfBlocking) {
  TempDir tmp;
  std::atomic<std::int64_t> clock{kNow};
  AnalyticsOptions o = quiet(tmp, clock);
  o.queue_capacity = 2;
  SearchAnalytics analytics(o);
  EXPECT_TRUE(analytics.record_search("a", 1, {}).has_value());
  EXPECT_TRUE(analytics.record_search("b", 1, {}).has_value());
  EXPECT_FALSE(analytics.record_search("c", 1, {}).has_value());
  EXPECT_EQ(analytics.dropped(), 1u);
  analytics.flush();  // room again
  EXPECT_TRUE(analytics.record_search("d", 1, {}).has_value());
  analytics.stop();
  EXPECT_FALSE(analytics.record_search("after stop", 1, {}).has_value());
  EXPECT_EQ(stored_queries(tmp.str("state.sqlite")), (std::vector<std::string>{"a", "b", "d"}));
}

TEST(SearchAnalytics, RetentionDeletesOldRowsAtStartAndOnPurge) {
  TempDir tmp;
  std::atomic<std::int64_t> clock{kNow - 40 * kDay};
  {
    AnalyticsOptions keep_all = quiet(tmp, clock);
    keep_all.retention_days = 3650;  // the writer's hourly purge must not run into this set-up
    SearchAnalytics analytics(keep_all);
    analytics.record_search("stare", 1, {});
    clock = kNow - 20 * kDay;
    analytics.record_search("średnie", 1, {});
    clock = kNow;
    analytics.record_search("nowe", 1, {});
  }
  EXPECT_EQ(stored_queries(tmp.str("state.sqlite")).size(), 3u);
  AnalyticsOptions o = quiet(tmp, clock);
  o.retention_days = 30;
  SearchAnalytics analytics(o);  // deletes at start
  EXPECT_EQ(stored_queries(tmp.str("state.sqlite")), (std::vector<std::string>{"średnie", "nowe"}));
  clock = kNow + 15 * kDay;
  analytics.purge_expired();  // what the writer does hourly
  EXPECT_EQ(stored_queries(tmp.str("state.sqlite")), std::vector<std::string>{"nowe"});
}

TEST(SearchAnalytics, SearchIdsAreNeverReusedAfterRetentionEmptiesTheTable) {
  TempDir tmp;
  std::atomic<std::int64_t> clock{kNow};
  std::int64_t last = 0;
  {
    SearchAnalytics analytics(quiet(tmp, clock));
    analytics.record_search("a", 1, {});
    last = *analytics.record_search("b", 1, {});
  }
  clock = kNow + 100 * kDay;
  SearchAnalytics analytics(quiet(tmp, clock));
  EXPECT_TRUE(stored_queries(tmp.str("state.sqlite")).empty());
  EXPECT_GT(*analytics.record_search("c", 1, {}), last);
}

TEST(SearchAnalytics, RefusesAFileOfANewerSchema) {
  TempDir tmp;
  {
    SqliteDb db(tmp.str("state.sqlite"));
    db.exec("CREATE TABLE analytics_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
            "INSERT INTO analytics_meta VALUES ('schema_version', 99)");
  }
  try {
    AnalyticsStore store(tmp.str("state.sqlite"));
    FAIL() << "a newer schema should be refused";
  } catch (const SqliteError& e) {
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace wiedza::server
