#!/usr/bin/env bash
# Second command of the README: installs what is missing, then configures, builds (warnings are
# errors) and runs the whole test suite through the CMake "ci" workflow preset, then the short fuzz
# runs through the "fuzz" preset.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --workflow --preset ci
# The fuzz targets, built with clang, ASan and UBSan, each run on a fixed number of inputs.
cmake --workflow --preset fuzz
