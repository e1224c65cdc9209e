#!/usr/bin/env bash
# A real OpenAI- and Anthropic-compatible inference server for the real-server model tests
# (test/models/llama-server.test.ts): llama.cpp's llama-server, built from the source that ships inside the npm
# package node-llama-cpp (pinned below; installed into a scratch folder, never as a project dependency), plus a tiny
# random-weight Qwen2-architecture model with the real Qwen2 tokenizer and Qwen2.5's tool-calling chat template.
#
# Output (cached; the script does nothing when both files are already there):
#   ~/.cache/fleetbench/llama-server/<llama.cpp commit>/llama-server
#   ~/.cache/fleetbench/llama-server/<llama.cpp commit>/tiny.gguf
# The test finds them through FLEETBENCH_LLAMA_SERVER_DIR or that default path (it skips, saying why, when absent).
# Building takes about 17 CPU-minutes (run at nice 19 with -j2); the model about 13 s. Needs cmake, g++, git, python3
# with numpy (Debian: python3-numpy). The model maker is scripts/make-random-gguf.py. Offline note: ../shared/notes/llama-server-offline.md.
# Env: FLEETBENCH_CACHE (default ~/.cache/fleetbench), LLAMA_JOBS (default 2).
set -euo pipefail
NODE_LLAMA_CPP_VERSION=3.21.1
LLAMA_COMMIT=80fb11a            # the llama.cpp commit bundled in node-llama-cpp@3.21.1 (checked after install)
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${FLEETBENCH_CACHE:-$HOME/.cache/fleetbench}
OUT="$CACHE/llama-server/$LLAMA_COMMIT"
SCRATCH="$CACHE/llama"
JOBS=${LLAMA_JOBS:-2}
MAKE_GGUF=${FLEETBENCH_MAKE_GGUF:-$HERE/make-random-gguf.py}   # vendored from ../shared/tools
log() { echo "llama-server.sh: $*"; }

if [ -x "$OUT/llama-server" ] && [ -s "$OUT/tiny.gguf" ]; then
  log "cached: $OUT (llama-server, tiny.gguf)"; exit 0
fi
for tool in cmake g++ git python3; do
  command -v "$tool" >/dev/null || { log "missing $tool (fix: apt-get install cmake g++ git python3)" >&2; exit 1; }
done
if ! python3 -c 'import numpy' 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-numpy >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-numpy >/dev/null; }
  else
    log "python3 has no numpy (fix: apt-get install python3-numpy as root)" >&2; exit 1
  fi
fi

# 1. node-llama-cpp (only for its bundled llama.cpp source) into a scratch folder
mkdir -p "$SCRATCH"
BUNDLE="$SCRATCH/node_modules/node-llama-cpp/llama/gitRelease.bundle"
if [ ! -f "$BUNDLE" ] || ! grep -q "\"version\": \"$NODE_LLAMA_CPP_VERSION\"" "$SCRATCH/node_modules/node-llama-cpp/package.json" 2>/dev/null; then
  log "npm install node-llama-cpp@$NODE_LLAMA_CPP_VERSION into $SCRATCH"
  [ -f "$SCRATCH/package.json" ] || echo '{"name":"fleetbench-llama-scratch","private":true}' > "$SCRATCH/package.json"
  (cd "$SCRATCH" && npm install -E --omit=optional --ignore-scripts --no-audit --no-fund --loglevel=error \
     "node-llama-cpp@$NODE_LLAMA_CPP_VERSION")
fi

# 2. the llama.cpp source from the bundle
SRC="$SCRATCH/llama.cpp"
if [ ! -d "$SRC/.git" ]; then
  rm -rf "$SRC"
  git clone -q "$BUNDLE" "$SRC"
fi
commit=$(git -C "$SRC" rev-parse --short=7 HEAD)
if [ "$commit" != "$LLAMA_COMMIT" ]; then
  log "the bundle holds llama.cpp $commit, expected $LLAMA_COMMIT (fix: update LLAMA_COMMIT with NODE_LLAMA_CPP_VERSION)" >&2
  exit 1
fi
mkdir -p "$OUT"

# 3. llama-server (static, no web UI download, no tests/examples)
if [ ! -x "$OUT/llama-server" ]; then
  t0=$(date +%s)
  log "building llama-server at $commit (nice 19, -j$JOBS; about 17 CPU-minutes)"
  nice -n 19 cmake -S "$SRC" -B "$SRC/build" -DCMAKE_BUILD_TYPE=Release -DLLAMA_BUILD_TESTS=OFF \
    -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF -DBUILD_SHARED_LIBS=OFF \
    -DLLAMA_CURL=OFF >/dev/null
  nice -n 19 cmake --build "$SRC/build" --target llama-server -j"$JOBS"
  cp "$SRC/build/bin/llama-server" "$OUT/llama-server.tmp.$$" && mv "$OUT/llama-server.tmp.$$" "$OUT/llama-server"
  log "built $OUT/llama-server in $(( $(date +%s) - t0 ))s wall"
fi

# 4. the tiny random-weight model
if [ ! -s "$OUT/tiny.gguf" ]; then
  nice -n 19 python3 "$MAKE_GGUF" "$SRC" "$OUT/tiny.gguf.tmp.$$" tiny f32
  mv "$OUT/tiny.gguf.tmp.$$" "$OUT/tiny.gguf"
fi
log "ready: $OUT"
