#!/usr/bin/python3
"""scenario_check.py - `scenario compare` read back against the tool's own
commands, and the deck's Scenarios sheet and the page's section against
`scenario compare --format json`. Prints TAP.

  scenario_check.py figures COMPARE.json DIR NAME...
      every figure of the base and each NAME equals what the commands print
      on its export; DIR holds, per NAME (and "base"), NAME.budget.json
      (budget --by year), NAME.check.json, NAME.forecast.json (seed 1,
      2,000 trials; empty when the command refused a cycle),
      NAME.list.json, NAME.goals.json, and scenarios.json (scenario list)
  scenario_check.py deck DECK.xlsx COMPARE.json
  scenario_check.py page PAGE.html COMPARE.json
  scenario_check.py same-page PAGE.html PLAIN.html
      PAGE without its Scenarios section and link is PLAIN (exit status)
"""
import datetime
import json
import re
import sys
from decimal import Decimal

n = 0
failed = 0


def ok(cond, name, why=""):
    global n, failed
    n += 1
    if not cond:
        failed += 1
        if why:
            print("#", why)
    print(("ok" if cond else "not ok"), n, "-", name)


def load(path):
    with open(path) as f:
        text = f.read()
    return json.loads(text, parse_float=Decimal) if text.strip() else None


def expected(d, name, base_list):
    """What the commands print for NAME, as compare names it."""
    budget = load(f"{d}/{name}.budget.json")
    check = load(f"{d}/{name}.check.json")
    fc = load(f"{d}/{name}.forecast.json")
    items = load(f"{d}/{name}.list.json")
    goals = {g["id"] for g in load(f"{d}/{name}.goals.json")}
    counting = [i for i in items
                if i["status"] not in ("cancelled", "deferred")]
    served = {g for i in counting for g in i["goals"] if g in goals}
    t = budget["total"]
    want = {
        "planned": t["total"], "opex": t["opex"], "capex": t["capex"],
        "planned_by_year": {r["period"]: r["total"] for r in budget["rows"]},
        "envelope_variance": t["variance"],
        "errors": check["errors"], "warnings": check["warnings"],
        "capacity_overruns": sum(f["code"] == "capacity-overrun"
                                 for f in check["findings"]),
        "counting_initiatives": len(counting),
        "value": sum((i["benefit"] or 0) for i in counting),
        "goals_served": len(served),
        "p50_end": fc["portfolio"]["end"]["p50"] if fc else None,
        "p80_end": fc["portfolio"]["end"]["p80"] if fc else None,
        "dependency_cycle": fc is None,
    }
    if base_list is None:
        want.update(added=0, removed=0, cut=0, moved=0)
    else:
        was = {i["id"]: i for i in base_list}
        now = {i["id"]: i for i in items}
        both = [k for k in now if k in was]
        off = ("cancelled", "deferred")
        want.update(
            added=len(now.keys() - was.keys()),
            removed=len(was.keys() - now.keys()),
            cut=sum(was[k]["status"] not in off and now[k]["status"] in off
                    for k in both),
            moved=sum((was[k]["start"], was[k]["end"]) !=
                      (now[k]["start"], now[k]["end"]) for k in both))
    return want


def figures(compare_path, d, names):
    got = load(compare_path)["scenarios"]
    ok([s["name"] for s in got] == ["base"] + names,
       "the base first, then the scenarios in the order asked")
    listed = {s["name"]: s["changes"]
              for s in load(f"{d}/scenarios.json")["scenarios"]}
    base_list = load(f"{d}/base.list.json")
    years = set()
    for s in got:
        years |= {r["period"]
                  for r in load(f"{d}/{s['name']}.budget.json")["rows"]}
    for s in got:
        name = s["name"]
        want = expected(d, name, None if name == "base" else base_list)
        want["changes"] = 0 if name == "base" else listed[name]
        by_year = want.pop("planned_by_year")
        for k, v in want.items():
            ok(s.get(k) == v, f"{name}: {k} is {v}",
               f"got {s.get(k)!r}")
        ok(list(s["planned_by_year"]) == sorted(years),
           f"{name}: a year for every year of any scenario, in order",
           f"got {list(s['planned_by_year'])}, want {sorted(years)}")
        ok(all(s["planned_by_year"].get(y) == by_year.get(y, 0)
               for y in years),
           f"{name}: planned per fiscal year as budget --by year",
           f"got {s['planned_by_year']}, want {by_year}")


