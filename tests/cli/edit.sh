#!/bin/bash
# edit.sh - init, add, set, rm, link, depend and actual end to end.
. "$(dirname "$0")/lib.sh"

t "init creates the file" 0 "" "roadmap: created roadmap.json" -- R init --name "Acme FY2027"
t "init refuses to overwrite" 73 "" "roadmap: roadmap.json: already exists (use --force to replace it)" -- R init
t "init --force replaces" 0 "" "roadmap: created roadmap.json" -- R init --force --name "Acme FY2027"
t "the new file is canonical" 0 '{
  "format": 1,
  "name": "Acme FY2027"
}' "" -- cat roadmap.json

t "add goal" 0 "" "" -- R add goal retention --title "Raise customer retention" --metric "12-month retention" --baseline 70 --target 84 --unit % --due 2027-Q2 --owner CEO --priority 1
t "add goal needs --title" 64 "" "roadmap: add: add goal needs --title
usage: roadmap add goal ID --title T [options] | add initiative ID --title T --start P --end P [options] | add budget PERIOD[/PILLAR] AMOUNT [--pillar P] | add team ID --capacity N
(see 'roadmap help add')" -- R add goal g2
t "add a duplicate goal" 65 "" 'roadmap: a goal "retention" already exists' -- R add goal retention --title X
t "add team" 0 "" "" -- R add team platform --capacity 12
t "add team with a bad capacity" 65 "" 'roadmap: capacity "lots" is not a number of FTE (like 2 or 0.5)' -- R add team data --capacity lots
t "add initiative" 0 "" "" -- R add initiative event-pipeline --title "Event pipeline" --start 2026-Q1 --end 2026-03 --goal retention --opex 100k --pillar operations --team platform --owner "Dana Kim" --fte 2.5
t "add initiative with everything" 0 "" "" -- R add initiative recs-engine --title "AI recommendation engine" --start 2026-04-01 --end 2026-09-30 --goal retention --opex 180k --capex 250k --fte 4 --depends-on event-pipeline --priority 2 --benefit 1.2M --pillar innovation --stage poc --status approved --owner "Dana Kim" --team platform
t "add initiative: bad start date" 65 "" "roadmap: --start 2026-02-30 is not a date" -- R add initiative x --title X --start 2026-02-30 --end 2026-Q2
t "add initiative: unknown goal" 65 "" 'roadmap: no goal "nope"' -- R add initiative x --title X --start 2026-Q1 --end 2026-Q2 --goal nope
t "add initiative: unknown dependency" 65 "" 'roadmap: no initiative "nope"' -- R add initiative x --title X --start 2026-Q1 --end 2026-Q2 --depends-on event-pipeline,nope
t "add initiative: unknown team" 65 "" 'roadmap: no team "data"' -- R add initiative x --title X --start 2026-Q1 --end 2026-Q2 --team data
t "add initiative: unknown pillar" 65 "" "roadmap: no pillar \"moonshot\" (the roadmap's pillars: strategy, team, operations, innovation)" -- R add initiative x --title X --start 2026-Q1 --end 2026-Q2 --pillar moonshot
t "add initiative: bad amount" 65 "" 'roadmap: opex "12abc" is not an amount (like 250k, 1.5M, 1,250,000 or 99.95)' -- R add initiative x --title X --start 2026-Q1 --end 2026-Q2 --opex 12abc
t "add initiative: fractional cents" 65 "" 'roadmap: capex "1.2345678k" is not a whole number of cents' -- R add initiative x --title X --start 2026-Q1 --end 2026-Q2 --capex 1.2345678k
t "add initiative: three decimals (a thousands dot?)" 65 "" 'roadmap: opex "145.000" has more than two decimals (is "." a thousands separator? then write 145000 or 145,000)' -- R add initiative x --title X --start 2026-Q1 --end 2026-Q2 --opex 145.000
t "add initiative: bad status" 65 "" 'roadmap: status "started" is not proposed, approved, active, done, cancelled or deferred' -- R add initiative x --title X --start 2026-Q1 --end 2026-Q2 --status started
t "add initiative: bad id" 65 "" "roadmap: \"=cmd\" is not a valid id (letters, digits, '.', '_', '-'; at most 64; starting with a letter or digit)" -- R add initiative =cmd --title X --start 2026-Q1 --end 2026-Q2
t "add initiative: missing --end" 64 "" "roadmap: add: add initiative needs --end
usage: roadmap add goal ID --title T [options] | add initiative ID --title T --start P --end P [options] | add budget PERIOD[/PILLAR] AMOUNT [--pillar P] | add team ID --capacity N
(see 'roadmap help add')" -- R add initiative x --title X --start 2026-Q1
t "add: unknown option suggests" 64 "" "roadmap: add: unknown option '--titel' (did you mean '--title'?)
usage: roadmap add goal ID --title T [options] | add initiative ID --title T --start P --end P [options] | add budget PERIOD[/PILLAR] AMOUNT [--pillar P] | add team ID --capacity N
(see 'roadmap help add')" -- R add goal g --titel X
t "add: no prefix guessing" 64 "" "roadmap: add: unknown option '--tit' (did you mean '--title'?)
usage: roadmap add goal ID --title T [options] | add initiative ID --title T --start P --end P [options] | add budget PERIOD[/PILLAR] AMOUNT [--pillar P] | add team ID --capacity N
(see 'roadmap help add')" -- R add goal g --tit X
t "add budget" 0 "" "" -- R add budget 2026-Q2 1.5M
t "add pillar budget" 0 "" "" -- R add budget FY2026 900k --pillar innovation
t "add a second budget for a period" 65 "" "roadmap: a budget for 2026-Q2 already exists" -- R add budget 2026-Q2 1M
t "add budget for a month" 65 "" 'roadmap: budget period "2026-05" must be a fiscal quarter (YYYY-Qn) or fiscal year (FYYYYY)' -- R add budget 2026-05 1M
t "add budget by its key PERIOD/PILLAR" 0 "" "" -- R add budget FY2027/innovation 1.1M
t "the key and --pillar may agree" 0 "" "" -- R add budget 2026-Q3/operations 50k --pillar operations
t "the key and --pillar must agree" 64 "" "roadmap: add: 'FY2028/team' names pillar 'team' but --pillar says 'strategy'
usage: roadmap add goal ID --title T [options] | add initiative ID --title T --start P --end P [options] | add budget PERIOD[/PILLAR] AMOUNT [--pillar P] | add team ID --capacity N
(see 'roadmap help add')" -- R add budget FY2028/team 1M --pillar strategy
t "a key's unknown pillar is --pillar's error" 65 "" "roadmap: no pillar \"moonshot\" (the roadmap's pillars: strategy, team, operations, innovation)" -- R add budget FY2028/moonshot 1M
t "a key names one envelope" 65 "" 'roadmap: a budget for FY2027 pillar "innovation" already exists' -- R add budget FY2027/innovation 1M
t "a key with no pillar is no period" 65 "" 'roadmap: "FY2028/" is not a date or period (YYYY-MM-DD, YYYY-MM, YYYY-Qn or FYYYYY)' -- R add budget FY2028/ 1M
t "the keyed envelopes are set by the same key" 0 "PERIOD   PILLAR        AMOUNT USD
2026-Q2  (all)       1,500,000.00
FY2026   innovation    900,000.00
FY2027   innovation  1,100,000.00
2026-Q3  operations     60,000.00" "" -- bash -c "'$ROADMAP' set 2026-Q3/operations amount=60k && '$ROADMAP' list budgets"
t "and removed by it" 0 "" "" -- bash -c "'$ROADMAP' rm 2026-Q3/operations && '$ROADMAP' rm FY2027/innovation"
t "--pillar moonshot gives the same error" 65 "" "roadmap: no pillar \"moonshot\" (the roadmap's pillars: strategy, team, operations, innovation)" -- R add budget FY2028 1M --pillar moonshot
t "actual" 0 "" "" -- R actual recs-engine 2026-Q2 95k
t "actual replaces" 0 "" "" -- R actual recs-engine 2026-Q2 95,000.50
t "actual needs a quarter" 65 "" 'roadmap: "2026-05" is not a fiscal quarter (YYYY-Qn)' -- R actual recs-engine 2026-05 1k
t "actual of a goal" 65 "" 'roadmap: "retention" is a goal, not an initiative' -- R actual retention 2026-Q2 1k

