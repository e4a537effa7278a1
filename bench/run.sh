#!/usr/bin/env bash
# HTTP load benchmark with wrk. Starts a private suite on free ports, plus two more
# stores-service instances on the same Redis (one with no checks at all, one with API keys but no
# IAM), and measures in one run:
#   baseline      GET /q/health/live             the cheapest route the framework serves
#   open          GET /stores, every check off   the same route unauthenticated and unkeyed
#   keyed         GET /stores with x-api-key     API key + usage plan only (IAM off), once with a
#                 key from the configuration file (issue 18's "before": the only kind there was)
#                 and once with a key and plan created at run time through the control plane
#                 (CreateApiKey, CreateUsagePlan, CreateUsagePlanKey: "after"), same instance
#   signed+keyed  GET /stores, SigV4 + x-api-key  as deployed: AWS_IAM, then the usage plan
#   open (A/A)    GET /stores on a second open instance: two JVMs running the same code, so their
#                 ratio is the benchmark's own noise, printed beside the ratios it qualifies
#   and GET /stores/{id} signed+keyed, and POST /stores/search (query, near) with a user pool ID
#   token (COGNITO_USER_POOLS, as deployed) against the same searches unauthenticated
# Prints req/s, p50/p99 latency, each throughput as a ratio of the baseline, keyed/open and
# signed+keyed/open, and the Redis round trips each check adds per request (from Redis's own
# command stats). Signatures are made once per scenario with openssl (SigV4 has no nonce, and a
# signature stays valid for 5 minutes), so wrk replays a correctly signed request.
#
# With BENCH_BEFORE_JAR (a stores-service quarkus-run.jar built from another commit, in that
# commit's tree), one more keyed instance runs that build on a Redis of its own, with that tree's
# configuration, and `GET /stores keyed, build before` measures it round after round beside this
# build's `GET /stores keyed`: a before/after of two builds in one run.
#
#   bench/run.sh
#   BENCH_BEFORE_JAR=/tmp/pre18/stores-service/target/quarkus-app/quarkus-run.jar bench/run.sh
#   BENCH_DURATION=30s BENCH_CONNECTIONS=64 BENCH_THREADS=1 BENCH_ROUNDS=5 bench/run.sh
#   BENCH_ONLY='GET /stores (open|keyed|signed)' bench/run.sh   # scenarios whose name matches
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
# Warm-up per scenario: the JIT (C2) of each instance must be done with the route's code, or the
# first round measures the compiler threads too.
WARMUP=${BENCH_WARMUP:-30s}
ONLY=${BENCH_ONLY:-}
BEFORE_JAR=${BENCH_BEFORE_JAR:-}
if [ -n "$BEFORE_JAR" ]; then
  [ -f "$BEFORE_JAR" ] || { echo "bench: BENCH_BEFORE_JAR $BEFORE_JAR is not a file" >&2; exit 1; }
  BEFORE_JAR=$(cd "$(dirname "$BEFORE_JAR")" && pwd)/$(basename "$BEFORE_JAR")
  BEFORE_TREE=$(cd "$(dirname "$BEFORE_JAR")/../../.." && pwd)
  [ -f "$BEFORE_TREE/deploy/local/gatehouse.properties" ] \
    || { echo "bench: $BEFORE_TREE has no deploy/local/gatehouse.properties" >&2; exit 1; }
fi
# Every scenario is measured ROUNDS times, round after round, and the ratios are the medians of
# the per-round ratios: on a shared VM one instance can be starved for a few seconds, and a ratio
# of two measurements taken minutes apart would mostly measure that.
ROUNDS=${BENCH_ROUNDS:-3}
# Idle seconds before each measurement, so the instance measured before has finished its own
# background work (garbage collection, compilation) before the next one starts.
PAUSE=${BENCH_PAUSE:-3}

need_package wrk wrk
[ -f "$ROOT/local-redis/target/local-redis.jar" ] && [ -f "$ROOT/stores-service/target/quarkus-app/quarkus-run.jar" ] \
  || (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package)

