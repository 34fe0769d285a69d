#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: `pg.sh start DIR` creates and
# starts it (fsync off, Unix socket only) and prints its connection string;
# `pg.sh stop DIR` stops it. As root it runs as the postgres system user.
set -euo pipefail
cmd=${1:?start|stop}
dir=$(realpath -m "${2:?directory}")
bindir=${PG_BINDIR:-}
if [ -z "$bindir" ]; then
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { bindir=$d; break; }
  done
fi
[ -n "$bindir" ] || bindir=$(dirname "$(readlink -f "$(command -v initdb)")")
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# `pg.sh start DIR durable` keeps fsync on (benchmarks measure what
# production runs) and `pg.sh stop DIR keep` leaves the data for next time.
mode=${3:-}
case $cmd in
start)
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; chmod 755 "$dir"; fi
  opts="-k $dir -c listen_addresses= -c max_connections=300 -c shared_buffers=256MB"
  [ "$mode" = durable ] || opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions >"$dir/initdb.log" 2>&1
  fi
  if ! as_pg "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -o "$opts" start >/dev/null
  fi
  echo "host=$dir port=5432 user=postgres sslmode=disable"
  ;;
stop)
  [ -d "$dir/data" ] && as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  [ "$mode" = keep ] || rm -rf "$dir"
  ;;
esac
