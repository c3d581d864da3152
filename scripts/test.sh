#!/usr/bin/env bash
# Second command of the README: installs what is missing, then configures, builds (warnings are
# errors) and runs the whole test suite through the CMake "ci" workflow preset.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --workflow --preset ci
