#!/usr/bin/env python3
"""Lint throughput as processes, the binaries alternating file by file (BENCHMARKS.md, issue 12).

Runs `BINARY lint --format json FILE` for each file of the v0.24 corpus, one process per file, and BuildKit v0.24.0's
Go converter (`dockerfile2llb -f FILE -lint /dev/null -o /dev/null`) for the name `go`; the order rotates with each
file so that a change in the machine's load falls on all of them alike. Prints wall and CPU time (user + system of
the children) per pass, files per second and the ratio to Go.

Usage: scripts/bench-lint-alternating.py [--passes N] NAME=BINARY|go ...
Example: taskset -c 0 scripts/bench-lint-alternating.py --passes 2 ours=out/aot/csharp-frontend go=go
"""
import argparse
import glob
import os
import resource
import subprocess
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser()
parser.add_argument("--passes", type=int, default=2)
parser.add_argument("--corpus", default=os.environ.get("CONFORMANCE_DIR", os.path.join(root, "../shared/conformance-v0.24")))
parser.add_argument("--go", default=os.environ.get("GO_LINTER", os.path.join(root, "../shared/buildkit/v0.24.0/dockerfile2llb")))
parser.add_argument("binaries", nargs="+", metavar="NAME=BINARY")
args = parser.parse_args()

binaries = [b.split("=", 1) for b in args.binaries]
files = sorted(glob.glob(os.path.join(args.corpus, "cases/*/Dockerfile")))
totals = {name: [0.0, 0.0] for name, _ in binaries}
with open(os.devnull, "wb") as null:
    for _ in range(args.passes):
        for i, path in enumerate(files):
            k = i % len(binaries)
            for name, binary in binaries[k:] + binaries[:k]:
                command = [args.go, "-f", path, "-lint", os.devnull, "-o", os.devnull] if binary == "go" else [binary, "lint", "--format", "json", path]
                before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
                subprocess.run(command, stdout=null, stderr=null)
                end, after = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
                totals[name][0] += end - start
                totals[name][1] += (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

count = len(files) * args.passes
print(f"files: {len(files)}, passes: {args.passes}, load: {open('/proc/loadavg').read().split()[:3]}")
go = totals.get(next((n for n, b in binaries if b == "go"), ""), None)
for name, (wall, cpu) in totals.items():
    ratio = f"   ÷ Go: {go[0] / wall:.2f}× wall, {go[1] / cpu:.2f}× CPU" if go and binaries and name != "go" else ""
    print(f"{name:10s} wall {wall / args.passes:6.2f} s/pass {count / wall:7.1f} files/s   CPU {cpu / args.passes:6.2f} s/pass {count / cpu:7.1f} files/CPU-s{ratio}")
