#!/usr/bin/env bash
# System packages the full test suite uses (Debian 12, as root): bubblewrap for the local sandbox's isolation,
# Go for the go scenarios, Chromium for the HTML report test, and JUnit Vintage in the local Maven repository for
# the JUnit 4 -> 5 scenario. Docker's own setup is docker/ci-setup.sh.
# Idempotent: installs only what is missing.
set -euo pipefail
need=()
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
command -v go >/dev/null 2>&1 || need+=(golang-go)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
bash "$(dirname "$0")/install-m2-junit-vintage.sh"
