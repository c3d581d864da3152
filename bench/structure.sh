#!/usr/bin/env bash
# Throughput of the structure checks (parser, entry/ rules and the encoding rules of format/) on the shared corpus
# concatenated to one large file, and on the same bytes split into many files, with -j1 and all cores.
# Usage: bench/structure.sh [SIZE, default 100M] [BUILD_DIR, default build/ci]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100M}
build=${2:-build/ci}
source bench/measure.sh  # corpus, work, bilint, measure

cmake --build "$build" --target bilint bilint_corpus_gen >/dev/null
rm -rf "$work" && mkdir -p "$work"
"$build/bench/bilint_corpus_gen" --out "$work/one" --size "$size" --seed 1 "$corpus"/*.md
"$build/bench/bilint_corpus_gen" --out "$work/many" --size "$size" --file-size 1M --seed 1 "$corpus"/*.md
bytes=$(du -cb "$work/one"/*.md | tail -1 | cut -f1)
entries=$(grep -c '^## ' "$work/one"/*.md | awk -F: '{s+=$NF} END {print s}')
structure=(--select entry,format/invalid-utf8,format/nul-byte,format/bom,format/line-ending)

echo "input: $bytes bytes, $entries entries; $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
measure "one file, -j1" "${structure[@]}" -j 1 "$work/one"
measure "1 MB files, -j1" "${structure[@]}" -j 1 "$work/many"
measure "1 MB files, -j$(nproc)" "${structure[@]}" "$work/many"
