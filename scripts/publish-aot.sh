#!/usr/bin/env bash
# NativeAOT publish of the CLI for linux-x64: out/aot/csharp-frontend (a single native binary).
# Needs clang, zlib and the static libraries of libc and OpenSSL (installed with apt-get when missing). Fails if the
# publish reports any trim/AOT warning (IL2xxx / IL3xxx) unless AOT_ALLOW_WARNINGS=1; the full log is kept in
# out/aot-publish.log.
# Usage: scripts/publish-aot.sh [extra dotnet publish args]
# The binary is a static executable: it needs no shared library at run time.
set -euo pipefail
cd "$(dirname "$0")/.."

# The binary is a static executable (src/Frontend/Startup/README.md): it links libc6-dev's and libssl-dev's static
# libraries.
if ! command -v clang >/dev/null 2>&1 || [ ! -e /usr/include/zlib.h ] || [ ! -e /usr/lib/x86_64-linux-gnu/libssl.a ] || [ ! -e /usr/lib/x86_64-linux-gnu/libc.a ]; then
  echo "publish-aot: installing clang, zlib1g-dev, libssl-dev and libc6-dev" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  packages=(clang zlib1g-dev libssl-dev libc6-dev)
  $sudo apt-get install -y "${packages[@]}" >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "${packages[@]}" >/dev/null; }
fi

rid=linux-x64
out=out/aot
log=out/aot-publish.log
mkdir -p out
rm -rf "$out"
# Force the native compilation (ILC) to run again: an incremental publish that skips it would report no warning.
rm -rf out/aot-build/obj/Frontend/*/native
# Own artifacts path: does not touch the bin/obj folders that the other builds and tests use.
# TrimmerSingleWarn=false: every trim/AOT warning in full, not one IL3053 per assembly.
dotnet publish src/Frontend/Frontend.csproj -c Release -r "$rid" -o "$out" --nologo --artifacts-path out/aot-build \
  -p:PublishAot=true -p:TrimmerSingleWarn=false -p:TreatWarningsAsErrors=false "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  echo "publish-aot: dotnet publish failed ($status)" >&2
  exit "$status"
fi

# Debug symbols are stripped into csharp-frontend.dbg; the referenced projects' .pdb/.xml files are of no use here.
rm -f "$out"/*.pdb "$out"/*.xml
warnings=$(grep -Eo 'warning (IL[0-9]{4}|AOT[0-9]+)[^[]*' "$log" | sort -u || true)
size=$(stat -c %s "$out/csharp-frontend")
echo "publish-aot: $out/csharp-frontend ($size bytes, $(awk -v s="$size" 'BEGIN{printf "%.1f MiB", s/1048576}'))"
if [ -n "$warnings" ]; then
  echo "publish-aot: trim/AOT warnings:" >&2
  echo "$warnings" | cut -c1-400 >&2
  if [ "${AOT_ALLOW_WARNINGS:-0}" != "1" ]; then
    exit 1
  fi
else
  echo "publish-aot: no trim/AOT warnings"
fi
