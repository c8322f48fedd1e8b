#!/usr/bin/env bash
# Scale-out on one machine, as docs/scale-out.md describes: a PostgreSQL cluster, 2 scheduling API
# instances, 3 line instances, and HAProxy in front of each tier. Every process is a real one,
# listening on loopback; everything it writes is under $SCALE_DIR.
#
#   deploy/local/scale-out.sh start     build, start everything, wait until every instance is ready
#   deploy/local/scale-out.sh stop      stop what `start` started (by the pids it recorded)
#   deploy/local/scale-out.sh status    each process: running or not
#
# Settings (environment; defaults in brackets):
#   SCALE_DIR [/tmp/phonebooking-scale]  work folder: cluster, logs, pid files, haproxy.cfg
#   LINE_PORT [5080]   the line's balancer (Twilio's voice URL points here)
#   API_PORT  [5090]   the API's balancer (the lines' Scheduling:BaseUrl)
#   PG_PORT   [55432]  PostgreSQL
#   API_PORTS  ["5101 5102"]       one port per API instance (as many instances as ports)
#   LINE_PORTS ["5111 5112 5113"]  one port per line instance
#   TWILIO_API_URL [http://127.0.0.1:5081]  Twilio's REST API (the softphone's `cloud` locally)
#   API_DLL / LINE_DLL  use these builds instead of building src/ in Release
#   BALANCE [roundrobin]  HAProxy's balance algorithm for both tiers (`first` fills one instance before the next)
#   HAPROXY_STATS_PORT [unset]  when set, HAProxy's stats page on this port
#
# Secrets are made once per $SCALE_DIR (secrets.env, mode 0600) and shared by every instance:
# the encryption key, the caller-key HMAC secret, the API's HMAC key and the line's API key.
set -Eeuo pipefail

