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
d,2026-02-06,2026-02-15,2026-02-06,2026-02-15,2026-02-06,2026-02-15,0,true,0" 'roadmap: changed initiative "b": start "2026-01-05" -> "2026-01-11"
roadmap: changed initiative "b": end "2026-01-24" -> "2026-01-30"
roadmap: changed initiative "d": start "2026-01-01" -> "2026-02-06"
roadmap: changed initiative "d": end "2026-01-10" -> "2026-02-15"
roadmap: moved 2 initiatives to their earliest dates' -- R schedule --apply --format csv
t "after --apply the order holds" 0 "0 errors, 0 warnings, 0 infos" "" -- R check
cp roadmap.json before.json
t "--apply again moves nothing" 0 "" "roadmap: moved 0 initiatives to their earliest dates" -- bash -c "$ROADMAP schedule --apply >/dev/null"
ok_if "and leaves the file as it was" cmp -s before.json roadmap.json

# --- exactly what --apply writes, and where the money goes ----------------
# A slipped chain: build now ends 2026-03-20, after pilot's planned start,
# so pilot and (through it) launch move; other depends on nothing and
# stays. Each date string is unique, so the file after is the file before
# with exactly these strings replaced. Opex is 100 a day throughout.
cat > slipped.json <<'JSON'
{
  "format": 1,
  "goals": [
    {
      "id": "g",
      "title": "Go live"
    }
  ],
  "initiatives": [
    {
      "id": "build",
      "title": "Build",
      "goals": ["g"],
      "status": "active",
      "start": "2026-01-05",
      "end": "2026-03-20",
      "opex": 7500
    },
    {
      "id": "pilot",
      "title": "Pilot",
      "goals": ["g"],
      "status": "active",
      "start": "2026-03-02",
      "end": "2026-06-01",
      "optimistic": "2026-05-25",
      "pessimistic": "2026-06-15",
      "opex": 9200,
      "depends_on": ["build"],
      "actuals": {
        "2026-Q1": 1500
      },
      "progress": {
        "2026-03-16": 10
      }
    },
    {
      "id": "launch",
      "title": "Launch",
      "goals": ["g"],
      "start": "2026-06-02",
      "end": "2026-06-30",
      "opex": 2900,
      "depends_on": ["pilot"]
    },
    {
      "id": "other",
      "title": "Other",
      "goals": ["g"],
      "start": "2026-04-07",
      "end": "2026-04-28",
      "opex": 2200
    }
  ],
  "budgets": [
    {
      "period": "2026-Q1",
      "amount": 11000
    },
    {
      "period": "2026-Q2",
      "amount": 12000
    }
  ]
}
JSON
cp slipped.json slipped.before
t "slipped: budget by quarter before, inside the envelopes" 0 "period,opex,capex,total,envelope,covered,variance,uncovered,actual,actual_opex,actual_capex,planned_where_actual,actual_variance,actual_estimated
2026-Q1,10500.00,0.00,10500.00,11000.00,10500.00,500.00,0.00,1500.00,1500.00,0.00,3000.00,1500.00,true
2026-Q2,11300.00,0.00,11300.00,12000.00,11300.00,700.00,0.00,,,,,,
total,21800.00,0.00,21800.00,23000.00,21800.00,1200.00,0.00,1500.00,1500.00,0.00,3000.00,1500.00,true" "" -- R -f slipped.json budget --format csv
t "slipped: --apply says each date it moves and the spend that follows" 0 "id,start,end,earliest_start,earliest_end,latest_start,latest_end,slack_days,critical,shift_days
build,2026-01-05,2026-03-20,2026-01-05,2026-03-20,2026-01-05,2026-03-20,0,true,0
pilot,2026-03-21,2026-06-20,2026-03-21,2026-06-20,2026-03-21,2026-06-20,0,true,0
launch,2026-06-21,2026-07-19,2026-06-21,2026-07-19,2026-06-21,2026-07-19,0,true,0
other,2026-04-07,2026-04-28,2026-04-07,2026-04-28,2026-06-28,2026-07-19,82,false,0" 'roadmap: changed initiative "pilot": start "2026-03-02" -> "2026-03-21"
roadmap: changed initiative "pilot": end "2026-06-01" -> "2026-06-20"
roadmap: changed initiative "pilot": optimistic "2026-05-25" -> "2026-06-13"
roadmap: changed initiative "pilot": pessimistic "2026-06-15" -> "2026-07-04"
roadmap: changed initiative "launch": start "2026-06-02" -> "2026-06-21"
roadmap: changed initiative "launch": end "2026-06-30" -> "2026-07-19"
roadmap: spend 2026-Q1: 10,500.00 -> 8,600.00 (-1,900.00)
roadmap: spend 2026-Q3: 0.00 -> 1,900.00 (+1,900.00)
roadmap: moved 2 initiatives to their earliest dates' -- R -f slipped.json schedule --apply --format csv
# start, end and the estimates move by the same days (19 and 19: durations
# kept, ends where the forward pass put them); actuals, progress and
# everything else stay as they were
sed -e 's/"2026-03-02"/"2026-03-21"/; s/"2026-06-01"/"2026-06-20"/' \
  -e 's/"2026-05-25"/"2026-06-13"/; s/"2026-06-15"/"2026-07-04"/' \
  -e 's/"2026-06-02"/"2026-06-21"/; s/"2026-06-30"/"2026-07-19"/' \
  slipped.before > slipped.want
