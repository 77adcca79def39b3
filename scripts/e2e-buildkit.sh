#!/usr/bin/env bash
# The end-to-end suite's standalone BuildKit daemon, next to the dockerd of scripts/e2e-setup.sh: buildkitd v0.24.0
# from ../shared/buildkit/v0.24.0 beside the repository unless E2E_BUILDKITD / E2E_BUILDCTL name other binaries
# (v0.11.6, say; BuildKit's binaries are never part of this project), a local registry (Debian's docker-registry on
# 127.0.0.1:5000) holding the base image and our frontend image (copied from dockerd), and buildkitd configured with
# that registry as docker.io's mirror, so `FROM e2e-busybox` and `--opt source=csharp-frontend:e2e` resolve as they
# do on dockerd. Run as root after the images exist in dockerd. Prints the variables the tests read; the tests
# default to the same values (E2E_BUILDCTL, E2E_BUILDKIT_ADDR).
set -euo pipefail
cd "$(dirname "$0")/.."

buildkitd=${E2E_BUILDKITD:-../shared/buildkit/v0.24.0/buildkitd}
buildctl=${E2E_BUILDCTL:-../shared/buildkit/v0.24.0/buildctl}
state=${E2E_BUILDKIT_STATE:-/tmp/e2e-buildkit}
address=${E2E_BUILDKIT_ADDR:-unix://$state/buildkitd.sock}
registry=127.0.0.1:5000
export DOCKER_HOST=${E2E_DOCKER_HOST:-unix:///tmp/dk/docker.sock}
for tool in "$buildkitd" "$buildctl"; do
  [ -x "$tool" ] || { echo "e2e-buildkit: $tool is missing (set E2E_BUILDKITD and E2E_BUILDCTL)" >&2; exit 1; }
done
for tool in docker-registry skopeo runc curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "e2e-buildkit: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done
mkdir -p "$state"

if ! curl -fsS "http://$registry/v2/" >/dev/null 2>&1; then
  cat > "$state/registry.yml" <<YAML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $state/registry
http:
  addr: $registry
YAML
  docker-registry serve "$state/registry.yml" </dev/null >"$state/registry.log" 2>&1 &
  for _ in $(seq 40); do curl -fsS "http://$registry/v2/" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "http://$registry/v2/" >/dev/null || { echo "e2e-buildkit: the registry did not answer; $state/registry.log:" >&2; tail -5 "$state/registry.log" >&2; exit 1; }
fi

for image in e2e-busybox:latest csharp-frontend:e2e; do
  skopeo copy -q --src-daemon-host "$DOCKER_HOST" --dest-tls-verify=false \
    "docker-daemon:$image" "docker://$registry/library/$image"
done

if ! "$buildctl" --addr "$address" debug workers >/dev/null 2>&1; then
  cat > "$state/buildkitd.toml" <<TOML
root = "$state/root"
[grpc]
  address = ["$address"]
[registry."$registry"]
  http = true
  insecure = true
[registry."docker.io"]
  mirrors = ["$registry"]
[worker.oci]
  enabled = true
  snapshotter = "overlayfs"
[worker.containerd]
  enabled = false
TOML
  # Restarted when it dies: v0.11.6's builtin frontend can panic (provenanceBridge.ResolveImageConfig).
  (while true; do
     "$buildkitd" --config "$state/buildkitd.toml" >>"$state/buildkitd.log" 2>&1 || true
     [ -e "$state/stop" ] && break
     sleep 1
   done) </dev/null >/dev/null 2>&1 &
  echo $! > "$state/supervisor.pid"
  for _ in $(seq 60); do "$buildctl" --addr "$address" debug workers >/dev/null 2>&1 && break; sleep 1; done
fi
"$buildctl" --addr "$address" debug workers >/dev/null \
  || { echo "e2e-buildkit: buildkitd did not answer at $address; $state/buildkitd.log:" >&2; tail -20 "$state/buildkitd.log" >&2; exit 1; }
echo "e2e-buildkit: $("$buildkitd" --version) at $address" >&2
echo "export E2E_BUILDCTL=$(realpath "$buildctl") E2E_BUILDKIT_ADDR=$address"
