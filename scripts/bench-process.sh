#!/usr/bin/env bash
# Process-level measurement of `csharp-frontend translate` (the NativeAOT binary, out/aot/csharp-frontend) on one
# Dockerfile: wall time with hyperfine (median of RUNS runs after warm-up) and peak RSS with /usr/bin/time -v
# (median of 11 runs). GO_TRANSLATOR=/path measures a Go translator the same way (a build of BuildKit v0.11.6's
# examples/dockerfile2llb with an offline image resolver, reading the Dockerfile on stdin: not part of this project).
# Usage: scripts/bench-process.sh [DOCKERFILE]   (default: the 54-line emailservice Dockerfile of the corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CONFORMANCE_DIR:-../shared/conformance}
file=${1:-$corpus/cases/real-GoogleCloudPlatform__microservices-demo__src__emailservice__Dockerfile/Dockerfile}
runs=${RUNS:-40}
ours=out/aot/csharp-frontend
[ -x "$ours" ] || { echo "bench-process: $ours is missing (scripts/publish-aot.sh)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench-process: hyperfine is missing (apt-get install hyperfine)" >&2; exit 1; }

echo "file: $file ($(wc -l <"$file") lines, $(wc -c <"$file") bytes); load: $(cut -d' ' -f1-3 /proc/loadavg)"
commands=("$ours translate $file")
rss_commands=("$ours translate $file")
if [ -n "${GO_TRANSLATOR:-}" ]; then
  commands+=("$GO_TRANSLATOR < $file")
  rss_commands+=("$GO_TRANSLATOR < $file")
fi
# A shell runs every command (for the redirection); hyperfine measures and subtracts its start-up.
hyperfine --warmup 5 --runs "$runs" --export-json out/bench-process.json "${commands[@]/%/ > /dev/null}" >/dev/null
python3 - out/bench-process.json <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    times = sorted(t * 1000 for t in r["times"])
    print(f'{r["command"]}\n  median {statistics.median(times):.1f} ms, min {times[0]:.1f} ms, mean {statistics.mean(times):.1f} ± {statistics.stdev(times):.1f} ms, user {r["user"]*1000:.1f} ms, system {r["system"]*1000:.1f} ms')
PY
for command in "${rss_commands[@]}"; do
  median=$(for _ in $(seq 11); do /usr/bin/time -v sh -c "$command > /dev/null" 2>&1 | awk '/Maximum resident/ {print $6}'; done | sort -n | sed -n 6p)
  echo "$command: peak RSS median $median KB ($(awk -v k="$median" 'BEGIN{printf "%.1f MiB", k/1024}'))"
done
