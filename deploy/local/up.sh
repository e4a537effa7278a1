#!/usr/bin/env bash
# Starts the whole Gatehouse suite on this machine: a real Redis (no container engine needed) and
# every service as a packaged JVM app. Builds what is missing first. Ctrl-C stops everything;
# --detach returns once all are ready and leaves them running (deploy/local/down.sh stops them).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN_DIR="$ROOT/deploy/local/run"
DETACH=false
REBUILD=false
REDIS_PORT=6390
INDEX_PORT=8080
STORES_PORT=8081
STORES_ADMIN_PORT=9081
INDEX_ADMIN_PORT=9080
FANOUT_PORT=8082
FANOUT_ADMIN_PORT=9082
IDENTITY_PORT=8083
IDENTITY_ADMIN_PORT=9083
SMTP_PORT=3025
POP3_PORT=3110
READY_TIMEOUT=90
CLUSTER=false

usage() {
  cat <<USAGE
usage: deploy/local/up.sh [--detach] [--rebuild] [--cluster] [--run-dir DIR]
                          [--redis-port N] [--index-port N] [--stores-port N]
                          [--fanout-port N] [--identity-port N] [--index-admin-port N]
                          [--stores-admin-port N] [--fanout-admin-port N]
                          [--identity-admin-port N] [--smtp-port N] [--pop3-port N]

  --detach        return once every service is ready; stop later with deploy/local/down.sh
  --rebuild       rebuild the services even if packaged jars exist
  --cluster       scale-out topology: a Redis Cluster of 3 masters with 1 replica each
                  (append-only files), 3 stores-service and 2 fanout-service instances behind
                  HAProxy (installed from Debian when missing), which listens on the stores and
                  fanout ports; instances, their management interfaces and the Redis nodes get
                  free ports (listed in credentials.json "instances")
  --run-dir DIR   where data, logs, pids, secrets and credentials.json go (default
                  deploy/local/run); one suite per run directory, so a second suite needs its own
                  --run-dir and ports
  --*-port N      ports (defaults: redis 6390, index 8080, stores 8081, fanout 8082: fanout-service,
                  internal events (AWS_IAM); identity 8083; the services' management interfaces
                  (metrics on each, usage reports on stores-service's; loopback only):
                  index-admin 9080, stores-admin 9081, fanout-admin 9082, identity-admin 9083;
                  smtp 3025 and pop3 3110: the local mail server (GreenMail) that receives
                  identity-service's verification codes and fanout-service's receipts)

Suite settings: \$GATEHOUSE_CONFIG, else deploy/local/gatehouse.properties.
Extra JVM options for the services: \$GATEHOUSE_JAVA_OPTS (e.g. a JFR recording).
USAGE
}

# shellcheck source=lib.sh
. "$ROOT/deploy/local/lib.sh"

while [ $# -gt 0 ]; do
  case "$1" in
    --detach) DETACH=true ;;
    --rebuild) REBUILD=true ;;
    --cluster) CLUSTER=true ;;
    --run-dir) need_value up.sh "$@"; RUN_DIR=$(realpath -m -- "$2"); shift ;;
    --redis-port) need_value up.sh "$@"; REDIS_PORT=$2; shift ;;
    --index-port) need_value up.sh "$@"; INDEX_PORT=$2; shift ;;
    --stores-port) need_value up.sh "$@"; STORES_PORT=$2; shift ;;
    --fanout-port) need_value up.sh "$@"; FANOUT_PORT=$2; shift ;;
    --identity-port) need_value up.sh "$@"; IDENTITY_PORT=$2; shift ;;
    --index-admin-port) need_value up.sh "$@"; INDEX_ADMIN_PORT=$2; shift ;;
    --stores-admin-port) need_value up.sh "$@"; STORES_ADMIN_PORT=$2; shift ;;
    --fanout-admin-port) need_value up.sh "$@"; FANOUT_ADMIN_PORT=$2; shift ;;
    --identity-admin-port) need_value up.sh "$@"; IDENTITY_ADMIN_PORT=$2; shift ;;
    --smtp-port) need_value up.sh "$@"; SMTP_PORT=$2; shift ;;
    --pop3-port) need_value up.sh "$@"; POP3_PORT=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "up.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

