#!/usr/bin/env bash
# Lint throughput over the v0.24 corpus: ours in one process, ours one process per file, BuildKit v0.24.0's Go
# converter with -lint one process per file (BENCHMARKS.md, issue 12). Needs out/aot/csharp-frontend
# (scripts/publish-aot.sh). Usage: scripts/bench-lint.sh
set -u
cd "$(dirname "$0")/.."
corpus=${CONFORMANCE_DIR:-../shared/conformance-v0.24}
ours=${OURS:-out/aot/csharp-frontend}
go=${GO_LINTER:-../shared/buildkit/v0.24.0/dockerfile2llb}
[ -x "$ours" ] || { echo "bench-lint: $ours is missing (scripts/publish-aot.sh)" >&2; exit 1; }
files=( "$corpus"/cases/*/Dockerfile )
echo "files: ${#files[@]}; load: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "ours, one process:     wall %e s, user %U s, sys %S s, max RSS %M KB" "$ours" lint --format json "${files[@]}" > /dev/null
/usr/bin/time -f "ours, process per file: wall %e s, user %U s, sys %S s" bash -c 'for f in "$@"; do "'"$ours"'" lint --format json "$f" > /dev/null; done' _ "${files[@]}"
[ -x "$go" ] && /usr/bin/time -f "Go, process per file:   wall %e s, user %U s, sys %S s" bash -c 'for f in "$@"; do "'"$go"'" -f "$f" -lint /dev/null -o /dev/null 2>/dev/null; done' _ "${files[@]}"
exit 0
