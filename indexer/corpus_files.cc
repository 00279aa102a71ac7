#include "indexer/corpus_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <stdexcept>
#include <string_view>

namespace wiedza {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const fs::path& path, const std::string& what, int error) {
  throw std::runtime_error(path.string() + ": " + what + ": " + std::strerror(error));
}

constexpr std::string_view kWriteMark = ".tmp-";
constexpr std::string_view kRemovalMark = ".del-";

fs::path staging_name(const fs::path& target, bool removal) {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  return target.parent_path() / ("." + target.filename().string() + std::string(removal ? kRemovalMark : kWriteMark) +
                                 std::to_string(random() % 1000000000));
}

void fsync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) fail(dir, "cannot open directory to sync it", errno);
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0) fail(dir, "cannot sync directory", error);
}

void write_durably(const fs::path& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, "cannot create file", errno);
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      ::unlink(path.c_str());
      fail(path, "cannot write file", error);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int error = errno;
    ::unlink(path.c_str());
    fail(path, "cannot flush file to disk", error);
  }
}

}  // namespace

CorpusFileChange::CorpusFileChange(fs::path target, fs::path staged, bool removal)
    : target_(std::move(target)), staged_(std::move(staged)), removal_(removal) {}

CorpusFileChange::CorpusFileChange(CorpusFileChange&& other) noexcept
    : target_(std::move(other.target_)), staged_(std::move(other.staged_)), removal_(other.removal_),
      done_(other.done_) {
  other.done_ = true;
}

CorpusFileChange CorpusFileChange::write(fs::path target, const std::string& content) {
  fs::path staged = staging_name(target, false);
  write_durably(staged, content);
  return CorpusFileChange(std::move(target), std::move(staged), false);
}

CorpusFileChange CorpusFileChange::remove(fs::path target) {
  if (!fs::exists(target)) return CorpusFileChange(std::move(target), {}, true);
  fs::path staged = staging_name(target, true);
  if (::rename(target.c_str(), staged.c_str()) != 0) fail(target, "cannot move file aside for removal", errno);
  return CorpusFileChange(std::move(target), std::move(staged), true);
}

void CorpusFileChange::commit() {
  if (done_) return;
  done_ = true;
  if (staged_.empty()) return;
  if (removal_) {
    if (::unlink(staged_.c_str()) != 0) fail(staged_, "cannot remove file", errno);
  } else if (::rename(staged_.c_str(), target_.c_str()) != 0) {
    const int error = errno;
    ::unlink(staged_.c_str());
    fail(target_, "cannot put new version in place", error);
  }
  fsync_directory(target_.parent_path());
}

CorpusFileChange::~CorpusFileChange() {
  if (done_ || staged_.empty()) return;
  // Undo: a staged write is dropped, a staged removal is moved back.
  if (removal_) {
    ::rename(staged_.c_str(), target_.c_str());
  } else {
    ::unlink(staged_.c_str());
  }
}

std::optional<StagedName> parse_staged_name(const std::string& filename) {
  if (filename.size() < 2 || filename[0] != '.') return std::nullopt;
  for (const bool removal : {false, true}) {
    const std::string_view mark = removal ? kRemovalMark : kWriteMark;
    const auto at = filename.rfind(mark);
    if (at == std::string::npos || at <= 1) continue;
    const std::string digits = filename.substr(at + mark.size());
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    return StagedName{filename.substr(1, at - 1), removal};
  }
  return std::nullopt;
}

void fsync_directory_of(const fs::path& file) { fsync_directory(file.parent_path()); }

fs::path article_path(const std::string& corpus_dir, const std::string& id) {
  return fs::path(corpus_dir) / "articles" / (id + ".json");
}

std::string article_file_text(const nlohmann::json& article) { return article.dump(1) + "\n"; }

namespace {
// One entry per line, as the bundled units.json and categories.json are written: easy
// to read and to diff.
std::string json_lines(const nlohmann::json& array) {
  std::string out = "[\n";
  for (std::size_t i = 0; i < array.size(); ++i) {
    out += "  " + array[i].dump() + (i + 1 < array.size() ? ",\n" : "\n");
  }
  return out + "]\n";
}
}  // namespace

std::string units_file_text(const std::map<std::string, Unit>& units) { return json_lines(units_to_json(units)); }

std::string categories_file_text(const std::map<std::string, Category>& categories) {
  return json_lines(categories_to_json(categories));
}

}  // namespace wiedza
