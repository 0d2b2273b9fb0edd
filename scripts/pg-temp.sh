#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster on loopback for tests and benchmarks.
#   scripts/pg-temp.sh start [PORT]   prints the connection URL
#   scripts/pg-temp.sh stop
# The cluster lives in $KITH_PG_DIR (default /tmp/kith-pg); it runs as the `postgres` user when
# started by root, since PostgreSQL refuses to run as root.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=${KITH_PG_DIR:-/tmp/kith-pg}
PORT=${2:-55432}
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "${1:-}" in
  start)
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      as_pg "$PGBIN/initdb -D $DIR/data -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null"
    fi
    if ! as_pg "$PGBIN/pg_ctl -D $DIR/data status >/dev/null 2>&1"; then
      as_pg "$PGBIN/pg_ctl -D $DIR/data -l $DIR/log -w -o \"-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB -c fsync=on -c synchronous_commit=on\" start >/dev/null"
    fi
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl -D $DIR/data -m fast stop >/dev/null" || true
    ;;
  *) echo "usage: $0 start [PORT] | stop" >&2; exit 2 ;;
esac
