// httplib's server with the connection handling `wiedza serve` needs in front of the
// internet (issue 18): httplib 0.11 reads a request line or header of any length before
// refusing it, resets its timeout with every byte (so a client trickling a header keeps
// a thread forever), and waits out idle connections at full length however many there
// are. This class keeps httplib's request parsing and routing (process_request) and
// replaces the connection loop and the socket reads around it:
//   - a request's line and headers must arrive within `header` and fit `max_head_bytes`,
//     else the client gets 408 / 431 (JSON) and the connection is closed; the whole
//     request must be read within `request`;
//   - a new connection must start a request within `first_byte`, a kept-alive one within
//     `keep_alive`; when more than half of `max_connections` are open, both waits (and
//     the header deadline) shrink, so idle or slow sockets give way to new clients;
//   - connections get their own thread up to `max_connections` (ConnectionThreads).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>

#include <httplib.h>

namespace wiedza::server {

struct ConnectionLimits {
  std::chrono::milliseconds first_byte{5000};
  std::chrono::milliseconds keep_alive{2000};
  std::chrono::milliseconds header{10000};
  std::chrono::milliseconds request{60000};
  std::chrono::milliseconds read_idle{10000};  // silence allowed inside a request
  std::chrono::milliseconds write{10000};
  std::size_t max_head_bytes = 32 * 1024;      // request line and headers together
  std::size_t max_requests_per_connection = 1000;
  std::size_t max_connections = 1024;
  // Used instead of first_byte / keep_alive and header while under pressure.
  std::chrono::milliseconds idle_under_pressure{500};
  std::chrono::milliseconds header_under_pressure{2000};
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits);

  std::size_t open_connections() const { return open_.load(); }
  // Requests refused by the limits above since the start (for /metrics).
  std::size_t refused_slow() const { return refused_slow_.load(); }
  std::size_t refused_large() const { return refused_large_.load(); }

 private:
  bool process_and_close_socket(socket_t sock) override;
  bool under_pressure() const { return open_.load() > limits_.max_connections / 2; }

  const ConnectionLimits limits_;
  std::atomic<std::size_t> open_{0};
  std::atomic<std::size_t> refused_slow_{0};
  std::atomic<std::size_t> refused_large_{0};
};

}  // namespace wiedza::server
