// The resident portal's server-rendered pages, on the real server with a small corpus
// built for the purpose (two categories, a dozen waste articles for pagination, and a
// title that tries to inject HTML).
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <regex>

#include "server/portal_links.h"
#include "tests/support/served_index.h"

namespace wiedza::server {
namespace {

using wiedza::testing::RunningServer;
using wiedza::testing::ServedIndex;
using wiedza::testing::TempDir;
using wiedza::testing::TestCorpus;

const char* kHostileTitle = "Opłata <script>alert(\"x\")</script> i 'cudzysłowy'";

void write_units(const TestCorpus& corpus) {
  nlohmann::json units = nlohmann::json::array(
      {{{"id", "wsa"},
        {"name", "Wydział Spraw Administracyjnych"},
        {"kind", "wydzial"},
        {"phone", "12 616 55 10"},
        {"email", "wsa@um.example.pl"},
        {"address", "al. Powstania Warszawskiego 10"},
        {"hours", "pon.–pt. 8:00–16:00"},
        {"description", "Dowody osobiste i zameldowanie."}},
       {{"id", "mpo"},
        {"name", "Miejskie Przedsiębiorstwo Oczyszczania"},
        {"kind", "spolka"},
        {"phone", "12 646 22 22"},
        {"email", "bok@mpo.example.pl"},
        {"description", "Wywóz nieczystości, kontenery na gruz, oczyszczanie ulic."}}});
  std::ofstream(corpus.dir() / "units.json") << units.dump(2);
}

class PortalPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    TestCorpus corpus(tmp_->path() / "corpus");
    write_units(corpus);
    corpus.put("dowod-wydanie", {{"title", "Wydanie dowodu osobistego"},
                                 {"summary", "Nowy dowód osobisty wydaje urząd gminy."},
                                 {"body", "Wniosek o **dowód osobisty** składasz osobiście.\n\nCo zabrać:\n- zdjęcie,\n"
                                          "- stary dowód.\n\nOdbiór po 30 dniach."},
                                 {"kind", "sprawa"},
                                 {"updated", "2026-04-02"}});
    corpus.put("dowod-utrata", {{"title", "Utrata dowodu osobistego"},
                                {"body", "Zgubiony dowód osobisty zgłoś w urzędzie, zostanie unieważniony."},
                                {"kind", "sprawa"}});
    corpus.put("oplata-skrypt", {{"title", kHostileTitle},
                                 {"summary", "Podsumowanie z \"cudzysłowem\" & <b>znacznikiem</b>."},
                                 {"body", "Opłata za wydanie zaświadczenia <img src=x onerror=alert(1)>."}});
    for (int i = 1; i <= 12; ++i) {
      const std::string n = std::to_string(i);
      corpus.put("odpady-rejon-" + n, {{"title", "Harmonogram odbioru odpadów w rejonie " + n},
                                       {"body", "Odbiór odpadów zmieszanych w rejonie " + n +
                                                    ". Nieodebrane odpady zgłoś do MPO. Opłata za odpady bez zmian."},
                                       {"category", "odpady"},
                                       {"unit", "mpo"},
                                       {"kind", "interwencja"}});
    }
    served_ = new ServedIndex(corpus.dir().string());
    server_ = &served_->server();
  }
  static void TearDownTestSuite() {
    delete served_;
    delete tmp_;
  }

