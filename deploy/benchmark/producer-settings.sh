#!/usr/bin/env bash
# The relay's producer settings measured on their own (ProducerSettings): starts a Kafka broker of its own
# (deploy/benchmark/var-producer, the one-machine stack's broker settings and JVM options), sends the relay's records
# with each linger (0, 2, 5, 20 ms) and compression (none, lz4, zstd), one at a time and in batches of 100, and prints
# latency, events/s, producer and broker CPU per 1,000 events and bytes on disk per event. About 5 minutes. Stop the
# local stack first (same ports).
#
#   deploy/benchmark/producer-settings.sh        → deploy/benchmark/results/producer-<time>.json
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export SAGSSPOR_VAR="$HERE/var-producer"
source "$ROOT/deploy/local/env.sh"
source "$ROOT/deploy/local/components.sh"
(cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install)
(cd "$ROOT" && ./mvnw -B -q -f deploy/benchmark/pom.xml package dependency:copy-dependencies \
    -DoutputDirectory="$HERE/target/lib")
if [ ! -d "$KAFKA_LIBS" ] || [ -z "$(ls -A "$KAFKA_LIBS" 2>/dev/null)" ]; then
  (cd "$ROOT" && ./mvnw -B -q -f deploy/local/kafka/pom.xml dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS")
fi
rm -rf "$SAGSSPOR_VAR/kafka/data" "$LOGS" "$PIDS"
mkdir -p "$SAGSSPOR_VAR/kafka" "$LOGS" "$PIDS"
trap 'kill "$(cat "$PIDS/kafka.pid")" 2> /dev/null || true' EXIT
start_kafka
java -Xmx1g -cp "$HERE/target/classes:$HERE/target/lib/*" dk.sagsspor.benchmark.ProducerSettings \
  "127.0.0.1:$SAGSSPOR_KAFKA_PORT" "$(cat "$PIDS/kafka.pid")" "$HERE/results/producer-$(date -u +%Y-%m-%dT%H%M%SZ).json"
