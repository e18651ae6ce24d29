#!/bin/bash
# capital.sh - capitalization (roadmap(1), capitalization; the rules in
# docs/decisions.md, "Capitalization"): hand-worked schedules to the cent,
# each with its arithmetic, the views' totals held to each other, the table
# at 80 and 60 columns, bad options, and random roadmaps against an
# independent model (capital_check.py).
. "$(dirname "$0")/lib.sh"
H=period,capex_added,placed_in_service,amortization,write_off,wip,net_book_value,opex,pl_expense,cash

# (a) placed in service mid-quarter, mid-month. Capex 100,000 and opex
# 30,000 over 2026-Q1; in service 2026-05-15 (in 2026-Q2), so amortized
# from June 2026 over 12 months. Cumulative after k months = 10,000,000
# cents x k / 12, halves up: k=1 833,333.33 -> 833,333; k=4 3,333,333;
# k=7 5,833,333; k=10 8,333,333; k=12 10,000,000.
#   2026-Q2 (June, k=1)          8,333.33    NBV 91,666.67
#   2026-Q3 (k=2..4) 3,333,333 - 833,333 = 25,000.00   66,666.67
#   2026-Q4 (k=5..7)             25,000.00   41,666.67
#   2027-Q1 (k=8..10)            25,000.00   16,666.67
#   2027-Q2 (k=11,12) 10,000,000 - 8,333,333 = 16,666.67   0
cat > a.json <<'EOF'
{"format": 1, "name": "a", "goals": [{"id": "g", "title": "G"}],
 "initiatives": [{"id": "a", "title": "A", "goals": ["g"],
   "start": "2026-01-01", "end": "2026-03-31", "opex": 30000,
   "capex": 100000, "useful_life": 12, "in_service": "2026-05-15"}]}
EOF
t "(a) in service mid-month: amortized from the next month" 0 "$H
2026-Q1,100000.00,0.00,0.00,0.00,100000.00,0.00,30000.00,30000.00,130000.00
2026-Q2,0.00,100000.00,8333.33,0.00,0.00,91666.67,0.00,8333.33,0.00
2026-Q3,0.00,0.00,25000.00,0.00,0.00,66666.67,0.00,25000.00,0.00
2026-Q4,0.00,0.00,25000.00,0.00,0.00,41666.67,0.00,25000.00,0.00
2027-Q1,0.00,0.00,25000.00,0.00,0.00,16666.67,0.00,25000.00,0.00
2027-Q2,0.00,0.00,16666.67,0.00,0.00,0.00,0.00,16666.67,0.00
total,100000.00,100000.00,100000.00,0.00,0.00,0.00,30000.00,130000.00,130000.00" "" -- R -f a.json capitalization --format csv
t "(a) the table: the plan writes nothing off, so no write-off column" 0 "Capitalization by quarter, plan basis (USD, whole units)
QUARTER    CAPEX  IN SERVICE   AMORT.      WIP     NBV    OPEX      P&L     CASH
2026-Q1  100,000           0        0  100,000       0  30,000   30,000  130,000
2026-Q2        0     100,000    8,333        0  91,667       0    8,333        0
2026-Q3        0           0   25,000        0  66,667       0   25,000        0
2026-Q4        0           0   25,000        0  41,667       0   25,000        0
2027-Q1        0           0   25,000        0  16,667       0   25,000        0
2027-Q2        0           0   16,667        0       0       0   16,667        0
TOTAL    100,000     100,000  100,000        0       0  30,000  130,000  130,000
P&L = opex + amortization + write-off; cash = opex + capex" "" -- R -f a.json capitalization
# Without the in_service day it is placed on the day after its end,
# 2026-04-01, and amortized from May: 2026-Q2 holds May and June, k=2:
# 10,000,000 x 2 / 12 = 1,666,666.67 -> 1,666,667 = 16,666.67.
t "(a) without in_service: placed on the day after the end" 0 "2026-Q2,0.00,100000.00,16666.67,0.00,0.00,83333.33,0.00,16666.67,0.00" "" -- \
  bash -c "$ROADMAP -f a.json set a in_service= >/dev/null && $ROADMAP -f a.json capitalization --format csv | sed -n 3p"

