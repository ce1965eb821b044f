#!/usr/bin/env bash
# PostgreSQL for CI and local tests, from Debian's packages (no Docker).
#
#   .ci/services/postgres.sh start    install if needed, start, create role/db/extensions
#   .ci/services/postgres.sh stop     stop the cluster
#   .ci/services/postgres.sh status   show the cluster state
#
# `start` is idempotent. Progress goes to stderr; stdout carries only
# `export NAME=value` lines, so a caller can do:
#   eval "$(bash .ci/services/postgres.sh start)"
#
# What `start` sets up:
#   - Debian packages postgresql, postgresql-contrib and hunspell-cs (apt-get
#     update/install only when something is missing; needs root);
#   - pg_updatedicts, which links the system hunspell dictionaries into
#     PostgreSQL's tsearch_data dir (Czech: cs_cz.dict / cs_cz.affix);
#   - the newest installed major version's cluster "main" (created if missing),
#     started with pg_ctlcluster;
#   - role glokal/glokal with CREATEDB (pytest-django creates test_glokal),
#     database glokal owned by it;
#   - extensions unaccent and pg_trgm in template1 (so test databases created
#     from it have them) and in glokal.
set -euo pipefail

PG_ROLE="${PG_ROLE:-glokal}"
PG_PASSWORD="${PG_PASSWORD:-glokal}"
PG_DB="${PG_DB:-glokal}"
PG_CLUSTER="${PG_CLUSTER:-main}"
PG_EXTENSIONS=(unaccent pg_trgm)

log() { printf '[postgres] %s\n' "$*" >&2; }
die() { printf '[postgres] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

# psql as the postgres superuser over the local socket (peer auth).
# Extra arguments go to psql; the port comes from the cluster's config.
pg_super() {
    local db="$1"; shift
    # PGOPTIONS hides NOTICEs such as "database ... does not exist, skipping".
    as_root runuser -u postgres -- env PGOPTIONS='-c client_min_messages=warning' \
        psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d "$db" "$@"
}

apt_updated=0
apt_install() {
    if [ "$apt_updated" -eq 0 ]; then
        log "apt-get update"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
        apt_updated=1
    fi
    log "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
}

# Newest major version with server binaries installed, e.g. "15".
pg_version() {
    local v
    v="$(ls -1 /usr/lib/postgresql 2>/dev/null | sort -V | while read -r d; do
        [ -x "/usr/lib/postgresql/$d/bin/postgres" ] && echo "$d"; done | tail -n1)"
    printf '%s' "$v"
}

