#!/usr/bin/python3
"""tracking_check.py - roadmap(1), status's figures computed on their own, in exact
fractions, to hold `roadmap status --format json` against.

  tracking_check.py gen SEED OUT.json     a random roadmap with progress,
                                          actuals and measurements
  tracking_check.py check ROADMAP AS_OF STATUS.json [BASELINE]
                                          every figure of STATUS equals the
                                          one computed here (exit 1 and the
                                          differences otherwise)
"""
import datetime
import json
import random
import sys
from fractions import Fraction as F

ONE_DAY = datetime.timedelta(days=1)


def day(s):
    return datetime.date.fromisoformat(s)


def half_up(x):
    """The integer nearest to a Fraction, halves up."""
    q, r = divmod(x.numerator, x.denominator)
    return q + (1 if 2 * r >= x.denominator else 0)


def cents(v):
    return half_up(F(str(v)) * 100)


def quarter_first(label, fiscal_start):
    """The first day of fiscal quarter YYYY-Qn (the fiscal year is named
    for the calendar year it ends in)."""
    fy, q = int(label[:4]), int(label[6])
    month0 = (fiscal_start - 1) + 3 * (q - 1)  # months after January
    year = fy - (1 if fiscal_start != 1 else 0)
    year += month0 // 12
    return datetime.date(year, month0 % 12 + 1, 1)


def latest(records, as_of):
    best = None
    for k, v in (records or {}).items():
        if day(k) <= as_of and (best is None or day(k) > best[0]):
            best = (day(k), v)
    return best[1] if best else None


def expected(rm, as_of, baseline=None):
    fs = rm.get("fiscal_year_start", 1)
    tol_a = F(str(rm.get("policy", {}).get("actuals_tolerance", 10)))
    tol_g = F(str(rm.get("policy", {}).get("goal_tolerance", 10))) / 100
    rows, tot = [], dict(bac=0, pv=0, ev=0, ac=0, eac=0, has_eac=True)
    for i in rm.get("initiatives", []):
        status = i.get("status", "proposed")
        start, end = day(i["start"]), day(i["end"])
        if status in ("cancelled", "deferred") or start > as_of:
            continue
        d = (end - start).days + 1
        e = min((as_of - start).days + 1, d)
        bac = cents(i.get("opex", 0)) + cents(i.get("capex", 0))
        p = cents(latest(i.get("progress"), as_of) or 0)  # hundredths
        pv = half_up(F(bac * e, d))
        ev = half_up(F(bac * p, 10000))
        ac = sum(cents(v) for k, v in i.get("actuals", {}).items()
                 if quarter_first(k, fs) <= as_of)
        spi = F(p * d, 10000 * e) if bac > 0 else None
        cpi = F(bac * p, 10000 * ac) if ac > 0 else None
        if ac == 0:
            eac = bac
        elif bac > 0 and p > 0:
            eac = half_up(F(bac * ac, 1) / F(bac * p, 10000))
        else:
            eac = None
        row = dict(id=i["id"], bac=bac, planned_pct=half_up(F(e * 10000, d)),
                   pv=pv, progress=p, ev=ev, ac=ac, sv=ev - pv, cv=ev - ac,
                   spi=None if spi is None else half_up(spi * 1000),
                   cpi=None if cpi is None else half_up(cpi * 1000),
                   eac=eac, vac=None if eac is None else bac - eac,
                   late=status != "done" and as_of > end)
        at_end = eac if eac is not None else ac
        row["cost_at_risk"] = at_end * 100 > bac * (100 + tol_a)
        if baseline is not None:
            old = {x["id"]: x for x in baseline.get("initiatives", [])}
            o = old.get(i["id"])
            row["slip_days"] = None if o is None else (end - day(o["end"])).days
            row["bac_change"] = None if o is None else bac - (
                cents(o.get("opex", 0)) + cents(o.get("capex", 0)))
        rows.append(row)
        for k in ("bac", "pv", "ev", "ac"):
            tot[k] += row[k]
        if eac is None:
            tot["has_eac"] = False
        else:
            tot["eac"] += eac
    goals = []
    for g in rm.get("goals", []):
        first = [day(i["start"]) for i in rm.get("initiatives", [])
                 if i.get("status") not in ("cancelled", "deferred") and g["id"] in i.get("goals", [])]
        cur = latest(g.get("measurements"), as_of)
        measured = cur is not None
        cur = g.get("baseline") if cur is None else cur
        b, t = g.get("baseline"), g.get("target")
        prog = None
        if cur is not None and b is not None and t is not None and t != b:
            prog = (F(str(cur)) - F(str(b))) / (F(str(t)) - F(str(b)))
        exp = None
        if "due" in g and first:
            s, due = min(first), day(g["due"])
            total, gone = (due - s).days + 1, (as_of - s).days + 1
            exp = (F(1) if as_of >= due else F(0)) if total <= 0 else \
                F(0) if gone <= 0 else F(1) if gone >= total else F(gone, total)
        if not measured:  # nothing measured by then, even past due
            state = "not-measured"
        elif prog is None:
            state = None
        elif prog >= 1:
            state = "achieved"
        elif "due" in g and as_of > day(g["due"]):
            state = "missed"
        elif exp is None or prog >= exp - tol_g:
            state = "on-track"
        else:
            state = "at-risk"
        goals.append(dict(id=g["id"], current=cur, progress=prog,
                          expected=exp, state=state,
                          score=None if prog is None else min(max(prog, F(0)), F(1))))
    return rows, goals, tot


def money(v):
    return None if v is None else F(v, 100)


