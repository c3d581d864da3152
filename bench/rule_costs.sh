#!/usr/bin/env bash
# What each rule costs on its own, counted rather than timed: for each rule, the instructions of a
# `-j1` run of it alone on the bench corpus under callgrind, less those of a run of a rule that
# finds nothing there (reading, parsing and the run's fixed costs). Counts repeat exactly from run
# to run, so a rule spending far more than its job needs stands out, and two builds compare below
# the noise of times. Shared work is charged to every rule that asks for it first: the glossary
# matching (the term/ and fidelity/ rules), the file's marks (the punctuation rules).
# Usage: bench/rule_costs.sh [BUILD_DIR, default build/ci] [RULE...] (default: every rule); the
# corpus is bench/run.sh's 10 MB (run it first). Needs valgrind; a rule takes about 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
shift $(($# > 0 ? 1 : 0))
work=${BILINT_BENCH_DIR:-/tmp/bilint-bench}
[ -d "$work/many" ] || { echo "bench/rule_costs.sh: $work/many is missing; run bench/run.sh first" >&2; exit 2; }
cmake --build "$build" --target bilint >/dev/null
rules=("$@")
[ ${#rules[@]} -gt 0 ] || mapfile -t rules < <("$build/bilint" rules | awk 'NR > 1 { print $1 }')
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$build/bilint" check -j1 --select "$1" \
    "$work/many" 2>&1 >/dev/null | awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
base=$(count format/bom)
printf '%-32s %15s\n' "(reading, parsing, reporting)" "$base"
for rule in "${rules[@]}"; do
  printf '%-32s %15d\n' "$rule" $(($(count "$rule") - base))
done
