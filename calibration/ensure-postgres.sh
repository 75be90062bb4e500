#!/usr/bin/env bash
# Calibration prerequisites, idempotent (for CI): Debian's PostgreSQL and the unprivileged user `pgcal`.
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "calibration: installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  # The package starts a cluster of its own; the suite never uses it, so stop it when it is running.
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for conf in /etc/postgresql/*/main; do
      [ -d "$conf" ] || continue
      version=$(basename "$(dirname "$conf")")
      pg_ctlcluster "$version" main stop >/dev/null 2>&1 || true
    done
  fi
fi

# PostgreSQL refuses to run as root: the suite runs every server as this user.
if [ "$(id -u)" = 0 ] && ! id pgcal >/dev/null 2>&1; then
  useradd -m pgcal
fi
