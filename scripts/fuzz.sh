#!/usr/bin/env bash
# Fuzzes parse → convert → marshal with afl-fuzz and SharpFuzz (one instance, one core). Not run by CI.
#
#   scripts/fuzz.sh [SECONDS]     fuzz for SECONDS (default 600), resuming fuzz/out/findings when it exists
#
# Builds fuzz/ (Release), instruments the Shell, Parser and Converter assemblies, seeds from the conformance
# corpus's Dockerfiles (CONFORMANCE_DIR, default ../shared/conformance) and fuzz/seeds, and runs afl-fuzz with the Dockerfile
# dictionary. Crashes and hangs land in fuzz/out/findings/default/{crashes,hangs}; reproduce one with
#   dotnet fuzz/out/plain/CSharpFrontend.Fuzz.dll --run FILE      (the uninstrumented build)
# then minimize it (afl-tmin) into tests/fuzz-regressions/ once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
corpus=${CONFORMANCE_DIR:-../shared/conformance}
out=fuzz/out
bin=$out/bin
tools=fuzz/.tools

command -v afl-fuzz >/dev/null || { echo "afl-fuzz is missing (apt-get install afl++)" >&2; exit 1; }
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

rm -rf "$out/plain" "$bin"
dotnet publish fuzz/Fuzz.csproj -c Release -o "$out/plain" --nologo -v quiet
cp -r "$out/plain" "$bin"
for assembly in Shell Parser Converter; do
  "$tools/sharpfuzz" "$bin/CSharpFrontend.$assembly.dll"
done

if [ -d "$out/findings/default/queue" ]; then
  input=-   # resume
else
  input=$out/seeds
  rm -rf "$input" && mkdir -p "$input"
  # Seeds: the corpus's Dockerfiles under 4 KiB (afl works best on small inputs), named by case.
  for dockerfile in "$corpus"/cases/*/Dockerfile; do
    if [ "$(stat -c %s "$dockerfile")" -lt 4096 ]; then
      cp "$dockerfile" "$input/$(basename "$(dirname "$dockerfile")")"
    fi
  done
  # And small instances of the hostile-input generators (tests/Shared/HostileInputs.cs): long cycles, expansion
  # bombs, many RUNs, extreme platforms and digests.
  cp fuzz/seeds/* "$input/"
fi

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1
timeout --signal=INT $((seconds + 120)) \
  afl-fuzz -i "$input" -o "$out/findings" -x fuzz/dockerfile.dict -t 5000 -m none -V "$seconds" \
    -- dotnet "$bin/CSharpFrontend.Fuzz.dll" || true
stats=$out/findings/default/fuzzer_stats
if [ -f "$stats" ]; then
  grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs) ' "$stats"
fi
