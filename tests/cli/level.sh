#!/bin/bash
# level.sh - schedule --level (roadmap(1), schedule; docs/decisions.md,
# "Levelling"): whole-week delays until every team's quarterly load fits
# its capacity, worked out by hand in the comments; then small random
# roadmaps against an exhaustive search (level_check.py), a plan past the
# exact search's size, --apply re-checked by check, --scenario, and the
# same plan twice.
. "$(dirname "$0")/lib.sh"

usage="usage: roadmap schedule [--format table|csv|json] [--apply] [--level] [--as-of DATE] [--pin ID] [--horizon WEEKS] [selection]
(see 'roadmap help schedule')"

R init --name Level 2>/dev/null
R add team t --capacity 1
R add team u --capacity 1
R add goal g --title G --due 2026-07-31
# team t, capacity 1: 2026-Q2 has 91 days, so it holds 91 FTE-days. a
# runs all of Q2 (91), b its last 7 days (2026-06-24 .. 06-30): 98, over
# by 7. a started before 2026-04-02 and d is done: neither moves. One
# week takes b out of Q2 (2026-07-01 .. 07-17); c must start after b ends
# (07-17): its 2026-07-14 moves a week too, to 07-21 .. 08-07, a week
# past g's due date (07-31).
R add initiative a --title A --start 2026-04-01 --end 2026-06-30 --fte 1 --team t --goal g
R add initiative b --title B --start 2026-06-24 --end 2026-07-10 --fte 1 --team t --goal g
R add initiative c --title C --start 2026-07-14 --end 2026-07-31 --goal g --depends-on b
R add initiative d --title D --start 2026-05-01 --end 2026-06-30 --fte 1 --team t --goal g --status done

t "the overload" 0 "warning capacity-overrun     t@2026-Q2: load 1.08 FTE exceeds the capacity of 1 FTE
0 errors, 1 warning, 0 infos" "" -- R check
t "one week off b, and c after it" 0 "ID  WEEKS  START       END         WHY
b       1  2026-07-01  2026-07-17  t@2026-Q2 is full
c       1  2026-07-21  2026-08-07  prerequisite b moved

GOAL  DUE         DAYS LATE  BEFORE
g     2026-07-31          7       0

TEAM  QUARTER  CAPACITY  BEFORE  AFTER
t     2026-Q2         1    1.08      1
t     2026-Q3         1    0.11   0.18

optimal: 7 days past goal due dates, 14 days of delay, last end 2026-08-07" "" -- R schedule --level --as-of 2026-04-02
t "csv" 0 "id,weeks,start,end,reason
b,1,2026-07-01,2026-07-17,t@2026-Q2 is full
c,1,2026-07-21,2026-08-07,prerequisite b moved" "" -- R schedule --level --as-of 2026-04-02 --format csv
t "json" 0 '{"status":"optimal","as_of":"2026-04-02","horizon_weeks":52,"movable":2,"objective":{"late_days":7,"delay_days":14,"end":"2026-08-07"},"bound":{"late_days":7,"delay_days":14,"end":"2026-08-07"},"gap":{"late_days":0,"delay_days":0,"end_days":0},"before":{"late_days":0,"delay_days":0,"end":"2026-07-31"},"moves":[{"id":"b","weeks":1,"start":"2026-07-01","end":"2026-07-17","reason":"t@2026-Q2 is full"},{"id":"c","weeks":1,"start":"2026-07-21","end":"2026-08-07","reason":"prerequisite b moved"}],"late_goals":[{"id":"g","due":"2026-07-31","late_days":7,"late_days_before":0}],"load":[{"team":"t","quarter":"2026-Q2","capacity":1,"before":1.08,"after":1,"past":false},{"team":"t","quarter":"2026-Q3","capacity":1,"before":0.11,"after":0.18,"past":false}]}' "" -- \
  bash -c "'$ROADMAP' schedule --level --as-of 2026-04-02 --format json | /usr/bin/python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin), separators=(\",\", \":\")))'"
# before a starts (as of 2026-03-01) a is movable too, and moving it one
# week (2026-04-08 .. 07-07: 84 days in Q2, 84 + 7 = 91) costs one week,
# not two: no goal is late then
t "as of before a starts, a week off a alone" 0 "ID  WEEKS  START       END         WHY
a       1  2026-04-08  2026-07-07  t@2026-Q2 is full

TEAM  QUARTER  CAPACITY  BEFORE  AFTER
t     2026-Q2         1    1.08      1
t     2026-Q3         1    0.11   0.18

optimal: 0 days past goal due dates, 7 days of delay, last end 2026-07-31" "" -- R schedule --level --as-of 2026-03-01
t "--pin a: b and c move instead" 0 "id,weeks,start,end,reason
b,1,2026-07-01,2026-07-17,t@2026-Q2 is full
c,1,2026-07-21,2026-08-07,prerequisite b moved" "" -- R schedule --level --as-of 2026-03-01 --pin a --format csv
t "started a and pinned b: the fixed work alone is over" 1 "" \
  'roadmap: schedule --level: "t@2026-Q2" is over capacity with fixed work alone' -- R schedule --level --as-of 2026-04-02 --pin b
