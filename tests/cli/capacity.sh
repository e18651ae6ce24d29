#!/bin/bash
# capacity.sh - a team's capacity over time (roadmap(1), capacity;
# docs/roadmap.5.scd, capacity_changes): the ramp in the file and in show,
# the day-weighted quarter capacity check and optimize compare a load with,
# worked out by hand in the comments.
. "$(dirname "$0")/lib.sh"

R init --name Ramp 2>/dev/null
R add goal g --title G >/dev/null
t "a team of 2" 0 "" "" -- R add team t --capacity 2
t "4 from 2026-02-15" 0 "" "" -- R capacity t 4 --from 2026-02-15
t "6 from 2026-Q3 (its first day)" 0 "" "" -- R capacity t 6 --from 2026-Q3
t "a later figure for the day replaces it" 0 "" "" -- R capacity t 6.5 --from 2026-07-01
t "the file holds the ramp" 0 '{"id":"t","capacity":2,"capacity_changes":{"2026-02-15":4,"2026-07-01":6.5}}' "" -- \
  /usr/bin/python3 -c 'import json; print(json.dumps(json.load(open("roadmap.json"))["teams"][0], separators=(",", ":")))'
t "show lists the ramp" 0 "team t
  capacity    2 FTE
  capacity changes (FTE from the day on):
    2026-02-15  4
    2026-07-01  6.5
  initiatives:" "" -- R show t

# 5 FTE all year. 2026-Q1 (90 days): 45 days at 2, 45 at 4: a mean of 3;
# Q2 all at 4; Q3 and Q4 at 6.5: no overrun there
R add initiative w --title W --start 2026-01-01 --end 2026-12-31 --fte 5 --team t --goal g --opex 1k >/dev/null
t "check compares the load with the day-weighted capacity" 0 "warning capacity-overrun     t@2026-Q1: load 5 FTE exceeds the capacity of 3 FTE
warning capacity-overrun     t@2026-Q2: load 5 FTE exceeds the capacity of 4 FTE" "" -- bash -c "'$ROADMAP' check | grep capacity-overrun"
# a third of a quarter at a new capacity: Q4 is 92 days; 6.5 until
# 2026-11-30 (61 days), then 1 (31 days): (6.5 x 61 + 1 x 31) / 92 =
# 427.5 / 92 = 4.6467 -> 4.65 FTE, under 5
t "a cut from December" 0 "" "" -- R capacity t 1 --from 2026-12-01
t "Q4's mean is 4.65, rounded half up" 0 "warning capacity-overrun     t@2026-Q4: load 5 FTE exceeds the capacity of 4.65 FTE" "" -- bash -c "'$ROADMAP' check | grep 't@2026-Q4'"
t "--unset removes the day's change" 0 "" "" -- R capacity t --from 2026-12-01 --unset
t "and Q4 fits again: Q1 and Q2 are over, no other" 0 "warning capacity-overrun     t@2026-Q1: load 5 FTE exceeds the capacity of 3 FTE
warning capacity-overrun     t@2026-Q2: load 5 FTE exceeds the capacity of 4 FTE" "" -- bash -c "'$ROADMAP' check | grep capacity-overrun"

cp roadmap.json before.json
t "--from is required" 64 "" "roadmap: capacity: --from DATE is required (a team's capacity before any change is 'roadmap set TEAM capacity=FTE')
usage: roadmap capacity TEAM FTE --from DATE | capacity TEAM --from DATE --unset
(see 'roadmap help capacity')" -- R capacity t 3
t "an unknown team" 65 "" 'roadmap: no team "x"' -- R capacity x 3 --from 2026-01-01
t "a bad FTE" 65 "" 'roadmap: capacity "1.234" is not a number of FTE (like 2 or 0.5)' -- R capacity t 1.234 --from 2026-01-01
t "a bad date" 65 "" 'roadmap: --from: 2026-02-30 is not a date' -- R capacity t 3 --from 2026-02-30
t "--unset of a day without a change" 65 "" 'roadmap: "t" has no capacity change on 2026-03-01' -- R capacity t --from 2026-03-01 --unset
ok_if "refused edits leave the file byte-identical" cmp -s before.json roadmap.json

# optimize: b needs 2 FTE in Q1, a 2 FTE in Q2; the team has 1 until Q2
R -f opt.json init --name Opt 2>/dev/null
R -f opt.json add goal g --title G >/dev/null
R -f opt.json add team t --capacity 1 >/dev/null
R -f opt.json add initiative a --title A --start 2026-Q2 --end 2026-Q2 --fte 2 --team t --goal g --benefit 100k --opex 10k >/dev/null
R -f opt.json add initiative b --title B --start 2026-Q1 --end 2026-Q1 --fte 2 --team t --goal g --benefit 90k --opex 10k >/dev/null
R -f opt.json add budget 2026-Q1 100k >/dev/null
R -f opt.json add budget 2026-Q2 100k >/dev/null
t "optimize: without the ramp nothing fits" 0 "[]" "" -- \
  bash -c "'$ROADMAP' -f opt.json optimize --format json | /usr/bin/python3 -c 'import json,sys; print(json.dumps([x[\"id\"] for x in json.load(sys.stdin)[\"funded\"]]))'"
t "hire from Q2" 0 "" "" -- R -f opt.json capacity t 2 --from 2026-04-01
t "optimize: the ramp funds a" 0 '["a"]' "" -- \
  bash -c "'$ROADMAP' -f opt.json optimize --format json | /usr/bin/python3 -c 'import json,sys; print(json.dumps([x[\"id\"] for x in json.load(sys.stdin)[\"funded\"]]))'"

# through a scenario: the base keeps its ramp
t "a scenario" 0 "" 'roadmap: made scenario "hire": see it with --scenario hire' -- R -f opt.json scenario new hire
t "a hire in the scenario" 0 "" "" -- R -f opt.json --scenario hire capacity t 2 --from 2026-01-01
t "the scenario funds both" 0 '["a", "b"]' "" -- \
  bash -c "'$ROADMAP' -f opt.json --scenario hire optimize --format json | /usr/bin/python3 -c 'import json,sys; print(json.dumps([x[\"id\"] for x in json.load(sys.stdin)[\"funded\"]]))'"
t "the roadmap still funds a alone" 0 '["a"]' "" -- \
  bash -c "'$ROADMAP' -f opt.json optimize --format json | /usr/bin/python3 -c 'import json,sys; print(json.dumps([x[\"id\"] for x in json.load(sys.stdin)[\"funded\"]]))'"
finish