t "the file holds it all, canonically" 0 '{
  "format": 1,
  "name": "Acme FY2027",
  "teams": [
    {
      "id": "platform",
      "capacity": 12
    }
  ],
  "goals": [
    {
      "id": "retention",
      "title": "Raise customer retention",
      "metric": "12-month retention",
      "baseline": 70,
      "target": 84,
      "unit": "%",
      "due": "2027-06-30",
      "owner": "CEO",
      "priority": 1
    }
  ],
  "initiatives": [
    {
      "id": "event-pipeline",
      "title": "Event pipeline",
      "goals": ["retention"],
      "pillar": "operations",
      "owner": "Dana Kim",
      "team": "platform",
      "start": "2026-01-01",
      "end": "2026-03-31",
      "opex": 100000,
      "fte": 2.5
    },
    {
      "id": "recs-engine",
      "title": "AI recommendation engine",
      "goals": ["retention"],
      "pillar": "innovation",
      "stage": "poc",
      "status": "approved",
      "owner": "Dana Kim",
      "team": "platform",
      "start": "2026-04-01",
      "end": "2026-09-30",
      "opex": 180000,
      "capex": 250000,
      "fte": 4,
      "depends_on": ["event-pipeline"],
      "priority": 2,
      "benefit": 1200000,
      "actuals": {
        "2026-Q2": 95000.5
      }
    }
  ],
  "budgets": [
    {
      "period": "2026-Q2",
      "amount": 1500000
    },
    {
      "period": "FY2026",
      "pillar": "innovation",
      "amount": 900000
    }
  ]
}' "" -- cat roadmap.json

