#!/usr/bin/env bash
# The benchmark: starts the one-machine stack (deploy/local/up.sh, its own data under deploy/benchmark/var, the
# services in oidc mode trusting a key made here, no demo data), drives it over HTTP and measures it beside raw
# PostgreSQL and Kafka baselines, then stops it. Results: deploy/benchmark/results/<time>/{result.json,report.md,
# latency.png}. Takes 25–40 minutes (the confirmation step of M1 and M3's rebuild dominate). Stop the local stack
# (deploy/local/down.sh) first, the ports are the same.
#
#   deploy/benchmark/run.sh [--label TEXT]
#
# Settings (environment): BENCH_WARM_UP_SECONDS (300) and BENCH_WARM_UP_RATE (20 commands/s), BENCH_STEP_SECONDS (20) per coarse M1 step, BENCH_START_RATE (25)
# commands/s of the first step, BENCH_CPU_PHASE_SECONDS (90) per M5 rate, BENCH_PHASE_SECONDS (120) for M2/M4,
# BENCH_REBUILD_EVENTS (200000) for M3, BENCH_ONLY (M3: set up, rebuild, stop — for working on the read side; M6: chain
# and verify BENCH_AUDIT_EVENTS (1000000) events in a second command service — the tamper-evident history), BENCH_PROFILE_SECONDS (0: none; else JFR in both services and the broker for
# that long at M1, after M5), BENCH_SERVICE_ARGS (more arguments for both services, e.g. a setting being
# tuned); the JVM options of the services and the broker are deploy/local's SAGSSPOR_JAVA_OPTS and
# SAGSSPOR_KAFKA_JAVA_OPTS.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
label=""
while [ $# -gt 0 ]; do
  case "$1" in
    --label) label="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done

export SAGSSPOR_VAR="$HERE/var"
source "$ROOT/deploy/local/env.sh"
log "building the services and the benchmark"
(cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install)
(cd "$ROOT" && ./mvnw -B -q -f deploy/benchmark/pom.xml package dependency:copy-dependencies \
    -DoutputDirectory="$HERE/target/lib")
CP="$HERE/target/classes:$HERE/target/lib/*"

rm -rf "$SAGSSPOR_VAR"
mkdir -p "$SAGSSPOR_VAR/keys"
java -cp "$CP" dk.sagsspor.benchmark.Tokens "$SAGSSPOR_VAR/keys"
export SAGSSPOR_DEMO=false
export SAGSSPOR_SERVICE_ARGS="--sagsspor.security.mode=oidc --sagsspor.security.roles-claim=sagsspor_roles \
--spring.security.oauth2.resourceserver.jwt.public-key-location=file:$SAGSSPOR_VAR/keys/public.pem \
--sagsspor.alerts.enabled=false ${BENCH_SERVICE_ARGS:-}"
trap '"$ROOT/deploy/local/down.sh" > /dev/null 2>&1 || true' EXIT
"$ROOT/deploy/local/up.sh" --detach > "$SAGSSPOR_VAR/up.log" 2>&1 || { cat "$SAGSSPOR_VAR/up.log"; exit 1; }
source "$ROOT/deploy/local/env.sh"

OUT="$HERE/results/$(date -u +%Y-%m-%dT%H%M%SZ)"
java -Xmx1g \
  -Dbench.commands="$SAGSSPOR_COMMAND_URL" -Dbench.queries="$SAGSSPOR_QUERY_URL" \
  -Dbench.kafka="127.0.0.1:$SAGSSPOR_KAFKA_PORT" -Dbench.postgres="jdbc:postgresql://127.0.0.1:$SAGSSPOR_PG_PORT/" \
  -Dbench.keys="$SAGSSPOR_VAR/keys" -Dbench.var="$SAGSSPOR_VAR" -Dbench.pgData="$PG_DATA" \
  -Dbench.queryJar="$(ls "$ROOT"/query-service/target/query-service-*-exec.jar | head -n 1)" \
  -Dbench.commandJar="$(ls "$ROOT"/command-service/target/command-service-*-exec.jar | head -n 1)" \
  -Dbench.auditEvents="${BENCH_AUDIT_EVENTS:-1000000}" \
  -Dbench.out="$OUT" -Dbench.label="$label" -Dbench.serviceJavaOpts="$SAGSSPOR_JAVA_OPTS" \
  -Dbench.stepSeconds="${BENCH_STEP_SECONDS:-20}" -Dbench.phaseSeconds="${BENCH_PHASE_SECONDS:-120}" \
  -Dbench.cpuPhaseSeconds="${BENCH_CPU_PHASE_SECONDS:-90}" -Dbench.profileSeconds="${BENCH_PROFILE_SECONDS:-0}" -Dbench.startRate="${BENCH_START_RATE:-25}" \
  -Dbench.warmUpSeconds="${BENCH_WARM_UP_SECONDS:-300}" -Dbench.warmUpRate="${BENCH_WARM_UP_RATE:-20}" -Dbench.rebuildEvents="${BENCH_REBUILD_EVENTS:-200000}" -Dbench.only="${BENCH_ONLY:-}" \
  -cp "$CP" dk.sagsspor.benchmark.Benchmark
case "${BENCH_ONLY:-}" in
  M3) log "result: $OUT/result-m3.json" ;;
  M6) log "result: $OUT/result-m6.json" ;;
  *) log "report: $OUT/report.md" ;;
esac