t "--pin takes a comma list" 1 "" \
  'roadmap: schedule --level: "t@2026-Q2" is over capacity with fixed work alone' -- R schedule --level --as-of 2026-03-01 --pin a,b --format csv
t "a pin that names nothing" 65 "" 'roadmap: pinned "zz" is no initiative' -- R schedule --level --pin zz
t "--horizon 0" 64 "" "roadmap: schedule: --horizon must be a whole number 1-520, not '0'
$usage" -- R schedule --level --horizon 0
t "--as-of without --level" 64 "" "roadmap: schedule: --as-of needs --level
$usage" -- R schedule --as-of 2026-01-01
t "--level takes no selection" 64 "" "roadmap: schedule: --level levels the whole roadmap: it takes no selection
$usage" -- R schedule --level --team t

# team u, capacity 1: p and q each need all of 2026-Q3 at 1 FTE. q moved
# two weeks still has 2026-07-15 .. 09-30 in Q3: no plan within 2 weeks
cp roadmap.json two.json
R -f two.json add initiative p --title P --start 2026-07-01 --end 2026-09-30 --fte 1 --team u --goal g
R -f two.json add initiative q --title Q --start 2026-07-01 --end 2026-09-30 --fte 1 --team u --goal g
t "infeasible within the horizon: exit 1 naming the team and quarter" 1 "" \
  'roadmap: schedule --level: "u@2026-Q3" stays over capacity: no delay of "q" within 2 weeks fits' -- \
  R -f two.json schedule --level --as-of 2026-04-02 --horizon 2
t "infeasible in JSON" 1 "infeasible u@2026-Q3 []" \
  'roadmap: schedule --level: "u@2026-Q3" stays over capacity: no delay of "q" within 2 weeks fits' -- \
  bash -c "'$ROADMAP' -f two.json schedule --level --as-of 2026-04-02 --horizon 2 --format json | /usr/bin/python3 -c 'import json, sys; d = json.load(sys.stdin); print(d[\"status\"], d[\"breaks\"], d[\"moves\"])'; exit \${PIPESTATUS[0]}"
cp two.json three.json
t "infeasible --apply writes nothing" 1 "" \
  'roadmap: schedule --level: "u@2026-Q3" stays over capacity: no delay of "q" within 2 weeks fits' -- \
  R -f three.json schedule --level --as-of 2026-04-02 --horizon 2 --apply
ok_if "and the file is as it was" cmp -s two.json three.json

# --apply: the moves in one save, said as diff says them
t "--apply" 0 "b,1,2026-07-01,2026-07-17,t@2026-Q2 is full
c,1,2026-07-21,2026-08-07,prerequisite b moved" 'roadmap: changed initiative "b": start "2026-06-24" -> "2026-07-01"
roadmap: changed initiative "b": end "2026-07-10" -> "2026-07-17"
roadmap: changed initiative "c": start "2026-07-14" -> "2026-07-21"
roadmap: changed initiative "c": end "2026-07-31" -> "2026-08-07"
roadmap: moved 2 initiatives by whole weeks' -- \
  bash -c "'$ROADMAP' schedule --level --as-of 2026-04-02 --apply --format csv | tail -n +2"
t "started and done work kept their dates" 0 "a 2026-04-01 2026-06-30
d 2026-05-01 2026-06-30" "" -- \
  bash -c "'$ROADMAP' list --id a,d --format json | /usr/bin/python3 -c 'import json, sys; [print(i[\"id\"], i[\"start\"], i[\"end\"]) for i in json.load(sys.stdin)]'"
t "check finds no overload and no order broken" 0 'warning goal-deadline        c: ends 2026-08-07, after goal "g" is due (2026-07-31)
0 errors, 1 warning, 0 infos' "" -- R check
t "levelled again: nothing moves" 0 "no initiative moves

GOAL  DUE         DAYS LATE  BEFORE
g     2026-07-31          7       7

optimal: 7 days past goal due dates, 0 days of delay, last end 2026-08-07" "" -- R schedule --level --as-of 2026-04-02

# --scenario: the moves go into the scenario, the base stays. q pinned
# holds all 92 days of 2026-Q3: p (91 days from 2026-07-01) must leave
# the quarter, 14 weeks to 2026-10-07 (b and c move as above)
cp two.json scen.json
R -f scen.json scenario new spread 2>/dev/null
t "--scenario --apply" 0 "b,1,2026-07-01,2026-07-17,t@2026-Q2 is full
c,1,2026-07-21,2026-08-07,prerequisite b moved
p,14,2026-10-07,2027-01-06,u@2026-Q3 is full" "" -- \
  bash -c "'$ROADMAP' -f scen.json --scenario spread schedule --level --as-of 2026-04-02 --pin q --horizon 20 --apply --format csv 2>/dev/null | tail -n +2"
