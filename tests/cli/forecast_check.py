#!/usr/bin/python3
"""forecast_check.py - forecast's figures against exact distributions.

  gen OUT.json          the fixture: a lone triangular estimate with opex
                        and capex, a chain of three identical estimates
                        (each can only start when the last ends), two
                        parallel branches feeding one goal
  exact FORECAST.json   every figure of `forecast --format json` (100,000
                        trials) against its closed form: P50/P80/P95
                        within one day, on-time probabilities within 0.01,
                        the cost percentiles within one day's opex
  schedule FORECAST.json SCHEDULE.json
                        without estimates every percentile is the
                        schedule's earliest end
  chain CHAIN.json FORECAST.json
                        a long chain (tests/perf/gen-chain) from few
                        trials: the end of its middle and last initiative
                        (and its goal's, the portfolio's) against the
                        normal limit of the sum of the exact rounded
                        durations, within five standard errors of each
                        percentile

The duration of an estimate is the triangular (optimistic, planned,
pessimistic) length in days rounded halves up, so P(D <= k) = F(k + 1/2)
with F the continuous distribution function. Prints "ok" or what is wrong.
"""
import datetime
import json
import math
import sys

START = datetime.date(2026, 1, 1)


def fail(msg):
    print(msg)
    sys.exit(1)


def day(s):
    return datetime.date.fromisoformat(s)


def iso(n):
    """The day n days after START (n = duration - 1 for an end)."""
    return (START + datetime.timedelta(days=n)).isoformat()


def tri_cdf(x, a, b, c):
    if x <= a:
        return 0.0
    if x >= c:
        return 1.0
    if x <= b:
        return (x - a) ** 2 / ((c - a) * (b - a))
    return 1 - (c - x) ** 2 / ((c - a) * (c - b))


def pmf(a, b, c):
    """{days: probability} of the rounded triangular duration."""
    out, prev = {}, 0.0
    for k in range(a, c + 1):
        cum = 1.0 if k == c else tri_cdf(k + 0.5, a, b, c)
        out[k] = cum - prev
        prev = cum
    return out


def convolve(p, q):
    out = {}
    for i, x in p.items():
        for j, y in q.items():
            out[i + j] = out.get(i + j, 0.0) + x * y
    return out


def cdf_of(p):
    keys = sorted(p)
    acc, out = 0.0, {}
    for k in keys:
        acc += p[k]
        out[k] = acc
    return out


def quantile(cdf, pct):
    for k in sorted(cdf):
        if cdf[k] >= pct / 100 - 1e-12:
            return k
    return max(cdf)


# (optimistic, planned, pessimistic) durations in days
SOLO = (60, 90, 135)
LINK = (20, 30, 50)
P1 = (40, 50, 90)
P2 = (30, 60, 70)


def item(ident, est, goals, deps=None, opex=0, capex=0):
    lo, mode, hi = est
    it = {"id": ident, "title": ident, "goals": goals,
          "start": START.isoformat(), "end": iso(mode - 1),
          "optimistic": iso(lo - 1), "pessimistic": iso(hi - 1),
          "opex": opex, "capex": capex}
    if deps:
        it["depends_on"] = deps
    return it


def gen(out):
    doc = {"format": 1, "name": "forecast fixture",
           "goals": [{"id": "g-solo", "title": "Solo", "due": "2026-04-10"},
                     {"id": "g-chain", "title": "Chain",
                      "due": iso(95 - 1)},
                     {"id": "g-par", "title": "Parallel",
                      "due": iso(62 - 1)}],
           "initiatives": [
               item("solo", SOLO, ["g-solo"], opex=90000, capex=10000),
               item("c1", LINK, ["g-chain"]),
               item("c2", LINK, ["g-chain"], ["c1"]),
               item("c3", LINK, ["g-chain"], ["c2"]),
               item("p1", P1, ["g-par"]),
               item("p2", P2, ["g-par"])]}
    with open(out, "w") as f:
        json.dump(doc, f, indent=2)
    print("ok")


def check_dates(name, got, cdf, offset):
    for pct in (50, 80, 95):
        want = datetime.date.fromisoformat(iso(quantile(cdf, pct) - 1 +
                                               offset))
        have = day(got["p%d" % pct])
        if abs((have - want).days) > 1:
            fail("%s P%d is %s, the exact one %s" % (name, pct, have, want))


def prob_le(cdf, k):
    return max([v for key, v in cdf.items() if key <= k], default=0.0)


