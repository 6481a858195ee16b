#!/usr/bin/env bash
# Runs the whole of Sagsspor on this machine, without Docker: PostgreSQL from the installed server
# binaries, a real Kafka broker (KRaft) from the Maven artifacts, an SMTP server for the alert mails
# (GreenMail, mails readable over its REST API), the command service on 8081 and the query service on
# 8082, with the DEMO users of demo-users.yml. Builds what is missing, waits until everything is healthy,
# loads a demo meeting the first time, and stops everything on Ctrl-C. Data stays under deploy/local/var.
#
#   deploy/local/up.sh            start, stay in the foreground, Ctrl-C stops everything
#   deploy/local/up.sh --detach   start and return; deploy/local/down.sh stops it
#   deploy/local/up.sh --reset    delete all data first
#
# Ports and locations: SAGSSPOR_PG_PORT (15432), SAGSSPOR_KAFKA_PORT (19092),
# SAGSSPOR_KAFKA_CONTROLLER_PORT (19093), SAGSSPOR_SMTP_PORT (12525), SAGSSPOR_MAIL_API_PORT (18025), SAGSSPOR_COMMAND_PORT (8081), SAGSSPOR_QUERY_PORT (8082),
# SAGSSPOR_VAR (deploy/local/var), SAGSSPOR_JAVA_OPTS and
# SAGSSPOR_KAFKA_JAVA_OPTS (-Xmx512m), SAGSSPOR_POSTGRES_BIN;
# SAGSSPOR_SERVICE_ARGS (more arguments for both services), SAGSSPOR_DEMO=false (no demo meeting; the benchmark).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/env.sh"
source "$HERE/components.sh"

detach=false
reset=false
for argument in "$@"; do
  case "$argument" in
    --detach) detach=true ;;
    --reset) reset=true ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $argument (try --help)" >&2; exit 2 ;;
  esac
done

"$HERE/down.sh" > /dev/null 2>&1 || true
if $reset; then
  log "--reset: deleting $SAGSSPOR_VAR"
  rm -rf "$SAGSSPOR_VAR"
fi
mkdir -p "$PIDS" "$LOGS"

"$HERE/prerequisites.sh"

# --- build -----------------------------------------------------------------------------------------
stale() {
  local jar=$1 module=$2
  [ -z "$jar" ] || [ -n "$(find "$SAGSSPOR_ROOT/$module/src/main" "$SAGSSPOR_ROOT/events/src/main" -newer "$jar" -type f -print -quit)" ]
}
if stale "$(command_jar)" command-service || stale "$(query_jar)" query-service; then
  log "building the services (./mvnw package, tests skipped)"
  (cd "$SAGSSPOR_ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package)
fi
if [ ! -d "$KAFKA_LIBS" ] || [ -z "$(ls -A "$KAFKA_LIBS" 2>/dev/null)" ]; then
  log "fetching the Kafka broker's jars"
  (cd "$SAGSSPOR_ROOT" && ./mvnw -B -q -f deploy/local/kafka/pom.xml dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS")
fi

if [ ! -d "$MAIL_LIBS" ] || [ -z "$(ls -A "$MAIL_LIBS" 2>/dev/null)" ]; then
  log "fetching the mail server's jar"
  (cd "$SAGSSPOR_ROOT" && ./mvnw -B -q -f deploy/local/mail/pom.xml dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$MAIL_LIBS")
fi

# --- PostgreSQL ------------------------------------------------------------------------------------
PG_HOME="$SAGSSPOR_VAR/postgres"
mkdir -p "$PG_HOME"
if is_root; then
  chown postgres "$PG_HOME"
  if ! runuser -u postgres -- test -w "$PG_HOME"; then
    # a parent directory the postgres user cannot enter (e.g. a private temp dir): keep the data elsewhere
    PG_HOME="/var/lib/sagsspor/$(echo -n "$SAGSSPOR_VAR" | sha1sum | cut -c1-12)/postgres"
    mkdir -p "$PG_HOME" && chown -R postgres "$(dirname "$PG_HOME")"
    ln -sfn "$PG_HOME" "$SAGSSPOR_VAR/postgres-location"
    log "the postgres user cannot reach $SAGSSPOR_VAR; PostgreSQL data is in $PG_HOME"
  fi
fi
PG_DATA="$PG_HOME/data"
start_postgres
mkdir -p "$SAGSSPOR_VAR/kafka"
start_kafka || exit 1
start_mail || exit 1
start_command_service
start_query_service
await_ready command-service "$SAGSSPOR_COMMAND_URL" || { "$HERE/down.sh"; exit 1; }
await_ready query-service "$SAGSSPOR_QUERY_URL" || { "$HERE/down.sh"; exit 1; }

if [ "${SAGSSPOR_DEMO:-true}" = true ] && [ ! -f "$SAGSSPOR_VAR/demo-loaded" ]; then
  log "loading the demo meeting (the walkthrough in requests.http)"
  "$HERE/session.sh" > "$LOGS/demo.log" 2>&1 || { log "demo data failed:"; cat "$LOGS/demo.log"; "$HERE/down.sh"; exit 1; }
  touch "$SAGSSPOR_VAR/demo-loaded"
fi

cat <<TEXT

  Sagsspor is running.
    command API   $SAGSSPOR_COMMAND_URL/api        (Swagger UI: $SAGSSPOR_COMMAND_URL/swagger-ui.html)
    query API     $SAGSSPOR_QUERY_URL/api        (Swagger UI: $SAGSSPOR_QUERY_URL/swagger-ui.html)
    metrics       $SAGSSPOR_COMMAND_URL/actuator/prometheus, $SAGSSPOR_QUERY_URL/actuator/prometheus
    PostgreSQL    127.0.0.1:$SAGSSPOR_PG_PORT (user sagsspor, no password; databases sagsspor_command, sagsspor_query)
    Kafka         127.0.0.1:$SAGSSPOR_KAFKA_PORT (topics sagsspor.events, sagsspor.alerts)
    mail          SMTP 127.0.0.1:$SAGSSPOR_SMTP_PORT; alert mails: $SAGSSPOR_MAIL_URL/api/user/hast@kl.dk/messages/INBOX
    logs          $LOGS
  Log in with HTTP Basic as a DEMO user (deploy/local/demo-users.yml): hast/demo-hast (secretary of KKR
  Nordjylland), mije/demo-mije (secretary of KKR Midtjylland), laes/demo-laes (reader), admin/demo-admin.
  A demo meeting is loaded; $(tail -n 1 "$LOGS/demo.log" 2>/dev/null)

TEXT

if $detach; then
  log "running in the background; deploy/local/down.sh stops it"
  exit 0
fi
trap '"$HERE/down.sh"; exit 0' INT TERM
log "Ctrl-C stops everything"
while alive command-service && alive query-service && alive kafka && alive mail; do sleep 2; done
log "a process stopped; shutting the rest down"
"$HERE/down.sh"
exit 1
