#!/usr/bin/env bash
# HTTP load benchmark of the running suite with wrk: throughput and p50/p99 latency per route,
# and each route's throughput as a ratio of a baseline measured in the same run (the cheapest
# route the framework serves, GET /q/health/live). Later issues add their authorizers here, each
# compared with the same route unsecured.
#
#   bench/run.sh                 start a private suite on free ports, measure, stop it
#   bench/run.sh --running       measure the suite that deploy/local/up.sh started
#   BENCH_DURATION=30s BENCH_CONNECTIONS=64 BENCH_THREADS=1 bench/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-1}
WARMUP=${BENCH_WARMUP:-5s}
RUNNING=false
[ "${1:-}" = "--running" ] && RUNNING=true

if ! command -v wrk >/dev/null; then
  echo "bench: wrk is missing; installing Debian's package" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null \
    || { echo "bench: install wrk (apt-get install wrk) and retry" >&2; exit 1; }
fi

RUN_DIR="$ROOT/deploy/local/run"
if ! $RUNNING; then
  RUN_DIR=$(mktemp -d)
  port() { java -jar "$ROOT/local-redis/target/local-redis.jar" free-port 2>/dev/null; }
  [ -f "$ROOT/local-redis/target/local-redis.jar" ] || (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl local-redis package)
  "$ROOT/deploy/local/up.sh" --detach --run-dir "$RUN_DIR" \
    --redis-port "$(port)" --index-port "$(port)" --stores-port "$(port)" >/dev/null
  trap '"$ROOT/deploy/local/down.sh" --run-dir "$RUN_DIR" --quiet; rm -rf "$RUN_DIR"' EXIT
fi
CREDENTIALS="$RUN_DIR/credentials.json"
[ -f "$CREDENTIALS" ] || { echo "bench: no suite running ($CREDENTIALS missing); start one with deploy/local/up.sh --detach" >&2; exit 1; }
STORES=$(sed -n 's/.*"stores": *"\([^"]*\)".*/\1/p' "$CREDENTIALS")

# name|method|path|body
SCENARIOS=(
  "baseline GET /q/health/live|GET|/q/health/live|"
  "GET /stores|GET|/stores|"
  "GET /stores/{id}|GET|/stores/par-003|"
  "POST /stores/search query|POST|/stores/search|{\"query\":\"cafe\",\"limit\":8}"
  "POST /stores/search near|POST|/stores/search|{\"near\":{\"lat\":48.8566,\"lon\":2.3522},\"radiusKm\":5,\"limit\":8}"
)

mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "Gatehouse HTTP benchmark  $(date -u +%FT%TZ)  wrk -t$THREADS -c$CONNECTIONS -d$DURATION (warm-up $WARMUP)"
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
  printf '%-34s %10s %9s %9s %8s %8s\n' scenario req/s p50_ms p99_ms ratio non2xx
} | tee "$OUT"

baseline=""
for scenario in "${SCENARIOS[@]}"; do
  IFS='|' read -r name method path body <<< "$scenario"
  export BENCH_METHOD=$method BENCH_BODY=$body BENCH_HEADERS=""
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/report.lua" "$STORES$path" >/dev/null
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/report.lua" "$STORES$path" | grep '^RESULT')
  rps=$(sed 's/.*rps=\([^ ]*\).*/\1/' <<< "$line")
  p50=$(sed 's/.*p50=\([^ ]*\).*/\1/' <<< "$line")
  p99=$(sed 's/.*p99=\([^ ]*\).*/\1/' <<< "$line")
  non2xx=$(sed 's/.*non2xx=\([^ ]*\).*/\1/' <<< "$line")
  [ -n "$baseline" ] || baseline=$rps
  ratio=$(awk -v a="$rps" -v b="$baseline" 'BEGIN { printf "%.2f", a / b }')
  printf '%-34s %10s %9s %9s %8s %8s\n' "$name" "$rps" "$p50" "$p99" "$ratio" "$non2xx" | tee -a "$OUT"
done
echo "saved $OUT"
