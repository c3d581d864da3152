#pragma once

#include <string>
#include <string_view>

namespace bilint {

// Replaces the contents of `path` with `bytes` so that readers see either the old file or the new
// one, never a mix, and a failure leaves the old file untouched: the bytes go to a temporary file
// in the same directory (same file system, so the rename is atomic), are flushed to disk, take the
// old file's permissions, and the temporary file is renamed over `path`. Returns an empty string on
// success, otherwise what went wrong (the temporary file is removed).
std::string write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace bilint
