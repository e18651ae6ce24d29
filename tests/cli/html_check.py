#!/usr/bin/python3
"""html_check.py - what the HTML report promises (roadmap(1), export --format html), read back.

  html_check.py static PAGE.html TITLE   self-contained: no script, no
                                         event handler, no outside URL;
                                         lang, <title> (TITLE, as text),
                                         every chart with a text alternative
  html_check.py dom DOM.html BUDGET.json ROADMAP.json FINDINGS.json
                                         the page as Chromium rendered it:
                                         every section, every quarter,
                                         every initiative, every
                                         finding's code, and the budget
                                         table equal to `budget --format
                                         json`, cell by cell
  html_check.py requests LOG BASELINE    no request in LOG that the
                                         browser does not make for an
                                         empty page (BASELINE)
  html_check.py png FILE WIDTH           a PNG that wide, not blank
  html_check.py pdf FILE PAGES           a PDF of at least PAGES pages
"""
import json
import re
import struct
import sys
import zlib

import lxml.html

SECTIONS = ["headline", "spend", "mix", "goals", "timeline", "findings", "budget"]
OUTSIDE = re.compile(r"(?i)(https?:|ftp:|//[a-z0-9]|url\s*\(|@import)")


def static(path, title):
    raw = open(path, encoding="utf-8").read()
    doc = lxml.html.fromstring(raw.encode("utf-8"))
    bad = []
    if not raw.startswith("<!DOCTYPE html>"):
        bad.append("no <!DOCTYPE html>")
    if doc.get("lang") != "en":
        bad.append("no lang")
    if doc.findtext(".//title") != title:
        bad.append(f"title {doc.findtext('.//title')!r}, want {title!r}")
    if doc.findtext(".//h1") != title:
        bad.append("the heading is not the title, as text")
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("script", "iframe", "object", "embed", "img", "link", "base", "form"):
            bad.append(f"a <{el.tag}> element")
        for k, v in el.attrib.items():
            if k.lower().startswith("on"):
                bad.append(f"an event handler {k} on <{el.tag}>")
            if k in ("href",) and not v.startswith("#"):
                bad.append(f"a link out: {v}")
            if k in ("src", "srcset", "action", "formaction", "xlink:href"):
                bad.append(f"{k}={v!r} on <{el.tag}>")
    # markup and style may name nothing outside; text may say anything
    markup = [el.text or "" for el in doc.iter("style")]
    markup += [v for el in doc.iter() if isinstance(el.tag, str)
               for v in el.attrib.values()]
    for m in filter(None, (OUTSIDE.search(v) for v in markup)):
        bad.append(f"an outside reference: {m.string[:120]!r}")
    for svg in doc.iter("svg"):
        named = svg.get("aria-label") or svg.get("aria-labelledby")
        if svg.get("role") != "img" or not named:
            bad.append(f"an <svg> without a text alternative: {svg.attrib}")
    for sec in SECTIONS:
        if doc.get_element_by_id(sec, None) is None:
            bad.append(f"no section {sec}")
    if 'media print' not in raw or "size:A4 landscape" not in raw:
        bad.append("no print style sheet")
    return bad


def money(v):
    """A JSON amount as the page's plain decimal (1250000.00)."""
    return None if v is None else f"{v:.2f}"