# A start refused before anything ran leaves no trace: the run directory goes again if this run
# created it and it is still empty (a failed start keeps its logs).
CREATED_RUN_DIR=false
if [ ! -d "$RUN_DIR" ]; then
  CREATED_RUN_DIR=true
  trap 'rmdir "$RUN_DIR" 2>/dev/null || true' EXIT
fi
# Seven JVMs starting at once on a small machine take longer.
$CLUSTER && READY_TIMEOUT=${GATEHOUSE_READY_TIMEOUT:-300}
# shellcheck source=cluster.sh
. "$ROOT/deploy/local/cluster.sh"

CONFIG=${GATEHOUSE_CONFIG:-$ROOT/deploy/local/gatehouse.properties}
# identity-service first: stores-service's Cognito authorizer needs the pool it creates.
# Each entry: name:port:management port.
SERVICES=("identity-service:$IDENTITY_PORT:$IDENTITY_ADMIN_PORT"
  "stores-service:$STORES_PORT:$STORES_ADMIN_PORT" "index-service:$INDEX_PORT:$INDEX_ADMIN_PORT"
  "fanout-service:$FANOUT_PORT:$FANOUT_ADMIN_PORT")
GREENMAIL_VERSION=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' "$ROOT/pom.xml")
GREENMAIL_JAR="$ROOT/deploy/target/greenmail/greenmail-standalone-$GREENMAIL_VERSION.jar"

command -v java >/dev/null || fail "java is not on PATH: install JDK 17 or newer"
[ -f "$CONFIG" ] || fail "suite configuration $CONFIG does not exist"

if [ -n "$(running_pids "$RUN_DIR")" ]; then
  fail "Gatehouse is already running from $RUN_DIR: stop it with deploy/local/down.sh$(run_dir_flag) first, or start another suite with its own --run-dir DIR (and other ports)"
fi

