#!/usr/bin/env python3
"""merge_random.py - random edit sequences on two branches of a roadmap,
merged (roadmap(1), merge). TAP on stdout.

A base is made with the CLI. Each side then makes a random sequence of CLI
edits (set, add, rm, actual, progress, measure, capacity, link, depend,
budgets, config, scenarios). In the disjoint trials each side edits only
its own half of the items, settings and envelopes, so the merge must be
clean and equal, byte for byte, to making both sequences in turn on the
base: merge BASE OURS THEIRS equals ours' edits then theirs', and merge
BASE THEIRS OURS theirs' then ours'. In the overlapping trials both sides
edit the same items: the merge may list conflicts (exit 1), and the merged
file must load and `check` must run; its items (as `list --format json`
shows them) and the conflicts it lists must be what the three-way rule,
written again here from the three sides' lists, gives. Every trial also
checks that a side merged with an unchanged base is that side, byte for
byte.

ROADMAP is the binary; MERGE_TRIALS (default 4) the trials of each kind
(one base for all: the edits are what is random).
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

R = os.environ["ROADMAP"]
TRIALS = int(os.environ.get("MERGE_TRIALS", "4"))
STEPS = 12
cases = 0
failed = 0


def tap(ok, name, detail=""):
    global cases, failed
    cases += 1
    failed += 0 if ok else 1
    print("%s %d - %s" % ("ok" if ok else "not ok", cases, name))
    if not ok and detail:
        for line in detail.splitlines()[:12]:
            print("#   " + line)


def run(path, *args):
    env = dict(os.environ, ROADMAP_TODAY="2026-05-15")
    return subprocess.run([R, "-f", path] + list(args), capture_output=True,
                          text=True, env=env)


def read(path):
    with open(path, "rb") as f:
        return f.read()


QUARTERS = ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]
STARTS = ["2027-Q1", "2027-Q2", "2027-01-15", "2027-03-01"]
ENDS = ["2027-Q3", "2027-Q4", "2028-Q1", "2028-Q2", "2027-08-31"]
DAYS = ["2027-01-31", "2027-02-28", "2027-03-31", "2027-05-15"]
SETTINGS = [
    [("name", ["Plan A", "Plan B"]), ("policy.mix_tolerance", ["4", "8"]),
     ("policy.target_mix.strategy", ["30", "45"])],
    [("currency", ["EUR", "GBP"]), ("policy.actuals_tolerance", ["5", "20"]),
     ("policy.target_mix.team", ["10", "15"])],
]


def make_base(path, rnd):
    ops = [["init", "--name", "Random plan"]]
    for g in range(6):
        ops.append(["add", "goal", "g%d" % g, "--title", "Goal %d" % g])
    for t in range(4):
        ops.append(["add", "team", "t%d" % t, "--capacity", str(4 + t)])
    for i in range(12):
        side = i % 2
        op = ["add", "initiative", "i%d" % i, "--title", "Item %d" % i,
              "--start", rnd.choice(STARTS), "--end", rnd.choice(ENDS),
              "--opex", "%dk" % rnd.randrange(10, 300),
              "--goal", "g%d" % (2 * rnd.randrange(3) + side),
              "--team", "t%d" % (2 * rnd.randrange(2) + side)]
        if i >= 2 and rnd.random() < 0.5:
            op += ["--depends-on", "i%d" % (i - 2)]
        ops.append(op)
    for q in QUARTERS:
        ops.append(["add", "budget", q, "%dk" % rnd.randrange(500, 900)])
    for op in ops:
        r = run(path, *op)
        if r.returncode:
            raise SystemExit("base: %s: %s" % (op, r.stderr))


def own(items, side, overlap):
    """The things a side edits: its half, or when they overlap the first
    quarter of all, the same for both sides (so that they clash)."""
    if overlap:
        return items[:max(1, len(items) // 4)]
    return [x for k, x in enumerate(items) if k % 2 == side]


def random_op(rnd, side, overlap, added):
    """One edit of side's things (all things when overlap)."""
    inits = own(["i%d" % i for i in range(12)], side, overlap) + \
        [a for a in added if a.startswith("i")]
    goals = own(["g%d" % g for g in range(6)], side, overlap) + \
        [a for a in added if a.startswith("g")]
    teams = own(["t%d" % t for t in range(4)], side, overlap)
    quarters = QUARTERS[2 * side:2 * side + 2] if not overlap else QUARTERS
    tag = "s%d" % side
    k = rnd.randrange(20)
    i, g = rnd.choice(inits), rnd.choice(goals)
    if k == 0:
        return ["set", i, "end=" + rnd.choice(ENDS)]
    if k == 1:
        return ["set", i, "start=" + rnd.choice(STARTS)]
    if k == 2:
        return ["set", i, "opex=%dk" % rnd.randrange(5, 400),
                "status=" + rnd.choice(["approved", "active", "done"])]
    if k == 3:
        return ["set", i, "title=Renamed by %s %d" % (tag, rnd.randrange(9))]
    if k == 4:
        return ["actual", i, rnd.choice(QUARTERS),
                "%dk" % rnd.randrange(1, 90)]
    if k == 5:
        return ["actual", i, rnd.choice(QUARTERS), "--kind",
                rnd.choice(["opex", "capex"]), "%dk" % rnd.randrange(1, 90)]
    if k == 6:
        return ["actual", i, rnd.choice(QUARTERS), "--unset"]
    if k == 7:
        return ["progress", i, str(rnd.randrange(0, 101)), "--on",
                rnd.choice(DAYS)]
    if k == 8:
        return ["measure", g, str(rnd.randrange(0, 100)), "--on",
                rnd.choice(DAYS)]
    if k == 9:
        return ["link", i, g]
    if k == 10:
        return ["unlink", i, g]
    if k == 11:
        return ["depend", i, rnd.choice(inits)]
    if k == 12:
        return ["undepend", i, rnd.choice(inits)]
    if k == 13:
        new = "i-%s-%d" % (tag, rnd.randrange(1000))
        added.append(new)
        return ["add", "initiative", new, "--title", "New " + new,
                "--start", rnd.choice(STARTS), "--end", rnd.choice(ENDS),
                "--goal", g, "--opex", "%dk" % rnd.randrange(5, 99)]
    if k == 14:
        new = "g-%s-%d" % (tag, rnd.randrange(1000))
        added.append(new)
        return ["add", "goal", new, "--title", "New " + new]
    if k == 15:
        return ["rm", rnd.choice([i, g])]
    if k == 16:
        q = rnd.choice(quarters)
        return rnd.choice([["set", q, "amount=%dk" % rnd.randrange(100, 999)],
                           ["rm", q],
                           ["add", "budget", q, "%dk" % rnd.randrange(9, 99)]])
    if k == 17:
        return ["capacity", rnd.choice(teams), str(rnd.randrange(1, 12)),
                "--from", rnd.choice(DAYS)]
    if k == 18:
        key, values = rnd.choice(SETTINGS[side] if not overlap else
                                 SETTINGS[0] + SETTINGS[1])
        return ["config", key, rnd.choice(values)]
    name = "what-if-" + tag
    return rnd.choice([["scenario", "new", name],
                       ["--scenario", name, "set", i,
                        "opex=%dk" % rnd.randrange(5, 99)]])


