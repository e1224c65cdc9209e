#!/usr/bin/env bash
# CI fragment for the docker sandbox (called from .ci/run, as root, from the repository root):
#   1. installs docker.io, debootstrap and zstd when missing;
#   2. starts `dockerd --bridge=none --iptables=false` in the background when no daemon answers, and waits for it;
#   3. makes fleetbench-sandbox:<hash of docker/> (+ :latest) available: already built -> reused; cached
#      tarball -> `docker load`; else docker/bootstrap.sh, then `docker save | zstd` into the cache for next time.
# Env: FLEETBENCH_IMAGE_CACHE (default /var/cache/fleetbench), DOCKERD_LOG (default /var/log/fleetbench-dockerd.log).
# Exits non-zero (with the reason) when any step fails; prints timings.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE_DIR=${FLEETBENCH_IMAGE_CACHE:-/var/cache/fleetbench}
DOCKERD_LOG=${DOCKERD_LOG:-/var/log/fleetbench-dockerd.log}
IMAGE=fleetbench-sandbox
t0=$SECONDS
log() { echo "docker-ci: $*"; }

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v zstd >/dev/null || missing+=(zstd)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
fi

if ! docker info >/dev/null 2>&1; then
  log "starting dockerd (log: $DOCKERD_LOG)"
  # setsid + nohup: the daemon outlives this script and the CI step's process group.
  setsid nohup dockerd --bridge=none --iptables=false >"$DOCKERD_LOG" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -n 30 "$DOCKERD_LOG" >&2; log "dockerd did not come up within 60s"; exit 1; }
fi
log "daemon up ($(docker version --format '{{.Server.Version}}'))"

HASH=$(docker/hash.sh)
TARBALL=$CACHE_DIR/$IMAGE-$HASH.tar.zst
if docker image inspect "$IMAGE:$HASH" >/dev/null 2>&1; then
  log "image $IMAGE:$HASH already built"
elif [ -f "$TARBALL" ]; then
  log "loading $TARBALL"
  zstd -dc "$TARBALL" | docker load >/dev/null
else
  log "building $IMAGE:$HASH with docker/bootstrap.sh"
  bash docker/bootstrap.sh
fi
docker tag "$IMAGE:$HASH" "$IMAGE:latest"
if [ ! -f "$TARBALL" ]; then
  mkdir -p "$CACHE_DIR"
  # The base image goes in the same tarball (shared layers stored once): a docker/ change then skips debootstrap.
  base=$(docker image ls --format '{{.Repository}}:{{.Tag}}' fleetbench-base | head -n1)
  docker save "$IMAGE:$HASH" ${base:+"$base"} | zstd -T0 -3 -q -o "$TARBALL.tmp"
  mv "$TARBALL.tmp" "$TARBALL"
  find "$CACHE_DIR" -maxdepth 1 -name "$IMAGE-*.tar.zst" ! -name "$(basename "$TARBALL")" -delete
  log "cached $(du -h "$TARBALL" | cut -f1) in $TARBALL"
fi
log "ready: $IMAGE:$HASH = $IMAGE:latest ($(docker image inspect -f '{{.Size}}' "$IMAGE:$HASH" | awk '{printf "%d MB", $1/1e6}')) in $((SECONDS - t0))s"