ok_if "slipped: the file after is the file before with those six dates moved" cmp -s slipped.want slipped.json
t "slipped: budget by quarter after: cost follows the dates into 2026-Q3" 0 "period,opex,capex,total,envelope,covered,variance,uncovered,actual,actual_opex,actual_capex,planned_where_actual,actual_variance,actual_estimated
2026-Q1,8600.00,0.00,8600.00,11000.00,8600.00,2400.00,0.00,1500.00,1500.00,0.00,1100.00,-400.00,true
2026-Q2,11300.00,0.00,11300.00,12000.00,11300.00,700.00,0.00,,,,,,
2026-Q3,1900.00,0.00,1900.00,,,,1900.00,,,,,,
total,21800.00,0.00,21800.00,23000.00,19900.00,3100.00,1900.00,1500.00,1500.00,0.00,1100.00,-400.00,true" "" -- R -f slipped.json budget --format csv
t "slipped: check after: the order holds; the spill and the kept actual are warnings" 0 \
  "warning actuals-overrun      pilot: actual USD 1,500.00 in 2026-Q1 exceeds the planned USD 1,100.00 by USD 400.00 (36.4%; tolerance 10%)
warning unbudgeted-spend     2026-Q3: USD 1,900.00 planned with no quarter or fiscal-year envelope
0 errors, 2 warnings, 0 infos" "" -- R -f slipped.json check

R depend a d
cp roadmap.json cyclic.json
t "a cycle is exit 65, named" 65 "" "roadmap: dependency cycle: a -> d -> b -> a" -- R schedule
t "--apply on a cycle changes nothing" 65 "" "roadmap: dependency cycle: a -> d -> b -> a" -- R schedule --apply
ok_if "the file is unchanged" cmp -s cyclic.json roadmap.json
t "check names every cycle" 1 "error   dependency-cycle     a: dependency cycle: a -> d -> b -> a" "" -- bash -c "$ROADMAP check | grep dependency-cycle; exit \${PIPESTATUS[0]}"
R undepend a d

t "budget: unknown view" 64 "" "roadmap: budget: unknown view 'week' (quarter, year, pillar, goal, team or month)
usage: roadmap budget [--by quarter|year|pillar|goal|team|month] [--format table|csv|json] [selection]
(see 'roadmap help budget')" -- R budget --by week
t "timeline: unknown grouping" 64 "" "roadmap: timeline: unknown grouping 'team' (pillar or goal)
usage: roadmap timeline [--by quarter|month] [--group pillar|goal] [--ascii] [--format table|csv|json] [selection]
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
    "actual_opex": null,
    "actual_capex": null,
    "planned_where_actual": null,
    "actual_variance": null,
    "actual_estimated": null
  }
}' "" -- R -f empty.json budget --format json
t "timeline of an empty roadmap" 0 "" "roadmap: nothing to show: no initiative counts" -- R -f empty.json timeline
finish
