#!/usr/bin/python3
"""optimize_today.py - optimize --as-of, kept ids and --explain against
exhaustive search (roadmap(1), optimize).

  gen SEED N OUT.json       optimize_check.py's random portfolio of N
                            initiatives with actuals recorded for some
                            quarters of 2026 (some above plan) and
                            progress on some; some mandatory, some
                            deferred
  verify ROADMAP EXPORT PLAN [--as-of DATE] [--scale PCT] [--keep LIST]
                            PLAN (optimize --format json --explain) is the
                            exhaustive optimum of the program as of DATE,
                            built here from EXPORT: envelopes that ended
                            before DATE left out; the others hold every
                            counting initiative's planned spend of its
                            days before DATE (actuals, recorded by gen,
                            do not enter) and the funded ones' planned spend from DATE
                            on; team quarters likewise with load; work
                            done or ended before DATE kept; mandatory work,
                            LIST's statuses and ids kept; deferred work
                            left out. Every "explain" figure is the
                            optimum less the optimum with that decision
                            flipped, "infeasible" where no plan has it
                            funded, and the reason of a cut one the first
                            limit the plan breaks with it added (else a
                            cut prerequisite, else none).

Prints "ok" or what is wrong; exits 1 on a failure.
"""
import datetime
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from optimize_check import cents, fail, gen as gen_base  # noqa: E402
from optimize_check import quarter_bounds, quarter_of  # noqa: E402