# Two servers on one port would each seem to start (the second's health check reaches the first).
declare -A PORT_FLAG=()
for entry in "redis:$REDIS_PORT" "index:$INDEX_PORT" "stores:$STORES_PORT" \
  "fanout:$FANOUT_PORT" "identity:$IDENTITY_PORT" "index-admin:$INDEX_ADMIN_PORT" \
  "stores-admin:$STORES_ADMIN_PORT" "fanout-admin:$FANOUT_ADMIN_PORT" \
  "identity-admin:$IDENTITY_ADMIN_PORT" "smtp:$SMTP_PORT" "pop3:$POP3_PORT"; do
  flag="--${entry%%:*}-port"; port=${entry#*:}
  if [ -n "${PORT_FLAG[$port]:-}" ]; then
    fail "${PORT_FLAG[$port]} and $flag are both $port: every server needs its own port"
  fi
  PORT_FLAG[$port]=$flag
done

check_port "$REDIS_PORT" redis --redis-port
check_port "$SMTP_PORT" "mail server (smtp)" --smtp-port
check_port "$POP3_PORT" "mail server (pop3)" --pop3-port
for entry in "${SERVICES[@]}"; do
  IFS=: read -r name port admin_port <<<"$entry"
  check_port "$port" "$name" "--${name%-service}-port"
  check_port "$admin_port" "$name management" "--${name%-service}-admin-port"
done

# Build what is missing.
missing=()
[ -f "$ROOT/local-redis/target/local-redis.jar" ] || missing+=(local-redis)
for entry in "${SERVICES[@]}"; do
  name=${entry%%:*}
  [ -f "$ROOT/$name/target/quarkus-app/quarkus-run.jar" ] || missing+=("$name")
done
if $REBUILD || [ ${#missing[@]} -gt 0 ]; then
  modules=$(IFS=,; echo "${missing[*]:-local-redis,stores-service,index-service,fanout-service,identity-service}")
  $REBUILD && modules=local-redis,stores-service,index-service,fanout-service,identity-service
  say "building $modules (first run only; takes a few minutes)"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl "$modules" -am package) \
    || fail "build failed; run ./mvnw -DskipTests package to see why"
fi
# The local mail server: GreenMail standalone from Maven Central (through the local Maven cache).
if [ ! -f "$GREENMAIL_JAR" ]; then
  say "fetching GreenMail $GREENMAIL_VERSION (first run only)"
  (cd "$ROOT" && ./mvnw -B -q -N dependency:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
    -DoutputDirectory="$(dirname "$GREENMAIL_JAR")") \
    || fail "cannot fetch com.icegreen:greenmail-standalone:$GREENMAIL_VERSION"
fi

# Everything the run writes (Redis's data files, logs, secrets) is the user's alone; files of an
# older run made before this rule are closed too. A run directory the user named and that already
# existed keeps its mode (it may be shared, like /tmp); what the launcher puts in it does not.
umask 077
mkdir -p "$RUN_DIR/logs" "$RUN_DIR/pids" "$RUN_DIR/redis"
if $CREATED_RUN_DIR; then chmod 700 "$RUN_DIR"; fi
chmod 700 "$RUN_DIR/logs" "$RUN_DIR/pids" "$RUN_DIR/redis"
chmod -R go-rwx "$RUN_DIR/redis" "$RUN_DIR/logs"

# Secrets generated once and kept (mode 600) with the run's data; dev mode (quarkus:dev) reads and
# extends the same file. index-service's API key and IAM access key go to stores-service (which
# stores only a hash / the sealed secret) and to index-service (which sends / signs with them);
# stores-service and fanout-service sign their own calls (events, deliveries) with theirs; the
# master key seals every IAM secret kept in Redis.
SECRETS="$RUN_DIR/secrets.env"
(umask 077; touch "$SECRETS")
add_secret() { grep -q "^$1=" "$SECRETS" || echo "$1=$2" >> "$SECRETS"; }
add_secret GATEHOUSE_INDEX_API_KEY "$(random_alphanumeric 40)"
add_secret GATEHOUSE_IAM_MASTER_KEY "$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
add_secret GATEHOUSE_IAM_INDEX_ACCESS_KEY_ID "AKIA$(random_base32 16)"
add_secret GATEHOUSE_IAM_INDEX_SECRET_ACCESS_KEY "$(random_alphanumeric 40)"
add_secret GATEHOUSE_IAM_STORES_ACCESS_KEY_ID "AKIA$(random_base32 16)"
add_secret GATEHOUSE_IAM_STORES_SECRET_ACCESS_KEY "$(random_alphanumeric 40)"
add_secret GATEHOUSE_IAM_FANOUT_ACCESS_KEY_ID "AKIA$(random_base32 16)"
add_secret GATEHOUSE_IAM_FANOUT_SECRET_ACCESS_KEY "$(random_alphanumeric 40)"
add_secret GATEHOUSE_REDIS_PASSWORD "$(random_alphanumeric 40)"
# The user pool's app clients with a secret (GenerateSecret, the value supplied so that the client
# knows it too): index-service's sign-in (code flow) and the machine client (client_credentials).
# index-service's session cookie and CSRF tokens are sealed / signed with its session secret.
add_secret GATEHOUSE_INDEX_CLIENT_SECRET "$(random_alphanumeric 48)"
add_secret GATEHOUSE_MACHINE_CLIENT_SECRET "$(random_alphanumeric 48)"
add_secret GATEHOUSE_INDEX_SESSION_SECRET "$(random_alphanumeric 48)"
# shellcheck disable=SC1090
. "$SECRETS"
export GATEHOUSE_INDEX_API_KEY GATEHOUSE_IAM_MASTER_KEY GATEHOUSE_IAM_INDEX_ACCESS_KEY_ID \
  GATEHOUSE_IAM_INDEX_SECRET_ACCESS_KEY GATEHOUSE_IAM_STORES_ACCESS_KEY_ID \
  GATEHOUSE_IAM_STORES_SECRET_ACCESS_KEY GATEHOUSE_IAM_FANOUT_ACCESS_KEY_ID \
  GATEHOUSE_IAM_FANOUT_SECRET_ACCESS_KEY GATEHOUSE_REDIS_PASSWORD GATEHOUSE_INDEX_CLIENT_SECRET \
  GATEHOUSE_MACHINE_CLIENT_SECRET GATEHOUSE_INDEX_SESSION_SECRET
# The app clients' callback and sign-out URLs name index-service's port (gatehouse.properties).
export GATEHOUSE_INDEX_PORT=$INDEX_PORT
STARTED=()
# start_instance NAME MODULE PORT [MANAGEMENT_PORT]: one service instance, through a start script
# RUN_DIR/start/NAME.sh (mode 700; it reads the secrets from secrets.env, holds none) that starts it
# again exactly so: bench/faults.sh restarts a killed instance with it.
start_instance() {
  local name=$1 module=$2 port=$3 admin_port=${4:-$STORES_ADMIN_PORT} var id_var
  local script="$RUN_DIR/start/$name.sh"
  mkdir -p "$RUN_DIR/start"
  case "$module" in
    index-service) id_var=GATEHOUSE_IAM_INDEX ;;
    stores-service) id_var=GATEHOUSE_IAM_STORES ;;
    fanout-service) id_var=GATEHOUSE_IAM_FANOUT ;;
    *) id_var="" ;;
  esac
  (
    umask 077
    QUARKUS_HTTP_PORT=$port
    QUARKUS_MANAGEMENT_PORT=$admin_port
    QUARKUS_REDIS_HOSTS=$REDIS_HOSTS
    QUARKUS_REDIS_CLIENT_TYPE=$REDIS_CLIENT_TYPE
    QUARKUS_REST_CLIENT_STORES_URL="http://127.0.0.1:$STORES_PORT"
    QUARKUS_REST_CLIENT_FANOUT_URL="http://127.0.0.1:$FANOUT_PORT"
    GATEHOUSE_INDEX_URL="http://127.0.0.1:$INDEX_PORT"
    QUARKUS_MAILER_HOST=127.0.0.1
    QUARKUS_MAILER_PORT=$SMTP_PORT
    GATEHOUSE_IDENTITY_ISSUER_BASE="http://127.0.0.1:$IDENTITY_PORT"
    GATEHOUSE_IDENTITY_POOL_FILE="$RUN_DIR/user-pool.json"
    GATEHOUSE_IDENTITY_POOLS_POOL_FILE="$RUN_DIR/identity-pool.json"
    GATEHOUSE_CONFIG=$CONFIG
    GATEHOUSE_METERING_REVEAL_FILE="$RUN_DIR/api-keys.json"
    GATEHOUSE_IAM_REVEAL_FILE="$RUN_DIR/iam-credentials.json"
    {
      echo '#!/usr/bin/env bash'
      echo "# Starts $name as deploy/local/up.sh did. Secrets come from secrets.env."
      printf 'set -a; . %q; set +a\n' "$SECRETS"
      for var in QUARKUS_HTTP_PORT QUARKUS_MANAGEMENT_PORT QUARKUS_REDIS_HOSTS QUARKUS_REDIS_CLIENT_TYPE \
        QUARKUS_REST_CLIENT_STORES_URL QUARKUS_REST_CLIENT_FANOUT_URL GATEHOUSE_INDEX_URL \
        QUARKUS_MAILER_HOST QUARKUS_MAILER_PORT GATEHOUSE_IDENTITY_ISSUER_BASE \
        GATEHOUSE_IDENTITY_POOL_FILE GATEHOUSE_IDENTITY_POOLS_POOL_FILE GATEHOUSE_CONFIG GATEHOUSE_METERING_REVEAL_FILE \
        GATEHOUSE_IAM_REVEAL_FILE GATEHOUSE_COGNITO_ISSUER GATEHOUSE_INDEX_PORT; do
        printf 'export %s=%q\n' "$var" "${!var:-}"
      done
      # Redis (standalone, or every node of the cluster) requires the generated password.
      echo 'export QUARKUS_REDIS_PASSWORD=$GATEHOUSE_REDIS_PASSWORD'
      if [ "$module" = index-service ]; then
        # Sign-in (quarkus-oidc): the pool's issuer, the index app client's id; its secret and the
        # session secret come from secrets.env.
        printf 'export GATEHOUSE_INDEX_OIDC_ISSUER=%q GATEHOUSE_INDEX_OIDC_CLIENT_ID=%q\n' \
          "${GATEHOUSE_COGNITO_ISSUER:-}" "${INDEX_CLIENT_ID:-}"
        echo 'export GATEHOUSE_INDEX_OIDC_CLIENT_SECRET=$GATEHOUSE_INDEX_CLIENT_SECRET'
      fi
      if [ -n "$id_var" ]; then
        # The credentials the service signs its own calls with, as the AWS SDK's default chain reads them.
        echo 'unset AWS_PROFILE AWS_SESSION_TOKEN AWS_DEFAULT_PROFILE'
        echo "export AWS_ACCESS_KEY_ID=\$${id_var}_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=\$${id_var}_SECRET_ACCESS_KEY"
      fi
      printf 'exec java %s -jar %q\n' "${GATEHOUSE_JAVA_OPTS:-}" "$ROOT/$module/target/quarkus-app/quarkus-run.jar"
    } > "$script"
    chmod 700 "$script"
  )
  start_process "$name" "$RUN_DIR" bash "$script"
}
wait_for_instance() { # NAME PORT
  if ! wait_for_ready "$1" "$2" "$RUN_DIR" "$READY_TIMEOUT"; then
    echo "---- last lines of $RUN_DIR/logs/$1.log ----" >&2
    tail -n 25 "$RUN_DIR/logs/$1.log" >&2 || true
    cleanup_on_failure
    fail "$1 did not become ready on port $2"
  fi
}
cleanup_on_failure() { "$ROOT/deploy/local/down.sh" --run-dir "$RUN_DIR" --quiet || true; }

