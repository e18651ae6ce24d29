#!/usr/bin/python3
"""level_check.py - schedule --level against an exhaustive search.

    level_check.py SEED COUNT      (ROADMAP: the binary; in a scratch dir)

For COUNT small random roadmaps (3 to 5 movable initiatives, a horizon of
3 to 7 weeks, one or two teams, a ramp now and then, fixed work beside:
started, done, pinned, cancelled) every plan of whole-week delays is tried
here, with the rules of roadmap(1), schedule --level written again from the
man page, not from the C: the best (days past goal due dates, days of
delay, last end) must be the tool's objective, and the tool's moves must
keep every capacity and dependency and give that objective. Infeasible
instances must exit 1, and exit 1 with --apply leaving the file as it was.
Each levelled plan is then applied (--apply) and `check` must find no
capacity-overrun and no dependency-order but those between two fixed
initiatives. Prints TAP.

So that levelling has work to do, a dependent starts within ten days
either side of its prerequisites' end, and each team's capacity is set
between 80 and 100 % of its busiest quarter still to come (as this file
counts load). Seed 1's 20 roadmaps (level.sh): 10 levelled with moves,
8 of them by the exact search (2 where the serial schedule finds no plan),
8 infeasible, 2 with nothing to move.
"""
import datetime
import itertools
import json
import os
import random
import subprocess
import sys

ROADMAP = os.environ["ROADMAP"]
D0 = datetime.date(1970, 1, 1)
AS_OF = datetime.date(2026, 3, 2)


def day(d):
    return (d - D0).days


def date(n):
    return D0 + datetime.timedelta(days=n)


def quarter(n, fs):
    d = date(n)
    m = d.year * 12 + d.month - 1 - (fs - 1)
    return m // 3


