#!/bin/bash
# config.sh - roadmap(1), config and the envelope and actual edits of roadmap(1), on a
# roadmap whose fiscal year starts in July: every setting listed, got, set
# and unset; bad values are 65 and change nothing; typos are 64 with a
# suggestion; a new fiscal year start converts labels or refuses.
. "$(dirname "$0")/lib.sh"

snap() { for f in "$@"; do cp "$f" "$f.before"; done; }
unchanged() { ok_if "$1" cmp -s "$2" "$2.before"; }

R init --name Acme --fiscal-year-start 7 2>/dev/null
R add goal g --title G 2>/dev/null
R add initiative a --title A --goal g --start 2026-07-01 --end 2027-06-30 --opex 400k --pillar innovation 2>/dev/null
R add budget 2027-Q1 150k 2>/dev/null
R add budget FY2027 600k --pillar innovation 2>/dev/null
R actual a 2027-Q1 90k 2>/dev/null

t "config lists every setting, defaults included" 0 "name=Acme
currency=USD
fiscal_year_start=7
pillars=strategy,team,operations,innovation
policy.max_open_per_owner=3
policy.mix_tolerance=5
policy.actuals_tolerance=10
policy.goal_tolerance=10
policy.useful_life=36" "" -- R config
t "config KEY" 0 "7" "" -- R config fiscal_year_start
t "set a target" 0 "" "" -- R config policy.target_mix.operations 55
t "set another" 0 "" "" -- R config policy.target_mix.innovation 12.5
t "targets are listed after the rest" 0 "policy.target_mix.operations=55
policy.target_mix.innovation=12.5" "" -- bash -c "'$ROADMAP' config | tail -2"
t "config --format json" 0 '{
  "name": "Acme",
  "currency": "USD",
  "fiscal_year_start": 7,
  "pillars": ["strategy", "team", "operations", "innovation"],
  "policy": {
    "max_open_per_owner": 3,
    "target_mix": {
      "operations": 55,
      "innovation": 12.5
    },
    "mix_tolerance": 5,
    "actuals_tolerance": 10,
    "goal_tolerance": 10,
    "useful_life": 36
  }
}' "" -- R config --format json
t "the file holds what was set" 0 '  "policy": {
    "target_mix": {
      "operations": 55,
      "innovation": 12.5
    }
  },' "" -- bash -c "sed -n '/\"policy\"/,/^  },/p' roadmap.json"
t "set a policy number" 0 "" "" -- R config policy.mix_tolerance 7.5
t "and read it back" 0 "7.5" "" -- R config policy.mix_tolerance
t "unset restores the default" 0 "5" "" -- bash -c "'$ROADMAP' config --unset policy.mix_tolerance && '$ROADMAP' config policy.mix_tolerance"
t "unset a target removes it" 0 "" "" -- R config --unset policy.target_mix.innovation
t "an unset key with no default exits 1" 1 "" "" -- R config policy.target_mix.innovation
t "the name can be unset" 0 "" "" -- R config --unset name
t "then reading it exits 1" 1 "" "" -- R config name
R config name Acme

snap roadmap.json
t "a typo is 64 with a suggestion" 64 "" "roadmap: config: unknown key 'policy.mix_tolerence' (did you mean 'policy.mix_tolerance'?)
usage: roadmap config [--format text|json] | config KEY [VALUE] | config --unset KEY
(see 'roadmap help config')" -- R config policy.mix_tolerence 3
t "a target for a pillar that does not exist" 65 "" \
  "roadmap: \"ops\" is not a pillar of this roadmap (see 'roadmap config pillars')" \
  -- R config policy.target_mix.ops 5
t "a percentage over 100" 65 "" "roadmap: target_mix must be 0 to 100 (percent)" \
  -- R config policy.target_mix.operations 140
t "a whole number that is not" 65 "" "roadmap: max_open_per_owner must be a whole number from 0 to 1000000" \
  -- R config policy.max_open_per_owner 2.5
t "a number in a comma locale's form" 65 "" 'roadmap: actuals_tolerance "7,5" is not a number' \
  -- R config policy.actuals_tolerance 7,5
t "a month that is not one" 65 "" "roadmap: fiscal_year_start must be a whole number from 1 to 12 (a month)" \
  -- R config fiscal_year_start 13
t "a currency that is not a code" 65 "" 'roadmap: currency "euro" is not an ISO 4217 code (like USD)' \
  -- R config currency euro
t "dropping a pillar in use" 65 "" 'roadmap: pillar "innovation" is still used by initiative "a"' \
  -- R config pillars strategy,team,operations
t "a fiscal year that would split an envelope" 65 "" \
  "roadmap: envelope FY2027/innovation (2026-07-01 to 2027-06-30) is not a whole fiscal year when the fiscal year starts in month 10; nothing changed" \
  -- R config fiscal_year_start 10
unchanged "refused changes leave the file byte-identical" roadmap.json

# a new fiscal year start that maps: labels move to the same days
R rm FY2027/innovation 2>/dev/null
t "fiscal_year_start 1 converts the quarter labels" 0 "" "" -- R config fiscal_year_start 1
t "the envelope is the same quarter of days" 0 "period,pillar,amount
2026-Q3,,150000.00" "" -- R list budgets --format csv
t "and so is the actual" 0 "initiative,quarter,amount,opex,capex,estimated
a,2026-Q3,90000.00,90000.00,0.00,true" "" -- R export --format csv --table actuals
t "check finds the converted envelope covering 2026-Q3" 0 "2026-Q4
2027-Q1
2027-Q2" "" -- bash -c "'$ROADMAP' check | sed -n 's/^warning unbudgeted-spend  *\([^:]*\):.*/\1/p'"

