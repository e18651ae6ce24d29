#!/bin/bash
# actuals.sh - actuals by kind (docs/roadmap.5.scd, actuals; roadmap(1),
# actual, budget, import): the file's two forms, actual --kind, the
# estimated split of an unsplit actual to the cent, and every report and
# table that shows actuals. Figures worked out by hand in the comments.
. "$(dirname "$0")/lib.sh"

R init --name Kinds 2>/dev/null
R add goal g1 --title G1 >/dev/null
R add goal g2 --title G2 >/dev/null
# p plans opex 200, capex 100: an unsplit actual is 1/3 capex
t "p" 0 "" "" -- R add initiative p --title P --start 2026-01-01 --end 2026-12-31 --opex 200 --capex 100 --goal g1,g2
# h plans 1:1: half a cent of capex rounds half up
t "h" 0 "" "" -- R add initiative h --title H --start 2026-01-01 --end 2026-03-31 --opex 1 --capex 1
# z plans nothing: all opex
t "z" 0 "" "" -- R add initiative z --title Z --start 2026-01-01 --end 2026-03-31
t "unsplit 0.10 on p" 0 "" "" -- R actual p 2026-Q1 0.10
t "unsplit 0.05 on p" 0 "" "" -- R actual p 2026-Q2 0.05
t "unsplit 0.01 on h" 0 "" "" -- R actual h 2026-Q1 0.01
t "unsplit 7 on z" 0 "" "" -- R actual z 2026-Q1 7
t "--kind capex on a quarter without an actual" 0 "" "" -- R actual p 2026-Q3 60k --kind capex
t "--kind opex keeps the capex" 0 "" "" -- R actual p 2026-Q3 20k --kind opex
t "--kind capex replaces the capex only" 0 "" "" -- R actual p 2026-Q3 60000 --kind capex
t "one kind alone" 0 "" "" -- R actual p 2026-Q4 50k --kind capex
cp roadmap.json before.json
t "--kind on an unsplit actual is refused" 65 "" 'roadmap: "p" has an unsplit actual for 2026-Q1: replace it unsplit, or remove it before recording a kind' -- R actual p 2026-Q1 5 --kind opex
t "--unset takes no --kind" 64 "" "roadmap: actual: --unset removes both kinds: it takes no --kind
usage: roadmap actual INITIATIVE QUARTER AMOUNT [--kind opex|capex] | actual INITIATIVE QUARTER --unset
(see 'roadmap help actual')" -- R actual p 2026-Q3 --unset --kind opex
t "an unknown kind" 64 "" "roadmap: actual: unknown kind 'cash' (opex or capex)
usage: roadmap actual INITIATIVE QUARTER AMOUNT [--kind opex|capex] | actual INITIATIVE QUARTER --unset
(see 'roadmap help actual')" -- R actual p 2026-Q3 5 --kind cash
ok_if "refused edits leave the file byte-identical" cmp -s before.json roadmap.json

t "the file: numbers unsplit, objects with both kinds by kind" 0 '{"2026-Q1":0.1,"2026-Q2":0.05,"2026-Q3":{"opex":20000,"capex":60000},"2026-Q4":{"opex":0,"capex":50000}}' "" -- \
  /usr/bin/python3 -c 'import json; print(json.dumps(json.load(open("roadmap.json"))["initiatives"][0]["actuals"], separators=(",", ":")))'

# 0.10 x 100/300 = 0.0333 -> 0.03 capex; 0.05 x 1/3 = 0.0167 -> 0.02;
# h: 0.01 x 1/2 = 0.005 -> 0.01 (half up), opex 0.00; z: all opex
t "the actuals table: kinds as recorded, or estimated" 0 "initiative,quarter,amount,opex,capex,estimated
p,2026-Q1,0.10,0.07,0.03,true
p,2026-Q2,0.05,0.03,0.02,true
p,2026-Q3,80000.00,20000.00,60000.00,false
p,2026-Q4,50000.00,0.00,50000.00,false
h,2026-Q1,0.01,0.00,0.01,true
z,2026-Q1,7.00,7.00,0.00,true" "" -- R export --format csv --table actuals

