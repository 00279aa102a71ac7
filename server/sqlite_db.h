// A small RAII layer over libsqlite3 for the server's own state (audit trail, search
// analytics): one connection, prepared statements, errors as exceptions that name the
// file. Each object is used by one thread at a time; callers serialise.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace wiedza::server {

class SqliteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, const std::string& sql, const std::string& file);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters are 1-based, as in SQL ("?1").
  SqliteStatement& bind(int index, const std::string& value);
  SqliteStatement& bind(int index, std::int64_t value);
  SqliteStatement& bind(int index, double value);
  SqliteStatement& bind_null(int index);
  SqliteStatement& bind(int index, const std::optional<std::string>& value);

  // Advances to the next row; false when done. Throws SqliteError on failure.
  bool step();
  // Runs a statement that returns no rows, then resets it for reuse.
  void run();
  void reset();

  std::string text(int column) const;  // "" for NULL
  std::optional<std::string> optional_text(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string file_;
};

class SqliteDb {
 public:
  // Opens (creating) the file in WAL mode so readers never block the writer. Throws
  // SqliteError naming the file when it cannot be opened or written.
  explicit SqliteDb(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  void exec(const std::string& sql);
  SqliteStatement prepare(const std::string& sql) { return SqliteStatement(db_, sql, path_); }
  std::int64_t last_insert_id() const;
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace wiedza::server