# Redis: the same discovery as the tests (redis-server on PATH, else the bundled binary).
redis_server=$(java -jar "$ROOT/local-redis/target/local-redis.jar" locate) \
  || fail "cannot find or extract a redis-server"
# Instances: name:module:http-port:management-port. One of each, or with --cluster 3 stores-service
# and 2 fanout-service instances on free ports behind HAProxy on the stores and fanout ports.
if $CLUSTER; then
  need_debian_package haproxy haproxy
  # Six more for the nodes' latency proxies when asked for (bench/faults.sh's fault 6, cluster.sh):
  # picked in the same call, so none is a port another server is about to take.
  read -r -a FREE <<< "$(java -jar "$ROOT/local-redis/target/local-redis.jar" free-port \
    $((${GATEHOUSE_REDIS_LATENCY_FILE:+6} + 14)) | tr '\n' ' ')"
  for port in "${FREE[@]}"; do check_port "$port" "a free port" --cluster; done
  REDIS_PORTS=("${FREE[@]:0:6}")
  REDIS_PROXY_PORTS=("${FREE[@]:14}")
  INSTANCES=("identity-service:identity-service:$IDENTITY_PORT:$IDENTITY_ADMIN_PORT"
    "stores-service-1:stores-service:${FREE[6]}:$STORES_ADMIN_PORT"
    "stores-service-2:stores-service:${FREE[7]}:${FREE[8]}"
    "stores-service-3:stores-service:${FREE[9]}:${FREE[10]}"
    "index-service:index-service:$INDEX_PORT:$INDEX_ADMIN_PORT"
    "fanout-service-1:fanout-service:${FREE[11]}:$FANOUT_ADMIN_PORT"
    "fanout-service-2:fanout-service:${FREE[12]}:${FREE[13]}")
  start_redis_cluster "$RUN_DIR" "$redis_server" "${REDIS_PORTS[@]}" \
    || { cleanup_on_failure; fail "the Redis Cluster did not start; see $RUN_DIR/logs/redis-node-*.log"; }
  REDIS_HOSTS=$(cluster_hosts "$RUN_DIR")
  REDIS_CLIENT_TYPE=cluster
  write_haproxy_config "$RUN_DIR/haproxy.cfg" "$STORES_PORT" "$FANOUT_PORT" \
    "${FREE[6]} ${FREE[7]} ${FREE[9]}" "${FREE[11]} ${FREE[12]}"
