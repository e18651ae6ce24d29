#!/bin/bash
# tracking.sh - progress, measurements, status and the rules of a day
# (roadmap(1), status): the textbook earned-value case (PV 75, EV 60, AC 70: SPI 0.8,
# CPI 0.857, EAC 116.67), a late initiative, a falling metric, an achieved
# and a missed goal, a baseline's slip; random portfolios against
# tracking_check.py's exact fractions; bad input refused with nothing
# written; "today" from --as-of, ROADMAP_TODAY or the clock.
. "$(dirname "$0")/lib.sh"
py() {
  local out rc
  out=$(/usr/bin/python3 "$here/tracking_check.py" "$@" 2>&1)
  rc=$?
  [ $rc = 0 ] || printf '%s\n' "$out" | sed 's/^/# /'
  return $rc
}
jq_() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

R init --name "Tracking" 2>/dev/null
R add goal retention --title "Retention" --baseline 70 --target 84 --unit % --due 2026-12-31
R add goal latency --title "Checkout latency" --metric "p95 ms" --baseline 300 --target 200 --due 2026-12-31
R add goal uptime --title "Uptime" --baseline 99.5 --target 99.9 --due 2026-03-31
R add goal audit --title "Audit findings" --baseline 20 --target 0 --due 2026-02-28
# 100 days from 2026-01-01 to 2026-04-10: as of 2026-03-16 (day 75) 75 %
R add initiative textbook --title "Textbook" --start 2026-01-01 --end 2026-04-10 --opex 100 --goal retention --status active
R add initiative slow --title "Slow" --start 2026-01-01 --end 2026-02-28 --capex 1000 --goal latency --status active
R add initiative shipped --title "Shipped" --start 2026-01-01 --end 2026-02-15 --opex 500 --goal uptime --status done
R add initiative later --title "Later" --start 2026-06-01 --end 2026-09-30 --opex 800 --goal audit
R actual textbook 2026-Q1 70
R actual slow 2026-Q1 400
cp roadmap.json before.json

t "progress records a percent" 0 "" "" -- R progress textbook 60 --on 2026-03-15
t "a percent may carry its sign" 0 "" "" -- R progress slow 50% --on 2026-02-20
t "a later figure for the day replaces it" 0 "" "" -- R progress slow 40 --on 2026-02-20
R progress shipped 100 --on 2026-02-15
t "measure records a value" 0 "" "" -- R measure latency 250 --on 2026-03-01
R measure uptime 99.95 --on 2026-03-10
R measure audit 4 --on 2026-03-01
t "a period means its last day" 0 "" "" -- R measure retention 71 --on 2026-01
ok_if "the file keeps the figures by day" bash -c "
  grep -q '\"2026-03-15\": 60' roadmap.json && grep -q '\"2026-02-20\": 40' roadmap.json &&
  grep -q '\"2026-01-31\": 71' roadmap.json && ! grep -q '\"2026-02-20\": 50' roadmap.json"
cp roadmap.json good.json
ok_if "the file is canonical: a save reproduces it" bash -c "
  cp good.json c.json && '$ROADMAP' -f c.json set textbook priority=3 && cmp -s good.json c.json"

# bad input: exit 65, the message, nothing written
t "a percent over 100" 65 "" "roadmap: progress 150 must be a percent from 0 to 100" -- R progress textbook 150
t "a negative percent" 65 "" "roadmap: progress -1 must be a percent from 0 to 100" -- R progress textbook -- -1
t "three decimals" 65 "" "roadmap: progress 33.333 has more than two decimals" -- R progress textbook 33.333
t "not a number" 65 "" "roadmap: \"lots\" is not a percent (0 to 100)" -- R progress textbook lots
t "a measurement that is not a number" 65 "" "roadmap: \"nan\" is not a number" -- R measure latency nan
t "a date that is not one" 65 "" "roadmap: --on: 2026-02-30 is not a date" -- R progress textbook 10 --on 2026-02-30
t "progress of a goal" 65 "" "roadmap: no initiative \"latency\"" -- R progress latency 10
t "a measurement of an initiative" 65 "" "roadmap: no goal \"slow\"" -- R measure slow 10
t "unset of a day with nothing" 65 "" "roadmap: \"textbook\" has no progress on 2026-03-01" -- R progress textbook --unset --on 2026-03-01
t "a figure with --unset" 64 "" "roadmap: progress: needs INITIATIVE and PERCENT, or with --unset INITIATIVE alone
usage: roadmap progress INITIATIVE [PERCENT] [--on DATE] [--unset]
(see 'roadmap help progress')" -- R progress textbook 10 --unset
t "set does not take it" 65 "" "roadmap: progress is recorded with the progress command, not set" -- R set textbook progress=10
ok_if "nothing was written by the refusals" cmp -s good.json roadmap.json
R progress slow 99 --on 2026-03-02
t "--unset removes the day's figure" 0 "" "" -- R progress slow --unset --on 2026-03-02
ok_if "and only it" cmp -s good.json roadmap.json

