#include "search/digest.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace wiedza {

std::string digest(std::string_view input) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : input) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string file_digest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return digest(bytes);
}

}  // namespace wiedza
