#pragma once

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace bilint::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// One entry whose only finding with the default rules is a term/variant (大型语言模型) at 2:2.
inline constexpr std::string_view kVariantEntry =
    "## Scaling Large Language Models\n"
    "[大型语言模型的扩展](https://arxiv.org/abs/2401.00001)\n"
    "\n"
    "我们研究了模型规模与性能的关系。\n";

// A shell prefix giving git an identity, for tests that commit.
inline constexpr std::string_view kGitIdentity =
    "export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t "
    "GIT_COMMITTER_EMAIL=t@example.com; ";

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh directory under the system temporary directory, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "bilint-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path operator/(std::string_view name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

// Runs a shell command line in `cwd`, capturing stdout, stderr and the exit code.
inline CommandResult run_command(const std::string& command, const std::filesystem::path& cwd) {
  TempDir capture;
  const std::string line = "cd '" + cwd.string() + "' && " + command + " >'" +
                           (capture / "out").string() + "' 2>'" + (capture / "err").string() + "'";
  const int status = std::system(line.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(capture / "out");
  result.err = slurp(capture / "err");
  return result;
}

// The built binary and the source tree (compile definitions of the test target).
inline const std::string kBilint = BILINT_BINARY;
inline const std::filesystem::path kSource = BILINT_SOURCE_DIR;

// Runs the built bilint with `args` (shell words) in `cwd`. NO_COLOR is empty and TERM names a
// colour terminal, so that only the arguments (--color) and whether the output is a terminal
// decide about colour.
inline CommandResult bilint(const std::string& args, const std::filesystem::path& cwd) {
  return run_command("NO_COLOR= TERM=xterm '" + kBilint + "' " + args, cwd);
}

}  // namespace bilint::testing
