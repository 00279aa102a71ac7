// Bytes over a loopback TCP connection, for requests no HTTP client library would send
// (malformed request lines, trickled headers, idle sockets), and for the HTTP fuzzer.
#pragma once

#include <string>

namespace wiedza::testing {

struct RawReply {
  std::string response;    // what the server sent until it closed or went quiet
  std::string connect_error;  // why no connection was made ("" when one was)
  bool timed_out = false;     // the server stayed quiet for the whole timeout
  double first_byte_ms = -1;  // from sending the request to the answer's first byte
};

struct RawOptions {
  // So that an incomplete request cannot keep the server waiting; httplib then sends no
  // answer at all (it sees the peer gone), so a test that wants one sends "Connection: close".
  bool half_close = true;
  int timeout_ms = 5000;   // how long to wait for the next byte of the answer
  bool reset = false;      // close with RST: no TIME_WAIT left on this side
};

// Connects to 127.0.0.1:port, sends `request` and reads the answer.
RawReply raw_request(int port, const std::string& request, RawOptions options = {});

// raw_request's answer only ("" when there was none).
std::string raw_exchange(int port, const std::string& request, RawOptions options = {});

// A connected socket that the caller closes (::close), or -1 with errno set.
int raw_connect(int port);

// A loopback port nothing listens on now (the kernel's pick for a socket bound to port 0,
// released again), for a program that must be told its port. Throws when there is none.
int free_loopback_port();

// Waits up to `timeout_ms` for something to accept connections on 127.0.0.1:port.
bool wait_for_listener(int port, int timeout_ms = 5000);

}  // namespace wiedza::testing
