#include "server/guarded_server.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "server/api_error.h"
#include "server/connection_threads.h"

namespace wiedza::server {
namespace {

using Clock = std::chrono::steady_clock;

// Waits until `sock` is readable (true) or writable, or `deadline` passes (false).
bool wait_ready(int sock, short events, Clock::time_point deadline) {
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{sock, events, 0};
    const int rc = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (rc > 0) return true;
    if (rc < 0 && errno != EINTR) return false;
  }
}

void address_of(int sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  const int rc = peer ? ::getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len)
                      : ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return;
  char host[NI_MAXHOST], service[NI_MAXSERV];
  if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, service, sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

// One connection's socket as httplib's request parser sees it, with the deadlines and
// the size limit of ConnectionLimits. Buffered: the parser reads the head byte by byte.
class GuardedStream : public httplib::Stream {
 public:
  struct Counters {
    std::atomic<std::size_t>& slow;
    std::atomic<std::size_t>& large;
  };

  GuardedStream(int sock, const ConnectionLimits& limits, std::function<bool()> under_pressure, Counters counters)
      : sock_(sock), limits_(limits), under_pressure_(std::move(under_pressure)), counters_(counters) {}

  // Waits up to `wait` for the first byte of the next request. False when it did not
  // come, or the server is stopping (`listening` closed), or, under pressure, after the
  // shorter wait.
  bool wait_for_request(std::chrono::milliseconds wait, const std::atomic<socket_t>& listening) {
    if (buffered() > 0) return true;
    const auto start = Clock::now();
    while (listening.load() != INVALID_SOCKET) {
      auto allowed = under_pressure_() ? std::min(wait, limits_.idle_under_pressure) : wait;
      const auto left = start + allowed - Clock::now();
      if (left <= Clock::duration::zero()) return false;
      // Short slices: a stop or a rise in pressure is noticed within 100 ms.
      const auto slice = std::min<Clock::duration>(left, std::chrono::milliseconds(100));
      if (wait_ready(sock_, POLLIN, Clock::now() + slice)) return true;
    }
    return false;
  }

  void begin_request() {
    const auto now = Clock::now();
    head_deadline_ = now + (under_pressure_() ? std::min(limits_.header, limits_.header_under_pressure) : limits_.header);
    request_deadline_ = now + limits_.request;
    head_done_ = false;
    head_bytes_ = 0;
    tail_ = 0;
  }

  // A limit ended the request (its answer is sent); the connection must close.
  bool failed() const { return failed_; }

  bool is_readable() const override { return buffered() > 0 || wait_ready(sock_, POLLIN, Clock::now() + limits_.read_idle); }
  // A full send buffer is waited for in send_all, with the write deadline; polling here
  // too would cost a system call before every write of every answer.
  bool is_writable() const override { return !failed_; }