cp roadmap.json before.json
t "set several fields" 0 "" "" -- R set recs-engine end=2026-Q4 opex=200k status=active
t "set applied them" 0 "2026-12-31 20000000 active" "" -- bash -c "$ROADMAP list --format csv | awk -F, '\$1==\"recs-engine\" {print \$9, \$10*100, \$5}'"
cp roadmap.json mid.json
t "set: one bad field changes nothing" 65 "" '2026-13 is not a month' -- bash -c "$ROADMAP set recs-engine owner=Zed end=2026-13 2>&1 >/dev/null | sed 's/^roadmap: //' >&2; exit \${PIPESTATUS[0]}"
ok_if "and the file is unchanged" cmp -s roadmap.json mid.json
t "set: unknown field" 65 "" 'roadmap: an initiative has no field "colour" (fields: title, goals, pillar, stage, status, owner, team, start, end, optimistic, pessimistic, opex, capex, fte, depends_on, priority, benefit, mandatory, notes, useful_life, in_service)' -- R set recs-engine colour=red
t "set: not FIELD=VALUE" 64 "" "roadmap: set: 'status' is not FIELD=VALUE
usage: roadmap set ID FIELD=VALUE...
(see 'roadmap help set')" -- R set recs-engine status
t "set: id is fixed" 65 "" "roadmap: an id cannot be changed (add a new item and remove the old one)" -- R set recs-engine id=recs
t "set: clear an optional field" 0 "" "" -- R set recs-engine owner= stage=
t "set: goals to a missing goal" 65 "" 'roadmap: no goal "growth"' -- R set recs-engine goals=retention,growth
t "set a goal" 0 "" "" -- R set retention target=85.5 due=FY2027
t "set a team" 0 "" "" -- R set platform capacity=10.5
t "set: missing item" 65 "" 'roadmap: no goal, initiative, team or envelope "ghost"' -- R set ghost title=X

