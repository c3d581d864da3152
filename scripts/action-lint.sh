#!/usr/bin/env bash
# The lint step of the GitHub Action (action.yml): writes the SARIF log, prints the findings as
# GitHub annotations, and sets the step outputs `sarif-file` and `exit-code`. It never fails itself,
# so that the SARIF upload runs; the action's last step fails the job with bilint's exit code.
#
# Environment: BILINT (the binary), INPUT_PATHS, INPUT_CHANGED_ONLY, INPUT_FAIL_LEVEL, INPUT_ARGS,
# INPUT_SARIF_FILE, and GitHub's GITHUB_EVENT_NAME, GITHUB_BASE_REF, GITHUB_OUTPUT.
set -uo pipefail

bilint="${BILINT:-bilint}"
sarif="${INPUT_SARIF_FILE:-bilint.sarif}"
output="${GITHUB_OUTPUT:-/dev/stdout}"
read -r -a paths <<< "${INPUT_PATHS:-.}"
read -r -a extra <<< "${INPUT_ARGS:-}"

args=(check)
if [ -n "${INPUT_FAIL_LEVEL:-}" ]; then args+=(--fail-level "$INPUT_FAIL_LEVEL"); fi

# On a pull request, judge only the lines it changes: from where it left its base branch.
if [ "${GITHUB_EVENT_NAME:-}" = pull_request ] && [ "${INPUT_CHANGED_ONLY:-true}" = true ] &&
   [ -n "${GITHUB_BASE_REF:-}" ]; then
  base="origin/$GITHUB_BASE_REF"
  git rev-parse --verify -q "$base" >/dev/null || base="$GITHUB_BASE_REF"
  if merge_base="$(git merge-base HEAD "$base" 2>/dev/null)"; then
    args+=(--diff-base "$merge_base")
    echo "bilint: reporting findings on lines changed since $base ($merge_base)"
  else
    echo "::warning::bilint: cannot find the base branch $base (check out with fetch-depth: 0); linting everything"
  fi
fi

"$bilint" "${args[@]}" "${extra[@]}" --format sarif -o "$sarif" -- "${paths[@]}"
status=$?
# The same findings as annotations in the job log and on the pull request's files.
"$bilint" "${args[@]}" "${extra[@]}" --format github -- "${paths[@]}" || true

if [ -f "$sarif" ]; then echo "sarif-file=$sarif" >> "$output"; fi
echo "exit-code=$status" >> "$output"
exit 0
