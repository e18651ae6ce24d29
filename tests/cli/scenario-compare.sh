#!/bin/bash
# scenario-compare.sh - scenario compare: every figure equals what budget,
# check, list and forecast print on the scenario's export; the table for
# people at 60 and 80 columns; CSV and JSON; a missing name; the deck's
# Scenarios sheet and the page's section, and none of them for a roadmap
# seen through a scenario.
. "$(dirname "$0")/lib.sh"
py() {
  /usr/bin/python3 "$here/scenario_check.py" "$@"
}
cp "$EXAMPLES/acme/roadmap.json" roadmap.json
cp roadmap.json plain.json

# three scenarios through the CLI: the board's cut, a slip with a new
# initiative, and one with a dependency cycle, a removal and a cancellation
{
  R scenario new board-cut
  R --scenario board-cut optimize --budget-scale 85 --apply
  R scenario new slip
  R --scenario slip set soc2-controls end=2027-Q4
  R --scenario slip set edge-compute start=2027-08-01
  R --scenario slip add initiative data-mesh --title "Data mesh" \
    --start 2027-Q1 --end 2027-Q4 --opex 300k --goal compliance --benefit 400k
  R scenario new loop
  R --scenario loop depend soc2-controls soc2-audit
  R --scenario loop rm observability --force
  R --scenario loop set finops status=cancelled
  R --scenario loop set hiring-data status=cancelled
  R --scenario loop set eng-ladder status=deferred
} > /dev/null 2>&1

# what the tool's own commands print, per scenario on its export
mkdir figs
R scenario list --format json > figs/scenarios.json
for s in base board-cut slip loop; do
  f=roadmap.json
  if [ $s != base ]; then
    R scenario export $s -o $s.json
    f=$s.json
  fi
  R -f $f budget --by year --format json > figs/$s.budget.json
  R -f $f check --format json > figs/$s.check.json
  R -f $f forecast --seed 1 --trials 2000 --format json > figs/$s.forecast.json 2>/dev/null
  R -f $f list --format json > figs/$s.list.json
  R -f $f list goals --format json > figs/$s.goals.json
done
ok_if "the loop's forecast is refused (a cycle)" test ! -s figs/loop.forecast.json
R scenario compare --format json > compare.json
tap_from "figures" py figures compare.json figs board-cut slip loop
R scenario compare loop slip --format json > some.json
ok_if "names choose the scenarios, in their order" \
  /usr/bin/python3 -c "import json,sys; sys.exit([s['name'] for s in json.load(open('some.json'))['scenarios']] != ['base','loop','slip'])"

g scenario-compare-60 env COLUMNS=60 "$ROADMAP" scenario compare
ok_if "the table fits 80 columns" fits 80 R scenario compare
ok_if "and 60" fits 60 R scenario compare
t "the CSV's header" 0 "name,changes,planned,opex,capex,FY2026,FY2027,envelope_variance,errors,warnings,capacity_overruns,counting_initiatives,value,goals_served,added,removed,cut,moved,p50_end,p80_end,dependency_cycle" "" \
  -- bash -c "$ROADMAP scenario compare --format csv | head -1"
t "the CSV's loop row" 0 "loop,5,8540000.00,5610000.00,2930000.00,4884234.20,3655765.80,1760000.00,3,14,3,23,36150000.00,6,0,1,3,0,,,true" "" \
  -- bash -c "$ROADMAP scenario compare --format csv | grep ^loop"
t "a missing scenario" 65 "" 'roadmap: no scenario "nope" (the roadmap has board-cut, slip, loop)' \
  -- R scenario compare slip nope
t "base is the roadmap, not a scenario" 65 "" 'roadmap: no scenario "base" (the roadmap has board-cut, slip, loop)' \
  -- R scenario compare base
t "a roadmap without scenarios: the base alone" 0 "base,0,9290000.00" "" \
  -- bash -c "$ROADMAP -f plain.json scenario compare --format csv | sed -n 2p | cut -d, -f1-3"

# the deck and the page
R export --format xlsx -o deck.xlsx 2>/dev/null
tap_from "deck" py deck deck.xlsx compare.json
R export --format html -o page.html
tap_from "page" py page page.html compare.json
ok_if "the page is still self-contained" \
  /usr/bin/python3 "$here/html_check.py" static page.html "Acme technology roadmap 2026-2027"
R --scenario slip export --format xlsx -o slip.xlsx 2>/dev/null
ok_if "a deck seen through a scenario has no Scenarios sheet" \
  /usr/bin/python3 -c 'import openpyxl, sys; sys.exit("Scenarios" in openpyxl.load_workbook("slip.xlsx").sheetnames)'
ok_if "nor its page a section" \
  bash -c "! '$ROADMAP' --scenario slip export --format html | grep -q 'scenarios'"
R -f plain.json export --format html > plain.html
ok_if "the page of a roadmap with scenarios is the page without them and the section" \
  py same-page page.html plain.html
finish
