#!/usr/bin/python3
"""xlsx_check.py DECK BUDGET_JSON TITLE - reads the board deck back with an
independent reader (openpyxl) and checks what roadmap(1), export promises: the sheets in
order, money as numbers, formulas whose cached values equal `roadmap budget
--format json`, two charts on Summary, and text that never became a formula.
Prints TAP."""
import math
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

base = ["Summary", "Goals", "Initiatives", "Budget", "Capitalization",
        "Timeline", "Findings"]
ok(wb.sheetnames in (base, base + ["Forecast"]),
   "seven sheets in order (an eighth, Forecast, with estimates)")
if "Forecast" in wb.sheetnames:
    fc = wb["Forecast"]
    ok([c.value for c in fc[1]] == ["Initiative", "Title", "Planned end",
                                    "P50", "P80", "P95", "On time"],
       "the Forecast sheet's columns")
    rows = [r for r in fc.iter_rows(min_row=2, values_only=True)
            if r[3] is not None]
    ok(rows and all(r[3] <= r[4] <= r[5] and 0 <= r[6] <= 1 for r in rows),
       "every forecast has P50 <= P80 <= P95 and an on-time share")
ok(wb.properties.title == title, "document title is the roadmap's name")
# a heading is one line: its column is at least as wide as its text
narrow = []
for name in ("Goals", "Initiatives"):
    ws = wb[name]
    for cell in ws[1]:
        width = ws.column_dimensions[cell.column_letter].width
        if isinstance(cell.value, str) and width < len(cell.value):
            narrow.append((name, cell.value, width))
ok(not narrow, "every Goals and Initiatives heading fits its column %s" % narrow[:3])
# the headings of figures stand over them, right-aligned, so that two
# neighbouring headings never read as one
# (a column of figures: the cells under its heading, to the table's end,
# hold numbers and no text)
def navy(c):
    return c.fill.fgColor.rgb in ("FF1F3864", "001F3864")


def under(ws, c):
    out = []
    for r in range(c.row + 1, ws.max_row + 1):
        v = ws.cell(r, c.column).value
        if v is None and ws.cell(r, 1).value is None:
            break
        out.append(v)
    return out


def figures(vals):
    return (any(isinstance(v, (int, float)) and not isinstance(v, bool)
                for v in vals)
            and not any(isinstance(v, str) and not v.startswith("=")
                        for v in vals))


heads = [(ws, c) for ws in wv.worksheets if ws.title != "Timeline"
         for row in ws.iter_rows() for c in row
         if navy(c) and isinstance(c.value, str)]
left = [(ws.title, c.value) for ws, c in heads
        if figures(under(ws, c)) and c.alignment.horizontal != "right"]
ok(heads and not left, "every heading over figures, on every sheet, is "
   "right-aligned %s" % left[:3])
right = [(ws.title, c.value) for ws, c in heads
         if any(isinstance(v, str) and not v.startswith("=")
                for v in under(ws, c))
         and c.alignment.horizontal == "right"
         and ws.title not in ("Budget", "Capitalization", "Scenarios")]
ok(not right, "no heading over text is right-aligned %s" % right[:3])
# on Goals and Initiatives, text right of a column of figures is indented,
# as is its heading, and every cell stands at the top of its row
for name in ("Goals", "Initiatives"):
    ws = wv[name]
    cols = {c.column: figures(under(ws, c)) for c in ws[1]}
    bad = [(c.value, c.coordinate) for row in ws.iter_rows(min_row=1)
           for c in row if c.column > 1 and cols.get(c.column - 1)
           and not cols.get(c.column) and isinstance(c.value, str)
           and not (c.alignment.indent or 0) >= 1]
    ok(not bad, "%s: text beside figures is indented %s" % (name, bad[:3]))
    low = [c.coordinate for row in ws.iter_rows(min_row=2) for c in row
           if c.value is not None and c.alignment.vertical != "top"]
    ok(not low, "%s: every cell at the top of its row %s" % (name, low[:3]))
# a word beside a right-aligned figure is indented (slack, then critical)
wi = wb["Initiatives"]
crit = [c.column for c in wi[1] if c.value == "Critical"]
ok(crit and all((wi.cell(r, crit[0]).alignment.indent or 0) >= 1
                for r in range(2, wi.max_row + 1)
                if wi.cell(r, crit[0]).value in ("yes", "no")),
   "the Critical words are indented from the slack beside them")
