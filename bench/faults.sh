#!/usr/bin/env bash
# Faults under load, measured. Starts a private `deploy/local/up.sh --cluster` (Redis Cluster of 3
# masters + 3 replicas, 3 stores-service and 2 fanout-service instances behind HAProxy) on free
# ports, drives signed + keyed GET /stores through the balancer and signed events through it at
# fixed rates (benchmarks' FaultLoadDriver, which is also the webhook the events are delivered to),
# and applies, one after another with recovery in between:
#   1 redis-master-kill    SIGKILL the master holding the active quota key's slot (replica promoted)
#   2 redis-master-stop    SIGSTOP that slot's master for 5 s, then SIGCONT
#   3 stores-instance-kill SIGKILL stores-service-2, start it again after 5 s
#   4 fanout-instance-kill SIGKILL fanout-service-1 while deliveries are in flight, start it again
#   5 redis-restart        stop every Redis node (SIGTERM) and start them again from their AOFs
#   6 redis-latency        50 ms each way between the services and Redis for 10 s: this kernel has
#                          no sch_netem, so every node sits behind a latency-injecting TCP proxy
#                          (benchmarks' LatencyProxy; nodes announce its ports) when fault 6 runs
# Writes bench/results/faults-<time>/: report.json, table.txt, timeline.dat and fault-N.png /
# timeline.png (gnuplot), and prints the fault table.
#
#   bench/faults.sh                       # every fault
#   FAULTS_ONLY="1 3 4" FAULTS_RECOVERY=15 bench/faults.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lock.sh
. "$ROOT/bench/lock.sh"
# shellcheck source=lib.sh
. "$ROOT/bench/lib.sh"
ONLY=${FAULTS_ONLY:-1 2 3 4 5 6}
WARMUP=${FAULTS_WARMUP:-30}
RECOVERY=${FAULTS_RECOVERY:-25}
DOWN_SECONDS=${FAULTS_DOWN_SECONDS:-5}
LATENCY_MS=${FAULTS_LATENCY_MS:-50}
LATENCY_SECONDS=${FAULTS_LATENCY_SECONDS:-10}
BULK_RATE=${FAULTS_BULK_RATE:-60}
EVENT_RATE=${FAULTS_EVENT_RATE:-20}
OUT=${FAULTS_OUT:-$ROOT/bench/results/faults-$(date -u +%Y%m%dT%H%M%SZ)}

bench_lock
need_package gnuplot-nox gnuplot
need_package redis-tools redis-cli
[ -f "$ROOT/benchmarks/target/benchmarks.jar" ] \
  || (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package)

RUN_DIR=$(mktemp -d)
mkdir -p "$OUT"
read -r INDEX_PORT STORES_PORT ADMIN_PORT FANOUT_PORT IDENTITY_PORT SMTP_PORT POP3_PORT REDIS_PORT \
  RECEIVER_PORT <<< "$(java -jar "$ROOT/local-redis/target/local-redis.jar" free-port 9 | tr '\n' ' ')"
# shellcheck source=../deploy/local/lib.sh
. "$ROOT/deploy/local/lib.sh"
# shellcheck source=../deploy/local/cluster.sh
. "$ROOT/deploy/local/cluster.sh"
GATEHOUSE_BENCH_ACCESS_KEY_ID="AKIA$(random_base32 16)"
GATEHOUSE_BENCH_SECRET_ACCESS_KEY=$(random_alphanumeric 40)
export GATEHOUSE_BENCH_ACCESS_KEY_ID GATEHOUSE_BENCH_SECRET_ACCESS_KEY
declare -A KEY=()
for name in bulk closed throttle quota1 quota2 quota3 quota4 quota5 quota6 unknown; do
  KEY[$name]=$(random_alphanumeric 40)
