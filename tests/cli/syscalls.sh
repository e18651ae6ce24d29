#!/bin/bash
# syscalls.sh - a writer killed before each system call of a save (strace's
# fault injection): the roadmap is always the old file or the new one, the
# next writer is never blocked, and no temporary file outlives a save.
. "$(dirname "$0")/lib.sh"
if ! command -v strace >/dev/null 2>&1 ||
   ! strace -o /dev/null true 2>/dev/null; then
  echo "ok 1 # SKIP strace is not available"
  echo "1..1"
  exit 0
fi
R init 2>/dev/null
R add goal g --title Goal
R add initiative base --title Base --start 2026-Q1 --end 2026-Q2 --goal g
strace -f -o trace.txt "$ROADMAP" add goal probe --title P 2>/dev/null
grep -v -e '+++ exited' -e '--- SIG' trace.txt > calls.txt
calls=$(wc -l < calls.txt)
# The save begins where the writer first opens the roadmap's lock: every
# call from a few before it to the end is a kill point. The calls before
# are the dynamic loader's and the sanitizer runtime's (hundreds under
# ASan), where a kill can only keep the old file: a handful of them stand
# for the rest here, and `make test-long` (ROADMAP_TEST_LONG=1) kills
# before every one.
first=$(grep -n -m1 'roadmap\.json' calls.txt | cut -d: -f1)
from=1
if [ -z "${ROADMAP_TEST_LONG:-}" ] && [ -n "$first" ] && [ "$first" -gt 8 ]; then
  from=$((first - 5))
fi
R rm probe
for k in $( { seq 1 3; seq "$from" $((calls + 1)); } | sort -nu); do
  old=$(sha256sum < roadmap.json)
  rows=$("$ROADMAP" list goals --format csv | wc -l)
  # (in a subshell: the shell's own "Killed" notice goes nowhere)
  ( strace -f -o /dev/null -e inject=all:signal=SIGKILL:when="$k" \
    "$ROADMAP" add goal "s$k" --title "Syscall $k" >/dev/null 2>&1 ) 2>/dev/null
  judge_kill "s$k" goals "$old"
  probe_writer "n$k"
done
ok_if "killed before each of calls 1-3 and $from-$calls of $calls: old or new file every time ($torn torn)" test "$torn" = 0
ok_if "the next writer was never blocked ($blocked)" test "$blocked" = 0
ok_if "no temporary file outlived the next save ($survived)" test "$survived" = 0
ok_if "early kills kept the old file ($kept), late ones the new ($moved)" test "$kept" -gt 0 -a "$moved" -gt 0
finish
