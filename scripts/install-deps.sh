#!/usr/bin/env bash
# Installs the Debian 12 packages bilint needs to build and test. As root it installs what is missing;
# as another user it prints the apt command to run and fails if anything is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev libyaml-dev libboost-regex-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  libcurl4-openssl-dev zlib1g-dev libgtest-dev libbenchmark-dev
  cmark-gfm pre-commit clang-format util-linux clang libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

# Node.js and npm run the SARIF validator in the test suite; a machine may have them from elsewhere.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bilint needs these Debian packages; install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The Microsoft SARIF multitool (npm), which the test suite uses to validate every SARIF log bilint
# writes. It goes into .tools/ in the repository (ignored by git).
root=$(cd "$(dirname "$0")/.." && pwd)
multitool="$root/.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$multitool" ]; then
  echo "Installing the SARIF multitool into .tools/"
  npm install --prefix "$root/.tools" --no-audit --no-fund --loglevel=error \
    @microsoft/sarif-multitool@5.7.0
  # npm does not run the package's install script that marks the binary executable.
  chmod u+x "$multitool"
fi
