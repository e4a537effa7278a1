# The clustered topology of `up.sh --cluster` (sourced by up.sh and bench/faults.sh): a Redis
# Cluster of 3 masters with 1 replica each (append-only files on), and HAProxy in front of the
# stores-service (and fanout-service) instances. Needs lib.sh.

CLUSTER_MASTERS=3
CLUSTER_NODES=6
# How long a silent node is considered up: a replica is promoted after about this long.
CLUSTER_NODE_TIMEOUT_MS=${GATEHOUSE_CLUSTER_NODE_TIMEOUT_MS:-3000}

# Installs a Debian package when a command it provides is missing.
need_debian_package() { # package command
  command -v "$2" >/dev/null && return 0
  local SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  say "$2 missing; installing Debian's $1"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$1"; } \
    >/dev/null || fail "cannot install $1: apt-get install $1, then retry"
}

# redis-cli as the launcher's own client: authenticated with the launcher's Redis password
# (GATEHOUSE_REDIS_PASSWORD) through redis-cli's REDISCLI_AUTH, never a command-line argument
# (which ps shows to every local user).
cluster_cli() { REDISCLI_AUTH="$GATEHOUSE_REDIS_PASSWORD" redis-cli "$@"; }

# The settings every node reads from a file (mode 600) rather than its command line: the password
# clients must give (requirepass) and the one a replica gives its master (masterauth), both the
# launcher's Redis password, as for the standalone Redis.
write_cluster_node_conf() { # RUN_DIR
  (umask 077; printf 'requirepass %s\nmasterauth %s\n' "$GATEHOUSE_REDIS_PASSWORD" \
    "$GATEHOUSE_REDIS_PASSWORD" > "$1/redis/cluster-node.conf")
}

# The port clients reach a node on: its latency proxy's (RUN_DIR/redis.proxies, "node proxy" per
# line) when it has one, else its own.
client_port() { # RUN_DIR PORT
  local node proxy
  if [ -f "$1/redis.proxies" ]; then
    while read -r node proxy; do [ "$node" = "$2" ] && { echo "$proxy"; return; }; done < "$1/redis.proxies"
  fi
  echo "$2"
}

