#!/usr/bin/env bash
# Builds bilint for the GitHub Action (action.yml) on an Ubuntu or Debian runner: installs the
# build dependencies with apt, builds only the binary, and sets the step output `bilint`.
set -euo pipefail
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${RUNNER_TEMP:-/tmp}/bilint-build"

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  cmake ninja-build pkg-config g++ libicu-dev libyaml-dev libboost-regex-dev libfmt-dev \
  libcli11-dev nlohmann-json3-dev libcurl4-openssl-dev zlib1g-dev

cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DBILINT_BUILD_TESTS=OFF -DBILINT_BUILD_BENCH=OFF
cmake --build "$build_dir" --target bilint
echo "bilint=$build_dir/bilint" >> "${GITHUB_OUTPUT:-/dev/stdout}"
