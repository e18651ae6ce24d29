#!/bin/bash
# budget.sh - the budget views agree (roadmap(1), budget): one roadmap with quarter,
# year and pillar envelopes and an actual on cancelled work, figures worked
# out by hand in the comments, every view's totals held to each other and
# to check.
. "$(dirname "$0")/lib.sh"
cp "$DATA/budget/views.json" roadmap.json

# a: innovation, Q1, 100k, actual 110k   b: strategy, Q2, 100k (g1, g2)
# c: innovation, Q3, capex 60k (no goal) d: cancelled, Q1, actual 20k
# envelopes: 2026-Q1 150k, 2026-Q3/innovation 50k, FY2027 100k
H=period,opex,capex,total,envelope,covered,variance,uncovered,actual,actual_opex,actual_capex,planned_where_actual,actual_variance,actual_estimated
t "by quarter: Q1 covered by its envelope, Q2 and Q3 uncovered; d's actual against 0" 0 "$H
2026-Q1,100000.00,0.00,100000.00,150000.00,100000.00,50000.00,0.00,130000.00,130000.00,0.00,100000.00,-30000.00,true
2026-Q2,100000.00,0.00,100000.00,,,,100000.00,,,,,,
2026-Q3,0.00,60000.00,60000.00,,,,60000.00,,,,,,
total,200000.00,60000.00,260000.00,150000.00,100000.00,50000.00,160000.00,130000.00,130000.00,0.00,100000.00,-30000.00,true" "" -- R budget --format csv
t "by year: FY2026 uses its quarter envelope, FY2027 its year envelope" 0 "$H
FY2026,200000.00,60000.00,260000.00,150000.00,100000.00,50000.00,160000.00,130000.00,130000.00,0.00,100000.00,-30000.00,true
FY2027,0.00,0.00,0.00,100000.00,0.00,100000.00,0.00,,,,,,
total,200000.00,60000.00,260000.00,250000.00,100000.00,150000.00,160000.00,130000.00,130000.00,0.00,100000.00,-30000.00,true" "" -- R budget --by year --format csv
# pillar rows add each pillar's share of the planned total (100k and 160k
# of 260k: 38.46% and 61.54%) and its target share, blank with no target mix
t "by pillar: a one-quarter pillar envelope against that quarter only" 0 "${H/period/pillar},share,target_share
strategy,100000.00,0.00,100000.00,,,,100000.00,,,,,,,38.5,
team,0.00,0.00,0.00,,,,0.00,,,,,,,0.0,
operations,0.00,0.00,0.00,,,,0.00,20000.00,20000.00,0.00,0.00,-20000.00,true,0.0,
innovation,100000.00,60000.00,160000.00,50000.00,60000.00,-10000.00,100000.00,110000.00,110000.00,0.00,100000.00,-10000.00,true,61.5,
total,200000.00,60000.00,260000.00,50000.00,60000.00,-10000.00,200000.00,130000.00,130000.00,0.00,100000.00,-30000.00,true,100.0," "" -- R budget --by pillar --format csv
t "by pillar, 80 columns: shares stay, no target is -" 0 "Budget by pillar (USD, whole units)
PILLAR      PLANNED   SHARE  TARGET  ENVELOPE  VARIANCE   ACTUAL  ACT. VAR.
strategy    100,000   38.5%       -         -         -        -          -
team              0    0.0%       -         -         -        -          -
operations        0    0.0%       -         -         -   20,000    -20,000
innovation  160,000   61.5%       -    50,000   -10,000  110,000    -10,000
TOTAL       260,000  100.0%       -    50,000   -10,000  130,000    -30,000
Columns left out to fit; --format csv has all.
Not covered by any envelope: USD 100,000.00" "" -- R budget --by pillar
t "by pillar, 60 columns: the actuals give way to the shares" 0 "Budget by pillar (USD, whole units)
PILLAR      PLANNED   SHARE  TARGET  ENVELOPE  VARIANCE
strategy    100,000   38.5%       -         -         -
team              0    0.0%       -         -         -
operations        0    0.0%       -         -         -
innovation  160,000   61.5%       -    50,000   -10,000
TOTAL       260,000  100.0%       -    50,000   -10,000
Columns left out to fit; --format csv has all.
Not covered by any envelope: USD 100,000.00" "" -- env COLUMNS=60 "$ROADMAP" budget --by pillar
# the pillar rows' UNCOVERED (200k: what each pillar's own envelopes leave
# out) is not the line's figure (100k: b's Q2, which no envelope touches);
# a's Q1 100k lies under the all-pillar 2026-Q1 envelope: the line under
# the table says which is which
t "by pillar with every column: UNCOVERED and the note are told apart" 0 "Budget by pillar (USD)
PILLAR            OPEX      CAPEX     PLANNED   SHARE  TARGET   ENVELOPE    COVERED    VARIANCE   UNCOVERED      ACTUAL    ACT. OPEX  ACT. CAPEX   PLAN@ACT.   ACT. VAR.
strategy    100,000.00       0.00  100,000.00   38.5%       -          -          -           -  100,000.00           -            -           -           -           -
team              0.00       0.00        0.00    0.0%       -          -          -           -        0.00           -            -           -           -           -
operations        0.00       0.00        0.00    0.0%       -          -          -           -        0.00   20,000.00   ~20,000.00       ~0.00        0.00  -20,000.00
innovation  100,000.00  60,000.00  160,000.00   61.5%       -  50,000.00  60,000.00  -10,000.00  100,000.00  110,000.00  ~110,000.00       ~0.00  100,000.00  -10,000.00
TOTAL       200,000.00  60,000.00  260,000.00  100.0%       -  50,000.00  60,000.00  -10,000.00  200,000.00  130,000.00  ~130,000.00       ~0.00  100,000.00  -30,000.00
~ estimated: unsplit actuals split in their initiative's planned capex:opex ratio
Not covered by any envelope: USD 100,000.00
UNCOVERED counts each row's own envelopes only: USD 100,000.00 of it falls in quarters that other envelopes span" "" -- env COLUMNS=250 "$ROADMAP" budget --by pillar
t "the exports say it under their budget table too" 0 "Planned spend no envelope covers: USD 100,000.00; Uncovered counts each row's own envelopes only: USD 60,000.00 of it falls in quarters that other envelopes span." "" -- \
  bash -c "$ROADMAP export --format md | grep '^Planned spend no envelope covers'"
