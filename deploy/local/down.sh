#!/usr/bin/env bash
# Stops the one-machine stack started by up.sh: both services, the mail server, the Kafka broker, PostgreSQL.
# Data stays (the mail server keeps its mails in memory only).
set -uo pipefail
source "$(dirname "$0")/env.sh"

stop_process() {
  local name=$1
  if alive "$name"; then
    local pid
    pid=$(cat "$PIDS/$name.pid")
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; fi
    log "stopped $name"
  fi
  rm -f "$PIDS/$name.pid"
}

stop_process query-service-2
stop_process query-service
stop_process command-service
stop_process mail
stop_process kafka
if [ -f "$PG_DATA/postmaster.pid" ]; then
  as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w stop > /dev/null && log "stopped postgresql"
fi
