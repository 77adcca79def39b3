#!/usr/bin/env bash
# Runs every test project (Release, as set-up builds it, unless -c/--configuration is given) and ends with one line:
# "N skipped, N passed, N failed" (CI reads the line's end), after a note when the end-to-end suite did not run.
# The reference corpora are read in place; each is checked up front (variable, then default beside the repository).
set -uo pipefail
cd "$(dirname "$0")/.."

# One line per reference the tests read (the two corpora, BuildKit v0.24.0's binaries): VARIABLE default-directory. A missing one stops the run before anything builds.
corpora=(
  "CONFORMANCE_DIR ../shared/conformance-v0.24"
  "CONFORMANCE_V011_DIR ../shared/conformance"
  "BUILDKIT_V024_DIR ../shared/buildkit/v0.24.0"
)
missing=0
for entry in "${corpora[@]}"; do
  read -r var default <<<"$entry"
  dir=${!var:-$default}
  want="$dir/cases"
  [ "$var" = BUILDKIT_V024_DIR ] && want="$dir/dockerfile2llb"
  if [ ! -e "$want" ]; then
    echo "error: reference material not found: $want does not exist." >&2
    echo "       Set $var to the directory holding $(basename "$want"), e.g. $var=/path/to/$(basename "$default") bash scripts/test.sh" >&2
    missing=1
  fi
done
if [ "$missing" -ne 0 ]; then
  echo "not run: reference material missing"
  echo "0 skipped, 0 passed, 0 failed"
  exit 2
fi

config=(-c Release)
for arg in "$@"; do
  case "$arg" in -c|--configuration|-c=*|--configuration=*) config=() ;; esac
done

# The parser differential needs a program built from BuildKit's sources (never in CI): left out unless named.
filter=()
if [ -z "${BUILDKIT_PARSER_DUMP:-}${BUILDKIT_PARSER_DUMP_V011:-}" ] && [[ " $* " != *" --filter "* ]]; then
  filter=(--filter "Category!=Differential")
fi

log=$(mktemp)
dotnet test Frontend.sln --nologo "${config[@]}" "${filter[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
sum() { grep -Eo "$1: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}'; }
passed=$(sum Passed)
failed=$(sum Failed)
skipped=$(sum Skipped)
# The e2e project's summary line: did it run at all, and were all its cases skipped (no daemon or image)?
e2e=$(grep -E ' - CSharpFrontend\.E2E\.Tests\.dll' "$log" | tail -1)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # a build or runner failure counts as a failure
fi
note=""
if [ -z "$e2e" ]; then
  note="note: the e2e suite did not run"
elif [[ "$e2e" =~ Passed:\ +0,\ +Skipped:\ +([0-9]+),\ +Total:\ +([0-9]+) ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ]; then
  note="note: the e2e suite was skipped: run scripts/e2e-setup.sh first"
fi
if [ -n "$note" ]; then echo "$note"; fi
echo "$skipped skipped, $passed passed, $failed failed"
exit "$status"