ok(len(wb["Summary"]._charts) == 2, "two charts on Summary")
kinds = sorted(type(c).__name__ for c in wb["Summary"]._charts)
ok(kinds == ["BarChart", "DoughnutChart"], "a column chart and a doughnut")
bar = [c for c in wb["Summary"]._charts if type(c).__name__ == "BarChart"][0]
ok(bar.grouping == "stacked", "spend per quarter is stacked by pillar")
# its axis: round ticks (1, 2, 2.5, 5 x 10^n), at most six, ending at the
# first tick at or above the tallest column (max of planned and envelope)
peak = max([max(r["total"], r["envelope"] or 0) for r in budget["rows"]] + [0.01])
ya = bar.y_axis
unit, top = ya.majorUnit, ya.scaling.max
mant = unit / 10 ** math.floor(math.log10(unit)) if unit else 0
ok(ya.scaling.min == 0 and unit and top and
   any(abs(mant - m) < 1e-9 for m in (1, 2, 2.5, 5)) and
   abs(top / unit - round(top / unit)) < 1e-9 and top / unit <= 6 and
   top >= peak - 1e-9 and top - unit < peak,
   "the spend axis has round ticks ending at the first above the tallest "
   "column (%s, %s, peak %s)" % (unit, top, peak))

# Budget: quarter rows and the total, formulas with their values
fb, vb = wb["Budget"], wv["Budget"]
rows = budget["rows"]
# the table ends at the first empty row (notes may follow it)
end = next(r for r in range(1, fb.max_row + 2) if fb.cell(r, 1).value is None)
ok(end - 1 == len(rows) + 2, "one Budget row per quarter plus header and total")
keys = ["opex", "capex", "total", "envelope", "covered", "variance",
        "uncovered", "actual", "actual_opex", "actual_capex",
        "planned_where_actual", "actual_variance"]
K = len(keys)
same = True
for i, r in enumerate(rows):
    got = [vb.cell(i + 2, c + 2).value for c in range(K)]
    want = [r[k] for k in keys]
    if vb.cell(i + 2, 1).value != r["period"]:
        same = False
    for g, w in zip(got, want):
        if (w is None) != (g is None) or (w is not None and abs(g - w) > 0.001):
            same = False
ok(same, "every Budget row equals `budget --format json`")
t = budget["total"]
tot = [vb.cell(len(rows) + 2, c + 2).value for c in range(K)]
ok(all((t[k] is None and g is None) or
       (t[k] is not None and g is not None and abs(g - t[k]) < 0.001)
       for g, k in zip(tot, keys)),
   "the total row's cached values equal the JSON totals")
formulas = [fb.cell(len(rows) + 2, c + 2).value for c in range(K)]
ok(all((t[k] is None and f is None) or
       (isinstance(f, str) and f.startswith("=SUM("))
       for f, k in zip(formulas, keys)) or len(rows) == 0,
   "the total row is SUM formulas, empty where every row is")
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
ours = ("=SUM(", "=IF(SUM(", "=B", "=D", "=E", "=J", "=L")
stray = []
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.data_type == "f" and not str(c.value).startswith(ours):
                stray.append((ws.title, c.coordinate, c.value))
ok(not stray, "no text became a formula %s" % stray[:3])

# Summary: every quarter with an envelope draws it on the chart
fs = wv["Summary"]
col_a = [fs.cell(r, 1).value for r in range(1, fs.max_row + 1)]
top = col_a.index("Chart data: how each quarter's column is drawn") + 2
head = [fs.cell(top, c).value for c in range(1, fs.max_column + 1)]
env_col = head.index("Envelope") + 1
marked = {fs.cell(top + 1 + i, 1).value: fs.cell(top + 1 + i, env_col).value
          for i in range(len(rows))}
ok(all((r["envelope"] is not None) == bool(marked.get(r["period"]))
       for r in rows), "the chart marks exactly the quarters with envelopes")
over = [r["period"] for r in rows
        if r["variance"] is not None and r["variance"] < 0]
over_cols = [i + 1 for i, h in enumerate(head)
             if h and h.endswith("over the envelope")]
drawn = [fs.cell(top + 1 + i, 1).value for i in range(len(rows))
         if sum(fs.cell(top + 1 + i, c).value or 0 for c in over_cols) > 0]
ok(drawn == over, "the chart hatches exactly the quarters over their "
   "envelope %s" % over)
hatched = {fs.cell(top + 1 + i, 1).value:
           sum(fs.cell(top + 1 + i, c).value or 0 for c in over_cols)
           for i in range(len(rows))}
ok(all(abs(hatched[r["period"]] - max(0, -(r["variance"] or 0))) < 0.001
       for r in rows), "and by exactly the overrun")
fig = {fs.cell(r, 1).value: fs.cell(r, 2).value
       for r in range(4, 25) if fs.cell(r, 1).value}
ok(abs(fig["Planned spend"] - t["total"]) < 0.001,
   "headline planned spend equals the budget total")
want_over = sum(-r["variance"] for r in rows
                if r["variance"] is not None and r["variance"] < 0)
ok(t["envelope"] is None or
   abs(fig["Overrun in those quarters"] - want_over) < 0.001,
   "headline overrun is the quarters' overruns")
mix_top = col_a.index("Investment mix by pillar") + 2
mix = [fs.cell(r, 1).value for r in range(mix_top + 1, mix_top + 12)]
ok("(other)" not in mix, "no (other) slice in the mix")
pie = [c for c in wb["Summary"]._charts
       if type(c).__name__ == "DoughnutChart"][0]