# (b) capex recorded after service (actual basis). Planned end 2026-06-30:
# in service 2026-07-01 (2026-Q3), amortized from August over 6 months.
# 2026-Q2's actual capex 60,000 is WIP, placed in 2026-Q3: 10,000 a month
# August to January. 2026-Q4's capex 3,000.01 comes after service: placed
# in 2026-Q4, amortized from November (the month after the quarter's first)
# over what is left of the life, August + 6 - November = 3 months:
# 300,001 cents x k / 3: k=1 100,000.33 -> 100,000; k=2 200,000.67 ->
# 200,001; k=3 300,001.
#   2026-Q3  Aug, Sep of the first: 20,000.00            NBV 40,000.00
#   2026-Q4  Oct-Dec 30,000.00 + Nov, Dec 2,000.01 = 32,000.01
#            NBV 40,000 + 3,000.01 - 32,000.01 = 11,000.00
#   2027-Q1  Jan 10,000.00 + 1,000.00 = 11,000.00        NBV 0
cat > b.json <<'EOF'
{"format": 1, "name": "b", "goals": [{"id": "g", "title": "G"}],
 "initiatives": [{"id": "b", "title": "B", "goals": ["g"],
   "start": "2026-01-01", "end": "2026-06-30", "capex": 60000,
   "useful_life": 6, "actuals": {"2026-Q2": {"opex": 0, "capex": 60000},
   "2026-Q4": {"opex": 1000, "capex": 3000.01}}}]}
EOF
t "(b) capex recorded after service: amortized over the rest of the life" 0 "$H
2026-Q2,60000.00,0.00,0.00,0.00,60000.00,0.00,0.00,0.00,60000.00
2026-Q3,0.00,60000.00,20000.00,0.00,0.00,40000.00,0.00,20000.00,0.00
2026-Q4,3000.01,3000.01,32000.01,0.00,0.00,11000.00,1000.00,33000.01,4000.01
2027-Q1,0.00,0.00,11000.00,0.00,0.00,0.00,0.00,11000.00,0.00
total,63000.01,63000.01,63000.01,0.00,0.00,0.00,1000.00,64000.01,64000.01" "" -- R -f b.json capitalization --basis actual --format csv

# (c) a cancelled initiative's write-off. Planned opex 25,000, capex
# 75,000; 2026-Q1's unsplit actual 40,000 is estimated in that ratio:
# capex 40,000 x 75,000 / 100,000 = 30,000, opex 10,000. 2026-Q2's is
# recorded by kind: opex 2,000, capex 8,000. Its last actual is in 2026-Q2:
# the 38,000 of capex is placed in service and written off there. The P&L
# takes opex 12,000 + write-off 38,000 = 50,000 = the cash.
cat > c.json <<'EOF'
{"format": 1, "name": "c", "goals": [{"id": "g", "title": "G"}],
 "initiatives": [{"id": "c", "title": "C", "goals": ["g"],
   "status": "cancelled", "start": "2026-01-01", "end": "2026-12-31",
   "opex": 25000, "capex": 75000, "actuals": {"2026-Q1": 40000,
   "2026-Q2": {"opex": 2000, "capex": 8000}}}]}
