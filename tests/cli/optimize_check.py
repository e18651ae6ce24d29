#!/usr/bin/python3
"""optimize_check.py - optimize's answers against exhaustive search.

  gen SEED N OUT.json [M]   a random portfolio of N initiatives: quarter,
                            year and pillar envelopes, teams with capacity,
                            dependencies, kept work; with M, every amount
                            scaled up to about M currency units with odd
                            cents, and benefits a few round figures apart
                            by a cent or two (near ties)
  verify ROADMAP EXPORT PLAN [--scale PCT] [--objective O] [--ignore-capacity]
                            PLAN (optimize --format json) funds a plan that
                            breaks no limit, whose value is the best of all
                            2^n plans and whose spend is the least among the
                            plans of that value
  greedy ROADMAP EXPORT PLAN  PLAN is optimal, holds, and is worth at
                            least the greedy cut line (value per spend)
  frontier PLAN             the frontier's value never rises as the budget
                            falls, the point at the plan's scale is the
                            plan, and no smaller budget's point beats it
  hard SEED N OUT.json      N initiatives whose value is close to their
                            cost (a strongly correlated knapsack) over
                            eight quarters funded at half: no solver
                            proves it in seconds
  bounded PLAN              a plan the time limit stopped: feasible, the
                            bound above the value, the gap between them

EXPORT is `roadmap export --format json` of ROADMAP: the quarterly spend
of each initiative (the spreading rule of roadmap(1), budget) comes from it; everything else (scopes,
loads, dependencies, the search) is computed here. Prints "ok" or what is
wrong; exits 1 on a failure.
"""
import datetime
import json
import random
import sys
import time


def fail(msg):
    print(msg)
    sys.exit(1)


def quarter_of(day):
    return day.year * 4 + (day.month - 1) // 3


def quarter_bounds(qi):
    y, q = divmod(qi, 4)
    first = datetime.date(y, 3 * q + 1, 1)
    nxt = datetime.date(y + (q == 3), (3 * q + 3) % 12 + 1, 1)
    return first, nxt - datetime.timedelta(days=1)


def odd_cents(rnd, cents):
    """An amount near CENTS (cents), with cents of its own, in units."""
    cents = max(1, min(cents + rnd.randrange(-99, 100), 10 ** 14))
    return cents / 100


