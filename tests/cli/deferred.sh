#!/bin/bash
# deferred.sh - the status deferred (docs/roadmap.5.scd): cut for now, kept
# as backlog. It does not count (spend, check, optimize) but list, show and
# the exports show it; check warns goal-deferred when a goal's only serving
# work is deferred; optimize --apply defers the cut initiatives,
# --apply --cancel cancels them.
. "$(dirname "$0")/lib.sh"

R init --name "Defer" 2>/dev/null
R add goal g --title Goal
R add goal h --title Other
R add budget 2026-Q1 100000
R add initiative a --title A --start 2026-Q1 --end 2026-Q1 --opex 80000 --benefit 300000 --goal g
R add initiative b --title B --start 2026-Q1 --end 2026-Q1 --opex 60000 --benefit 100000 --goal h
t "add --status deferred" 0 "" "" -- R add initiative c --title C --start 2026-Q1 --end 2026-Q1 --opex 50000 --benefit 50000 --goal h --status deferred
t "the file says so" 0 '      "status": "deferred",' "" -- grep '"status"' roadmap.json
t "list shows it" 0 "ID  TITLE  PILLAR  STATUS    START       END         OWNER  TOTAL USD
a   A      -       proposed  2026-01-01  2026-03-31  -      80,000.00
b   B      -       proposed  2026-01-01  2026-03-31  -      60,000.00
c   C      -       deferred  2026-01-01  2026-03-31  -      50,000.00" "" -- R list
t "list --status deferred" 0 "c" "" -- bash -c "$ROADMAP list --status deferred --format csv | tail -n +2 | cut -d, -f1"
t "show shows it" 0 "  status      deferred" "" -- bash -c "$ROADMAP show c | grep '^  status'"
t "the CSV export shows it" 0 "c,deferred" "" -- bash -c "$ROADMAP export --format csv --table initiatives | tail -n +2 | cut -d, -f1,5 | grep deferred"
t "its spend does not count" 0 "2026-Q1,140000.00" "" -- bash -c "$ROADMAP budget --format csv | sed -n 2p | cut -d, -f1,4"
t "nor in check (b alone serves h)" 1 "error   budget-overrun       2026-Q1: planned USD 140,000.00 exceeds the envelope of USD 100,000.00 by USD 40,000.00
1 error, 0 warnings, 0 infos" "" -- R check
t "set status=deferred" 0 "" "" -- R set a status=deferred
t "then g has only deferred work: goal-deferred, not goal-unfunded" 0 "warning goal-deferred        g: the only initiative that serves this goal is deferred
0 errors, 1 warning, 0 infos" "" -- R check
t "set status=proposed brings it back" 0 "" "" -- R set a status=proposed
t "a wrong word names deferred among the statuses" 65 "" 'roadmap: status "defered" is not proposed, approved, active, done, cancelled or deferred' -- R set a status=defered
cp roadmap.json before.json

# optimize: a deferred one is not a column; --apply defers the cut ones
t "optimize leaves the deferred one out" 0 "funded a
cut b" "" -- bash -c "$ROADMAP optimize --format json | /usr/bin/python3 -c 'import json, sys; p = json.load(sys.stdin); print(\"funded\", *[f[\"id\"] for f in p[\"funded\"]]); print(\"cut\", *[f[\"id\"] for f in p[\"cut\"]])'"
t "--keep cannot keep it" 65 "" 'roadmap: optimize: --keep: "c" does not count (it is deferred): it cannot be kept' -- R optimize --keep c
t "--apply defers the cut ones" 0 "" "roadmap: deferred b (was proposed)" -- bash -c "$ROADMAP optimize --apply >/dev/null"
t "which list still shows" 0 "b,deferred
c,deferred" "" -- bash -c "$ROADMAP list --status deferred --format csv | tail -n +2 | cut -d, -f1,5"
t "and check warns of the goal they served" 0 "warning goal-deferred        h: all 2 initiatives that serve this goal are deferred
0 errors, 1 warning, 0 infos" "" -- R check
t "nothing is left to cut" 0 "0" "" -- bash -c "$ROADMAP optimize --format json | /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)[\"cut\"]))'"
cp before.json roadmap.json
t "--apply --cancel cancels them" 0 "" "roadmap: cancelled b (was proposed)" -- bash -c "$ROADMAP optimize --apply --cancel >/dev/null"
t "the cancelled one does not serve h either" 0 "warning goal-deferred        h: the only initiative that serves this goal is deferred
0 errors, 1 warning, 0 infos" "" -- R check
t "--cancel alone is a usage error" 64 "" "roadmap: optimize: --cancel needs --apply
usage: roadmap optimize [--objective benefit|priority] [--budget-scale PCT] [--keep S] [--as-of DATE] [--ignore-capacity] [--time-limit SEC] [--frontier] [--explain] [--apply] [--cancel] [--format table|json]
(see 'roadmap help optimize')" -- R optimize --cancel

# import: the word is read from CSV and JSON
printf 'id,title,start,end,status\nd,D,2026-Q2,2026-Q2,deferred\n' > more.csv
t "CSV import reads deferred" 0 "" "roadmap: imported more.csv: 1 added, 0 updated" -- R import more.csv --table initiatives
t "so d is deferred" 0 "  status      deferred" "" -- bash -c "$ROADMAP show d | grep '^  status'"
printf '{"format": 1, "initiatives": [{"id": "e", "title": "E", "start": "2026-Q2", "end": "2026-Q2", "status": "deferred"}]}' > more.json
t "JSON import reads it" 0 "" "roadmap: imported more.json: 1 added, 0 updated" -- R import more.json
t "the HTML page names the deferred ones under the timeline" 0 "Cancelled: b. Deferred: c, d, e." "" -- bash -c "$ROADMAP export --format html | grep -o 'Cancelled: [^<]*'"
finish