SCALE_DIR=${SCALE_DIR:-/tmp/phonebooking-scale}
LINE_PORT=${LINE_PORT:-5080}
API_PORT=${API_PORT:-5090}
PG_PORT=${PG_PORT:-55432}
read -r -a API_PORTS <<<"${API_PORTS:-5101 5102}"
read -r -a LINE_PORTS <<<"${LINE_PORTS:-5111 5112 5113}"
TWILIO_API_URL=${TWILIO_API_URL:-http://127.0.0.1:5081}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
RUN="$SCALE_DIR/run"
LOGS="$SCALE_DIR/logs"

# A failed start stops whatever it had started: nothing is left running half-made.
die() {
  echo "scale-out: $*" >&2
  if [ -n "${STARTING:-}" ]; then STARTING=; stop; fi
  exit 1
}

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

secrets() {
  local file="$SCALE_DIR/secrets.env"
  if [ ! -f "$file" ]; then
    umask 077
    local api_key bench_key
    api_key="pbk_scale_line_$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
    bench_key="pbk_scale_bench_$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
    {
      echo "ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)"
      echo "CALLER_KEY_SECRET=$(head -c 48 /dev/urandom | base64)"
      echo "API_HMAC_KEY=$(head -c 32 /dev/urandom | base64)"
      echo "LINE_API_KEY=$api_key"
      echo "LINE_API_KEY_SHA256=$(printf '%s' "$api_key" | sha256sum | cut -d' ' -f1)"
      echo "BENCH_API_KEY=$bench_key"
      echo "BENCH_API_KEY_SHA256=$(printf '%s' "$bench_key" | sha256sum | cut -d' ' -f1)"
      echo "TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN:-local-dev-auth-token}"
    } >"$file"
  fi
  # shellcheck disable=SC1090
  . "$file"
}

build() {
  if [ -z "${API_DLL:-}" ] || [ -z "${LINE_DLL:-}" ]; then
    echo "scale-out: building the API and the line (Release)"
    dotnet build "$REPO/src/SchedulingApi" -c Release -v q -nologo >/dev/null
    dotnet build "$REPO/src/IvrHost" -c Release -v q -nologo >/dev/null
    API_DLL=${API_DLL:-$REPO/src/SchedulingApi/bin/Release/net10.0/PhoneBooking.SchedulingApi.dll}
    LINE_DLL=${LINE_DLL:-$REPO/src/IvrHost/bin/Release/net10.0/PhoneBooking.IvrHost.dll}
  fi
  [ -f "$API_DLL" ] || die "no API build at $API_DLL"
  [ -f "$LINE_DLL" ] || die "no line build at $LINE_DLL"
}

start_postgres() {
  local data="$SCALE_DIR/pg"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres "$data"
    as_postgres "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C --no-instructions >/dev/null
  fi
  as_postgres "$PG_BIN/pg_ctl" start -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data -c max_connections=300" >/dev/null
  as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtAc \
    "SELECT 1 FROM pg_database WHERE datname = 'phonebooking'" | grep -q 1 \
    || as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres phonebooking
}

# start NAME DLL PORT: one instance, its settings from the environment. It runs in its build's folder, as a
# published app does (appsettings.json and prompts/ are its content root's); on PostgreSQL it writes no files.
start_instance() {
  local name=$1 dll=$2 port=$3
  # Application Name: pg_stat_activity shows which instance holds a connection.
  (cd "$(dirname "$dll")" && ConnectionStrings__Postgres="$ConnectionStrings__Postgres;Application Name=$name" exec setsid dotnet "$dll" --urls "http://127.0.0.1:$port" >"$LOGS/$name.log" 2>&1) &
  echo $! >"$RUN/$name.pid"
}

# Both tiers share one database; nothing is written to SQLite files.
common_env() {
  export ASPNETCORE_ENVIRONMENT=Production
  export Storage__Provider=Postgres
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=phonebooking;Username=postgres;Maximum Pool Size=40"
}

start_apis() {
  (
    common_env
    export Security__HmacKey="$API_HMAC_KEY"
    export ApiClients__line__Role=PhoneLine ApiClients__line__KeySha256__0="$LINE_API_KEY_SHA256"
    # The benchmark client (tools/SchedulingApi.Bench --api-key "$BENCH_API_KEY").
    export ApiClients__bench__Role=Bench ApiClients__bench__KeySha256__0="$BENCH_API_KEY_SHA256"
    export Seed__Demo=true
    for i in "${!API_PORTS[@]}"; do start_instance "api-$((i + 1))" "$API_DLL" "${API_PORTS[$i]}"; done
  )
}

start_lines() {
  (
    common_env
    export Scheduling__BaseUrl="http://127.0.0.1:$API_PORT/" Scheduling__ApiKey="$LINE_API_KEY"
    export Encryption__Keys__k1="$ENCRYPTION_KEY" Sessions__CallerKeySecret="$CALLER_KEY_SECRET"
    export Twilio__AuthToken="$TWILIO_AUTH_TOKEN" Twilio__AccountSid=AC00000000000000000000000000000000
    export Twilio__PhoneNumber=+15550100000 Twilio__ApiBaseUrl="$TWILIO_API_URL"
    export Callbacks__PublicBaseUrl="http://127.0.0.1:$LINE_PORT"
    for i in "${!LINE_PORTS[@]}"; do start_instance "line-$((i + 1))" "$LINE_DLL" "${LINE_PORTS[$i]}"; done
  )
}

haproxy_config() {
  local servers
  {
    cat <<EOF
# Made by deploy/local/scale-out.sh. Round robin, no stickiness: any instance takes any webhook.
global
    maxconn 4000
    pidfile $RUN/haproxy.pid
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    option http-keep-alive
    # An instance is taken out after 2 failed /health/ready checks (1 s apart) and back after 2 good ones;
    # a request that could not connect goes to another instance.
    option redispatch
    retries 2
    default-server inter 1s fall 2 rise 2 check
frontend line
    bind 127.0.0.1:$LINE_PORT
    default_backend lines
backend lines
    balance ${BALANCE:-roundrobin}
    option httpchk GET /health/ready
    http-check expect status 200
EOF
    for i in "${!LINE_PORTS[@]}"; do echo "    server line-$((i + 1)) 127.0.0.1:${LINE_PORTS[$i]}"; done
    cat <<EOF
frontend api
    bind 127.0.0.1:$API_PORT
    default_backend apis
backend apis
    balance ${BALANCE:-roundrobin}
    option httpchk GET /health/ready
    http-check expect status 200
EOF
    for i in "${!API_PORTS[@]}"; do echo "    server api-$((i + 1)) 127.0.0.1:${API_PORTS[$i]}"; done
    # Stats (CSV at /;csv): on a socket for this script, and on a port when asked.
    printf 'frontend stats\n    bind unix@%s\n' "$RUN/stats.sock"
    if [ -n "${HAPROXY_STATS_PORT:-}" ]; then printf '    bind 127.0.0.1:%s\n' "$HAPROXY_STATS_PORT"; fi
    printf '    stats enable\n    stats uri /\n'
  } >"$SCALE_DIR/haproxy.cfg"
}

start_haproxy() {
  haproxy_config
  haproxy -c -q -f "$SCALE_DIR/haproxy.cfg"
  haproxy -D -f "$SCALE_DIR/haproxy.cfg" >"$LOGS/haproxy.log" 2>&1
  # Ready when HAProxy's own checks have every instance UP: before that it may answer 503.
  local deadline=$((SECONDS + 30)) expected=$((${#API_PORTS[@]} + ${#LINE_PORTS[@]}))
  until [ "$(haproxy_servers | awk -F, '$2 == "UP" { n++ } END { print n + 0 }')" = "$expected" ]; do
    [ $SECONDS -lt "$deadline" ] || die "HAProxy does not see every instance UP within 30 s: $(haproxy_servers | tr '\n' ' ')"
    sleep 0.2
  done
}

# One line per instance: name,status (UP, DOWN, …), from HAProxy's stats.
haproxy_servers() {
  curl -fsS --unix-socket "$RUN/stats.sock" 'http://haproxy/;csv' 2>/dev/null | awk -F, '$2 ~ /^(api|line)-/ { print $2 "," $18 }' || true
}

wait_ready() {
  local name=$1 url=$2 deadline=$((SECONDS + ${READY_TIMEOUT:-120}))
  until curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; do
    kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null || { tail -n 20 "$LOGS/$name.log" >&2; die "$name exited (log: $LOGS/$name.log)"; }
    [ $SECONDS -lt "$deadline" ] || { tail -n 20 "$LOGS/$name.log" >&2; die "$name not ready at $url within ${READY_TIMEOUT:-120} s (log: $LOGS/$name.log)"; }
    sleep 0.5
  done
}

start() {
  STARTING=1
  trap 'die "start failed (line $LINENO)"' ERR
  mkdir -p "$RUN" "$LOGS"
  # 0711: the postgres user (when started as root) must reach its cluster folder, and nothing else.
  chmod 711 "$SCALE_DIR"; chmod 700 "$RUN" "$LOGS"
  secrets
  build
  start_postgres
  start_apis
  for i in "${!API_PORTS[@]}"; do wait_ready "api-$((i + 1))" "http://127.0.0.1:${API_PORTS[$i]}"; done
  start_lines
  for i in "${!LINE_PORTS[@]}"; do wait_ready "line-$((i + 1))" "http://127.0.0.1:${LINE_PORTS[$i]}"; done
  start_haproxy
  echo "scale-out: ready. Line (Twilio's voice URL): http://127.0.0.1:$LINE_PORT/voice  API: http://127.0.0.1:$API_PORT/"
  echo "scale-out: logs in $LOGS; stop with: SCALE_DIR=$SCALE_DIR $0 stop"
}

stop() {
  shopt -s nullglob
  for pidfile in "$RUN"/*.pid; do
    local pid
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
  if [ -f "$SCALE_DIR/pg/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" stop -D "$SCALE_DIR/pg" -m fast -w -t 60 >/dev/null
  fi
}

status() {
  shopt -s nullglob
  for pidfile in "$RUN"/*.pid; do
    local name
    name=$(basename "$pidfile" .pid)
    if kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "$name running"; else echo "$name stopped"; fi
  done
  [ -f "$SCALE_DIR/pg/postmaster.pid" ] && echo "postgres running" || echo "postgres stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