RUN_DIR=$(mktemp -d)
# Every port at once, so no two are the same (one at a time, a port can come back twice).
read -r REDIS_PORT STORES_PORT UNKEYED_PORT KEYED_PORT UNKEYED2_PORT IDENTITY_PORT POP3_PORT \
  INDEX_PORT ADMIN_PORT SMTP_PORT FANOUT_PORT UNKEYED_MGMT_PORT KEYED_MGMT_PORT UNKEYED2_MGMT_PORT \
  INDEX_ADMIN_PORT FANOUT_ADMIN_PORT IDENTITY_ADMIN_PORT BEFORE_PORT BEFORE_MGMT_PORT BEFORE_REDIS_PORT \
  <<< "$(java -jar "$ROOT/local-redis/target/local-redis.jar" free-port 20 | tr '\n' ' ')"
CONFIG="$RUN_DIR/bench.properties"
# The suite's own settings plus a plan that never throttles, so wrk measures the check's cost.
BENCH_PROPS=$(cat <<'PROPS'
gatehouse.usage-plans.bench.throttle.burst-limit=2000000000
gatehouse.usage-plans.bench.throttle.rate-limit=1000000000
gatehouse.usage-plans.bench.quota.limit=2000000000
gatehouse.usage-plans.bench.quota.period=MONTH
gatehouse.api-keys.benchKey.plan=bench
gatehouse.api-keys.benchKey.value=${GATEHOUSE_BENCH_API_KEY}
gatehouse.iam.principals.bench.arn=arn:aws:iam::${gatehouse.account-id}:user/bench
gatehouse.iam.principals.bench.access-key-id=${GATEHOUSE_BENCH_ACCESS_KEY_ID}
gatehouse.iam.principals.bench.secret-access-key=${GATEHOUSE_BENCH_SECRET_ACCESS_KEY}
gatehouse.iam.principals.bench.policy={"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:*:*:stores-service/*/GET/stores*"}]}
PROPS
)
# The copy lives elsewhere: its policy files are still the suite's.
{ cat "$ROOT/deploy/local/gatehouse.properties"; echo "$BENCH_PROPS"
  echo "gatehouse.iam.policy-dir=$ROOT/deploy/local/policies"; } > "$CONFIG"
if [ -n "$BEFORE_JAR" ]; then
  { cat "$BEFORE_TREE/deploy/local/gatehouse.properties"; echo "$BENCH_PROPS"
    echo "gatehouse.iam.policy-dir=$BEFORE_TREE/deploy/local/policies"; } > "$RUN_DIR/before.properties"
fi
# shellcheck source=../deploy/local/lib.sh
. "$ROOT/deploy/local/lib.sh"
GATEHOUSE_BENCH_API_KEY=$(random_alphanumeric 40)
GATEHOUSE_BENCH_ACCESS_KEY_ID="AKIA$(random_base32 16)"
GATEHOUSE_BENCH_SECRET_ACCESS_KEY=$(random_alphanumeric 40)
GATEHOUSE_BENCH_MANAGED_KEY=$(random_alphanumeric 40)
export GATEHOUSE_BENCH_API_KEY GATEHOUSE_BENCH_ACCESS_KEY_ID GATEHOUSE_BENCH_SECRET_ACCESS_KEY
cleanup() {
  set +e
  # down.sh stops every process with a pid file in the run dir, the extra instances included.
  "$ROOT/deploy/local/down.sh" --run-dir "$RUN_DIR" --quiet
  rm -rf "$RUN_DIR"
  bench_unlock
}
trap cleanup EXIT

GATEHOUSE_CONFIG="$CONFIG" "$ROOT/deploy/local/up.sh" --detach --run-dir "$RUN_DIR" \
  --redis-port "$REDIS_PORT" --stores-port "$STORES_PORT" --index-port "$INDEX_PORT" \
  --stores-admin-port "$ADMIN_PORT" --identity-port "$IDENTITY_PORT" --smtp-port "$SMTP_PORT" \
  --pop3-port "$POP3_PORT" --fanout-port "$FANOUT_PORT" --index-admin-port "$INDEX_ADMIN_PORT" \
  --fanout-admin-port "$FANOUT_ADMIN_PORT" --identity-admin-port "$IDENTITY_ADMIN_PORT" >/dev/null