else
  INSTANCES=("identity-service:identity-service:$IDENTITY_PORT:$IDENTITY_ADMIN_PORT"
    "stores-service:stores-service:$STORES_PORT:$STORES_ADMIN_PORT"
    "index-service:index-service:$INDEX_PORT:$INDEX_ADMIN_PORT"
    "fanout-service:fanout-service:$FANOUT_PORT:$FANOUT_ADMIN_PORT")
# The password goes in a config file (mode 600), not on the command line where ps shows it.
printf 'requirepass %s\n' "$GATEHOUSE_REDIS_PASSWORD" > "$RUN_DIR/redis/redis.conf"
start_process redis "$RUN_DIR" "$redis_server" "$RUN_DIR/redis/redis.conf" --port "$REDIS_PORT" \
  --bind 127.0.0.1 --dir "$RUN_DIR/redis" --appendonly yes --save "" --daemonize no
echo "$REDIS_PORT" > "$RUN_DIR/redis.port"
wait_for_redis "$REDIS_PORT" 15 "$GATEHOUSE_REDIS_PASSWORD" || { cleanup_on_failure; fail "Redis did not start; see $RUN_DIR/logs/redis.log"; }
  REDIS_HOSTS="redis://127.0.0.1:$REDIS_PORT"
  REDIS_CLIENT_TYPE=standalone
