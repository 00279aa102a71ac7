// The connection task queue: a thread for each connection up to the cap, the rest wait
// in order, idle threads go away, shutdown runs what was queued.
#include "server/connection_threads.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace wiedza::server {
namespace {

using namespace std::chrono_literals;

// Polls `condition` for up to 5 s.
template <typename F>
bool eventually(F condition) {
  for (int i = 0; i < 500; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return condition();
}

TEST(ConnectionThreads, EachConnectionGetsAThreadUpToTheCap) {
  ConnectionThreads queue(3, 200ms);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> running{0}, done{0};
  for (int i = 0; i < 5; ++i) {
    queue.enqueue([&, released] {
      ++running;
      released.wait();
      ++done;
    });
  }
  // Three run at once (the cap), two wait instead of starting more threads.
  EXPECT_TRUE(eventually([&] { return running.load() == 3; }));
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(running.load(), 3);
  EXPECT_EQ(queue.threads(), 3u);
  release.set_value();
  EXPECT_TRUE(eventually([&] { return done.load() == 5; }));
  // Idle threads exit after 200 ms; a new connection starts one again.
  std::this_thread::sleep_for(500ms);
  queue.enqueue([] {});  // joins the threads that have exited, starts one
  EXPECT_LE(queue.threads(), 1u);
}

TEST(ConnectionThreads, ShutdownRunsWhatIsQueued) {
  std::atomic<int> done{0};
  {
    ConnectionThreads queue(1);
    for (int i = 0; i < 4; ++i) {
      queue.enqueue([&] {
        std::this_thread::sleep_for(10ms);
        ++done;
      });
    }
    queue.shutdown();
    EXPECT_EQ(done.load(), 4);
  }
  EXPECT_EQ(done.load(), 4);
}

}  // namespace
}  // namespace wiedza::server