labels = pie.series[0].dLbls
ok(labels is not None and labels.showPercent, "the doughnut shows percentages")
for ws in wb.worksheets:
    ok("&A" in (ws.oddHeader.left.text or "") and
       "&P" in (ws.oddFooter.center.text or ""),
       "%s prints its name and page numbers" % ws.title)
ok(wb.properties.created is not None and wb.properties.created.year != 1970,
   "a creation date, not 1970")

fi = wb["Initiatives"]
ok(fi.freeze_panes == "A2", "Initiatives header row frozen")
ok(fi.page_setup.orientation == "landscape", "landscape for printing")
# every sheet prints fitted to as few pages wide as keep its type at 8
# points or more (73 % of 11; a landscape A4 page holds 140 columns of
# width at 100 %), ID and title repeated when it takes more than one
ROOM = 140 / (8 / 11)
for ws in wb.worksheets:
    if ws.title == "Summary":
        continue
    cols = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
            or 8.43 for c in range(1, ws.max_column + 1)]
    wide = ws.page_setup.fitToWidth or 1
    fits = ws.sheet_properties.pageSetUpPr.fitToPage and \
        ws.page_setup.fitToHeight == 0 and ws.page_setup.scale is None
    ok(fits and (wide == 1 or ws.print_title_cols), "%s is fitted to %d "
       "page(s) wide, its first columns repeated on each" % (ws.title, wide))
    if ws.title in ("Goals", "Initiatives"):
        ok(wide == 1 or sum(cols) > ROOM, "%s takes more than one page "
           "wide only when one would shrink it below 8 points (width %.0f)"
           % (ws.title, sum(cols)))
        ok(sum(cols) < wide * ROOM, "%s's %d page(s) wide keep 8 points "
           "(width %.0f)" % (ws.title, wide, sum(cols)))
# a column of ids or titles is as wide as its longest, not its field's room
fg = wb["Goals"]
for ws in (fg, wb["Initiatives"]):
    ids = [r[0] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]
    w = ws.column_dimensions["A"].width
    ok(not ids or 8 <= w <= max(max(len(i) for i in ids) / 1.2 + 3, 8.72),
       "%s's ID column is as wide as its ids (%.1f)" % (ws.title, w))
ok(fi.cell(2, 8).is_date, "dates are dates")
titles = [r[1] for r in fi.iter_rows(min_row=2, values_only=True) if r[1]]
ok(fi.column_dimensions["B"].width * 1.2 >= min(max(map(len, titles)), 36 * 1.2),
   "columns are sized: the titles' holds the longest, up to its room")
# no text is clipped by a neighbour or runs over it: a text cell longer
# than its column wraps, or has an empty cell to its right
clipped = []
for ws in wb.worksheets:
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 400)):
        for cell in row:
            v = cell.value
            if not isinstance(v, str) or v.startswith("="):
                continue
            letter = openpyxl.utils.get_column_letter(cell.column)
            width = ws.column_dimensions[letter].width or 8.43
            wrap = cell.alignment is not None and cell.alignment.wrap_text
            longest = max(len(x) for x in v.split("\n"))
            # a width counts digits: proportional text holds a fifth more
            if (not wrap and longest > width * 1.2 and
                    ws.cell(cell.row, cell.column + 1).value is not None):
                clipped.append("%s!%s" % (ws.title, cell.coordinate))
ok(not clipped, "no text clipped by its neighbour: %s" % clipped[:5])
# printed pages: a note under the Budget table starts in column B (column
# A is repeated on its second page, where a note begun in it is cut); on
# Capitalization each table, and then the notes and chart, begin a page,
# and a header row repeats only above a table longer than a page
notes_a = [fb.cell(r, 1).value for r in range(len(rows) + 3, fb.max_row + 1)
           if fb.cell(r, 1).value is not None]
ok(not notes_a, "no Budget note in column A %s" % notes_a[:1])
wc = wb["Capitalization"]
labels = [r for r in range(1, wc.max_row + 1)
          if str(wc.cell(r, 1).value or "").startswith("On the ")]
notes = [r for r in range(1, wc.max_row + 1)
         if str(wc.cell(r, 1).value or "").startswith("Capex is work")]
breaks = sorted(b.id for b in wc.row_breaks.brk)
ok(labels and notes and
   breaks == [r - 1 for r in labels[1:]] + [notes[0] - 1],
   "Capitalization: each table and the notes begin a page (%s, %s, %s)"
   % (labels, notes, breaks))
tall = max([labels[k + 1] - labels[k] for k in range(len(labels) - 1)] +
           [notes[0] - labels[-1]]) if labels and notes else 0
ok(bool(wc.print_title_rows) == (tall > 40),
   "Capitalization: its header repeats only when a table is longer than "
   "a page (%s, %d rows)" % (wc.print_title_rows, tall))
print("1..%d" % n)
sys.exit(1 if failed else 0)