EOF
t "(c) cancelled: written off in the quarter of its last actual" 0 "$H
2026-Q1,30000.00,0.00,0.00,0.00,30000.00,0.00,10000.00,10000.00,40000.00
2026-Q2,8000.00,38000.00,0.00,38000.00,0.00,0.00,2000.00,40000.00,10000.00
total,38000.00,38000.00,0.00,38000.00,0.00,0.00,12000.00,50000.00,50000.00" "" -- R -f c.json capitalization --basis actual --format csv
t "(c) on the plan a cancelled initiative counts for nothing" 0 '{
  "basis": "plan",
  "by": "quarter",
  "rows": [],
  "total": {
    "capex_added": 0,
    "placed_in_service": 0,
    "amortization": 0,
    "write_off": 0,
    "wip": 0,
    "net_book_value": 0,
    "opex": 0,
    "pl_expense": 0,
    "cash": 0
  }
}' "" -- R -f c.json capitalization --format json
t "(c) deferred instead: its actual capex stays work in progress" 0 "$H
2026-Q1,30000.00,0.00,0.00,0.00,30000.00,0.00,10000.00,10000.00,40000.00
2026-Q2,8000.00,0.00,0.00,0.00,38000.00,0.00,2000.00,2000.00,10000.00
total,38000.00,0.00,0.00,0.00,38000.00,0.00,12000.00,12000.00,50000.00" "" -- \
  bash -c "$ROADMAP -f c.json set c status=deferred >/dev/null && $ROADMAP -f c.json capitalization --basis actual --format csv"

# (d) a 36-month life across fiscal years starting in July. Capex 100,000
# over FY2027's Q1 (2026-07-01 .. 2026-09-30): in service 2026-10-01,
# amortized November 2026 .. October 2029. Cumulative 10,000,000 x k / 36,
# halves up: k=2 555,555.56 -> 555,556; k=8 2,222,222.22 -> 2,222,222;
# k=20 5,555,555.56 -> 5,555,556; k=32 8,888,888.89 -> 8,888,889.
#   FY2027 (to June 2027, k=8)       22,222.22   NBV 77,777.78
#   FY2028 (k=9..20) 5,555,556 - 2,222,222 = 33,333.34   44,444.44
#   FY2029 (k=21..32) 8,888,889 - 5,555,556 = 33,333.33  11,111.11
#   FY2030 (k=33..36) 10,000,000 - 8,888,889 = 11,111.11  0
# Quarters: 2027-Q2 (Nov, Dec; k=2) 5,555.56; 2027-Q3 (k=3..5): k=5
# 1,388,888.89 -> 1,388,889, 8,333.33; ... 2030-Q1 (k=33..35): k=35
# 9,722,222.22 -> 9,722,222, 8,333.33; 2030-Q2 (October 2029, k=36)
# 277,778: 2,777.78. A quarter of three months is 8,333.33 or 8,333.34
# as the rounding falls (k=11: 3,055,555.56 -> 3,055,556, 2028-Q1 is
# 3,055,556 - 2,222,222 = 8,333.34).
cat > d.json <<'EOF'
{"format": 1, "name": "d", "fiscal_year_start": 7,
 "goals": [{"id": "g", "title": "G"}],
 "initiatives": [{"id": "d", "title": "D", "goals": ["g"],
   "start": "2026-07-01", "end": "2026-09-30", "capex": 100000}]}
