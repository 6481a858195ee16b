#!/usr/bin/env bash
# The fault-injection suite: starts the one-machine stack in a directory and on ports of its own (deploy/faults/var;
# PostgreSQL 16432, Kafka 20092, services 9081/9082), runs the experiments of deploy/faults (a tagged load with
# Idempotency-Keys, a real fault, then the checks), stops the stack. Results: deploy/faults/results/<time>/
# {result.json, report.md, <experiment>.json}; the exit status is 1 if any experiment failed.
#
#   deploy/faults/run.sh              every experiment (35 minutes when last measured, 2 cores)
#   deploy/faults/run.sh --quick      the quick ones with short outages (CI runs six of them, see .ci/run)
#   deploy/faults/run.sh --only kafka-killed,postgres-killed
#
# Settings (environment): FAULTS_RATE (10) commands per second of the load.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
quick=false
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true; shift ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done

export SAGSSPOR_VAR="$HERE/var"
export SAGSSPOR_PG_PORT=16432 SAGSSPOR_KAFKA_PORT=20092 SAGSSPOR_KAFKA_CONTROLLER_PORT=20093
export SAGSSPOR_SMTP_PORT=13525 SAGSSPOR_MAIL_API_PORT=19025 SAGSSPOR_COMMAND_PORT=9081 SAGSSPOR_QUERY_PORT=9082
export SAGSSPOR_DEMO=false
source "$ROOT/deploy/local/env.sh"
log "building the fault suite (up.sh builds the services if they are not up to date)"
(cd "$ROOT" && ./mvnw -B -q -f deploy/faults/pom.xml package dependency:copy-dependencies \
    -DoutputDirectory="$HERE/target/lib")

trap '"$ROOT/deploy/local/down.sh" > /dev/null 2>&1 || true' EXIT
"$ROOT/deploy/local/up.sh" --detach --reset > "$HERE/up.log" 2>&1 || { cat "$HERE/up.log"; exit 1; }

OUT="$HERE/results/$(date -u +%Y-%m-%dT%H%M%SZ)"
set +e
java -Xmx512m \
  -Dfaults.root="$ROOT" -Dfaults.commands="$SAGSSPOR_COMMAND_URL" -Dfaults.queries="$SAGSSPOR_QUERY_URL" \
  -Dfaults.postgres="jdbc:postgresql://127.0.0.1:$SAGSSPOR_PG_PORT/" -Dfaults.kafka="127.0.0.1:$SAGSSPOR_KAFKA_PORT" \
  -Dfaults.mail="$SAGSSPOR_MAIL_URL" \
  -Dfaults.out="$OUT" -Dfaults.quick="$quick" -Dfaults.experiments="$only" -Dfaults.rate="${FAULTS_RATE:-10}" \
  -cp "$HERE/target/classes:$HERE/target/lib/*" dk.sagsspor.faults.Faults
status=$?
cat "$OUT/report.md"
exit $status
