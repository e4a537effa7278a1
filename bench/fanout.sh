#!/usr/bin/env bash
# fanout-service benchmark. Starts a private suite on free ports and measures:
#   accepted events/s   signed POST /events with wrk (one signature replayed, no idempotency key,
#                       so every request is a new event): an event type nobody subscribes to
#                       (accept only), and one delivered to index-service's /notifications
#                       (accept + SigV4-signed delivery + verification, all on this machine)
#   delivery latency    p50/p99 from the publisher's send to the subscriber's receipt at a fixed
#                       rate (500 events/s by default), with benchmarks' FanoutLatencyProbe: it
#                       publishes signed events and is the webhook receiver, one clock for both
# Targets on a 2-core machine: >= 2,000 accepted events/s; p99 delivery < 50 ms at 500 events/s.
#
#   bench/fanout.sh
#   BENCH_DURATION=30s BENCH_CONNECTIONS=64 BENCH_RATE=500 BENCH_LATENCY_SECONDS=30 bench/fanout.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lock.sh
. "$ROOT/bench/lock.sh"
# shellcheck source=lib.sh
. "$ROOT/bench/lib.sh"
bench_lock
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-1}
WARMUP=${BENCH_WARMUP:-15s}
RATE=${BENCH_RATE:-500}
LATENCY_SECONDS=${BENCH_LATENCY_SECONDS:-20}
LATENCY_WARMUP=${BENCH_LATENCY_WARMUP:-10}

need_package wrk wrk
[ -f "$ROOT/local-redis/target/local-redis.jar" ] \
  && [ -f "$ROOT/fanout-service/target/quarkus-app/quarkus-run.jar" ] \
  && [ -f "$ROOT/benchmarks/target/benchmarks.jar" ] \
  || (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package)

RUN_DIR=$(mktemp -d)
# Every port at once, so no two are the same (one at a time, a port can come back twice).
read -r REDIS_PORT FANOUT_PORT INDEX_PORT RECEIVER_PORT STORES_PORT ADMIN_PORT IDENTITY_PORT \
  SMTP_PORT POP3_PORT INDEX_ADMIN_PORT FANOUT_ADMIN_PORT IDENTITY_ADMIN_PORT \
  <<< "$(java -jar "$ROOT/local-redis/target/local-redis.jar" free-port 12 | tr '\n' ' ')"
CONFIG="$RUN_DIR/bench.properties"
# The suite's settings plus a publishing principal and two benchmark subscriptions.
cat "$ROOT/deploy/local/gatehouse.properties" - > "$CONFIG" <<PROPS
gatehouse.iam.principals.bench.arn=arn:aws:iam::\${gatehouse.account-id}:user/bench
gatehouse.iam.principals.bench.access-key-id=\${GATEHOUSE_BENCH_ACCESS_KEY_ID}
gatehouse.iam.principals.bench.secret-access-key=\${GATEHOUSE_BENCH_SECRET_ACCESS_KEY}
gatehouse.iam.principals.bench.policy={"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:*:*:fanout-service/*/POST/events"}]}
gatehouse.fanout.subscriptions.bench-index.event-type=bench.accepted
gatehouse.fanout.subscriptions.bench-index.kind=webhook
gatehouse.fanout.subscriptions.bench-index.url=http://127.0.0.1:$INDEX_PORT/notifications?channel=bench
gatehouse.fanout.subscriptions.bench-latency.event-type=bench.latency
gatehouse.fanout.subscriptions.bench-latency.kind=webhook
gatehouse.fanout.subscriptions.bench-latency.url=http://127.0.0.1:$RECEIVER_PORT/
PROPS
echo "gatehouse.iam.policy-dir=$ROOT/deploy/local/policies" >> "$CONFIG"
# shellcheck source=../deploy/local/lib.sh
. "$ROOT/deploy/local/lib.sh"
GATEHOUSE_BENCH_ACCESS_KEY_ID="AKIA$(random_base32 16)"
GATEHOUSE_BENCH_SECRET_ACCESS_KEY=$(random_alphanumeric 40)
export GATEHOUSE_BENCH_ACCESS_KEY_ID GATEHOUSE_BENCH_SECRET_ACCESS_KEY
cleanup() {
  set +e
  "$ROOT/deploy/local/down.sh" --run-dir "$RUN_DIR" --quiet
  rm -rf "$RUN_DIR"
  bench_unlock
}
trap cleanup EXIT

echo "bench: starting a private suite (fanout-service on $FANOUT_PORT)" >&2
GATEHOUSE_CONFIG="$CONFIG" "$ROOT/deploy/local/up.sh" --detach --run-dir "$RUN_DIR" \
  --redis-port "$REDIS_PORT" --stores-port "$STORES_PORT" --index-port "$INDEX_PORT" \
  --stores-admin-port "$ADMIN_PORT" --identity-port "$IDENTITY_PORT" --smtp-port "$SMTP_PORT" \
  --pop3-port "$POP3_PORT" --fanout-port "$FANOUT_PORT" --index-admin-port "$INDEX_ADMIN_PORT" \
  --fanout-admin-port "$FANOUT_ADMIN_PORT" --identity-admin-port "$IDENTITY_ADMIN_PORT" >/dev/null
# The password of the launcher's Redis, for redis_int.
. "$RUN_DIR/secrets.env"