def quarter_days(q, fs):
    m = q * 3 + fs - 1
    first = datetime.date(m // 12, m % 12 + 1, 1)
    m += 3
    last = datetime.date(m // 12, m % 12 + 1, 1) - datetime.timedelta(days=1)
    return day(first), day(last)


def capacity_on(team, n):
    cap = team["capacity"]
    for k in sorted(team.get("capacity_changes", {})):
        if day(datetime.date.fromisoformat(k)) <= n:
            cap = team["capacity_changes"][k]
    return round(cap * 100)


def load_in(it, a, b, w=0):
    """fte (hundredths) x the days initiative it, w weeks later, runs in
    days a .. b."""
    s = day(datetime.date.fromisoformat(it["start"])) + 7 * w
    e = day(datetime.date.fromisoformat(it["end"])) + 7 * w
    return round(it["fte"] * 100) * max(0, min(b, e) - max(a, s) + 1)


def make(rng):
    fs = rng.choice([1, 1, 4])
    teams = [{"id": "t%d" % t} for t in range(rng.randint(1, 2))]
    goals = [{"id": "g0", "title": "G0", "due": "2026-06-30"},
             {"id": "g1", "title": "G1", "due": "2026-09-30"},
             {"id": "g2", "title": "G2"}]
    inits = []
    movable = rng.randint(3, 5)
    fixed = rng.randint(0, 3)
    pins = []
    kinds = {}
    for k in range(movable + fixed):
        kind = "movable" if k < movable else rng.choice(
            ["started", "done", "pinned", "cancelled"])
        if kind == "started":
            s = day(AS_OF) - rng.randint(1, 40)
        else:
            s = day(AS_OF) + rng.randint(0, 100)
        e = s + rng.randint(10, 80)
        it = {"id": "i%d" % k, "title": "I%d" % k,
              "goals": rng.sample(["g0", "g1", "g2"], rng.randint(0, 2)),
              "status": {"done": "done", "cancelled": "cancelled"}.get(
                  kind, rng.choice(["proposed", "approved", "active"])),
              "team": rng.choice(teams)["id"],
              "start": date(s).isoformat(), "end": date(e).isoformat(),
              "fte": rng.choice([0.5, 1, 1, 1.5, 2])}
        if kind == "pinned":
            pins.append(it["id"])
        kinds[it["id"]] = kind
        inits.append(it)
    rng.shuffle(inits)
    ids = [i["id"] for i in inits]
    byid = {i["id"]: i for i in inits}
    for a in range(len(inits)):
        it = inits[a]
        for b in range(a):
            if rng.random() < 0.25:
                it.setdefault("depends_on", []).append(ids[b])
        if kinds[it["id"]] in ("movable", "pinned") and "depends_on" in it:
            # within ten days either side of its prerequisites' end
            s = day(datetime.date.fromisoformat(it["start"]))
            n = day(datetime.date.fromisoformat(it["end"])) - s
            s = max(day(datetime.date.fromisoformat(byid[p]["end"]))
                    for p in it["depends_on"]) + rng.randint(-10, 10)
            s = max(s, day(AS_OF))
            it["start"], it["end"] = date(s).isoformat(), date(s + n).isoformat()
    # each team's capacity a little under its busiest quarter to come
    open_ = [i for i in inits if i["status"] not in ("done", "cancelled")]
    for team in teams:
        mine = [i for i in open_ if i["team"] == team["id"]]
        peak = 0
        for q in range(quarter(day(AS_OF), fs), quarter(day(AS_OF), fs) + 6):
            a, b = quarter_days(q, fs)
            peak = max(peak, sum(load_in(i, a, b) for i in mine) / (b - a + 1))
        team["capacity"] = max(0.5, round(peak * rng.uniform(0.8, 1) / 100,
                                          2))
        if rng.random() < 0.3:
            team["capacity_changes"] = {"2026-05-01": round(
                team["capacity"] * rng.choice([0.8, 1.2, 1.5]), 2)}
    for it in inits:
        if not it["goals"]:
            del it["goals"]
    rm = {"format": 1, "name": "random", "fiscal_year_start": fs,
          "teams": teams, "goals": goals, "initiatives": inits}
    return rm, pins, rng.randint(3, 7)


def solve(rm, pins, horizon):
    """The best plan by trying them all: (objective, weeks) or None."""
    fs = rm["fiscal_year_start"]
    teams = {t["id"]: t for t in rm["teams"]}
    due = {g["id"]: day(datetime.date.fromisoformat(g["due"]))
           for g in rm["goals"] if "due" in g}
    counting = [i for i in rm["initiatives"]
                if i["status"] not in ("cancelled", "deferred")]
    byid = {i["id"]: i for i in counting}
    S = {i["id"]: day(datetime.date.fromisoformat(i["start"]))
         for i in counting}
    E = {i["id"]: day(datetime.date.fromisoformat(i["end"]))
         for i in counting}
    mov = [i["id"] for i in counting
           if i["status"] != "done" and S[i["id"]] >= day(AS_OF)
           and i["id"] not in pins]
    open_ = [i for i in counting if i["status"] != "done"]

    def load_of(plan):
        load = {}
        for i in open_:
            w = plan.get(i["id"], 0)
            s, e = S[i["id"]] + 7 * w, E[i["id"]] + 7 * w
            for q in range(quarter(s, fs), quarter(e, fs) + 1):
                a, b = quarter_days(q, fs)
                key = (i["team"], q)
                load[key] = load.get(key, 0) + load_in(i, a, b, w)
        return load

    caps = {}  # (team, quarter): its capacity in hundredths x days

    def ok(plan):
        for i in counting:
            for p in i.get("depends_on", []):
                if p not in byid:
                    continue
                iw, pw = plan.get(i["id"], 0), plan.get(p, 0)
                if i["id"] not in plan and p not in plan:
                    continue  # two fixed ones: not levelling's
                if i["id"] not in plan and E[p] >= S[i["id"]]:
                    if pw > 0:  # broken already: the prerequisite stays
                        return False
                    continue
                if S[i["id"]] + 7 * iw <= E[p] + 7 * pw:
                    return False
        for (t, q), v in load_of(plan).items():
            a, b = quarter_days(q, fs)
            if b < day(AS_OF):
                continue
            if (t, q) not in caps:
                caps[t, q] = sum(capacity_on(teams[t], n)
                                 for n in range(a, b + 1))
            if v > caps[t, q]:
                return False
        return True

    def objective(plan):
        late = delay = 0
        last = None
        for i in counting:
            w = plan.get(i["id"], 0)
            e = E[i["id"]] + 7 * w
            late += sum(max(0, e - due[g]) for g in i.get("goals", [])
                        if g in due)
            delay += 7 * w
            last = e if last is None else max(last, e)
        return (late, delay, last)

    best = None
    for ws in itertools.product(range(horizon + 1), repeat=len(mov)):
        plan = dict(zip(mov, ws))
        o = objective(plan)
        if best is not None and o >= best[0]:
            continue
        if ok(plan):
            best = (o, plan)
    return best, ok, objective


def main():
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    n = 0
    print("1..%d" % (3 * count))
    for k in range(count):
        rm, pins, horizon = make(rng)
        name = "case%d.json" % k
        with open(name, "w") as f:
            json.dump(rm, f, indent=2)
        args = [ROADMAP, "-f", name, "schedule", "--level", "--as-of",
                AS_OF.isoformat(), "--horizon", str(horizon)]
        for p in pins:
            args += ["--pin", p]
        args += ["--format", "json"]
        r = subprocess.run(args, capture_output=True, text=True)
        best, ok, objective = solve(rm, pins, horizon)
        what = "case %d (seed %d, horizon %d)" % (k, seed, horizon)
        n += 1
        if best is None:
            good = r.returncode == 1 and json.loads(r.stdout)[
                "status"] == "infeasible"
            print(("ok" if good else "not ok") +
                  " %d - %s: infeasible, exit 1" % (n, what))
            if not good:
                print("#   rc %d %s" % (r.returncode, r.stderr.strip()))
            with open(name, "rb") as f:
                was = f.read()
            a = subprocess.run(args[:-2] + ["--apply"], capture_output=True,
                               text=True)
            with open(name, "rb") as f:
                now = f.read()
            n += 1
            good = a.returncode == 1 and a.stderr.startswith(
                "roadmap: schedule --level: ") and now == was
            print(("ok" if good else "not ok") +
                  " %d - %s: --apply exits 1, the file as it was" % (n, what))
            if not good:
                print("#   rc %d %s" % (a.returncode, a.stderr.strip()))
            n += 1
            good = r.stderr == a.stderr
            print(("ok" if good else "not ok") +
                  " %d - %s: --apply says why as the plan does" % (n, what))
            continue
        got = json.loads(r.stdout) if r.returncode == 0 else None
        want = {"late_days": best[0][0], "delay_days": best[0][1],
                "end": date(best[0][2]).isoformat()}
        good = got is not None and got["objective"] == want and \
            got["status"] == "optimal"
        print(("ok" if good else "not ok") +
              " %d - %s: the objective is the exhaustive optimum" % (n, what))
        if not good:
            print("#   want %s, got rc %d %s %s" % (
                want, r.returncode, got and got["objective"], r.stderr))
        n += 1
        plan = {m["id"]: m["weeks"] for m in (got or {}).get("moves", [])}
        mov_ok = got is not None and ok(plan) and all(
            m["reason"] for m in got["moves"])
        if mov_ok:
            o = objective(plan)
            mov_ok = (o[0], o[1], date(o[2]).isoformat()) == (
                want["late_days"], want["delay_days"], want["end"])
        print(("ok" if mov_ok else "not ok") +
              " %d - %s: the moves keep every limit, each says why" % (n, what))
        n += 1
        a = subprocess.run(args[:-2] + ["--apply"], capture_output=True,
                           text=True)
        c = subprocess.run([ROADMAP, "-f", name, "check", "--format",
                            "json"], capture_output=True, text=True)
        # a fixed dependent that starts before its prerequisite ends
        # keeps it there: the one order levelling cannot mend
        fixed = {i["id"] for i in rm["initiatives"]} - set(best[1])
        bad = [f for f in json.loads(c.stdout)["findings"]
               if f["code"] == "capacity-overrun" or
               (f["code"] == "dependency-order" and
                not (f["subject"] in fixed and
                     plan.get(f["related"][0], 0) == 0))]
        good = a.returncode == 0 and not bad
        print(("ok" if good else "not ok") +
              " %d - %s: check finds no overload or order left" % (n, what))
        if not good:
            print("#   %d %s %s" % (a.returncode, a.stderr.strip(), bad))
    return 0


if __name__ == "__main__":
    sys.exit(main())
