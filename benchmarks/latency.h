// Latency summaries shared by the benchmark programs.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace wiedza::bench {

struct Latency {
  std::size_t n = 0;
  double mean = 0, p50 = 0, p99 = 0, max = 0;  // milliseconds
};

inline Latency summarise(std::vector<double> ms) {
  Latency l;
  if (ms.empty()) return l;
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))]; };
  double sum = 0;
  for (double v : ms) sum += v;
  l.n = ms.size();
  l.mean = sum / static_cast<double>(ms.size());
  l.p50 = pct(0.50);
  l.p99 = pct(0.99);
  l.max = ms.back();
  return l;
}

}  // namespace wiedza::bench