# The master key the launcher generated, so the extra instances read the same sealed secrets, and
# the password of its Redis.
. "$RUN_DIR/secrets.env"
export GATEHOUSE_IAM_MASTER_KEY GATEHOUSE_REDIS_PASSWORD
extra_instance() { # name port management-port metering iam [redis-port config jar]
  QUARKUS_HTTP_PORT=$2 QUARKUS_MANAGEMENT_PORT=$3 GATEHOUSE_CONFIG="${7:-$CONFIG}" \
    QUARKUS_REDIS_HOSTS="redis://127.0.0.1:${6:-$REDIS_PORT}" QUARKUS_REDIS_PASSWORD="$GATEHOUSE_REDIS_PASSWORD" \
    GATEHOUSE_METERING_ENABLED=$4 \
    GATEHOUSE_IAM_ENABLED=$5 GATEHOUSE_COGNITO_ENABLED=$5 \
    start_process "$1" "$RUN_DIR" java ${GATEHOUSE_JAVA_OPTS:-} -jar "${8:-$ROOT/stores-service/target/quarkus-app/quarkus-run.jar}" >/dev/null
}
extra_instance unkeyed "$UNKEYED_PORT" "$UNKEYED_MGMT_PORT" false false
extra_instance unkeyed2 "$UNKEYED2_PORT" "$UNKEYED2_MGMT_PORT" false false
extra_instance keyed "$KEYED_PORT" "$KEYED_MGMT_PORT" true false
READY_PORTS=("$UNKEYED_PORT" "$UNKEYED2_PORT" "$KEYED_PORT")
if [ -n "$BEFORE_JAR" ]; then
  # The other build gets a Redis of its own: its records may have another layout than this
  # build's under the same key names. Started as the launcher starts the suite's (append-only
  # file on), since every allowed request writes its counters.
  mkdir -p "$RUN_DIR/redis-before"
  printf 'requirepass %s\n' "$GATEHOUSE_REDIS_PASSWORD" > "$RUN_DIR/redis-before/redis.conf"
  start_process redis-before "$RUN_DIR" "$(java -jar "$ROOT/local-redis/target/local-redis.jar" locate)" \
    "$RUN_DIR/redis-before/redis.conf" --port "$BEFORE_REDIS_PORT" --bind 127.0.0.1 \
    --dir "$RUN_DIR/redis-before" --appendonly yes --save "" --daemonize no >/dev/null
  wait_for_redis "$BEFORE_REDIS_PORT" 15 "$GATEHOUSE_REDIS_PASSWORD" >/dev/null \
    || { echo "bench: the second Redis did not start" >&2; exit 1; }
  # Its Redis starts empty: the keys and principals it generates are revealed in files of its own.
  ( export GATEHOUSE_METERING_REVEAL_FILE="$RUN_DIR/before-api-keys.json" \
      GATEHOUSE_IAM_REVEAL_FILE="$RUN_DIR/before-iam-credentials.json"
    extra_instance keyed-before "$BEFORE_PORT" "$BEFORE_MGMT_PORT" true false \
      "$BEFORE_REDIS_PORT" "$RUN_DIR/before.properties" "$BEFORE_JAR" )
  READY_PORTS+=("$BEFORE_PORT")
fi
# The instance (its pid file's name) listening on a port.
instance() {
  case "$1" in
    "$UNKEYED_PORT") echo unkeyed ;;
    "$UNKEYED2_PORT") echo unkeyed2 ;;
    "$KEYED_PORT") echo keyed ;;
    "$BEFORE_PORT") echo keyed-before ;;
    *) echo stores-service ;;
  esac
}
# The Redis an instance (by port) uses: only the other build has its own.
redis_of() { if [ "$1" = "$BEFORE_PORT" ]; then echo "$BEFORE_REDIS_PORT"; else echo "$SUITE_REDIS_PORT"; fi; }
SUITE_REDIS_PORT=$REDIS_PORT
for p in "${READY_PORTS[@]}"; do
  name=$(instance "$p")
  wait_for_ready "$name" "$p" "$RUN_DIR" 90 >/dev/null || {
    echo "bench: $name did not become ready; its log's errors:" >&2
    grep -a -m5 -E 'ERROR|Caused by' "$RUN_DIR/logs/$name.log" >&2
    exit 1
  }
done