# 2026-Q1: opex 0.07 + 0.00 + 7.00, capex 0.03 + 0.01
t "budget: actual opex and capex per quarter, estimated where any is" 0 "period,actual,actual_opex,actual_capex,actual_estimated
2026-Q1,7.11,7.07,0.04,true
2026-Q2,0.05,0.03,0.02,true
2026-Q3,80000.00,20000.00,60000.00,false
2026-Q4,50000.00,0.00,50000.00,false
total,130007.16,20007.10,110000.06,true" "" -- bash -c "'$ROADMAP' budget --format csv | cut -d, -f1,9,10,11,14"

# goals split equally: Q3's 80000 is 40000 a goal, capex 60000 -> 30000
# each; Q4 25000 a goal, all capex; Q1's 0.10 is 0.05 a goal, its capex
# 0.03 -> 0.02 and 0.01 (ties to the earlier goal); Q2's 0.05 -> 0.03 and
# 0.02, capex 0.02 -> 0.01 each. g1 = 0.05 + 0.03 + 40000 + 25000, capex
# 0.02 + 0.01 + 30000 + 25000, opex the rest; (unaligned) is h and z
t "budget by goal: each goal's capex apportioned, opex the rest" 0 "goal,actual,actual_opex,actual_capex,actual_estimated
g1,65000.08,10000.05,55000.03,true
g2,65000.07,10000.05,55000.02,true
(unaligned),7.01,7.00,0.01,true
total,130007.16,20007.10,110000.06,true" "" -- bash -c "'$ROADMAP' budget --by goal --format csv | cut -d, -f1,9,10,11,14"

t "budget JSON" 0 '[7.11, 7.07, 0.04, true]' "" -- \
  /usr/bin/python3 -c 'import json,subprocess,sys; r=json.loads(subprocess.run([sys.argv[1],"budget","--format","json"],capture_output=True,check=True).stdout)["rows"][0]; print(json.dumps([r["actual"],r["actual_opex"],r["actual_capex"],r["actual_estimated"]]))' "$ROADMAP"

# the exports mark the estimated cells "~" (Q1, Q2 and the total) and
# say why under the table
t "Markdown: estimated actual opex and capex marked" 0 '2026-Q1 7.11 \~7.07 \~0.04
2026-Q2 0.05 \~0.03 \~0.02
2026-Q3 80,000.00 20,000.00 60,000.00
2026-Q4 50,000.00 0.00 50,000.00
Total 130,007.16 \~20,007.10 \~110,000.06
~ estimated: unsplit actuals split in their initiative'"'"'s planned capex:opex ratio.' "" -- \
  bash -c "'$ROADMAP' export --format md | sed -n '/^## Budget by quarter/,/^## Findings/p' | awk -F' [|] ' '/^[|] (20|Total)/ {print \$1, \$9, \$10, \$11} /^~/' | sed 's/^| //'"
cat > est.py <<'PY'
import html.parser, sys
class P(html.parser.HTMLParser):
    row = cell = None
    out = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and "data-period" in a:
            self.row = a["data-period"]
        if tag == "td" and a.get("data-estimated") == "true":
            self.cell = "%s %s" % (self.row, a["data-column"])
    def handle_data(self, data):
        if self.cell:
            self.out.append("%s %s" % (self.cell, data))
            self.cell = None
        elif data.startswith("~"):
            self.out.append(data)
p = P()
p.feed(sys.stdin.read())
print("\n".join(p.out))
PY
t "HTML: the estimated cells, and only they, marked, and a note" 0 "2026-Q1 actual_opex ~7.07
2026-Q1 actual_capex ~0.04
2026-Q2 actual_opex ~0.03
2026-Q2 actual_capex ~0.02
total actual_opex ~20,007.10
total actual_capex ~110,000.06
~ estimated: unsplit actuals split in their initiative's planned capex:opex ratio." "" -- bash -c "'$ROADMAP' export --format html | /usr/bin/python3 est.py"
R export --format xlsx -o est.xlsx 2>/dev/null
t "the deck: estimated amounts read ~ in their number format" 0 "J2 K2 J3 K3 J6 K6" "" -- \
  /usr/bin/python3 -c 'import openpyxl; ws = openpyxl.load_workbook("est.xlsx")["Budget"]; print(" ".join(c.coordinate for r in ws.iter_rows(min_row=2, max_row=6) for c in r if c.number_format.startswith("\"~\"")))'

