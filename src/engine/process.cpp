#include "engine/process.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace bilint {

ProcessResult run_process(const std::vector<std::string>& argv) {
  ProcessResult result;
  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  int out[2];
  if (::pipe(out) != 0) {
    result.error = std::strerror(errno);
    return result;
  }
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> err(std::tmpfile(), &std::fclose);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  if (err) posix_spawn_file_actions_adddup2(&actions, ::fileno(err.get()), STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (spawned != 0) {
    ::close(out[0]);
    result.error = std::string("cannot run ") + argv[0] + ": " + std::strerror(spawned);
    return result;
  }
  char buffer[1 << 14];
  for (;;) {
    const ssize_t n = ::read(out[0], buffer, sizeof buffer);
    if (n > 0) {
      result.output.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(out[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (err) {
    std::rewind(err.get());
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, err.get())) > 0)
      result.error.append(buffer, n);
  }
  return result;
}

}  // namespace bilint
