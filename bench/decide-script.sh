#!/usr/bin/env bash
# Redis's own time for the usage-plan decision script (auth-common's usage-plan-decide.lua), alone
# on a private redis-server configured as the launcher's (append-only file on): redis-benchmark
# sends EVALSHA for one key's record and route, deciding 1, 5 and 20 requests per call, and Redis's
# command stats give the microseconds per call. The baseline, measured in the same run on the same
# server with the same arguments, is a script that only returns: what EVALSHA itself costs.
#
#   bench/decide-script.sh
#   BENCH_CALLS=200000 bench/decide-script.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lock.sh
. "$ROOT/bench/lock.sh"
# shellcheck source=lib.sh
. "$ROOT/bench/lib.sh"
bench_lock
CALLS=${BENCH_CALLS:-100000}

need_package redis-tools redis-benchmark redis-cli
[ -f "$ROOT/local-redis/target/local-redis.jar" ] \
  || (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl local-redis package)

JAR="$ROOT/local-redis/target/local-redis.jar"
SERVER=$(java -jar "$JAR" locate)
PORT=$(java -jar "$JAR" free-port)
DIR=$(mktemp -d)
"$SERVER" --port "$PORT" --bind 127.0.0.1 --dir "$DIR" --appendonly yes --save "" \
  --daemonize no > "$DIR/redis.log" 2>&1 &
REDIS_PID=$!
trap 'kill "$REDIS_PID" 2>/dev/null; wait "$REDIS_PID" 2>/dev/null; rm -rf "$DIR"; bench_unlock' EXIT
cli() { redis-cli -p "$PORT" "$@"; }
for _ in $(seq 1 50); do cli PING >/dev/null 2>&1 && break; sleep 0.1; done

# A key's record as ApiKeyProvisioner writes it, in a plan that never throttles nor runs out.
RECORD='{ak:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}:key'
A='a|stores-service|'
cli HSET "$RECORD" created 1763942400 id abcdefghij name benchKey enabled 1 "${A}plan" bench \
  "${A}rate" 1.0E9 "${A}burst" 2000000000 "${A}limit" 2000000000 "${A}offset" 0 "${A}period" MONTH \
  >/dev/null
ARGS=(/stores/GET 0 90)
for scope in "$A" 'a|*|'; do
  for field in plan rate burst limit offset period 'm|/stores/GET|rate' 'm|/stores/GET|burst'; do
    ARGS+=("$scope$field")
  done
done
DECIDE=$(cli SCRIPT LOAD "$(cat "$ROOT/auth-common/src/main/resources/lua/auth-common/usage-plan-decide.lua")")
NOOP=$(cli SCRIPT LOAD 'return 1')

# Microseconds per call Redis spent in a script, over CALLS calls from 8 connections.
per_call() { # sha requests
  cli CONFIG RESETSTAT >/dev/null
  redis-benchmark -p "$PORT" -c 8 -n "$CALLS" -q --csv EVALSHA "$1" 1 "$RECORD" "${ARGS[@]}" "$2" \
    >/dev/null
  cli INFO commandstats | tr -d '\r' | sed -n 's/^cmdstat_evalsha:.*usec_per_call=\([0-9.]*\).*/\1/p'
}

echo "usage-plan-decide.lua on redis-server $("$SERVER" --version | sed -n 's/.*v=\([^ ]*\).*/\1/p'), append-only file on; $CALLS calls per row"
printf '%-34s %12s %16s %14s\n' script us/call us/decision ratio
base=$(per_call "$NOOP" 1)
printf '%-34s %12s %16s %14s\n' "EVALSHA of 'return 1' (baseline)" "$base" - 1.00
for n in 1 5 20; do
  us=$(per_call "$DECIDE" "$n")
  awk -v n="$n" -v us="$us" -v base="$base" \
    'BEGIN { printf "%-34s %12.2f %16.2f %14.1f\n", "decide, " n " request(s) per call", us, us / n, us / base }'
done