def dom(path, budget_path, roadmap_path, findings_path):
    doc = lxml.html.fromstring(open(path, "rb").read())
    budget = json.load(open(budget_path))
    rm = json.load(open(roadmap_path))
    findings = json.load(open(findings_path))
    text = doc.text_content()
    bad = []
    for sec in SECTIONS:
        if doc.get_element_by_id(sec, None) is None:
            bad.append(f"the rendered page has no section {sec}")
    for row in budget["rows"]:
        if row["period"] not in text:
            bad.append(f"quarter {row['period']} is not shown")
    for i in rm.get("initiatives", []):
        if i["id"] not in text:  # cancelled ones in the timeline's caption
            bad.append(f"initiative {i['id']} is not shown")
    for f in findings["findings"]:
        if f["code"] not in text:
            bad.append(f"finding {f['code']} is not shown")
    total = budget["total"]["total"]
    if f"{total:,.2f}" not in text:
        bad.append(f"the budget total {total:,.2f} is not shown")
    cols = ["opex", "capex", "total", "envelope", "covered", "variance",
            "uncovered", "actual", "actual_opex", "actual_capex",
        "planned_where_actual", "actual_variance"]
    table = doc.get_element_by_id("budget-table", None)
    rows = table.findall(".//tbody/tr") if table is not None else []
    heads = table.findall(".//thead/tr/th") if table is not None else []
    for tr in rows:
        if len(tr) != len(heads):
            bad.append(f"budget row {tr.get('data-period')} has {len(tr)} "
                       f"cells under {len(heads)} headers")
            break
    want = budget["rows"] + [dict(budget["total"], period="total")]
    if len(rows) != len(want):
        bad.append(f"the budget table has {len(rows)} rows, want {len(want)}")
    for tr, w in zip(rows, want):
        if tr.get("data-period") != w["period"]:
            bad.append(f"row {tr.get('data-period')}, want {w['period']}")
        cells = {td.get("data-column"): td for td in tr.findall("td")}
        for c in cols:
            td = cells.get(c)
            got = None if td is None else td.get("data-value")
            if got != money(w[c]):
                bad.append(f"{w['period']} {c}: page {got}, budget {money(w[c])}")
            # the split of an unsplit actual is an estimate, marked "~"
            est = bool(w.get("actual_estimated")) and w[c] is not None and \
                c in ("actual_opex", "actual_capex")
            want_shown = ("~" if est else "") + str(money(w[c]))
            shown = None if td is None else td.text_content().replace(",", "")
            if w[c] is not None and shown != want_shown:
                bad.append(f"{w['period']} {c}: shown {shown}, want {want_shown}")
            if td is not None and (td.get("data-estimated") == "true") != est:
                bad.append(f"{w['period']} {c}: marked estimated "
                           f"{td.get('data-estimated')}, budget {est}")
    return bad


def hosts(path):
    out = set()
    for line in open(path, encoding="latin-1"):
        m = re.match(r"(\S+) (?:https?://)?([^/: ]+)", line)
        if m:
            out.add(m.group(2))
    return out


# Chromium's own services (accounts, updates, safe browsing, variations),
# which it reaches now and then whatever the page and the flags; the
# baseline of a blank page does not always catch them
BROWSER = re.compile(r"^(accounts\.google\.com|clients\d*\.google\.com|"
                     r"[a-z0-9.-]+\.gvt1\.com|[a-z0-9-]+\.googleapis\.com)$")


def requests(log, baseline):
    extra = {h for h in hosts(log) - hosts(baseline) if not BROWSER.match(h)}
    return [f"a request to {h}" for h in sorted(extra)]


def png(path, width):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return ["not a PNG"]
    w, h = struct.unpack(">II", data[16:24])
    bad = [] if w == int(width) else [f"{w} pixels wide, want {width}"]
    idat = b"".join(data[i + 8:i + 8 + struct.unpack(">I", data[i:i + 4])[0]]
                    for i in [m.start() - 4 for m in re.finditer(b"IDAT", data)])
    raw = zlib.decompress(idat)
    if len(set(raw[: min(len(raw), 2_000_000)])) < 8:
        bad.append("the screenshot is blank")
    return bad


def pdf(path, lo, hi):
    data = open(path, "rb").read()
    n = len(re.findall(rb"/Type\s*/Page[^s]", data))
    return [] if int(lo) <= n <= int(hi) else [
        f"{n} pages, want {lo} to {hi}"]


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    bad = {"static": static, "dom": dom, "requests": requests, "png": png,
           "pdf": pdf}[cmd](*args)
    for b in bad[:20]:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
