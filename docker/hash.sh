#!/bin/sh
# Prints the content hash of the build inputs in docker/ (paths + contents; documentation excluded):
# the sandbox image's tag, fleetbench-sandbox:<hash>.
set -eu
cd "$(dirname "$0")"
find . -type f ! -name '*.md' ! -name '*.swp' ! -name '*~' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12
