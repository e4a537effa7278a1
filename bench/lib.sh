# Shared by the bench/ scripts (sourced). sigv4 and redis_cpu need $REDIS_PORT and the bench
# principal's GATEHOUSE_BENCH_ACCESS_KEY_ID / GATEHOUSE_BENCH_SECRET_ACCESS_KEY.

# Opens fd 3 to the suite's Redis ($REDIS_PORT), authenticated with the launcher's password
# (GATEHOUSE_REDIS_PASSWORD from the run's secrets.env).
redis_open() {
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT"
  printf 'AUTH %s\r\n' "$GATEHOUSE_REDIS_PASSWORD" >&3
  read -r -t 2 reply <&3 || true
}

# Installs a Debian package when a command it provides is missing, or stops with what to install.
need_package() { # package command...
  local package=$1 missing="" SUDO="" c
  shift
  for c in "$@"; do command -v "$c" >/dev/null || missing=1; done
  [ -n "$missing" ] || return 0
  echo "bench: $* missing; installing Debian's $package" >&2
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "$package" >/dev/null \
    || { echo "bench: install $package (apt-get install $package) and retry" >&2; exit 1; }
}

# SigV4 (header form) of a request, computed with openssl, one line per header. SigV4 has no nonce
# and a signature stays valid for 5 minutes, so wrk can replay it.
hex_of() { od -An -v -tx1 | tr -d ' \n'; }
hmac() { printf '%s' "$2" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$1" -r | cut -d' ' -f1; }
sigv4() { # method host path [body]
  local amz_date day creq sts key
  amz_date=$(date -u +%Y%m%dT%H%M%SZ); day=${amz_date:0:8}
  creq=$(printf '%s\n%s\n\nhost:%s\nx-amz-date:%s\n\nhost;x-amz-date\n%s' "$1" "$3" "$2" "$amz_date" \
    "$(printf '%s' "${4:-}" | openssl dgst -sha256 -r | cut -d' ' -f1)")
  sts=$(printf 'AWS4-HMAC-SHA256\n%s\n%s/us-east-1/execute-api/aws4_request\n%s' "$amz_date" "$day" \
    "$(printf '%s' "$creq" | openssl dgst -sha256 -r | cut -d' ' -f1)")
  key=$(printf 'AWS4%s' "$GATEHOUSE_BENCH_SECRET_ACCESS_KEY" | hex_of)
  for part in "$day" us-east-1 execute-api aws4_request; do key=$(hmac "$key" "$part"); done
  printf 'Authorization:AWS4-HMAC-SHA256 Credential=%s/%s/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=%s\nX-Amz-Date:%s' \
    "$GATEHOUSE_BENCH_ACCESS_KEY_ID" "$day" "$(hmac "$key" "$sts")" "$amz_date"
}

# Redis's own CPU time so far (user + system, seconds), to split a scenario's cost between Redis
# and the JVM.
redis_cpu() {
  local line total=0
  redis_open
  printf 'INFO cpu\r\n' >&3
  while read -r -t 1 line <&3; do
    line=${line%$'\r'}
    case "$line" in
      used_cpu_sys:*|used_cpu_user:*) total=$(awk -v t="$total" -v v="${line#*:}" 'BEGIN { print t + v }') ;;
    esac
  done
  exec 3<&- 3>&-
  echo "$total"
}