t "the base keeps its dates" 0 "2026-07-01" "" -- \
  bash -c "'$ROADMAP' -f scen.json list --id p --format json | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)[0][\"start\"])'"
t "the scenario has the move" 0 "2026-10-07" "" -- \
  bash -c "'$ROADMAP' -f scen.json --scenario spread list --id p --format json | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)[0][\"start\"])'"

# past the exact search (30 movable): 40 one-month pieces of work at
# 1 FTE on a team of 10, all in July: the serial schedule spreads them
R -f wide.json init --name Wide 2>/dev/null
R -f wide.json add team w --capacity 10
R -f wide.json add goal h --title H
for k in $(seq 10 49); do
  echo "add initiative w$k --title W --start 2026-07-01 --end 2026-07-31 --fte 1 --team w --goal h"
done | while read -r line; do "$ROADMAP" -f wide.json $line || echo "failed: $line"; done
t "40 movable: a plan, its bound and the gap" 0 "feasible 40 0 {'late_days': 0, 'delay_days': 0, 'end': '2026-07-31'}" "" -- \
  bash -c "'$ROADMAP' -f wide.json schedule --level --as-of 2026-04-02 --format json | /usr/bin/python3 -c 'import json, sys; d = json.load(sys.stdin); print(d[\"status\"], d[\"movable\"], d[\"gap\"][\"late_days\"], d[\"bound\"])'"
R -f wide.json schedule --level --as-of 2026-04-02 --apply >/dev/null 2>&1
t "applied: check finds no overload" 0 "0 errors, 0 warnings, 0 infos" "" -- R -f wide.json check

# the same plan every time, however many cores the process may use
cp two.json same.json
a1=$(R -f same.json schedule --level --as-of 2026-04-02 --format json)
a2=$(R -f same.json schedule --level --as-of 2026-04-02 --format json)
a3=$(taskset -c 0 "$ROADMAP" -f same.json schedule --level --as-of 2026-04-02 --format json 2>/dev/null || R -f same.json schedule --level --as-of 2026-04-02 --format json)
ok_if "the same plan twice, and on one core" test -n "$a1" -a "$a1" = "$a2" -a "$a1" = "$a3"

# export --level: every format sees the levelled plan, named as a what-if
cp "$EXAMPLES/acme/roadmap.json" lv.json
cp lv.json lv-applied.json
R -f lv-applied.json schedule --level --as-of 2026-05-15 --apply > /dev/null 2>&1
t "export --level: the initiatives' dates are those --apply writes" 0 "$(R -f lv-applied.json export --format csv)" "" -- \
  R -f lv.json export --format csv --level --as-of 2026-05-15
t "export --level: the Markdown names the levelled plan" 0 "Scenario: levelled as of 2026-05-15: 2 initiatives moved (a what-if plan, not the roadmap itself)." "" -- \
  bash -c "'$ROADMAP' -f lv.json export --format md --level --as-of 2026-05-15 | sed -n 3p"
t "export --level: the deck too" 0 "Board deck: headline figures. Scenario: levelled as of 2026-05-15: 2 initiatives moved (a what-if plan, not the roadmap itself)" "" -- \
  bash -c "'$ROADMAP' -f lv.json export --format xlsx --level --as-of 2026-05-15 -o lv.xlsx 2>/dev/null && /usr/bin/python3 -c 'import openpyxl; print(openpyxl.load_workbook(\"lv.xlsx\")[\"Summary\"][\"A2\"].value)'"
t "export --level: the page's timeline draws the moved dates" 0 "1" "" -- \
  bash -c "'$ROADMAP' -f lv.json export --format html --level --as-of 2026-05-15 | grep -c 'levelled as of 2026-05-15: 2 initiatives moved'"
ok_if "export --level writes nothing to the roadmap" cmp -s lv.json "$EXAMPLES/acme/roadmap.json"
printf '{"format": 1, "teams": [{"id": "t", "capacity": 1}], "initiatives": [{"id": "x", "title": "X", "start": "2026-01-01", "end": "2026-12-31", "team": "t", "fte": 2, "status": "active"}]}\n' > over.json
t "export --level with no plan that fits: exit 1, nothing written" 1 "" 'roadmap: export --level: "t@2026-Q2" is over capacity with fixed work alone' -- \
  R -f over.json export --format md --level --as-of 2026-05-15 -o over.md
ok_if "no file" test ! -e over.md

# small random roadmaps against every plan of whole-week delays
tap_from "exhaustive" /usr/bin/python3 "$here/level_check.py" 1 20

echo "1..$n"
[ "$failed" = 0 ]
