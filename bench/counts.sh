#!/usr/bin/env bash
# Glossary matching counted rather than timed: one pass over the same text per glossary under
# callgrind, with its cache and branch simulation (L1 of 32 KiB; the last level set to a 1 MiB L2,
# the caches a core has to itself here). Instructions, L1 and L2 data read misses and mispredicted
# branches repeat exactly from run to run, whatever else the host is doing, so two builds can be
# compared where their times differ by less than the noise. They are a model: what a miss or a
# mispredict costs, and how many overlap, only a timed run tells.
# Usage: bench/counts.sh [BUILD_DIR, default build/ci] [GLOSSARY.yaml...]; the text and the
# synthetic glossaries are bench/run.sh's (run it first), the default glossaries 10 and 100,000
# synthetic terms and the default one. Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
shift $(($# > 0 ? 1 : 0))
work=${BILINT_BENCH_DIR:-/tmp/bilint-bench}
text="$work/matching.md"
glossaries=("$@")
[ ${#glossaries[@]} -gt 0 ] || glossaries=("$work/g10.yaml" "$work/g100000.yaml" glossary/ai-ml.zh-CN.yaml)
for file in "$text" "${glossaries[@]}"; do
  [ -f "$file" ] || { echo "bench/counts.sh: $file is missing; run bench/run.sh first" >&2; exit 2; }
done
cmake --build "$build" --target bilint_bench_terms >/dev/null
printf '%-28s %15s %12s %12s %12s\n' glossary instructions 'L1 misses' 'L2 misses' mispredicts
for glossary in "${glossaries[@]}"; do
  out="$work/callgrind.$(basename "$glossary" .yaml)"
  valgrind --tool=callgrind --cache-sim=yes --branch-sim=yes --I1=32768,8,64 --D1=32768,8,64 \
    --LL=1048576,16,64 --toggle-collect='*match_all*' --callgrind-out-file="$out" \
    "$build/bench/bilint_bench_terms" --once "$text" "$glossary" >/dev/null 2>&1
  # Events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw Bc Bcm Bi Bim.
  callgrind_annotate "$out" | awk -v name="$(basename "$glossary")" '/PROGRAM TOTALS/ {
    gsub(",", ""); printf "%-28s %15d %12d %12d %12d\n", name, $1, $9, $15, $21 }'
done