# the textbook case, every figure
R status --as-of 2026-03-16 --format json > s.json
ok_if "textbook: BAC 100, planned 75 %, PV 75, progress 60, EV 60, AC 70" \
  test "$(jq_ '[(x["bac"],x["planned_pct"],x["pv"],x["progress"],x["ev"],x["ac"]) for x in d["initiatives"] if x["id"]=="textbook"][0]' < s.json)" = "(100, 75, 75, 60, 60, 70)"
ok_if "textbook: SV -15, CV -10, SPI 0.8, CPI 0.857, EAC 116.67, VAC -16.67, not late" \
  test "$(jq_ '[(x["sv"],x["cv"],x["spi"],x["cpi"],x["eac"],x["vac"],x["late"]) for x in d["initiatives"] if x["id"]=="textbook"][0]' < s.json)" = "(-15, -10, 0.8, 0.857, 116.67, -16.67, False)"
ok_if "slow is late (not done, past its end); shipped is done, not late" \
  test "$(jq_ '[(x["id"],x["late"]) for x in d["initiatives"]]' < s.json)" = "[('textbook', False), ('slow', True), ('shipped', False)]"
ok_if "an initiative that has not started has no row" \
  test "$(jq_ '"later" in [x["id"] for x in d["initiatives"]]' < s.json)" = False
ok_if "a falling metric counts: 300 -> 250 of 300 -> 200 is progress 0.5" \
  test "$(jq_ '[(x["current"],x["progress"]) for x in d["goals"] if x["id"]=="latency"][0]' < s.json)" = "(250, 0.5)"
ok_if "goal states: at-risk, on-track, achieved, missed" \
  test "$(jq_ '[x["state"] for x in d["goals"]]' < s.json)" = "['at-risk', 'on-track', 'achieved', 'missed']"
ok_if "OKR scores: clamped to 0..1, two decimals" \
  test "$(jq_ '[x["score"] for x in d["goals"]]' < s.json)" = "[0.07, 0.5, 1, 0.8]"
ok_if "retention expected: 75 of 365 days" \
  test "$(jq_ '[x["expected"] for x in d["goals"]][0]' < s.json)" = "0.205"
ok_if "every figure equals the exact computation" py check roadmap.json 2026-03-16 s.json
g status-textbook R status --as-of 2026-03-16
ok_if "the table fits 60 columns" fits 60 "$ROADMAP" status --as-of 2026-03-16
ok_if "the table fits 80 columns" fits 80 "$ROADMAP" status --as-of 2026-03-16
t "csv: the initiatives" 0 "id,bac,planned_pct,pv,progress,ev,ac,sv,cv,spi,cpi,eac,vac,late
textbook,100.00,75,75.00,60,60.00,70.00,-15.00,-10.00,0.8,0.857,116.67,-16.67,false
slow,1000.00,100,1000.00,40,400.00,400.00,-600.00,0.00,0.4,1,1000.00,0.00,true
shipped,500.00,100,500.00,100,500.00,0.00,0.00,500.00,1,,500.00,0.00,false" "" -- R status --as-of 2026-03-16 --format csv
t "csv: the goals" 0 "id,current,progress,expected,state,score
retention,71,0.071,0.205,at-risk,0.07
latency,250,0.5,0.205,on-track,0.5
uptime,99.95,1.125,0.833,achieved,1
audit,4,0.8,1,missed,0.8" "" -- R status --as-of 2026-03-16 --format csv --table goals

