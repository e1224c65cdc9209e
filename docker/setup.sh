#!/bin/sh
# Runs once at image build time, as root, in both Dockerfiles: Debian toolchains, the sandbox user, config.
set -eu
export DEBIAN_FRONTEND=noninteractive
# openjdk's postinst fails on slim roots without this directory.
mkdir -p /usr/share/man/man1
apt-get update
apt-get install -y --no-install-recommends \
  bash coreutils procps git ca-certificates xz-utils patch make \
  python3 python3-pytest \
  openjdk-17-jdk-headless maven \
  golang-go \
  cargo rustc
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin
useradd -m -u 1000 -U -s /bin/bash agent
mkdir -p /workspace
chown 1000:1000 /workspace
# Read-only dependency caches are mounted at their host paths; ~/.m2/repository of root lives under /root.
chmod 0755 /root