  ssize_t read(char* ptr, size_t size) override {
    if (failed_) return -1;
    if (buffered() == 0) {
      // Usually the bytes are already there (the request's first byte was waited for):
      // read without blocking, and wait with the deadlines only when nothing has come.
      ssize_t n = receive_now();
      while (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        const auto deadline = std::min(Clock::now() + limits_.read_idle, head_done_ ? request_deadline_ : head_deadline_);
        if (!wait_ready(sock_, POLLIN, deadline)) {
          const bool late = Clock::now() >= (head_done_ ? request_deadline_ : head_deadline_);
          refuse(408, "request_timeout",
                 late ? (head_done_ ? "the request was not received in time"
                                    : "the request line and headers were not received in time")
                      : "the client stopped sending in the middle of the request");
          counters_.slow.fetch_add(1);
          return -1;
        }
        n = receive_now();
      }
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<std::size_t>(n);
    }
    std::size_t n = std::min(size, buffered());
    if (!head_done_) n = count_head(n);
    if (failed_) return -1;
    std::memcpy(ptr, buffer_ + begin_, n);
    begin_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (failed_) return static_cast<ssize_t>(size);  // the refusal was the answer; the rest is dropped
    return send_all(ptr, size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, false, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  std::size_t buffered() const { return end_ - begin_; }

  ssize_t receive_now() {
    ssize_t n;
    do {
      n = ::recv(sock_, buffer_, sizeof buffer_, MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  // How many of the next `n` buffered bytes still belong to the head, and whether the
  // head ends among them; refuses the request when the head grows past the limit.
  std::size_t count_head(std::size_t n) {
    std::size_t i = 0;
    while (i < n && !head_done_) {
      tail_ = (tail_ << 8) | static_cast<unsigned char>(buffer_[begin_ + i]);
      ++i;
      // CRLF CRLF, or LF LF from clients that send bare line feeds.
      head_done_ = (tail_ & 0xFFFFFFFFu) == 0x0D0A0D0Au || (tail_ & 0xFFFFu) == 0x0A0Au;
    }
    head_bytes_ += i;
    if (head_bytes_ > limits_.max_head_bytes) {
      refuse(431, "headers_too_large",
             "the request line and headers together may be at most " + std::to_string(limits_.max_head_bytes) + " bytes");
      counters_.large.fetch_add(1);
    }
    return i;
  }

  // Answers with a JSON error and marks the connection as done.
  void refuse(int status, const std::string& code, const std::string& message) {
    if (failed_) return;
    failed_ = true;
    const std::string body = ApiError{status, code, message}.to_json().dump();
    const std::string reason = status == 408 ? "Request Timeout" : "Request Header Fields Too Large";
    const std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                             "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                             "\r\nConnection: close\r\n\r\n";
    send_all(head.data(), head.size());
    send_all(body.data(), body.size());
  }

  ssize_t send_all(const char* ptr, size_t size) {
    std::size_t sent = 0;
    const auto deadline = Clock::now() + limits_.write;
    while (sent < size) {
      const ssize_t n = ::send(sock_, ptr + sent, size - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        sent += static_cast<std::size_t>(n);
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        if (!wait_ready(sock_, POLLOUT, deadline)) return -1;
      } else {
        return -1;
      }
    }
    return static_cast<ssize_t>(size);
  }

  const int sock_;
  const ConnectionLimits& limits_;
  std::function<bool()> under_pressure_;
  Counters counters_;
  char buffer_[4096];
  std::size_t begin_ = 0, end_ = 0;
  Clock::time_point head_deadline_{}, request_deadline_{};
  bool head_done_ = false;
  std::size_t head_bytes_ = 0;
  std::uint32_t tail_ = 0;  // the last four head bytes read
  bool failed_ = false;
};

// After a refusal the client may still be sending (the rest of a 100 MB header). Closing
// a socket with unread data makes the kernel send a reset, which can destroy the answer
// before the client reads it; so stop sending, and read and drop what arrives for a
// moment (as nginx's lingering close does), bounded in time and bytes.
void linger_before_close(int sock) {
  ::shutdown(sock, SHUT_WR);
  const auto deadline = Clock::now() + std::chrono::milliseconds(500);
  char sink[16384];
  std::size_t drained = 0;
  while (drained < 1024 * 1024 && wait_ready(sock, POLLIN, deadline)) {
    const ssize_t n = ::recv(sock, sink, sizeof sink, 0);
    if (n <= 0) break;
    drained += static_cast<std::size_t>(n);
  }
}

}  // namespace

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
  const std::size_t threads = limits_.max_connections;
  new_task_queue = [threads] { return new ConnectionThreads(threads); };
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  open_.fetch_add(1);
  GuardedStream stream(sock, limits_, [this] { return under_pressure(); }, {refused_slow_, refused_large_});
  bool ok = false;
  for (std::size_t served = 0; served < limits_.max_requests_per_connection; ++served) {
    if (!stream.wait_for_request(served == 0 ? limits_.first_byte : limits_.keep_alive, svr_sock_)) break;
    stream.begin_request();
    bool closed = false;
    const bool last = served + 1 == limits_.max_requests_per_connection || svr_sock_.load() == INVALID_SOCKET;
    ok = process_request(stream, last, closed, nullptr);
    if (!ok || closed || last || stream.failed()) break;
  }
  if (stream.failed()) linger_before_close(sock);
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  open_.fetch_sub(1);
  return ok;
}

}  // namespace wiedza::server