R export --format html -o note.html 2>/dev/null
R export --format xlsx -o note.xlsx 2>/dev/null
cat > note.py <<'PY'
import re, openpyxl
note = ("Planned spend no envelope covers: USD 100,000.00; Uncovered counts each "
        "row's own envelopes only: USD 60,000.00 of it falls in quarters that other envelopes span")
page = re.findall(r"<p>(Planned spend no envelope[^<]*)</p>", open("note.html").read())
deck = [c for r in openpyxl.load_workbook("note.xlsx")["Budget"].iter_rows(values_only=True)
        for c in r if isinstance(c, str) and c.startswith("Planned spend no")]
print(page == [note + "."], deck == [note])
PY
t "the page's and the deck's budget notes say it" 0 "True True" "" -- /usr/bin/python3 note.py
# the deck's note wraps in B:H, the Budget's first printed page: run on
# from B it was cut at that page's edge
cat > wrap.py <<'PY'
import openpyxl
ws = openpyxl.load_workbook("note.xlsx")["Budget"]
cell = [c for r in ws.iter_rows() for c in r
        if isinstance(c.value, str) and c.value.startswith("Planned spend no")][0]
print([str(m) for m in ws.merged_cells.ranges if cell.coordinate in m],
      cell.alignment.wrap_text, ws.row_dimensions[cell.row].height)
