#!/bin/bash
# select.sh - one selection of initiatives on every report (roadmap(1),
# SELECTIONS): a report of a selection is the report of a roadmap holding
# only the selected initiatives and the envelopes whose scope lies inside
# the selection (checked against such a file made independently, in
# Python), check's findings about selected initiatives, the exports naming
# the selection, and the options declared once.
. "$(dirname "$0")/lib.sh"

cp "$EXAMPLES/acme/roadmap.json" acme.json
# only(PILLARS, STATUSES, KEEP_PILLAR_ENVELOPES): the file a selection
# stands for, written by hand from the JSON
only() {
  /usr/bin/python3 - "$@" <<'EOF'
import json, sys
pillars, statuses, keep = sys.argv[1], sys.argv[2], sys.argv[3] == "yes"
doc = json.load(open("acme.json"))
def picked(i):
    return ((not pillars or i.get("pillar") in pillars.split(",")) and
            (not statuses or i.get("status", "proposed") in statuses.split(",")))
inits = [i for i in doc["initiatives"] if picked(i)]
ids = {i["id"] for i in inits}
for i in inits:
    if "depends_on" in i:
        i["depends_on"] = [d for d in i["depends_on"] if d in ids]
        if not i["depends_on"]:
            del i["depends_on"]
doc["initiatives"] = inits
# the goals the selected initiatives serve
served = {g for i in inits for g in i.get("goals", [])}
doc["goals"] = [g for g in doc["goals"] if g["id"] in served]
doc["budgets"] = [b for b in doc["budgets"]
                  if keep and b.get("pillar") in pillars.split(",")]
if not doc["budgets"]:
    del doc["budgets"]
json.dump(doc, open("only.json", "w"), indent=2)
EOF
}
only innovation "" yes
for what in "budget --format json" "budget --by pillar --format json" "budget --by year --format json" \
  "schedule --format json" "status --as-of 2026-Q2 --format json" "timeline --ascii" \
  "forecast --trials 500 --format json" "export --format csv --table budget"; do
  same "--pillar innovation: $what is that of a roadmap of its initiatives, goals and envelopes" \
    "$ROADMAP -f acme.json $what --pillar innovation" "$ROADMAP -f only.json $what"
done
only "" active,approved no
for what in "budget --format json" "budget --by team --format json" "schedule --format csv"; do
  same "--status active,approved: $what is that of its initiatives, no envelope" \
    "$ROADMAP -f acme.json $what --status active --status approved" "$ROADMAP -f only.json $what"
done
only operations,innovation "" yes
ok_if "--pillar a --pillar b is --pillar a,b" \
  cmp <(R -f acme.json budget --by pillar --format json --pillar operations --pillar innovation) \
  <(R -f acme.json budget --by pillar --format json --pillar operations,innovation)

# under a selection by one pillar alone, that pillar's envelopes bound all
# the selected spend: the quarter and year views compare them where the
# all-pillar ones (outside the selection) would be
t "the pillar's year envelope is compared in the year view, the all-pillar ones are not" 0 "Budget by year (USD, whole units)
YEAR      PLANNED   ENVELOPE  VARIANCE  UNCOVERED   ACTUAL  ACT. VAR.
FY2026  1,031,460  1,200,000   168,540          0  205,000     -6,105
FY2027    588,540          -         -    588,540        -          -
TOTAL   1,620,000  1,200,000   168,540    588,540  205,000     -6,105
Columns left out to fit; --format csv has all.
Not covered by any envelope: USD 588,540.15" "" -- R -f acme.json budget --by year --pillar innovation
t "two pillars: neither's envelope bounds the selection, none is compared by year" 0 "Budget by year (USD)
YEAR         PLANNED  ENVELOPE  VARIANCE     UNCOVERED      ACTUAL   ACT. VAR.
FY2026  3,312,778.53         -         -  3,312,778.53  904,000.00  -21,102.78
FY2027  1,257,221.47         -         -  1,257,221.47           -           -
TOTAL   4,570,000.00         -         -  4,570,000.00  904,000.00  -21,102.78
Columns left out to fit; --format csv has all.
Not covered by any envelope: USD 1,257,221.47
UNCOVERED counts each row's own envelopes only: USD 3,312,778.53 of it falls in quarters that other envelopes span" "" -- R -f acme.json budget --by year --pillar innovation,operations
cat > pq.json <<'JSON'
{
  "format": 1,
  "name": "Sel",
  "fiscal_year_start": 10,
  "pillars": ["run", "grow", "secure"],
  "goals": [{"id": "g1", "title": "Goal one"}],
  "initiatives": [
    {"id": "s1", "title": "Secure one", "goals": ["g1"], "pillar": "secure", "start": "2026-10-01", "end": "2027-03-31", "opex": 100000, "capex": 50000},
    {"id": "s2", "title": "Secure two", "goals": ["g1"], "pillar": "secure", "start": "2027-01-15", "end": "2027-09-30", "opex": 33333.33},
    {"id": "r1", "title": "Run one", "goals": ["g1"], "pillar": "run", "start": "2026-11-01", "end": "2027-12-31", "opex": 900000}
  ],
  "budgets": [
    {"period": "2027-Q1", "amount": 300000},
    {"period": "2027-Q2", "pillar": "secure", "amount": 100000},
    {"period": "FY2027", "pillar": "secure", "amount": 150000},
    {"period": "FY2027", "amount": 1000000}
  ]
}
JSON
t "--pillar: the quarter rows compare the pillar's quarter envelopes" 0 "period,total,envelope,covered,variance,uncovered
2027-Q1,75824.18,,,,75824.18
2027-Q2,83957.03,100000.00,83957.03,16042.97,0.00
2027-Q3,11711.71,,,,11711.71
2027-Q4,11840.41,,,,11840.41
total,183333.33,100000.00,83957.03,16042.97,99376.30" "" -- \
  bash -c "$ROADMAP -f pq.json budget --pillar secure --format csv | cut -d, -f1,4-8"
