// The tokens file: format errors name the line, world-readable files are refused, and
// authorisation maps to 401/403 as the API promises.
#include "server/editor_tokens.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "tests/support/test_corpus.h"

namespace wiedza::server {
namespace {

using testing::TempDir;

std::string write_tokens(const TempDir& tmp, const std::string& text, mode_t mode = 0600) {
  const std::string path = tmp.str("tokens");
  std::ofstream(path) << text;
  ::chmod(path.c_str(), mode);
  return path;
}

std::string load_error(const std::string& path) {
  try {
    EditorTokens::load(path);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(EditorTokens, ReadsNamesAndTokensSkippingCommentsAndBlankLines) {
  TempDir tmp;
  auto tokens = EditorTokens::load(
      write_tokens(tmp, "# editors\n\nanna.nowak  s3cret-token-anna-0001\nportal-sync s3cret-token-portal-02\n"));
  EXPECT_EQ(tokens.size(), 2u);
  ASSERT_NE(tokens.editor_for("s3cret-token-anna-0001"), nullptr);
  EXPECT_EQ(*tokens.editor_for("s3cret-token-anna-0001"), "anna.nowak");
  EXPECT_EQ(*tokens.editor_for("s3cret-token-portal-02"), "portal-sync");
  EXPECT_EQ(tokens.editor_for("s3cret-token-anna-000"), nullptr);   // a prefix
  EXPECT_EQ(tokens.editor_for("s3cret-token-anna-00011"), nullptr);  // longer
  EXPECT_EQ(tokens.editor_for(""), nullptr);
}

TEST(EditorTokens, RefusesAFileOtherUsersCanRead) {
  TempDir tmp;
  const std::string error = load_error(write_tokens(tmp, "anna s3cret-token-anna-0001\n", 0644));
  EXPECT_NE(error.find("mode 0644"), std::string::npos) << error;
  EXPECT_NE(error.find("chmod 600"), std::string::npos) << error;
}

TEST(EditorTokens, FormatErrorsNameTheLine) {
  TempDir tmp;
  EXPECT_NE(load_error(write_tokens(tmp, "anna\n")).find(":1: expected"), std::string::npos);
  EXPECT_NE(load_error(write_tokens(tmp, "# x\nanna short\n")).find(":2: token of 'anna' is shorter"),
            std::string::npos);
  EXPECT_NE(load_error(write_tokens(tmp, "anna s3cret-token-anna-0001\nanna s3cret-token-anna-0002\n"))
                .find("appears twice"),
            std::string::npos);
  EXPECT_NE(load_error(write_tokens(tmp, "# only comments\n")).find("no tokens"), std::string::npos);
  EXPECT_NE(load_error(tmp.str("missing")).find("cannot read"), std::string::npos);
}

TEST(EditorTokens, AuthorisationErrors) {
  TempDir tmp;
  auto tokens = EditorTokens::load(write_tokens(tmp, "anna s3cret-token-anna-0001\n"));
  auto ok = authorise(&tokens, "Bearer s3cret-token-anna-0001");
  ASSERT_TRUE(std::holds_alternative<std::string>(ok));
  EXPECT_EQ(std::get<std::string>(ok), "anna");
  EXPECT_EQ(std::get<ApiError>(authorise(&tokens, "")).status, 401);
  EXPECT_EQ(std::get<ApiError>(authorise(&tokens, "Basic YW5uYTp4")).status, 401);
  EXPECT_EQ(std::get<ApiError>(authorise(&tokens, "Bearer ")).status, 401);
  EXPECT_EQ(std::get<ApiError>(authorise(&tokens, "Bearer wrong-token-0000000")).status, 403);
  auto read_only = authorise(nullptr, "Bearer s3cret-token-anna-0001");
  EXPECT_EQ(std::get<ApiError>(read_only).code, "read_only");
}

}  // namespace
}  // namespace wiedza::server