PY
t "the deck's budget note wraps within its first page" 0 "['B7:H7'] True 30.0" "" -- /usr/bin/python3 wrap.py
t "JSON by pillar: share a number, target_share null with no target mix" 0 '[38.5,null],[0,null],[0,null],[61.5,null],[100,null]' "" -- \
  /usr/bin/python3 -c 'import json,subprocess,sys; r=json.loads(subprocess.run([sys.argv[1],"budget","--by","pillar","--format","json"],capture_output=True,check=True).stdout); print(",".join(json.dumps([x["share"],x["target_share"]]).replace(" ","") for x in r["rows"]+[r["total"]]))' "$ROADMAP"
t "other views have no share columns" 0 "${H/period/team}" "" -- bash -c "$ROADMAP budget --by team --format csv | head -1"
t "check reports the pillar overrun the pillar view shows" 0 "error   budget-overrun       2026-Q3/innovation: planned USD 60,000.00 exceeds the envelope of USD 50,000.00 by USD 10,000.00" "" -- bash -c "$ROADMAP check | grep budget-overrun"
t "by goal: shares split equally, actuals with their plans" 0 "${H/period/goal}
g1,150000.00,0.00,150000.00,,,,150000.00,110000.00,110000.00,0.00,100000.00,-10000.00,true
g2,50000.00,0.00,50000.00,,,,50000.00,20000.00,20000.00,0.00,0.00,-20000.00,true
(unaligned),0.00,60000.00,60000.00,,,,60000.00,,,,,,
total,200000.00,60000.00,260000.00,,,,260000.00,130000.00,130000.00,0.00,100000.00,-30000.00,true" "" -- R budget --by goal --format csv
t "by team" 0 "${H/period/team}
t1,100000.00,0.00,100000.00,,,,100000.00,110000.00,110000.00,0.00,100000.00,-10000.00,true
(none),100000.00,60000.00,160000.00,,,,160000.00,20000.00,20000.00,0.00,0.00,-20000.00,true
total,200000.00,60000.00,260000.00,,,,260000.00,130000.00,130000.00,0.00,100000.00,-30000.00,true" "" -- R budget --by team --format csv
t "the table says what no envelope covers (check's unbudgeted-spend)" 0 "Budget by quarter (USD)
QUARTER     PLANNED    ENVELOPE   VARIANCE   UNCOVERED      ACTUAL   ACT. VAR.
2026-Q1  100,000.00  150,000.00  50,000.00        0.00  130,000.00  -30,000.00
2026-Q2  100,000.00           -          -  100,000.00           -           -
2026-Q3   60,000.00           -          -   60,000.00           -           -
TOTAL    260,000.00  150,000.00  50,000.00  160,000.00  130,000.00  -30,000.00
Columns left out to fit; --format csv has all.
Not covered by any envelope: USD 100,000.00
UNCOVERED counts each row's own envelopes only: USD 60,000.00 of it falls in quarters that other envelopes span" "" -- R budget
t "at 60 columns, fewer columns" 0 "Budget by quarter (USD, whole units)
QUARTER  PLANNED  ENVELOPE  VARIANCE   ACTUAL  ACT. VAR.
2026-Q1  100,000   150,000    50,000  130,000    -30,000
2026-Q2  100,000         -         -        -          -
2026-Q3   60,000         -         -        -          -
TOTAL    260,000   150,000    50,000  130,000    -30,000
Columns left out to fit; --format csv has all.
Not covered by any envelope: USD 100,000.00" "" -- env COLUMNS=60 "$ROADMAP" budget
t "goal rows have no envelope columns" 0 "Budget by goal (USD, whole units)
GOAL            OPEX   CAPEX  PLANNED   ACTUAL  PLAN@ACT.  ACT. VAR.
g1           150,000       0  150,000  110,000    100,000    -10,000
g2            50,000       0   50,000   20,000          0    -20,000
(unaligned)        0  60,000   60,000        -          -          -
TOTAL        200,000  60,000  260,000  130,000    100,000    -30,000
Columns left out to fit; --format csv has all." "" -- R budget --by goal
for w in 60 80 100; do
  for by in quarter year pillar goal team; do
    ok_if "budget --by $by fits $w columns" fits "$w" "$ROADMAP" -f "$EXAMPLES/acme/roadmap.json" budget --by "$by"
  done
done
t "every column when there is room; an unsplit actual's kinds are estimates" 0 "Budget by quarter (USD)
QUARTER        OPEX      CAPEX     PLANNED    ENVELOPE     COVERED   VARIANCE   UNCOVERED      ACTUAL    ACT. OPEX  ACT. CAPEX   PLAN@ACT.   ACT. VAR.
2026-Q1  100,000.00       0.00  100,000.00  150,000.00  100,000.00  50,000.00        0.00  130,000.00  ~130,000.00       ~0.00  100,000.00  -30,000.00
2026-Q2  100,000.00       0.00  100,000.00           -           -          -  100,000.00           -            -           -           -           -
2026-Q3        0.00  60,000.00   60,000.00           -           -          -   60,000.00           -            -           -           -           -
TOTAL    200,000.00  60,000.00  260,000.00  150,000.00  100,000.00  50,000.00  160,000.00  130,000.00  ~130,000.00       ~0.00  100,000.00  -30,000.00
~ estimated: unsplit actuals split in their initiative's planned capex:opex ratio
Not covered by any envelope: USD 100,000.00
UNCOVERED counts each row's own envelopes only: USD 60,000.00 of it falls in quarters that other envelopes span" "" -- env COLUMNS=180 "$ROADMAP" budget
t "JSON: null where a row has no envelope or no actual" 0 '{"period":"2026-Q2","opex":100000,"capex":0,"total":100000,"envelope":null,"covered":null,"variance":null,"uncovered":100000,"actual":null,"actual_opex":null,"actual_capex":null,"planned_where_actual":null,"actual_variance":null,"actual_estimated":null}' "" -- \
  /usr/bin/python3 -c 'import json,subprocess,sys; r=json.loads(subprocess.run([sys.argv[1],"budget","--format","json"],capture_output=True,check=True).stdout); print(json.dumps(r["rows"][1],separators=(",",":")))' "$ROADMAP"

# The invariants of roadmap(1), budget on this roadmap and on the example, every view.
invariants() {
  /usr/bin/python3 - "$ROADMAP" "$1" <<'PY'
import json, subprocess, sys
exe, f = sys.argv[1], sys.argv[2]
views = {}
for by in ["quarter", "year", "pillar", "goal", "team"]:
    views[by] = json.loads(subprocess.run([exe, "-f", f, "budget", "--by", by, "--format", "json"],
                                          capture_output=True, check=True).stdout)
cols = ["opex", "capex", "total", "envelope", "covered", "variance", "uncovered",
        "actual", "planned_where_actual", "actual_variance"]
cents = lambda v: None if v is None else round(v * 100)
bad = []
for by, r in views.items():
    for c in cols:
        vals = [cents(x[c]) for x in r["rows"] if x[c] is not None]
        want = sum(vals) if vals else None
        if cents(r["total"][c]) != want:
            bad.append(f"{by}: total {c} {r['total'][c]} is not the sum of its rows")
    for x in r["rows"] + [r["total"]]:
        if cents(x["uncovered"]) != cents(x["total"]) - (cents(x["covered"]) or 0):
            bad.append(f"{by}: uncovered != total - covered")
        if x["envelope"] is not None and cents(x["variance"]) != cents(x["envelope"]) - cents(x["covered"]):
            bad.append(f"{by}: variance != envelope - covered")
for c in ["opex", "capex", "total", "actual", "planned_where_actual", "actual_variance"]:
    if len({cents(v["total"][c]) for v in views.values()}) != 1:
        bad.append(f"{c} totals differ between views")
print("\n".join(bad) if bad else "agree")
PY
}
t "the views agree on this roadmap" 0 "agree" "" -- invariants roadmap.json
t "the views agree on the example" 0 "agree" "" -- invariants "$EXAMPLES/acme/roadmap.json"

# With a target mix: the target beside each share, blank where a pillar has
# none, and the TOTAL row's target the sum of the rows' (37.5 + 2.25 + 55)
cp "$DATA/budget/views.json" mix.json
for kv in innovation=55 strategy=37.5 team=2.25; do
  "$ROADMAP" -f mix.json config "policy.target_mix.${kv%=*}" "${kv#*=}"
done
t "target mix: CSV" 0 "${H/period/pillar},share,target_share
strategy,100000.00,0.00,100000.00,,,,100000.00,,,,,,,38.5,37.5
team,0.00,0.00,0.00,,,,0.00,,,,,,,0.0,2.25
operations,0.00,0.00,0.00,,,,0.00,20000.00,20000.00,0.00,0.00,-20000.00,true,0.0,
innovation,100000.00,60000.00,160000.00,50000.00,60000.00,-10000.00,100000.00,110000.00,110000.00,0.00,100000.00,-10000.00,true,61.5,55.0
total,200000.00,60000.00,260000.00,50000.00,60000.00,-10000.00,200000.00,130000.00,130000.00,0.00,100000.00,-30000.00,true,100.0,94.75" "" -- R -f mix.json budget --by pillar --format csv
t "target mix: JSON" 0 '[38.5,37.5],[0,2.25],[0,null],[61.5,55],[100,94.75]' "" -- \
  /usr/bin/python3 -c 'import json,subprocess,sys; r=json.loads(subprocess.run([sys.argv[1],"-f","mix.json","budget","--by","pillar","--format","json"],capture_output=True,check=True).stdout); print(",".join(json.dumps([x["share"],x["target_share"]]).replace(" ","") for x in r["rows"]+[r["total"]]))' "$ROADMAP"
t "target mix: 80 columns" 0 "Budget by pillar (USD, whole units)
PILLAR      PLANNED   SHARE  TARGET  ENVELOPE  VARIANCE   ACTUAL  ACT. VAR.
strategy    100,000   38.5%   37.5%         -         -        -          -
team              0    0.0%   2.25%         -         -        -          -
operations        0    0.0%       -         -         -   20,000    -20,000
innovation  160,000   61.5%   55.0%    50,000   -10,000  110,000    -10,000
TOTAL       260,000  100.0%  94.75%    50,000   -10,000  130,000    -30,000
Columns left out to fit; --format csv has all.
Not covered by any envelope: USD 100,000.00" "" -- R -f mix.json budget --by pillar
t "target mix: 60 columns" 0 "Budget by pillar (USD, whole units)
PILLAR      PLANNED   SHARE  TARGET  ENVELOPE  VARIANCE
strategy    100,000   38.5%   37.5%         -         -
team              0    0.0%   2.25%         -         -
operations        0    0.0%       -         -         -
innovation  160,000   61.5%   55.0%    50,000   -10,000
TOTAL       260,000  100.0%  94.75%    50,000   -10,000
Columns left out to fit; --format csv has all.
Not covered by any envelope: USD 100,000.00" "" -- env COLUMNS=60 "$ROADMAP" -f mix.json budget --by pillar
t "check's mix-off-target gives the share budget shows" 0 "warning mix-off-target       innovation: 61.5% of planned spend against a target of 55% (tolerance 5 points)" "" -- bash -c "$ROADMAP -f mix.json check | grep mix-off-target"

# months: each quarter's planned spend spread by days over its months (a
# from 2026-02-15 to 2026-04-10, 55 days: Q1 holds 45 of them, 81,818.18 of
# the opex, split 14:31 between February and March), so the months of a
# quarter add up to the quarter's figure; no envelope or actual
R -f months.json init 2>/dev/null
R -f months.json add initiative a --title A --start 2026-02-15 --end 2026-04-10 --opex 100k --capex 10k
R -f months.json add initiative b --title B --start 2026-03-01 --end 2026-03-31 --opex 3k
R -f months.json add budget 2026-Q1 50k
R -f months.json actual a 2026-Q1 40k
t "by month" 0 "Budget by month (USD)
MONTH          OPEX      CAPEX     PLANNED
2026-02   25,454.54   2,545.46   28,000.00
2026-03   59,363.64   5,636.36   65,000.00
2026-04   18,181.82   1,818.18   20,000.00
TOTAL    103,000.00  10,000.00  113,000.00
Envelopes and actuals: see budget --by quarter." "" -- R -f months.json budget --by month
t "by month: CSV" 0 "period,opex,capex,total,envelope,covered,variance,uncovered,actual,actual_opex,actual_capex,planned_where_actual,actual_variance,actual_estimated
2026-02,25454.54,2545.46,28000.00,,,,28000.00,,,,,,
2026-03,59363.64,5636.36,65000.00,,,,65000.00,,,,,,
2026-04,18181.82,1818.18,20000.00,,,,20000.00,,,,,,
total,103000.00,10000.00,113000.00,,,,113000.00,,,,,," "" -- R -f months.json budget --by month --format csv
cp "$EXAMPLES/acme/roadmap.json" acme-months.json
t "by month: the months of each quarter add up to the quarter view" 0 "" "" -- /usr/bin/python3 -c '
import collections, json, subprocess, sys
def rows(by):
    return json.loads(subprocess.run([sys.argv[1], "-f", "acme-months.json", "budget", "--by", by, "--format", "json"], capture_output=True, check=True).stdout)
m, q = rows("month"), rows("quarter")
agg = collections.Counter()
for r in m["rows"]:
    y, mo = map(int, r["period"].split("-"))
    agg["%d-Q%d" % (y, (mo - 1) // 3 + 1)] += round(r["total"] * 100)
bad = [r["period"] for r in q["rows"] if round(r["total"] * 100) != agg[r["period"]]]
if bad or m["total"]["total"] != q["total"]["total"] or len(m["rows"]) != 24:
    print(bad, m["total"], len(m["rows"]))
' "$ROADMAP"

# the timeline for scripts: each initiative's planned spend per period,
# the columns adding up to budget's rows
t "timeline --by month --format csv" 0 "id,title,pillar,start,end,critical,2026-02,2026-03,2026-04
a,A,,2026-02-15,2026-04-10,true,28000.00,62000.00,20000.00
b,B,,2026-03-01,2026-03-31,false,,3000.00," "" -- R -f months.json timeline --by month --format csv
t "timeline --format json" 0 '["2026-Q1", "2026-Q2"] [[90000, 20000], [3000, null]]' "" -- \
  /usr/bin/python3 -c 'import json,subprocess,sys; d=json.loads(subprocess.run([sys.argv[1],"-f","months.json","timeline","--format","json"],capture_output=True,check=True).stdout); print(json.dumps(d["periods"]), json.dumps([x["spend"] for x in d["initiatives"]]))' "$ROADMAP"
t "timeline's months add up to budget's months" 0 "" "" -- /usr/bin/python3 -c '
import json, subprocess, sys
def run(*a):
    return json.loads(subprocess.run([sys.argv[1], "-f", "acme-months.json"] + list(a), capture_output=True, check=True).stdout)
t, b = run("timeline", "--by", "month", "--format", "json"), run("budget", "--by", "month", "--format", "json")
sums = [round(sum(x["spend"][k] or 0 for x in t["initiatives"]), 2) for k in range(len(t["periods"]))]
rows = [(r["period"], r["total"]) for r in b["rows"]]
if rows != list(zip(t["periods"], sums)):
    print(rows[:3], list(zip(t["periods"], sums))[:3])
' "$ROADMAP"

echo "1..$n"
[ "$failed" -eq 0 ]
