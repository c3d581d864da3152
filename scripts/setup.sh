#!/usr/bin/env bash
# First command of the README: installs what is missing, builds bilint, and runs it on the sample
# digests bundled in fixtures/samples/ (copies of the project's seed digests, defects included).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev

echo
echo "== bilint check fixtures/samples =="
status=0
build/dev/bilint check fixtures/samples || status=$?
# Exit status 1 means "findings", which is what the samples are for.
if [ "$status" -gt 1 ]; then exit "$status"; fi
echo
echo "bilint is at build/dev/bilint; try: build/dev/bilint rules"
