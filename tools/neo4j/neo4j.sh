#!/usr/bin/env bash
# Run a real Neo4j Community server (5.26 LTS) for development and CI, without
# a Neo4j distribution: the jars come from Maven Central (tools/neo4j/pom.xml)
# and the server is started as a plain `java -cp ... CommunityEntryPoint`.
#
# Usage: tools/neo4j/neo4j.sh {fetch|start|stop|status|kill|restart|conf}
#        tools/neo4j/neo4j.sh import FILE...   first load into an empty database
#                                               (neo4j-admin import; see README.md)
#        tools/neo4j/neo4j.sh import --release  remove the mark a killed first load left
#
# Environment (all optional):
#   NETZWERK_NEO4J_HOME   server home (lib, conf, data, logs, run)   [<repo>/.neo4j]
#   NEO4J_USERNAME        user; Community's built-in admin is neo4j  [neo4j]
#   NEO4J_PASSWORD        initial password, >= 8 chars               [netzwerk-dev-pw]
#   NEO4J_BOLT_PORT       Bolt port on 127.0.0.1                     [7687]
#   NEO4J_HTTP_PORT       HTTP port on 127.0.0.1; 0 disables HTTP    [7474]
#   NEO4J_BROWSER         1 = also fetch Neo4j Browser (/browser/)   [0]
#   NEO4J_HEAP_INITIAL    -Xms                                       [256m]
#   NEO4J_HEAP_MAX        -Xmx (a changeset is one transaction: ~60k  [2g]
#                         ties fit in 768m, 150k in 2g, 200k not)
#   NEO4J_PAGECACHE       server.memory.pagecache.size               [128m]
#   NEO4J_START_TIMEOUT   seconds to wait for Bolt + "Started."      [120]
#   NEO4J_STOP_TIMEOUT    seconds to wait after SIGTERM              [60]
#   NEO4J_JAVA_OPTS       extra JVM options, appended (word-split)
#   JAVA_HOME             JDK/JRE to use (Java 17 or 21)             [java on PATH]
#   MVN                   Maven command for `fetch`                  [mvn]
#   NETZWERK_PYTHON       Python with netzwerk's dependencies, for `import`
#                                                    [<repo>/.venv/bin/python, else python3]
#   NEO4J_ADMIN_HEAP      -Xmx of neo4j-admin import (it works mostly off-heap) [1g]
set -euo pipefail
# Everything this script and the server create (data, logs, the password record) is for
# the owner only: the database holds persons' data.
umask 077

SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO_ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
POM="$SCRIPT_DIR/pom.xml"

NEO4J_VERSION="$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$POM" | head -n1)"
[[ -n "$NEO4J_VERSION" ]] || { echo "neo4j.sh: cannot read <neo4j.version> from $POM" >&2; exit 2; }

NEO4J_HOME_DIR="${NETZWERK_NEO4J_HOME:-$REPO_ROOT/.neo4j}"
mkdir -p "$NEO4J_HOME_DIR"
NEO4J_HOME_DIR="$(cd "$NEO4J_HOME_DIR" && pwd)"
LIB_DIR="$NEO4J_HOME_DIR/lib"
CONF_DIR="$NEO4J_HOME_DIR/conf"
DATA_DIR="$NEO4J_HOME_DIR/data"
LOGS_DIR="$NEO4J_HOME_DIR/logs"
RUN_DIR="$NEO4J_HOME_DIR/run"
IMPORT_DIR="$NEO4J_HOME_DIR/import"
PLUGINS_DIR="$NEO4J_HOME_DIR/plugins"
PID_FILE="$RUN_DIR/neo4j.pid"
CONSOLE_LOG="$LOGS_DIR/console.log"
MARKER="$LIB_DIR/.netzwerk-neo4j-version"

BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
NEO4J_USER="${NEO4J_USERNAME:-neo4j}"
NEO4J_PW="${NEO4J_PASSWORD:-netzwerk-dev-pw}"
HEAP_INITIAL="${NEO4J_HEAP_INITIAL:-256m}"
HEAP_MAX="${NEO4J_HEAP_MAX:-2g}"
PAGECACHE="${NEO4J_PAGECACHE:-128m}"
BROWSER="${NEO4J_BROWSER:-0}"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"
MAIN_CLASS="org.neo4j.server.CommunityEntryPoint"

if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA="java"; fi

# JVM options, as the official bootloader builds them from the stock 5.26 neo4j.conf
# (server.jvm.additional=...) plus -Xms/-Xmx and -Dfile.encoding=UTF-8.
# Left out on purpose: -XX:+AlwaysPreTouch (commits the whole initial heap up front:
# slower start, more RSS, no use for a dev/CI server).
JVM_OPTS=(
  "-Xms$HEAP_INITIAL" "-Xmx$HEAP_MAX"
  -XX:+UseG1GC
  -XX:-OmitStackTraceInFastThrow
  -XX:+UnlockExperimentalVMOptions
  -XX:+TrustFinalNonStaticFields
  -XX:+DisableExplicitGC
  -Djdk.nio.maxCachedBufferSize=1024
  -Dio.netty.tryReflectionSetAccessible=true
  -Djdk.tls.ephemeralDHKeySize=2048
  -Djdk.tls.rejectClientInitiatedRenegotiation=true
  -XX:FlightRecorderOptions=stackdepth=256
  -XX:+UnlockDiagnosticVMOptions
  -XX:+DebugNonSafepoints
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --enable-native-access=ALL-UNNAMED
  -Dlog4j2.disable.jmx=true
  -Dlog4j.layout.jsonTemplate.maxStringLength=32768
  -Dfile.encoding=UTF-8
)
if [[ -n "${NEO4J_JAVA_OPTS:-}" ]]; then
  # shellcheck disable=SC2206  # word splitting is intended
  JVM_OPTS+=(${NEO4J_JAVA_OPTS})
fi

log() { echo "neo4j.sh: $*"; }
die() { echo "neo4j.sh: $*" >&2; exit 1; }

# ---------------------------------------------------------------- fetch
fetch_stamp() {
  # What the lib dir must have been fetched for: Neo4j version + hash of the pom.
  echo "$NEO4J_VERSION browser=$BROWSER $(sha256sum "$POM" | cut -d' ' -f1)"
}

lib_is_current() {
  [[ -f "$MARKER" && -f "$LIB_DIR/neo4j-$NEO4J_VERSION.jar" ]] &&
    [[ "$(cat "$MARKER")" == "$(fetch_stamp)" ]]
}

cmd_fetch() {
  if lib_is_current; then
    log "Neo4j $NEO4J_VERSION jars already in $LIB_DIR"
    return 0
  fi
  command -v "${MVN:-mvn}" >/dev/null 2>&1 || die "Maven ('${MVN:-mvn}') not found; install it (apt-get install maven)"
  is_running && die "server is running; stop it before re-fetching jars"
  log "fetching Neo4j $NEO4J_VERSION and dependencies from Maven Central into $LIB_DIR ..."
  local tmp="$LIB_DIR.tmp.$$" profile=()
  [[ "$BROWSER" == 1 ]] && profile=(-Pbrowser)
  rm -rf "$tmp"
  # (sed: Maven 3.8 prints stray colour codes even in batch mode)
  if ! "${MVN:-mvn}" -q -B -Dstyle.color=never "${profile[@]}" -f "$POM" \
    dependency:copy-dependencies -DoutputDirectory="$tmp" 2>&1 | sed 's/\x1b\[[0-9;]*m//g'; then
    rm -rf "$tmp"
    die "Maven fetch failed"
  fi
  [[ -f "$tmp/neo4j-$NEO4J_VERSION.jar" ]] || { rm -rf "$tmp"; die "fetch incomplete: neo4j-$NEO4J_VERSION.jar missing"; }
  fetch_stamp >"$tmp/.netzwerk-neo4j-version"
  rm -rf "$LIB_DIR"
  mv "$tmp" "$LIB_DIR"
  log "fetched $(find "$LIB_DIR" -name '*.jar' | wc -l) jars ($(du -sh "$LIB_DIR" | cut -f1))"
}