# today: --as-of, ROADMAP_TODAY and the clock agree
t "ROADMAP_TODAY and --as-of agree" 0 "" "" -- bash -c "cmp <(ROADMAP_TODAY=2026-03-16 '$ROADMAP' status --format json) s.json"
ok_if "without either, the system's date" bash -c "
  unset ROADMAP_TODAY; cmp -s <('$ROADMAP' status --format json) <('$ROADMAP' status --as-of \$(date +%F) --format json)"
t "a bad ROADMAP_TODAY is refused" 64 "" "roadmap: ROADMAP_TODAY \"soon\" is not a date (YYYY-MM-DD)" -- env ROADMAP_TODAY=soon "$ROADMAP" status

# the baseline: last quarter's file, through a pipe
R set slow end=2026-03-31 capex=1200
R add initiative fresh --title "Fresh" --start 2026-03-01 --end 2026-05-31 --opex 10 --goal audit
R rm later
R status --as-of 2026-03-16 --baseline <(cat before.json) --format json > b.json
ok_if "slip in days and BAC change against the baseline" \
  test "$(jq_ '[(x["id"],x["slip_days"],x["bac_change"],x["new"]) for x in d["initiatives"]]' < b.json)" = "[('textbook', 0, 0, False), ('slow', 31, 200, False), ('shipped', 0, 0, False), ('fresh', None, None, True)]"
ok_if "removed ids are listed" test "$(jq_ 'd["removed"]' < b.json)" = "['later']"
ok_if "and equal the exact computation" py check roadmap.json 2026-03-16 b.json before.json
g status-baseline R status --as-of 2026-03-16 --baseline before.json
t "a baseline that cannot be read" 66 "" "roadmap: the baseline missing.json cannot be read:
roadmap: missing.json: cannot open: No such file or directory" -- R status --baseline missing.json
cp good.json roadmap.json

# check: the rules of a day only with --as-of
codes() { "$ROADMAP" check "$@" --format json | jq_ 'sorted(set(x["code"] for x in d["findings"]))'; }
ok_if "check without --as-of reports none of the time rules" \
  test "$(codes)" = "['goal-deadline']"
ok_if "with --as-of: initiative-late, goal-at-risk, cost-at-risk" \
  test "$(codes --as-of 2026-03-16)" = "['cost-at-risk', 'goal-at-risk', 'goal-deadline', 'initiative-late']"
t "their text" 0 "warning cost-at-risk         textbook: estimate at completion USD 116.67 against a budget of USD 100.00 (CPI 0.857; tolerance 10%)
warning goal-at-risk         audit: missed: progress 80 % where 100 % is expected by 2026-03-16 (due 2026-02-28)
warning goal-at-risk         retention: at risk: progress 7.1 % where 20.5 % is expected by 2026-03-16 (due 2026-12-31)
warning goal-deadline        later: ends 2026-09-30, after goal \"audit\" is due (2026-02-28)
warning initiative-late      slow: planned to end 2026-02-28, 40 % complete on 2026-03-16
0 errors, 5 warnings, 0 infos" "" -- R check --as-of 2026-03-16
t "--strict fails on them" 1 "" "" -- bash -c "'$ROADMAP' check --as-of 2026-03-16 --strict > /dev/null"
t "a day's findings are known to a baseline checked the same day" 0 "0 errors, 0 warnings, 0 infos; 5 known findings left out (in the baseline)" "" \
  -- R check --as-of 2026-03-16 --baseline good.json
ok_if "SARIF and JUnit carry the new rules" bash -c "
  '$ROADMAP' check --as-of 2026-03-16 --format sarif | grep -q '\"id\": \"cost-at-risk\"' &&
  '$ROADMAP' check --format junit | grep -q 'name=\"initiative-late\"'"

# show and the exports
ok_if "show of an initiative has its figures" bash -c "
  '$ROADMAP' show textbook --as-of 2026-03-16 | grep -qx '  indexes     SPI 0.8  CPI 0.857  EAC 116.67  VAC -16.67'"
ok_if "show of a goal has its state" bash -c "
  '$ROADMAP' show audit --as-of 2026-03-16 | grep -qx '  state       missed (score 0.8)'"