json_field() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" | head -1; }
ADMIN_KEY=$(sed -n '/"admin"/,/}/p' "$RUN_DIR/credentials.json" | json_field accessKeyId)
ADMIN_SECRET=$(sed -n '/"admin"/,/}/p' "$RUN_DIR/credentials.json" | json_field secretAccessKey)
# A key and a plan like the file's benchKey and bench plan, created at run time through the API
# Gateway control plane on the management port, signed by the launcher's admin principal.
control_plane() { # path json
  curl -sS --fail-with-body --aws-sigv4 "aws:amz:us-east-1:apigateway" --user "$ADMIN_KEY:$ADMIN_SECRET" \
    -H 'Content-Type: application/json' --data "$2" "http://127.0.0.1:$ADMIN_PORT$1"
}
MANAGED_KEY_ID=$(control_plane /apikeys "{\"name\":\"bench-managed\",\"enabled\":true,\"value\":\"$GATEHOUSE_BENCH_MANAGED_KEY\"}" | json_field id)
MANAGED_PLAN_ID=$(control_plane /usageplans '{"name":"bench-managed","throttle":{"burstLimit":2000000000,"rateLimit":1000000000},"quota":{"limit":2000000000,"period":"MONTH"},"apiStages":[{"apiId":"stores-service","stage":"dev"}]}' | json_field id)
[ -n "$MANAGED_KEY_ID" ] && [ -n "$MANAGED_PLAN_ID" ] || { echo "bench: the control plane did not create the managed key and plan" >&2; exit 1; }
control_plane "/usageplans/$MANAGED_PLAN_ID/keys" "{\"keyId\":\"$MANAGED_KEY_ID\",\"keyType\":\"API_KEY\"}" >/dev/null \
  || { echo "bench: CreateUsagePlanKey failed" >&2; exit 1; }


# A user pool ID token, as a user gets one: SignUp, the code from the local mailbox, ConfirmSignUp,
# then AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH of the server client, signed by the launcher's
# admin principal with curl's SigV4).
cognito() { # operation json [curl options...]
  local op=$1 body=$2
  shift 2
  curl -sS "$@" -H 'Content-Type: application/x-amz-json-1.1' \
    -H "X-Amz-Target: AWSCognitoIdentityProviderService.$op" --data "$body" "http://127.0.0.1:$IDENTITY_PORT/"
}
POOL_ID=$(json_field id < "$RUN_DIR/user-pool.json")
WEB_CLIENT=$(json_field web < "$RUN_DIR/user-pool.json")
SERVER_CLIENT=$(json_field server < "$RUN_DIR/user-pool.json")
BENCH_PASSWORD="Bench-$(random_alphanumeric 12)-1"
cognito SignUp "{\"ClientId\":\"$WEB_CLIENT\",\"Username\":\"bench\",\"Password\":\"$BENCH_PASSWORD\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"bench@example.com\"},{\"Name\":\"given_name\",\"Value\":\"Bench\"},{\"Name\":\"family_name\",\"Value\":\"Mark\"}]}" >/dev/null
code=""
for _ in $(seq 1 40); do
  code=$(curl -s -u 'bench@example.com:x' "pop3://127.0.0.1:$POP3_PORT/1" | sed -n 's/.*verification code is \([0-9]\{6\}\).*/\1/p')
  [ -n "$code" ] && break
  sleep 0.25
done
[ -n "$code" ] || { echo "bench: no verification code arrived" >&2; exit 1; }
cognito ConfirmSignUp "{\"ClientId\":\"$WEB_CLIENT\",\"Username\":\"bench\",\"ConfirmationCode\":\"$code\"}" >/dev/null
ID_TOKEN=$(cognito AdminInitiateAuth "{\"UserPoolId\":\"$POOL_ID\",\"ClientId\":\"$SERVER_CLIENT\",\"AuthFlow\":\"ADMIN_USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\"bench\",\"PASSWORD\":\"$BENCH_PASSWORD\"}}" \
  --aws-sigv4 "aws:amz:us-east-1:cognito-idp" --user "$ADMIN_KEY:$ADMIN_SECRET" | json_field IdToken)
[ -n "$ID_TOKEN" ] || { echo "bench: AdminInitiateAuth returned no IdToken" >&2; exit 1; }

