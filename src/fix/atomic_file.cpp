#include "fix/atomic_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace bilint {

std::string write_file_atomically(const std::string& path, std::string_view bytes) {
  const std::filesystem::path target(path);
  // A file its owner made read-only is not replaced (rename would do it, and root may write
  // anything): the owner's wish is kept, whoever runs bilint.
  struct stat existing {};
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && (existing.st_mode & S_IWUSR) == 0) {
    return "the file is read-only";
  }
  const std::filesystem::path directory =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  // Built with append: GCC 12 reports a false -Wrestrict for `"." + name + "..."` at -O3.
  std::string hidden_name(1, '.');
  hidden_name.append(target.filename().string()).append(".bilint-XXXXXX");
  std::string temporary = (directory / hidden_name).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0)
    return std::string("cannot create a temporary file beside it: ") + std::strerror(errno);

  const auto fail = [&](const char* what) {
    const std::string message = std::string(what) + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(temporary.c_str());
    return message;
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write the new contents");
    }
    written += static_cast<std::size_t>(n);
  }
  const mode_t mode = exists ? (existing.st_mode & 07777) : 0644;
  if (::fchmod(fd, mode) != 0) return fail("cannot set permissions");
  if (::fsync(fd) != 0) return fail("cannot flush to disk");
  if (::close(fd) != 0) {
    const std::string message = std::string("cannot close: ") + std::strerror(errno);
    ::unlink(temporary.c_str());
    return message;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string message = std::string("cannot replace the file: ") + std::strerror(errno);
    ::unlink(temporary.c_str());
    return message;
  }
  return {};
}

}  // namespace bilint
