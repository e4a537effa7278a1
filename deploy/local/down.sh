#!/usr/bin/env bash
# Stops what deploy/local/up.sh started: the balancer and services first, Redis (every cluster node)
# last; its data stays in run/redis.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN_DIR="$ROOT/deploy/local/run"
QUIET=false
# shellcheck source=lib.sh
. "$ROOT/deploy/local/lib.sh"
while [ $# -gt 0 ]; do
  case "$1" in
    --run-dir) need_value down.sh "$@"; RUN_DIR=$(realpath -m -- "$2"); shift ;;
    --quiet) QUIET=true ;;
    -h|--help) echo "usage: deploy/local/down.sh [--run-dir DIR] [--quiet]"; exit 0 ;;
    *) echo "down.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

stop() {
  local name=$1 file="$RUN_DIR/pids/$1.pid" pid i
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
    $QUIET || say "stopped $name (pid $pid)"
  fi
  rm -f "$file"
}

found=false
for file in "$RUN_DIR"/pids/*.pid; do
  [ -f "$file" ] || continue
  found=true
  name=$(basename "$file" .pid)
  case "$name" in redis|redis-node-*) ;; *) stop "$name" ;; esac
done
for file in "$RUN_DIR"/pids/redis.pid "$RUN_DIR"/pids/redis-node-*.pid; do
  if [ -f "$file" ]; then stop "$(basename "$file" .pid)"; fi
done
rm -f "$RUN_DIR/redis.port" "$RUN_DIR/redis.ports" "$RUN_DIR/redis.proxies"
$found || $QUIET || say "nothing to stop in $RUN_DIR"