def table_of(c):
    """The lines of the comparison for people: (label, key or year)."""
    years = list(c["scenarios"][0]["planned_by_year"])
    keys = ["changes", "planned", "opex", "capex"] + years + [
        "envelope_variance", "errors", "warnings", "capacity_overruns",
        "counting_initiatives", "value", "goals_served", "added", "removed",
        "cut", "moved", "p50_end", "p80_end"]
    labels = ["Changes", "Planned", "Opex", "Capex"] + years + [
        "Envelope variance", "Errors", "Warnings", "Capacity overruns",
        "Counting initiatives", "Value", "Goals served", "Added", "Removed",
        "Cut", "Moved", "P50 end", "P80 end"]
    return years, list(zip(labels, keys))


def figure_of(s, key, years):
    return s["planned_by_year"][key] if key in years else s[key]


def deck(path, compare_path):
    import openpyxl
    c = load(compare_path)
    wb = openpyxl.load_workbook(path, data_only=True)
    ok(wb.sheetnames[-1] == "Scenarios", "the deck ends with Scenarios")
    ws = wb["Scenarios"]
    names = [s["name"] for s in c["scenarios"]]
    ok([x.value for x in ws[1]][:len(names) + 1] == ["Figure"] + names,
       "a column per scenario, the base first")
    years, lines = table_of(c)
    ok([ws.cell(k + 2, 1).value.strip() for k in range(len(lines))] ==
       [label for label, _ in lines], "a line per figure, in order")
    same, typed = True, True
    for k, (label, key) in enumerate(lines):
        for j, s in enumerate(c["scenarios"]):
            v = figure_of(s, key, years)
            got = ws.cell(k + 2, j + 2).value
            if v is None:
                want = "cycle" if s["dependency_cycle"] and \
                    key.endswith("_end") else "-"
                same = same and got == want
            elif key.endswith("_end"):
                typed = typed and isinstance(got, datetime.datetime)
                same = same and got.date().isoformat() == v
            else:
                typed = typed and isinstance(got, (int, float))
                same = same and abs(Decimal(str(got)) - v) < Decimal("0.001")
    ok(same, "every cell equals scenario compare --format json")
    ok(typed, "figures are numbers and dates, not text")
    fmts = {ws.cell(k + 2, 2).number_format for k, (_, key) in
            enumerate(lines) if key in ("planned", "value")}
    ok(all("#,##0.00" in f for f in fmts), "money has a number format")
    fonts = [x.font.sz for row in ws.iter_rows() for x in row
             if x.value is not None and x.font and x.font.sz]
    ok(fonts and min(fonts) >= 8, "no font below 8 points")
    widths = [ws.column_dimensions[chr(65 + j)].width
              for j in range(len(names) + 1)]
    ok(all(w and w >= 14 for w in widths),
       "every column is set wide", f"widths {widths}")


def page(path, compare_path):
    import lxml.html
    c = load(compare_path)
    doc = lxml.html.fromstring(open(path, encoding="utf-8").read())
    ok(doc.xpath('//nav/a[@href="#scenarios"]/text()') == ["Scenarios"],
       "the navigation links to the section")
    t = doc.xpath('//section[@id="scenarios"]//table')
    ok(len(t) == 1, "one table in the Scenarios section")
    if not t:
        return
    head = [x.text_content() for x in t[0].xpath("./thead/tr/th")]
    names = [s["name"] for s in c["scenarios"]]
    ok(head == ["Figure"] + names, "a column per scenario, the base first")
    years, lines = table_of(c)
    rows = t[0].xpath("./tbody/tr")
    ok([r.xpath("./th")[0].text_content() for r in rows] ==
       [label for label, _ in lines], "a row per figure, in order")
    same = len(rows) == len(lines)
    for r, (label, key) in zip(rows, lines):
        for td, s in zip(r.xpath("./td"), c["scenarios"]):
            v = figure_of(s, key, years)
            text = td.text_content()
            if v is None:
                same = same and text == ("cycle" if s["dependency_cycle"]
                                         and key.endswith("_end") else "-")
            elif isinstance(v, Decimal) or key in (
                    "planned", "opex", "capex", "value",
                    "envelope_variance") or key in years:
                same = same and Decimal(td.get("data-value")) == v and \
                    text == f"{v:,.2f}"
            else:
                same = same and text == str(v)
    ok(same, "every cell equals scenario compare --format json")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "figures":
        figures(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif cmd == "deck":
        deck(sys.argv[2], sys.argv[3])
    elif cmd == "page":
        page(sys.argv[2], sys.argv[3])
    elif cmd == "same-page":
        text = open(sys.argv[2], encoding="utf-8").read()
        text = text.replace('<a href="#scenarios">Scenarios</a>', "", 1)
        text = re.sub(r'<section id="scenarios".*?</section>\n', "", text,
                      count=1, flags=re.S)
        sys.exit(text != open(sys.argv[3], encoding="utf-8").read())
    print(f"1..{n}")
    sys.exit(1 if failed else 0)
