#!/usr/bin/env bash
# BenchmarkDotNet benchmarks over the shared conformance corpus (Release build, in its own artifacts folder).
#   scripts/bench.sh               every benchmark (parse, convert+marshal, marshal): a few minutes
#   scripts/bench.sh --filter '*Parse*'   any BenchmarkDotNet arguments
#   scripts/bench.sh --info        the corpus that would be measured
#   scripts/bench.sh --quick [s]   a plain timing loop, s seconds per workload: wall and CPU time per pass
#   scripts/bench.sh --exceptions  where exceptions are thrown (and caught) while parsing and converting the corpus
#   scripts/bench.sh --loop parse|convert|marshal SECONDS   one workload in a loop, for a profiler:
#     dotnet-trace collect --profile dotnet-sampled-thread-time --format speedscope -o out/convert.nettrace -- \
#       dotnet out/bench-build/bin/Benchmarks/release/CSharpFrontend.Benchmarks.dll --loop convert 20
# CONFORMANCE_DIR overrides the corpus location (default: ../shared/conformance beside the repository).
# Reports: out/bench/results/*-report-github.md (and .csv, .html).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build benchmarks/Benchmarks.csproj -c Release --nologo -v q --artifacts-path out/bench-build
dll=out/bench-build/bin/Benchmarks/release/CSharpFrontend.Benchmarks.dll
if [ "$#" -eq 0 ]; then
  set -- --filter '*'
fi
case "$1" in --info|--quick|--exceptions|--loop)
    exec dotnet "$dll" "$@" ;;
esac
exec dotnet "$dll" --artifacts out/bench "$@"
