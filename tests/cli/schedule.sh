#!/bin/bash
# schedule.sh - schedule --apply, cycles, budget and timeline options.
. "$(dirname "$0")/lib.sh"

R init 2>/dev/null
R add goal g --title Goal
R add initiative a --title A --goal g --start 2026-01-01 --end 2026-01-10
R add initiative b --title B --goal g --start 2026-01-05 --end 2026-01-24 --depends-on a
R add initiative c --title C --goal g --start 2026-02-01 --end 2026-02-05 --depends-on a
R add initiative d --title D --goal g --start 2026-01-01 --end 2026-01-10 --depends-on b,c

t "schedule csv (the diamond, computed by hand)" 0 "id,start,end,earliest_start,earliest_end,latest_start,latest_end,slack_days,critical,shift_days
a,2026-01-01,2026-01-10,2026-01-01,2026-01-10,2026-01-07,2026-01-16,6,false,0
b,2026-01-05,2026-01-24,2026-01-11,2026-01-30,2026-01-17,2026-02-05,6,false,6
c,2026-02-01,2026-02-05,2026-02-01,2026-02-05,2026-02-01,2026-02-05,0,true,0
d,2026-01-01,2026-01-10,2026-02-06,2026-02-15,2026-02-06,2026-02-15,0,true,36" "" -- R schedule --format csv
t "schedule table" 0 "ID  EARLY START  EARLY END   LATE END    SLACK  SHIFT  CRITICAL
a   2026-01-01   2026-01-10  2026-01-16      6      0
b   2026-01-11   2026-01-30  2026-02-05      6     +6
c   2026-02-01   2026-02-05  2026-02-05      0      0  yes
d   2026-02-06   2026-02-15  2026-02-15      0    +36  yes" "" -- R schedule
t "dependency-order before --apply" 1 "error   dependency-order     b: starts 2026-01-05, on or before the end of its prerequisite \"a\" (2026-01-10)
error   dependency-order     d: starts 2026-01-01, on or before the end of its prerequisite \"b\" (2026-01-24)
error   dependency-order     d: starts 2026-01-01, on or before the end of its prerequisite \"c\" (2026-02-05)
0 errors, 0 warnings, 0 infos" "" -- bash -c "$ROADMAP check | sed '\$s/.*/0 errors, 0 warnings, 0 infos/'; exit \${PIPESTATUS[0]}"
t "schedule --apply moves the shifted ones" 0 "id,start,end,earliest_start,earliest_end,latest_start,latest_end,slack_days,critical,shift_days
a,2026-01-01,2026-01-10,2026-01-01,2026-01-10,2026-01-07,2026-01-16,6,false,0
b,2026-01-11,2026-01-30,2026-01-11,2026-01-30,2026-01-17,2026-02-05,6,false,0
c,2026-02-01,2026-02-05,2026-02-01,2026-02-05,2026-02-01,2026-02-05,0,true,0
d,2026-02-06,2026-02-15,2026-02-06,2026-02-15,2026-02-06,2026-02-15,0,true,0" "roadmap: moved 2 initiatives to their earliest dates" -- R schedule --apply --format csv
t "after --apply the order holds" 0 "0 errors, 0 warnings, 0 infos" "" -- R check
cp roadmap.json before.json
t "--apply again moves nothing" 0 "" "roadmap: moved 0 initiatives to their earliest dates" -- bash -c "$ROADMAP schedule --apply >/dev/null"
ok_if "and leaves the file as it was" cmp -s before.json roadmap.json

R depend a d
cp roadmap.json cyclic.json
t "a cycle is exit 65, named" 65 "" "roadmap: dependency cycle: a -> d -> b -> a" -- R schedule
t "--apply on a cycle changes nothing" 65 "" "roadmap: dependency cycle: a -> d -> b -> a" -- R schedule --apply
ok_if "the file is unchanged" cmp -s cyclic.json roadmap.json
t "check names every cycle" 1 "error   dependency-cycle     a: dependency cycle: a -> d -> b -> a" "" -- bash -c "$ROADMAP check | grep dependency-cycle; exit \${PIPESTATUS[0]}"
R undepend a d

t "budget: unknown view" 64 "" "roadmap: budget: unknown view 'month' (quarter, year, pillar, goal or team)
usage: roadmap budget [--by quarter|year|pillar|goal|team] [--format table|csv|json]
(see 'roadmap help budget')" -- R budget --by month
t "timeline: unknown grouping" 64 "" "roadmap: timeline: unknown grouping 'team' (pillar or goal)
usage: roadmap timeline [--by quarter|month] [--group pillar|goal] [--ascii]
(see 'roadmap help timeline')" -- R timeline --group team
t "timeline fits 80 columns" 0 "" "" -- bash -c "$ROADMAP timeline --ascii | awk 'length > 80 { exit 1 }'"
t "timeline: no colour when piped" 0 "0" "" -- bash -c "unset NO_COLOR; $ROADMAP timeline | grep -c \$'\\033'; true"
t "budget of an empty roadmap" 0 "Budget by quarter (USD)
QUARTER  PLANNED  ENVELOPE  VARIANCE  UNCOVERED  ACTUAL  ACT. VAR.
TOTAL       0.00         -         -       0.00       -          -
Columns left out to fit; --format csv has all." "" -- bash -c "$ROADMAP -f empty.json init 2>/dev/null; $ROADMAP -f empty.json budget"
t "budget json of an empty roadmap" 0 '{
  "by": "quarter",
  "currency": "USD",
  "rows": [],
  "total": {
    "opex": 0,
    "capex": 0,
    "total": 0,
    "envelope": null,
    "covered": null,
    "variance": null,
    "uncovered": 0,
    "actual": null,
    "planned_where_actual": null,
    "actual_variance": null
  }
}' "" -- R -f empty.json budget --format json
t "timeline of an empty roadmap" 0 "" "roadmap: nothing to show: no initiative counts" -- R -f empty.json timeline
finish