t "--pillar --by year: the year rows compare its year envelopes (check's overrun)" 0 "period,total,envelope,covered,variance,uncovered
FY2027,183333.33,150000.00,183333.33,-33333.33,0.00
total,183333.33,150000.00,183333.33,-33333.33,0.00" "" -- \
  bash -c "$ROADMAP -f pq.json budget --by year --pillar secure --format csv | cut -d, -f1,4-8"
t "the exports' headline names the pillar whose envelopes it sums" 0 "| Envelopes (secure, by fiscal year) | 150,000.00 |
| Variance (envelopes - planned inside them) | -33,333.33 |" "" -- \
  bash -c "$ROADMAP -f pq.json export --format md --pillar secure | grep -F -e '| Envelopes (' -e '| Variance ('"
cat > total.py <<'PY'
import json, sys
t = json.load(sys.stdin)["budget"]["total"]
print(t["envelope"], t["covered"], t["variance"])
PY
t "the JSON export's budget compares it" 0 "100000 83957.03 16042.97" "" -- \
  bash -c "$ROADMAP -f pq.json export --format json --pillar secure | /usr/bin/python3 total.py"
ok_if "the page's headline names it" bash -c "$ROADMAP -f pq.json export --format html --pillar secure | grep -qF 'Envelopes (secure, by fiscal year)</dt><dd data-value=\"150000.00\">'"
R -f pq.json export --format xlsx --pillar secure -o pq.xlsx 2>/dev/null
t "the deck's headline names it" 0 "('Envelopes (secure, by fiscal year)', 150000)" "" -- \
  /usr/bin/python3 -c 'import openpyxl; print(*[r[:2] for r in openpyxl.load_workbook("pq.xlsx")["Summary"].iter_rows(values_only=True) if str(r[0]).startswith("Envelopes (")])'
t "without a selection the headline is the all-pillar envelopes'" 0 "| Envelopes (all pillars, by fiscal year) | 1,000,000.00 |" "" -- \
  bash -c "$ROADMAP -f pq.json export --format md | grep -F '| Envelopes ('"
t "a pillar's envelope is compared under --pillar" 0 "innovation,1120000.00,500000.00,1620000.00,1200000.00,1031459.85,168540.15,588540.15,205000.00,133250.00,71750.00,198895.03,-6104.97,true,100.0," "" -- \
  bash -c "$ROADMAP -f acme.json budget --by pillar --format csv --pillar innovation | grep '^innovation'"

# check: the whole roadmap is checked, the findings about selected
# initiatives reported (a finding about one of them and one outside, such
# as a dependency, is kept)
t "check of a selection" 0 "warning goal-deadline        edge-compute: ends 2027-12-31, after goal \"reliability\" is due (2026-12-31)
warning owner-overload       Dana Kim: owns 5 open initiatives; the policy allows 3
warning owner-overload       Lena Vogel: owns 4 open initiatives; the policy allows 3
0 errors, 3 warnings, 0 infos" "" -- R -f acme.json check --pillar innovation
t "check --format json of a selection counts its findings" 0 "0 3" "" -- \
  bash -c "$ROADMAP -f acme.json check --pillar innovation --format json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[\"errors\"], d[\"warnings\"])'"