t "link is harmless twice" 0 "" "" -- R link recs-engine retention
t "unlink" 0 "" "" -- R unlink recs-engine retention
t "unlink again" 65 "" 'roadmap: "recs-engine" does not serve "retention"' -- R unlink recs-engine retention
t "link to an initiative" 65 "" 'roadmap: "event-pipeline" is an initiative, not a goal' -- R link recs-engine event-pipeline
t "undepend" 0 "" "" -- R undepend recs-engine event-pipeline
t "depend" 0 "" "" -- R depend recs-engine event-pipeline
t "depend on itself" 65 "" 'roadmap: "recs-engine" cannot depend on itself' -- R depend recs-engine recs-engine
t "link needs two ids" 64 "" "roadmap: link: link needs two ids
usage: roadmap link INITIATIVE GOAL
(see 'roadmap help link')" -- R link recs-engine

t "rm refuses while referred to" 65 "" 'roadmap: "event-pipeline" is still referred to by "recs-engine" (use --force to remove those references too)' -- R rm event-pipeline
t "rm --force" 0 "" "" -- R rm event-pipeline --force
t "the dependency went with it" 0 "recs-engine," "" -- bash -c "$ROADMAP list --format csv | awk -F, 'NR>1 {print \$1\",\"\$17}'"
t "rm a team in use" 65 "" 'roadmap: "platform" is still referred to by "recs-engine" (use --force to remove those references too)' -- R rm platform
t "rm a missing item" 65 "" 'roadmap: no goal, initiative, team or envelope "ghost"' -- R rm ghost
t "rm a goal nobody serves" 0 "" "" -- bash -c "$ROADMAP add goal spare --title Spare && $ROADMAP rm spare"

# -f and ROADMAP_FILE
t "-f chooses the file" 0 "" "roadmap: created other.json" -- R -f other.json init
t "ROADMAP_FILE chooses the file" 0 "" "" -- env ROADMAP_FILE=other.json "$ROADMAP" add goal g1 --title "Goal one"
t "-f wins over ROADMAP_FILE" 0 "id,title,metric,baseline,target,unit,due,owner,priority,notes
g1,Goal one,,,,,,,," "" -- env ROADMAP_FILE=roadmap.json "$ROADMAP" -f other.json list goals --format csv
t "a missing roadmap is exit 66" 66 "" "roadmap: nothere.json: no roadmap here (create one with 'roadmap init', or choose a file with -f)" -- R -f nothere.json add goal x --title X
ok_if "and is not created by a failed add" test ! -e nothere.json
t "a directory is not a roadmap" 66 "" "roadmap: .: is a directory, not a file" -- R -f . list

# permissions and symlinks survive saves
chmod 640 roadmap.json
R add goal perm --title "Keeps permissions" 2>/dev/null
ok_if "permissions are kept across a save" test "$(stat -c %a roadmap.json)" = 640
mkdir -p real && R -f real/plan.json init 2>/dev/null && ln -s real/plan.json link.json
R -f link.json add goal via-link --title "Through the link"
ok_if "a symlinked roadmap is written through the link" test -L link.json
ok_if "and the target holds the change" grep -q via-link real/plan.json
ok_if "no temporary files are left behind" test -z "$(ls -A real | grep -v '^plan.json' )"

# the lock: a writer that cannot get it within the timeout exits 75
( exec 9>roadmap.json.lock; flock 9; sleep 3 ) &
sleep 0.5
cp roadmap.json locked.json
t "a held lock times out with 75" 75 "" "roadmap: roadmap.json: another writer holds the lock (waited 1 s; try again, or set ROADMAP_LOCK_TIMEOUT)" -- env ROADMAP_LOCK_TIMEOUT=1 "$ROADMAP" add goal late --title Late
ok_if "and the file is unchanged" cmp -s roadmap.json locked.json
wait
ok_if "the lock file is never removed" test -e roadmap.json.lock
t "after release, writers proceed" 0 "" "" -- env ROADMAP_LOCK_TIMEOUT=1 "$ROADMAP" add goal late --title Late
# a command that finds no roadmap leaves no lock file behind
mkdir -p nolock
t "no roadmap: 66, no FILE.lock" 66 "" "roadmap: nolock/roadmap.json: no roadmap here (create one with 'roadmap init', or choose a file with -f)" -- R -f nolock/roadmap.json add goal g --title G
ok_if "the directory is still empty" test -z "$(ls -A nolock)"

finish