fi
printf '%s\n' "${INSTANCES[@]}" > "$RUN_DIR/instances"

# Mail: SMTP for identity-service, POP3 to read any mailbox (no passwords: any is accepted).
start_process mail "$RUN_DIR" java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
  -Dgreenmail.pop3.hostname=127.0.0.1 -Dgreenmail.pop3.port="$POP3_PORT" -Dgreenmail.auth.disabled \
  -jar "$GREENMAIL_JAR"
for _ in $(seq 1 60); do port_in_use "$SMTP_PORT" && port_in_use "$POP3_PORT" && break; sleep 0.25; done
port_in_use "$SMTP_PORT" || { cleanup_on_failure; fail "the mail server did not start; see $RUN_DIR/logs/mail.log"; }

rm -f "$RUN_DIR/user-pool.json" "$RUN_DIR/identity-pool.json"
for entry in "${INSTANCES[@]}"; do
  IFS=: read -r name module port admin_port <<< "$entry"
  start_instance "$name" "$module" "$port" "$admin_port"
  if [ "$module" = identity-service ]; then
    # The pool's issuer, for the Cognito authorizer of the services started next.
    GATEHOUSE_COGNITO_ISSUER=$(wait_for_pool_issuer "$RUN_DIR/user-pool.json" "$READY_TIMEOUT") || {
      tail -n 25 "$RUN_DIR/logs/$name.log" >&2 || true
      cleanup_on_failure
      fail "identity-service did not create its user pool"
    }
    export GATEHOUSE_COGNITO_ISSUER
    INDEX_CLIENT_ID=$(pool_client_id "$RUN_DIR/user-pool.json" index)
    MACHINE_CLIENT_ID=$(pool_client_id "$RUN_DIR/user-pool.json" machine)
  elif [ "$name" = stores-service-1 ]; then
    # The first instance seeds the catalogue and generates the keys before the others start.
    wait_for_instance "$name" "$port"
  fi
done

for entry in "${INSTANCES[@]}"; do
  IFS=: read -r name module port admin_port <<< "$entry"
  wait_for_instance "$name" "$port"
done
if $CLUSTER; then
  start_process haproxy "$RUN_DIR" haproxy -db -f "$RUN_DIR/haproxy.cfg"
  for port in "$STORES_PORT" "$FANOUT_PORT"; do
    for _ in $(seq 1 40); do [ "$(http_status "$port" /q/health/ready)" = 200 ] && break; sleep 0.25; done
    [ "$(http_status "$port" /q/health/ready)" = 200 ] \
      || { cleanup_on_failure; fail "HAProxy is not ready on port $port; see $RUN_DIR/logs/haproxy.log"; }
  done
  say "HAProxy ready on ports $STORES_PORT (stores) and $FANOUT_PORT (fanout)"
fi