EOF
t "(d) 36 months across July fiscal years, by year" 0 "$H
FY2027,100000.00,100000.00,22222.22,0.00,0.00,77777.78,0.00,22222.22,100000.00
FY2028,0.00,0.00,33333.34,0.00,0.00,44444.44,0.00,33333.34,0.00
FY2029,0.00,0.00,33333.33,0.00,0.00,11111.11,0.00,33333.33,0.00
FY2030,0.00,0.00,11111.11,0.00,0.00,0.00,0.00,11111.11,0.00
total,100000.00,100000.00,100000.00,0.00,0.00,0.00,0.00,100000.00,100000.00" "" -- R -f d.json capitalization --by year --format csv
t "(d) by quarter: from the first capex to the last month's amortization" 0 "$H
2027-Q1,100000.00,0.00,0.00,0.00,100000.00,0.00,0.00,0.00,100000.00
2027-Q2,0.00,100000.00,5555.56,0.00,0.00,94444.44,0.00,5555.56,0.00
2027-Q3,0.00,0.00,8333.33,0.00,0.00,86111.11,0.00,8333.33,0.00
2027-Q4,0.00,0.00,8333.33,0.00,0.00,77777.78,0.00,8333.33,0.00
2028-Q1,0.00,0.00,8333.34,0.00,0.00,69444.44,0.00,8333.34,0.00
2028-Q2,0.00,0.00,8333.33,0.00,0.00,61111.11,0.00,8333.33,0.00
2028-Q3,0.00,0.00,8333.33,0.00,0.00,52777.78,0.00,8333.33,0.00
2028-Q4,0.00,0.00,8333.34,0.00,0.00,44444.44,0.00,8333.34,0.00
2029-Q1,0.00,0.00,8333.33,0.00,0.00,36111.11,0.00,8333.33,0.00
2029-Q2,0.00,0.00,8333.33,0.00,0.00,27777.78,0.00,8333.33,0.00
2029-Q3,0.00,0.00,8333.34,0.00,0.00,19444.44,0.00,8333.34,0.00
2029-Q4,0.00,0.00,8333.33,0.00,0.00,11111.11,0.00,8333.33,0.00
2030-Q1,0.00,0.00,8333.33,0.00,0.00,2777.78,0.00,8333.33,0.00
2030-Q2,0.00,0.00,2777.78,0.00,0.00,0.00,0.00,2777.78,0.00
total,100000.00,100000.00,100000.00,0.00,0.00,0.00,0.00,100000.00,100000.00" "" -- R -f d.json capitalization --format csv
# With policy.useful_life 12 (d sets none of its own): November 2026 to
# October 2027; FY2028 holds July to October, k=9..12: 10,000,000 -
# 6,666,666.67 -> 6,666,667 = 3,333,333 cents.
t "(d) policy.useful_life is the default life: 12 months, to October 2027" 0 "FY2028,0.00,0.00,33333.33,0.00,0.00,0.00,0.00,33333.33,0.00" "" -- \
  bash -c "$ROADMAP -f d.json config policy.useful_life 12 >/dev/null && $ROADMAP -f d.json capitalization --by year --format csv | sed -n 3p"

# (e) every view adds up to the same total: b's, c's (cancelled) and the
# example's initiatives together, on both bases
cp "$EXAMPLES/acme/roadmap.json" e.json
R -f e.json add initiative b --title B --start 2026-01-01 --end 2026-06-30 --capex 60k --useful-life 6 --goal retention >/dev/null
R -f e.json actual b 2026-Q2 60k --kind capex >/dev/null
R -f e.json actual b 2026-Q4 3000.01 --kind capex >/dev/null
R -f e.json add initiative c --title C --start 2026-01-01 --end 2026-12-31 --opex 25k --capex 75k --status cancelled --goal retention >/dev/null
R -f e.json actual c 2026-Q1 40k >/dev/null
for basis in plan actual; do
  q=$(R -f e.json capitalization --basis $basis --format csv | tail -1)
  y=$(R -f e.json capitalization --basis $basis --by year --format csv | tail -1)
  i=$(R -f e.json capitalization --basis $basis --by initiative --format csv | tail -1)
  ok_if "(e) $basis: the quarter view ends with a total that is not 0 ($q)" \
    bash -c '[[ $1 == total,* && $1 != total,0.00,* ]]' _ "$q"
  ok_if "(e) $basis: the year view's total is the quarter view's ($q)" test "$q" = "$y"
  ok_if "(e) $basis: the initiative view's total is the quarter view's ($i)" test "$q" = "$i"
done
t "(e) by initiative: one row each, the cancelled one's write-off in its row" 0 "initiative,capex_added,placed_in_service,amortization,write_off,wip,net_book_value,opex,pl_expense,cash
b,63000.01,63000.01,63000.01,0.00,0.00,0.00,0.00,63000.01,63000.01
c,30000.00,30000.00,0.00,30000.00,0.00,0.00,10000.00,40000.00,40000.00" "" -- \
  bash -c "$ROADMAP -f e.json capitalization --basis actual --by initiative --format csv | grep -E '^(initiative|b|c),'"