ok_if "show --format json has the tracking object" \
  test "$(R show textbook --as-of 2026-03-16 --format json | jq_ 'd["tracking"]["eac"], d["tracking"]["as_of"]')" = "(116.67, '2026-03-16')"
ok_if "the JSON export has the status as of the day" \
  test "$(R export --format json --as-of 2026-03-16 | jq_ 'd["tracking"] == json.load(open("s.json"))')" = True
ok_if "the Markdown export has the section" bash -c "
  '$ROADMAP' export --format md --as-of 2026-03-16 | grep -qx '| textbook | 100.00 | 75 | 60 | 75.00 | 60.00 | 70.00 | 0.8 | 0.857 | 116.67 |  |'"
ok_if "an untracked roadmap's exports do not depend on the day" bash -c "
  cmp -s <('$ROADMAP' -f '$DATA/good/small.json' export --format md --as-of 2026-01-01) \
    <('$ROADMAP' -f '$DATA/good/small.json' export --format md --as-of 2027-01-01)"
R export --format xlsx --as-of 2026-03-16 -o deck.xlsx 2>/dev/null
ok_if "the deck: goals with their state, initiatives with EVM columns" \
  /usr/bin/python3 -c '
import openpyxl, sys
wb = openpyxl.load_workbook("deck.xlsx")
g, i = wb["Goals"], wb["Initiatives"]
gh = [c.value for c in g[1]]
ih = [c.value for c in i[1]]
# the tracking columns follow the fields (wherever the last one ends)
gc, ic = gh.index("Current on 2026-03-16"), ih.index("Planned % on 2026-03-16")
assert gh[gc:gc + 5] == ["Current on 2026-03-16", "Progress", "Expected", "State", "Score"] and gc + 5 == len(gh), gh
assert ih[ic + 1:ic + 10] == ["Progress %", "PV", "EV", "AC", "SPI", "CPI", "EAC", "VAC", "Late"] and ic + 10 == len(ih), ih
assert ih[:2] == ["ID", "Title"] and gh[:2] == ["ID", "Title"]
row = {r[0].value: [c.value for c in r] for r in i.iter_rows(min_row=2)}
assert row["textbook"][ic:ic + 10] == [0.75, 0.6, 75, 60, 70, 0.8, 0.857, 116.67, -16.67, None], row["textbook"]
assert row["slow"][ic + 9] == "late"
states = [r[gc + 3].value for r in g.iter_rows(min_row=2)]
assert states == ["at-risk", "on-track", "achieved", "missed"], states
'

# CSV: the records export as tables of their own and import back
t "csv export of the progress" 0 "initiative,date,percent
textbook,2026-03-15,60
slow,2026-02-20,40
shipped,2026-02-15,100" "" -- R export --format csv --table progress
t "csv export of the measurements" 0 "goal,date,value
retention,2026-01-31,71
latency,2026-03-01,250
uptime,2026-03-10,99.95
audit,2026-03-01,4" "" -- R export --format csv --table measurements
printf 'initiative,date,percent\nnope,2026-01-01,5\ntextbook,2026-02-30,5\ntextbook,2026-03-31,500\ntextbook,2026-03-15,5\n' > bad.csv
t "a bad progress table: every row located, nothing imported" 65 "" "roadmap: bad.csv:2: column \"initiative\": no initiative \"nope\"
roadmap: bad.csv:3: column \"date\": 2026-02-30 is not a date
roadmap: bad.csv:4: column \"percent\": \"500\" must be a percent from 0 to 100
roadmap: bad.csv:5: column \"date\": \"textbook\" already has a figure for 2026-03-15 (use --update)
roadmap: bad.csv: nothing imported" -- R import bad.csv
ok_if "and the file is unchanged" cmp -s good.json roadmap.json
printf 'goal,date,value\nlatency,2026-Q2,230\n' > m.csv
t "a measurements table, a period as its last day" 0 "" "roadmap: imported m.csv: 1 added, 0 updated" -- R import m.csv
ok_if "recorded on 2026-06-30" grep -q '"2026-06-30": 230' roadmap.json
cp good.json roadmap.json

