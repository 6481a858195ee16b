# Shared settings of the one-machine stack; every one can be overridden from the environment.
SAGSSPOR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Java 25 for the services, the broker and the tools (the machine's default java may be older).
source "$SAGSSPOR_ROOT/.mvn/jdk.sh"
export PATH="$JAVA_HOME/bin:$PATH"
SAGSSPOR_VAR="${SAGSSPOR_VAR:-$SAGSSPOR_ROOT/deploy/local/var}"
# The ports are below Linux's ephemeral range (32768-60999): an outgoing connection can never hold one of them.
SAGSSPOR_PG_PORT="${SAGSSPOR_PG_PORT:-15432}"
SAGSSPOR_KAFKA_PORT="${SAGSSPOR_KAFKA_PORT:-19092}"
SAGSSPOR_KAFKA_CONTROLLER_PORT="${SAGSSPOR_KAFKA_CONTROLLER_PORT:-19093}"
SAGSSPOR_SMTP_PORT="${SAGSSPOR_SMTP_PORT:-12525}"
SAGSSPOR_MAIL_API_PORT="${SAGSSPOR_MAIL_API_PORT:-18025}"
SAGSSPOR_COMMAND_PORT="${SAGSSPOR_COMMAND_PORT:-8081}"
SAGSSPOR_QUERY_PORT="${SAGSSPOR_QUERY_PORT:-8082}"
# The JVMs' default tiered compilation (C1, then C2; on two cores the JVM already runs the minimum of two compiler
# threads): settled two minutes into a benchmark run, it costs a quarter less CPU per command than C1 alone for ever
# after (ADR 12). -XX:TieredStopAtLevel=1 is C1 only, for machines that restart the stack every few minutes.
SAGSSPOR_JAVA_OPTS="${SAGSSPOR_JAVA_OPTS:--Xmx512m}"
SAGSSPOR_KAFKA_JAVA_OPTS="${SAGSSPOR_KAFKA_JAVA_OPTS:--Xmx512m}"
SAGSSPOR_COMMAND_URL="http://127.0.0.1:$SAGSSPOR_COMMAND_PORT"
SAGSSPOR_QUERY_URL="http://127.0.0.1:$SAGSSPOR_QUERY_PORT"
SAGSSPOR_MAIL_URL="http://127.0.0.1:$SAGSSPOR_MAIL_API_PORT"
PG_DATA="$SAGSSPOR_VAR/postgres/data"
if [ -L "$SAGSSPOR_VAR/postgres-location" ]; then PG_DATA="$(readlink "$SAGSSPOR_VAR/postgres-location")/data"; fi
PIDS="$SAGSSPOR_VAR/pids"
KAFKA_LIBS="$SAGSSPOR_VAR/kafka/libs"
MAIL_LIBS="$SAGSSPOR_VAR/mail/libs"
LOGS="$SAGSSPOR_VAR/logs"

log() { printf '[sagsspor] %s\n' "$*"; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# PostgreSQL refuses to run as root: as root, its tools run as the postgres user.
as_postgres() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  if [ -n "${SAGSSPOR_POSTGRES_BIN:-}" ]; then echo "$SAGSSPOR_POSTGRES_BIN"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$newest" ]; then echo "$newest"; else dirname "$(command -v pg_ctl)"; fi
}

alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }
