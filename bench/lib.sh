# shellcheck shell=bash
# What the bench scripts share; each sources it from the repository's root: . bench/lib.sh

need() { # tool, Debian package: installs the package when the tool is missing
  command -v "$1" > /dev/null && return 0
  echo "installing $2 (Debian package, for $1)"
  local sudo
  sudo=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $sudo apt-get install -y "$2" > /dev/null || { $sudo apt-get update > /dev/null && $sudo apt-get install -y "$2" > /dev/null; }
}

await_ready() { # url, pid, what, its log, [seconds between tries, 0.5]: returns once the url answers;
  # exits with the log's tail if the process died first
  until curl -sf "$1" > /dev/null; do
    kill -0 "$2" 2> /dev/null || { echo "$3 did not start; see $4" >&2; tail -30 "$4" >&2; exit 1; }
    sleep "${5:-0.5}"
  done
}

# CPU seconds used so far by the application's JVM (APP, its pid), and by the embedded PostgreSQL under DATA
# (the postmaster's own and its reaped backends' time, cutime and cstime, plus the live backends'), with the
# OpenSearch node's (NODE, its pid) when one runs.
cpu_app() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$APP/stat"; }
cpu_db() {
  local pm total p
  pm=$(head -1 "$DATA/postgres/postmaster.pid")
  total=$(awk '{printf "%.2f", ($14 + $15 + $16 + $17) / 100}' "/proc/$pm/stat")
  for p in $(pgrep -P "$pm" || true); do
    total=$(awk -v t="$total" '{printf "%.2f", t + ($14 + $15) / 100}' "/proc/$p/stat" 2> /dev/null || echo "$total")
  done
  if [ -n "${NODE:-}" ]; then total=$(awk -v t="$total" '{printf "%.2f", t + ($14 + $15) / 100}' "/proc/$NODE/stat"); fi
  echo "$total"
}