def gen(seed, n, out):
    gen_base(seed, n, out)
    rnd = random.Random(int(seed) + 7)
    doc = json.load(open(out))
    for it in doc["initiatives"]:
        start = datetime.date.fromisoformat(it["start"])
        if start.year == 2026 and rnd.random() < 0.5:
            q, z = quarter_of(start), quarter_of(day(it["end"]))
            last = min(q + rnd.randrange(1, 3), 2026 * 4 + 3, z)
            per = (it["opex"] + it["capex"]) / (z - q + 1)  # about plan
            it["actuals"] = {
                "%d-Q%d" % (k // 4, k % 4 + 1):
                    round(per * rnd.uniform(0.6, 1.2), 2)
                for k in range(q, last + 1) if rnd.random() < 0.8}
            if rnd.random() < 0.5:
                it["progress"] = {"2026-06-30": rnd.choice([10, 40, 75])}
    more = random.Random(int(seed) + 13)  # the portfolio above unchanged
    for it in doc["initiatives"]:
        if more.random() < 0.15:
            it["mandatory"] = True
        if more.random() < 0.08 and it["id"] not in ("i03", "i05"):
            it["status"] = "deferred"  # today.sh keeps i03 and i05
    with open(out, "w") as f:
        json.dump(doc, f, indent=2)


def day(s):
    return datetime.date.fromisoformat(s)


def split(i, labels, as_of):
    """(before, after) of initiative i's spend in the quarters labels."""
    start, end = day(i["start"]), day(i["end"])
    before = after = 0
    for s in i["spend"]:
        if s["period"] not in labels:
            continue
        total = cents(s["total"])
        y, q = int(s["period"][:4]), int(s["period"][6])
        first, last = quarter_bounds(y * 4 + q - 1)
        a, z = max(first, start), min(last, end)
        if as_of is None or as_of <= a:
            late = total
        elif as_of > z:
            late = 0
        else:
            days = (z - a).days + 1
            late = (2 * total * ((z - as_of).days + 1) + days) // (2 * days)
        after += late
        before += total - late
    return before, after


def model(export, scale, keep, as_of):
    inits = [i for i in export["initiatives"] if i["status"] not in ("cancelled", "deferred")]
    ids = [i["id"] for i in inits]
    col = {x: k for k, x in enumerate(ids)}
    value = [cents(i["benefit"] or 0) for i in inits]
    everything = {s["period"] for i in inits for s in i["spend"]}
    cost = [split(i, everything, as_of)[1] if as_of else cents(i["total"])
            for i in inits]
    rows = []
    for b in export["budgets"]:
        p = b["period"]
        if p.startswith("FY"):
            qs = [int(p[2:]) * 4 + k for k in range(4)]
        else:
            qs = [int(p[:4]) * 4 + int(p[6]) - 1]
        if as_of and quarter_bounds(qs[-1])[1] < as_of:
            continue  # history
        labels = {"%d-Q%d" % (q // 4, q % 4 + 1) for q in qs}
        limit = cents(b["amount"]) * scale // 100
        coefs = []
        for i in inits:
            if b.get("pillar") and i.get("pillar") != b["pillar"]:
                coefs.append(0)
                continue
            before, after = split(i, labels, as_of)
            limit -= before
            coefs.append(after)
        rows.append((coefs, limit, p + ("/" + b["pillar"] if b.get("pillar")
                                        else "")))
    for t in export["teams"]:
        mine = [i for i in inits if i.get("team") == t["id"] and
                i["status"] not in ("done", "cancelled", "deferred") and i["fte"]]
        qs = set()
        for i in mine:
            qs.update(range(quarter_of(day(i["start"])),
                            quarter_of(day(i["end"])) + 1))
        for q in sorted(qs):
            first, last = quarter_bounds(q)
            if as_of and last < as_of:
                continue
            d = as_of if as_of and as_of > first else first
            limit = round(t["capacity"] * 100) * ((last - d).days + 1)

            def load(i, a, z):
                a, z = max(a, day(i["start"])), min(z, day(i["end"]))
                return round(i["fte"] * 100) * max(0, (z - a).days + 1)
            coefs = []
            for i in inits:
                if i not in mine:
                    coefs.append(0)
                    continue
                coefs.append(load(i, d, last))
            rows.append((coefs, limit, "%s@%d-Q%d" % (t["id"], q // 4,
                                                      q % 4 + 1)))
    deps = []
    for i in inits:
        for p in i.get("depends_on") or []:
            if p in col:
                deps.append((col[i["id"]], col[p]))
    kept = [i["status"] in keep or i["id"] in keep or i.get("mandatory") or
            (as_of is not None and (i["status"] == "done" or
                                    day(i["end"]) < as_of)) for i in inits]
    changed = True
    while changed:  # a kept one's prerequisites
        changed = False
        for a, b in deps:
            if kept[a] and not kept[b]:
                kept[b] = changed = True
    return inits, ids, value, cost, rows, deps, kept


def search(n, value, cost, rows, deps, kept):
    """The best (value, cost) over every plan, and per column the best
    value with it funded and with it cut (None where no plan has that)."""
    dep_mask = [0] * n
    for a, b in deps:
        dep_mask[a] |= 1 << b
    kept_mask = sum(1 << j for j in range(n) if kept[j])
    cols = [[r[0][j] for r in rows] for j in range(n)]
    limits = [r[1] for r in rows]
    sums = [0] * len(rows)
    mask = v = c = 0
    best, on_best, off_best = None, [None] * n, [None] * n
    for k in range(1 << n):
        if k:
            j = (k & -k).bit_length() - 1
            sign = -1 if (mask >> j) & 1 else 1
            mask ^= 1 << j
            v += sign * value[j]
            c += sign * cost[j]
            for r in range(len(rows)):
                sums[r] += sign * cols[j][r]
        if mask & kept_mask != kept_mask:
            continue
        if any(dep_mask[j] & ~mask for j in range(n) if (mask >> j) & 1):
            continue
        if any(s > lim for s, lim in zip(sums, limits)):
            continue
        if best is None or v > best[0] or (v == best[0] and c < best[1]):
            best = (v, c)
        for j in range(n):
            side = on_best if (mask >> j) & 1 else off_best
            if side[j] is None or v > side[j]:
                side[j] = v
    return best, on_best, off_best


def breaks(on, rows, deps, ids, j):
    for coefs, limit, name in rows:
        if sum(cf for cf, o in zip(coefs, on) if o) > limit:
            return name
    for a, b in deps:
        if a == j and not on[b]:
            return "prerequisite " + ids[b]
    return None


def verify(roadmap, export_path, plan_path, *flags):
    scale, keep, as_of = 100, ["active", "done"], None
    args = list(flags)
    while args:
        f = args.pop(0)
        if f == "--scale":
            scale = int(args.pop(0))
        elif f == "--keep":
            keep = args.pop(0).split(",")
        elif f == "--as-of":
            as_of = day(args.pop(0))
    export = json.load(open(export_path))
    plan = json.load(open(plan_path))
    inits, ids, value, cost, rows, deps, kept = model(export, scale, keep,
                                                      as_of)
    n = len(ids)
    best, on_best, off_best = search(n, value, cost, rows, deps, kept)
    if best is None:
        if plan["status"] != "infeasible":
            fail("no plan holds, but optimize says %s" % plan["status"])
        # the limit named is one the kept ones alone break
        on = kept
        named = [r for r in rows if r[2] == plan["breaks"]]
        if not named or sum(cf for cf, o in zip(named[0][0], on) if o) <= \
                named[0][1]:
            fail("infeasible names %s, which the kept ones do not break" %
                 plan["breaks"])
        print("ok")
        return
    if plan["status"] != "optimal":
        fail("status %s, want optimal" % plan["status"])
    funded = {f["id"] for f in plan["funded"]}
    on = [x in funded for x in ids]
    v = sum(value[j] for j in range(n) if on[j])
    c = sum(cost[j] for j in range(n) if on[j])
    if any(k and not o for k, o in zip(kept, on)):
        fail("a kept initiative is cut")
    if (v, c) != best or cents(plan["value"]) != v or \
            cents(plan["spend"]) != c:
        fail("value %s spend %s (reported %s, %s); exhaustive search: "
             "value %s spend %s" % (v, c, plan["value"], plan["spend"],
                                    best[0], best[1]))
    if breaks(on, rows, deps, ids, None):
        fail("the plan breaks %s" % breaks(on, rows, deps, ids, None))
    got = {e["id"]: e for e in plan.get("explain", [])}
    want = [x for x, k in zip(ids, kept) if not k]
    if sorted(got) != sorted(want):
        fail("explained %s, want %s" % (sorted(got), sorted(want)))
    for j, x in enumerate(ids):
        if kept[j]:
            continue
        e = got[x]
        flipped = off_best[j] if on[j] else on_best[j]
        if e["decision"] != ("funded" if on[j] else "cut"):
            fail("%s: decision %s" % (x, e["decision"]))
        if flipped is None:
            if e["status"] != "infeasible" or \
                    e["value_if_flipped"] is not None or \
                    e["value_if_flipped_min"] is not None:
                fail("%s: no plan has it flipped, explain says %s %s %s" % (
                    x, e["status"], e["value_if_flipped"],
                    e["value_if_flipped_min"]))
        elif e["status"] != "optimal" or \
                e["value_if_flipped_min"] != e["value_if_flipped"] or \
                cents(e["value_if_flipped"]) != best[0] - flipped:
            fail("%s: %s %s lost if flipped, exhaustive search: %s" % (
                x, e["status"], e["value_if_flipped"],
                (best[0] - flipped) / 100))
        if on[j]:
            if e["reason"] is not None:
                fail("%s: funded, with reason %s" % (x, e["reason"]))
            continue
        plus = list(on)
        plus[j] = True
        why = breaks(plus, rows, deps, ids, j)
        if e["reason"] != why:
            fail("%s: reason %s, want %s" % (x, e["reason"], why))
    print("ok")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"gen": gen, "verify": verify}[cmd](*args)
