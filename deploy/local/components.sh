# Starting each part of the one-machine stack, for up.sh and for component.sh (which the fault suite uses to kill and
# restart one part at a time). Sourced after env.sh; PG_HOME, KAFKA_LIBS and MAIL_LIBS are set by the caller.

start_postgres() {
  local PG
  PG="$(pg_bin)"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "creating the PostgreSQL cluster in $PG_DATA"
    as_postgres "$PG/initdb" -D "$PG_DATA" -U sagsspor --auth=trust -E UTF8 --no-locale > "$LOGS/initdb.log"
  fi
  if [ ! -f "$PG_DATA/postmaster.pid" ] || ! as_postgres "$PG/pg_ctl" -D "$PG_DATA" status > /dev/null 2>&1; then
    rm -f "$PG_DATA/postmaster.pid"
    as_postgres "$PG/pg_ctl" -D "$PG_DATA" -l "$PG_HOME/server.log" -w -t 60 \
      -o "-p $SAGSSPOR_PG_PORT -k $PG_HOME -c listen_addresses=127.0.0.1 ${SAGSSPOR_PG_OPTIONS:-}" start > /dev/null
  fi
  for database in sagsspor_command sagsspor_query; do
    if ! "$PG/psql" -h 127.0.0.1 -p "$SAGSSPOR_PG_PORT" -U sagsspor -d postgres -tAc \
        "select 1 from pg_database where datname = '$database'" | grep -q 1; then
      "$PG/createdb" -h 127.0.0.1 -p "$SAGSSPOR_PG_PORT" -U sagsspor "$database"
    fi
  done
  log "PostgreSQL $(cat "$PG_DATA/PG_VERSION") on 127.0.0.1:$SAGSSPOR_PG_PORT"
}

start_kafka() {
  local KAFKA_HOME="$SAGSSPOR_VAR/kafka"
  sed -e "s/@KAFKA_PORT@/$SAGSSPOR_KAFKA_PORT/g; s/@CONTROLLER_PORT@/$SAGSSPOR_KAFKA_CONTROLLER_PORT/g; s#@DATA_DIR@#$KAFKA_HOME/data#g" \
    "$SAGSSPOR_ROOT/deploy/local/kafka/server.properties.template" > "$KAFKA_HOME/server.properties"
  if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null)
    java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format --config "$KAFKA_HOME/server.properties" \
      --cluster-id "$cluster_id" --standalone > "$LOGS/kafka-format.log" 2>&1
  fi
  # shellcheck disable=SC2086
  setsid nohup java $SAGSSPOR_KAFKA_JAVA_OPTS -Dkafka.logs.dir="$LOGS" \
    -Dlog4j2.configurationFile="$SAGSSPOR_ROOT/deploy/local/kafka/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_HOME/server.properties" >> "$LOGS/kafka.out" 2>&1 &
  echo $! > "$PIDS/kafka.pid"
  for _ in $(seq 1 60); do
    (echo > "/dev/tcp/127.0.0.1/$SAGSSPOR_KAFKA_PORT") 2>/dev/null && break
    alive kafka || { log "Kafka did not start:"; tail -n 30 "$LOGS/kafka.out" "$LOGS/server.log" 2>/dev/null; return 1; }
    sleep 0.5
  done
  log "Kafka (KRaft) on 127.0.0.1:$SAGSSPOR_KAFKA_PORT"
}

# The mail server: alert mails land here; read them at $SAGSSPOR_MAIL_URL/api/user/<address>/messages/INBOX
start_mail() {
  setsid nohup java -Xmx128m -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SAGSSPOR_SMTP_PORT" \
    -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$SAGSSPOR_MAIL_API_PORT" \
    -jar "$MAIL_LIBS"/greenmail-standalone-*.jar > "$LOGS/mail.log" 2>&1 &
  echo $! > "$PIDS/mail.pid"
  for _ in $(seq 1 60); do
    curl -fs "$SAGSSPOR_MAIL_URL/api/service/readiness" > /dev/null 2>&1 && break
    alive mail || { log "the mail server did not start:"; tail -n 30 "$LOGS/mail.log"; return 1; }
    sleep 0.5
  done
  log "SMTP (GreenMail) on 127.0.0.1:$SAGSSPOR_SMTP_PORT, its mailboxes at $SAGSSPOR_MAIL_URL"
}

