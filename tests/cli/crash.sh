#!/bin/bash
# crash.sh - kill -9 of a writer at random moments: the roadmap is always the
# old file or the new one, never anything else; the next writer is never
# blocked by a stale lock; a killed writer's temporary file does not survive
# the next save. CRASH_TRIALS (else TRIALS, default 300) kills, five times as many under
# ROADMAP_TEST_LONG.
. "$(dirname "$0")/lib.sh"
trials=${CRASH_TRIALS:-${TRIALS:-300}}
[ -z "${ROADMAP_TEST_LONG:-}" ] || trials=$((trials * 5))

/usr/bin/python3 "$here/../perf/gen" 5000 7 > roadmap.json
count() { "$ROADMAP" list --format csv | wc -l; }
# how long one save takes here, so that kills fall anywhere in it
t0=$EPOCHREALTIME
"$ROADMAP" add goal calibrate --title C
t1=$EPOCHREALTIME
"$ROADMAP" rm calibrate
span=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", (b - a) * 1300 + 1 }')
# kills PREFIX N STRETCH: N adds killed at a random moment within STRETCH
# times one save, each judged; a probe writer every tenth
kills() {
  local i
  rows=$(count)
  for i in $(seq 1 "$2"); do
    old=$(sha256sum < roadmap.json)
    "$ROADMAP" add initiative "$1$i" --title "Killed $i" --start 2026-Q1 \
      --end 2026-Q2 --goal goal-1 2>/dev/null &
    pid=$!
    sleep "$(awk -v r=$RANDOM -v s="$span" -v x="$3" 'BEGIN { printf "%.4f", r % s * x / 1000 }')"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    judge_kill "$1$i" initiatives "$old"
    if [ $((i % 10)) = 0 ]; then
      probe_writer "probe-$1$i"
    fi
  done
}
kills k "$trials" 1
# the same for writes into a scenario (a save that takes about twice as
# long): judged as the scenario sees the file, and the roadmap itself
# never changes
R scenario new what-if 2>/dev/null
own=$("$ROADMAP" list --format json | sha256sum)
export ROADMAP_SCENARIO=what-if
kills ks $((trials / 4)) 2
unset ROADMAP_SCENARIO
ok_if "writes into a scenario never touched the roadmap itself" test "$("$ROADMAP" list --format json | sha256sum)" = "$own"
ok_if "$trials kills: the file was always the old or the new one ($torn torn)" test "$torn" = 0
ok_if "no writer was blocked by a killed one's lock ($blocked)" test "$blocked" = 0
ok_if "no killed writer's temporary file survived a save ($survived)" test "$survived" = 0
ok_if "the roadmap still loads" bash -c "$ROADMAP check >/dev/null; test \$? -le 1"
ok_if "kills landed both before the rename ($kept) and after it ($moved)" test "$kept" -gt 0 -a "$moved" -gt 0
finish