# Key values exist in plaintext only here, written once by the service that created them.
API_KEYS=$(cat "$RUN_DIR/api-keys.json" 2>/dev/null || echo '{}')
ACCOUNT_ID=$(config_value gatehouse.account-id 123456789012)
# IAM: the principals the services generated, plus the services' own, which the launcher supplies.
supplied_iam() { # name access-key-id secret arn
  printf '"%s": {"accessKeyId": "%s", "secretAccessKey": "%s", "arn": "%s"}' "$1" "$2" "$3" "$4"
}
SUPPLIED_IAM="$(supplied_iam index-service "$GATEHOUSE_IAM_INDEX_ACCESS_KEY_ID" "$GATEHOUSE_IAM_INDEX_SECRET_ACCESS_KEY" "arn:aws:iam::$ACCOUNT_ID:user/index-service"),
    $(supplied_iam stores-service "$GATEHOUSE_IAM_STORES_ACCESS_KEY_ID" "$GATEHOUSE_IAM_STORES_SECRET_ACCESS_KEY" "arn:aws:iam::$ACCOUNT_ID:role/stores-service"),
    $(supplied_iam fanout-service "$GATEHOUSE_IAM_FANOUT_ACCESS_KEY_ID" "$GATEHOUSE_IAM_FANOUT_SECRET_ACCESS_KEY" "arn:aws:iam::$ACCOUNT_ID:role/fanout-service")"
GENERATED_IAM=$(sed '1s/^ *{//' "$RUN_DIR/iam-credentials.json" 2>/dev/null || true)
if [ -n "$(echo "$GENERATED_IAM" | tr -d ' \n}')" ]; then
  IAM="{ $SUPPLIED_IAM,$GENERATED_IAM"
else
  IAM="{ $SUPPLIED_IAM }"
fi
umask 077
cat > "$RUN_DIR/credentials.json" <<JSON
{
  "region": "$(config_value gatehouse.region us-east-1)",
  "accountId": "$ACCOUNT_ID",
  "endpoints": {
    "index": "http://127.0.0.1:$INDEX_PORT",
    "stores": "http://127.0.0.1:$STORES_PORT",
    "storesAdmin": "http://127.0.0.1:$STORES_ADMIN_PORT",
    "indexAdmin": "http://127.0.0.1:$INDEX_ADMIN_PORT",
    "fanoutAdmin": "http://127.0.0.1:$FANOUT_ADMIN_PORT",
    "identityAdmin": "http://127.0.0.1:$IDENTITY_ADMIN_PORT",
    "fanout": "http://127.0.0.1:$FANOUT_PORT",
    "identity": "http://127.0.0.1:$IDENTITY_PORT",
    "smtp": "smtp://127.0.0.1:$SMTP_PORT",
    "pop3": "pop3://127.0.0.1:$POP3_PORT",
    "redis": "$REDIS_HOSTS"
  },
  "instances": [$(sed 's/^\([^:]*\):[^:]*:\([^:]*\):.*/"\1=http:\/\/127.0.0.1:\2"/' "$RUN_DIR/instances" | paste -sd, -)],
  "userPool": $(cat "$RUN_DIR/user-pool.json" 2>/dev/null || echo '{}'),
  "identityPool": $(cat "$RUN_DIR/identity-pool.json" 2>/dev/null || echo '{}'),
  "oauth": {
    "domain": "http://127.0.0.1:$IDENTITY_PORT",
    "index": {"clientId": "${INDEX_CLIENT_ID:-}", "clientSecret": "$GATEHOUSE_INDEX_CLIENT_SECRET",
      "callbackUrls": ["http://127.0.0.1:$INDEX_PORT/callback", "http://localhost:$INDEX_PORT/callback"],
      "logoutUrls": ["http://127.0.0.1:$INDEX_PORT/", "http://localhost:$INDEX_PORT/"]},
    "machine": {"clientId": "${MACHINE_CLIENT_ID:-}", "clientSecret": "$GATEHOUSE_MACHINE_CLIENT_SECRET",
      "scopes": ["https://stores.gatehouse.local/read"]}
  },
  "apiKeys": $API_KEYS,
  "iam": $IAM
}
JSON

