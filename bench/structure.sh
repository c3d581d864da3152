#!/usr/bin/env bash
# Throughput of the structure checks (parser, entry/ rules and the encoding rules of format/) on the shared corpus
# concatenated to one large file, and on the same bytes split into many files, with -j1 and all cores.
# Usage: bench/structure.sh [SIZE, default 100M] [BUILD_DIR, default build/dev]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100M}
build=${2:-build/dev}
corpus=${BILINT_CORPUS:-../shared/corpus/arxiv-cs-zh}
work=${BILINT_BENCH_DIR:-/tmp/bilint-bench}

cmake --build "$build" --target bilint bilint_corpus_gen >/dev/null
rm -rf "$work" && mkdir -p "$work"
"$build/bench/bilint_corpus_gen" --out "$work/one" --size "$size" --seed 1 "$corpus"/*.md
"$build/bench/bilint_corpus_gen" --out "$work/many" --size "$size" --file-size 1M --seed 1 "$corpus"/*.md
bytes=$(du -cb "$work/one"/*.md | tail -1 | cut -f1)
entries=$(grep -c '^## ' "$work/one"/*.md | awk -F: '{s+=$NF} END {print s}')

measure() {  # name, bilint arguments...
  local name=$1; shift
  local best=999999 rss=0
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$build/bilint" check --select entry,format/invalid-utf8,format/nul-byte,format/bom,format/line-ending "$@" >/dev/null || true
    read -r seconds kb < <(tail -1 "$work/time")
    best=$(awk -v a="$best" -v b="$seconds" 'BEGIN {print (b < a) ? b : a}')
    rss=$kb
  done
  awk -v n="$name" -v s="$best" -v b="$bytes" -v e="$entries" -v r="$rss" 'BEGIN {
    printf "%-28s %8.2f s %9.1f MB/s %12.0f entries/s %8.1f MB peak RSS\n", n, s, b / s / 1e6, e / s, r / 1024 }'
}

echo "input: $bytes bytes, $entries entries; $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
measure "one file, -j1" -j 1 "$work/one"
measure "1 MB files, -j1" -j 1 "$work/many"
measure "1 MB files, -j$(nproc)" "$work/many"