def compare(rm, as_of, out, baseline):
    rows, goals, tot = expected(rm, as_of, baseline)
    bad = []

    def eq(what, want, got):
        if want != got:
            bad.append(f"{what}: want {want}, got {got}")

    def num(x):
        return None if x is None else F(str(x))

    if not rows or not goals:
        # a portfolio with nothing started or no goal would prove nothing
        bad.append(f"{len(rows)} initiatives and {len(goals)} goals to compare")
    eq("as_of", as_of.isoformat(), out["as_of"])
    eq("initiative ids", [r["id"] for r in rows], [x["id"] for x in out["initiatives"]])
    for r, x in zip(rows, out["initiatives"]):
        for k in ("bac", "pv", "ev", "ac", "sv", "cv", "eac", "vac"):
            eq(f"{r['id']}.{k}", money(r[k]), num(x[k]))
        eq(f"{r['id']}.planned_pct", F(r["planned_pct"], 100), num(x["planned_pct"]))
        eq(f"{r['id']}.progress", F(r["progress"], 100), num(x["progress"]))
        for k in ("spi", "cpi"):
            eq(f"{r['id']}.{k}", None if r[k] is None else F(r[k], 1000), num(x[k]))
        eq(f"{r['id']}.late", r["late"], x["late"])
        if baseline is not None:
            eq(f"{r['id']}.slip_days", r["slip_days"], x["slip_days"])
            eq(f"{r['id']}.bac_change", money(r["bac_change"]), num(x["bac_change"]))
    eq("goal ids", [g["id"] for g in goals], [x["id"] for x in out["goals"]])
    for g, x in zip(goals, out["goals"]):
        eq(f"{g['id']}.current", num(g["current"]), num(x["current"]))
        for k in ("progress", "expected"):
            # three decimals, halves up; a double may land a hair either
            # side of an exact half, so one unit in the last place is fine
            if g[k] is None or x[k] is None:
                eq(f"{g['id']}.{k}", g[k], x[k])
            elif abs(F(half_up(g[k] * 1000), 1000) - num(x[k])) > F(1, 1000):
                bad.append(f"{g['id']}.{k}: want {float(g[k]):.4f}, got {x[k]}")
        if g["score"] is not None and abs(g["score"] - num(x["score"])) > F(51, 10000):
            bad.append(f"{g['id']}.score: want {float(g['score']):.4f}, got {x['score']}")
        eq(f"{g['id']}.state", g["state"], x["state"])
    p = out["portfolio"]
    for k in ("bac", "pv", "ev", "ac"):
        eq(f"portfolio.{k}", money(tot[k]), num(p[k]))
    eq("portfolio.eac", money(tot["eac"]) if tot["has_eac"] else None, num(p["eac"]))
    eq("portfolio.spi", F(half_up(F(tot["ev"] * 1000, tot["pv"])), 1000) if tot["pv"] else None, num(p["spi"]))
    eq("portfolio.cpi", F(half_up(F(tot["ev"] * 1000, tot["ac"])), 1000) if tot["ac"] else None, num(p["cpi"]))
    return bad, rows, goals


def gen(seed, path):
    r = random.Random(seed)
    fs = r.choice([1, 1, 4, 7, 10])
    goals = []
    for k in range(6):
        b = r.choice([70, 12.5, 300, 0.42, 23])
        t = b + r.choice([1, -1]) * r.choice([14, 2.5, 100, 0.12, 23])
        g = {"id": f"g{k}", "title": f"Goal {k}", "baseline": b, "target": t,
             "due": (datetime.date(2026, 6, 30) + r.randrange(0, 500) * ONE_DAY).isoformat()}
        if r.random() < 0.8:
            g["measurements"] = {
                (datetime.date(2026, 1, 1) + r.randrange(0, 600) * ONE_DAY).isoformat():
                    round(b + (t - b) * r.uniform(-0.3, 1.3), 2)
                for _ in range(r.randrange(1, 4))}
        goals.append(g)
    inits = []
    for k in range(25):
        start = datetime.date(2025, 10, 1) + r.randrange(0, 500) * ONE_DAY
        end = start + r.randrange(0, 400) * ONE_DAY
        i = {"id": f"i{k}", "title": f"Initiative {k}",
             "goals": r.sample([g["id"] for g in goals], r.randrange(0, 3)),
             "status": r.choice(["proposed", "approved", "active", "active", "done", "cancelled", "deferred"]),
             "start": start.isoformat(), "end": end.isoformat(),
             "opex": r.choice([0, 100, 99.99, 250000, 1234567.89, r.randrange(0, 10**9) / 100]),
             "capex": r.choice([0, 0, 50000, r.randrange(0, 10**8) / 100])}
        acts = {}
        for _ in range(r.randrange(0, 4)):
            fy, q = r.choice([2026, 2027]), r.randrange(1, 5)
            acts[f"{fy}-Q{q}"] = r.randrange(0, 10**8) / 100
        if acts:
            i["actuals"] = acts
        prog = {}
        for _ in range(r.randrange(0, 4)):
            prog[(start + r.randrange(0, 500) * ONE_DAY).isoformat()] = r.choice(
                [0, 10, 33.33, 50, 60, 99.99, 100, r.randrange(0, 10001) / 100])
        if prog:
            i["progress"] = prog
        inits.append(i)
    doc = {"format": 1, "name": f"tracking {seed}", "fiscal_year_start": fs,
           "goals": goals, "initiatives": inits}
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)


def main():
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), sys.argv[3])
        return 0
    rm = json.load(open(sys.argv[2]))
    out = json.load(open(sys.argv[4]))
    base = json.load(open(sys.argv[5])) if len(sys.argv) > 5 else None
    bad, rows, goals = compare(rm, day(sys.argv[3]), out, base)
    for b in bad[:20]:
        print(b)
    if not rows and not goals:
        print("nothing was compared")
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