# ---------------------------------------------------------------- conf
cmd_conf() {
  mkdir -p "$CONF_DIR" "$DATA_DIR" "$LOGS_DIR" "$RUN_DIR" "$IMPORT_DIR" "$PLUGINS_DIR"
  # Also for folders made before the script set umask 077 (they hold persons' data).
  chmod 700 "$DATA_DIR" "$LOGS_DIR"
  local http_enabled=true
  if [[ "$HTTP_PORT" == 0 || "$HTTP_PORT" == off ]]; then http_enabled=false; fi
  if [[ ! -f "$LIB_DIR/neo4j-server-$NEO4J_VERSION.jar" ]]; then http_enabled=false; fi
  local tmp="$CONF_DIR/neo4j.conf.tmp.$$"
  cat >"$tmp" <<EOF
# Generated by tools/neo4j/neo4j.sh on every start -- edits are overwritten.
server.directories.data=$DATA_DIR
server.directories.logs=$LOGS_DIR
server.directories.run=$RUN_DIR
server.directories.import=$IMPORT_DIR
server.directories.plugins=$PLUGINS_DIR
server.directories.lib=$LIB_DIR

# Local only.
server.default_listen_address=127.0.0.1
server.default_advertised_address=localhost
server.bolt.enabled=true
server.bolt.tls_level=DISABLED
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.bolt.advertised_address=localhost:$BOLT_PORT
server.http.enabled=$http_enabled
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.http.advertised_address=localhost:$HTTP_PORT
server.https.enabled=false

dbms.security.auth_enabled=true

# Small footprint. The heap is set by -Xms/-Xmx on the java command line (these two
# lines only document it; the JVM is not started by Neo4j's own bootloader).
server.memory.heap.initial_size=$HEAP_INITIAL
server.memory.heap.max_size=$HEAP_MAX
server.memory.pagecache.size=$PAGECACHE
db.tx_state.memory_allocation=ON_HEAP

# Keep transaction logs small: no preallocation, small files, keep only 2.
db.tx_log.preallocate=false
db.tx_log.rotation.size=16M
db.tx_log.rotation.retention_policy=2 files

# No phoning home.
dbms.usage_report.enabled=false

# Bolt's Netty event loops wait a 5 s quiet period each on shutdown (~10 s per stop);
# not useful for a local dev/CI server.
internal.dbms.bolt.netty_server_shutdown_quiet_period=0
EOF
  mv "$tmp" "$CONF_DIR/neo4j.conf"
}

# ---------------------------------------------------------------- process helpers
read_pid() { if [[ -f "$PID_FILE" ]]; then tr -dc '0-9' <"$PID_FILE"; fi; }

is_our_process() {
  local pid="$1"
  [[ -n "$pid" ]] && pid_alive "$pid" &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS"
}

is_running() { is_our_process "$(read_pid)"; }

