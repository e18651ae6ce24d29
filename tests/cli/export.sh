#!/bin/bash
# export.sh - CSV tables, JSON, Markdown and the XLSX deck: content, byte
# determinism, the formula guard, no partial files, exit codes.
. "$(dirname "$0")/lib.sh"
cp "$EXAMPLES/acme/roadmap.json" roadmap.json
cp "$DATA/good/small.json" small.json

for t in initiatives goals teams budgets actuals budget findings schedule; do
  g "export-csv-$t" R export --format csv --table "$t"
done
g export-json R export --format json
g export-md R export --format md
g export-small-md R -f small.json export --format md

t "JSON is byte-identical run to run" 0 "" "" -- bash -c "cmp <($ROADMAP export --format json) <($ROADMAP export --format json)"
t "SOURCE_DATE_EPOCH adds a timestamp" 0 '  "generated": "2026-11-01T00:00:00Z",' "" -- bash -c "SOURCE_DATE_EPOCH=1793491200 $ROADMAP export --format json | sed -n 3p"
t "-o writes the file, not stdout" 0 "" "" -- R export --format csv -o out.csv
ok_if "and it holds the CSV" cmp -s out.csv <(R export --format csv)
t "an unknown table" 64 "" "roadmap: export: unknown table 'people' (initiatives, goals, teams, budgets, actuals, budget, findings, schedule, progress or measurements)
usage: roadmap export --format csv|json|xlsx|md|html|ics [--table initiatives|goals|teams|budgets|actuals|budget|findings|schedule|progress|measurements] [-o FILE] [--as-of DATE] [--level] [selection]
(see 'roadmap help export')" -- R export --format csv --table people
t "xlsx needs -o" 64 "" "roadmap: export: an XLSX deck needs -o FILE (-o - writes it to standard output)
usage: roadmap export --format csv|json|xlsx|md|html|ics [--table initiatives|goals|teams|budgets|actuals|budget|findings|schedule|progress|measurements] [-o FILE] [--as-of DATE] [--level] [selection]
(see 'roadmap help export')" -- R export --format xlsx
t "no format" 64 "" "roadmap: export: which format? --format csv, json, xlsx, md, html or ics
usage: roadmap export --format csv|json|xlsx|md|html|ics [--table initiatives|goals|teams|budgets|actuals|budget|findings|schedule|progress|measurements] [-o FILE] [--as-of DATE] [--level] [selection]
(see 'roadmap help export')" -- R export
t "an output in a missing directory is 73" 73 "" "roadmap: nowhere/out.csv: cannot create: No such file or directory" -- R export --format csv -o nowhere/out.csv
t "a full disk is 74" 74 "" "roadmap: /dev/full: cannot write: No space left on device" -- R export --format csv -o /dev/full
t "xlsx to a full disk is 74" 74 "" "roadmap: /dev/full: cannot write: No space left on device" -- R export --format xlsx -o /dev/full
cp roadmap.json keep.json
echo "old contents" > deck.xlsx
chmod 444 deck.xlsx
mkdir -p ro && chmod 555 ro
if [ "$(id -u)" != 0 ]; then
  t "an unwritable directory is 73, old file kept" 73 "" "roadmap: ro/deck.xlsx: cannot create: Permission denied" -- R export --format xlsx -o ro/deck.xlsx
fi
chmod 644 deck.xlsx

# the deck
t "xlsx to a file" 0 "" "roadmap: wrote the board deck to deck.xlsx" -- R export --format xlsx -o deck.xlsx
ok_if "no temporary files are left" test -z "$(ls -A | grep roadmap-deck)"
t "xlsx -o - to a pipe" 0 "" "" -- bash -c "$ROADMAP export --format xlsx -o - > piped.xlsx"
ok_if "the piped deck is the same bytes" cmp -s deck.xlsx piped.xlsx
ok_if "the deck is byte-identical run to run" bash -c "$ROADMAP export --format xlsx -o deck2.xlsx 2>/dev/null && cmp -s deck.xlsx deck2.xlsx"
R budget --format json > budget.json
tap_from deck /usr/bin/python3 "$here/xlsx_check.py" deck.xlsx budget.json "Acme technology roadmap 2026-2027"
# one palette: each pillar's bars on the deck's Timeline are the colour of
# its swatch on the page
R export --format html -o page.html 2>/dev/null
t "the deck and the page give each pillar one colour" 0 "innovation CC79A7 CC79A7
operations 009E73 009E73
strategy 0072B2 0072B2
team E69F00 E69F00" "" -- /usr/bin/python3 -c '
import openpyxl, re
ws = openpyxl.load_workbook("deck.xlsx")["Timeline"]
deck = {}
for r in ws.iter_rows(min_row=2):
    fills = [c.fill.fgColor.rgb[-6:] for c in r[4:] if c.fill.fill_type == "solid"
             and c.value != "critical"]
    if r[2].value and fills:
        deck.setdefault(r[2].value, set()).update(fills)
page = dict((n, c) for c, n in re.findall(
    r"<span class=\"swatch\" style=\"background:#([0-9A-F]{6})\"></span>([a-z]+)</li>",
    open("page.html").read()))
for k in sorted(deck):
    print(k, " ".join(sorted(deck[k])), page.get(k))'
