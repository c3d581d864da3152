#include "engine/inputs.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>
#include <sys/stat.h>
#include <utility>

namespace bilint {

namespace fs = std::filesystem;

namespace {

using DirectoryId = std::pair<dev_t, ino_t>;

std::string join(const std::string& directory, const std::string& name) {
  if (directory.empty() || directory == ".") return name;
  return directory.ends_with('/') ? directory + name : directory + "/" + name;
}

void walk(const std::string& directory, std::vector<DirectoryId>& ancestors,
          std::vector<Input>& inputs, std::vector<InputError>& errors) {
  std::error_code ec;
  fs::directory_iterator it(directory, ec);
  if (ec) {
    errors.push_back({directory, "cannot read directory: " + ec.message()});
    return;
  }
  std::vector<std::string> names;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    names.push_back(it->path().filename().string());
  }
  if (ec) errors.push_back({directory, "cannot read directory: " + ec.message()});
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    const std::string path = join(directory, name);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      // A dangling link is not an error when walking: it names nothing to lint.
      if (errno == ENOENT) continue;
      errors.push_back({path, std::strerror(errno)});
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      if (name.starts_with('.')) continue;
      const DirectoryId id{st.st_dev, st.st_ino};
      if (std::find(ancestors.begin(), ancestors.end(), id) != ancestors.end()) {
        errors.push_back(
            {path, "directory loop: it leads back to a directory being walked; skipped"});
        continue;
      }
      ancestors.push_back(id);
      walk(path, ancestors, inputs, errors);
      ancestors.pop_back();
    } else if (S_ISREG(st.st_mode) && name.ends_with(".md")) {
      inputs.push_back({path, std::nullopt, true});
    }
  }
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& paths,
                                  std::vector<InputError>& errors) {
  std::vector<Input> inputs;
  for (const std::string& path : paths) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      errors.push_back({path, errno == ELOOP ? "too many levels of symbolic links (a link loop)"
                                             : std::string(std::strerror(errno))});
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      std::vector<DirectoryId> ancestors{{st.st_dev, st.st_ino}};
      walk(path, ancestors, inputs, errors);
    } else if (S_ISREG(st.st_mode)) {
      inputs.push_back({path, std::nullopt});
    } else {
      errors.push_back({path, "not a regular file or directory"});
    }
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const Input& a, const Input& b) { return a.path < b.path; });
  inputs.erase(std::unique(inputs.begin(), inputs.end(),
                           [](const Input& a, const Input& b) { return a.path == b.path; }),
               inputs.end());
  return inputs;
}

std::string resolved_path(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  fs::path resolved = fs::weakly_canonical(absolute, ec);
  return (ec ? absolute : resolved).lexically_normal().string();
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                             &std::fclose);
  if (!file) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string bytes;
  struct stat st {};
  if (::fstat(::fileno(file.get()), &st) == 0 && S_ISDIR(st.st_mode)) {
    error = "is a directory";
    return std::nullopt;
  }
  if (st.st_size > 0) bytes.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0)
    bytes.append(buffer, n);
  if (std::ferror(file.get())) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  return bytes;
}

}  // namespace bilint