# True while any thread of the process still runs. A zombie whose threads are all
# gone counts as dead (it may linger until whoever adopted it reaps it); a zombie main
# thread with other threads still exiting (JVM shutdown, SIGKILL) counts as alive.
pid_alive() {
  local state tasks
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" ]] || return 1
  [[ "$state" != Z && "$state" != X ]] && return 0
  tasks=("/proc/$1/task/"*)
  (( ${#tasks[@]} > 1 ))
}

now_ms() { date +%s%3N; }

bolt_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$BOLT_PORT") 2>/dev/null; }

# A killed JVM's main thread shows up as a zombie while its other threads are still
# exiting and holding the sockets; wait (up to $1 s) until the Bolt port is free.
wait_port_closed() {
  local i
  for (( i = 0; i < $1 * 10; i++ )); do bolt_answers || return 0; sleep 0.1; done
  ! bolt_answers
}

# The password the database was created with, kept as a salted SHA-512-crypt hash
# (`openssl passwd -6`, 200000 rounds, random salt) in a 0600 file inside data/ (0700), so
# a later start can warn when NEO4J_PASSWORD changed. Nothing else of the password is kept.
PW_RECORD="$DATA_DIR/dbms/.netzwerk-initial-password"
# Before: an unsalted SHA-256 in a world-readable file; checked once, then deleted.
LEGACY_PW_RECORD="$DATA_DIR/dbms/.netzwerk-initial-password.sha256"

password_hash() {  # $1: salt spec ("rounds=N$salt"); the password goes in on stdin, not argv
  printf '%s\n' "$NEO4J_PW" | openssl passwd -6 -salt "$1" -stdin
}

write_password_record() {
  if ! command -v openssl >/dev/null 2>&1; then
    log "openssl not found: no password record kept, so a changed NEO4J_PASSWORD is not detected"
    return 0
  fi
  mkdir -p "$DATA_DIR/dbms"
  chmod 700 "$DATA_DIR/dbms"
  local tmp="$PW_RECORD.tmp.$$"
  password_hash "rounds=200000\$$(openssl rand -hex 8)" >"$tmp"
  chmod 600 "$tmp"
  mv -f "$tmp" "$PW_RECORD"
}

# True (0) if NEO4J_PASSWORD matches the record, 1 if it differs, 2 if there is no record.
password_matches_record() {
  if [[ -f "$PW_RECORD" ]] && command -v openssl >/dev/null 2>&1; then
    local stored spec
    stored="$(cat "$PW_RECORD")"
    spec="${stored#\$6\$}"
    spec="${spec%\$*}"
    [[ "$(password_hash "$spec")" == "$stored" ]] && return 0
    return 1
  fi
  if [[ -f "$LEGACY_PW_RECORD" ]]; then
    [[ "$(cat "$LEGACY_PW_RECORD")" == "$(printf '%s' "$NEO4J_PW" | sha256sum | cut -d' ' -f1)" ]] &&
      return 0
    return 1
  fi
  return 2
}

check_password_record() {
  local verdict=0
  password_matches_record || verdict=$?
  if (( verdict == 1 )); then
    log "WARNING: NEO4J_PASSWORD differs from the password this database was created with;" \
      "it is NOT applied (change it with ALTER USER, or delete $DATA_DIR to start over)"
  fi
  if [[ -f "$LEGACY_PW_RECORD" ]]; then  # migrate: keep no unsalted hash
    if (( verdict == 0 )) && [[ ! -f "$PW_RECORD" ]]; then write_password_record; fi
    rm -f "$LEGACY_PW_RECORD"
  fi
  if [[ -f "$PW_RECORD" ]]; then chmod 600 "$PW_RECORD"; fi
}

set_initial_password() {
  if [[ "$NEO4J_USER" != neo4j ]]; then
    log "WARNING: NEO4J_USERNAME=$NEO4J_USER, but the initial admin of Neo4j Community is 'neo4j';" \
      "the password is set for 'neo4j' (create '$NEO4J_USER' yourself with CREATE USER)"
  fi
  (( ${#NEO4J_PW} >= 8 )) || die "NEO4J_PASSWORD must be at least 8 characters"
  if [[ -d "$DATA_DIR/databases/system" ]]; then
    # The initial password is only consumed when the system database is created.
    check_password_record
    return 0
  fi
  log "setting initial password for user neo4j"
  # Same as `neo4j-admin dbms set-initial-password`, minus the bootloader: writes
  # data/dbms/auth.ini, which the server applies when it creates the system database.
  NEO4J_HOME="$NEO4J_HOME_DIR" NEO4J_CONF="$CONF_DIR" \
    "$JAVA" -Xmx128m -cp "$LIB_DIR/*" -Dfile.encoding=UTF-8 \
    org.neo4j.cli.AdminTool dbms set-initial-password "$NEO4J_PW" >>"$LOGS_DIR/admin.log" 2>&1 ||
    { tail -n 30 "$LOGS_DIR/admin.log" >&2; die "set-initial-password failed (see $LOGS_DIR/admin.log)"; }
  rm -f "$LEGACY_PW_RECORD"
  write_password_record
}

print_status() {
  local pid; pid="$(read_pid)"
  if is_our_process "$pid"; then
    echo "running pid=$pid bolt=bolt://localhost:$BOLT_PORT home=$NEO4J_HOME_DIR"
  else
    echo "stopped home=$NEO4J_HOME_DIR"
  fi
}

# ---------------------------------------------------------------- commands
cmd_start() {
  if is_running; then
    log "already running: $(print_status)"
    return 0
  fi
  rm -f "$PID_FILE"
  if ! wait_port_closed 10; then
    die "port $BOLT_PORT on 127.0.0.1 is already in use by another process (set NEO4J_BOLT_PORT)"
  fi
  lib_is_current || cmd_fetch
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found (set JAVA_HOME)"
  local jv
  jv="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  case "$jv" in
    17 | 21) ;;
    *) log "WARNING: Neo4j $NEO4J_VERSION supports Java 17 and 21; $JAVA is Java ${jv:-?}" ;;
  esac
  cmd_conf
  set_initial_password

  [[ -f "$CONSOLE_LOG" ]] && mv -f "$CONSOLE_LOG" "$CONSOLE_LOG.1"
  local t0=$SECONDS t0ms; t0ms="$(now_ms)"
  {
    echo "# $(date -u +%FT%TZ) neo4j.sh start: Neo4j $NEO4J_VERSION, $("$JAVA" -version 2>&1 | head -n1)"
  } >"$CONSOLE_LOG"
  nohup "$JAVA" "${JVM_OPTS[@]}" -cp "$PLUGINS_DIR/*:$CONF_DIR/*:$LIB_DIR/*" "$MAIN_CLASS" \
    --home-dir="$NEO4J_HOME_DIR" --config-dir="$CONF_DIR" --console-mode \
    >>"$CONSOLE_LOG" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  log "started pid $pid, waiting for bolt://localhost:$BOLT_PORT (timeout ${START_TIMEOUT}s) ..."

  while :; do
    if ! pid_alive "$pid"; then
      echo "neo4j.sh: server process $pid exited during start-up; last 30 lines of $CONSOLE_LOG:" >&2
      tail -n 30 "$CONSOLE_LOG" >&2
      rm -f "$PID_FILE"
      exit 1
    fi
    if bolt_answers && grep -q 'INFO  Started\.$' "$CONSOLE_LOG"; then
      break
    fi
    if (( SECONDS - t0 >= START_TIMEOUT )); then
      echo "neo4j.sh: timed out after ${START_TIMEOUT}s; last 30 lines of $CONSOLE_LOG:" >&2
      tail -n 30 "$CONSOLE_LOG" >&2
      echo "neo4j.sh: the server (pid $pid) is left running; '$0 stop' ends it" >&2
      exit 1
    fi
    sleep 0.5
  done
  local ms=$(( $(now_ms) - t0ms ))
  log "ready after $(( ms / 1000 )).$(printf '%03d' $(( ms % 1000 )))s: bolt://localhost:$BOLT_PORT (user neo4j)" \
    "$( [[ "$HTTP_PORT" != 0 && "$HTTP_PORT" != off ]] && echo "http://localhost:$HTTP_PORT" )"
}

cmd_stop() {
  local pid; pid="$(read_pid)"
  if ! is_our_process "$pid"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping pid $pid ..."
  kill -TERM "$pid" 2>/dev/null || true
  local t0=$SECONDS
  while pid_alive "$pid"; do
    if (( SECONDS - t0 >= STOP_TIMEOUT )); then
      log "still alive after ${STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.5
  done
  wait_port_closed 10 || true
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_kill() {
  local pid; pid="$(read_pid)"
  if is_our_process "$pid"; then
    kill -KILL "$pid" 2>/dev/null || true
    local i
    for (( i = 0; i < 100; i++ )); do pid_alive "$pid" || break; sleep 0.1; done
    wait_port_closed 10 || true
    log "killed pid $pid"
  else
    log "not running"
  fi
  rm -f "$PID_FILE"
}

# ---------------------------------------------------------------- first load
# `import FILE...`: tools/neo4j/first_load.py reads and validates the files, proves the
# database empty, stops the server and calls `admin-import`; then starts the server again
# and runs the store's schema setup. This script only knows where the files go.
cmd_import() {
  local python="${NETZWERK_PYTHON:-}"
  if [[ -z "$python" ]]; then
    if [[ -x "$REPO_ROOT/.venv/bin/python" ]]; then python="$REPO_ROOT/.venv/bin/python"; else python=python3; fi
  fi
  export NETZWERK_NEO4J_HOME="$NEO4J_HOME_DIR" NEO4J_BOLT_PORT="$BOLT_PORT" NEO4J_HTTP_PORT="$HTTP_PORT" \
    NEO4J_USERNAME="$NEO4J_USER" NEO4J_PASSWORD="$NEO4J_PW"
  exec "$python" "$SCRIPT_DIR/first_load.py" "$@"
}

# `admin-import STAGING OPTION...` (called by first_load.py, server stopped): neo4j-admin
# imports into STAGING/data, a database folder of its own; only when it succeeded is the
# new database put in place of the old (proven empty) one, which is moved into STAGING and
# deleted with it. A failed import leaves the server's database as it was.
cmd_admin_import() {
  local staging="${1:-}"
  [[ -n "$staging" && -d "$staging" ]] || die "admin-import: no staging folder '$staging'"
  shift
  is_running && die "admin-import: the server is running; stop it first"
  lib_is_current || cmd_fetch
  cmd_conf
  local db="${NEO4J_DATABASE:-neo4j}" output="$LOGS_DIR/admin-import.log"
  printf 'server.directories.data=%s\n' "$staging/data" >"$staging/import.conf"
  log "neo4j-admin database import full $db (output in $output) ..."
  if ! NEO4J_HOME="$NEO4J_HOME_DIR" NEO4J_CONF="$CONF_DIR" \
    "$JAVA" "-Xmx${NEO4J_ADMIN_HEAP:-1g}" -cp "$LIB_DIR/*" -Dfile.encoding=UTF-8 \
    org.neo4j.cli.AdminTool database import full "$db" \
    --additional-config="$staging/import.conf" --report-file="$staging/import.report" \
    "$@" >"$output" 2>&1; then
    echo "neo4j.sh: neo4j-admin import failed; the server's database was not touched (see $output)" >&2
    exit 1
  fi
  grep -E '^IMPORT DONE|^  [0-9]+ (nodes|relationships|properties)$' "$output" |
    sed 's/^ */neo4j.sh:   /' || true
  mkdir -p "$DATA_DIR/databases" "$DATA_DIR/transactions" "$staging/replaced"
  local part
  for part in databases transactions; do
    if [[ -e "$DATA_DIR/$part/$db" ]]; then mv "$DATA_DIR/$part/$db" "$staging/replaced/$part"; fi
    mv "$staging/data/$part/$db" "$DATA_DIR/$part/$db"
  done
  log "imported database in place"
}

cmd_status() {
  print_status
  is_running || exit 3
}

case "${1:-}" in
  fetch) cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  kill) cmd_kill ;;
  conf) cmd_conf; echo "$CONF_DIR/neo4j.conf" ;;
  import) shift; cmd_import "$@" ;;
  admin-import) shift; cmd_admin_import "$@" ;;
  *)
    echo "usage: $0 {fetch|start|stop|status|kill|restart|conf|import FILE...}" >&2
    exit 2
    ;;
esac
