// httplib's task queue for `wiedza serve`: one thread per open connection, started when a
// connection arrives and no thread is free, up to a cap. httplib's own ThreadPool starts
// a fixed number of threads and queues connections behind them; since a connection holds
// its thread while it waits for a request, 300 idle sockets kept a health check waiting
// 4-5 s. A thread that waits on a socket costs little (its stack is reserved, not used),
// and threads idle for a while exit, so a burst does not leave them behind.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace wiedza::server {

class ConnectionThreads : public httplib::TaskQueue {
 public:
  // At most `max_threads` connections are handled at once; more wait in order.
  explicit ConnectionThreads(std::size_t max_threads,
                             std::chrono::milliseconds idle_exit = std::chrono::seconds(30));
  ~ConnectionThreads() override;
  ConnectionThreads(const ConnectionThreads&) = delete;
  ConnectionThreads& operator=(const ConnectionThreads&) = delete;

  void enqueue(std::function<void()> fn) override;
  // Runs what is queued, then joins every thread.
  void shutdown() override;

  std::size_t threads() const;  // alive now

 private:
  void work();
  void reap_finished();  // joins threads that exited (caller holds mutex_)

  const std::size_t max_threads_;
  const std::chrono::milliseconds idle_exit_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::map<std::thread::id, std::thread> threads_;
  std::vector<std::thread::id> finished_;  // exited, not yet joined
  std::size_t idle_ = 0;
  bool stop_ = false;
};

}  // namespace wiedza::server
