#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on loopback for `npm run test:services`: uses the ones already running, or
# starts Debian's postgresql and redis-server (installing them when missing) bound to 127.0.0.1 only, with data in a
# temporary folder. Prints the DATABASE_URL and REDIS_URL lines to eval.
set -euo pipefail

REDIS_PORT="${FIREDRILL_REDIS_PORT:-6379}"
PG_PORT="${FIREDRILL_PG_PORT:-5432}"
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
install_missing() {
  $SUDO apt-get update -qq < /dev/null > /dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "$@" < /dev/null > /tmp/firedrill-apt-services.log 2>&1 || { cat /tmp/firedrill-apt-services.log >&2; exit 1; }
}

if ! answers "$REDIS_PORT"; then
  command -v redis-server > /dev/null || install_missing redis-server
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes > /dev/null
  for _ in $(seq 1 50); do answers "$REDIS_PORT" && break; sleep 0.1; done
  echo "started redis-server on 127.0.0.1:$REDIS_PORT" >&2
fi

if ! answers "$PG_PORT"; then
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -z "$bin" ]; then install_missing postgresql; bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; fi
  data="$(mktemp -d /tmp/firedrill-pg.XXXXXX)"
  # PostgreSQL will not run as root: the cluster belongs to the postgres user when we are root.
  run=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$data"; run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/initdb" -D "$data" -A trust -U postgres > /dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$data" -o "-h 127.0.0.1 -p $PG_PORT -k $data" -l "$data/log" -w start > /dev/null
  "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres test
  echo "started PostgreSQL on 127.0.0.1:$PG_PORT (data in $data)" >&2
fi

echo "export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
echo "export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:$PG_PORT/test}"