done
QUOTA=${FAULTS_QUOTA:-150}
CONFIG="$RUN_DIR/faults.properties"
{
  cat "$ROOT/deploy/local/gatehouse.properties"
  cat <<PROPS
gatehouse.iam.policy-dir=$ROOT/deploy/local/policies
gatehouse.iam.principals.bench.arn=arn:aws:iam::\${gatehouse.account-id}:user/bench
gatehouse.iam.principals.bench.access-key-id=\${GATEHOUSE_BENCH_ACCESS_KEY_ID}
gatehouse.iam.principals.bench.secret-access-key=\${GATEHOUSE_BENCH_SECRET_ACCESS_KEY}
gatehouse.iam.principals.bench.policy={"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":["arn:aws:execute-api:*:*:stores-service/*/GET/stores*","arn:aws:execute-api:*:*:fanout-service/*/POST/events"]}]}
gatehouse.usage-plans.f-bulk.throttle.burst-limit=100000
gatehouse.usage-plans.f-bulk.throttle.rate-limit=100000
gatehouse.usage-plans.f-closed.throttle.burst-limit=100000
gatehouse.usage-plans.f-closed.throttle.rate-limit=100000
gatehouse.usage-plans.f-closed.redis-unavailable=fail-closed
gatehouse.usage-plans.f-throttle.throttle.burst-limit=10
gatehouse.usage-plans.f-throttle.throttle.rate-limit=5
gatehouse.usage-plans.f-throttle.redis-unavailable=fail-closed
gatehouse.usage-plans.f-quota.quota.limit=$QUOTA
gatehouse.usage-plans.f-quota.quota.period=MONTH
gatehouse.usage-plans.f-quota.throttle.burst-limit=100000
gatehouse.usage-plans.f-quota.throttle.rate-limit=100000
gatehouse.usage-plans.f-quota.redis-unavailable=fail-closed
gatehouse.api-keys.fBulk.plan=f-bulk
gatehouse.api-keys.fBulk.value=${KEY[bulk]}
gatehouse.api-keys.fClosed.plan=f-closed
gatehouse.api-keys.fClosed.value=${KEY[closed]}
gatehouse.api-keys.fThrottle.plan=f-throttle
gatehouse.api-keys.fThrottle.value=${KEY[throttle]}
gatehouse.fanout.subscriptions.faults-probe.event-type=faults.probe
gatehouse.fanout.subscriptions.faults-probe.kind=webhook
gatehouse.fanout.subscriptions.faults-probe.url=http://127.0.0.1:$RECEIVER_PORT/
gatehouse.fanout.subscriptions.faults-probe.max-attempts=20
gatehouse.fanout.subscriptions.faults-probe.max-backoff=5s
PROPS
  for i in 1 2 3 4 5 6; do
    echo "gatehouse.api-keys.fQuota$i.plan=f-quota"
    echo "gatehouse.api-keys.fQuota$i.value=${KEY[quota$i]}"
  done
} > "$CONFIG"

