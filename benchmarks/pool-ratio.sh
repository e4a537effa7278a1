#!/usr/bin/env bash
# The cost of verifying identity-pool credentials vs a long-term key, in one JMH run: the separate
# benchmarks and the paired group (both decisions at the same time, one thread each, so each
# iteration sees the same load), then the ratio pool / long-term with a 95 % confidence interval;
# then PoolCredentialsCpuRatio: the same ratio in CPU time, and SigV4's and SHA-256's part of it.
#
#   benchmarks/pool-ratio.sh                          # -wi 5 -i 30 -w 1s -r 2s -f 1
#   BENCH_JMH="-wi 3 -i 60 -w 1s -r 1s -f 2" benchmarks/pool-ratio.sh
#   BENCH_NO_BUILD=1 BENCH_JAR=/tmp/old-benchmarks.jar benchmarks/pool-ratio.sh   # another build
#   (a build without PoolCredentialsCpuRatio: BENCH_CPU_CP=/tmp/old-benchmarks.jar:<dir with that
#   class> BENCH_CPU_PARTS=decision)
#
# Results go to bench/results/pool-ratio-<time>/ (not committed).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../bench/lock.sh
. "$ROOT/bench/lock.sh"
bench_lock
trap bench_unlock EXIT
JMH_SETTINGS=${BENCH_JMH:--wi 5 -i 30 -w 1s -r 2s -f 1}
OUT="$ROOT/bench/results/pool-ratio-$(date -u +%Y%m%dT%H%M%SZ)"
JAR=${BENCH_JAR:-"$ROOT/benchmarks/target/benchmarks.jar"}

if [ -z "${BENCH_NO_BUILD:-}" ]; then
  echo "bench: building the benchmarks module" >&2
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package)
fi
mkdir -p "$OUT"
# shellcheck disable=SC2086 # JMH_SETTINGS is a list of options
java -jar "$JAR" PoolCredentialsVerify $JMH_SETTINGS -rf json -rff "$OUT/jmh.json" \
  >"$OUT/jmh.log" 2>&1 || { tail -40 "$OUT/jmh.log" >&2; exit 1; }
{
  echo "# $(date -u +%FT%TZ)  $(getconf _NPROCESSORS_ONLN) CPUs  load $(cut -d' ' -f1-3 /proc/loadavg)  JMH $JMH_SETTINGS  jar $JAR"
  grep -E '^(Benchmark|PoolCredentials)' "$OUT/jmh.log" || true
  java -cp "$JAR" dev.gatehouse.benchmarks.PoolCredentialsRatio "$OUT/jmh.json"
  # The same pair in CPU time (steadier on a loaded machine), and SigV4's and SHA-256's share.
  echo "# CPU time from $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
  # shellcheck disable=SC2086 # BENCH_CPU_PARTS is a list
  java -cp "${BENCH_CPU_CP:-$JAR}" dev.gatehouse.benchmarks.PoolCredentialsCpuRatio ${BENCH_CPU_PARTS:-decision sigv4 sha256} \
    | grep -E 'CPU time|ratio|canonical request'
} | tee "$OUT/summary.txt"
