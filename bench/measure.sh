# Sourced by the benchmark scripts from the repository root, after they set $build (the build
# directory): where corpora come from and go, the binary, and measure NAME ARGS..., which runs
# `$bilint check ARGS...` $BILINT_BENCH_RUNS times (default 3) and prints the best wall time as MB/s and entries/s of $bytes
# and $entries, with the peak resident size of that run.
corpus=${BILINT_CORPUS:-../shared/corpus/arxiv-cs-zh}
work=${BILINT_BENCH_DIR:-/tmp/bilint-bench}
bilint="$build/bilint"

measure() {
  local name=$1; shift
  local best=999999 rss=0
  for _ in $(seq "${BILINT_BENCH_RUNS:-3}"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$bilint" check "$@" >/dev/null || true
    read -r seconds kb < <(tail -1 "$work/time")
    if awk -v a="$seconds" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$seconds; rss=$kb; fi
  done
  awk -v n="$name" -v s="$best" -v b="$bytes" -v e="$entries" -v r="$rss" 'BEGIN {
    printf "%-44s %7.2f s %8.1f MB/s %10.0f entries/s %8.1f MB peak\n", n, s, b / s / 1e6, e / s, r / 1024 }'
}
