#!/bin/bash
# Entrypoint of skillbridge-local/redis, after the official image's: `redis-server` runs as user
# redis in /data, with protected mode off (the official image builds Redis that way); arguments
# starting with `-` or a *.conf file are given to redis-server.
set -Eeuo pipefail

if [ "${1:0:1}" = '-' ] || [ "${1%.conf}" != "$1" ]; then set -- redis-server "$@"; fi

if [ "$1" = 'redis-server' ]; then
  shift
  if [ "${1:-}" != '' ] && [ "${1%.conf}" != "$1" ]; then
    conf="$1"; shift
    set -- redis-server "$conf" --protected-mode no "$@"
  else
    set -- redis-server --protected-mode no "$@"
  fi
  if [ "$(id -u)" = '0' ]; then
    chown -R redis:redis /data 2>/dev/null || true
    exec setpriv --reuid=redis --regid=redis --init-groups "$@"
  fi
fi

exec "$@"
