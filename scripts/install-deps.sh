#!/usr/bin/env bash
# Installs the Debian 12 packages bilint needs to build and test. As root it installs what is missing;
# as another user it prints the apt command to run and fails if anything is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev libyaml-cpp-dev libboost-regex-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  libcurl4-openssl-dev libgtest-dev libbenchmark-dev
  cmark-gfm pre-commit clang-format
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "bilint needs these Debian packages; install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