# start_latency_proxy RUN_DIR PORT...: with GATEHOUSE_REDIS_LATENCY_FILE set (bench/faults.sh's
# fault 6; this kernel has no netem), every node gets a TCP proxy (on the caller's
# REDIS_PROXY_PORTS, picked with the nodes' ports so none is taken twice) that holds each
# chunk for the milliseconds that file holds (0 when missing or empty), in each direction
# (benchmarks' LatencyProxy, one process for all nodes). The nodes announce the proxies' ports, so
# every client (the services, redis-cli, a replica syncing from its master) goes through them;
# the cluster bus does not (failure detection keeps its own timing).
start_latency_proxy() {
  local run_dir=$1 port routes=() proxies=() i=0
  shift
  [ -n "${GATEHOUSE_REDIS_LATENCY_FILE:-}" ] || return 0
  [ -f "$run_dir/redis.proxies" ] && return 0
  proxies=("${REDIS_PROXY_PORTS[@]}")
  [ ${#proxies[@]} -ge $# ] || { say "no ports for the latency proxies (REDIS_PROXY_PORTS)"; return 1; }
  for port in "$@"; do
    echo "$port ${proxies[$i]}" >> "$run_dir/redis.proxies"
    routes+=("${proxies[$i]}:$port")
    i=$((i + 1))
  done
  start_process redis-latency-proxy "$run_dir" java -cp "$ROOT/benchmarks/target/benchmarks.jar" \
    dev.gatehouse.benchmarks.faults.LatencyProxy "$GATEHOUSE_REDIS_LATENCY_FILE" "${routes[@]}"
  for port in "${proxies[@]}"; do
    for ((i = 0; i < 120; i++)); do port_in_use "$port" && break; sleep 0.25; done
    port_in_use "$port" || return 1
  done
}

# start_redis_node RUN_DIR REDIS_SERVER PORT: one cluster node, data in RUN_DIR/redis/node-PORT
# (its nodes.conf and append-only file), pid file redis-node-PORT. A node behind a latency proxy
# announces the proxy's port to clients; its cluster bus stays on its own port + 10000.
start_redis_node() {
  local run_dir=$1 server=$2 port=$3 dir="$1/redis/node-$3" announce=() client
  mkdir -p "$dir"
  [ -f "$run_dir/redis/cluster-node.conf" ] || write_cluster_node_conf "$run_dir"
  client=$(client_port "$run_dir" "$port")
  [ "$client" = "$port" ] || announce=(--cluster-announce-ip 127.0.0.1 \
    --cluster-announce-port "$client" --cluster-announce-bus-port "$((port + 10000))")
  start_process "redis-node-$port" "$run_dir" "$server" "$run_dir/redis/cluster-node.conf" \
    --port "$port" --bind 127.0.0.1 \
    --dir "$dir" --cluster-enabled yes --cluster-config-file nodes.conf \
    --cluster-node-timeout "$CLUSTER_NODE_TIMEOUT_MS" --appendonly yes --appendfsync everysec \
    --save "" --daemonize no "${announce[@]}"
}

# start_redis_cluster RUN_DIR REDIS_SERVER PORT...: starts the nodes; on first start joins them
# into a cluster (the first 3 ports masters, each with a replica); a restart reuses nodes.conf and
# the append-only files. Waits for cluster_state:ok on every node.
start_redis_cluster() {
  local run_dir=$1 server=$2 port fresh=true nodes=()
  shift 2
  start_latency_proxy "$run_dir" "$@" || return 1
  for port in "$@"; do
    [ -f "$run_dir/redis/node-$port/nodes.conf" ] && fresh=false
    start_redis_node "$run_dir" "$server" "$port"
    nodes+=("127.0.0.1:$port")
  done
  for port in "$@"; do
    wait_for_redis "$port" 15 "$GATEHOUSE_REDIS_PASSWORD" || return 1
  done
  if $fresh; then
    need_debian_package redis-tools redis-cli
    cluster_cli --cluster create "${nodes[@]}" --cluster-replicas 1 --cluster-yes \
      > "$run_dir/logs/redis-cluster-create.log" 2>&1 || return 1
  fi
  printf '%s\n' "$@" > "$run_dir/redis.ports"
  wait_for_cluster_ok "$run_dir" 60
}

# True when every running node of the run reports cluster_state:ok (a node killed on purpose is
# skipped: its slots must have been taken over by its replica).
cluster_ok() {
  local run_dir=$1 port pid
  for port in $(cat "$run_dir/redis.ports"); do
    pid=$(cat "$run_dir/pids/redis-node-$port.pid" 2>/dev/null || true)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
    cluster_cli -p "$port" cluster info 2>/dev/null | grep -q 'cluster_state:ok' || return 1
  done
}

wait_for_cluster_ok() {
  local run_dir=$1 seconds=$2 i
  for ((i = 0; i < seconds * 4; i++)); do
    cluster_ok "$run_dir" && return 0
    sleep 0.25
  done
  return 1
}

# Every node as quarkus.redis.hosts expects (the client discovers the topology from any of them);
# a node behind a latency proxy by the proxy's port, as it announces itself.
cluster_hosts() {
  local run_dir=$1 port hosts=""
  for port in $(cat "$run_dir/redis.ports"); do
    hosts+="${hosts:+,}redis://127.0.0.1:$(client_port "$run_dir" "$port")"
  done
  echo "$hosts"
}

# write_haproxy_config FILE STORES_PORT FANOUT_PORT STORES_INSTANCE_PORTS FANOUT_INSTANCE_PORTS:
# round robin, health checks on /q/health/ready every second (2 failures take a server out, 2
# successes bring it back). A request whose connection failed is sent to another server; a GET or
# HEAD (idempotent) is also retried on another server when its server died before answering (empty
# response, reset, 502/503/504), so killing one instance loses no request that can be repeated.
# When no instance is ready (each reports Redis down: a shared outage, not theirs), requests still
# go to them (each instance again as an unchecked backup), so each usage plan's Redis-unavailable
# policy answers (fail-open serves, fail-closed 503) instead of the balancer's own 503 for all.
write_haproxy_config() {
  local file=$1 stores_port=$2 fanout_port=$3 stores_ports=$4 fanout_ports=$5 port i
  {
    cat <<CFG
global
  maxconn 4096
  # One line per request on stdout (logs/haproxy.log): timings, server, retries, termination state.
  log stdout format raw local0
defaults
  mode http
  log global
  option httplog
  timeout connect 1s
  timeout client 60s
  timeout server 30s
  retries 3
  option redispatch 1
  retry-on all-retryable-errors
  timeout check 2s
  # An instance back from a restart gets its share of requests over 20 s, not at once: its JIT
  # is cold, and a full share at once would time requests out.
  default-server inter 1s fall 2 rise 2 slowstart 20s
frontend stores
  bind 127.0.0.1:$stores_port
  default_backend stores
frontend fanout
  bind 127.0.0.1:$fanout_port
  default_backend fanout
backend stores
  balance roundrobin
  http-request disable-l7-retry if !METH_GET
  option httpchk GET /q/health/ready
  http-check expect status 200
CFG
    i=0
    echo "  option allbackups"
    for port in $stores_ports; do i=$((i + 1)); echo "  server stores-$i 127.0.0.1:$port check"; done
    i=0
    for port in $stores_ports; do i=$((i + 1)); echo "  server stores-$i-unchecked 127.0.0.1:$port backup"; done
    cat <<CFG
backend fanout
  balance roundrobin
  http-request disable-l7-retry if !METH_GET
  option httpchk GET /q/health/ready
  http-check expect status 200
CFG
    i=0
    echo "  option allbackups"
    for port in $fanout_ports; do i=$((i + 1)); echo "  server fanout-$i 127.0.0.1:$port check"; done
    i=0
    for port in $fanout_ports; do i=$((i + 1)); echo "  server fanout-$i-unchecked 127.0.0.1:$port backup"; done
  } > "$file"
}