t "--id" 0 "recs-engine" "" -- bash -c "$ROADMAP -f acme.json schedule --format csv --id recs-engine | tail -n +2 | cut -d, -f1"
t "an unknown status" 64 "" "roadmap: forecast: unknown status 'started' (proposed, approved, active, done, cancelled, deferred)
usage: roadmap forecast [--trials N] [--seed S] [--as-of DATE] [--format table|csv|json] [selection]
(see 'roadmap help forecast')" -- R -f acme.json forecast --status started
t "schedule --apply takes no selection" 64 "" "roadmap: schedule: --apply moves the whole roadmap: it takes no selection
usage: roadmap schedule [--format table|csv|json] [--apply] [--level] [--as-of DATE] [--pin ID] [--horizon WEEKS] [selection]
(see 'roadmap help schedule')" -- R -f acme.json schedule --apply --pillar innovation

# the exports name the selection
t "Markdown names the selection" 0 "Selection: status = active; pillar = innovation, operations." "" -- \
  bash -c "$ROADMAP -f acme.json export --format md --status active --pillar innovation,operations | sed -n 3p"
t "JSON names the selection" 0 "status = active; pillar = innovation, operations" "" -- \
  bash -c "$ROADMAP -f acme.json export --format json --status active --pillar innovation,operations | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[\"selection\"])'"
ok_if "the page names the selection" bash -c "$ROADMAP -f acme.json export --format html --pillar innovation | grep -q '<p>Selection: pillar = innovation</p>'"
R -f acme.json export --format xlsx --pillar innovation -o sel.xlsx 2>/dev/null
t "the deck names the selection" 0 "Board deck: headline figures. Selection: pillar = innovation" "" -- \
  /usr/bin/python3 -c 'import openpyxl; print(openpyxl.load_workbook("sel.xlsx")["Summary"]["A2"].value)'
t "the deck's line naming it wraps left of the chart, never behind it" 0 "A2:B3 True" "" -- \
  /usr/bin/python3 -c 'import openpyxl; ws = openpyxl.load_workbook("sel.xlsx")["Summary"]; print(*[str(m) for m in ws.merged_cells.ranges if "A2" in m], ws["A2"].alignment.wrap_text)'
t "the page's and the deck's titles name it too (a tab, a printed PDF, a file list)" 0 \
  "<title>Acme technology roadmap 2026-2027 (selection: pillar = innovation)</title>
Acme technology roadmap 2026-2027 (selection: pillar = innovation)" "" -- \
  bash -c "$ROADMAP -f acme.json export --format html --pillar innovation | grep -o '<title>[^<]*</title>' | head -1
/usr/bin/python3 -c 'import openpyxl; print(openpyxl.load_workbook(\"sel.xlsx\").properties.title)'"
t "the spend chart of a selection no envelope lies in claims none, and marks none" 0 \
  "<figcaption>No quarter's envelope lies inside the selection: none is compared.</figcaption>
