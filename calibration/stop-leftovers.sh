#!/usr/bin/env bash
# Stops every PostgreSQL and MariaDB server whose data directory lies under the given directory (a
# calibration run's CALIBRATE_TMPDIR), then removes the directory. The suites stop their servers
# themselves; this is the safety net for a runner that was killed outright (SIGKILL), which no handler
# can catch.
set -uo pipefail
dir=${1:?usage: stop-leftovers.sh DIR}
[ -d "$dir" ] || exit 0

stopped=0
while IFS= read -r pidfile; do
  data=$(dirname "$pidfile")
  pid=$(head -n 1 "$pidfile" 2>/dev/null || true)
  # Only a live postmaster that really serves this data directory.
  if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$data"; then
    kill -QUIT "$pid" 2>/dev/null && stopped=$((stopped + 1)) # immediate shutdown
  fi
done < <(find "$dir" -name postmaster.pid 2>/dev/null)

# MariaDB: every mariadbd whose my.cnf lies under the directory (a Galera joiner writes its pid file
# only once it has joined, so the command line is what tells), and what a Galera join started beside
# it (the SST script, its rsync daemon). Their data is thrown away, so SIGKILL, each by its own pid.
mariadbs=0
while IFS= read -r pid; do
  [ "$pid" = "$$" ] && continue
  comm=$(cat "/proc/$pid/comm" 2>/dev/null || true)
  case "$comm" in
    postgres | pg_ctl | psql | "") continue ;; # PostgreSQL's, stopped above
  esac
  kill -KILL "$pid" 2>/dev/null && [ "$comm" = mariadbd ] && mariadbs=$((mariadbs + 1))
done < <(pgrep -f -- "$dir/" 2>/dev/null)

# Give the postmasters a moment to take their children down before the directory goes.
for _ in $(seq 1 50); do
  pgrep -f -- "-D $dir/" >/dev/null 2>&1 || pgrep -f -- "--defaults-file=$dir/" >/dev/null 2>&1 || break
  sleep 0.1
done
[ "$stopped" -gt 0 ] && echo "calibration: stopped $stopped leftover PostgreSQL server(s) under $dir"
[ "$mariadbs" -gt 0 ] && echo "calibration: killed $mariadbs leftover MariaDB server(s) under $dir"
rm -rf "$dir"
exit 0
