#!/usr/bin/env bash
# Everything the end-to-end suite (tests/E2E.Tests) needs: a Docker daemon (Debian's docker.io, whose builtin
# BuildKit is old, about v0.8) listening on unix:///tmp/dk/docker.sock, the base image e2e-busybox:latest (a
# busybox-static rootfs, imported: nothing is pulled) and our frontend image csharp-frontend:e2e (NativeAOT publish,
# then scripts/frontend-image.sh); then scripts/e2e-buildkit.sh: buildkitd v0.24.0 and the local registry that
# serves both images to it (E2E_BUILDKIT=0 leaves it out). Run as root after scripts/setup.sh. E2E_SKIP_PUBLISH=1
# reuses out/aot.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOCKER_HOST=${E2E_DOCKER_HOST:-unix:///tmp/dk/docker.sock}
docker=${E2E_DOCKER:-/usr/bin/docker}
for tool in dockerd "$docker" /bin/busybox; do
  command -v "$tool" >/dev/null 2>&1 || { echo "e2e-setup: $tool is missing (scripts/setup.sh installs docker.io and busybox-static)" >&2; exit 1; }
done

if ! "$docker" version >/dev/null 2>&1; then
  echo "e2e-setup: starting dockerd on $DOCKER_HOST" >&2
  mkdir -p /tmp/dk
  dockerd --iptables=false --ip6tables=false --data-root /tmp/dk/root --exec-root /tmp/dk/exec \
    -H "$DOCKER_HOST" --pidfile /tmp/dk/docker.pid >/tmp/dk/log 2>&1 &
  for _ in $(seq 60); do
    "$docker" version >/dev/null 2>&1 && break
    sleep 1
  done
  "$docker" version >/dev/null 2>&1 || { echo "e2e-setup: dockerd did not answer; /tmp/dk/log:" >&2; tail -20 /tmp/dk/log >&2; exit 1; }
fi
echo "e2e-setup: docker $("$docker" version --format '{{.Server.Version}}') at $DOCKER_HOST" >&2

# The base image: busybox-static with one link per applet, and the users and groups the cases use.
if ! "$docker" image inspect e2e-busybox:latest >/dev/null 2>&1; then
  rootfs=$(mktemp -d)
  trap 'rm -rf "$rootfs"' EXIT
  mkdir -p "$rootfs/bin" "$rootfs/tmp" "$rootfs/root" "$rootfs/home/app"
  chmod 1777 "$rootfs/tmp"
  chown 1000:1000 "$rootfs/home/app"
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $("$rootfs/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$rootfs/bin/$applet"
  done
  cp -r tests/e2e/base/etc "$rootfs/etc"
  tar -C "$rootfs" -c . | "$docker" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - e2e-busybox:latest >/dev/null
  echo "e2e-setup: imported e2e-busybox:latest" >&2
fi

if [ "${E2E_SKIP_PUBLISH:-0}" = 1 ] && [ -x out/aot/csharp-frontend ]; then
  DOCKER=$docker bash scripts/frontend-image.sh csharp-frontend:e2e >/dev/null
else
  DOCKER=$docker bash scripts/frontend-image.sh --publish csharp-frontend:e2e >/dev/null
fi
if [ "${E2E_BUILDKIT:-1}" != 0 ]; then
  E2E_DOCKER_HOST=$DOCKER_HOST bash scripts/e2e-buildkit.sh >/dev/null
fi
echo "e2e-setup: ready (tests use DOCKER_HOST=$DOCKER_HOST unless E2E_DOCKER_HOST says otherwise)" >&2
