#!/bin/bash
# check.sh - every check rule on a fixture that triggers it and a near miss
# that must not: the exact JSON findings (code, severity, subject, related,
# order) and the exit status, with and without --strict. A fixture of a
# rule of a day has a sidecar NAME.as-of holding the day (check --as-of).
. "$(dirname "$0")/lib.sh"
golden=$golden/check

for f in "$DATA"/check/*.json; do
  name=$(basename "$f" .json)
  cp "$f" "$name.json"
  day=()
  [ -f "${f%.json}.as-of" ] && day=(--as-of "$(cat "${f%.json}.as-of")")
  out=$("$ROADMAP" -f "$name.json" check --format json "${day[@]}")
  rc=$?
  strict=$("$ROADMAP" -f "$name.json" check --strict --format json "${day[@]}" >/dev/null; echo $?)
  if [ -n "${REGEN:-}" ]; then
    printf '%s\n' "$out" > "$golden/$name.json"
  fi
  errors=$(printf '%s' "$out" | sed -n 's/^  "errors": \([0-9]*\),$/\1/p')
  warnings=$(printf '%s' "$out" | sed -n 's/^  "warnings": \([0-9]*\),$/\1/p')
  want_rc=0
  [ "$errors" != 0 ] && want_rc=1
  want_strict=$want_rc
  [ "$warnings" != 0 ] && want_strict=1
  t "$name: findings" "$want_rc" "$(cat "$golden/$name.json")" "" -- "$ROADMAP" -f "$name.json" check --format json "${day[@]}"
  ok_if "$name: --strict exits $want_strict" test "$strict" = "$want_strict"
  case $name in
    *-ok) ok_if "$name: the near miss is clean" test "$errors$warnings" = 00 ;;
    *) code=${name}
       ok_if "$name: reports $code" bash -c "grep -q '\"code\": \"$code\"' '$golden/$name.json'" ;;
  esac
  if [ ${#day[@]} != 0 ]; then
    ok_if "$name: without --as-of, no rule of a day" bash -c \
      "'$ROADMAP' -f '$name.json' check --format json | grep -q '\"findings\": \[\]'"
  fi
  ok_if "$name: check leaves the file alone" cmp -s "$f" "$name.json"
done

# the text form: one line per finding, then the summary
t "text output" 1 "error   dependency-order     b: starts 2026-03-31, on or before the end of its prerequisite \"a\" (2026-03-31)
1 error, 0 warnings, 0 infos" "" -- R -f dependency-order.json check
t "a clean roadmap" 0 "0 errors, 0 warnings, 0 infos" "" -- R -f invalid-dates-ok.json check
t "check: unknown format" 64 "" "roadmap: check: unknown format 'xml' (text, json, sarif, junit or github)
usage: roadmap check [--format text|json|sarif|junit|github] [--strict] [--baseline OLD] [--as-of DATE] [selection]
(see 'roadmap help check')" -- R -f invalid-dates-ok.json check --format xml
# envelope-mismatch: a fiscal year's quarter envelopes against its own
t "envelope-mismatch: four quarters that do not add up, two that exceed" 0 \
  "warning envelope-mismatch    FY2028: its quarter envelopes (4 of 4) add up to USD 4,560,000.00 against the fiscal-year envelope of USD 4,550,000.00: USD 10,000.00 more
warning envelope-mismatch    FY2028/innovation: its quarter envelopes (2 of 4) add up to USD 550,000.00 against the fiscal-year envelope of USD 500,000.00: USD 50,000.00 more
warning envelope-mismatch    FY2029: its quarter envelopes (4 of 4) add up to USD 400.00 against the fiscal-year envelope of USD 500.00: USD 100.00 less
0 errors, 3 warnings, 0 infos" "" -- R -f envelope-mismatch.json check
cp envelope-mismatch.json mended.json
R -f mended.json set FY2028 amount=4.56M
R -f mended.json set FY2028/innovation amount=550k
R -f mended.json set FY2029 amount=400
t "envelope-mismatch: mended with set, it is gone" 0 "0 errors, 0 warnings, 0 infos" "" -- R -f mended.json check

# show lists the findings check lists, with the same --as-of: the rules of
# a day with one (EAC = 100 x 50 / 25 = 200 against a budget of 100), none
# of them without
cat > day.json <<'JSON'
{"format": 1, "goals": [{"id": "g", "title": "G"}],
 "initiatives": [{"id": "a", "title": "A", "goals": ["g"], "status": "active",
   "start": "2026-01-01", "end": "2026-06-30", "opex": 100,
   "actuals": {"2026-Q1": 50}, "progress": {"2026-03-31": 25}}]}
JSON
t "show --as-of: the day's findings, as check --as-of has them" 0 \
  "  findings:
    warning cost-at-risk a: estimate at completion USD 200.00 against a budget of USD 100.00 (CPI 0.5; tolerance 10%)" "" \
  -- bash -c "'$ROADMAP' -f day.json show a --as-of 2026-04-15 | sed -n '/^  findings/,\$p'"
t "show without --as-of: check's findings, no rule of a day" 0 "  findings    none" "" \
  -- bash -c "'$ROADMAP' -f day.json show a | sed -n '/^  findings/,\$p'"
same_findings() { # DAY...: show's JSON findings equal check's for item a
  /usr/bin/python3 -c '
import json, subprocess, sys
R, day = sys.argv[1], sys.argv[2:]
show = json.loads(subprocess.run([R, "-f", "day.json", "show", "a", "--format", "json"] + day,
                                 capture_output=True, check=True).stdout)["findings"]
check = json.loads(subprocess.run([R, "-f", "day.json", "check", "--format", "json"] + day,
                                  capture_output=True).stdout)["findings"]
mine = [f for f in check if f["subject"] == "a" or "a" in f["related"]]
sys.exit(0 if show == mine and (show or not day) else "show %s, check %s" % (show, mine))' "$ROADMAP" "$@"
}
ok_if "show --format json --as-of: the same findings as check --as-of" same_findings --as-of 2026-04-15
ok_if "show --format json: the same findings as check" same_findings
t "check: a missing roadmap is 66" 66 "" "roadmap: none.json: no roadmap here (create one with 'roadmap init', or choose a file with -f)" -- R -f none.json check
finish