def gen(seed, n, out, magnitude=None):
    rnd = random.Random(int(seed))
    n = int(n)
    k = max(1, n // 15)  # limits grow with the portfolio
    teams = [{"id": "t1", "capacity": rnd.choice([3, 4, 5]) * k},
             {"id": "t2", "capacity": rnd.choice([2, 3]) * k}]
    inits = []
    for i in range(n):
        q0 = rnd.randrange(0, 6)
        length = rnd.randrange(1, 4)
        start = quarter_bounds(2026 * 4 + q0)[0] + \
            datetime.timedelta(days=rnd.choice([0, 0, 10, 30]))
        end = quarter_bounds(2026 * 4 + q0 + length - 1)[1] - \
            datetime.timedelta(days=rnd.choice([0, 0, 15]))
        it = {"id": "i%02d" % i, "title": "Initiative %d" % i,
              "goals": ["g"], "pillar": rnd.choice(["grow", "run"]),
              "status": rnd.choice(["proposed"] * 9 + ["approved"] * 3 +
                                   ["active", "done"]),
              "team": rnd.choice(["t1", "t2"]),
              "start": start.isoformat(), "end": end.isoformat(),
              "opex": rnd.randrange(20, 400) * 1000,
              "capex": rnd.choice([0, 0, rnd.randrange(10, 200) * 1000]),
              "fte": rnd.choice([1, 1.5, 2, 2.5, 3]),
              "priority": rnd.randrange(1, 6),
              "benefit": rnd.randrange(0, 60) * 25000}
        if i > 2 and rnd.random() < 0.35:
            it["depends_on"] = sorted(rnd.sample(
                ["i%02d" % k for k in range(i)], rnd.choice([1, 1, 2])))
        inits.append(it)
    budgets = []
    for q in range(8):
        label = "%d-Q%d" % (2026 + q // 4, q % 4 + 1)
        if rnd.random() < 0.7:
            budgets.append({"period": label,
                            "amount": rnd.randrange(3, 12) * 100000 * k})
    budgets.append({"period": "FY2026", "pillar": "grow",
                    "amount": rnd.randrange(8, 20) * 100000 * k})
    budgets.append({"period": "2027-Q2", "pillar": "run",
                    "amount": rnd.randrange(3, 9) * 100000 * k})
    if magnitude:  # the same portfolio at up to about M units
        big = random.Random(int(seed) + 1000)
        f = float(magnitude) / 1.2e6 / k
        bases = [big.randrange(1, 60) for _ in range(4)]
        for it in inits:
            it["opex"] = odd_cents(big, int(it["opex"] * f * 100))
            if it["capex"]:
                it["capex"] = odd_cents(big, int(it["capex"] * f * 100))
            it["benefit"] = odd_cents(
                big, int(big.choice(bases) * 25000 * f * 100)) \
                if it["benefit"] else 0
        for b in budgets:
            b["amount"] = odd_cents(big, int(b["amount"] * f * 100))
    doc = {"format": 1, "name": "random %s" % seed,
           "pillars": ["grow", "run"], "teams": teams,
           "goals": [{"id": "g", "title": "G"}], "initiatives": inits,
           "budgets": budgets}
    with open(out, "w") as f:
        json.dump(doc, f, indent=2)
    print("ok")


def cents(x):
    return int(round(x * 100))


def model(export, scale, objective, ignore_capacity, keep):
    """Columns, their value and cost, rows (coefs, limit, name), deps and
    the kept ones, from the export, independently of the tool."""
    inits = [i for i in export["initiatives"] if i["status"] not in ("cancelled", "deferred")]
    ids = [i["id"] for i in inits]
    col = {x: k for k, x in enumerate(ids)}
    value = []
    for i in inits:
        if objective == "priority":
            value.append(6 - i["priority"])
        else:
            value.append(cents(i["benefit"] or 0))
    cost = [cents(i["total"]) for i in inits]
    rows = []
    for b in export["budgets"]:
        p = b["period"]
        if p.startswith("FY"):
            y = int(p[2:])
            qs = [y * 4 + k for k in range(4)]
        else:
            qs = [int(p[:4]) * 4 + int(p[6]) - 1]
        labels = {"%d-Q%d" % (q // 4, q % 4 + 1) for q in qs}
        coefs = []
        for i in inits:
            if b.get("pillar") and i.get("pillar") != b["pillar"]:
                coefs.append(0)
                continue
            coefs.append(sum(cents(s["total"]) for s in i["spend"]
                             if s["period"] in labels))
        limit = cents(b["amount"]) * scale // 100
        rows.append((coefs, limit, p + ("/" + b["pillar"] if b.get("pillar")
                                        else "")))
    if not ignore_capacity:
        for t in export["teams"]:
            mine = [i for i in inits if i.get("team") == t["id"] and
                    i["status"] not in ("done", "cancelled", "deferred") and i["fte"]]
            qs = set()
            for i in mine:
                a = datetime.date.fromisoformat(i["start"])
                z = datetime.date.fromisoformat(i["end"])
                qs.update(range(quarter_of(a), quarter_of(z) + 1))
            for q in sorted(qs):
                first, last = quarter_bounds(q)
                coefs = []
                for i in inits:
                    if i not in mine:
                        coefs.append(0)
                        continue
                    a = max(datetime.date.fromisoformat(i["start"]), first)
                    z = min(datetime.date.fromisoformat(i["end"]), last)
                    days = (z - a).days + 1
                    coefs.append(round(i["fte"] * 100) * days
                                 if days > 0 else 0)
                limit = round(t["capacity"] * 100) * ((last - first).days + 1)
                rows.append((coefs, limit, "%s@%d-Q%d" % (t["id"], q // 4,
                                                          q % 4 + 1)))
    deps = []
    for i in inits:
        for p in i.get("depends_on") or []:
            if p in col:
                deps.append((col[i["id"]], col[p]))
    kept = [i["status"] in keep for i in inits]
    return ids, value, cost, rows, deps, kept


def feasible(mask, n, rows, deps, kept):
    on = [(mask >> j) & 1 for j in range(n)]
    if any(k and not o for k, o in zip(kept, on)):
        return False, "a kept initiative is cut"
    for a, b in deps:
        if on[a] and not on[b]:
            return False, "a funded initiative's prerequisite is cut"
    for coefs, limit, name in rows:
        if sum(c for c, o in zip(coefs, on) if o) > limit:
            return False, "breaks " + name
    return True, ""


def search(n, value, cost, rows, deps, kept):
    """The best value and, for it, the least cost, over every plan, by a
    Gray-code walk that updates each row's sum one column at a time."""
    dep_mask = [0] * n  # prerequisites of each column
    for a, b in deps:
        dep_mask[a] |= 1 << b
    kept_mask = sum(1 << j for j in range(n) if kept[j])
    sums = [0] * len(rows)
    cols = [[r[0][j] for r in rows] for j in range(n)]
    limits = [r[1] for r in rows]
    mask = v = c = 0
    best = None
    for k in range(1 << n):
        if k:
            j = (k & -k).bit_length() - 1
            sign = -1 if (mask >> j) & 1 else 1
            mask ^= 1 << j
            v += sign * value[j]
            c += sign * cost[j]
            cj = cols[j]
            for r in range(len(rows)):
                sums[r] += sign * cj[r]
        if mask & kept_mask != kept_mask:
            continue
        ok = True
        m = mask
        while m and ok:
            j = (m & -m).bit_length() - 1
            m &= m - 1
            ok = dep_mask[j] & ~mask == 0
        if not ok or any(s > lim for s, lim in zip(sums, limits)):
            continue
        if best is None or v > best[0] or (v == best[0] and c < best[1]):
            best = (v, c)
    return best


def verify(roadmap, export_path, plan_path, *flags):
    scale, objective, ignore = 100, "benefit", False
    args = list(flags)
    while args:
        f = args.pop(0)
        if f == "--scale":
            scale = int(args.pop(0))
        elif f == "--objective":
            objective = args.pop(0)
        elif f == "--ignore-capacity":
            ignore = True
    export = json.load(open(export_path))
    plan = json.load(open(plan_path))
    ids, value, cost, rows, deps, kept = model(
        export, scale, objective, ignore, ("active", "done"))
    n = len(ids)
    best = search(n, value, cost, rows, deps, kept)
    if best is None:
        if plan["status"] != "infeasible":
            fail("no plan holds, but optimize says %s" % plan["status"])
        print("ok")
        return
    if plan["status"] != "optimal":
        fail("status %s, want optimal" % plan["status"])
    funded = {f["id"] for f in plan["funded"]}
    mask = sum(1 << j for j, x in enumerate(ids) if x in funded)
    good, why = feasible(mask, n, rows, deps, kept)
    if not good:
        fail("the plan %s" % why)
    v = sum(value[j] for j in range(n) if (mask >> j) & 1)
    c = sum(cost[j] for j in range(n) if (mask >> j) & 1)
    got_v = cents(plan["value"]) if objective == "benefit" else plan["value"]
    if v != best[0] or c != best[1] or got_v != v or cents(plan["spend"]) != c:
        fail("value %s spend %s (reported %s, %s); exhaustive search: "
             "value %s spend %s" % (v, c, plan["value"], plan["spend"],
                                    best[0], best[1]))
    print("ok")


def greedy_cut(export, scale=100):
    """The cut line a person would draw: by value per unit of spend, each
    initiative (with its prerequisites) funded when it still fits. Returns
    the indexes funded, in the model's columns, and the model."""
    ids, value, cost, rows, deps, kept = model(
        export, scale, "benefit", False, ("active", "done"))
    n = len(ids)
    pre = [[] for _ in range(n)]
    for a, b in deps:
        pre[a].append(b)
    on = [bool(k) for k in kept]
    changed = True
    while changed:  # the kept ones' prerequisites
        changed = False
        for a, b in deps:
            if on[a] and not on[b]:
                on[b] = changed = True
    sums = [sum(c for c, o in zip(r[0], on) if o) for r in rows]
    if any(x > r[1] for x, r in zip(sums, rows)):
        fail("the kept ones alone break a limit")
    order = sorted(range(n), key=lambda j: -value[j] / max(cost[j], 1))
    for j in order:
        if on[j]:
            continue
        add, stack = set(), [j]
        while stack:
            x = stack.pop()
            if not on[x] and x not in add:
                add.add(x)
                stack.extend(pre[x])
        new = [x + sum(r[0][a] for a in add) for x, r in zip(sums, rows)]
        if all(x <= r[1] for x, r in zip(new, rows)):
            sums = new
            for a in add:
                on[a] = True
    return on, (ids, value, cost, rows, deps, kept)


def greedy_line(export_path, scale):
    """For make bench: the greedy cut line's value (in currency units) and
    the seconds it took, from the export."""
    export = json.load(open(export_path))
    t = time.monotonic()
    on, m = greedy_cut(export, int(scale))
    took = time.monotonic() - t
    print("%.2f %.3f" % (sum(v for v, o in zip(m[1], on) if o) / 100, took))


def greedy(roadmap, export_path, plan_path):
    """The optimum must be at least as good as the greedy cut line, and
    its plan must hold."""
    export = json.load(open(export_path))
    plan = json.load(open(plan_path))
    on, (ids, value, cost, rows, deps, kept) = greedy_cut(export)
    n = len(ids)
    g = sum(value[j] for j in range(n) if on[j])
    funded = {f["id"] for f in plan["funded"]}
    mask = sum(1 << j for j, x in enumerate(ids) if x in funded)
    good, why = feasible(mask, n, rows, deps, kept)
    if not good:
        fail("the plan %s" % why)
    if plan["status"] != "optimal" or cents(plan["value"]) < g:
        fail("%s plan of value %s against the greedy cut line's %.2f" % (
            plan["status"], plan["value"], g / 100))
    print("ok")


def holds(export_path, plan_path, scale):
    """The plan keeps every envelope (at scale percent), capacity and
    prerequisite, in the independent model."""
    export = json.load(open(export_path))
    plan = json.load(open(plan_path))
    ids, value, cost, rows, deps, kept = model(
        export, int(scale), "benefit", False, ())
    funded = {f["id"] for f in plan["funded"]}
    mask = sum(1 << j for j, x in enumerate(ids) if x in funded)
    good, why = feasible(mask, len(ids), rows, deps, kept)
    if not good:
        fail("the plan %s" % why)
    print("ok")


def frontier(plan_path):
    plan = json.load(open(plan_path))
    pts = plan["frontier"]
    if [p["budget_scale"] for p in pts] != list(range(100, 45, -5)):
        fail("budget scales %s" % [p["budget_scale"] for p in pts])
    last = None
    for p in pts:
        if p["status"] == "infeasible":
            last = -1
            continue
        if last is not None and (last == -1 or p["value"] > last):
            fail("the value rises as the budget falls at %d %%" %
                 p["budget_scale"])
        last = p["value"]
    for p in pts:
        if p["budget_scale"] == plan["budget_scale"] and \
                (p["status"], p["value"]) != (plan["status"], plan["value"]):
            fail("the %d %% point (%s, %s) is not the plan (%s, %s)" % (
                p["budget_scale"], p["status"], p["value"], plan["status"],
                plan["value"]))
        if p["budget_scale"] < plan["budget_scale"] and \
                p["status"] != "infeasible" and \
                (plan["status"] == "infeasible" or
                 p["value"] > plan["value"]):
            fail("the %d %% point (%s) beats the plan at %d %% (%s)" % (
                p["budget_scale"], p["value"], plan["budget_scale"],
                plan["value"]))
    print("ok")


def hard(seed, n, out):
    rnd = random.Random(int(seed))
    inits, spend = [], [0] * 8
    for i in range(int(n)):
        q = rnd.randrange(8)
        cost = rnd.randrange(100000, 1000000)
        label = "%d-Q%d" % (2026 + q // 4, q % 4 + 1)
        spend[q] += cost
        inits.append({"id": "h%03d" % i, "title": "Hard %d" % i,
                      "goals": ["g"], "start": label, "end": label,
                      "opex": cost / 100,
                      "benefit": (cost + rnd.randrange(10000)) / 100})
    budgets = [{"period": "%d-Q%d" % (2026 + q // 4, q % 4 + 1),
                "amount": (spend[q] // 2 + 1) / 100} for q in range(8)]
    doc = {"format": 1, "name": "hard %s" % seed,
           "goals": [{"id": "g", "title": "G"}], "initiatives": inits,
           "budgets": budgets}
    with open(out, "w") as f:
        json.dump(doc, f, indent=1)
    print("ok")


def bounded(plan_path):
    plan = json.load(open(plan_path))
    if plan["status"] != "feasible":
        fail("status %s, want feasible" % plan["status"])
    v, b = cents(plan["value"]), cents(plan["bound"])
    if not b > v or abs(plan["gap"] - (b - v) / b) > 1e-12:
        fail("value %s bound %s gap %s" % (plan["value"], plan["bound"],
                                            plan["gap"]))
    print("ok")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"gen": gen, "verify": verify, "greedy": greedy, "frontier": frontier,
     "hard": hard, "bounded": bounded, "greedy-line": greedy_line,
     "holds": holds}[cmd](*args)