TODAY=$(date -u +%F)
REGION=$(config_value gatehouse.region us-east-1)
cat <<DONE

Gatehouse is up. Start here: http://127.0.0.1:$INDEX_PORT/  (sign up, sign in, search, order)
  index-service   http://127.0.0.1:$INDEX_PORT/  (sign-in through identity-service's hosted pages)
  stores-service  http://127.0.0.1:$STORES_PORT/stores
  stores admin    http://127.0.0.1:$STORES_ADMIN_PORT/usageplans/free/usage?endDate=$TODAY&startDate=$TODAY
  metrics         http://127.0.0.1:$STORES_ADMIN_PORT/q/metrics (stores), :$INDEX_ADMIN_PORT (index),
                  :$FANOUT_ADMIN_PORT (fanout), :$IDENTITY_ADMIN_PORT (identity): management ports, loopback only
  fanout-service  http://127.0.0.1:$FANOUT_PORT/events  (AWS_IAM: principals stores-service and admin publish)
  identity        http://127.0.0.1:$IDENTITY_PORT/  (Cognito user pool; ids in credentials.json "userPool")
  mail            smtp 127.0.0.1:$SMTP_PORT; read a mailbox (any password):
                  curl -s -u 'ada@example.com:x' pop3://127.0.0.1:$POP3_PORT/1
  redis           $REDIS_HOSTS (password: GATEHOUSE_REDIS_PASSWORD in $RUN_DIR/secrets.env)
  credentials     $RUN_DIR/credentials.json
  logs            $RUN_DIR/logs/
  health and OpenAPI on every service's port: /q/health  /q/openapi
api keys:
$(sed -n 's/^ *"\([^"]*\)" *: *"\([^"]*\)".*/  \1: \2/p' "$RUN_DIR/api-keys.json" 2>/dev/null)
iam principals (secrets in credentials.json): index-service stores-service fanout-service admin nobody
try (GET /stores is AWS_IAM + API key; curl 8.1+ signs query strings correctly):
  curl --aws-sigv4 aws:amz:$(config_value gatehouse.region us-east-1):execute-api --user "<accessKeyId>:<secretAccessKey>" \\
       -H "x-api-key: <freeKey>" http://127.0.0.1:$STORES_PORT/stores
a usage report (GetUsage) as admin, AWS CLI or curl (query pre-sorted: curl < 8.1 signs it as written):
  AWS_ACCESS_KEY_ID=<accessKeyId> AWS_SECRET_ACCESS_KEY=<secretAccessKey> aws apigateway get-usage \\
       --region $REGION --endpoint-url http://127.0.0.1:$STORES_ADMIN_PORT \\
       --usage-plan-id free --start-date $TODAY --end-date $TODAY
  curl --aws-sigv4 aws:amz:$REGION:apigateway --user "<accessKeyId>:<secretAccessKey>" \\
       'http://127.0.0.1:$STORES_ADMIN_PORT/usageplans/free/usage?endDate=$TODAY&startDate=$TODAY'
publish an event as admin (delivered by mail and to index-service's /notifications):
  curl --aws-sigv4 aws:amz:$(config_value gatehouse.region us-east-1):execute-api --user "<accessKeyId>:<secretAccessKey>" \\
       -H 'Content-Type: application/json' http://127.0.0.1:$FANOUT_PORT/events \\
       -d '{"type":"order.placed","detail":{"orderId":"o-1","customer":{"email":"ada@example.com"}}}'
DONE

if $DETACH; then
  echo "  stop with       deploy/local/down.sh$( [ "$RUN_DIR" = "$ROOT/deploy/local/run" ] || echo " --run-dir $RUN_DIR")"
  exit 0
fi
echo "  Ctrl-C stops everything."
trap '"$ROOT/deploy/local/down.sh" --run-dir "$RUN_DIR"; exit 0' INT TERM
while [ -n "$(running_pids "$RUN_DIR")" ]; do
  sleep 2
done
echo "every process has exited; see $RUN_DIR/logs/" >&2
"$ROOT/deploy/local/down.sh" --run-dir "$RUN_DIR" --quiet
exit 1
