// Sizes and counts of the per-revision caches (IndexResources: articles and result
// pages). A header of its own so the server's settings and metrics can name them without
// pulling in the whole index machinery.
#pragma once

#include <cstddef>
#include <cstdint>

namespace wiedza {

// Sizes of the per-revision caches, in entries; 0 turns a cache off.
struct CacheOptions {
  // Result pages, keyed by the whole request. Residents and consultants ask the same
  // few hundred things (and search-as-you-type repeats prefixes), so a page is usually
  // asked for again; ~10 KB each.
  std::size_t results = 1024;
  // Articles as results need them (HitDocument); a few KB to a few tens of KB each.
  std::size_t documents = 4096;
};

struct CacheStats {
  std::uint64_t result_hits = 0;
  std::uint64_t result_misses = 0;
  std::uint64_t document_hits = 0;
  std::uint64_t document_misses = 0;
};

}  // namespace wiedza
