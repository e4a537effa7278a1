# One benchmark at a time on a machine: two running together measure each other, and nothing in
# their output would say so. Sourced by bench/run.sh, bench/fanout.sh and benchmarks/run.sh right
# after they start; each releases the lock on exit. The lock is a directory holding its owner's
# pid (no open file for the suites' processes to inherit); a lock whose owner is gone is taken over.
BENCH_LOCK="${TMPDIR:-/tmp}/gatehouse-bench.lock"
bench_lock() {
  local owner
  if ! mkdir "$BENCH_LOCK" 2>/dev/null; then
    owner=$(cat "$BENCH_LOCK/pid" 2>/dev/null || true)
    if [ -n "$owner" ] && kill -0 "$owner" 2>/dev/null; then
      echo "bench: another Gatehouse benchmark (pid $owner) is running on this machine; start this one when it ends" >&2
      exit 1
    fi
    rm -rf "$BENCH_LOCK"
    mkdir "$BENCH_LOCK" || { echo "bench: cannot take the lock $BENCH_LOCK" >&2; exit 1; }
  fi
  echo $$ > "$BENCH_LOCK/pid"
}
bench_unlock() {
  if [ "$(cat "$BENCH_LOCK/pid" 2>/dev/null || true)" = "$$" ]; then
    rm -rf "$BENCH_LOCK"
  fi
}
