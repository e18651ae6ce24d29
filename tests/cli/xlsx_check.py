#!/usr/bin/python3
"""xlsx_check.py DECK BUDGET_JSON TITLE - reads the board deck back with an
independent reader (openpyxl) and checks what SPEC 9 promises: the sheets in
order, money as numbers, formulas whose cached values equal `roadmap budget
--format json`, two charts on Summary, and text that never became a formula.
Prints TAP."""
import json
import sys

import openpyxl

deck, budget_path, title = sys.argv[1], sys.argv[2], sys.argv[3]
n = 0
failed = 0


def ok(cond, name):
    global n, failed
    n += 1
    if not cond:
        failed += 1
    print(("ok" if cond else "not ok"), n, "-", name)


wb = openpyxl.load_workbook(deck)               # formulas
wv = openpyxl.load_workbook(deck, data_only=True)  # cached values
budget = json.load(open(budget_path))

ok(wb.sheetnames == ["Summary", "Goals", "Initiatives", "Budget",
                     "Timeline", "Findings"], "six sheets in order")
ok(wb.properties.title == title, "document title is the roadmap's name")
ok(len(wb["Summary"]._charts) == 2, "two charts on Summary")
kinds = sorted(type(c).__name__ for c in wb["Summary"]._charts)
ok(kinds == ["BarChart", "DoughnutChart"], "a column chart and a doughnut")
bar = [c for c in wb["Summary"]._charts if type(c).__name__ == "BarChart"][0]
ok(bar.grouping == "stacked", "spend per quarter is stacked by pillar")

# Budget: quarter rows and the total, formulas with their values
fb, vb = wb["Budget"], wv["Budget"]
rows = budget["rows"]
ok(fb.max_row == len(rows) + 2, "one Budget row per quarter plus header and total")
keys = ["opex", "capex", "total", "envelope", "variance", "actual",
        "actual_variance"]
same = True
for i, r in enumerate(rows):
    got = [vb.cell(i + 2, c + 2).value for c in range(7)]
    want = [r[k] for k in keys]
    if vb.cell(i + 2, 1).value != r["period"]:
        same = False
    for g, w in zip(got, want):
        if (w is None) != (g is None) or (w is not None and abs(g - w) > 0.001):
            same = False
ok(same, "every Budget row equals `budget --format json`")
t = budget["total"]
tot = [vb.cell(len(rows) + 2, c + 2).value for c in range(7)]
ok(all(abs(g - (t[k] or 0)) < 0.001 for g, k in zip(tot, keys)),
   "the total row's cached values equal the JSON totals")
formulas = [fb.cell(len(rows) + 2, c + 2).value for c in range(7)]
ok(all(isinstance(f, str) and f.startswith("=SUM(") for f in formulas)
   or len(rows) == 0, "the total row is SUM formulas")
ok(all(fb.cell(i + 2, 4).value == "=B%d+C%d" % (i + 2, i + 2)
       for i in range(len(rows))), "planned is a formula of opex + capex")
money_numeric = all(isinstance(vb.cell(i + 2, 2).value, (int, float))
                    for i in range(len(rows)))
ok(money_numeric, "money cells are numbers")
fmt = fb.cell(2, 2).number_format if rows else "#,##0.00"
ok("0.00" in fmt, "money cells have a currency number format: " + fmt)
cf = fb.conditional_formatting
ok(len(list(cf)) >= 1, "negative variance has conditional formatting")

# no text cell is a formula: every formula is one the deck writes itself
ours = ("=SUM(", "=IF(SUM(", "=MAX(0,", "=B", "=E", "=J")
stray = []
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.data_type == "f" and not str(c.value).startswith(ours):
                stray.append((ws.title, c.coordinate, c.value))
ok(not stray, "no text became a formula %s" % stray[:3])

fi = wb["Initiatives"]
ok(fi.freeze_panes == "A2", "Initiatives header row frozen")
ok(fi.page_setup.orientation == "landscape", "landscape for printing")
ok(fi.sheet_properties.pageSetUpPr.fitToPage, "fit to width for printing")
ok(fi.cell(2, 8).is_date, "dates are dates")
ok(fi.column_dimensions["B"].width > 20, "columns are sized")
print("1..%d" % n)
sys.exit(1 if failed else 0)