t "show lists the actuals by kind" 0 "  actuals by kind (USD):
    QUARTER              OPEX            CAPEX            TOTAL  SPLIT
    2026-Q1              0.07             0.03             0.10  estimated
    2026-Q2              0.03             0.02             0.05  estimated
    2026-Q3         20,000.00        60,000.00        80,000.00  recorded
    2026-Q4              0.00        50,000.00        50,000.00  recorded" "" -- bash -c "'$ROADMAP' show p | sed -n '/actuals by kind/,/^  [a-z]/p' | grep -v '^  schedule'"

# import: the export reads back to the same file
R export --format csv --table actuals > actuals.csv
for q in 2026-Q1 2026-Q2 2026-Q3 2026-Q4; do R actual p $q --unset; done
R actual h 2026-Q1 --unset
R actual z 2026-Q1 --unset
t "import the exported actuals" 0 "" "roadmap: imported actuals.csv: 6 added, 0 updated" -- R import actuals.csv
ok_if "the file is the file before" cmp -s before.json roadmap.json

printf 'initiative,quarter,opex,capex\nh,2026-Q2,3,\nz,2026-Q2,,4.5\n' > kinds.csv
t "import opex and capex columns; an empty kind is 0" 0 "" "roadmap: imported kinds.csv: 2 added, 0 updated" -- R import kinds.csv
t "recorded by kind" 0 "h,2026-Q2,3.00,3.00,0.00,false
z,2026-Q2,4.50,0.00,4.50,false" "" -- bash -c "'$ROADMAP' export --format csv --table actuals | grep Q2 | grep -v ^p"
cp roadmap.json before.json
printf 'initiative,quarter,amount,opex,capex,estimated\nh,2026-Q3,5,2,2,\nh,2026-Q4,,,,\nh,2027-Q1,1,,,maybe\n' > bad.csv
t "bad actuals rows, each located" 65 "" 'roadmap: bad.csv:2: column "amount": "5" is not opex + capex
roadmap: bad.csv:3: column "amount": is empty (and so are opex and capex)
roadmap: bad.csv:4: column "estimated": "maybe" is not true or false
roadmap: bad.csv: nothing imported' -- R import bad.csv
ok_if "nothing written" cmp -s before.json roadmap.json

# the file's object form, left-out kinds, and the canonical save
printf '{"format": 1, "initiatives": [{"id": "a", "title": "A", "start": "2026-01-01", "end": "2026-03-31", "actuals": {"2026-Q1": {"capex": 5}}}]}\n' > one.json
t "a kind left out is 0; saving writes both" 0 '{"2026-Q1":{"opex":0,"capex":5}}' "" -- \
  bash -c "'$ROADMAP' -f one.json set a title=B && /usr/bin/python3 -c 'import json; print(json.dumps(json.load(open(\"one.json\"))[\"initiatives\"][0][\"actuals\"], separators=(\",\", \":\")))'"

# through a scenario the base keeps its numbers
R export --format csv --table actuals > base.csv
t "a scenario" 0 "" 'roadmap: made scenario "split": see it with --scenario split' -- R scenario new split
t "--kind through a scenario" 0 "" "" -- R --scenario split actual h 2026-Q2 1 --kind capex
t "the roadmap's own actuals are untouched" 0 "$(cat base.csv)" "" -- R export --format csv --table actuals
t "the scenario sees both kinds" 0 "h,2026-Q2,4.00,3.00,1.00,false" "" -- bash -c "'$ROADMAP' --scenario split export --format csv --table actuals | grep '^h,2026-Q2'"
finish
