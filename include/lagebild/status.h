// Status and Result<T>: how lagebild reports failures of the environment or
// configuration (a file that cannot be opened, a bad option, a failed write).
//
// A bad *article* is not a Status: stages degrade and record a Diagnostic in
// the article instead (see article.h). The library throws nothing of its own,
// never prints and never exits.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace lagebild {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // a bad option or argument value
    kNotFound,         // a path that does not exist
    kIoError,          // read or write failed (permissions, disk full, ...)
    kDataError,        // input bytes that cannot be used at all (binary, empty)
    kResourceLimit,    // a named limit was exceeded
    kInternal,         // a third-party library failed unexpectedly
  };

  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // Names the thing and the value, e.g. "cannot open 'a.txt': Permission denied".
  const std::string& message() const { return message_; }

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return Status(Status::Code::kInvalidArgument, std::move(m));
}
inline Status NotFound(std::string m) { return Status(Status::Code::kNotFound, std::move(m)); }
inline Status IoError(std::string m) { return Status(Status::Code::kIoError, std::move(m)); }
inline Status DataError(std::string m) { return Status(Status::Code::kDataError, std::move(m)); }
inline Status ResourceLimit(std::string m) {
  return Status(Status::Code::kResourceLimit, std::move(m));
}

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}   // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace lagebild

#define LAGEBILD_RETURN_IF_ERROR(expr)          \
  do {                                          \
    ::lagebild::Status lagebild_status_ = (expr); \
    if (!lagebild_status_.ok()) return lagebild_status_; \
  } while (0)
