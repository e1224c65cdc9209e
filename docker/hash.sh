#!/bin/sh
# Prints the content hash of the image's build inputs in docker/ (paths + contents): the sandbox image's tag,
# fleetbench-sandbox:<hash>. Only what goes into the image counts (not docs, this script or CI glue).
set -eu
cd "$(dirname "$0")"
find Dockerfile Dockerfile.registry bootstrap.sh setup.sh link-node.sh rootfs -type f -print0 \
  | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12