t "a selection narrows it, as budget's" 0 "initiative,capex_added,placed_in_service,amortization,write_off,wip,net_book_value,opex,pl_expense,cash
b,63000.01,63000.01,63000.01,0.00,0.00,0.00,0.00,63000.01,63000.01
total,63000.01,63000.01,63000.01,0.00,0.00,0.00,0.00,63000.01,63000.01" "" -- R -f e.json capitalization --basis actual --by initiative --id b --format csv
ok_if "the example's table fits 80 columns" fits 80 "$ROADMAP" -f e.json capitalization --basis actual
ok_if "and 60" fits 60 "$ROADMAP" -f e.json capitalization
ok_if "by initiative, 60" fits 60 "$ROADMAP" -f e.json capitalization --by initiative
t "at 60 columns the table says what it left out" 0 "Capitalization by year, actual basis (USD, thousands)
YEAR    CAPEX  AMORT.  WRITE-OFF    NBV      P&L     CASH
FY2026  567.0    91.6       30.0  445.4    658.6  1,104.0
FY2027    0.0   169.0        0.0  276.4    169.0      0.0
FY2028    0.0   158.0        0.0  118.4    158.0      0.0
FY2029    0.0   118.4        0.0    0.0    118.4      0.0
TOTAL   567.0   537.0       30.0    0.0  1,104.0  1,104.0
Columns left out to fit; --format csv has all.
P&L = opex + amortization + write-off; cash = opex + capex" "" -- env COLUMNS=60 "$ROADMAP" -f e.json capitalization --basis actual --by year

# the deck's Capitalization sheet, read back by openpyxl: the plan's and
# the actuals' tables, every figure (formulas' cached values included)
# as the command's JSON has it
R -f e.json export --format xlsx -o e.xlsx 2>/dev/null
R -f e.json capitalization --format json > plan.json
R -f e.json capitalization --basis actual --format json > actual.json
t "the deck's Capitalization sheet has the command's figures" 0 "plan: 22 rows the same
actual: 17 rows the same
charts: 1" "" -- /usr/bin/python3 -c '
import json, openpyxl
ws = openpyxl.load_workbook("e.xlsx", data_only=True)["Capitalization"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
cols = ["capex_added", "placed_in_service", "amortization", "write_off",
        "wip", "net_book_value", "opex", "pl_expense", "cash"]
at = 0
for basis in ("plan", "actual"):
    d = json.load(open(basis + ".json"))
    want = [[r["period"]] + [round(r[c] * 100) for c in cols]
            for r in d["rows"]]
    want.append(["Total"] + [round(d["total"][c] * 100) for c in cols])
    at = next(i for i in range(at, len(rows)) if rows[i][0] == "Quarter") + 1
    got = [[r[0]] + [round(v * 100) for v in r[1:10]]
           for r in rows[at:at + len(want)]]
    print("%s: %d rows %s" % (basis, len(want),
                              "the same" if got == want else got))
print("charts: %d" % len(ws._charts))'

U="usage: roadmap capitalization [--basis plan|actual] [--by quarter|year|initiative] [--format table|csv|json] [selection]
(see 'roadmap help capitalization')"
t "an unknown basis" 64 "" "roadmap: capitalization: unknown basis 'books' (plan or actual)
$U" -- R -f e.json capitalization --basis books
t "an unknown view" 64 "" "roadmap: capitalization: unknown view 'pillar' (quarter, year or initiative)
$U" -- R -f e.json capitalization --by pillar
t "an unknown format" 64 "" "roadmap: capitalization: unknown format 'xlsx' (table, csv or json)
$U" -- R -f e.json capitalization --format xlsx

tap_from "random roadmaps" /usr/bin/python3 "$here/capital_check.py" "$ROADMAP" 20 30
finish
