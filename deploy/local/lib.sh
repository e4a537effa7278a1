# Functions shared by up.sh and down.sh. Plain bash: no curl, no redis-cli, no container engine.

say() { echo "gatehouse: $*"; }
fail() { echo "gatehouse: $*" >&2; exit 1; }

# need_value SCRIPT "$@": the option in $1 takes a value; dies naming it when $2 is missing or is
# the next option.
need_value() {
  local script=$1
  shift
  if [ $# -lt 2 ] || [ -z "$2" ] || [ "${2#--}" != "$2" ]; then
    echo "$script: $1 needs a value (e.g. $1 $(case "$1" in --run-dir) echo /tmp/gatehouse-run ;; *) echo 18081 ;; esac))" >&2
    exit 2
  fi
}

# " --run-dir DIR" when the run directory is not the default one, for the commands we print.
run_dir_flag() {
  [ "$RUN_DIR" = "$ROOT/deploy/local/run" ] || printf ' --run-dir %s' "$RUN_DIR"
}

# True when something accepts connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_port() {
  local port=$1 what=$2 flag=$3
  case "$port" in ''|*[!0-9]*) fail "$flag needs a port number, got '$port'" ;; esac
  if port_in_use "$port"; then
    fail "port $port ($what) is already in use: stop what holds it, or pick another with $flag"
  fi
}

# start_process NAME RUN_DIR COMMAND... : runs COMMAND in its own session, logs to
# RUN_DIR/logs/NAME.log, records its pid in RUN_DIR/pids/NAME.pid.
start_process() {
  local name=$1 run_dir=$2
  shift 2
  if command -v setsid >/dev/null; then
    setsid "$@" >>"$run_dir/logs/$name.log" 2>&1 < /dev/null &
  else
    nohup "$@" >>"$run_dir/logs/$name.log" 2>&1 < /dev/null &
  fi
  echo $! > "$run_dir/pids/$name.pid"
  say "started $name (pid $!, log $run_dir/logs/$name.log)"
}

# Pids recorded under RUN_DIR/pids that are still alive, one per line.
running_pids() {
  local run_dir=$1 file pid
  [ -d "$run_dir/pids" ] || return 0
  for file in "$run_dir"/pids/*.pid; do
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
  done
}

# wait_for_redis PORT SECONDS [PASSWORD]: true once Redis answers PING (after AUTH, if given).
wait_for_redis() {
  local port=$1 seconds=$2 password=${3:-} reply i
  for ((i = 0; i < seconds * 10; i++)); do
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      reply=""
      if [ -n "$password" ]; then
        printf 'AUTH %s\r\n' "$password" >&3
        read -r -t 1 reply <&3 || true
      fi
      printf 'PING\r\n' >&3
      read -r -t 1 reply <&3 || true
      exec 3<&- 3>&-
      [ "${reply%$'\r'}" = "+PONG" ] && return 0
    fi
    sleep 0.1
  done
  return 1
}

# HTTP status of GET http://127.0.0.1:PORT/PATH, or nothing if no answer.
http_status() {
  local port=$1 path=$2 line=""
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
  read -r -t 5 line <&3 || true
  exec 3<&- 3>&-
  set -- $line
  echo "${2:-}"
}

# wait_for_pool_issuer FILE SECONDS : prints the "issuer" of identity-service's pool file once it
# has been written; fails after SECONDS.
wait_for_pool_issuer() {
  local file=$1 seconds=$2 i issuer
  for ((i = 0; i < seconds * 4; i++)); do
    issuer=$(sed -n 's/.*"issuer" *: *"\([^"]*\)".*/\1/p' "$file" 2>/dev/null || true)
    [ -n "$issuer" ] && { echo "$issuer"; return 0; }
    sleep 0.25
  done
  return 1
}

# pool_client_id FILE NAME : the id identity-service minted for app client NAME (its pool file's
# "clients" map); empty when the pool has no such client.
pool_client_id() {
  sed -n '/"clients"/,/}/s/^ *"'"$2"'" *: *"\([^"]*\)".*/\1/p' "$1" 2>/dev/null | head -n 1
}

wait_for_ready() {
  local name=$1 port=$2 run_dir=$3 seconds=$4 i pid
  pid=$(cat "$run_dir/pids/$name.pid")
  for ((i = 0; i < seconds * 4; i++)); do
    kill -0 "$pid" 2>/dev/null || return 1
    [ "$(http_status "$port" /q/health/ready)" = "200" ] && { say "$name ready on port $port"; return 0; }
    sleep 0.25
  done
  return 1
}

# random_alphanumeric N: N characters of [A-Za-z0-9] from the kernel's CSPRNG.
# (No `tr < /dev/urandom | head`: under pipefail, tr's SIGPIPE would fail the script.)
random_alphanumeric() {
  local pool
  pool=$(head -c 4096 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')
  printf '%s' "${pool:0:$1}"
}

# random_base32 N: N characters of [A-Z2-7] (the alphabet of AWS access key ids).
random_base32() {
  local pool
  pool=$(head -c 4096 /dev/urandom | LC_ALL=C tr -dc 'A-Z2-7')
  printf '%s' "${pool:0:$1}"
}

# with_signing_credentials SERVICE CMD...: runs CMD with the AWS credentials SERVICE signs its
# outgoing calls with, in the standard environment variables the AWS SDK's default chain reads
# (as on Lambda); any AWS profile or session token of the caller's shell is hidden from it.
with_signing_credentials() {
  local service=$1
  shift
  local id secret
  case "$service" in
    index-service) id=$GATEHOUSE_IAM_INDEX_ACCESS_KEY_ID; secret=$GATEHOUSE_IAM_INDEX_SECRET_ACCESS_KEY ;;
    stores-service) id=$GATEHOUSE_IAM_STORES_ACCESS_KEY_ID; secret=$GATEHOUSE_IAM_STORES_SECRET_ACCESS_KEY ;;
    fanout-service) id=$GATEHOUSE_IAM_FANOUT_ACCESS_KEY_ID; secret=$GATEHOUSE_IAM_FANOUT_SECRET_ACCESS_KEY ;;
    *) "$@"; return ;;
  esac
  (
    unset AWS_PROFILE AWS_SESSION_TOKEN AWS_DEFAULT_PROFILE
    export AWS_ACCESS_KEY_ID="$id"
    export AWS_SECRET_ACCESS_KEY="$secret"
    "$@"
  )
}

# config_value NAME DEFAULT: a property from the suite configuration file ($CONFIG).
config_value() {
  local value
  value=$(sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$CONFIG" | tail -n 1)
  echo "${value:-$2}"
}