  static httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    auto res = server_->client().Get(path, headers);
    EXPECT_TRUE(res) << path;
    return res;
  }
  // The page's HTML, after checking status and the headers every portal page carries.
  static std::string page(const std::string& path, int status = 200) {
    auto res = get(path);
    if (!res) return "";
    EXPECT_EQ(res->status, status) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    const std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
    EXPECT_FALSE(res->has_header("Set-Cookie")) << path;
    return res->body;
  }
  // Article ids linked from the results list, in page order.
  static std::vector<std::string> result_ids(const std::string& html) {
    std::vector<std::string> ids;
    const std::regex link(R"re(<li class="result"><h2><a href="/artykul/([^"]+)")re");
    for (std::sregex_iterator it(html.begin(), html.end(), link), end; it != end; ++it) ids.push_back((*it)[1]);
    return ids;
  }
  static std::vector<std::string> api_ids(const std::string& query_string) {
    auto res = get("/api/search?" + query_string);
    std::vector<std::string> ids;
    if (!res) return ids;
    const auto body = nlohmann::json::parse(res->body);
    for (const auto& r : body["results"]) ids.push_back(r["id"]);
    return ids;
  }
  static bool contains(const std::string& html, const std::string& part) { return html.find(part) != std::string::npos; }

  static TempDir* tmp_;  // the corpus
  static ServedIndex* served_;
  static RunningServer* server_;
};
TempDir* PortalPagesTest::tmp_ = nullptr;
ServedIndex* PortalPagesTest::served_ = nullptr;
RunningServer* PortalPagesTest::server_ = nullptr;

TEST_F(PortalPagesTest, WithoutAQueryTheFormIsShown) {
  const std::string html = page("/szukaj");
  EXPECT_TRUE(contains(html, "<html lang=\"pl\">"));
  EXPECT_TRUE(contains(html, "<form class=\"search\" role=\"search\" method=\"get\" action=\"/szukaj\">"));
  EXPECT_TRUE(contains(html, "<label for=\"q\">"));
  EXPECT_TRUE(contains(html, "name=\"q\""));
  EXPECT_TRUE(result_ids(html).empty());
  // Every script is a file (the CSP forbids inline scripts), and nothing is third-party.
  for (std::size_t p = html.find("<script"); p != std::string::npos; p = html.find("<script", p + 1)) {
    EXPECT_EQ(html.compare(p, 21, "<script src=\"/static/"), 0) << html.substr(p, 60);
  }
  EXPECT_FALSE(contains(html, "http://"));
  EXPECT_FALSE(contains(html, "https://"));
  EXPECT_EQ(page("/szukaj?q=%20%20"), html) << "a blank query is no query";
}

TEST_F(PortalPagesTest, ResultsAreServerRenderedInTheApiOrder) {
  const std::string html = page("/szukaj?q=dowod%20osobisty");
  const auto ids = result_ids(html);
  ASSERT_FALSE(ids.empty()) << html;
  EXPECT_EQ(ids, api_ids("q=dowod%20osobisty")) << "the page must rank exactly like /api/search";
  EXPECT_TRUE(contains(html, "<mark>")) << "snippets highlight the matched words";
  EXPECT_TRUE(contains(html, "Nowy dowód osobisty wydaje urząd gminy.")) << "summaries are shown";
  EXPECT_TRUE(contains(html, "value=\"dowod osobisty\"")) << "the query stays in the box";
  // The routing hint's contact card, with a dialable phone number.
  EXPECT_TRUE(contains(html, "Kto pomoże w tej sprawie"));
  EXPECT_TRUE(contains(html, "Wydział Spraw Administracyjnych"));
  EXPECT_TRUE(contains(html, "<a href=\"tel:126165510\">12 616 55 10</a>"));
  EXPECT_TRUE(contains(html, "wsa@um.example.pl"));
  EXPECT_TRUE(contains(html, "pon.–pt. 8:00–16:00"));
}

TEST_F(PortalPagesTest, InterventionsSayHowToReportTheProblem) {
  const std::string html = page("/szukaj?q=nieodebrane%20odpady");
  ASSERT_FALSE(result_ids(html).empty());
  EXPECT_TRUE(contains(html, "Jak zgłosić problem"));
  EXPECT_TRUE(contains(html, "Zgłoszenie przyjmuje: <strong>Miejskie Przedsiębiorstwo Oczyszczania</strong>."));
  EXPECT_FALSE(contains(html, "Nie znalazłeś")) << "copy for every resident, not only men";
  EXPECT_TRUE(contains(html, "tel:126462222"));
}

TEST_F(PortalPagesTest, CategoryFacetsAreLinksThatKeepTheQuery) {
  const std::string html = page("/szukaj?q=op%C5%82ata");
  const std::string facet = "/szukaj?q=op%C5%82ata&amp;category=odpady";
  ASSERT_TRUE(contains(html, "<a href=\"" + facet + "\">Odpady <span class=\"n\">(12)</span></a>")) << html;
  ASSERT_TRUE(contains(html, "category=sprawy-obywatelskie"));
  const std::string filtered = page("/szukaj?q=op%C5%82ata&category=odpady");
  const auto ids = result_ids(filtered);
  ASSERT_FALSE(ids.empty());
  for (const std::string& id : ids) EXPECT_EQ(id.rfind("odpady-rejon-", 0), 0u) << id;
  EXPECT_TRUE(contains(filtered, "aria-current=\"page\">Odpady"));
  EXPECT_TRUE(contains(filtered, "<a href=\"/szukaj?q=op%C5%82ata\">Wszystkie kategorie</a>"));
}

TEST_F(PortalPagesTest, PaginationWithOffsetAndLimit) {
  const std::string first = page("/szukaj?q=harmonogram%20odpad%C3%B3w");
  const auto ids1 = result_ids(first);
  ASSERT_EQ(ids1.size(), 10u);
  EXPECT_TRUE(contains(first, "Znaleziono 12 artykułów. Wyniki 1–10."));
  ASSERT_TRUE(contains(first, "<a rel=\"next\" href=\"/szukaj?q=harmonogram%20odpad%C3%B3w&amp;offset=10\">"));
  EXPECT_FALSE(contains(first, "rel=\"prev\""));
  const std::string second = page("/szukaj?q=harmonogram%20odpad%C3%B3w&offset=10");
  const auto ids2 = result_ids(second);
  ASSERT_EQ(ids2.size(), 2u);
  for (const auto& id : ids2) EXPECT_EQ(std::count(ids1.begin(), ids1.end(), id), 0) << id;
  EXPECT_TRUE(contains(second, "<ol class=\"results\" start=\"11\">"));
  EXPECT_TRUE(contains(second, "<a rel=\"prev\" href=\"/szukaj?q=harmonogram%20odpad%C3%B3w\">"));
  EXPECT_FALSE(contains(second, "rel=\"next\""));
  const std::string small = page("/szukaj?q=harmonogram%20odpad%C3%B3w&limit=5&offset=5");
  EXPECT_EQ(result_ids(small), api_ids("q=harmonogram%20odpad%C3%B3w&limit=5&offset=5"));
  EXPECT_TRUE(contains(small, "&amp;limit=5&amp;offset=10\">")) << "the page size is kept";
}

TEST_F(PortalPagesTest, DidYouMeanLinksToTheCorrectedQuery) {
  auto api = nlohmann::json::parse(get("/api/search?q=harmonogran")->body);
  ASSERT_TRUE(api["corrected"].is_string()) << api.dump();
  const std::string corrected = api["corrected"];
  const std::string html = page("/szukaj?q=harmonogran");
  EXPECT_TRUE(contains(html, "Czy chodziło Ci o: <a href=\"" + search_url(corrected) + "\">" + corrected + "</a>?"))
      << html;
}

TEST_F(PortalPagesTest, NothingFoundShowsTheHelplineAndTheBestGuessUnit) {
  const std::string html = page("/szukaj?q=kontenery%20xqzwv");
  EXPECT_TRUE(result_ids(html).empty());
  EXPECT_TRUE(contains(html, "Nic nie znaleziono dla „kontenery xqzwv”"));
  EXPECT_TRUE(contains(html, "Centrum Kontaktu"));
  EXPECT_TRUE(contains(html, "<a href=\"tel:126165555\">12 616 55 55</a>, pon.–pt. 7:00–20:00"));
  // No article matches, but the unit whose description does is the one to contact.
  EXPECT_TRUE(contains(html, "Miejskie Przedsiębiorstwo Oczyszczania")) << html;
  const std::string nothing = page("/szukaj?q=xqzwv%20plmkj");
  EXPECT_TRUE(contains(nothing, "Nic nie znaleziono"));
  EXPECT_FALSE(contains(nothing, "class=\"card\"")) << "no unit matches: only the helpline";
}

// Results that do not answer the question (most of its informative words are in no
// article) are shown under a plain "not in the base" notice with the helpline.
TEST_F(PortalPagesTest, WeakResultsSayTheBaseHasNoGoodAnswerAndGiveTheHelpline) {
  const auto api = nlohmann::json::parse(get("/api/search?q=op%C5%82ata%20za%20parkowanie%20samochodu%20ciezarowego")->body);
  ASSERT_TRUE(api["weak"].get<bool>()) << api.dump();
  ASSERT_FALSE(api["results"].empty()) << api.dump();
  const std::string weak = page("/szukaj?q=op%C5%82ata%20za%20parkowanie%20samochodu%20ciezarowego");
  EXPECT_FALSE(result_ids(weak).empty());
  EXPECT_TRUE(contains(weak, "Nie mamy artykułu, który dobrze odpowiada na to pytanie.")) << weak;
  const auto notice = weak.find("class=\"weak\""), results = weak.find("<ol class=\"results\"");
  ASSERT_NE(notice, std::string::npos);
  EXPECT_LT(notice, results) << "the notice comes before the results";
  EXPECT_NE(weak.find("tel:126165555", notice), std::string::npos);

  const std::string good = page("/szukaj?q=zgubiony%20dowod%20osobisty");
  EXPECT_FALSE(contains(good, "class=\"weak\"")) << "a well-answered query has no notice";
}

TEST_F(PortalPagesTest, ArticlePageRendersTheMarkdownTheUnitAndTheDate) {
  const std::string html = page("/artykul/dowod-wydanie");
  EXPECT_TRUE(contains(html, "<h1>Wydanie dowodu osobistego</h1>"));
  EXPECT_TRUE(contains(html, "<p>Wniosek o <strong>dowód osobisty</strong> składasz osobiście.</p>"));
  EXPECT_TRUE(contains(html, "<ul>\n<li>zdjęcie,</li>\n<li>stary dowód.</li>\n</ul>"));
  EXPECT_TRUE(contains(html, "<time datetime=\"2026-04-02\">2 kwietnia 2026</time>"));
  EXPECT_TRUE(contains(html, "<a href=\"tel:126165510\">12 616 55 10</a>"));
  // The feedback question is hidden until portal.js can send the answer.
  EXPECT_TRUE(contains(html, "<section id=\"opinia\" class=\"feedback\" hidden data-article=\"dowod-wydanie\""));
  EXPECT_TRUE(contains(html, "Czy ta informacja była pomocna?"));
  EXPECT_TRUE(contains(html, "data-event=\"helpful\">tak</button>"));
  EXPECT_TRUE(contains(html, "data-event=\"unhelpful\">nie</button>"));
  EXPECT_TRUE(contains(page("/artykul/odpady-rejon-3"), "Jak zgłosić problem"));
}

TEST_F(PortalPagesTest, UnknownArticlesAndPagesAreA404Page) {
  const std::string html = page("/artykul/nie-ma-takiego", 404);
  EXPECT_TRUE(contains(html, "<h1>Nie znaleziono strony</h1>"));
  auto unknown = get("/nie-ma-takiej-strony", {{"Accept", "text/html,application/xhtml+xml"}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_TRUE(contains(unknown->body, "<h1>Nie znaleziono strony</h1>"));
  auto api = get("/api/nie-ma", {{"Accept", "text/html"}});
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 404);
  EXPECT_NE(api->get_header_value("Content-Type").find("application/json"), std::string::npos)
      << "the API keeps answering JSON";
}

TEST_F(PortalPagesTest, AQueryTheSearchCannotTakeIsA400Page) {
  const std::string html = page("/szukaj?q=dow%C3%B3d&limit=500", 400);
  EXPECT_TRUE(contains(html, "Nie udało się wyszukać"));
  page("/szukaj?q=%FF%FE", 400);
}

TEST_F(PortalPagesTest, QueriesAndArticleTextAreEscaped) {
  const std::string query = "<script>alert(\"q\")</script>' opłata";
  const std::string html = page("/szukaj?q=" + url_encode(query));
  EXPECT_FALSE(contains(html, "<script>alert")) << html;
  EXPECT_TRUE(contains(html, "&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;&#39; opłata"));
  // A hit whose title and summary try to inject markup.
  const std::string hits = page("/szukaj?q=" + url_encode("<script> opłata zaświadczenie"));
  const auto ids = result_ids(hits);
  ASSERT_NE(std::count(ids.begin(), ids.end(), "oplata-skrypt"), 0) << hits;
  EXPECT_FALSE(contains(hits, "<script>alert")) << hits;
  EXPECT_TRUE(contains(hits, "Opłata &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; i &#39;cudzysłowy&#39;"));
  EXPECT_FALSE(contains(hits, "<b>znacznikiem</b>"));
  EXPECT_TRUE(contains(hits, "&lt;b&gt;znacznikiem&lt;/b&gt;"));
  const std::string article = page("/artykul/oplata-skrypt");
  EXPECT_FALSE(contains(article, "<script>alert"));
  EXPECT_FALSE(contains(article, "<img"));
  EXPECT_TRUE(contains(article, "<title>Opłata &lt;script&gt;"));
  EXPECT_TRUE(contains(article, "&lt;img src=x onerror=alert(1)&gt;"));
}

TEST_F(PortalPagesTest, WidgetScriptIsServedSmallAndSelfContained) {
  auto res = get("/widget.js");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("javascript"), std::string::npos);
  EXPECT_LT(res->body.size(), 15u * 1024) << "the widget must stay under 15 KB";
  EXPECT_EQ(res->body.rfind("(function () {", 0), 0u) << "wrapped, so it adds no globals to the host page";
  EXPECT_TRUE(contains(res->body, "attachShadow"));
  EXPECT_TRUE(contains(res->body, "function wiedzaCombobox"));
}

TEST_F(PortalPagesTest, PagesAreCompressedAndWeighUnder60KB) {
  auto c = server_->client();
  c.set_decompress(false);
  std::size_t total = 0;
  for (const char* path : {"/szukaj?q=harmonogram%20odpad%C3%B3w", "/static/portal.css", "/static/combobox.js",
                           "/static/portal.js"}) {
    auto res = c.Get(path, {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->get_header_value("Content-Encoding"), "gzip") << path;
    total += res->body.size();
  }
  EXPECT_LT(total, 60u * 1024) << "a results page with its CSS and scripts, compressed";
}

}  // namespace
}  // namespace wiedza::server
