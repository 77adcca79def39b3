#!/usr/bin/env bash
# Set-up on a fresh machine: the tools some tests drive as processes (when apt-get is there and we are root),
# the .NET SDK check, and a restore of every project's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

# graphviz renders `dump --dot`; docker-registry and skopeo give `resolve` a local registry; docker.io and
# busybox-static are the end-to-end suite's daemon and base image (scripts/e2e-setup.sh), runc and curl what its
# buildkitd needs (scripts/e2e-buildkit.sh); clang, zlib1g-dev and libssl-dev (OpenSSL's static libraries) make
# the NativeAOT binary, a static executable. apt waits up to 10
# minutes for the dpkg lock (unattended upgrades on a fresh machine) instead of failing. Without them those tests
# skip with a message; everything else still runs.
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=()
  command -v dot >/dev/null 2>&1 || missing+=(graphviz)
  [ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
  command -v skopeo >/dev/null 2>&1 || missing+=(skopeo)
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  command -v runc >/dev/null 2>&1 || missing+=(runc)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v clang >/dev/null 2>&1 || missing+=(clang)
  [ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
  [ -e /usr/lib/x86_64-linux-gnu/libssl.a ] || missing+=(libssl-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    (apt-get -o DPkg::Lock::Timeout=600 update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}") >/tmp/setup-apt.log 2>&1 \
      || echo "setup: apt-get install ${missing[*]} failed (see /tmp/setup-apt.log); dependent tests will skip"
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 1
fi
echo "setup: dotnet $(dotnet --version)"
dotnet restore Frontend.sln