0" "" -- bash -c "$ROADMAP -f acme.json export --format html --pillar innovation > sel.html
grep -o '<figcaption>No quarter[^<]*</figcaption>' sel.html; grep -c 'over the envelope' sel.html || true"
# the deck's chart: no envelope marks named in its title or legend (the
# legend's names: a series' own name, or the cell its name refers to)
cat > legend.py <<'PY'
import re, sys, zipfile, openpyxl
z = zipfile.ZipFile(sys.argv[1])
ws = openpyxl.load_workbook(sys.argv[1])["Summary"]
xml = next(z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/") and b"barChart" in z.read(n))
title = "".join(re.findall(r"<a:t>([^<]*)</a:t>", xml.split("</c:title>")[0]))
gone = {int(i) for i in re.findall(r'<c:legendEntry><c:idx val="(\d+)"/><c:delete val="1"/>', xml)}
names = []
for k, ser in enumerate(re.findall(r"<c:ser>(.*?)</c:ser>", xml, re.S)):
    tx = re.search(r"<c:tx>(.*?)</c:tx>", ser, re.S).group(1)
    v = re.search(r"<c:v>([^<]*)</c:v>", tx)
    name = v.group(1) if v else ws[re.search(r"!\$?([A-Z]+)\$?(\d+)", tx).expand(r"\1\2")].value
    if k not in gone:
        names.append(name)
print(title)
print("legend: " + ", ".join(n for n in names if "nvelope" in n))
PY
t "the deck's spend chart of that selection names no envelope" 0 "Planned spend per quarter by pillar (USD)
legend: " "" -- /usr/bin/python3 legend.py sel.xlsx
R -f acme.json export --format xlsx -o all.xlsx 2>/dev/null
t "the whole roadmap's chart names its envelope marks" 0 "Planned spend per quarter by pillar, envelopes marked (USD)
legend: Envelope, Over the envelope" "" -- /usr/bin/python3 legend.py all.xlsx
# an export of a selection lists check's findings of that selection: the
# whole roadmap checked, the findings about the selected work (not what a
# roadmap without the rest, its all-pillar envelopes gone, would break)
t "the findings an export of a selection lists are check's of it" 0 "$(R -f acme.json check --pillar innovation --as-of 2026-10-15 --format json | /usr/bin/python3 -c 'import json,sys; print(sorted((f["code"], f["subject"]) for f in json.load(sys.stdin)["findings"]))')" "" -- \
  bash -c "'$ROADMAP' -f acme.json export --format csv --table findings --pillar innovation --as-of 2026-10-15 | /usr/bin/python3 -c 'import csv,sys; print(sorted((r[\"code\"], r[\"subject\"]) for r in csv.DictReader(sys.stdin)))'"
# a pillar's envelope over its amount is a finding about a selection of
# that pillar, and of no other
R -f pe.json init --name PE 2>/dev/null
R -f pe.json add goal g --title G >/dev/null
R -f pe.json add initiative a --title A --start 2026-Q1 --end 2026-Q4 --opex 5k --pillar strategy --goal g
R -f pe.json add initiative b --title B --start 2026-Q1 --end 2026-Q4 --opex 5k --pillar team --goal g
R -f pe.json add budget FY2026/strategy 1k
R -f pe.json add budget FY2026 100k
t "check --pillar: the pillar's envelope overrun" 1 "error   budget-overrun       FY2026/strategy: planned USD 5,000.00 exceeds the envelope of USD 1,000.00 by USD 4,000.00
1 error, 0 warnings, 0 infos" "" -- R -f pe.json check --pillar strategy
t "check of another pillar: not its finding" 0 "0 errors, 0 warnings, 0 infos" "" -- R -f pe.json check --pillar team
t "the export of the selection lists it" 0 "error,budget-overrun,FY2026/strategy" "" -- \
  bash -c "'$ROADMAP' -f pe.json export --format csv --table findings --pillar strategy | tail -n +2 | cut -d, -f1-3"
ok_if "without a selection nothing is named" bash -c "! $ROADMAP -f acme.json export --format md | grep -q Selection"

# a selection that names an initiative or goal the roadmap does not hold
# is refused (a typo would select nothing, and read as no spend)
cp acme.json before.json
t "an unknown id" 65 "" 'roadmap: --id: no initiative "nope"' -- R -f acme.json budget --id soc2-controls,nope
t "an unknown goal" 65 "" 'roadmap: --goal: no goal "retentio" (did you mean "retention"?)' -- R -f acme.json status --goal retentio
t "list: an unknown id" 65 "" 'roadmap: --id: no initiative "nope"' -- R -f acme.json list --id nope
t "check: an unknown goal" 65 "" 'roadmap: --goal: no goal "nope"' -- R -f acme.json check --goal nope
t "export: an unknown id" 65 "" 'roadmap: --id: no initiative "x"' -- R -f acme.json export --format md --id x
t "a likely typo of an id: the one meant" 65 "" 'roadmap: --id: no initiative "soc2-control" (did you mean "soc2-controls"?)' -- R -f acme.json list --id soc2-control
t "a prefix of an id: the first it begins, never one far from it" 65 "" 'roadmap: --id: no initiative "soc" (did you mean "soc2-controls"?)' -- R -f acme.json list --id soc
t "a known id and goal select" 0 "soc2-controls" "" -- bash -c "'$ROADMAP' -f acme.json list --id soc2-controls --goal compliance --format csv | tail -n +2 | cut -d, -f1"
ok_if "the roadmap is untouched" cmp -s before.json acme.json
# names are checked against the roadmap, not the baseline narrowed alike:
# work added since the baseline is new there, not unknown
/usr/bin/python3 - <<'PY'
import json
doc = json.load(open("acme.json"))
doc["initiatives"] = [i for i in doc["initiatives"] if i["id"] != "soc2-controls"]
json.dump(doc, open("older.json", "w"))
PY
t "status --baseline: an id the baseline lacks is new there (no slip, no BAC change)" 0 "soc2-controls,," "" -- \
  bash -c "set -o pipefail; '$ROADMAP' -f acme.json status --baseline older.json --id soc2-controls --format csv | tail -n +2 | cut -d, -f1,15,16"
t "status --baseline: an id neither holds is refused" 65 "" 'roadmap: --id: no initiative "nope"' -- \
  R -f acme.json status --baseline older.json --id nope
finish
