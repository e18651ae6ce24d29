#!/bin/bash
# check.sh - every check rule on a fixture that triggers it and a near miss
# that must not: the exact JSON findings (code, severity, subject, related,
# order) and the exit status, with and without --strict.
. "$(dirname "$0")/lib.sh"
golden=$golden/check

for f in "$DATA"/check/*.json; do
  name=$(basename "$f" .json)
  cp "$f" "$name.json"
  out=$("$ROADMAP" -f "$name.json" check --format json)
  rc=$?
  strict=$("$ROADMAP" -f "$name.json" check --strict --format json >/dev/null; echo $?)
  if [ -n "${REGEN:-}" ]; then
    printf '%s\n' "$out" > "$golden/$name.json"
  fi
  errors=$(printf '%s' "$out" | sed -n 's/^  "errors": \([0-9]*\),$/\1/p')
  warnings=$(printf '%s' "$out" | sed -n 's/^  "warnings": \([0-9]*\),$/\1/p')
  want_rc=0
  [ "$errors" != 0 ] && want_rc=1
  want_strict=$want_rc
  [ "$warnings" != 0 ] && want_strict=1
  t "$name: findings" "$want_rc" "$(cat "$golden/$name.json")" "" -- "$ROADMAP" -f "$name.json" check --format json
  ok_if "$name: --strict exits $want_strict" test "$strict" = "$want_strict"
  case $name in
    *-ok) ok_if "$name: the near miss is clean" test "$errors$warnings" = 00 ;;
    *) code=${name}
       ok_if "$name: reports $code" bash -c "grep -q '\"code\": \"$code\"' '$golden/$name.json'" ;;
  esac
  ok_if "$name: check leaves the file alone" cmp -s "$f" "$name.json"
done

# the text form: one line per finding, then the summary
t "text output" 1 "error   dependency-order     b: starts 2026-03-31, on or before the end of its prerequisite \"a\" (2026-03-31)
1 error, 0 warnings, 0 infos" "" -- R -f dependency-order.json check
t "a clean roadmap" 0 "0 errors, 0 warnings, 0 infos" "" -- R -f invalid-dates-ok.json check
t "check: unknown format" 64 "" "roadmap: check: unknown format 'xml' (text, json, sarif, junit or github)
usage: roadmap check [--format text|json|sarif|junit|github] [--strict] [--baseline OLD] [--as-of DATE]
(see 'roadmap help check')" -- R -f invalid-dates-ok.json check --format xml
t "check: a missing roadmap is 66" 66 "" "roadmap: none.json: no roadmap here (create one with 'roadmap init', or choose a file with -f)" -- R -f none.json check
finish
