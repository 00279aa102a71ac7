// A short, stable digest of text (FNV-1a, 64 bit, as 16 hex digits): the same on every
// run and machine (std::hash is not). Used for "has this changed?" decisions, where a
// collision only costs a skipped rewrite, which is vanishingly rare.
#pragma once

#include <string>
#include <string_view>

namespace wiedza {

std::string digest(std::string_view text);

// Digest of a file's bytes; "" when it cannot be read.
std::string file_digest(const std::string& path);

}  // namespace wiedza