# Total EVALSHA/EVAL calls Redis has served (the catalogue's reads and the usage-plan check), and
# the microseconds Redis spent running them (the rest of its CPU is reading and writing sockets).
script_calls() {
  local line calls=0 usec=0 rest
  redis_open
  printf 'INFO commandstats\r\n' >&3
  while read -r -t 1 line <&3; do
    case "$line" in
      cmdstat_evalsha:*|cmdstat_eval:*)
        rest=${line#*calls=}; calls=$((calls + ${rest%%,*}))
        rest=${line#*usec=}; usec=$((usec + ${rest%%,*})) ;;
    esac
  done
  exec 3<&- 3>&-
  echo "$calls $usec"
}


# CPU time (user + system, seconds) of the service instance listening on a port, from /proc.
jvm_cpu() {
  local pid stat
  pid=$(cat "$RUN_DIR/pids/$(instance "$1").pid")
  read -r -a stat < "/proc/$pid/stat"
  awk -v u="${stat[13]}" -v s="${stat[14]}" -v hz="$(getconf CLK_TCK)" 'BEGIN { print (u + s) / hz }'
}

# Voluntary context switches of every thread of the instance on a port: each is a thread going to
# sleep (an event loop with nothing to do, a wait for another thread), so a check that hands work
# between threads shows up here.
jvm_switches() {
  local pid total=0 n
  pid=$(cat "$RUN_DIR/pids/$(instance "$1").pid")
  for n in $(sed -n 's/^voluntary_ctxt_switches:[[:space:]]*//p' /proc/"$pid"/task/*/status 2>/dev/null); do
    total=$((total + n))
  done
  echo "$total"
}

# name|port|method|path|body|api key|signed ("signed" SigV4, "token" the user's ID token)
S="http://127.0.0.1"
SCENARIOS=(
  "baseline GET /q/health/live|$STORES_PORT|GET|/q/health/live|||"
  "GET /stores open (checks off)|$UNKEYED_PORT|GET|/stores|||"
  "GET /stores keyed (IAM off)|$KEYED_PORT|GET|/stores||$GATEHOUSE_BENCH_API_KEY|"
  "GET /stores keyed, managed key (IAM off)|$KEYED_PORT|GET|/stores||$GATEHOUSE_BENCH_MANAGED_KEY|"
  ${BEFORE_JAR:+"GET /stores keyed, build before (IAM off)|$BEFORE_PORT|GET|/stores||$GATEHOUSE_BENCH_API_KEY|"}
  "GET /stores signed+keyed|$STORES_PORT|GET|/stores||$GATEHOUSE_BENCH_API_KEY|signed"
  "GET /stores open (A/A)|$UNKEYED2_PORT|GET|/stores|||"
  "GET /stores/{id} open|$UNKEYED_PORT|GET|/stores/par-003|||"
  "GET /stores/{id} signed+keyed|$STORES_PORT|GET|/stores/par-003||$GATEHOUSE_BENCH_API_KEY|signed"
  "POST /stores/search query open|$UNKEYED_PORT|POST|/stores/search|{\"query\":\"cafe\",\"limit\":8}||"
  "POST /stores/search query token|$STORES_PORT|POST|/stores/search|{\"query\":\"cafe\",\"limit\":8}||token"
  "POST /stores/search near open|$UNKEYED_PORT|POST|/stores/search|{\"near\":{\"lat\":48.8566,\"lon\":2.3522},\"radiusKm\":5,\"limit\":8}||"
  "POST /stores/search near token|$STORES_PORT|POST|/stores/search|{\"near\":{\"lat\":48.8566,\"lon\":2.3522},\"radiusKm\":5,\"limit\":8}||token"
)

if [ -n "$ONLY" ]; then
  SELECTED=("${SCENARIOS[0]}")   # the baseline stays: every ratio column is against it
  for scenario in "${SCENARIOS[@]:1}"; do
    [[ ${scenario%%|*} =~ $ONLY ]] && SELECTED+=("$scenario")
  done
  SCENARIOS=("${SELECTED[@]}")
fi

mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/http-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "Gatehouse HTTP benchmark  $(date -u +%FT%TZ)  wrk -t$THREADS -c$CONNECTIONS -d$DURATION x $ROUNDS rounds (each scenario warmed $WARMUP first)"
  echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); wrk, Redis and the services share it"
  printf '%-40s %10s %9s %9s %8s %8s %12s %13s %14s %11s %11s\n' scenario req/s p50_ms p99_ms ratio non2xx scripts/req redis_us/req script_us/req jvm_us/req jvm_cs/req
} | tee "$OUT"

# Request headers of a scenario: its API key and, when signed, a fresh SigV4 signature.
scenario_headers() { # port method path key signed
  local headers=${4:+x-api-key:$4}
  if [ "$5" = signed ]; then
    headers="$headers"$'\n'"$(sigv4 "$2" "127.0.0.1:$1" "$3")"
  elif [ "$5" = token ]; then
    headers="Authorization:$ID_TOKEN"
  fi
  printf '%s' "$headers"
}

# Warm every scenario first, so no measurement includes another route's JIT compilation.
for scenario in "${SCENARIOS[@]}"; do
  IFS='|' read -r name port method path body key signed <<< "$scenario"
  BENCH_METHOD=$method BENCH_BODY=$body BENCH_HEADERS=$(scenario_headers "$port" "$method" "$path" "$key" "$signed") \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/report.lua" "$S:$port$path" >/dev/null
done

declare -A RPS SPR COST
for round in $(seq 1 "$ROUNDS"); do
baseline=""
# The baseline first, then the others in an order that rotates by one each round: whatever a
# scenario leaves behind (the collector and compiler threads of an instance just driven hard) then
# falls on a different scenario each round instead of always on the same one.
others=("${SCENARIOS[@]:1}")
shift_by=$(( (round - 1) % (${#others[@]} > 0 ? ${#others[@]} : 1) ))
ORDER=("${SCENARIOS[0]}" "${others[@]:$shift_by}" "${others[@]:0:$shift_by}")
for scenario in "${ORDER[@]}"; do
  IFS='|' read -r name port method path body key signed <<< "$scenario"
  sleep "$PAUSE"
  export BENCH_METHOD=$method BENCH_BODY=$body
  BENCH_HEADERS=$(scenario_headers "$port" "$method" "$path" "$key" "$signed")
  export BENCH_HEADERS
  REDIS_PORT=$(redis_of "$port")
  read -r before usec_before <<< "$(script_calls)"; cpu_before=$(redis_cpu); jvm_before=$(jvm_cpu "$port"); cs_before=$(jvm_switches "$port")
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/report.lua" "$S:$port$path" | grep '^RESULT')
  read -r after usec_after <<< "$(script_calls)"; cpu_after=$(redis_cpu); jvm_after=$(jvm_cpu "$port"); cs_after=$(jvm_switches "$port")
  field() { sed "s/.*$1=\([^ ]*\).*/\1/" <<< "$line"; }
  rps=$(field rps); p50=$(field p50); p99=$(field p99); non2xx=$(field non2xx); requests=$(field requests)
  [ -n "$baseline" ] || baseline=$rps
  ratio=$(awk -v a="$rps" -v b="$baseline" 'BEGIN { printf "%.2f", a / b }')
  # Scripts per request; a few extra calls (health checks) are noise below 0.01.
  spr=$(awk -v d="$((after - before))" -v n="$requests" 'BEGIN { printf "%.2f", n ? d / n : 0 }')
  rus=$(awk -v a="$cpu_after" -v b="$cpu_before" -v n="$requests" 'BEGIN { printf "%.1f", n ? (a - b) * 1e6 / n : 0 }')
  sus=$(awk -v d="$((usec_after - usec_before))" -v n="$requests" 'BEGIN { printf "%.1f", n ? d / n : 0 }')
  jus=$(awk -v a="$jvm_after" -v b="$jvm_before" -v n="$requests" 'BEGIN { printf "%.1f", n ? (a - b) * 1e6 / n : 0 }')
  cs=$(awk -v a="$cs_after" -v b="$cs_before" -v n="$requests" 'BEGIN { printf "%.2f", n ? (a - b) / n : 0 }')
  RPS[$name#$round]=$rps; SPR[$name]=$spr
  COST[$name#$round]="$spr $rus $sus $jus"
  printf '%-40s %10s %9s %9s %8s %8s %12s %13s %14s %11s %11s\n' "$name [$round]" "$rps" "$p50" "$p99" "$ratio" "$non2xx" "$spr" "$rus" "$sus" "$jus" "$cs" | tee -a "$OUT"
done
done
# median_ratio A B: the median over the rounds of A's throughput / B's, with each round's value.
median_ratio() {
  local r values=""
  [ -n "${RPS["$1#1"]:-}" ] && [ -n "${RPS["$2#1"]:-}" ] || { echo "(not measured)"; return; }
  for r in $(seq 1 "$ROUNDS"); do
    values="$values $(awk -v a="${RPS["$1#$r"]}" -v b="${RPS["$2#$r"]}" 'BEGIN { printf "%.2f", a / b }')"
  done
  echo "$(tr ' ' '\n' <<< "$values" | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END { printf "%s [%s-%s]", v[int((NR + 1) / 2)], v[1], v[NR] }') (rounds:$values)"
}
{
  echo
  echo "GET /stores keyed / open throughput:        $(median_ratio "GET /stores keyed (IAM off)" "GET /stores open (checks off)") (API-key issue target >= 0.85)"
  echo "GET /stores signed+keyed / open throughput: $(median_ratio "GET /stores signed+keyed" "GET /stores open (checks off)") (IAM issue target >= 0.80)"
  echo "GET /stores keyed, managed key / open:      $(median_ratio "GET /stores keyed, managed key (IAM off)" "GET /stores open (checks off)") (issue 18 after: a key and plan made through the control plane)"
  echo "GET /stores keyed, managed / file key:       $(median_ratio "GET /stores keyed, managed key (IAM off)" "GET /stores keyed (IAM off)") (issue 18: after / before, must not get worse)"
  [ -z "$BEFORE_JAR" ] || echo "GET /stores keyed, this build / before:      $(median_ratio "GET /stores keyed (IAM off)" "GET /stores keyed, build before (IAM off)") (two builds, file key; before: $BEFORE_JAR)"
  echo "GET /stores open (A/A) / open throughput:     $(median_ratio "GET /stores open (A/A)" "GET /stores open (checks off)") (same code in another JVM: 1.00 if the bench had no noise)"
  echo "POST /stores/search query token / open:     $(median_ratio "POST /stores/search query token" "POST /stores/search query open") (Cognito issue target >= 0.90)"
  echo "POST /stores/search near token / open:      $(median_ratio "POST /stores/search near token" "POST /stores/search near open") (Cognito issue target >= 0.90)"
  spr_diff() { # A B message: A's scripts per request less B's, when both were measured
    if [ -n "${SPR["$1"]:-}" ] && [ -n "${SPR["$2"]:-}" ]; then
      awk -v a="${SPR["$1"]}" -v b="${SPR["$2"]}" -v m="$3" 'BEGIN { printf "%s: %.2f\n", m, a - b }'
    fi
  }
  spr_diff "GET /stores keyed (IAM off)" "GET /stores open (checks off)" \
    "Redis round trips the usage-plan check adds per request (target 1; batching shares them)"
  spr_diff "GET /stores signed+keyed" "GET /stores keyed (IAM off)" \
    "Redis scripts IAM adds per request (credentials are cached)"
  spr_diff "GET /stores keyed, managed key (IAM off)" "GET /stores open (checks off)" \
    "Redis round trips the check adds per request with a control-plane key (target 1, as with a file key)"
  # Per scenario, each cost as the median over the rounds with the smallest and largest round.
  echo
  printf '%-40s %22s %18s %18s %20s %20s\n' "per request, median [min-max] over $ROUNDS rounds" req/s \
    scripts/req redis_us/req script_us/req jvm_us/req
  for scenario in "${SCENARIOS[@]}"; do
    name=${scenario%%|*}
    row=""
    for column in 0 1 2 3 4; do
      values=""
      for r in $(seq 1 "$ROUNDS"); do
        if [ "$column" = 0 ]; then values="$values ${RPS["$name#$r"]}"
        else read -r -a c <<< "${COST["$name#$r"]}"; values="$values ${c[$((column - 1))]}"; fi
      done
      row="$row|$(tr ' ' '\n' <<< "$values" | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 }
        END { printf "%s [%s-%s]", v[int((NR + 1) / 2)], v[1], v[NR] }')"
    done
    IFS='|' read -r _ a b c d e <<< "$row"
    printf '%-40s %22s %18s %18s %20s %20s\n' "$name" "$a" "$b" "$c" "$d" "$e"
  done
} | tee -a "$OUT"
echo "saved $OUT"
