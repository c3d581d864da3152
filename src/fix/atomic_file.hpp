#pragma once

#include <string>
#include <string_view>

namespace bilint {

// Replaces the contents of a file so that readers see either the old file or the new one, never a
// mix, and a failure leaves the old file untouched: the bytes go to a temporary file in the same
// directory (same file system, so the rename is atomic), are flushed to disk, take the old file's
// permissions, and the temporary file is renamed over the target by commit(). Until then nothing
// is visible; a writer dropped without commit() removes its temporary file.
//
// A target that exists and is not a regular file (-o /dev/null, /dev/stdout, a named pipe) has no
// contents to keep: it is opened and written as it is. Renaming over it would replace the device
// or pipe itself with a regular file (as root, /dev/null).
class AtomicFileWriter {
 public:
  explicit AtomicFileWriter(std::string path);
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
  ~AtomicFileWriter();

  // Appends bytes to the new contents (buffered: small pieces cost no system call each); after a
  // failure further writes do nothing.
  void write(std::string_view bytes);
  // Puts the new contents in place. Returns an empty string on success, otherwise what went wrong
  // (first failure of the whole write), the old file untouched.
  std::string commit();

 private:
  std::string fail(const char* what);
  void put(std::string_view bytes);

  std::string path_;
  std::string temporary_;
  std::string error_;
  std::string buffer_;
  int fd_ = -1;
  unsigned mode_ = 0644;
  bool direct_ = false;  // writing to the target itself (not a regular file)
};

// The whole new contents at once; returns what commit() returns.
std::string write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace bilint
