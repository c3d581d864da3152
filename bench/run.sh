#!/usr/bin/env bash
# Every figure of the README's speed table, in one run on this machine:
#   - default rules and glossary (offline), -j1 and all cores: MB/s, entries/s, peak resident memory;
#     the same in the JSON and SARIF formats;
#   - start-up and check of one small file;
#   - side by side on the same files: autocorrect --lint against bilint with the rules that do
#     autocorrect's job (spacing and punctuation), and zhlint on a smaller input;
#   - glossary matching with 10 to 100,000 terms on the same text, and loading 100,000 terms.
# Usage: bench/run.sh [SIZE, default 10M] [BUILD_DIR, default build/ci]
# Needs hyperfine, and autocorrect-node and zhlint in .tools (npm install --prefix .tools
# autocorrect-node zhlint). Corpora go to $BILINT_BENCH_DIR (default /tmp/bilint-bench), never into
# the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-10M}
build=${2:-build/ci}
source bench/measure.sh  # corpus, work, bilint, measure
tools=.tools/node_modules/.bin

cmake --build "$build" --target bilint bilint_corpus_gen bilint_glossary_gen bilint_bench_terms >/dev/null
rm -rf "$work" && mkdir -p "$work"
"$build/bench/bilint_corpus_gen" --out "$work/many" --size "$size" --file-size 1M --seed 1 "$corpus"/*.md
"$build/bench/bilint_corpus_gen" --out "$work/small" --size 1M --file-size 256K --seed 2 "$corpus"/*.md
bytes=$(du -cb "$work/many"/*.md | tail -1 | cut -f1)
entries=$(cat "$work/many"/*.md | grep -c '^## ')
echo "machine: $(nproc) cores,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2); input: $bytes bytes, $entries entries"

echo
echo "== every offline rule, default glossary"
measure "default rules, -j1" -j 1 "$work/many"
measure "default rules, -j$(nproc)" "$work/many"
measure "default rules, cjk-spacing consistent, -j1" -j 1 \
  --option format/cjk-spacing:policy=consistent "$work/many"
measure "default rules, cjk-spacing consistent, -j$(nproc)" \
  --option format/cjk-spacing:policy=consistent "$work/many"

echo
echo "== the same files in the other formats"
for format in json sarif; do
  measure "$format, -j1" -j 1 --format "$format" "$work/many" 2>/dev/null
  measure "$format, -j$(nproc)" --format "$format" "$work/many" 2>/dev/null
done

echo
echo "== start-up and one small file"
hyperfine -N -i --warmup 3 --runs 30 --style basic "$bilint check fixtures/samples/seed-000.md" 2>/dev/null |
  grep -E 'Time|Range' || true

echo
echo "== side by side: autocorrect --lint vs bilint's spacing and punctuation rules, same files"
typo=format/cjk-spacing,format/halfwidth-punct,format/repeated-punct,format/unmatched-pair
if [ -x "$tools/autocorrect" ]; then
  hyperfine -N -i --warmup 1 --runs 5 --style basic --export-json "$work/peers.json" \
    "$tools/autocorrect --lint $work/many" \
    "$bilint check -j1 --select $typo $work/many" \
    "$bilint check --select $typo $work/many" 2>/dev/null | grep -E '^Benchmark|Time' || true
  python3 - "$work/peers.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
ac = runs[0]["median"]
for r in runs[1:]:
    print(f"  {r['command'].split(' --select')[0].split('/')[-1]:<24} median {r['median']:.3f} s: "
          f"{ac / r['median']:.1f}x autocorrect's {ac:.3f} s")
PY
else
  echo "  autocorrect not found in $tools; npm install --prefix .tools autocorrect-node zhlint"
fi
if [ -x "$tools/zhlint" ]; then
  echo "  zhlint, 1 MB in 4 files (zhlint checks *.md in the working directory):"
  (cd "$work/small" && hyperfine -N -i --runs 3 --style basic \
    "$OLDPWD/$tools/zhlint $(cd "$work/small" && ls *.md | tr '\n' ' ')" \
    "$OLDPWD/$bilint check -j1 --select $typo ." 2>/dev/null | grep -E '^Benchmark|Time') || true
fi

echo
echo "== glossary matching, the same text, 10 to 100,000 terms"
text="$work/matching.md"
cat "$work/many"/*.md > "$text"
specs=()
for n in 10 1000 10000 100000; do
  "$build/bench/bilint_glossary_gen" --terms "$n" --seed 1 "$corpus"/*.md > "$work/g$n.yaml"
  specs+=("$work/g$n.yaml")
done
# Medians of three; the last line is the default glossary and the 100,000 terms together, as a
# team that adds its own glossary to the default would match.
"$build/bench/bilint_bench_terms" "$text" glossary/ai-ml.zh-CN.yaml "${specs[@]}" \
  "glossary/ai-ml.zh-CN.yaml+$work/g100000.yaml" --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true 2>/dev/null |
  awk '/_median/ {
    for (i = 1; i <= NF; ++i) if ($i ~ /^bytes_per_second=/) print $1, $2, $3, $i
    if ($1 ~ /\/g10\.yaml\//) ten = $2
    if ($1 ~ /^[^+]*\/g100000\.yaml\//) hundred_thousand = $2
  }
  END {
    if (ten > 0 && hundred_thousand > 0)
      printf "100,000 terms cost %.2f times as much a byte as 10 (the target is at most 2)\n",
        hundred_thousand / ten
  }' || true

echo
echo "== loading a 100,000-term glossary: a whole run on one seed digest, and its peak memory"
seed=$(ls ../shared/seeds/*.txt | head -1)
hyperfine -N -i -w 1 -r 10 --style basic "$bilint check --glossary $work/g100000.yaml $seed" \
  2>/dev/null | grep -E 'Time' || true
{ /usr/bin/time -f '%M KB peak' "$bilint" check --glossary "$work/g100000.yaml" "$seed" 2>&1 >/dev/null ||
  true; } | tail -1