# numbers that are numbers but too large say so, on the command line and
# in CSV (numbers are below 1e16); other text is not a number
t "a measurement out of range" 65 "" 'roadmap: "1e308" is out of range (numbers are below 1e16 and, unless 0, at least 1e-15)' -- R measure latency 1e308
t "a long number is out of range, not too fine" 65 "" "roadmap: \"1$(printf '0%.0s' $(seq 1 40))\" is out of range (numbers are below 1e16 and, unless 0, at least 1e-15)" -- R measure latency "1$(printf '0%.0s' $(seq 1 40))"
t "a percent out of range" 65 "" 'roadmap: "1e308" is out of range (numbers are below 1e16 and, unless 0, at least 1e-15)' -- R progress textbook 1e308%
printf 'goal,date,value\nlatency,2026-04-01,1e308\nlatency,2026-04-02,lots\n' > big.csv
t "a measurements table: out of range and not a number" 65 "" 'roadmap: big.csv:2: column "value": "1e308" is out of range (numbers are below 1e16 and, unless 0, at least 1e-15)
roadmap: big.csv:3: column "value": "lots" is not a number
roadmap: big.csv: nothing imported' -- R import big.csv
printf 'initiative,date,percent\ntextbook,2026-04-01,1e308\ntextbook,2026-04-02,lots\n' > big.csv
t "a progress table: out of range and not a percent" 65 "" 'roadmap: big.csv:2: column "percent": "1e308" is out of range (numbers are below 1e16 and, unless 0, at least 1e-15)
roadmap: big.csv:3: column "percent": "lots" is not a percent (0 to 100)
roadmap: big.csv: nothing imported' -- R import big.csv
# a table's header missing a required column is that table's, not the
# initiatives' with unknown columns
printf 'goal,date\nlatency,2026-04-01\n' > novalue.csv
t "a measurements table without its value column" 65 "" 'roadmap: novalue.csv:1: column "value": is missing from the header (the measurements table needs it)
roadmap: novalue.csv: nothing imported' -- R import novalue.csv
printf 'initiative,date\ntextbook,2026-04-01\n' > nopercent.csv
t "a progress table without its percent column" 65 "" 'roadmap: nopercent.csv:1: column "percent": is missing from the header (the progress table needs it)
roadmap: nopercent.csv: nothing imported' -- R import nopercent.csv
printf 'goal,date,valeu\nlatency,2026-04-01,5\n' > typo.csv
t "and with a misspelt one, both said" 65 "" 'roadmap: typo.csv:1: column "valeu": unknown column (the measurements table has: goal, date, value)
roadmap: typo.csv:1: column "value": is missing from the header (the measurements table needs it)
roadmap: typo.csv: nothing imported' -- R import typo.csv
ok_if "and the file is unchanged" cmp -s good.json roadmap.json

# figures derived from a ratio are range-checked like sums: twelve actuals
# of the largest amount over 0.01 % progress make an EAC past 64 bits
# (once printed as -64,467,440,737,095,516.16, a positive VAC and no
# cost-at-risk)
R -f huge.json init 2>/dev/null
R -f huge.json add initiative big --title Big --start 2026-Q1 --end 2028-Q4 --opex 1B
for y in 2026 2027 2028; do
  for q in 1 2 3 4; do R -f huge.json actual big "$y-Q$q" 1000000000000; done
done
R -f huge.json progress big 0.01 --on 2026-01-01
eac='roadmap: initiative "big": the estimate at completion (EAC) is more than the largest amount this tool can hold'
t "an EAC past the largest amount: status is exit 65 naming it" 65 "" "$eac" -- R -f huge.json status --as-of 2028-12-31 --format json
t "status as a table" 65 "" "$eac" -- R -f huge.json status --as-of 2028-12-31
t "status as CSV" 65 "" "$eac" -- R -f huge.json status --as-of 2028-12-31 --format csv
t "show's JSON" 65 "" "$eac" -- R -f huge.json show big --as-of 2028-12-31 --format json
t "the JSON export" 65 "" "$eac" -- R -f huge.json export --format json --as-of 2028-12-31
t "the HTML page" 65 "" "$eac" -- R -f huge.json export --format html --as-of 2028-12-31 -o huge.html
ok_if "writes no page" test ! -e huge.html
t "check --as-of: exit 65 naming the estimate, never a wrong figure" 65 "" "$eac" -- R -f huge.json check --as-of 2028-12-31
R -f huge.json progress big 50 --on 2026-01-01
t "with more progress the EAC fits" 0 "24000000000000.00" "" -- \
  bash -c "$ROADMAP -f huge.json status --as-of 2028-12-31 --format csv | cut -d, -f12 | sed -n 2p"