# One Redis command over bash's /dev/tcp; prints the integer reply.
redis_int() {
  local line
  redis_open
  printf '%s\r\n' "$*" >&3
  read -r -t 2 line <&3 || true
  exec 3<&- 3>&-
  line=${line%$'\r'}
  echo "${line#:}"
}
# CPU time (user + system, seconds) of a process of the run, from /proc.
jvm_cpu() {
  local stat
  read -r -a stat < "/proc/$(cat "$RUN_DIR/pids/$1.pid")/stat"
  awk -v u="${stat[13]}" -v s="${stat[14]}" -v hz="$(getconf CLK_TCK)" 'BEGIN { print (u + s) / hz }'
}
# Waits until every delivery of the benchmark subscriptions has been settled.
drain() {
  local i
  for ((i = 0; i < 600; i++)); do
    if [ "$(redis_int XLEN '{fanout}:deliveries:bench-index')" = 0 ] \
      && [ "$(redis_int ZCARD '{fanout}:retries')" = 0 ]; then
      return 0
    fi
    sleep 0.5
  done
  echo "bench: deliveries still pending after 5 minutes" >&2
}

mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/fanout-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "fanout-service benchmark  $(date -u +%FT%TZ)  wrk -t$THREADS -c$CONNECTIONS -d$DURATION (warmed $WARMUP); latency at $RATE events/s for ${LATENCY_SECONDS}s"
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); wrk, Redis, the suite and the probe share it"
  printf '%-46s %10s %9s %9s %8s %14s %13s\n' scenario events/s p50_ms p99_ms non2xx fanout_us/evt redis_us/evt
} | tee "$OUT"

SCENARIOS=("accepted, no subscriber|bench.unsubscribed" "accepted + delivered to index-service|bench.accepted")
scenario_env() { # type
  BENCH_BODY="{\"type\":\"$1\",\"source\":\"bench\",\"detail\":{\"orderId\":\"o-1\",\"total\":\"9.50\"}}"
  BENCH_HEADERS=$(sigv4 POST "127.0.0.1:$FANOUT_PORT" /events "$BENCH_BODY")
  export BENCH_METHOD=POST BENCH_BODY BENCH_HEADERS
}
# Warm every scenario first (the JIT compiles the publish and delivery paths), then measure.
for scenario in "${SCENARIOS[@]}"; do
  IFS='|' read -r name type <<< "$scenario"
  scenario_env "$type"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/report.lua" "http://127.0.0.1:$FANOUT_PORT/events" >/dev/null
  drain
done
for scenario in "${SCENARIOS[@]}"; do
  IFS='|' read -r name type <<< "$scenario"
  scenario_env "$type"
  fanout_before=$(jvm_cpu fanout-service); redis_before=$(redis_cpu)
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/report.lua" "http://127.0.0.1:$FANOUT_PORT/events" | grep '^RESULT')
  fanout_after=$(jvm_cpu fanout-service); redis_after=$(redis_cpu)
  field() { sed "s/.*$1=\([^ ]*\).*/\1/" <<< "$line"; }
  requests=$(field requests)
  fus=$(awk -v a="$fanout_after" -v b="$fanout_before" -v n="$requests" 'BEGIN { printf "%.0f", n ? (a - b) * 1e6 / n : 0 }')
  rus=$(awk -v a="$redis_after" -v b="$redis_before" -v n="$requests" 'BEGIN { printf "%.0f", n ? (a - b) * 1e6 / n : 0 }')
  printf '%-46s %10s %9s %9s %8s %14s %13s\n' "POST /events $name" "$(field rps)" "$(field p50)" "$(field p99)" "$(field non2xx)" "$fus" "$rus" | tee -a "$OUT"
  drain
done

echo "bench: delivery latency at $RATE events/s for ${LATENCY_SECONDS}s (after ${LATENCY_WARMUP}s of warm-up)" >&2
probe=$(java -cp "$ROOT/benchmarks/target/benchmarks.jar" dev.gatehouse.benchmarks.FanoutLatencyProbe \
  "http://127.0.0.1:$FANOUT_PORT" "$GATEHOUSE_BENCH_ACCESS_KEY_ID" "$GATEHOUSE_BENCH_SECRET_ACCESS_KEY" \
  "$RECEIVER_PORT" "$RATE" "$LATENCY_SECONDS" bench.latency "$LATENCY_WARMUP") || true
{
  echo
  echo "delivery at a fixed rate (publisher send -> subscriber receipt, signed webhook):"
  sed 's/^/  /' <<< "$probe"
  accepted=$(grep -o 'accepted + delivered[^0-9]*[0-9.]*' "$OUT" | head -1 | awk '{print $NF}')
  bare=$(grep -o 'no subscriber[^0-9]*[0-9.]*' "$OUT" | head -1 | awk '{print $NF}')
  p99=$(sed -n 's/.*delivery_ms p50=[0-9.]* p99=\([0-9.]*\).*/\1/p' <<< "$probe")
  echo
  echo "accepted events/s (no subscriber): $bare; with a signed delivery each: $accepted (target >= 2000)"
  echo "p99 delivery latency at $RATE events/s: ${p99:-n/a} ms (target < 50)"
} | tee -a "$OUT"
echo "saved $OUT"
