#!/usr/bin/env bash
# Start-up of the two services with and without a Java 25 AOT cache (JEP 483/514/515; deploy/local's
# SAGSSPOR_AOT_CACHE): starts PostgreSQL and Kafka of a stack of its own (deploy/benchmark/var-startup), then each
# service ROUNDS times per mode, and prints the seconds to ready and the CPU seconds the service used until then.
# The first start with the cache includes its training run, reported on its own. Stop the local stack first (same
# ports).
#
#   deploy/benchmark/startup.sh [ROUNDS]     (3)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
rounds=${1:-3}
export SAGSSPOR_VAR="$HERE/var-startup"
source "$ROOT/deploy/local/env.sh"
source "$ROOT/deploy/local/components.sh"
(cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install)
rm -rf "$SAGSSPOR_VAR"
export SAGSSPOR_DEMO=false
trap '"$ROOT/deploy/local/down.sh" > /dev/null 2>&1 || true' EXIT
"$ROOT/deploy/local/up.sh" --detach > /dev/null 2>&1
"$ROOT/deploy/local/component.sh" stop command-service > /dev/null
"$ROOT/deploy/local/component.sh" stop query-service > /dev/null

cpu_seconds() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }

measure() {
  local mode=$1 part=$2 url=$3
  local start end pid
  start=$(date +%s.%N)
  "$ROOT/deploy/local/component.sh" start "$part" > /dev/null
  end=$(date +%s.%N)
  pid=$(cat "$PIDS/$part.pid")
  printf '%-8s %-15s ready after %5.1f s, %5.1f CPU s\n' "$mode" "$part" "$(awk "BEGIN {print $end - $start}")" \
    "$(cpu_seconds "$pid")"
  "$ROOT/deploy/local/component.sh" stop "$part" > /dev/null
}

for mode in plain aot; do
  if [ "$mode" = aot ]; then
    export SAGSSPOR_AOT_CACHE=true
    for part in command-service query-service; do
      start=$(date +%s.%N)
      if [ "$part" = command-service ]; then
        aot_launch "$part" "$(command_jar)" --server.port=0 \
          --spring.datasource.url="jdbc:postgresql://127.0.0.1:$SAGSSPOR_PG_PORT/sagsspor_command" \
          --spring.datasource.username=sagsspor --spring.kafka.bootstrap-servers="127.0.0.1:$SAGSSPOR_KAFKA_PORT"
      else
        aot_launch "$part" "$(query_jar)" --server.port=0 \
          --spring.datasource.url="jdbc:postgresql://127.0.0.1:$SAGSSPOR_PG_PORT/sagsspor_query" \
          --spring.datasource.username=sagsspor --spring.kafka.bootstrap-servers="127.0.0.1:$SAGSSPOR_KAFKA_PORT"
      fi
      printf '%-8s %-15s training run %5.1f s\n' "$mode" "$part" "$(awk "BEGIN {print $(date +%s.%N) - $start}")"
    done
  fi
  for _ in $(seq 1 "$rounds"); do
    measure "$mode" command-service "$SAGSSPOR_COMMAND_URL"
    measure "$mode" query-service "$SAGSSPOR_QUERY_URL"
  done
done
