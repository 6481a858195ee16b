#!/usr/bin/env bash
# Starts, stops or kills one part of a running one-machine stack (the one in $SAGSSPOR_VAR), for fault experiments
# and for operators: the other parts keep running.
#
#   deploy/local/component.sh start|stop|kill postgres|kafka|command-service|query-service|query-service-2
#
# query-service-2 is a second query service on the next port, sharing the first one's database and work.
#
# stop is orderly (PostgreSQL: fast shutdown); kill is abrupt (SIGKILL; PostgreSQL: immediate shutdown, which
# is a crash as far as its clients and its recovery are concerned). start waits until the part is up (a service:
# until it reports ready).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/env.sh"
source "$HERE/components.sh"
PG_HOME="$(dirname "$PG_DATA")"

action=${1:-}
part=${2:-}
signal_process() {
  local name=$1 signal=$2
  if alive "$name"; then
    local pid
    pid=$(cat "$PIDS/$name.pid")
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$PIDS/$name.pid"
}

case "$action:$part" in
  start:postgres) start_postgres ;;
  stop:postgres) as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w stop > /dev/null ;;
  kill:postgres) as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m immediate -w stop > /dev/null ;;
  start:kafka) alive kafka || start_kafka ;;
  start:command-service) alive command-service || start_command_service
    await_ready command-service "$SAGSSPOR_COMMAND_URL" ;;
  start:query-service) alive query-service || start_query_service
    await_ready query-service "$SAGSSPOR_QUERY_URL" ;;
  start:query-service-2) alive query-service-2 || start_second_query_service
    await_ready query-service-2 "http://127.0.0.1:$((SAGSSPOR_QUERY_PORT + 1))" ;;
  stop:kafka|stop:command-service|stop:query-service|stop:query-service-2) signal_process "$part" TERM ;;
  kill:kafka|kill:command-service|kill:query-service|kill:query-service-2) signal_process "$part" KILL ;;
  *) sed -n '2,11p' "$0"; exit 2 ;;
esac
log "$action $part: done"
