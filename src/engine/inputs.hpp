#pragma once

#include <optional>
#include <string>
#include <vector>

namespace bilint {

// A file to lint: a path on disk, or text given on standard input under a name.
struct Input {
  std::string path;
  std::optional<std::string> text;
  bool walked = false;  // found by walking a directory, rather than named
};

// An input that could not be linted; reported on stderr, and the run exits with 2.
struct InputError {
  std::string path;
  std::string message;
};

// Expands the command-line paths: files are taken as they are, whatever their name; directories are
// walked for `*.md` files, skipping hidden directories and following links to directories unless
// they lead back to a directory being walked. The result is sorted by path and without duplicates.
std::vector<Input> collect_inputs(const std::vector<std::string>& paths,
                                  std::vector<InputError>& errors);

// The absolute form of a path with symbolic links resolved as far as the path exists, so that two
// spellings of one file (relative, through a link) compare equal.
std::string resolved_path(const std::string& path);

// Reads a whole file. On failure returns nothing and sets `error` to a message for the user.
std::optional<std::string> read_file(const std::string& path, std::string& error);

}  // namespace bilint