def exact(path):
    f = json.load(open(path))
    if f["trials"] != 100000:
        fail("run it with --trials 100000")
    by = {x["id"]: x for x in f["initiatives"]}
    goals = {x["id"]: x for x in f["goals"]}
    solo = cdf_of(pmf(*SOLO))
    check_dates("solo", by["solo"], solo, 0)
    if abs(by["solo"]["on_time"] - prob_le(solo, SOLO[1])) > 0.01:
        fail("solo on time %s, exactly %.4f" % (by["solo"]["on_time"],
                                                prob_le(solo, SOLO[1])))
    due = (day("2026-04-10") - START).days + 1
    if abs(goals["g-solo"]["on_time"] - prob_le(solo, due)) > 0.01:
        fail("g-solo on time %s, exactly %.4f" % (
            goals["g-solo"]["on_time"], prob_le(solo, due)))
    # the chain: c3 ends after D1 + D2 + D3 days
    link = pmf(*LINK)
    two = convolve(link, link)
    three = cdf_of(convolve(two, link))
    check_dates("c2", by["c2"], cdf_of(two), 0)
    check_dates("c3", by["c3"], three, 0)
    check_dates("goal g-chain", goals["g-chain"], three, 0)
    if abs(goals["g-chain"]["on_time"] - prob_le(three, 95)) > 0.01:
        fail("g-chain on time %s, exactly %.4f" % (
            goals["g-chain"]["on_time"], prob_le(three, 95)))
    # parallel branches: the goal's end is the later one, F = F1 x F2
    c1, c2 = cdf_of(pmf(*P1)), cdf_of(pmf(*P2))
    both = {k: prob_le(c1, k) * prob_le(c2, k)
            for k in range(min(P1[0], P2[0]), max(P1[2], P2[2]) + 1)}
    check_dates("goal g-par", goals["g-par"], both, 0)
    if abs(goals["g-par"]["on_time"] - prob_le(both, 62)) > 0.01:
        fail("g-par on time %s, exactly %.4f" % (goals["g-par"]["on_time"],
                                                 prob_le(both, 62)))
    # the portfolio: its last end is the latest of the three groups
    last = {}
    ks = set(solo) | set(three) | set(both)
    for k in range(min(ks), max(ks) + 1):
        last[k] = prob_le(solo, k) * prob_le(three, k) * prob_le(both, k)
    check_dates("the portfolio's end", f["portfolio"]["end"], last, 0)
    # cost: capex 10,000 + opex 90,000 x D / 90 = 10,000 + 1,000 D
    for pct in (50, 80, 95):
        want = 10000 + 1000 * quantile(solo, pct)
        got = f["portfolio"]["cost"]["p%d" % pct]
        if abs(got - want) > 1000:
            fail("cost P%d is %s, exactly %s" % (pct, got, want))
    print("ok")


def schedule(fpath, spath):
    f = json.load(open(fpath))
    s = {r["id"]: r for r in json.load(open(spath))}
    if not f["initiatives"]:
        fail("no initiatives")
    for x in f["initiatives"]:
        want = s[x["id"]]["earliest_end"]
        if not x["p50"] == x["p80"] == x["p95"] == want:
            fail("%s: %s %s %s, the schedule says %s" % (
                x["id"], x["p50"], x["p80"], x["p95"], want))
        on = 1 if want <= x["planned_end"] else 0
        if x["on_time"] != on:
            fail("%s: on time %s, want %s" % (x["id"], x["on_time"], on))
    print("ok")


def chain(cpath, fpath):
    doc = json.load(open(cpath))
    f = json.load(open(fpath))
    n = f["trials"]
    by = {x["id"]: x for x in f["initiatives"]}
    inits = doc["initiatives"]
    if len(by) != len(inits):
        fail("%d initiatives, the chain has %d" % (len(by), len(inits)))
    z = {50: 0.0, 80: 0.8416212335729143, 95: 1.6448536269514722}
    mean = var = 0.0
    checked = 0
    for k, it in enumerate(inits):
        s = day(it["start"])
        a, b, c = ((day(it[key]) - s).days + 1
                   for key in ("optimistic", "end", "pessimistic"))
        p = pmf(a, b, c)
        m = sum(d * q for d, q in p.items())
        mean += m
        var += sum((d - m) ** 2 * q for d, q in p.items())
        if k not in (len(inits) // 2, len(inits) - 1):
            continue
        sd = math.sqrt(var)
        got = [by[it["id"]]]
        if k == len(inits) - 1:
            got += [f["goals"][0], f["portfolio"]["end"]]
        for g in got:
            for pct in (50, 80, 95):
                q = pct / 100
                dens = math.exp(-z[pct] ** 2 / 2) / math.sqrt(2 * math.pi)
                se = math.sqrt(q * (1 - q) / n) / dens * sd
                want = mean + z[pct] * sd - 1
                have = (day(g["p%d" % pct]) - START).days
                if abs(have - want) > 5 * se + 1:
                    fail("%s P%d is day %d, the normal limit %.1f (se %.1f)"
                         % (it["id"], pct, have, want, se))
        checked += 1
    if checked != 2:
        fail("checked %d initiatives" % checked)
    print("ok")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"gen": gen, "exact": exact, "schedule": schedule,
     "chain": chain}[cmd](*args)
