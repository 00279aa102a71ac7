#include "indexer/corpus_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/test_corpus.h"

namespace wiedza {
namespace {

using testing::TempDir;
using testing::TestCorpus;

class CorpusReaderTest : public ::testing::Test {
 protected:
  TempDir tmp;
  TestCorpus corpus{tmp.path() / "corpus"};

  // Reads the corpus and returns the single error it must contain.
  ValidationError only_error() {
    Corpus c = read_corpus(corpus.dir().string());
    EXPECT_EQ(c.errors.size(), 1u);
    return c.errors.empty() ? ValidationError{} : c.errors.front();
  }
};

TEST_F(CorpusReaderTest, ReadsValidArticlesWithDefaultsAndUnknownFields) {
  auto a = TestCorpus::article("dowod", "Dowód osobisty", "Treść artykułu.");
  a["extra_field"] = 42;
  corpus.put("dowod", a);
  Corpus c = read_corpus(corpus.dir().string());
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.articles[0].kind, "informacja");
  EXPECT_EQ(c.articles[0].source["extra_field"], 42);
  EXPECT_EQ(c.directory.units.size(), 2u);
}

struct BadArticle {
  const char* name;
  nlohmann::json fields;
  const char* field;
  const char* reason_part;
};

TEST_F(CorpusReaderTest, ReportsEachValidationErrorWithFileAndField) {
  const BadArticle cases[] = {
      {"missing-title", {{"body", "x"}}, "title", "required"},
      {"empty-title", {{"title", "  "}, {"body", "x"}}, "title", "empty"},
      {"missing-body", {{"title", "T"}}, "body", "required"},
      {"number-title", {{"title", 5}, {"body", "x"}}, "title", "must be a string"},
      {"bad-category", {{"title", "T"}, {"body", "x"}, {"category", "nope"}}, "category", "unknown category 'nope'"},
      {"bad-unit", {{"title", "T"}, {"body", "x"}, {"unit", "nope"}}, "unit", "unknown unit 'nope'"},
      {"bad-kind", {{"title", "T"}, {"body", "x"}, {"kind", "porada"}}, "kind", "must be one of"},
      {"bad-date", {{"title", "T"}, {"body", "x"}, {"updated", "2026-02-30"}}, "updated", "YYYY-MM-DD"},
      {"bad-keywords", {{"title", "T"}, {"body", "x"}, {"keywords", "meldunek"}}, "keywords", "list of strings"},
      {"bad-keyword", {{"title", "T"}, {"body", "x"}, {"keywords", {"a", 3}}}, "keywords[1]", "must be a string"},
      {"bad-url", {{"title", "T"}, {"body", "x"}, {"url", "ftp://x"}}, "url", "http"},
      {"other-id", {{"id", "different"}, {"title", "T"}, {"body", "x"}}, "id", "does not match the file name"},
      {"bad-id-value", {{"id", "Bad_Id"}, {"title", "T"}, {"body", "x"}}, "id", "must match"},
  };
  for (const BadArticle& c : cases) {
    std::filesystem::remove_all(corpus.dir() / "articles");
    std::filesystem::create_directories(corpus.dir() / "articles");
    corpus.put(c.name, c.fields);
    ValidationError e = only_error();
    EXPECT_EQ(e.field, c.field) << c.name;
    EXPECT_NE(e.reason.find(c.reason_part), std::string::npos) << c.name << ": " << e.reason;
    EXPECT_NE(e.file.find(std::string(c.name) + ".json"), std::string::npos) << e.file;
  }
}

TEST_F(CorpusReaderTest, ReportsJsonSyntaxErrorsWithLineAndColumn) {
  corpus.put_raw("broken.json", "{\n  \"title\": \"T\",\n  \"body\": oops\n}");
  ValidationError e = only_error();
  EXPECT_NE(e.reason.find("invalid JSON at line 3"), std::string::npos) << e.reason;
}

TEST_F(CorpusReaderTest, RejectsDeepNestingAndHugeNumbersWithoutBuildingThem) {
  // 100,000 levels of brackets: refused at the limit, not parsed into gigabytes.
  const std::string deep = R"({"id":"deep","title":"T","body":"B","category":"odpady","unit":"wsa","x":)" +
                           std::string(100000, '[') + std::string(100000, ']') + "}";
  corpus.put_raw("deep.json", deep);
  ValidationError e = only_error();
  EXPECT_NE(e.file.find("deep.json"), std::string::npos);
  EXPECT_NE(e.reason.find("nests deeper than 32 levels"), std::string::npos) << e.reason;
  corpus.remove("deep");
  corpus.put_raw("huge.json", R"({"id":"huge","title":"T","body":"B","category":"odpady","unit":"wsa","n":1e999999})");
  e = only_error();
  EXPECT_NE(e.reason.find("number too large"), std::string::npos) << e.reason;
  // Depth up to the limit is fine.
  corpus.remove("huge");
  corpus.put_raw("ok.json", R"({"id":"ok","title":"T","body":"B","category":"odpady","unit":"wsa","x":)" +
                               std::string(20, '[') + std::string(20, ']') + "}");
  EXPECT_TRUE(read_corpus(corpus.dir().string()).errors.empty());
}

TEST_F(CorpusReaderTest, RejectsInvalidFileNamesAndNonObjects) {
  corpus.put_raw("Bad Name.json", "{}");
  EXPECT_NE(only_error().reason.find("file name"), std::string::npos);
  std::filesystem::remove(corpus.dir() / "articles" / "Bad Name.json");
  corpus.put_raw("list.json", "[1, 2]");
  EXPECT_NE(only_error().reason.find("must be a JSON object"), std::string::npos);
}

TEST_F(CorpusReaderTest, InvalidArticlesAreRememberedSoTheirOldVersionIsKept) {
  corpus.put("good", TestCorpus::article("good", "T", "x"));
  corpus.put("bad", {{"title", "T"}});
  Corpus c = read_corpus(corpus.dir().string());
  EXPECT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.invalid_ids, std::set<std::string>{"bad"});
}

TEST_F(CorpusReaderTest, BrokenRoutingFilesAreFatal) {
  std::ofstream(corpus.dir() / "units.json") << R"([{"id": "wsa", "name": "W", "kind": "ministerstwo"}])";
  try {
    read_corpus(corpus.dir().string());
    FAIL() << "expected CorpusError";
  } catch (const CorpusError& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].field, "[0].kind");
  }
  std::filesystem::remove(corpus.dir() / "categories.json");
  EXPECT_THROW(read_corpus(corpus.dir().string()), CorpusError);
  EXPECT_THROW(read_corpus((tmp.path() / "missing").string()), CorpusError);
}

TEST_F(CorpusReaderTest, DuplicateUnitIdsAreErrors) {
  std::ofstream(corpus.dir() / "units.json")
      << R"([{"id": "wsa", "name": "A", "kind": "wydzial"}, {"id": "wsa", "name": "B", "kind": "wydzial"}])";
  try {
    read_corpus(corpus.dir().string());
    FAIL() << "expected CorpusError";
  } catch (const CorpusError& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_NE(e.errors()[0].reason.find("duplicate id 'wsa'"), std::string::npos);
  }
}

}  // namespace
}  // namespace wiedza
