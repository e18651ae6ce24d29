#!/bin/bash
# mandatory.sh - an initiative's mandatory flag (docs/roadmap.5.scd): false by
# default and left out of the file then, true or false in JSON, read from
# true/false/yes/no, through add, set, show, list, the CSV export and import,
# the JSON import and the deck.
. "$(dirname "$0")/lib.sh"

R init --name "Must" 2>/dev/null
t "add --mandatory" 0 "" "" -- R add initiative pci --title "PCI audit" --start 2026-Q1 --end 2026-Q2 --mandatory
t "add without it" 0 "" "" -- R add initiative recs --title "Recommendations" --start 2026-Q1 --end 2026-Q2
t "--mandatory takes no value" 64 "" "roadmap: add: unknown option '--mandatory=yes'
usage: roadmap add goal ID --title T [options] | add initiative ID --title T --start P --end P [options] | add budget PERIOD[/PILLAR] AMOUNT [--pillar P] | add team ID --capacity N
(see 'roadmap help add')" -- R add initiative x --title X --start 2026-Q1 --end 2026-Q2 --mandatory=yes
t "the file says true, and leaves out false" 0 '{
  "format": 1,
  "name": "Must",
  "initiatives": [
    {
      "id": "pci",
      "title": "PCI audit",
      "start": "2026-01-01",
      "end": "2026-06-30",
      "mandatory": true
    },
    {
      "id": "recs",
      "title": "Recommendations",
      "start": "2026-01-01",
      "end": "2026-06-30"
    }
  ]
}' "" -- cat roadmap.json
t "show says yes" 0 "  mandatory   yes" "" -- bash -c "$ROADMAP show pci | grep '^  mandatory'"
t "and no" 0 "  mandatory   no" "" -- bash -c "$ROADMAP show recs | grep '^  mandatory'"
t "show --format json" 0 '  "mandatory": true,' "" -- bash -c "$ROADMAP show pci --format json | grep '\"mandatory\"'"
t "list --format json fills in false" 0 '    "mandatory": true,
    "mandatory": false,' "" -- bash -c "$ROADMAP list --format json | grep '\"mandatory\"'"
t "set mandatory=yes" 0 "" "" -- R set recs mandatory=yes
t "set mandatory=FALSE (any case)" 0 "" "" -- R set pci mandatory=FALSE
t "set mandatory=true" 0 "" "" -- R set pci mandatory=true
t "set mandatory=no" 0 "" "" -- R set recs mandatory=no
t "set refuses another word" 65 "" 'roadmap: mandatory "maybe" is not true, false, yes or no' -- R set recs mandatory=maybe
t "an empty value is false" 0 "" "" -- R set pci mandatory=
ok_if "and leaves it out of the file" bash -c "! grep -q mandatory roadmap.json"
t "a goal has no such field" 65 "" 'roadmap: a goal has no field "mandatory" (fields: title, metric, baseline, target, unit, due, owner, priority, notes)' -- bash -c "$ROADMAP add goal g --title G && $ROADMAP set g mandatory=true"
R set pci mandatory=true
t "the CSV export: true and false" 0 'id,title,pillar,stage,status,owner,team,start,end,opex,capex,total,fte,priority,benefit,goals,depends_on,optimistic,pessimistic,notes,mandatory,useful_life,in_service
pci,PCI audit,,,proposed,,,2026-01-01,2026-06-30,0.00,0.00,0.00,0,3,,,,,,,true,,
recs,Recommendations,,,proposed,,,2026-01-01,2026-06-30,0.00,0.00,0.00,0,3,,,,,,,false,,' "" -- R export --format csv --table initiatives

# round trips, and what a spreadsheet writes
R export --format csv --table initiatives > inits.csv
R export --format json > all.json
R -f csv.json init --name "Must" 2>/dev/null
t "import the CSV" 0 "" "roadmap: imported inits.csv: 2 added, 0 updated" -- R -f csv.json import inits.csv --table initiatives
R -f csv.json add goal g --title G
ok_if "the CSV round trip keeps the flag" cmp -s roadmap.json csv.json
R -f json.json init --name "Must" 2>/dev/null
t "import the JSON export" 0 "" "roadmap: imported all.json: 3 added, 0 updated" -- R -f json.json import all.json
ok_if "the JSON round trip keeps it" cmp -s roadmap.json json.json
printf 'id,title,start,end,mandatory\npci,PCI audit,2026-Q1,2026-Q2,FALSE\nrecs,Recommendations,2026-Q1,2026-Q2,Yes\n' > sheet.csv
t "import --update reads TRUE, FALSE, Yes" 0 "" "roadmap: imported sheet.csv: 0 added, 2 updated" -- R import sheet.csv --table initiatives --update
t "as the words say" 0 "pci,false
recs,true" "" -- bash -c "$ROADMAP export --format csv --table initiatives | tail -n +2 | cut -d, -f1,21"
printf 'id,title,start,end,mandatory\npci,PCI audit,2026-Q1,2026-Q2,\n' > empty.csv
R set pci mandatory=true
t "an empty cell is false" 0 "" "roadmap: imported empty.csv: 0 added, 1 updated" -- R import empty.csv --table initiatives --update
t "so pci is not mandatory any more" 0 "  mandatory   no" "" -- bash -c "$ROADMAP show pci | grep '^  mandatory'"
printf 'id,title,start,end,mandatory\nx,X,2026-Q1,2026-Q2,sure\n' > bad.csv
t "import refuses another word" 65 "" 'roadmap: bad.csv:2: column "mandatory": "sure" is not true, false, yes or no
roadmap: bad.csv: nothing imported' -- R import bad.csv --table initiatives
printf '{"format": 1, "initiatives": [{"id": "i", "title": "I", "start": "2026-Q1", "end": "2026-Q2", "mandatory": "yes"}]}' > str.json
t "the file's flag is a JSON boolean" 65 "" 'roadmap: str.json: initiatives[0] "i": mandatory must be true or false' -- R -f str.json list

# the deck: a Mandatory column on the Initiatives sheet
R set recs mandatory=true
R export --format xlsx -o deck.xlsx 2>/dev/null
ok_if "the deck says yes and no" /usr/bin/python3 -c '
import openpyxl
ws = openpyxl.load_workbook("deck.xlsx")["Initiatives"]
head = [c.value for c in ws[1]]
col = head.index("Mandatory")
got = {r[0].value: r[col].value for r in ws.iter_rows(min_row=2)}
assert got == {"pci": "no", "recs": "yes"}, got
'
finish