ensure_packages() {
    local missing=()
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(pg_version)" ]; then
        missing+=(postgresql postgresql-contrib)
    else
        # In Debian the contrib modules ship inside postgresql-NN itself;
        # postgresql-contrib is only a metapackage. Check for the files.
        local v; v="$(pg_version)"
        if [ ! -f "/usr/share/postgresql/$v/extension/unaccent.control" ] \
            || [ ! -f "/usr/share/postgresql/$v/extension/pg_trgm.control" ]; then
            missing+=(postgresql-contrib)
        fi
    fi
    if [ ! -f /usr/share/hunspell/cs_CZ.dic ]; then
        missing+=(hunspell-cs)
    fi
    if [ "${#missing[@]}" -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
    PG_VERSION="$(pg_version)"
    [ -n "$PG_VERSION" ] || die "no PostgreSQL server binaries found after install"
}

# pg_updatedicts (postgresql-common) links every installed hunspell/myspell
# dictionary into /usr/share/postgresql/<v>/tsearch_data as <lang>.dict and
# <lang>.affix (lower case, e.g. cs_cz.dict). It is normally run by the
# package triggers; running it again is harmless.
ensure_dicts() {
    as_root pg_updatedicts >&2 || die "pg_updatedicts failed"
    local dir="/usr/share/postgresql/$PG_VERSION/tsearch_data"
    local found
    found="$(cd "$dir" 2>/dev/null && for f in cs_cz.*; do [ -e "$f" ] && echo "$f"; done || true)"
    [ -n "$found" ] || die "no Czech hunspell files in $dir after pg_updatedicts"
    log "Czech dictionary files in $dir: $(echo "$found" | tr '\n' ' ')"
    # Name used in CREATE TEXT SEARCH DICTIONARY ... DictFile = cs_cz, AffFile = cs_cz
    PG_CZECH_DICT="$(echo "$found" | head -n1 | sed 's/\..*//')"
}

cluster_line() {
    # "ver cluster port status owner datadir logfile" of our cluster, if any.
    pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c'
}

ensure_cluster() {
    if [ -z "$(cluster_line)" ]; then
        # Prefer 5432; pg_createcluster accepts a port that another cluster
        # already uses (start then fails), so only ask for it when it is free
        # and otherwise let it pick the next free one.
        local port_opt=()
        if ! pg_lsclusters -h 2>/dev/null | awk '{print $3}' | grep -qx 5432 \
            && ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
            port_opt=(--port 5432)
        fi
        log "creating cluster $PG_VERSION/$PG_CLUSTER"
        as_root pg_createcluster "${port_opt[@]}" "$PG_VERSION" "$PG_CLUSTER" >&2 \
            || die "pg_createcluster $PG_VERSION $PG_CLUSTER failed"
    fi
    PG_PORT="$(cluster_line | awk '{print $3}')"
    if ! cluster_line | awk '{print $4}' | grep -q '^online'; then
        log "pg_ctlcluster $PG_VERSION $PG_CLUSTER start (port $PG_PORT)"
        if ! as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2; then
            local logfile; logfile="$(cluster_line | awk '{print $7}')"
            [ -f "$logfile" ] && tail -n 30 "$logfile" >&2
            die "pg_ctlcluster $PG_VERSION $PG_CLUSTER start failed"
        fi
    else
        log "cluster $PG_VERSION/$PG_CLUSTER already running on port $PG_PORT"
    fi
    # Bounded wait until it accepts TCP connections on 127.0.0.1.
    local _
    for _ in $(seq 1 60); do
        if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
            return 0
        fi
        sleep 1
    done
    die "PostgreSQL did not accept connections on 127.0.0.1:$PG_PORT within 60 s"
}

ensure_role_db() {
    # Role: create if missing, then always (re)set password and CREATEDB.
    pg_super postgres -v role="$PG_ROLE" -v pw="$PG_PASSWORD" <<'SQL' >&2
SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'role', :'pw') \gexec
SQL
    # Database: CREATE DATABASE cannot run inside DO/functions, hence \gexec.
    pg_super postgres -v role="$PG_ROLE" -v db="$PG_DB" <<'SQL' >&2
SELECT format('CREATE DATABASE %I OWNER %I TEMPLATE template1', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
    # Extensions need a superuser (unaccent is not "trusted"), so they are
    # installed here; template1 first so every later CREATE DATABASE copies them.
    local db ext
    for db in template1 "$PG_DB"; do
        for ext in "${PG_EXTENSIONS[@]}"; do
            pg_super "$db" -c "CREATE EXTENSION IF NOT EXISTS $ext" >&2
        done
    done
}

# Smoke test, as the superuser in a throw-away database: the Czech hunspell
# dictionary loads and lemmatises. The app creates its own dictionary in its
# migrations; this only proves the files and template work on this machine.
check_czech_dictionary() {
    local scratch="glokal_ci_scratch"
    pg_super postgres -c "DROP DATABASE IF EXISTS $scratch" >&2
    pg_super postgres -c "CREATE DATABASE $scratch" >&2
    local out
    out="$(pg_super "$scratch" -At <<SQL
CREATE TEXT SEARCH DICTIONARY czech_hunspell (
    TEMPLATE = ispell, DictFile = $PG_CZECH_DICT, AffFile = $PG_CZECH_DICT);
SELECT ts_lexize('czech_hunspell', 'strojírny');
SQL
)" || { pg_super postgres -c "DROP DATABASE IF EXISTS $scratch" >&2 || true
            die "CREATE TEXT SEARCH DICTIONARY czech_hunspell failed"; }
    pg_super postgres -c "DROP DATABASE IF EXISTS $scratch" >&2
    log "Czech hunspell dictionary OK: ts_lexize('czech_hunspell','strojírny') = $out"
}

cmd_start() {
    command -v runuser >/dev/null 2>&1 || die "runuser (util-linux) is missing"
    ensure_packages
    ensure_dicts
    ensure_cluster
    ensure_role_db
    check_czech_dictionary
    # Check the credentials the app will use, over TCP like the app.
    PGPASSWORD="$PG_PASSWORD" psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" -d "$PG_DB" \
        -c "SELECT 'connected as ' || current_user || ' to ' || current_database() || ', extensions: ' ||
                   string_agg(extname, ',' ORDER BY extname) FROM pg_extension" >&2 \
        || die "cannot connect as $PG_ROLE to $PG_DB on 127.0.0.1:$PG_PORT"
    log "PostgreSQL $PG_VERSION ready on 127.0.0.1:$PG_PORT"
    echo "export DATABASE_URL=postgres://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
}

cmd_stop() {
    PG_VERSION="$(pg_version)"
    if [ -z "$PG_VERSION" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
        log "PostgreSQL is not installed; nothing to stop"
        return 0
    fi
    if cluster_line | awk '{print $4}' | grep -q '^online'; then
        log "pg_ctlcluster $PG_VERSION $PG_CLUSTER stop"
        as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m fast >&2
    else
        log "cluster $PG_VERSION/$PG_CLUSTER is not running"
    fi
}

cmd_status() {
    pg_lsclusters >&2 2>/dev/null || log "PostgreSQL is not installed"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