# a goal's progress is a ratio: a measurement far past a target a hair
# from its baseline (once printed as -9223372036854775.808)
R -f huge.json add goal hair --title Hair --baseline 0 --target 0.000000000000001
R -f huge.json measure hair 9000000000000000 --on 2026-01-01
t "a goal's progress out of range is exit 65 naming it" 65 "" 'roadmap: goal "hair": its progress from baseline to target is out of range (a ratio of 1e15 or more)' -- R -f huge.json status --as-of 2026-02-01 --format json
R -f huge.json measure hair 0.0000000000001 --on 2026-01-01
t "a hundredfold is fine" 0 "100" "" -- \
  bash -c "$ROADMAP -f huge.json status --as-of 2026-02-01 --format csv --table goals | cut -d, -f3 | sed -n 2p"

# a baseline in another currency: a BAC change would subtract EUR from USD
R -f eur.json init --currency EUR 2>/dev/null
R -f eur.json add initiative textbook --title Textbook --start 2026-01-01 --end 2026-04-10 --opex 90
t "status --baseline in another currency is refused" 65 "" "roadmap: the baseline's amounts are in EUR, the roadmap's in USD (status --baseline converts no currency)" -- R status --as-of 2026-03-16 --baseline eur.json

# a goal with no measurement by the day is not-measured, not at risk,
# even past its due date; current, progress and expected as before
t "status: a goal not measured yet" 0 "Goals as of 2026-03-05
GOAL       CURRENT  TARGET  PROGRESS  EXPECTED  STATE         SCORE
retention       71      84     7.1 %    17.5 %  at-risk        0.07
latency        250     200      50 %    17.5 %  on-track        0.5
uptime        99.5    99.9       0 %    71.1 %  not-measured      0
audit            4       0      80 %     100 %  missed          0.8" "" \
  -- bash -c "'$ROADMAP' status --as-of 2026-03-05 | tail -6"
t "csv: a goal not measured yet" 0 "id,current,progress,expected,state,score
retention,71,0.071,0.175,at-risk,0.07
latency,250,0.5,0.175,on-track,0.5
uptime,99.5,0,0.711,not-measured,0
audit,4,0.8,1,missed,0.8" "" -- R status --as-of 2026-03-05 --format csv --table goals
ok_if "json: a goal not measured yet" \
  test "$(R status --as-of 2026-03-05 --format json | jq_ '[x["state"] for x in d["goals"]]')" = "['at-risk', 'on-track', 'not-measured', 'missed']"
R status --as-of 2026-03-05 --format json > nm-s.json
ok_if "and equal to the exact computation" py check roadmap.json 2026-03-05 nm-s.json
cp good.json nm.json
R -f nm.json measure uptime --unset --on 2026-03-10
t "past its due date with no measurement: not-measured, not missed" 0 "uptime,99.5,0,1,not-measured,0" "" \
  -- bash -c "'$ROADMAP' -f nm.json status --as-of 2026-04-05 --format csv --table goals | grep ^uptime"
t "check: a goal not measured is not reported at risk or missed" 0 "warning cost-at-risk         textbook: estimate at completion USD 116.67 against a budget of USD 100.00 (CPI 0.857; tolerance 10%)
warning goal-at-risk         audit: missed: progress 80 % where 100 % is expected by 2026-04-05 (due 2026-02-28)
warning goal-at-risk         retention: at risk: progress 7.1 % where 26 % is expected by 2026-04-05 (due 2026-12-31)
warning goal-deadline        later: ends 2026-09-30, after goal \"audit\" is due (2026-02-28)
warning initiative-late      slow: planned to end 2026-02-28, 40 % complete on 2026-04-05
0 errors, 5 warnings, 0 infos" "" -- R -f nm.json check --as-of 2026-04-05

