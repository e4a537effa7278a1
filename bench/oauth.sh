#!/usr/bin/env bash
# Hosted sign-in benchmark. Starts a private suite on free ports and measures:
#   /oauth2/token      client_credentials throughput (wrk, BENCH_CONNECTIONS=32 connections, the
#                      machine client authenticated with HTTP Basic: bench/oauth-token.lua), with
#                      a baseline in the same run: identity-service's GET <issuer>/.well-known/
#                      jwks.json; BENCH_ROUNDS rounds (3), baseline first each round, the spread
#                      (min-max) printed with the median
#   browser sign-in    click on the hosted page's "Sign in" submit -> index-service's signed-in page
#                      ("Hello, <given_name>"), in Debian's Chromium through playwright-core: p50
#                      over BENCH_SIGNINS runs (20), each in a fresh browser context
#
#   bench/oauth.sh
#   BENCH_DURATION=20s BENCH_ROUNDS=5 BENCH_SIGNINS=50 bench/oauth.sh
#   BENCH_RUN_DIR=deploy/local/run bench/oauth.sh     # a suite up.sh already started
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
WARMUP=${BENCH_WARMUP:-10s}
ROUNDS=${BENCH_ROUNDS:-3}
SIGNINS=${BENCH_SIGNINS:-20}

need_package wrk wrk
[ -x /usr/bin/chromium ] || need_package chromium chromium
[ -x /usr/bin/aws ] || need_package awscli aws
for module in local-redis identity-service stores-service index-service fanout-service; do
  [ -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ] || [ -f "$ROOT/$module/target/local-redis.jar" ] \
    || (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
      -pl local-redis,identity-service,stores-service,index-service,fanout-service -am)
done
# The npm packages of deploy's Node tests (playwright-core), as NodePackages installs them.
NODE_DIR="$ROOT/deploy/target/test-node"
if [ ! -d "$NODE_DIR/node_modules/playwright-core" ]; then
  mkdir -p "$NODE_DIR"
  cp "$ROOT/deploy/src/test/node/package.json" "$ROOT/deploy/src/test/node/package-lock.json" "$NODE_DIR/"
  (cd "$NODE_DIR" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
fi
cp "$ROOT"/deploy/src/test/node/*.js "$NODE_DIR/"

if [ -n "${BENCH_RUN_DIR:-}" ]; then
  # A suite already running (deploy/local/up.sh --run-dir DIR): measured as it is, left running.
  RUN_DIR=$BENCH_RUN_DIR
  cleanup() { bench_unlock; }
  trap cleanup EXIT
else
  RUN_DIR=$(mktemp -d)
  read -r REDIS_PORT INDEX_PORT STORES_PORT ADMIN_PORT IDENTITY_PORT SMTP_PORT POP3_PORT \
    FANOUT_PORT INDEX_ADMIN_PORT FANOUT_ADMIN_PORT IDENTITY_ADMIN_PORT \
    <<< "$(java -jar "$ROOT/local-redis/target/local-redis.jar" free-port 11 | tr '\n' ' ')"
  cleanup() {
    set +e
    "$ROOT/deploy/local/down.sh" --run-dir "$RUN_DIR" --quiet
    rm -rf "$RUN_DIR"
    bench_unlock
  }
  trap cleanup EXIT
  echo "bench: starting a private suite (identity-service on $IDENTITY_PORT)" >&2
  # Request quotas off: they would measure the quota, not the endpoint.
  GATEHOUSE_IDENTITY_REQUEST_QUOTAS_ENABLED=false "$ROOT/deploy/local/up.sh" --detach --run-dir "$RUN_DIR" \
    --redis-port "$REDIS_PORT" --stores-port "$STORES_PORT" --index-port "$INDEX_PORT" \
    --stores-admin-port "$ADMIN_PORT" --identity-port "$IDENTITY_PORT" --smtp-port "$SMTP_PORT" \
    --pop3-port "$POP3_PORT" --fanout-port "$FANOUT_PORT" --index-admin-port "$INDEX_ADMIN_PORT" \
    --fanout-admin-port "$FANOUT_ADMIN_PORT" --identity-admin-port "$IDENTITY_ADMIN_PORT" >/dev/null
fi
CREDENTIALS="$RUN_DIR/credentials.json"
json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); [d:=d[k] for k in sys.argv[2:]]; print(d)' "$CREDENTIALS" "$@"; }
ISSUER=$(json userPool issuer)
IDENTITY=$(json endpoints identity)
INDEX=$(json endpoints index)
export BENCH_CLIENT_ID BENCH_CLIENT_SECRET BENCH_SCOPE
BENCH_CLIENT_ID=$(json oauth machine clientId)
BENCH_CLIENT_SECRET=$(json oauth machine clientSecret)
BENCH_SCOPE=https://stores.gatehouse.local/read
TOKEN_URL="$IDENTITY/oauth2/token"
JWKS_URL="$ISSUER/.well-known/jwks.json"

status=$(curl -s -o /dev/null -w '%{http_code}' -u "$BENCH_CLIENT_ID:$BENCH_CLIENT_SECRET" \
  -d "grant_type=client_credentials&scope=$BENCH_SCOPE" "$TOKEN_URL")
[ "$status" = 200 ] || { echo "bench: /oauth2/token answered $status to the machine client" >&2; exit 1; }

rps() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p'; }
echo "bench: warming up ($WARMUP each)" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$JWKS_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/bench/oauth-token.lua" "$TOKEN_URL" >/dev/null
jwks=(); token=()
for round in $(seq 1 "$ROUNDS"); do
  sleep 3
  jwks+=("$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$JWKS_URL" | rps)")
  sleep 3
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/oauth-token.lua" "$TOKEN_URL")
  token+=("$(echo "$out" | rps)")
  echo "bench: round $round: jwks ${jwks[-1]} req/s, token ${token[-1]} req/s ($(echo "$out" | grep -E 'non-200|50%|99%' | tr -s ' ' | paste -sd' '))" >&2
done
summary() { # name values...
  local name=$1; shift
  printf '%s\n' "$@" | sort -n | awk -v n="$name" '{ v[NR] = $1 } END {
    printf "%-34s median %8.0f req/s  min %8.0f  max %8.0f  (rounds:", n, v[int((NR + 1) / 2)], v[1], v[NR]
    for (i = 1; i <= NR; i++) printf " %.0f", v[i]; print ")" }'
}

echo "bench: browser sign-ins ($SIGNINS runs)" >&2
signins=$(cd "$NODE_DIR" && SERVER_CLIENT_ID=$(json userPool clients server) INDEX_URL="$INDEX" RUNS="$SIGNINS" \
  IDENTITY_URL="$IDENTITY" USER_POOL_ID=$(json userPool id) AWS_REGION=us-east-1 \
  ADMIN_ACCESS_KEY_ID=$(json iam admin accessKeyId) ADMIN_SECRET_ACCESS_KEY=$(json iam admin secretAccessKey) \
  node signin-roundtrip.js)

echo
echo "Hosted sign-in ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -c$CONNECTIONS -t$THREADS -d$DURATION, $ROUNDS rounds)"
summary "GET jwks.json (baseline)" "${jwks[@]}"
summary "POST /oauth2/token client_creds" "${token[@]}"
echo "$signins"
