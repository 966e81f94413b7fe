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