DRIVER_PID=""
cleanup() {
  set +e
  [ -n "$DRIVER_PID" ] && kill "$DRIVER_PID" 2>/dev/null
  "$ROOT/deploy/local/down.sh" --run-dir "$RUN_DIR" --quiet
  cp "$RUN_DIR"/logs/*.log "$OUT/" 2>/dev/null
  rm -rf "$RUN_DIR"
  bench_unlock
}
trap cleanup EXIT

# Fault 6 puts a latency proxy in front of every Redis node for the whole run (see cluster.sh);
# the file holds its delay in ms, 0 until the fault.
LATENCY_FILE=""
if [[ " $ONLY " == *" 6 "* ]]; then
  LATENCY_FILE="$RUN_DIR/redis-latency-ms"
  echo 0 > "$LATENCY_FILE"
  export GATEHOUSE_REDIS_LATENCY_FILE="$LATENCY_FILE"
fi

say "starting the clustered suite (logs are copied to $OUT)"
GATEHOUSE_CONFIG="$CONFIG" "$ROOT/deploy/local/up.sh" --cluster --detach --run-dir "$RUN_DIR" \
  --index-port "$INDEX_PORT" --stores-port "$STORES_PORT" --stores-admin-port "$ADMIN_PORT" \
  --fanout-port "$FANOUT_PORT" --identity-port "$IDENTITY_PORT" --smtp-port "$SMTP_PORT" \
  --pop3-port "$POP3_PORT" --redis-port "$REDIS_PORT" > "$OUT/up.log" 2>&1 \
  || { tail -n 30 "$OUT/up.log" >&2; exit 1; }
# The password every node requires (cluster_cli reads it).
GATEHOUSE_REDIS_PASSWORD=$(sed -n 's/^GATEHOUSE_REDIS_PASSWORD=//p' "$RUN_DIR/secrets.env")

CONTROL="$OUT/control"
: > "$CONTROL"
cat > "$RUN_DIR/driver.properties" <<PROPS
stores.url=http://127.0.0.1:$STORES_PORT
fanout.url=http://127.0.0.1:$FANOUT_PORT
receiver.port=$RECEIVER_PORT
events.rate=$EVENT_RATE
control.file=$CONTROL
out.dir=$OUT
class.bulk.key=${KEY[bulk]}
class.bulk.rate=$BULK_RATE
class.closed.key=${KEY[closed]}
class.closed.rate=10
class.closed.policy=fail-closed
class.throttle.key=${KEY[throttle]}
class.throttle.rate=10
class.throttle.bucket-rate=5
class.throttle.bucket-burst=10
class.throttle.policy=fail-closed
class.unknown.key=${KEY[unknown]}
class.unknown.rate=2
PROPS
for i in 1 2 3 4 5 6; do
  # Runs out of quota a few seconds into fault i; stays enforced at 2/s afterwards.
  printf 'class.quota%s.key=%s\nclass.quota%s.rate=20\nclass.quota%s.quota=%s\nclass.quota%s.phase=%s\nclass.quota%s.after-rate=2\nclass.quota%s.policy=fail-closed\n' \
    "$i" "${KEY[quota$i]}" "$i" "$i" "$QUOTA" "$i" "$i" "$i" "$i" >> "$RUN_DIR/driver.properties"
done
java -cp "$ROOT/benchmarks/target/benchmarks.jar" dev.gatehouse.benchmarks.faults.FaultLoadDriver \
  "$RUN_DIR/driver.properties" > "$OUT/driver.log" 2>&1 &
DRIVER_PID=$!
say "driver running (pid $DRIVER_PID); warming up ${WARMUP}s"
sleep "$WARMUP"

# Waits (at most FAULTS_STEADY_TIMEOUT s) until the driver has seen FAULTS_STEADY_SECONDS whole
# seconds in a row with a 2xx and no 5xx or unanswered request, so no fault starts while the
# suite is still warming up or recovering from the previous one.
wait_steady() {
  local i need=${FAULTS_STEADY_SECONDS:-5} limit=${FAULTS_STEADY_TIMEOUT:-180} steady
  for ((i = 0; i < limit; i++)); do
    # Empty while the driver rewrites it.
    steady=$(cat "$OUT/steady" 2>/dev/null || true)
    [ "${steady:-0}" -ge "$need" ] && return 0
    sleep 1
  done
  say "the suite was not steady for ${need}s within ${limit}s; the next fault starts anyway"
}

mark() { echo "$(date +%s%3N) $1 $2 $3" >> "$CONTROL"; say "fault $2 $3: $1"; }
pid_of() { cat "$RUN_DIR/pids/$1.pid"; }
# The master that serves the slot of an API key's usage counters ({ak:<sha256 of the key>}), by
# its own port: its cluster bus port less 10000 (the port it announces may be its proxy's).
master_of_key() {
  local sha slot port
  sha=$(printf '%s' "$1" | sha256sum | cut -d' ' -f1)
  port=$(head -n 1 "$RUN_DIR/redis.ports")
  slot=$(cluster_cli -p "$port" cluster keyslot "{ak:$sha}")
  cluster_cli -p "$port" cluster nodes | awk -v slot="$slot" '$3 ~ /master/ && $8 == "connected" {
    for (i = 9; i <= NF; i++) { split($i, r, "-"); if (slot >= r[1] && slot <= (r[2] == "" ? r[1] : r[2])) {
      split($2, a, "[:@]"); print a[3] - 10000; exit } } }'
}
redis_server=$(java -jar "$ROOT/local-redis/target/local-redis.jar" locate)
restart_instance() { start_process "$1" "$RUN_DIR" bash "$RUN_DIR/start/$1.sh" >/dev/null; }
wait_cluster() { wait_for_cluster_ok "$RUN_DIR" 60 || say "cluster not ok after 60 s"; }

for n in $ONLY; do
  case $n in
    1) name=redis-master-kill ;; 2) name=redis-master-stop ;; 3) name=stores-instance-kill ;;
    4) name=fanout-instance-kill ;; 5) name=redis-restart ;; 6) name=redis-latency ;;
    *) continue ;;
  esac
  wait_steady
  mark prepare "$n" "$name"
  sleep 3
  case $n in
    1)
      port=$(master_of_key "${KEY[quota1]}")
      mark start 1 "$name"; kill -KILL "$(pid_of "redis-node-$port")"
      sleep 1; wait_cluster
      # The old master comes back as a replica of the promoted one.
      start_redis_node "$RUN_DIR" "$redis_server" "$port" >/dev/null; wait_cluster
      mark end 1 "$name" ;;
    2)
      port=$(master_of_key "${KEY[quota2]}")
      mark start 2 "$name"; kill -STOP "$(pid_of "redis-node-$port")"
      sleep "$DOWN_SECONDS"; kill -CONT "$(pid_of "redis-node-$port")"; wait_cluster
      mark end 2 "$name" ;;
    3)
      mark start 3 "$name"; kill -KILL "$(pid_of stores-service-2)"
      sleep "$DOWN_SECONDS"; restart_instance stores-service-2
      wait_for_ready stores-service-2 "$(sed -n 's/^stores-service-2:[^:]*:\([^:]*\):.*/\1/p' "$RUN_DIR/instances")" "$RUN_DIR" 120 >/dev/null || say "stores-service-2 did not come back"
      mark end 3 "$name" ;;
    4)
      mark start 4 "$name"; kill -KILL "$(pid_of fanout-service-1)"
      sleep "$DOWN_SECONDS"; restart_instance fanout-service-1
      wait_for_ready fanout-service-1 "$(sed -n 's/^fanout-service-1:[^:]*:\([^:]*\):.*/\1/p' "$RUN_DIR/instances")" "$RUN_DIR" 120 >/dev/null || say "fanout-service-1 did not come back"
      mark end 4 "$name" ;;
    5)
      mark start 5 "$name"
      for port in $(cat "$RUN_DIR/redis.ports"); do kill -TERM "$(pid_of "redis-node-$port")"; done
      for port in $(cat "$RUN_DIR/redis.ports"); do
        while kill -0 "$(pid_of "redis-node-$port")" 2>/dev/null; do sleep 0.1; done
      done
      for port in $(cat "$RUN_DIR/redis.ports"); do start_redis_node "$RUN_DIR" "$redis_server" "$port" >/dev/null; done
      wait_cluster
      mark end 5 "$name" ;;
    6)
      # Every client connection to every node: each chunk held LATENCY_MS in each direction (a
      # round trip gains twice that, as with netem on loopback); the proxy re-reads the file
      # every 100 ms.
      mark start 6 "$name"; echo "$LATENCY_MS" > "$LATENCY_FILE"
      sleep "$LATENCY_SECONDS"; echo 0 > "$LATENCY_FILE"; sleep 0.2
      mark end 6 "$name" ;;
  esac
  sleep "$RECOVERY"
done

DEAD=$(cluster_cli -c -p "$(head -n 1 "$RUN_DIR/redis.ports")" xlen '{fanout}:dead-letters' 2>/dev/null || echo 0)
echo "dead-letters ${DEAD:-0}" >> "$CONTROL"
say "draining deliveries and writing the report"
wait "$DRIVER_PID" || true
DRIVER_PID=""
cat "$OUT/driver.log"
(cd "$OUT" && gnuplot timeline.gp) && say "timelines: $OUT/timeline.png and $OUT/fault-N.png"
say "report: $OUT/report.json"
