#pragma once

#include <string>
#include <vector>

namespace bilint {

struct ProcessResult {
  int status = -1;     // exit status, or -1 when the program could not be started or was killed
  std::string output;  // standard output
  std::string error;   // standard error, or why the program could not be started
};

// Runs a program (looked up in PATH) with arguments, no shell, and collects what it prints.
// Written with posix_spawnp rather than taken from Boost.Process, which would add Boost.Filesystem
// and Boost.Asio for one call; stderr goes to a temporary file so that neither pipe can fill up
// while the other is read.
ProcessResult run_process(const std::vector<std::string>& argv);

}  // namespace bilint
