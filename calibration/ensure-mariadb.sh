#!/usr/bin/env bash
# Calibration prerequisites, idempotent (for CI): Debian's MariaDB server and the unprivileged user `mdbcal`.
set -euo pipefail

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  echo "calibration: installing Debian's mariadb-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends mariadb-server >/dev/null
  # The package may start a server of its own on 3306; the suite never uses it, so stop it if it runs.
  if command -v service >/dev/null 2>&1; then
    service mariadb stop >/dev/null 2>&1 || true
  fi
fi

# The suite runs every server as this user (mariadbd started by root drops to it with --user).
if [ "$(id -u)" = 0 ] && ! id mdbcal >/dev/null 2>&1; then
  useradd -m mdbcal
fi