def branch(path, rnd, side, overlap):
    """Makes random edits on path; returns those that succeeded."""
    done, added = [], []
    while len(done) < STEPS:
        op = random_op(rnd, side, overlap, added)
        if run(path, *op).returncode == 0:
            done.append(op)
    return done


def replay(path, ops):
    for op in ops:
        r = run(path, *op)
        if r.returncode:
            return "%s: %s" % (" ".join(op), r.stderr.strip())
    return ""


def merge(d, base, ours, theirs, out, *more):
    r = subprocess.run([R, "merge", base, ours, theirs, "-o", out] +
                       list(more), capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


KINDS = ["team", "goal", "initiative", "budget"]
SETS = ("goals", "depends_on")
RECORDS = ("actuals", "progress", "measurements", "capacity_changes")


def items(path):
    """kind -> {key: item} of a file, as `list --format json` shows them
    (an envelope's key period or period/pillar, as merge names it)."""
    out = {}
    for kind in KINDS:
        r = run(path, "list", kind + "s", "--format", "json")
        if r.returncode:
            raise SystemExit("list %s of %s: %s" % (kind, path, r.stderr))
        got = {}
        for x in json.loads(r.stdout):
            if kind == "budget":
                key = x["period"] + ("/" + x["pillar"] if x["pillar"] else "")
            else:
                key = x["id"]
            got[key] = x
        out[kind] = got
    return out


def pick(b, o, t):
    """The three-way rule for one value: (merged, clash)."""
    if o == t or b == t:
        return o, False
    if b == o:
        return t, False
    return o, True


def merge_fields(kind, key, b, o, t, want):
    """Both sides changed the item: field by field, ours kept where they
    clash (conflicts into want)."""
    r = {}
    for f in o:
        v, clash = pick(b.get(f), o[f], t[f])
        if clash and f in SETS:
            v = [x for x in o[f] if not (x in b.get(f, []) and x not in t[f])]
            v += [x for x in t[f] if x not in b.get(f, []) and x not in o[f]]
        elif clash and f in RECORDS:
            v = {}
            bf = b.get(f) or {}
            for k in list(o[f]) + [k for k in t[f] if k not in o[f]]:
                rv, c = pick(bf.get(k), o[f].get(k), t[f].get(k))
                if c:
                    want.add((kind, key, "%s.%s" % (f, k)))
                if rv is not None:
                    v[k] = rv
        elif clash:
            want.add((kind, key, f))
        r[f] = v
    return r


def expected(B, O, T):
    """What the merge of the three must hold (kind -> {key: item}) and
    the conflicts it must list ({(kind, key, field)}; field None for a
    whole item), independently of the tool's merge."""
    want_items, want = {}, set()
    for kind in KINDS:
        b, o, t, m = B[kind], O[kind], T[kind], {}
        for key in list(o) + [k for k in t if k not in o] + \
                [k for k in b if k not in o and k not in t]:
            bi, oi, ti = b.get(key), o.get(key), t.get(key)
            if bi is not None and ti == bi or ti is None and bi is None:
                v = oi  # theirs left it (or never had it): ours'
            elif oi is None and bi is None:
                v = ti  # theirs added it
            elif ti is None or oi is None:  # removed on one side
                kept = oi if oi is not None else ti
                if kept is None or kept == bi:  # or both removed it
                    v = None
                else:
                    v = oi
                    want.update((kind, key, f) for f in kept
                                if f not in ("id", "period", "pillar") and
                                kept[f] != bi[f])
            elif oi == bi:
                v = ti
            else:
                v = merge_fields(kind, key, bi or {}, oi, ti, want)
            if v is not None:
                m[key] = v
        want_items[kind] = m
    return want_items, want


def check_overlap(label, paths, out, first):
    """The merge of an overlapping trial against the rule."""
    rc, text = merge(None, paths[0], paths[1 + first], paths[2 - first],
                     out + ".json", "--format", "json")
    try:
        report = json.loads(rc in (0, 1) and text or "")
    except ValueError:
        report = None
    if report is None:
        tap(False, "%s: the merge reports its conflicts as JSON" % label, text)
        return
    B, O, T = (items(p) for p in (paths[0], paths[1 + first],
                                  paths[2 - first]))
    M = items(out + ".json")
    want_items, want = expected(B, O, T)
    listed = {(c["kind"], c["id"], c["field"]) for c in report["conflicts"]}
    # a merged item the loader refuses is one conflict more, ours kept
    whole = {(k, i) for k, i, f in listed if f is None and k in KINDS}
    for kind, key in whole:
        want.add((kind, key, None))
        want_items[kind][key] = O[kind][key]
    wrong = [(kind, key) for kind in KINDS
             for key in set(want_items[kind]) | set(M[kind])
             if want_items[kind].get(key) != M[kind].get(key)]
    items_listed = {c for c in listed if c[0] in KINDS}
    tap(not wrong and items_listed == want and
        report["merged"] == (rc == 0) and (rc == 1) == bool(listed),
        "%s: merged %s first: the items and the conflicts are the rule's"
        % (label, ["ours", "theirs"][first]),
        "items: %s\nlisted, not wanted: %s\nwanted, not listed: %s" % (
            wrong[:5], sorted(items_listed - want, key=str)[:5],
            sorted(want - items_listed, key=str)[:5]))


def trial(d, base, seed, overlap):
    rnd = random.Random(seed)
    label = "%s trial %d" % ("overlapping" if overlap else "disjoint", seed)
    side = [os.path.join(d, "ours.json"), os.path.join(d, "theirs.json")]
    ops = []
    for s in (0, 1):
        shutil.copy(base, side[s])
        ops.append(branch(side[s], rnd, s, overlap))
    for s in (0, 1):
        out = os.path.join(d, "same-%d.json" % s)
        rc, text = merge(d, base, side[s], base, out)
        tap(rc == 0 and read(out) == read(side[s]),
            "%s: a side merged with the base is that side" % label, text)
    for first in (0, 1):
        out = os.path.join(d, "merged-%d.json" % first)
        rc, text = merge(d, base, side[first], side[1 - first], out)
        if overlap:
            tap(rc in (0, 1), "%s: the merge exits 0 or 1" % label, text)
        else:
            seq = os.path.join(d, "seq-%d.json" % first)
            shutil.copy(base, seq)
            why = replay(seq, ops[first] + ops[1 - first])
            tap(rc == 0 and text == "" and not why and
                read(out) == read(seq),
                "%s: merged %s first equals both sequences in turn"
                % (label, ["ours", "theirs"][first]),
                text + why + "\n" + "\n".join(
                    " ".join(o) for o in ops[first] + ops[1 - first]))
        loads = run(out, "list")
        checks = run(out, "check")
        tap(loads.returncode == 0 and checks.returncode in (0, 1),
            "%s: the merged file loads and check runs" % label,
            loads.stderr + checks.stderr)
        if overlap:
            check_overlap(label, [base] + side,
                          os.path.join(d, "rule-%d" % first), first)


def main():
    top = tempfile.mkdtemp()
    try:
        base = os.path.join(top, "base.json")
        make_base(base, random.Random(1))
        for seed in range(TRIALS):
            for overlap in (False, True):
                d = os.path.join(top, "%d-%d" % (seed, overlap))
                os.mkdir(d)
                trial(d, base, seed + 100 * overlap, overlap)
                shutil.rmtree(d)
    finally:
        shutil.rmtree(top)
    print("1..%d" % cases)
    return 1 if failed else 0


sys.exit(main())