command_jar() { ls "$SAGSSPOR_ROOT"/command-service/target/command-service-*-exec.jar 2>/dev/null | head -n 1; }
query_jar() { ls "$SAGSSPOR_ROOT"/query-service/target/query-service-*-exec.jar 2>/dev/null | head -n 1; }

start_service() {
  local name=$1 jar=$2 port=$3 database=$4
  shift 4
  local args=(
    --server.port="$port"
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$SAGSSPOR_PG_PORT/$database"
    --spring.datasource.username=sagsspor
    --spring.kafka.bootstrap-servers="127.0.0.1:$SAGSSPOR_KAFKA_PORT"
    --spring.config.import="file:$SAGSSPOR_ROOT/deploy/local/demo-users.yml"
    "$@")
  local launch=(-jar "$jar")
  if [ "${SAGSSPOR_AOT_CACHE:-false}" = true ]; then
    aot_launch "$name" "$jar" "${args[@]}" || return 1
    launch=("${AOT_LAUNCH[@]}")
  fi
  # shellcheck disable=SC2086
  setsid nohup java $SAGSSPOR_JAVA_OPTS "${launch[@]}" "${args[@]}" ${SAGSSPOR_SERVICE_ARGS:-} \
    >> "$LOGS/$name.log" 2>&1 &
  echo $! > "$PIDS/$name.pid"
}

# JEP 483/514/515 (Java 25): an AOT cache of the classes a service loads and links, and the method profiles it
# gathers, while it starts. Made once per build of the jar by a training run that starts the service against the
# running stack and stops when its context is refreshed (Spring Boot's spring.context.exit=onRefresh); the cache needs
# the jar unpacked (Spring Boot's tools jar mode). Sets AOT_LAUNCH to the java arguments that use it.
aot_launch() {
  local name=$1 jar=$2
  shift 2
  local dir
  dir="$SAGSSPOR_VAR/aot/$(basename "$jar" .jar)-$(cksum < "$jar" | cut -d' ' -f1)"
  local unpacked
  unpacked="$dir/$(basename "$jar")"
  if [ ! -f "$dir/app.aot" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir" > "$LOGS/$name.aot.log" 2>&1 ||
      { log "could not unpack $jar:"; tail -n 20 "$LOGS/$name.aot.log"; return 1; }
    log "training run of $name for its AOT cache (once per build)"
    # shellcheck disable=SC2086
    java $SAGSSPOR_JAVA_OPTS -XX:AOTCacheOutput="$dir/app.aot" -Dspring.context.exit=onRefresh -jar "$unpacked" \
      "$@" ${SAGSSPOR_SERVICE_ARGS:-} >> "$LOGS/$name.aot.log" 2>&1 ||
      { log "the training run of $name failed:"; tail -n 20 "$LOGS/$name.aot.log"; rm -f "$dir/app.aot"; return 1; }
  fi
  AOT_LAUNCH=(-XX:AOTCache="$dir/app.aot" -jar "$unpacked")
}

start_command_service() {
  start_service command-service "$(command_jar)" "$SAGSSPOR_COMMAND_PORT" sagsspor_command \
    --sagsspor.links.query-service="$SAGSSPOR_QUERY_URL"
}

start_query_service() {
  start_service query-service "$(query_jar)" "$SAGSSPOR_QUERY_PORT" sagsspor_query \
    --spring.mail.port="$SAGSSPOR_SMTP_PORT" --sagsspor.alerts.poll-interval=5s --sagsspor.alerts.not-before=00:00 \
    --sagsspor.digests.poll-interval=5s
}

# A second query service beside the first (same database and consumer groups), on the next port: for the fault
# suite's experiments with two instances.
start_second_query_service() {
  start_service query-service-2 "$(query_jar)" "$((SAGSSPOR_QUERY_PORT + 1))" sagsspor_query \
    --spring.mail.port="$SAGSSPOR_SMTP_PORT" --sagsspor.alerts.poll-interval=5s --sagsspor.alerts.not-before=00:00 \
    --sagsspor.digests.poll-interval=5s
}

await_ready() {
  local name=$1 url=$2
  for _ in $(seq 1 240); do
    curl -fs "$url/actuator/health/readiness" > /dev/null 2>&1 && return 0
    alive "$name" || { log "$name stopped while starting:"; tail -n 40 "$LOGS/$name.log"; return 1; }
    sleep 0.5
  done
  log "$name was not ready within 120 s:"; tail -n 40 "$LOGS/$name.log"; return 1
}
