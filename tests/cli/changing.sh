#!/bin/bash
# changing.sh - input that changes while it is read. A roadmap of 64 MiB or
# more (the size the reader splits across threads, and once mapped) that
# another program truncates or rewrites in place while a command reads it
# gives exit 65 "changed while reading", or the one whole version the
# command read; never a signal (a mapped file that shrinks is SIGBUS). A
# FIFO whose writer has not come yet is waited for, not read as empty.
# Each change is tried 6 times, 40 under ROADMAP_TEST_LONG (`make
# test-long`); CHANGE_RUNS sets another count.
. "$(dirname "$0")/lib.sh"
runs=6
[ -z "${ROADMAP_TEST_LONG:-}" ] || runs=40
runs=${CHANGE_RUNS:-$runs}

R init --name Big 2>/dev/null
R add goal g --title G
R add initiative a --title A --start 2026-Q1 --end 2026-Q2 --goal g --opex 1k
cp roadmap.json small.json
# 64 MiB of blanks inside the document: a valid roadmap that a reader must
# read whole, made in a moment
{
  printf '{'
  head -c $((64 << 20)) /dev/zero | tr '\0' ' '
  tail -c +2 small.json
} > big.json
goals=$(R -f small.json list goals --format json)
t "the large roadmap loads" 0 "$goals" "" -- R -f big.json list goals --format json

# change KIND: a reader of a copy of big.json, and meanwhile the copy
# truncated (": >") or rewritten in place with the small roadmap (cp
# truncates, then writes), after a pause that moves through the read.
signals=0 wrong=0 caught=0
change() {
  local kind=$1 i=$2 rc out err
  cp big.json victim.json
  "$ROADMAP" -f victim.json list goals --format json > out.txt 2> err.txt &
  local pid=$! k
  # the change meets the read: wait (up to 10 s: a busy machine, a
  # sanitized build) until the reader has the file open or mapped, then
  # a pause that moves through the read
  for k in $(seq 1 2000); do
    { ls -l "/proc/$pid/fd" 2>/dev/null; cat "/proc/$pid/maps" 2>/dev/null; } |
      grep -q victim.json && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.005
  done
  sleep "0.0$((i % 10))"
  if [ "$kind" = truncate ]; then
    : > victim.json
  else
    cp small.json victim.json
  fi
  wait "$pid"
  rc=$?
  out=$(cat out.txt)
  err=$(cat err.txt)
  [ "$err" != "roadmap: victim.json: changed while reading" ] ||
    caught=$((caught + 1))
  if [ "$rc" -ge 128 ]; then
    signals=$((signals + 1))
    echo "# $kind run $i: killed by signal $((rc - 128))"
  elif ! { [ "$rc" = 0 ] && [ "$out" = "$goals" ] && [ -z "$err" ]; } &&
    ! { [ "$rc" = 65 ] && [ -z "$out" ] &&
      { [ "$err" = "roadmap: victim.json: changed while reading" ] ||
        [ "$err" = "roadmap: victim.json:1:1: the file is empty" ]; }; }; then
    wrong=$((wrong + 1))
    echo "# $kind run $i: exit $rc, stderr: $err"
  fi
}
for kind in truncate rewrite; do
  signals=0 wrong=0 caught=0 i=0
  # the runs asked for, and more (up to four times as many) while no
  # change has met a read yet
  while [ "$i" -lt "$runs" ] || { [ "$caught" = 0 ] && [ "$i" -lt $((4 * runs)) ]; }; do
    i=$((i + 1))
    change "$kind" "$i"
  done
  ok_if "$kind in place while read ($i runs): no reader killed by a signal" \
    test "$signals" = 0
  ok_if "$kind in place while read: each read one whole version or exit 65 saying why" \
    test "$wrong" = 0
  # else the change never met a read, and the cases above prove nothing
  ok_if "$kind in place while read: some change met a read under way ($caught)" \
    test "$caught" -gt 0
done

# FIFOs: the writer comes half a second after the reader opened it. A
# writer that never finds its reader gives up after 5 s.
mkfifo in.fifo
late() { (sleep 0.5; timeout 5 bash -c "cat '$1' > in.fifo") & }
printf 'id,title,start,end\nx,X,2026-Q1,2026-Q2\n' > rows.csv
cp roadmap.json before.json
late rows.csv
t "import waits for the FIFO's writer" 0 "" "roadmap: imported in.fifo: 1 added, 0 updated" -- R import in.fifo
wait
ok_if "and imported its row" bash -c "'$ROADMAP' show x > /dev/null"
cp roadmap.json after.json
cp before.json roadmap.json
late after.json
t "diff waits for the FIFO's writer" 1 "removed initiative \"x\"" "" -- \
  bash -c "$ROADMAP diff in.fifo before.json 2>&1 | grep -F 'initiative \"x\"'; exit \${PIPESTATUS[0]}"
wait
late roadmap.json
t "status --baseline waits for the FIFO's writer" 0 "a" "" -- \
  bash -c "$ROADMAP status --as-of 2026-03-31 --baseline in.fifo --format csv | cut -d, -f1 | sed -n 2p"
wait
(sleep 0.5; timeout 5 bash -c ": > in.fifo") &
t "a writer that writes nothing is an empty file" 65 "" "roadmap: in.fifo:1:1: the file is empty" -- R diff in.fifo before.json
wait
t "a pipe whose writer is gone is read as it is" 65 "" "roadmap: /dev/fd/63:1:1: the file is empty" -- \
  bash -c "$ROADMAP diff <(true) before.json"
finish
