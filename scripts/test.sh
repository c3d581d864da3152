#!/usr/bin/env bash
# Second command of the README: installs what is missing, then configures, builds (warnings are
# errors) and runs the whole test suite through the CMake "ci" workflow preset, the suite again under
# ASan and UBSan ("asan" preset), then the short fuzz runs ("fuzz" preset).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --workflow --preset ci
# The whole suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
cmake --workflow --preset asan
# The fuzz targets, built with clang, ASan and UBSan, each run on a fixed number of inputs.
cmake --workflow --preset fuzz
