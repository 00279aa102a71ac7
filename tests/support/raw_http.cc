#include "tests/support/raw_http.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace wiedza::testing {

int raw_connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    return -1;
  }
  return fd;
}

int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof addr;
  const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), size) == 0 &&
                     ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size) == 0;
  const int saved = errno;
  ::close(fd);
  if (!bound) throw std::runtime_error(std::string("no free loopback port: ") + std::strerror(saved));
  return ntohs(addr.sin_port);
}

bool wait_for_listener(int port, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    if (const int fd = raw_connect(port); fd >= 0) {
      ::close(fd);
      return true;
    }
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
}

RawReply raw_request(int port, const std::string& request, RawOptions options) {
  RawReply reply;
  const int fd = raw_connect(port);
  if (fd < 0) {
    reply.connect_error = std::strerror(errno);
    return reply;
  }
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t sent = 0; sent < request.size();) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  if (options.half_close) ::shutdown(fd, SHUT_WR);
  char buffer[16384];
  pollfd p{fd, POLLIN, 0};
  for (;;) {
    const int ready = ::poll(&p, 1, options.timeout_ms);
    if (ready == 0) reply.timed_out = true;
    if (ready <= 0) break;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    if (reply.response.empty()) {
      reply.first_byte_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }
    reply.response.append(buffer, static_cast<std::size_t>(n));
  }
  if (options.reset) {
    linger hard{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
  }
  ::close(fd);
  return reply;
}

std::string raw_exchange(int port, const std::string& request, RawOptions options) {
  return raw_request(port, request, options).response;
}

}  // namespace wiedza::testing
