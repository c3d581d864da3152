#include "fix/atomic_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace bilint {

AtomicFileWriter::AtomicFileWriter(std::string path) : path_(std::move(path)) {
  const std::filesystem::path target(path_);
  // A file its owner made read-only is not replaced (rename would do it, and root may write
  // anything): the owner's wish is kept, whoever runs bilint.
  struct stat existing {};
  if (::stat(path_.c_str(), &existing) == 0) {
    if (S_ISDIR(existing.st_mode)) {
      error_ = "is a directory";
      return;
    }
    if (!S_ISREG(existing.st_mode)) {
      direct_ = true;
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
      if (fd_ < 0) error_ = std::string("cannot open: ") + std::strerror(errno);
      return;
    }
    if ((existing.st_mode & S_IWUSR) == 0) {
      error_ = "the file is read-only";
      return;
    }
    mode_ = existing.st_mode & 07777;
  }
  const std::filesystem::path directory =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  // Built with append: GCC 12 reports a false -Wrestrict for `"." + name + "..."` at -O3.
  std::string hidden_name(1, '.');
  hidden_name.append(target.filename().string()).append(".bilint-XXXXXX");
  temporary_ = (directory / hidden_name).string();
  fd_ = ::mkstemp(temporary_.data());
  if (fd_ < 0) {
    error_ = std::string("cannot create a temporary file beside it: ") + std::strerror(errno);
    temporary_.clear();
  }
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

std::string AtomicFileWriter::fail(const char* what) {
  if (error_.empty()) error_ = std::string(what) + ": " + std::strerror(errno);
  return error_;
}

void AtomicFileWriter::write(std::string_view bytes) {
  constexpr std::size_t kBuffer = std::size_t{1} << 16;
  if (buffer_.size() + bytes.size() < kBuffer) {
    buffer_.append(bytes);
    return;
  }
  put(buffer_);
  buffer_.clear();
  put(bytes);  // large pieces (a whole fixed file) go straight out, uncopied
}

void AtomicFileWriter::put(std::string_view bytes) {
  std::size_t written = 0;
  while (error_.empty() && written < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno != EINTR) fail("cannot write the new contents");
      continue;
    }
    written += static_cast<std::size_t>(n);
  }
}

std::string AtomicFileWriter::commit() {
  put(buffer_);
  buffer_.clear();
  if (!error_.empty()) return error_;
  if (direct_) {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return fail("cannot close");
    return {};
  }
  if (::fchmod(fd_, static_cast<mode_t>(mode_)) != 0) return fail("cannot set permissions");
  if (::fsync(fd_) != 0) return fail("cannot flush to disk");
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return fail("cannot close");
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) return fail("cannot replace the file");
  temporary_.clear();
  return {};
}

std::string write_file_atomically(const std::string& path, std::string_view bytes) {
  AtomicFileWriter writer(path);
  writer.write(bytes);
  return writer.commit();
}

}  // namespace bilint
