#!/usr/bin/env bash
# perf.sh — measure the real window under Xvfb against a hello-world Fyne window built with
# the same Fyne version: time until the window is visible and memory once idle, for an
# empty tracker and a 100,000-record one. Prints medians and ratios (targets: ≤ 1.5×).
#
#   scripts/perf.sh [RUNS]     (default 5 runs per case)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
IDLE_S=${IDLE_S:-5}
scripts/deps.sh test
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/declinedesk" ./cmd/declinedesk
go build -o "$work/hello" ./internal/perf/hello
go run ./internal/sample/mksample -n 100000 > "$work/100k.csv"
"$work/declinedesk" --db "$work/100k.db" import "$work/100k.csv" > /dev/null
"$work/declinedesk" --db "$work/empty.db" list > /dev/null

# one NAME TITLE CMD... — one run: prints "ms rss_kib"
one() {
  local title=$1; shift
  local home="$work/home"; rm -rf "$home"; mkdir -p "$home/.cache"
  # -noreset: the xdpyinfo probe must not make the server reset under the window starting
  exec 3< <(Xvfb -displayfd 1 -noreset -screen 0 1280x800x24 -nolisten tcp 2>/dev/null & echo "pid $!")
  local xpid disp
  read -r _ xpid <&3
  read -r disp <&3
  export DISPLAY=":$disp"
  for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done
  local t0 pid wid="" ms rss
  t0=$(date +%s%N)
  HOME="$home" LANG=en_US.UTF-8 "$@" >/dev/null 2>&1 & pid=$!
  for _ in $(seq 2000); do
    wid=$(xdotool search --all --onlyvisible --pid "$pid" --name "^$title" 2>/dev/null | head -1 || true)
    [ -n "$wid" ] && break
    sleep 0.01
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep "$IDLE_S"
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null || true
  [ -n "$wid" ] || { echo "no window for $title" >&2; exit 1; }
  echo "$ms $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # NAME TITLE CMD...
  local name=$1; shift
  local times="" mems=""
  for _ in $(seq "$RUNS"); do
    read -r ms rss < <(one "$@")
    times="$times$ms"$'\n'; mems="$mems$rss"$'\n'
  done
  echo "$name $(printf %s "$times" | median) $(printf %s "$mems" | median)"
}

results=$( {
  measure hello "Decline Desk hello" "$work/hello"
  measure empty "Decline Desk" "$work/declinedesk" --db "$work/empty.db"
  measure 100k "Decline Desk" "$work/declinedesk" --db "$work/100k.db"
} )
echo "$results" | awk -v runs="$RUNS" '
  $1 == "hello" { ht = $2; hm = $3 }
  { name[NR] = $1; t[NR] = $2; m[NR] = $3 }
  END {
    printf "median of %d runs; memory after %ss idle\n", runs, ENVIRON["IDLE_S"] ? ENVIRON["IDLE_S"] : 5
    printf "%-8s %12s %8s %12s %8s\n", "case", "visible ms", "ratio", "RSS MiB", "ratio"
    for (i = 1; i <= NR; i++)
      printf "%-8s %12d %8.2f %12.1f %8.2f\n", name[i], t[i], t[i] / ht, m[i] / 1024, m[i] / hm
  }'