# nothing recorded at all (the example with its actuals, progress and
# measurements stripped): "not tracked yet" where SPI, CPI and the goal
# states would be, never 0 or at risk
/usr/bin/python3 - "$here/../../examples/acme/roadmap.json" <<'PY'
import json, sys
rm = json.load(open(sys.argv[1]))
for i in rm.get("initiatives", []):
    for k in ("actuals", "progress"):
        i.pop(k, None)
for g in rm.get("goals", []):
    g.pop("measurements", None)
json.dump(rm, open("untracked.json", "w"), indent=2)
PY
t "status of an untracked roadmap: every goal not-measured" 0 "not-measured not-measured not-measured not-measured not-measured not-measured not-measured" "" \
  -- bash -c "'$ROADMAP' -f untracked.json status --as-of 2026-12-07 --format csv --table goals | cut -d, -f5 | sed 1d | paste -sd' '"
t "check of an untracked roadmap reports no goal at risk" 1 "" "" \
  -- bash -c "'$ROADMAP' -f untracked.json check --as-of 2026-12-07 | grep goal-at-risk"
t "markdown: the headline says not tracked yet" 0 "| Findings | 2 errors, 13 warnings, 0 infos |
| Earned value (SPI, CPI), goal states | not tracked yet |" "" \
  -- bash -c "'$ROADMAP' -f untracked.json export --format md --as-of 2026-12-07 | sed -n '/^| Findings/,/^\$/p' | sed '\$d'"
R -f untracked.json export --format html --as-of 2026-12-07 -o untracked.html
t "html: the goals and earned value cards say not tracked yet" 0 "<dt>Goals</dt><dd>7 (not tracked yet)</dd>
<dt>Earned value</dt><dd>not tracked yet</dd>" "" \
  -- grep -o '<dt>\(Goals\|Earned value\)</dt><dd>[^<]*</dd>' untracked.html
t "html: no goal's state is a guess" 0 "7 not tracked yet" "" \
  -- bash -c "grep -o 'class=\"state s-[a-z-]*\">[^<]*' untracked.html | sed 's/.*>//' | uniq -c | sed 's/^ *//'"
t "html: no SPI of 0 and no goal at risk" 1 "" "" \
  -- grep -E 'SPI 0|at-risk<|at risk or missed' untracked.html
R -f untracked.json export --format xlsx --as-of 2026-12-07 -o untracked.xlsx 2>/dev/null
ok_if "the deck: not tracked yet on Summary, Goals and Initiatives" \
  /usr/bin/python3 -c '
import openpyxl
wb = openpyxl.load_workbook("untracked.xlsx")
s, g, i = wb["Summary"], wb["Goals"], wb["Initiatives"]
rows = {r[0]: r[1] for r in s.iter_rows(min_row=4, max_col=2, values_only=True) if r[0]}
assert rows["Earned value (SPI, CPI), goal states"] == "not tracked yet", rows
gh = [c.value for c in g[1]]
ih = [c.value for c in i[1]]
assert gh[-1] == "State" and "Current" not in " ".join(map(str, gh)), gh
assert ih[-1] == "Earned value" and "SPI" not in ih, ih
assert {r[-1] for r in g.iter_rows(min_row=2, values_only=True)} == {"not tracked yet"}
assert {r[-1] for r in i.iter_rows(min_row=2, values_only=True)} == {"not tracked yet"}
'
R -f before.json export --format xlsx --as-of 2026-03-16 -o before.xlsx 2>/dev/null
ok_if "actuals alone are not tracking: the deck says so too" \
  /usr/bin/python3 -c '
import openpyxl
wb = openpyxl.load_workbook("before.xlsx")
assert [c.value for c in wb["Goals"][1]][-1] == "State"
assert wb["Goals"]["%s2" % openpyxl.utils.get_column_letter(wb["Goals"].max_column)].value == "not tracked yet"
'

# random portfolios against exact fractions
for seed in 1 2 3 4 5 6; do
  py gen "$seed" "r$seed.json"
  for d in 2026-02-14 2026-08-31 2027-03-31 2027-12-31; do
    R -f "r$seed.json" status --as-of "$d" --format json > "r$seed-$d.json"
    ok_if "random portfolio $seed as of $d: every figure exact" py check "r$seed.json" "$d" "r$seed-$d.json"
  done
done
finish
