#!/usr/bin/env bash
# Optional second daemon for the end-to-end suite: a standalone buildkitd (v0.11.6, the version whose LLB we
# reproduce) next to the dockerd of scripts/e2e-setup.sh. BuildKit's binaries are not part of this project: pass
# your own with BUILDKITD=/path/to/buildkitd BUILDCTL=/path/to/buildctl. Images reach buildkitd through a local
# registry (Debian's docker-registry on 127.0.0.1:5000) configured as docker.io's mirror, so `FROM e2e-busybox`
# and `# syntax=csharp-frontend:e2e` resolve as they do on dockerd. Prints the variables the tests read.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${BUILDKITD:?set BUILDKITD to a buildkitd binary}" "${BUILDCTL:?set BUILDCTL to a buildctl binary}"
state=${E2E_BUILDKIT_STATE:-/tmp/bkd}
address=unix://$state/buildkitd.sock
registry=127.0.0.1:5000
export DOCKER_HOST=${E2E_DOCKER_HOST:-unix:///tmp/dk/docker.sock}
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
  docker-registry serve "$state/registry.yml" >"$state/registry.log" 2>&1 &
  for _ in $(seq 20); do curl -fsS "http://$registry/v2/" >/dev/null 2>&1 && break; sleep 0.5; done
fi

for image in e2e-busybox:latest csharp-frontend:e2e; do
  skopeo copy -q --src-daemon-host "$DOCKER_HOST" --dest-tls-verify=false \
    "docker-daemon:$image" "docker://$registry/library/$image"
done

if ! "$BUILDCTL" --addr "$address" debug workers >/dev/null 2>&1; then
  cat > "$state/buildkitd.toml" <<TOML
[registry."$registry"]
  http = true
  insecure = true
[registry."docker.io"]
  mirrors = ["$registry"]
[worker.oci]
  enabled = true
[worker.containerd]
  enabled = false
TOML
  # Restarted when it dies: v0.11.6's builtin frontend can panic (provenanceBridge.ResolveImageConfig).
  (while true; do
     "$BUILDKITD" --root "$state/root" --addr "$address" --config "$state/buildkitd.toml" >>"$state/buildkitd.log" 2>&1
     sleep 1
   done) &
  for _ in $(seq 30); do "$BUILDCTL" --addr "$address" debug workers >/dev/null 2>&1 && break; sleep 1; done
fi
"$BUILDCTL" --addr "$address" debug workers >/dev/null
echo "export E2E_BUILDCTL=$BUILDCTL E2E_BUILDKIT_ADDR=$address"
