#!/bin/bash
# crash.sh - kill -9 of a writer at random moments: the roadmap is always the
# old file or the new one, never anything else; the next writer is never
# blocked by a stale lock; a killed writer's temporary file does not survive
# the next save. TRIALS (default 300) kills.
. "$(dirname "$0")/lib.sh"
trials=${TRIALS:-300}

/usr/bin/python3 "$here/../perf/gen" 5000 7 > roadmap.json
count() { "$ROADMAP" list --format csv | wc -l; }
# how long one save takes here, so that kills fall anywhere in it
t0=$EPOCHREALTIME
"$ROADMAP" add goal calibrate --title C
t1=$EPOCHREALTIME
"$ROADMAP" rm calibrate
span=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", (b - a) * 1300 + 1 }')
rows=$(count)
torn=0 blocked=0 survived=0 kept=0 moved=0
for i in $(seq 1 "$trials"); do
  old=$(sha256sum < roadmap.json)
  "$ROADMAP" add initiative "k$i" --title "Killed $i" --start 2026-Q1 \
    --end 2026-Q2 --goal goal-1 2>/dev/null &
  pid=$!
  sleep "$(awk -v r=$RANDOM -v s="$span" 'BEGIN { printf "%.4f", r % s / 1000 }')"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  now=$(sha256sum < roadmap.json)
  if [ "$now" = "$old" ]; then
    kept=$((kept + 1))
  else
    # it must be the new file: valid, one more initiative, the new one
    moved=$((moved + 1))
    m=$(count 2>/dev/null || echo 0)
    if [ "$m" != $((rows + 1)) ] || ! "$ROADMAP" show "k$i" >/dev/null 2>&1; then
      torn=$((torn + 1))
    fi
    rows=$m
  fi
  if [ $((i % 10)) = 0 ]; then
    # the next writer gets the lock at once, and its save sweeps temporaries
    if ! ROADMAP_LOCK_TIMEOUT=2 "$ROADMAP" add goal "probe-$i" --title P 2>/dev/null; then
      blocked=$((blocked + 1))
    fi
    "$ROADMAP" rm "probe-$i" 2>/dev/null
    if ls -A | grep -q '^\.roadmap\.json\.tmp\.'; then
      survived=$((survived + 1))
    fi
  fi
done
ok_if "$trials kills: the file was always the old or the new one ($torn torn)" test "$torn" = 0
ok_if "no writer was blocked by a killed one's lock ($blocked)" test "$blocked" = 0
ok_if "no killed writer's temporary file survived a save ($survived)" test "$survived" = 0
ok_if "the roadmap still loads" bash -c "$ROADMAP check >/dev/null; test \$? -le 1"
ok_if "kills landed both before the rename ($kept) and after it ($moved)" test "$kept" -gt 0 -a "$moved" -gt 0
finish
