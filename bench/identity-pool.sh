#!/usr/bin/env bash
# GetCredentialsForIdentity latency at BENCH_CLIENTS (50) concurrent clients, each in a closed
# loop, BENCH_ROUNDS (3) rounds of BENCH_SECONDS (15) after one warm-up as long, against a private
# suite started with deploy/local/up.sh on free ports (stopped at the end). One user is created and
# signed in with the AWS CLI (Debian's awscli); IdentityPoolLatencyProbe (module benchmarks) drives
# the calls and prints each round's p50/p90/p99 and the median and range over the rounds.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/bench/lock.sh"
bench_lock
CLIENTS=${BENCH_CLIENTS:-50}
SECONDS_PER_ROUND=${BENCH_SECONDS:-15}
ROUNDS=${BENCH_ROUNDS:-3}
[ -f "$ROOT/local-redis/target/local-redis.jar" ] \
  && [ -f "$ROOT/identity-service/target/quarkus-app/quarkus-run.jar" ] \
  && [ -f "$ROOT/benchmarks/target/benchmarks.jar" ] \
  || (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package)

RUN_DIR=$(mktemp -d)
cleanup() { "$ROOT/deploy/local/down.sh" --run-dir "$RUN_DIR" --quiet || true; bench_unlock; }
trap cleanup EXIT
read -r -a P <<< "$(java -jar "$ROOT/local-redis/target/local-redis.jar" free-port 11 | tr '\n' ' ')"
"$ROOT/deploy/local/up.sh" --detach --run-dir "$RUN_DIR" --redis-port "${P[0]}" \
  --index-port "${P[1]}" --stores-port "${P[2]}" --stores-admin-port "${P[3]}" \
  --identity-port "${P[4]}" --smtp-port "${P[5]}" --pop3-port "${P[6]}" --fanout-port "${P[7]}" \
  --index-admin-port "${P[8]}" --fanout-admin-port "${P[9]}" --identity-admin-port "${P[10]}" >/dev/null

C="$RUN_DIR/credentials.json"
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER=''
export AWS_ACCESS_KEY_ID=$(jq -r .iam.admin.accessKeyId "$C") AWS_SECRET_ACCESS_KEY=$(jq -r .iam.admin.secretAccessKey "$C")
export AWS_DEFAULT_REGION=$(jq -r .region "$C")
IDP=$(jq -r .endpoints.identity "$C") POOL=$(jq -r .userPool.id "$C") SERVER=$(jq -r .userPool.clients.server "$C")
aws() { /usr/bin/aws "$@" --endpoint-url "$IDP"; }
aws cognito-idp admin-create-user --user-pool-id "$POOL" --username bench --temporary-password 'Temporary-Pass-1!' \
  --message-action SUPPRESS --user-attributes Name=email,Value=bench@example.com Name=email_verified,Value=true \
  Name=given_name,Value=Bench Name=family_name,Value=Mark >/dev/null
SESSION=$(aws cognito-idp admin-initiate-auth --user-pool-id "$POOL" --client-id "$SERVER" \
  --auth-flow ADMIN_USER_PASSWORD_AUTH --auth-parameters 'USERNAME=bench,PASSWORD=Temporary-Pass-1!' \
  --query Session --output text)
ID_TOKEN=$(aws cognito-idp admin-respond-to-auth-challenge --user-pool-id "$POOL" --client-id "$SERVER" \
  --challenge-name NEW_PASSWORD_REQUIRED --session "$SESSION" \
  --challenge-responses 'USERNAME=bench,NEW_PASSWORD=Correct-Horse-1!' \
  --query AuthenticationResult.IdToken --output text)
echo "# $(date -u +%FT%TZ)  $(getconf _NPROCESSORS_ONLN) CPUs  load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$ROOT/benchmarks/target/benchmarks.jar" dev.gatehouse.benchmarks.IdentityPoolLatencyProbe \
  "$IDP/" "$(jq -r .identityPool.id "$C")" "cognito-idp.$AWS_DEFAULT_REGION.amazonaws.com/$POOL" \
  "$ID_TOKEN" "$CLIENTS" "$SECONDS_PER_ROUND" "$ROUNDS"
