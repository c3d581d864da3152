#!/usr/bin/env bash
# Two builds of bilint timed against each other on the bench corpus: runs alternate between them
# (A, B, A, B, ...), so that what the host does meanwhile falls on both alike, and the medians are
# compared. On this project's shared virtual machines one build's single runs move by a tenth or
# more from one minute to the next; alternating medians are what the README's before/after figures
# are. `-j1` runs are pinned to one core (taskset), as that target is for one core.
# Usage: bench/compare.sh OLD_BILINT NEW_BILINT [ROUNDS, default 15] [BILINT CHECK ARGS...]
#   e.g. bench/compare.sh /tmp/bilint.before build/ci/bilint 15 -j1
#        bench/compare.sh /tmp/bilint.before build/ci/bilint 15 -j1 --select format/cjk-spacing
# The arguments default to `-j1`; the corpus is bench/run.sh's 10 MB (run it first). The two builds'
# reports are compared byte for byte once first: a faster build that reports differently is not
# the same program.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2; }
old=$1 new=$2
rounds=${3:-15}
shift $(($# > 2 ? 3 : 2))
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-j1)
work=${BILINT_BENCH_DIR:-/tmp/bilint-bench}
[ -d "$work/many" ] || { echo "bench/compare.sh: $work/many is missing; run bench/run.sh first" >&2; exit 2; }
# One job, however it is spelt (-j1, -j 1, --jobs 1, --jobs=1), runs pinned to the last core.
pin=()
if [[ " ${args[*]} " =~ \ (-j\ ?1|--jobs[=\ ]1)\  ]]; then pin=(taskset -c "$(($(nproc) - 1))"); fi

"$old" check "${args[@]}" "$work/many" >"$work/compare.old" 2>&1 || true
"$new" check "${args[@]}" "$work/many" >"$work/compare.new" 2>&1 || true
if ! cmp -s "$work/compare.old" "$work/compare.new"; then
  echo "bench/compare.sh: the two builds report differently (diff $work/compare.old $work/compare.new)" >&2
  exit 1
fi

: >"$work/compare.times"
for _ in $(seq "$rounds"); do
  for which in old new; do
    start=$(date +%s%N)
    "${pin[@]}" "${!which}" check "${args[@]}" "$work/many" >/dev/null 2>&1 || true
    echo "$which $((($(date +%s%N) - start) / 1000))" >>"$work/compare.times"
  done
done
python3 - "$work/compare.times" "$old" "$new" "${args[*]}" <<'PY'
import statistics, sys
times = {"old": [], "new": []}
for line in open(sys.argv[1]):
    which, micros = line.split()
    times[which].append(int(micros) / 1000)
old, new = (statistics.median(times[k]) for k in ("old", "new"))
print(f"bilint check {sys.argv[4]}: medians of {len(times['old'])} alternating runs")
for name, key, median in ((sys.argv[2], "old", old), (sys.argv[3], "new", new)):
    print(f"  {name:<40} {median:8.1f} ms   (min {min(times[key]):.1f}, max {max(times[key]):.1f})")
print(f"  new / old: {new / old:.3f}")
PY
