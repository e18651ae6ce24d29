# lib.sh - helpers for the end-to-end CLI tests (TAP output).
#
# Each case pins stdout, stderr and the exit status exactly:
#   t NAME STATUS STDOUT STDERR -- COMMAND...
# Sourced by the test scripts; ROADMAP is the binary under test.

set -u
: "${ROADMAP:?set ROADMAP to the roadmap binary}"
here=$(cd "$(dirname "$0")" && pwd)
golden=$here/golden
n=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export NO_COLOR=1 LC_ALL=C.UTF-8 COLUMNS=80
# "today" for every command that reads it (roadmap(1)), so that expected output
# does not change with the clock; tests of the clock itself unset it
export ROADMAP_TODAY=2026-05-15
unset ROADMAP_FILE ROADMAP_LOCK_TIMEOUT

R() { "$ROADMAP" "$@"; }

t() {
  local name=$1 want_rc=$2 want_out=$3 want_err=$4
  shift 5
  local out err rc
  out=$("$@" 2>"$work/.stderr"; echo "rc=$?")
  rc=${out##*rc=}
  out=${out%rc=*}
  out=${out%$'\n'}
  err=$(cat "$work/.stderr")
  n=$((n + 1))
  if [ "$rc" = "$want_rc" ] && [ "$out" = "$want_out" ] && [ "$err" = "$want_err" ]; then
    echo "ok $n - $name"
  else
    failed=$((failed + 1))
    echo "not ok $n - $name"
    [ "$rc" = "$want_rc" ] || echo "#   status: got $rc, want $want_rc"
    if [ "$out" != "$want_out" ]; then
      diff <(printf '%s\n' "$want_out") <(printf '%s\n' "$out") | sed 's/^/#   /'
    fi
    if [ "$err" != "$want_err" ]; then
      diff <(printf '%s\n' "$want_err") <(printf '%s\n' "$err") | sed 's/^/#   /'
    fi
  fi
}

# ok_if NAME COMMAND...: a plain assertion.
ok_if() {
  local name=$1
  shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n - $name"
  else
    failed=$((failed + 1))
    echo "not ok $n - $name"
  fi
}

# fits WIDTH COMMAND...: COMMAND succeeds, prints something, and no line of
# it is wider than WIDTH terminal columns (with COLUMNS=WIDTH).
fits() {
  local w=$1 out
  shift
  out=$(COLUMNS=$w "$@") && [ -n "$out" ] &&
    [ "$(printf '%s\n' "$out" | wc -L)" -le "$w" ]
}

# tap_from LABEL COMMAND...: relays the TAP of COMMAND as our own cases, then
# asserts that it exited 0 and that its plan matched the cases it printed
# (so a reader that dies, or prints nothing, fails here).
tap_from() {
  local label=$1 seen=0 plan="" line rc=none
  shift
  while read -r line; do
    case $line in
      "exit "*) rc=${line#exit } ;;
      "ok "*) ok_if "$label: ${line#ok * - }" true; seen=$((seen + 1)) ;;
      "not ok "*) ok_if "$label: ${line#not ok * - }" false; seen=$((seen + 1)) ;;
      1..*) plan=${line#1..} ;;
    esac
  done < <("$@"; echo "exit $?")
  ok_if "$label: the reader exited 0 (got $rc)" test "$rc" = 0
  ok_if "$label: its plan ($plan) matches the $seen cases it ran" \
    test -n "$plan" -a "$plan" = "$seen" -a "$seen" -gt 0
}

# g SLUG COMMAND...: stdout and stderr of COMMAND, then "exit N", against
# golden/SLUG.out. After a deliberate change, REGEN=1 rewrites the golden
# files: review the diff before committing.
g() {
  local slug=$1
  shift
  local got
  got=$("$@" 2>&1; echo "exit $?")
  if [ -n "${REGEN:-}" ]; then
    printf '%s\n' "$got" > "$golden/$slug.out"
  fi
  t "$slug: $*" 0 "$(cat "$golden/$slug.out")" "" -- printf '%s\n' "$got"
}

# For the kill tests: after a writer adding item ID (KIND list) was killed,
# the roadmap must be the old file (hash OLD) or the new one (ROWS + 1 rows,
# ID present). Counts kept, moved and torn; updates rows.
kept=0 moved=0 torn=0 blocked=0 survived=0
judge_kill() {
  local id=$1 kind=$2 old=$3
  if [ "$(sha256sum < roadmap.json)" = "$old" ]; then
    kept=$((kept + 1))
    return
  fi
  moved=$((moved + 1))
  local m
  m=$("$ROADMAP" list "$kind" --format csv 2>/dev/null | wc -l)
  if [ "$m" != $((rows + 1)) ] || ! "$ROADMAP" show "$id" >/dev/null 2>&1; then
    torn=$((torn + 1))
  fi
  rows=$m
}

# The next writer gets the lock at once, and its save sweeps temporaries.
probe_writer() {
  if ! ROADMAP_LOCK_TIMEOUT=2 "$ROADMAP" add goal "$1" --title P 2>/dev/null; then
    blocked=$((blocked + 1))
  fi
  "$ROADMAP" rm "$1" 2>/dev/null
  if ls -A | grep -q '^\.roadmap\.json\.tmp\.'; then
    survived=$((survived + 1))
  fi
}

# same NAME A B [FILTER]: the shell commands A and B exit alike with 0 or
# 1 (check's findings), print something, and print the same (through
# FILTER when given): two failures alike are no pass.
same() {
  local name=$1 a=$2 b=$3 filter=${4:-cat} oa ob ra rb
  oa=$(bash -c "$a" 2>&1)
  ra=$?
  ob=$(bash -c "$b" 2>&1)
  rb=$?
  oa=$(printf '%s\n' "$oa" | $filter)
  ob=$(printf '%s\n' "$ob" | $filter)
  n=$((n + 1))
  if [ "$ra" = "$rb" ] && [ "$ra" -le 1 ] && [ -n "$oa" ] && [ "$oa" = "$ob" ]; then
    echo "ok $n - $name"
  else
    failed=$((failed + 1))
    echo "not ok $n - $name"
    echo "#   status $ra and $rb"
    diff <(printf '%s\n' "$oa") <(printf '%s\n' "$ob") | head -20 | sed 's/^/#   /'
  fi
}

finish() {
  echo "1..$n"
  [ "$failed" -eq 0 ]
}
