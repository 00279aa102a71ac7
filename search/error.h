// The core's error value, in the manner of LevelDB's Status and Typesense's Option: a
// code that says what kind of failure it is, a message for people, and for invalid
// input every problem found. Front ends translate the code in one place each (HTTP:
// server/api_error.cc), so a new code cannot reach a client unmapped without a compile
// warning there (the switch names every code).
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "search/validation_error.h"

namespace wiedza {

enum class ErrorCode {
  kInvalidArticle,   // an article failed validation (details say which fields)
  kInvalidUnit,      // a unit failed validation
  kInvalidCategory,  // a category failed validation
  kInvalidRequest,   // something other than an entry's content is wrong (an id, ...)
  kNotFound,         // no article, unit or category with that id
  kStillReferenced,  // a unit or category articles still refer to
  kIndexLocked,      // another process holds the index's write lock
  kWriteFailed,      // the index could not be written; nothing was applied
  kCorpusWriteFailed,  // applied to the index, but its corpus file could not be put in place
};

struct Error {
  ErrorCode code;
  std::string message;       // in English, for people
  ValidationErrors details;  // for the kInvalid* codes: every problem found

  // The message of the first problem, as the short message of an invalid input.
  static Error invalid(ErrorCode code, ValidationErrors problems) {
    std::string message = problems.empty() ? "invalid input" : problems.front().to_string();
    return {code, std::move(message), std::move(problems)};
  }
};

// A value or the Error that kept it from being made (std::expected arrives with C++23).
template <class T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}      // NOLINT: implicit, like std::expected
  Expected(Error error) : v_(std::move(error)) {}  // NOLINT
  explicit operator bool() const { return std::holds_alternative<T>(v_); }
  T& operator*() { return std::get<T>(v_); }
  const T& operator*() const { return std::get<T>(v_); }
  T* operator->() { return &std::get<T>(v_); }
  const T* operator->() const { return &std::get<T>(v_); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace wiedza
