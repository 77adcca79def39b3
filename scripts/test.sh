#!/usr/bin/env bash
# Runs every test project and ends with one line: "N passed, N failed".
# CONFORMANCE_DIR overrides the corpus location (default: ../shared/conformance beside the repository).
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet test Frontend.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # a build or runner failure counts as a failure
fi
echo "$passed passed, $failed failed"
exit "$status"