R -f small.json export --format xlsx -o small.xlsx 2>/dev/null
R -f small.json budget --format json > small-budget.json
tap_from "small deck" /usr/bin/python3 "$here/xlsx_check.py" small.xlsx small-budget.json "Small roadmap"
# a quarter just under its envelope (within the mark's thickness, 1/150 of
# the tallest column) is not hatched as over it; one over is, by exactly
# its overrun
printf '{"format":1,"name":"Near","initiatives":[{"id":"a","title":"A","start":"2026-01-01","end":"2026-03-31","opex":1000000},{"id":"b","title":"B","start":"2026-04-01","end":"2026-06-30","opex":1495000},{"id":"c","title":"C","start":"2026-07-01","end":"2026-09-30","opex":1600000}],"budgets":[{"period":"2026-Q1","amount":1500000},{"period":"2026-Q2","amount":1500000},{"period":"2026-Q3","amount":1500000}]}' > near.json
R -f near.json export --format xlsx -o near.xlsx 2>/dev/null
R -f near.json budget --format json > near-budget.json
tap_from "near deck" /usr/bin/python3 "$here/xlsx_check.py" near.xlsx near-budget.json "Near"
t "the deck's findings are the day's, as the Markdown's (a roadmap that tracks)" 0 \
  "$(R export --format md | grep -o '^| [a-z]* | [a-z-]* |' | sort | uniq -c)" "" -- \
  /usr/bin/python3 -c "
import collections, openpyxl
ws = openpyxl.load_workbook('deck.xlsx')['Findings']
c = collections.Counter('| %s | %s |' % (r[0], r[1]) for r in
                        ws.iter_rows(min_row=2, values_only=True) if r[0])
for k in sorted(c):
    print('%7d %s' % (c[k], k))"
ok_if "the example's deck has a Forecast sheet (it has estimates)" \
  /usr/bin/python3 -c 'import openpyxl, sys; sys.exit("Forecast" not in openpyxl.load_workbook("deck.xlsx").sheetnames)'
ok_if "a deck without estimates has none" \
  /usr/bin/python3 -c 'import openpyxl, sys; sys.exit("Forecast" in openpyxl.load_workbook("small.xlsx").sheetnames)'

# one headline envelope in every export: the year view's total, where a
# fiscal year's envelope (4,550,000) and its quarters' (4 x 1,140,000)
# disagree, plus a quarter of a year that has no envelope of its own
cat > head.json <<'JSON'
{"format": 1, "pillars": ["x"], "goals": [{"id": "g", "title": "G"}],
 "initiatives": [{"id": "a", "title": "A", "goals": ["g"], "pillar": "x",
                  "start": "2027-10-01", "end": "2028-06-30", "opex": 3000000}],
 "budgets": [{"period": "2027-Q4", "amount": 1000000},
             {"period": "2028-Q1", "amount": 1140000}, {"period": "2028-Q2", "amount": 1140000},
             {"period": "2028-Q3", "amount": 1140000}, {"period": "2028-Q4", "amount": 1140000},
             {"period": "FY2028", "amount": 4550000},
             {"period": "FY2028", "pillar": "x", "amount": 4000000}]}
JSON
R -f head.json export --format md > head.md
R -f head.json export --format html -o head.html
R -f head.json export --format xlsx -o head.xlsx 2>/dev/null
R -f head.json budget --by year --format json > head-year.json
t "the headline envelope and its variance: the year view's, in every export" 0 \
  "budget --by year: 5550000.00 2550000.00
markdown: 5550000.00 2550000.00
html: 5550000.00 2550000.00
deck: 5550000.00 2550000.00" "" -- /usr/bin/python3 -c '
import json, re, lxml.html, openpyxl
t = json.load(open("head-year.json"))["total"]
print("budget --by year: %.2f %.2f" % (t["envelope"], t["variance"]))
md = open("head.md").read()
def md_fig(label):
    return re.search(r"^\| %s \| ([0-9,.-]+) \|$" % re.escape(label), md, re.M).group(1).replace(",", "")
print("markdown:", md_fig("Envelopes (all pillars, by fiscal year)"),
      md_fig("Variance (envelopes - planned inside them)"))
doc = lxml.html.fromstring(open("head.html", "rb").read())
def card(label):
    dt = [d for d in doc.iter("dt") if d.text_content() == label][0]
    return dt.getnext().get("data-value")
print("html:", card("Envelopes (all pillars, by fiscal year)"),
      card("Variance (envelopes - planned inside)"))
ws = openpyxl.load_workbook("head.xlsx")["Summary"]
figs = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r and r[0]}
print("deck: %.2f %.2f" % (figs["Envelopes (all pillars, by fiscal year)"],
                           figs["Variance (envelopes - planned inside)"]))'

probe() { (failed=0; tap_from probe "$@" > /dev/null; [ "$failed" -gt 0 ]); }
passes() { (failed=0; tap_from probe "$@" > /dev/null; [ "$failed" = 0 ]); }
ok_if "tap_from fails a reader that dies after an ok" probe /usr/bin/python3 -c 'print("ok 1 - x"); print("1..1"); raise SystemExit(3)'
ok_if "tap_from fails a reader that prints nothing" probe /usr/bin/python3 -c 'pass'
ok_if "tap_from fails a plan that does not match" probe /usr/bin/python3 -c 'print("ok 1 - x"); print("1..2")'
ok_if "tap_from passes a good reader" passes /usr/bin/python3 -c 'print("ok 1 - x"); print("1..1")'
ok_if "a title like =HYPERLINK(...) stays text in the deck" /usr/bin/python3 -c "
import openpyxl
ws = openpyxl.load_workbook('small.xlsx')['Initiatives']
c = [r for r in ws.iter_rows() if r[0].value == 'old-crm'][0][1]
assert c.data_type == 's' and c.value == '=HYPERLINK(\"http://x\")', (c.data_type, c.value)
"
if command -v libreoffice >/dev/null 2>&1; then
  ok_if "LibreOffice converts the deck to PDF" bash -c "timeout 180 libreoffice --headless --convert-to pdf deck.xlsx --outdir pdf >/dev/null 2>&1 && test -s pdf/deck.pdf"
fi
finish
