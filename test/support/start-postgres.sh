#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster (Debian's PostgreSQL 15 package) on 127.0.0.1 and prints
# its connection URL on stdout; everything else goes to stderr. Usable by CI as root on a fresh
# Debian machine: installs PostgreSQL with apt-get when initdb/pg_ctl are missing.
#
#   export TEST_DATABASE_URL="$(test/support/start-postgres.sh)"
#   npx vitest run central
#   "$(dirname of the cluster printed on stderr)/stop.sh"     # or: test/support/start-postgres.sh --stop DIR
#
# Options (environment): PG_VERSION (default 15), PG_DATABASE (default outpost_test).
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_DATABASE="${PG_DATABASE:-outpost_test}"

log() { echo "start-postgres: $*" >&2; }

if [[ "${1:-}" == "--stop" ]]; then
  [[ -x "${2:-}/stop.sh" ]] || { log "no cluster to stop at '${2:-}'"; exit 1; }
  exec "$2/stop.sh"
fi

find_bin() {
  local dir
  for dir in "/usr/lib/postgresql/${PG_VERSION}/bin" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -Vr); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

if ! PG_BIN="$(find_bin)"; then
  [[ "$(id -u)" == 0 ]] || { log "PostgreSQL is not installed and installing it needs root (apt-get install postgresql-${PG_VERSION})"; exit 1; }
  log "installing PostgreSQL ${PG_VERSION} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends "postgresql-${PG_VERSION}" >&2 \
    || apt-get install -y -q --no-install-recommends postgresql >&2
  PG_BIN="$(find_bin)" || { log "initdb/pg_ctl still missing after installing PostgreSQL"; exit 1; }
fi

# As root the server must run as an unprivileged user: postgres (created by the Debian package).
if [[ "$(id -u)" == 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  AS=(runuser -u postgres --)
  DB_USER=postgres
else
  AS=()
  DB_USER="$(id -un)"
fi

CLUSTER="$(mktemp -d /tmp/outpost-pg.XXXXXX)"
chmod 700 "$CLUSTER"
[[ "$(id -u)" == 0 ]] && chown postgres: "$CLUSTER"

"${AS[@]}" "$PG_BIN/initdb" -D "$CLUSTER/data" -A trust -U "$DB_USER" -E UTF8 --no-locale --no-sync >"$CLUSTER/initdb.log" 2>&1 \
  || { cat "$CLUSTER/initdb.log" >&2; log "initdb failed"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=""
for _ in 1 2 3 4 5 6 7 8; do
  PORT=$(( 20000 + RANDOM % 40000 ))
  port_in_use "$PORT" && continue
  # Throwaway data: durability settings off for speed; socket kept inside the cluster folder.
  if "${AS[@]}" "$PG_BIN/pg_ctl" -D "$CLUSTER/data" -l "$CLUSTER/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $CLUSTER -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >&2; then
    started=yes
    break
  fi
  tail -n 5 "$CLUSTER/server.log" >&2 || true
done
[[ -n "$started" ]] || { log "could not start PostgreSQL (see $CLUSTER/server.log)"; exit 1; }

"${AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" "$PG_DATABASE" >&2

cat >"$CLUSTER/stop.sh" <<EOF
#!/usr/bin/env bash
# Stops the throwaway cluster and deletes its folder.
${AS[*]} "$PG_BIN/pg_ctl" -D "$CLUSTER/data" -m immediate stop >&2 || true
rm -rf "$CLUSTER"
EOF
chmod 755 "$CLUSTER/stop.sh"

log "PostgreSQL $("$PG_BIN/pg_ctl" --version | awk '{print $3}') running in $CLUSTER on 127.0.0.1:$PORT; stop with $CLUSTER/stop.sh"
echo "postgres://${DB_USER}@127.0.0.1:${PORT}/${PG_DATABASE}"
