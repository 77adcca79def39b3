#!/usr/bin/env bash
# Mutation testing with Stryker.NET (the dotnet-stryker version pinned in .config/dotnet-tools.json), one scope at a
# time, single-threaded by default (the machine has 2 cores). Not part of CI's default run.
#
#   bash scripts/mutation.sh SCOPE [--since[=REF]] [--concurrency N] [other dotnet-stryker options]
#   bash scripts/mutation.sh all   [--since[=REF]]
#
# SCOPE is one of the files in stryker/ (shell, flags, dockerfile, marshal, lint, gateway-options): each names the
# project, the test project, the files to mutate and the test-case filter (the slow corpus-wide theories that add
# nothing over the per-case ones are left out). --since mutates only the files changed since REF (default main).
# Reports go to StrykerOutput/SCOPE/ (reports/mutation-report.html, .json, .md); the score is printed last.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
scope=$1; shift

scopes=()
for f in stryker/*.json; do scopes+=("$(basename "$f" .json)"); done
if [ "$scope" = all ]; then
  selected=("${scopes[@]}")
elif [ -f "stryker/$scope.json" ]; then
  selected=("$scope")
else
  echo "error: unknown scope '$scope' (one of: ${scopes[*]}, all)" >&2
  exit 2
fi

extra=()
concurrency=1
while [ $# -gt 0 ]; do
  case "$1" in
    --since) extra+=("--since:main") ;;
    --since=*) extra+=("--since:${1#--since=}") ;;
    --since:*) extra+=("$1") ;;
    --concurrency|-c) concurrency=$2; shift ;;
    *) extra+=("$1") ;;
  esac
  shift
done
case "$concurrency" in 1|2) ;; *) echo "error: --concurrency is 1 or 2 on this machine" >&2; exit 2 ;; esac

dotnet tool restore >/dev/null || { echo "error: dotnet tool restore failed" >&2; exit 1; }

status=0
for s in "${selected[@]}"; do
  out="$root/StrykerOutput/$s"
  rm -rf "$out"
  mkdir -p "$out"
  echo "== mutation scope $s (stryker/$s.json)"
  # Run from stryker/: Stryker refuses test projects next to a solution file.
  (cd stryker && dotnet stryker --config-file "$s.json" --output "$out" --concurrency "$concurrency" \
      --skip-version-check "${extra[@]}") 2>&1 | tee "$out/stryker.log"
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || status=$rc
  score=$(grep -Eo 'final mutation score is [0-9.]+ ?%' "$out/stryker.log" | tail -1)
  echo "== $s: ${score:-no score (see $out/stryker.log)}"
done
exit "$status"
