#!/usr/bin/python3
"""capital_check.py - random small roadmaps against an independent model of
roadmap(1), capitalization (written from the rules in docs/decisions.md,
"Capitalization", calling nothing of the library's): every figure of every
view, both bases, and the invariants. Prints TAP.

    capital_check.py ROADMAP [COUNT] [SEED]
"""
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile
from decimal import Decimal

D = datetime.date


def fiscal_quarter(day, fs):
    """The fiscal quarter number (fiscal year x 4 + quarter - 1) of a day:
    a fiscal year is named for the calendar year it ends in."""
    fy = day.year + (1 if fs != 1 and day.month >= fs else 0)
    return fy * 4 + ((day.month - fs) % 12) // 3


def quarter_first(qi, fs):
    fy, q = divmod(qi, 4)
    m0 = fs - 1 + 3 * q  # months after January of the year before/of
    year = fy - (1 if fs != 1 else 0)
    year += m0 // 12
    return D(year, m0 % 12 + 1, 1)


def quarter_last(qi, fs):
    return quarter_first(qi + 1, fs) - datetime.timedelta(days=1)


def label(qi):
    return "%d-Q%d" % (qi // 4, qi % 4 + 1)


def month_no(day):
    return day.year * 12 + day.month - 1


def month_first(m):
    return D(m // 12, m % 12 + 1, 1)


def largest_remainder(amount, weights):
    total = sum(weights)
    parts = [amount * w // total for w in weights]
    rema = [amount * w % total for w in weights]
    left = amount - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-rema[i], i))
    for i in order[:left]:
        parts[i] += 1
    return parts


def spread(amount, start, end, fs):
    """{quarter: cents} by days, largest remainder, ties to the earlier."""
    q0, q1 = fiscal_quarter(start, fs), fiscal_quarter(end, fs)
    qs = list(range(q0, q1 + 1))
    w = []
    for q in qs:
        a = max(start, quarter_first(q, fs))
        b = min(end, quarter_last(q, fs))
        w.append((b - a).days + 1)
    return dict(zip(qs, largest_remainder(amount, w)))


def half_up(num, den):
    return (2 * num + den) // (2 * den)


def kinds(init, a):
    if isinstance(a, dict):
        return a.get("opex", 0), a.get("capex", 0)
    opex, capex = init.get("opex", 0), init.get("capex", 0)
    c = half_up(a * capex, opex + capex) if capex > 0 else 0
    return a - c, c


def amortize(flows, amount, start_month, life, fs):
    """Month by month: cumulative amount x k / life, halves up."""
    prev = 0
    for k in range(1, life + 1):
        cum = half_up(amount * k, life)
        q = fiscal_quarter(month_first(start_month + k - 1), fs)
        add(flows, q, "amortization", cum - prev)
        prev = cum


def add(flows, q, key, v):
    if v:
        flows.setdefault(q, {}).setdefault(key, 0)
        flows[q][key] += v


def model_initiative(init, basis, fs, policy_life):
    """{quarter: {flow: cents}} of one initiative, or None when it has no
    row on this basis."""
    status = init.get("status", "proposed")
    start, end = init["_start"], init["_end"]
    life = init.get("useful_life") or policy_life
    service = init.get("_in_service") or end + datetime.timedelta(days=1)
    sq = fiscal_quarter(service, fs)
    from_month = month_no(service) + 1
    flows = {}
    capex_by_q = {}
    if basis == "plan":
        if status in ("cancelled", "deferred"):
            return None
        for q, v in spread(init.get("opex", 0), start, end, fs).items():
            add(flows, q, "opex", v)
        capex_by_q = spread(init.get("capex", 0), start, end, fs)
    else:
        acts = init.get("_actuals", {})
        if not acts:
            return None
        for q, a in sorted(acts.items()):
            o, c = kinds(init, a)
            add(flows, q, "opex", o)
            capex_by_q[q] = c
        if status in ("cancelled", "deferred"):
            sq = max(acts)
    wip = 0
    for q, c in sorted(capex_by_q.items()):
        add(flows, q, "capex_added", c)
        if q <= sq:
            wip += c
            continue
        add(flows, q, "placed_in_service", c)
        start_m = month_no(quarter_first(q, fs)) + 1
        amortize(flows, c, start_m, max(1, from_month + life - start_m), fs)
    if basis == "actual" and status == "cancelled":
        add(flows, sq, "placed_in_service", wip)
        add(flows, sq, "write_off", wip)
    elif not (basis == "actual" and status == "deferred"):
        add(flows, sq, "placed_in_service", wip)
        amortize(flows, wip, from_month, life, fs)
    return flows


FLOWS = ["capex_added", "placed_in_service", "amortization", "write_off",
         "opex"]
COLS = ["capex_added", "placed_in_service", "amortization", "write_off",
        "wip", "net_book_value", "opex", "pl_expense", "cash"]


def row_of(f, wip, nbv):
    r = {k: f.get(k, 0) for k in FLOWS}
    r["wip"] = wip
    r["net_book_value"] = nbv
    r["pl_expense"] = r["opex"] + r["amortization"] + r["write_off"]
    r["cash"] = r["opex"] + r["capex_added"]
    return r


def model(doc, basis, by):
    fs = doc.get("fiscal_year_start", 1)
    life = doc.get("policy", {}).get("useful_life", 36)
    per = []
    for init in doc["initiatives"]:
        f = model_initiative(init, basis, fs, life)
        if f is not None:
            per.append((init["id"], f))
    if by == "initiative":
        rows = []
        for iid, f in per:
            tot = {k: sum(x.get(k, 0) for x in f.values()) for k in FLOWS}
            wip = tot["capex_added"] - tot["placed_in_service"]
            nbv = tot["placed_in_service"] - tot["amortization"] - \
                tot["write_off"]
            rows.append(dict(row_of(tot, wip, nbv), initiative=iid))
    else:
        quarters = {}
        for _, f in per:
            for q, x in f.items():
                for k, v in x.items():
                    add(quarters, q, k, v)
        quarters = {q: x for q, x in quarters.items() if any(x.values())}
        rows = []
        if quarters:
            lo, hi = min(quarters), max(quarters)
            wip = nbv = 0
            if by == "quarter":
                periods = [(label(q), [q]) for q in range(lo, hi + 1)]
            else:
                periods = [("FY%04d" % fy, range(fy * 4, fy * 4 + 4))
                           for fy in range(lo // 4, hi // 4 + 1)]
            for name, qs in periods:
                f = {k: sum(quarters.get(q, {}).get(k, 0) for q in qs)
                     for k in FLOWS}
                wip += f["capex_added"] - f["placed_in_service"]
                nbv += f["placed_in_service"] - f["amortization"] - \
                    f["write_off"]
                rows.append(dict(row_of(f, wip, nbv), period=name))
    total = {k: sum(r[k] for r in rows) for k in COLS}
    if by != "initiative":
        for k in ("wip", "net_book_value"):
            total[k] = rows[-1][k] if rows else 0
    return {"basis": basis, "by": by, "rows": rows, "total": total}


def cents(v):
    """A JSON number of currency units (exact cents) as cents."""
    c = v * 100
    assert c == int(c), v
    return int(c)


def read(out):
    d = json.loads(out, parse_float=Decimal, parse_int=Decimal)

    def conv(r):
        return {k: cents(v) if k not in ("period", "initiative") else v
                for k, v in r.items()}
    d["rows"] = [conv(r) for r in d["rows"]]
    d["total"] = conv(d["total"])
    return d


def rand_day(rng, lo, hi):
    return lo + datetime.timedelta(days=rng.randrange((hi - lo).days + 1))


def amount(rng):
    return rng.choice([0, rng.randrange(1, 100), rng.randrange(1, 10**7),
                       rng.randrange(1, 10**11)])


def make(rng):
    fs = rng.choice([1, 4, 7, 10])
    doc = {"format": 1, "name": "random", "fiscal_year_start": fs,
           "goals": [{"id": "g", "title": "G"}], "initiatives": []}
    if rng.random() < 0.4:
        doc["policy"] = {"useful_life": rng.choice([1, 2, 12, 36, 60])}
    for i in range(rng.randrange(1, 6)):
        start = rand_day(rng, D(2025, 1, 1), D(2027, 12, 31))
        end = rand_day(rng, start, start + datetime.timedelta(days=700))
        init = {"id": "i%d" % i, "title": "I%d" % i, "goals": ["g"],
                "start": start.isoformat(), "end": end.isoformat(),
                "_start": start, "_end": end,
                "status": rng.choice(["proposed", "approved", "active",
                                      "done", "cancelled", "deferred"])}
        for k in ("opex", "capex"):
            init[k] = amount(rng)
        if rng.random() < 0.4:
            init["useful_life"] = rng.choice([1, 3, 7, 24, 36])
        if rng.random() < 0.4:
            s = rand_day(rng, start - datetime.timedelta(days=200),
                         end + datetime.timedelta(days=400))
            init["in_service"] = s.isoformat()
            init["_in_service"] = s
        acts = {}
        q0 = fiscal_quarter(start, fs)
        for _ in range(rng.randrange(0, 5)):
            q = q0 + rng.randrange(-1, 10)
            acts[q] = rng.choice([
                amount(rng), {"opex": amount(rng), "capex": amount(rng)}])
        init["_actuals"] = acts
        doc["initiatives"].append(init)
    return doc


def file_form(doc):
    out = dict(doc)
    inits = []
    for init in doc["initiatives"]:
        x = {k: v for k, v in init.items() if not k.startswith("_")}
        for k in ("opex", "capex"):
            x[k] = x[k] / 100
        if init["_actuals"]:
            x["actuals"] = {
                label(q): (a / 100 if not isinstance(a, dict) else
                           {k: v / 100 for k, v in a.items()})
                for q, a in sorted(init["_actuals"].items())}
        inits.append(x)
    out["initiatives"] = inits
    return out


def invariants(d):
    """additions = placed + change in WIP; amortization + write-offs + NBV
    = placed (cumulative); P&L = opex + amortization + write-offs; cash =
    opex + capex."""
    wip = nbv = placed = gone = 0
    for r in d["rows"]:
        if d["by"] != "initiative":
            if r["capex_added"] != r["placed_in_service"] + r["wip"] - wip:
                return False
            placed += r["placed_in_service"]
            gone += r["amortization"] + r["write_off"]
            if gone + r["net_book_value"] != placed:
                return False
            wip, nbv = r["wip"], r["net_book_value"]
        if r["pl_expense"] != r["opex"] + r["amortization"] + r["write_off"]:
            return False
        if r["cash"] != r["opex"] + r["capex_added"]:
            return False
    return True


def main():
    roadmap = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    rng = random.Random(seed)
    cases = []
    tmp = tempfile.mkdtemp()
    for k in range(count):
        doc = make(rng)
        path = os.path.join(tmp, "r%d.json" % k)
        with open(path, "w") as f:
            json.dump(file_form(doc), f)
        for basis in ("plan", "actual"):
            views = {}
            for by in ("quarter", "year", "initiative"):
                p = subprocess.run([roadmap, "-f", path, "capitalization",
                                    "--basis", basis, "--by", by,
                                    "--format", "json"],
                                   capture_output=True, text=True)
                name = "roadmap %d (fiscal year from month %d), %s basis, " \
                    "by %s" % (k, doc["fiscal_year_start"], basis, by)
                if p.returncode != 0:
                    cases.append((False, name + ": exit %d %s" %
                                  (p.returncode, p.stderr.strip())))
                    continue
                got = read(p.stdout)
                want = model(doc, basis, by)
                views[by] = got
                same = got == want
                cases.append((same, name + ": every figure as the model's"))
                if not same:
                    print("# got  %s" % json.dumps(got, default=str))
                    print("# want %s" % json.dumps(want, default=str))
                cases.append((invariants(got), name + ": the invariants"))
            if len(views) == 3:
                t = [views[b]["total"] for b in ("quarter", "year",
                                                 "initiative")]
                cases.append((t[0] == t[1] == t[2],
                              "roadmap %d, %s basis: the three views' totals "
                              "agree" % (k, basis)))
    print("1..%d" % len(cases))
    for i, (ok, name) in enumerate(cases, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))


if __name__ == "__main__":
    main()
