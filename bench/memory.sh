#!/usr/bin/env bash
# Peak memory and time of every offline rule on corpora of 1 MB files growing a hundredfold, -j1 and
# all cores: memory must not grow with the number of files (a run holds the findings of a few files
# and the compact facts of the rules that compare files, never the whole report).
# Usage: bench/memory.sh [SIZES, default "10M 100M 1G"] [BUILD_DIR, default build/ci]
# BILINT_FILE_SIZE (default 1M) sets the size of the files: BILINT_FILE_SIZE=100M bench/memory.sh
# "10M 100M" measures one file of 10 MB and one of 100 MB, whose peak grows with its findings.
# The 1 GB corpus takes 1 GB of disk in $BILINT_BENCH_DIR (default /tmp/bilint-bench) and about a
# minute and a half per run on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-10M 100M 1G}
build=${2:-build/ci}
source bench/measure.sh  # corpus, work, bilint, measure
export BILINT_BENCH_RUNS=${BILINT_BENCH_RUNS:-1}  # peak memory needs no best of three

cmake --build "$build" --target bilint bilint_corpus_gen >/dev/null
echo "machine: $(nproc) cores,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
for size in $sizes; do
  dir="$work/memory-$size"
  rm -rf "$dir"
  "$build/bench/bilint_corpus_gen" --out "$dir" --size "$size" \
    --file-size "${BILINT_FILE_SIZE:-1M}" --seed 1 \
    "$corpus"/*.md >/dev/null
  bytes=$(du -cb "$dir"/*.md | tail -1 | cut -f1)
  entries=$(cat "$dir"/*.md | grep -c '^## ')
  largest=$(find "$dir" -name '*.md' -printf '%s\n' | sort -n | tail -1)
  echo
  echo "== $size: $(ls "$dir" | wc -l) files, largest $((largest / 1024)) KiB"
  measure "every offline rule, -j1" -j 1 "$dir"
  measure "every offline rule, -j$(nproc)" "$dir"
  rm -rf "$dir"
done
