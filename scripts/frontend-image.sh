#!/usr/bin/env bash
# Makes the frontend image without pulling anything: the NativeAOT binary (out/aot/csharp-frontend, published by
# scripts/publish-aot.sh when missing or when --publish is given) plus the shared libraries it loads, built with
# Dockerfile.frontend.local by the daemon at DOCKER_HOST.
# Usage: scripts/frontend-image.sh [--publish] [TAG]      (default tag: csharp-frontend:local)
set -euo pipefail
cd "$(dirname "$0")/.."

publish=0
if [ "${1:-}" = "--publish" ]; then publish=1; shift; fi
tag=${1:-csharp-frontend:local}
# Debian's docker CLI: it builds with BuildKit without buildx.
docker=${DOCKER:-/usr/bin/docker}
binary=out/aot/csharp-frontend
if [ "$publish" = 1 ] || [ ! -x "$binary" ]; then
  bash scripts/publish-aot.sh >&2
fi

context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
rootfs=$context/rootfs
mkdir -p "$rootfs/bin" "$rootfs/tmp"
chmod 1777 "$rootfs/tmp"
cp "$binary" "$rootfs/bin/csharp-frontend"
# The shared libraries the binary loads, at the paths it asks for: none for the static executable that
# publish-aot.sh makes (ldd prints no path), libc, libm and the dynamic loader for a dynamic one.
for library in $(ldd "$binary" | grep -Eo '/[^ ]+'); do
  mkdir -p "$rootfs$(dirname "$library")"
  cp -L "$library" "$rootfs$library"
done
cp Dockerfile.frontend.local "$context/Dockerfile"

DOCKER_BUILDKIT=1 "$docker" build -q -t "$tag" "$context" >&2
size=$("$docker" image inspect -f '{{.Size}}' "$tag")
echo "frontend-image: $tag ($size bytes, $(awk -v s="$size" 'BEGIN{printf "%.1f MB", s/1000000}'))" >&2
echo "$tag"
