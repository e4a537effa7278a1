#!/usr/bin/env bash
# HTTP load benchmark with wrk. Starts a private suite on free ports (plus a second
# stores-service with the API-key check disabled), and measures in one run:
#   baseline   GET /q/health/live           the cheapest route the framework serves
#   unkeyed    GET /stores, check disabled  the same route without the usage-plan check
#   keyed      GET /stores with x-api-key   API key + usage plan (throttle, quota, daily usage)
#   and GET /stores/{id}, POST /stores/search (query, near)
# Prints req/s, p50/p99 latency, each throughput as a ratio of the baseline, keyed/unkeyed, and
# the Redis round trips the usage-plan check adds per request (from Redis's own command stats).
#
#   bench/run.sh
#   BENCH_DURATION=30s BENCH_CONNECTIONS=64 BENCH_THREADS=1 bench/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-1}
WARMUP=${BENCH_WARMUP:-5s}

if ! command -v wrk >/dev/null; then
  echo "bench: wrk is missing; installing Debian's package" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null \
    || { echo "bench: install wrk (apt-get install wrk) and retry" >&2; exit 1; }
fi
[ -f "$ROOT/local-redis/target/local-redis.jar" ] && [ -f "$ROOT/stores-service/target/quarkus-app/quarkus-run.jar" ] \
  || (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package)

RUN_DIR=$(mktemp -d)
port() { java -jar "$ROOT/local-redis/target/local-redis.jar" free-port; }
REDIS_PORT=$(port); STORES_PORT=$(port); UNKEYED_PORT=$(port)
CONFIG="$RUN_DIR/bench.properties"
# The suite's own settings plus a plan that never throttles, so wrk measures the check's cost.
cat "$ROOT/deploy/local/gatehouse.properties" - > "$CONFIG" <<'PROPS'
gatehouse.usage-plans.bench.throttle.burst-limit=2000000000
gatehouse.usage-plans.bench.throttle.rate-limit=1000000000
gatehouse.usage-plans.bench.quota.limit=2000000000
gatehouse.usage-plans.bench.quota.period=MONTH
gatehouse.api-keys.benchKey.plan=bench
gatehouse.api-keys.benchKey.value=${GATEHOUSE_BENCH_API_KEY}
PROPS
# shellcheck source=../deploy/local/lib.sh
. "$ROOT/deploy/local/lib.sh"
GATEHOUSE_BENCH_API_KEY=$(random_alphanumeric 40)
export GATEHOUSE_BENCH_API_KEY
cleanup() {
  set +e
  # down.sh stops every process with a pid file in the run dir, the unkeyed instance included.
  "$ROOT/deploy/local/down.sh" --run-dir "$RUN_DIR" --quiet
  rm -rf "$RUN_DIR"
}
trap cleanup EXIT

GATEHOUSE_CONFIG="$CONFIG" "$ROOT/deploy/local/up.sh" --detach --run-dir "$RUN_DIR" \
  --redis-port "$REDIS_PORT" --stores-port "$STORES_PORT" --index-port "$(port)" \
  --stores-admin-port "$(port)" >/dev/null
QUARKUS_HTTP_PORT=$UNKEYED_PORT QUARKUS_MANAGEMENT_PORT=$(port) GATEHOUSE_CONFIG="$CONFIG" \
  QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$REDIS_PORT" GATEHOUSE_METERING_ENABLED=false \
  start_process unkeyed "$RUN_DIR" java -jar "$ROOT/stores-service/target/quarkus-app/quarkus-run.jar" >/dev/null
wait_for_ready unkeyed "$UNKEYED_PORT" "$RUN_DIR" 90 >/dev/null || { tail "$RUN_DIR/logs/unkeyed.log"; exit 1; }

# Total EVALSHA/EVAL calls Redis has served (the catalogue's reads and the usage-plan check).
script_calls() {
  local line total=0
  exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT"
  printf 'INFO commandstats\r\n' >&3
  while read -r -t 1 line <&3; do
    case "$line" in
      cmdstat_evalsha:*|cmdstat_eval:*) line=${line#*calls=}; total=$((total + ${line%%,*})) ;;
    esac
  done
  exec 3<&- 3>&-
  echo "$total"
}

# name|port|method|path|body|api key
S="http://127.0.0.1"
SCENARIOS=(
  "baseline GET /q/health/live|$STORES_PORT|GET|/q/health/live||"
  "GET /stores unkeyed (check off)|$UNKEYED_PORT|GET|/stores||"
  "GET /stores keyed|$STORES_PORT|GET|/stores||$GATEHOUSE_BENCH_API_KEY"
  "GET /stores/{id} keyed|$STORES_PORT|GET|/stores/par-003||$GATEHOUSE_BENCH_API_KEY"
  "POST /stores/search query|$STORES_PORT|POST|/stores/search|{\"query\":\"cafe\",\"limit\":8}|"
  "POST /stores/search near|$STORES_PORT|POST|/stores/search|{\"near\":{\"lat\":48.8566,\"lon\":2.3522},\"radiusKm\":5,\"limit\":8}|"
)

mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/http-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "Gatehouse HTTP benchmark  $(date -u +%FT%TZ)  wrk -t$THREADS -c$CONNECTIONS -d$DURATION (warm-up $WARMUP)"
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); wrk, Redis and the services share it"
  printf '%-34s %10s %9s %9s %8s %8s %12s\n' scenario req/s p50_ms p99_ms ratio non2xx scripts/req
} | tee "$OUT"

declare -A RPS SPR
baseline=""
for scenario in "${SCENARIOS[@]}"; do
  IFS='|' read -r name port method path body key <<< "$scenario"
  export BENCH_METHOD=$method BENCH_BODY=$body BENCH_HEADERS=${key:+x-api-key:$key}
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/report.lua" "$S:$port$path" >/dev/null
  before=$(script_calls)
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/report.lua" "$S:$port$path" | grep '^RESULT')
  after=$(script_calls)
  field() { sed "s/.*$1=\([^ ]*\).*/\1/" <<< "$line"; }
  rps=$(field rps); p50=$(field p50); p99=$(field p99); non2xx=$(field non2xx); requests=$(field requests)
  [ -n "$baseline" ] || baseline=$rps
  ratio=$(awk -v a="$rps" -v b="$baseline" 'BEGIN { printf "%.2f", a / b }')
  # Scripts per request; a few extra calls (health checks) are noise below 0.01.
  spr=$(awk -v d="$((after - before))" -v n="$requests" 'BEGIN { printf "%.2f", n ? d / n : 0 }')
  RPS[$name]=$rps; SPR[$name]=$spr
  printf '%-34s %10s %9s %9s %8s %8s %12s\n' "$name" "$rps" "$p50" "$p99" "$ratio" "$non2xx" "$spr" | tee -a "$OUT"
done
keyed=${RPS["GET /stores keyed"]}; unkeyed=${RPS["GET /stores unkeyed (check off)"]}
{
  awk -v k="$keyed" -v u="$unkeyed" 'BEGIN { printf "\nGET /stores keyed / unkeyed throughput: %.2f (target >= 0.85)\n", k / u }'
  awk -v k="${SPR["GET /stores keyed"]}" -v u="${SPR["GET /stores unkeyed (check off)"]}" \
    'BEGIN { printf "Redis round trips the usage-plan check adds per request: %.2f (target 1)\n", k - u }'
} | tee -a "$OUT"
echo "saved $OUT"