# envelopes and actuals as items
t "set an envelope's amount" 0 "" "" -- R set 2026-Q3 amount=1.1M
t "list shows it" 0 "period,pillar,amount
2026-Q3,,1100000.00" "" -- R list budgets --format csv
R add budget FY2027 900k --pillar innovation 2>/dev/null
t "set PERIOD/PILLAR" 0 "" "" -- R set FY2027/innovation amount=950k
snap roadmap.json
t "an envelope has only an amount" 65 "" 'roadmap: an envelope has no field "pillar" (fields: amount; a new period or pillar is a new envelope: rm, then add budget)' \
  -- R set FY2027/innovation pillar=team
t "a bad amount" 65 "" 'roadmap: amount "-5" is not an amount (like 250k, 1.5M, 1,250,000 or 99.95)' \
  -- R set 2026-Q3 amount=-5
t "an envelope that does not exist" 65 "" "roadmap: no envelope \"2026-Q4\" (see 'roadmap list budgets')" \
  -- R set 2026-Q4 amount=5
t "rm of an envelope that does not exist" 65 "" "roadmap: no envelope \"2026-Q4\" (see 'roadmap list budgets')" \
  -- R rm 2026-Q4
t "actual --unset of a quarter with none" 65 "" 'roadmap: "a" has no actual for 2026-Q4' \
  -- R actual a 2026-Q4 --unset
t "a pillar's typo in an envelope is suggested" 65 "" 'roadmap: no envelope "FY2027/inovation" (did you mean "FY2027/innovation"?)' \
  -- R set FY2027/inovation amount=1
t "a field's typo is suggested" 65 "" 'roadmap: an initiative has no field "titel" (did you mean "title"?)' \
  -- R set a titel=Renamed
t "an option's typo is suggested" 64 "" "roadmap: actual: unknown option '--unst' (did you mean '--unset'?)
usage: roadmap actual INITIATIVE QUARTER AMOUNT [--kind opex|capex] | actual INITIATIVE QUARTER --unset
(see 'roadmap help actual')" -- R actual a 2026-Q3 --unst
unchanged "refused edits leave the file byte-identical" roadmap.json
t "rm PERIOD/PILLAR" 0 "" "" -- R rm FY2027/innovation
t "rm PERIOD" 0 "" "" -- R rm 2026-Q3
t "no envelope is left" 0 "period,pillar,amount" "" -- R list budgets --format csv
t "actual --unset" 0 "" "" -- R actual a 2026-Q3 --unset
t "no actual is left" 0 "initiative,quarter,amount,opex,capex,estimated" "" -- R export --format csv --table actuals
# an item whose id looks like a period wins (as a team does)
R add team 2026-Q3 --capacity 2 2>/dev/null
t "rm of a team named like a period removes the team" 0 "" "" -- R rm 2026-Q3
t "the roadmap loads after all of it" 0 "" "" -- bash -c "'$ROADMAP' list >/dev/null"

# The years 1900-2200 bound days, not labels: with an April start,
# October-December 2200 is 2201-Q3 (its fiscal year ends in 2201)
R -f edge.json init 2>/dev/null
R -f edge.json add initiative late --title Late --start 2200-07-01 --end 2200-12-31 --opex 4k
R -f edge.json actual late 2200-Q4 1k
R -f edge.json add budget 2200-Q4 2k
t "an April year moves a 2200-Q4 actual to 2201-Q3" 0 "" "" -- R -f edge.json config fiscal_year_start 4
t "its actual and envelope are labelled 2201-Q3" 0 "late,2201-Q3,1000.00,1000.00,0.00,true
period,pillar,amount
2201-Q3,,2000.00" "" -- bash -c "'$ROADMAP' -f edge.json export --format csv --table actuals | sed -n 2p; '$ROADMAP' -f edge.json list budgets --format csv"
t "the label is taken back" 0 "" "" -- R -f edge.json actual late 2201-Q3 1.5k
t "a quarter whose days are in 2201 is not" 65 "" "roadmap: 2201-Q4 begins 2201-01-01, outside the years 1900-2200" -- R -f edge.json actual late 2201-Q4 1k
t "nor a fiscal year that ends in 2201" 65 "" "roadmap: FY2201 ends 2201-03-31, outside the years 1900-2200" -- R -f edge.json add budget FY2201 1k
t "the file loads with its 2201-Q3 label" 0 "1500.00" "" -- bash -c "'$ROADMAP' -f edge.json export --format csv --table actuals | cut -d, -f3 | sed -n 2p"
t "and a calendar year moves it back" 0 "" "" -- R -f edge.json config fiscal_year_start 1
t "to 2200-Q4" 0 "late,2200-Q4,1500.00,1500.00,0.00,true" "" -- bash -c "'$ROADMAP' -f edge.json export --format csv --table actuals | sed -n 2p"
t "a July year cannot hold FY1900" 65 "" "roadmap: --start FY1900 begins 1899-07-01, outside the years 1900-2200" -- bash -c "'$ROADMAP' -f edge.json config fiscal_year_start 7 && '$ROADMAP' -f edge.json add initiative early --title E --start FY1900 --end FY1901"
t "but 1900-Q3 is January to March 1900" 0 "1900-01-01,1900-03-31" "" -- bash -c "'$ROADMAP' -f edge.json add initiative early --title E --start 1900-Q3 --end 1900-Q3 && '$ROADMAP' -f edge.json list --format csv | grep ^early | cut -d, -f8,9"
finish
