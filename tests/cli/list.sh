#!/bin/bash
# list.sh - list, show, check, budget, schedule and timeline pinned on
# tests/data/good/small.json and the Acme example, against golden files in
# tests/cli/golden (stdout, then the exit status). After a deliberate change,
# REGEN=1 rewrites them: review the diff before committing.
. "$(dirname "$0")/lib.sh"
cp "$DATA/good/small.json" roadmap.json
cp "$EXAMPLES/acme/roadmap.json" acme.json

g list-initiatives R list
g list-goals R list goals
g list-budgets R list budgets
g list-teams R list teams
g list-csv R list --format csv
g list-status R list --status active,approved --format csv
g list-goal R list --goal costs --format csv
g list-owner R list --owner Lee
g list-team R list --team data
g list-pillar-budgets R list budgets --pillar innovation
g list-json R list --format json
g list-goals-json R list goals --format json
g list-budgets-json R list budgets --format json
g list-teams-json R list teams --format json
g show-initiative R show recs-engine
g show-initiative-json R show recs-engine --format json
g show-goal R show retention
g show-goal-json R show costs --format json
g show-team R show data
g acme-check R -f acme.json check
g acme-check-json R -f acme.json check --format json
g acme-check-strict R -f acme.json check --strict --format json
g acme-budget R -f acme.json budget
g acme-budget-year R -f acme.json budget --by year
g acme-budget-pillar R -f acme.json budget --by pillar --format csv
g acme-budget-goal R -f acme.json budget --by goal --format json
g acme-budget-team R -f acme.json budget --by team
g acme-schedule R -f acme.json schedule
g acme-schedule-csv R -f acme.json schedule --format csv
g acme-schedule-json R -f acme.json schedule --format json
g acme-timeline R -f acme.json timeline --ascii
g acme-timeline-goal R -f acme.json timeline --group goal
g acme-timeline-month R -f acme.json timeline --by month --ascii
g acme-show-critical R -f acme.json show checkout-v2
g acme-show-goal R -f acme.json show retention --format json

t 'list an empty selection prints the header' 0 'ID  TITLE  PILLAR  STATUS  START  END  OWNER  TOTAL USD' '' -- R list --status done
t 'list: unknown kind' 64 '' "roadmap: list: cannot list 'projects' (goals, initiatives, budgets or teams)
usage: roadmap list [goals|initiatives|budgets|teams] [--format table|csv|json] [filters]
(see 'roadmap help list')" -- R list projects
t 'list: unknown format' 64 '' "roadmap: list: unknown format 'xml' (table, csv or json)
usage: roadmap list [goals|initiatives|budgets|teams] [--format table|csv|json] [filters]
(see 'roadmap help list')" -- R list --format xml
t 'list: unknown status' 64 '' "roadmap: list: unknown status 'started' (proposed, approved, active, done, cancelled, deferred)
usage: roadmap list [goals|initiatives|budgets|teams] [--format table|csv|json] [filters]
(see 'roadmap help list')" -- R list --status started
t 'list: a filter that does not apply' 64 '' "roadmap: list: --status does not apply to teams
usage: roadmap list [goals|initiatives|budgets|teams] [--format table|csv|json] [filters]
(see 'roadmap help list')" -- R list teams --status active
t 'show: missing item' 65 '' 'roadmap: no goal, initiative or team "ghost"' -- R show ghost
t 'show: json of a missing item' 65 '' 'roadmap: no goal, initiative or team "ghost"' -- R show ghost --format json
t 'unknown command suggests' 64 '' "roadmap: unknown command 'lst' (did you mean 'list'?)" -- R lst
t 'no command' 64 '' "$(R help)" -- R
t '--version' 0 'roadmap 0.1.0' '' -- R --version
t 'help COMMAND equals COMMAND --help' 0 "$(R help set)" '' -- R set --help
t 'help of an unknown command' 64 '' "roadmap: no command 'lsit' (did you mean 'list'?)" -- R help lsit
ok_if 'help lists every command' bash -c "$ROADMAP help | grep -c '^  [a-z]' | grep -qx 29"
ok_if 'a reader sees stdin with -f -' bash -c "$ROADMAP -f - list goals --format csv < roadmap.json | grep -q '^costs,'"
ok_if 'listing does not change the file' cmp -s roadmap.json "$DATA/good/small.json"
for w in 60 80 120; do
  for what in "list" "list goals" "list budgets" "list teams" "schedule" "budget" "budget --by goal"; do
    # shellcheck disable=SC2086 # $what is a command and its arguments
    ok_if "$what fits $w columns" fits "$w" "$ROADMAP" -f "$EXAMPLES/acme/roadmap.json" $what
  done
done
t "list shows start and owner when there is room" 0 "ID              TITLE                               PILLAR      STATUS    START       END         OWNER        TOTAL USD
soc2-controls   SOC 2 control automation            operations  active    2026-01-01  2026-06-30  Priya Shah  280,000.00" "" -- bash -c "COLUMNS=130 $ROADMAP -f $EXAMPLES/acme/roadmap.json list --owner 'Priya Shah' | head -2"
# Options are declared once: every option the help lists is accepted (run
# where there is no roadmap, so nothing is changed), and every option the
# usage line names is in the help.
mkdir -p optcheck
bad_opts=""
checked=0
for c in $(cd optcheck && "$ROADMAP" help | sed -n 's/^  \([a-z]*\) .*/\1/p'); do
  help=$(cd optcheck && "$ROADMAP" help "$c")
  for o in $(printf '%s\n' "$help" | sed -n 's/^  \(-., \)\{0,1\}\(--[a-z-]*\).*/\2/p'); do
    err=$(cd optcheck && "$ROADMAP" -f none.json "$c" "$o" x y z 2>&1 >/dev/null)
    case $err in *"unknown option"*) bad_opts="$bad_opts $c$o" ;; esac
    checked=$((checked + 1))
  done
  for o in $(printf '%s\n' "$help" | head -1 | grep -o -- '--[a-z-]*'); do
    printf '%s\n' "$help" | grep -q -- "^  \(-., \)\{0,1\}$o" || bad_opts="$bad_opts $c:$o(usage)"
  done
done
ok_if "every option in the help is accepted, every usage option is in the help" test -z "$bad_opts"
[ -z "$bad_opts" ] || echo "#  $bad_opts"
ok_if "the check saw the commands' options ($checked)" test "$checked" -ge 50
finish
