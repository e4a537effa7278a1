#!/usr/bin/env bash
# JMH benchmark of Gatehouse's usage-plan decision against bucket4j's Redis (Lettuce) token bucket,
# each against its own private redis-server. Builds the module, runs every benchmark with 1 and 50
# threads, and prints ops/s, p50/p99 latency and the Gatehouse/bucket4j ratios.
#
#   benchmarks/run.sh                                  # everything, about 8 minutes on 2 cores
#   BENCH_THREADS="1" benchmarks/run.sh -p keys=1      # extra arguments go to JMH
#   BENCH_JMH="-wi 1 -i 2 -w 2s -r 3s -f 1" benchmarks/run.sh
#
# Raw JMH logs and JSON results, and the summary, go to bench/results/jmh-<time>/ (not committed).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../bench/lock.sh
. "$ROOT/bench/lock.sh"
bench_lock
trap bench_unlock EXIT
THREADS=${BENCH_THREADS:-1 50}
# Modest settings for a 2-core machine; each benchmark runs in both Throughput and SampleTime mode.
JMH_SETTINGS=${BENCH_JMH:--wi 2 -i 3 -w 3s -r 5s -f 1}
OUT="$ROOT/bench/results/jmh-$(date -u +%Y%m%dT%H%M%SZ)"
JAR="$ROOT/benchmarks/target/benchmarks.jar"

echo "bench: building the benchmarks module" >&2
(cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl benchmarks -am package)

mkdir -p "$OUT"
results=()
for t in $THREADS; do
  echo "bench: JMH with $t thread(s); log in $OUT/jmh-t$t.log" >&2
  # shellcheck disable=SC2086 # JMH_SETTINGS is a list of options
  java -jar "$JAR" $JMH_SETTINGS -t "$t" -rf json -rff "$OUT/jmh-t$t.json" "$@" \
    >"$OUT/jmh-t$t.log" 2>&1 \
    || { tail -40 "$OUT/jmh-t$t.log" >&2; echo "bench: JMH failed, see $OUT/jmh-t$t.log" >&2; exit 1; }
  results+=("$OUT/jmh-t$t.json")
done

{
  echo "# $(date -u +%FT%TZ)  $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo ?) CPUs  JMH $JMH_SETTINGS  $*"
  java -cp "$JAR" dev.gatehouse.benchmarks.BenchmarkSummary "${results[@]}"
} | tee "$OUT/summary.txt"
echo "bench: results in $OUT" >&2
