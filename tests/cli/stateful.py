#!/usr/bin/env python3
"""stateful.py - random sequences of edits through the CLI, checked step by
step against a model of the roadmap (as SQLite tests its state machines).

A seeded PRNG picks each step: an edit (init, add, set, rm, config, link,
unlink, depend, undepend, actual, progress, measure, import of CSV or JSON
with and without --update and --dry-run, optimize --apply, schedule
--apply) or a report that only reads. The model (ids, fields, links,
target mix, actuals, progress, measurements, settings) makes most steps
valid; a share are deliberately invalid. After every step:

- the process exited normally (no signal), with the status the model
  expects (0 for a valid edit, 64 or 65 for an invalid one, never 70) and
  no sanitizer report on standard error;
- a step that failed (or only read) left the file byte for byte as it was;
- the file loads (`check` exits 0 or 1) and is canonical: a save that
  changes nothing reproduces it byte for byte;
- the file holds exactly what the model holds.

Lists of every size are grown and shrunk by every command that touches
them (goal links, dependencies, pillars, the target mix, actuals, progress,
measurements, the item arrays).

Environment: ROADMAP (the binary), STATEFUL_SEED (default 1; a comma list
runs one seed after the other), STATEFUL_STEPS (steps a seed, default 160).
TAP on standard output, one case per step. On a failure the seed and the
step are printed and the work directory is kept with replay.sh, the
commands run so far.
"""

import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from decimal import Decimal

ROADMAP = os.environ.get("ROADMAP")
SEEDS = [int(x) for x in os.environ.get("STATEFUL_SEED", "1").split(",")]
STEPS = int(os.environ.get("STATEFUL_STEPS", "160"))
TODAY = date(2026, 5, 15)
DEFAULT_PILLARS = ["strategy", "team", "operations", "innovation"]
POLICY_DEFAULTS = {
    "max_open_per_owner": Decimal(3),
    "mix_tolerance": Decimal(5),
    "actuals_tolerance": Decimal(10),
    "goal_tolerance": Decimal(10),
}
PILLAR_POOL = DEFAULT_PILLARS + ["run", "grow", "transform", "p5", "p6",
                                 "p7", "p8", "p9", "x.y_z-1"]
STATUSES = ["proposed", "approved", "active", "done", "cancelled",
            "deferred"]
STAGES = ["research", "poc", "implementation"]
CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CHF"]
SANITIZER = ("AddressSanitizer", "runtime error", "LeakSanitizer",
             "UndefinedBehaviorSanitizer")
LO, HI = date(1900, 1, 1), date(2200, 12, 31)
GUARDS = "=+-@\t\r"
GROWN, SHRUNK = {}, {}  # list kind -> the sizes it was grown or shrunk from


class Failure(Exception):
    pass


# ---- the calendar: months counted from year 0, fiscal quarters and years


def mabs(d):
    return d.year * 12 + d.month - 1


def first_day(a):
    return date(a // 12, a % 12 + 1, 1)


def last_day(a):
    return first_day(a + 1) - timedelta(days=1)


def fy_start(y, fys):
    return y * 12 + fys - 1 - (12 if fys > 1 else 0)


def quarter_of(a, fys):
    """(fiscal year, quarter) of the month a."""
    off = a - (fys - 1)
    return off // 12 + (1 if fys > 1 else 0), off % 12 // 3 + 1


def label_start(label, fys):
    """The first month of a fiscal quarter YYYY-Qn or year FYYYYY."""
    if label.startswith("FY"):
        return fy_start(int(label[2:]), fys), 12
    y, q = label.split("-Q")
    return fy_start(int(y), fys) + 3 * (int(q) - 1), 3


def relabel(label, old, new):
    """The label in calendar new of the same months, or None."""
    s, n = label_start(label, old)
    if (s - (new - 1)) % n:
        return None
    y, q = quarter_of(s, new)
    return "FY%d" % y if n == 12 else "%d-Q%d" % (y, q)


def label_days(label, fys):
    s, n = label_start(label, fys)
    return first_day(s), last_day(s + n - 1)


def label_ok(label, fys):
    """A label is read for years 1900-2201 and judged by its days, which
    must lie in 1900-2200."""
    a, b = label_days(label, fys)
    y = int(label[2:] if label.startswith("FY") else label[:4])
    return LO <= a and b <= HI and 1900 <= y <= 2201


# ---- values as the CLI takes them


def money_text(r, cents):
    units, c = divmod(cents, 100)
    forms = ["plain"]
    if cents >= 100000:
        forms.append("commas")
    if cents % 1000 == 0 and cents:
        forms.append("k")
    if cents % 1000000 == 0 and cents:
        forms.append("M")
    form = r.choice(forms)
    if form == "k":
        return fmt_dec(Decimal(cents) / 100000) + r.choice("kK")
    if form == "M":
        return fmt_dec(Decimal(cents) / 100000000) + r.choice("Mm")
    whole = "{:,}".format(units) if form == "commas" else str(units)
    if c or r.random() < 0.2:
        return "%s.%02d" % (whole, c)
    return whole


def fmt_dec(d):
    return format(d.normalize(), "f")


def rand_cents(r):
    k = r.random()
    if k < 0.3:
        return r.randrange(0, 1000000)
    if k < 0.7:
        return r.randrange(0, 500) * 100000
    if k < 0.9:
        return r.randrange(0, 50) * 10000000
    return r.randrange(0, 10) * 100000000


def rand_dec(r, lo, hi):
    """A number with at most two decimals from lo to hi (ints)."""
    v = Decimal(r.randrange(lo * 100, hi * 100 + 1)) / 100
    if r.random() < 0.5:
        v = Decimal(int(v))
    return v


def dec_text(v):
    return fmt_dec(v)


def csv_text(s):
    """A text cell as the CSV export guards it."""
    if s and (s[0] in GUARDS or (s[0] == "'" and len(s) > 1
                                 and s[1] in GUARDS)):
        return "'" + s
    return s


WORDS = ["Checkout", "retention", "API", "platform", "migración", "日本語",
         "data lake", "\"quoted\"", "a, b", "semi;colon", "O'Brien", "x<y>",
         "tab-less", "emoji 🚀", "%d %s", "back\\slash", "Ünïcødé", "ok"]


def rand_text(r, leading=False):
    n = r.randrange(1, 4)
    s = " ".join(r.choice(WORDS) for _ in range(n))
    if leading and r.random() < 0.2:
        s = r.choice("=+-@'") + s
    if r.random() < 0.02:
        s = ("L" * 999 + s)[:1000]
    return s


class Period:
    """A date written as the CLI takes it: a day, month, quarter or year."""

    @staticmethod
    def around(r, t, fys, end, forms="dmqy"):
        form = r.choice(forms)
        if form == "d":
            return t.isoformat(), t
        if form == "m":
            a = mabs(t)
            return "%04d-%02d" % (t.year, t.month), (last_day(a) if end else
                                                      first_day(a))
        y, q = quarter_of(mabs(t), fys)
        if form == "q":
            lab = "%d-Q%d" % (y, q)
        else:
            lab = "FY%d" % y
        if not label_ok(lab, fys):
            return t.isoformat(), t
        a, b = label_days(lab, fys)
        return lab, (b if end else a)


def rand_day(r):
    k = r.random()
    if k < 0.01:
        return HI - timedelta(days=r.randrange(0, 400))
    if k < 0.02:
        return LO + timedelta(days=r.randrange(0, 400))
    return date(2025, 1, 1) + timedelta(days=r.randrange(0, 5 * 365))


# ---- the model


def init_item(title, start, end):
    return {
        "title": title, "goals": [], "pillar": None, "stage": None,
        "status": "proposed", "owner": None, "team": None, "start": start,
        "end": end, "optimistic": None, "pessimistic": None, "opex": 0,
        "capex": 0, "fte": Decimal(0), "depends_on": [], "priority": 3,
        "benefit": None, "actuals": {}, "progress": {},
    }


def goal_item(title):
    return {
        "title": title, "metric": None, "baseline": None, "target": None,
        "unit": None, "due": None, "owner": None, "priority": None,
        "measurements": {},
    }


class Model:
    def __init__(self):
        self.reset()

    def reset(self, name=None, currency="USD", fys=1, pillars=None):
        self.name = name
        self.currency = currency
        self.fys = fys
        self.pillars = list(pillars or DEFAULT_PILLARS)
        self.policy = dict(POLICY_DEFAULTS)
        self.mix = {}
        self.teams = {}
        self.goals = {}
        self.inits = {}
        self.budgets = {}

    def items(self):
        return set(self.goals) | set(self.inits)

    def norm(self):
        """What the file must hold, in the shape of norm_file()."""
        money = lambda c: None if c is None else Decimal(c) / 100
        day = lambda d: None if d is None else d.isoformat()
        inits = {}
        for k, v in self.inits.items():
            o = dict(v)
            for f in ("start", "end", "optimistic", "pessimistic"):
                o[f] = day(v[f])
            for f in ("opex", "capex", "benefit"):
                o[f] = money(v[f])
            o["actuals"] = {q: money(a) for q, a in v["actuals"].items()}
            o["progress"] = {d.isoformat(): p for d, p in
                             v["progress"].items()}
            inits[k] = o
        goals = {}
        for k, v in self.goals.items():
            o = dict(v)
            o["due"] = day(v["due"])
            o["measurements"] = {d.isoformat(): p for d, p in
                                 v["measurements"].items()}
            goals[k] = o
        return {
            "name": self.name, "currency": self.currency, "fys": self.fys,
            "pillars": list(self.pillars), "policy": dict(self.policy),
            "mix": dict(self.mix), "teams": dict(self.teams),
            "goals": goals, "initiatives": inits,
            "budgets": {"%s/%s" % (p, pl or ""): money(a)
                        for (p, pl), a in self.budgets.items()},
        }

    # references to an item or team
    def users_of(self, x):
        if x in self.goals:
            return [i for i, v in self.inits.items() if x in v["goals"]]
        if x in self.inits:
            return [i for i, v in self.inits.items()
                    if x in v["depends_on"]]
        return []

    def team_users(self, t):
        return [i for i, v in self.inits.items() if v["team"] == t]

    def pillars_used(self):
        used = {v["pillar"] for v in self.inits.values() if v["pillar"]}
        used |= {pl for (_, pl) in self.budgets if pl}
        used |= set(self.mix)
        return used

    def counting(self):
        return {k: v for k, v in self.inits.items()
                if v["status"] not in ("cancelled", "deferred")}

    def has_cycle(self):
        return self.schedule() is None

    def schedule(self):
        """Earliest starts of the counting initiatives, or None (a cycle)."""
        c = self.counting()
        pre = {k: [p for p in v["depends_on"] if p in c]
               for k, v in c.items()}
        state, order = {}, []
        for k in c:
            if k in state:
                continue
            stack = [(k, iter(pre[k]))]
            state[k] = 1
            while stack:
                node, it = stack[-1]
                nxt = next(it, None)
                if nxt is None:
                    stack.pop()
                    state[node] = 2
                    order.append(node)
                elif state.get(nxt) == 1:
                    return None
                elif nxt not in state:
                    state[nxt] = 1
                    stack.append((nxt, iter(pre[nxt])))
        es, ee = {}, {}
        for k in order:
            v = c[k]
            s = v["start"]
            for p in pre[k]:
                s = max(s, ee[p] + timedelta(days=1))
            es[k] = s
            ee[k] = s + (v["end"] - v["start"])
        return es


def norm_file(doc):
    """The roadmap file in the model's shape, defaults filled in."""
    D = lambda x: None if x is None else Decimal(str(x))
    pol = doc.get("policy", {})
    out = {
        "name": doc.get("name"),
        "currency": doc.get("currency", "USD"),
        "fys": doc.get("fiscal_year_start", 1),
        "pillars": doc.get("pillars", DEFAULT_PILLARS),
        "policy": {k: D(pol.get(k, v)) for k, v in POLICY_DEFAULTS.items()},
        "mix": {k: D(v) for k, v in pol.get("target_mix", {}).items()},
        "teams": {t["id"]: D(t["capacity"]) for t in doc.get("teams", [])},
        "goals": {}, "initiatives": {}, "budgets": {},
    }
    for g in doc.get("goals", []):
        o = goal_item(g["title"])
        for f in ("metric", "unit", "owner", "due", "priority"):
            o[f] = g.get(f)
        for f in ("baseline", "target"):
            o[f] = D(g.get(f))
        o["measurements"] = {d: D(v) for d, v in
                             g.get("measurements", {}).items()}
        out["goals"][g["id"]] = o
    for i in doc.get("initiatives", []):
        o = init_item(i["title"], i["start"], i["end"])
        for f in ("goals", "depends_on"):
            o[f] = i.get(f, [])
        for f in ("pillar", "stage", "owner", "team", "optimistic",
                  "pessimistic"):
            o[f] = i.get(f)
        o["status"] = i.get("status", "proposed")
        o["priority"] = i.get("priority", 3)
        for f in ("opex", "capex", "fte"):
            o[f] = D(i.get(f, 0))
        o["benefit"] = D(i.get("benefit"))
        o["actuals"] = {q: D(a) for q, a in i.get("actuals", {}).items()}
        o["progress"] = {d: D(v) for d, v in i.get("progress", {}).items()}
        out["initiatives"][i["id"]] = o
    for b in doc.get("budgets", []):
        out["budgets"]["%s/%s" % (b["period"], b.get("pillar") or "")] = \
            D(b["amount"])
    return out


def differences(want, got, path=""):
    out = []
    if isinstance(want, dict) and isinstance(got, dict):
        for k in list(want) + [k for k in got if k not in want]:
            if k not in got:
                out.append("%s/%s: missing from the file" % (path, k))
            elif k not in want:
                out.append("%s/%s: in the file, not in the model" % (path, k))
            else:
                out += differences(want[k], got[k], "%s/%s" % (path, k))
    elif want != got:
        out.append("%s: model %r, file %r" % (path, want, got))
    return out


# ---- one step: a command, what it may exit with, what it does


class Cmd:
    def __init__(self, args, expect, apply=None, files=None, writes=True,
                 stdin=None):
        self.args = args
        self.expect = set(expect)
        self.apply = apply
        self.files = files or {}
        self.writes = writes
        self.stdin = stdin


def bad(args, code=65, files=None):
    return Cmd(args, {code}, files=files)


class Gen:
    """Picks the next command from the model."""

    def __init__(self, r, m):
        self.r = r
        self.m = m
        self.serial = 0

    def pick(self, seq):
        return self.r.choice(sorted(seq))

    def hot(self, owners, field):
        """Mostly the owner whose list is longest, so lists get long."""
        if self.r.random() < 0.6:
            return max(sorted(owners), key=lambda k: len(owners[k][field]))
        return self.pick(owners)

    # ids
    def new_id(self, prefix):
        r = self.r
        for _ in range(50):
            k = r.random()
            if k < 0.03:
                y, q = r.randrange(2025, 2030), r.randrange(1, 5)
                x = "%d-Q%d" % (y, q)
            elif k < 0.06:
                x = "%s.%d_x-%d" % (prefix, r.randrange(9), r.randrange(9))
            else:
                x = "%s%d" % (prefix, r.randrange(40))
            if x not in self.m.items():
                return x
        self.serial += 1
        return "%s-n%d" % (prefix, self.serial)

    def new_team_id(self):
        r = self.r
        for _ in range(50):
            x = r.choice(["t%d" % r.randrange(12), "i%d" % r.randrange(40)])
            if x not in self.m.teams:
                return x
        self.serial += 1
        return "t-n%d" % self.serial

    # the ops; each returns a Cmd
    def add_goal(self):
        m, r = self.m, self.r
        gid = self.new_id("g")
        title = rand_text(r)
        g = goal_item(title)
        args = ["add", "goal", gid, "--title", title]
        if r.random() < 0.5:
            g["metric"] = rand_text(r)
            args += ["--metric", g["metric"]]
        if r.random() < 0.5:
            g["baseline"] = rand_dec(r, 0, 500)
            args += ["--baseline", dec_text(g["baseline"])]
        if r.random() < 0.5:
            g["target"] = rand_dec(r, 0, 500)
            args += ["--target", dec_text(g["target"])]
        if r.random() < 0.3:
            g["unit"] = r.choice(["%", "ms", "USD", "NPS"])
            args += ["--unit", g["unit"]]
        if r.random() < 0.5:
            txt, g["due"] = Period.around(r, rand_day(r), m.fys, True)
            args += ["--due", txt]
        if r.random() < 0.3:
            g["owner"] = rand_text(r)
            args += ["--owner", g["owner"]]
        if r.random() < 0.3:
            g["priority"] = r.randrange(1, 6)
            args += ["--priority", str(g["priority"])]
        k = r.random()
        if k < 0.05 and m.items():
            args[2] = self.pick(m.items())
            return bad(args)
        if k < 0.08:
            return bad(args + ["--priority", "6"])
        if k < 0.10:
            return bad(args[:3], 64)
        if k < 0.12:
            return bad(args + ["--title", "bad\x1bescape"])

        def apply(_):
            m.goals[gid] = g
        return Cmd(args, {0}, apply)

    def init_fields(self, start=None):
        """A valid new initiative: (args after the id, item)."""
        m, r = self.m, self.r
        t = start or rand_day(r)
        stxt, s = Period.around(r, t, m.fys, False)
        etxt, e = Period.around(r, s + timedelta(days=r.randrange(0, 500)),
                                m.fys, True)
        if e > HI:
            etxt, e = HI.isoformat(), HI
        it = init_item(rand_text(r), s, e)
        args = ["--title", it["title"], "--start", stxt, "--end", etxt]
        if r.random() < 0.3 and (e - s).days >= 0:
            o = s + timedelta(days=r.randrange(0, (e - s).days + 1))
            it["optimistic"] = o
            args += ["--optimistic", o.isoformat()]
        if r.random() < 0.3:
            ptxt, p = Period.around(r, e + timedelta(days=r.randrange(0, 90)),
                                    m.fys, True)
            if p <= HI:
                it["pessimistic"] = p
                args += ["--pessimistic", ptxt]
        if m.goals and r.random() < 0.6:
            gs = r.sample(sorted(m.goals), r.randrange(1, min(5, len(m.goals))
                                                       + 1))
            it["goals"] = gs
            if r.random() < 0.5:
                args += ["--goal", ",".join(gs)]
            else:
                for g in gs:
                    args += ["--goal", g]
        for f in ("opex", "capex"):
            if r.random() < 0.6:
                it[f] = rand_cents(r)
                args += ["--" + f, money_text(r, it[f])]
        if r.random() < 0.4:
            it["fte"] = rand_dec(r, 0, 12)
            args += ["--fte", dec_text(it["fte"])]
        if m.teams and r.random() < 0.4:
            it["team"] = self.pick(m.teams)
            args += ["--team", it["team"]]
        if r.random() < 0.3:
            it["owner"] = rand_text(r)
            args += ["--owner", it["owner"]]
        if r.random() < 0.5:
            it["pillar"] = r.choice(m.pillars)
            args += ["--pillar", it["pillar"]]
        if r.random() < 0.3:
            it["stage"] = r.choice(STAGES)
            args += ["--stage", it["stage"]]
        if r.random() < 0.5:
            it["status"] = r.choice(STATUSES)
            args += ["--status", it["status"]]
        if m.inits and r.random() < 0.4:
            ds = r.sample(sorted(m.inits),
                          r.randrange(1, min(4, len(m.inits)) + 1))
            it["depends_on"] = ds
            args += ["--depends-on", ",".join(ds)]
        if r.random() < 0.4:
            it["priority"] = r.randrange(1, 6)
            args += ["--priority", str(it["priority"])]
        if r.random() < 0.5:
            it["benefit"] = rand_cents(r)
            args += ["--benefit", money_text(r, it["benefit"])]
        return args, it

    def add_init(self):
        m, r = self.m, self.r
        iid = self.new_id("i")
        rest, it = self.init_fields()
        args = ["add", "initiative", iid] + rest
        k = r.random()
        if k < 0.04 and m.items():
            args[2] = self.pick(m.items())
            return bad(args)
        if k < 0.06:
            return bad(args + ["--opex", r.choice(["12abc", "nan", "0x10",
                                                   "1.2345678k", "1e3"])])
        if k < 0.08:
            return bad(args + ["--end", (it["start"] - timedelta(days=1))
                               .isoformat()])
        if k < 0.10:
            return bad(args + ["--goal", "no-such-goal"])
        if k < 0.11:
            return bad(args + ["--team", "no-such-team"])
        if k < 0.12:
            return bad(args + ["--pillar", "no-such-pillar"])
        if k < 0.13:
            return bad(args + ["--depends-on", iid])
        if k < 0.14:
            return bad(args + ["--start", "2026-02-30"])
        if k < 0.15:
            return bad(args + ["--end", "2201-01-01"])
        if k < 0.16:
            return bad(args + ["--status", "deferred"])
        if k < 0.17:
            return bad(args + ["--frobnicate"], 64)
        if it["optimistic"] and it["optimistic"] > it["start"] and k < 0.19:
            return bad(args + ["--optimistic", (it["start"] - timedelta(
                days=1)).isoformat()])

        def apply(_):
            m.inits[iid] = it
        return Cmd(args, {0}, apply)

    def add_team(self):
        m, r = self.m, self.r
        tid = self.new_team_id()
        cap = rand_dec(r, 0, 30)
        args = ["add", "team", tid, "--capacity", dec_text(cap)]
        k = r.random()
        if k < 0.08 and m.teams:
            args[2] = self.pick(m.teams)
            return bad(args)
        if k < 0.12:
            return bad(args[:4] + [r.choice(["1.234", "-1", "x", "1e2"])])
        if k < 0.14:
            return bad(args[:3], 64)

        def apply(_):
            m.teams[tid] = cap
        return Cmd(args, {0}, apply)

    def rand_label(self, year=False):
        r = self.r
        y = r.randrange(2025, 2030)
        return "FY%d" % y if year else "%d-Q%d" % (y, r.randrange(1, 5))

    def add_budget(self):
        m, r = self.m, self.r
        lab = self.rand_label(r.random() < 0.3)
        pl = r.choice(m.pillars) if r.random() < 0.4 else None
        cents = rand_cents(r)
        args = ["add", "budget", lab, money_text(r, cents)]
        if pl:
            args += ["--pillar", pl]
        k = r.random()
        if (lab, pl) in m.budgets:
            return bad(args)
        if k < 0.04:
            return bad(["add", "budget", "2026-05", args[3]])
        if k < 0.07:
            return bad(args[:4] + ["--pillar", "nope"])
        if k < 0.09:
            return bad(args[:3], 64)
        if k < 0.11:
            return bad(["add", "budget", lab, "-5"], 64)

        def apply(_):
            m.budgets[(lab, pl)] = cents
        return Cmd(args, {0}, apply)

    # set
    def set_init(self):
        m, r = self.m, self.r
        if not m.inits:
            return self.add_init()
        iid = self.pick(m.inits)
        it = dict(m.inits[iid])
        it["goals"] = list(it["goals"])
        it["depends_on"] = list(it["depends_on"])
        pairs = []
        fields = ["title", "start", "end", "goals", "pillar", "stage",
                  "status", "owner", "team", "opex", "capex", "fte",
                  "depends_on", "priority", "benefit", "optimistic",
                  "pessimistic"]
        for f in r.sample(fields, r.randrange(1, 4)):
            clear = r.random() < 0.2
            if f == "title":
                v = rand_text(r, leading=True)
                it[f] = v
            elif f in ("start", "end", "optimistic", "pessimistic"):
                if clear and f in ("optimistic", "pessimistic"):
                    it[f] = None
                    v = ""
                else:
                    base = it["start"] if f != "start" else it["end"]
                    t = base + timedelta(days=r.randrange(-200, 200))
                    t = min(max(t, LO), HI)
                    v, it[f] = Period.around(r, t, m.fys, f != "start")
            elif f in ("goals", "depends_on"):
                pool = sorted(m.goals if f == "goals" else
                              set(m.inits) - {iid})
                n = r.randrange(0, min(len(pool), 6) + 1) if not clear else 0
                lst = r.sample(pool, n)
                it[f] = lst
                v = ",".join(lst)
            elif f == "pillar":
                it[f] = None if clear else r.choice(m.pillars)
                v = it[f] or ""
            elif f == "stage":
                it[f] = None if clear else r.choice(STAGES)
                v = it[f] or ""
            elif f == "status":
                it[f] = r.choice(STATUSES)
                v = it[f]
            elif f == "owner":
                it[f] = None if clear else rand_text(r, leading=True)
                v = it[f] or ""
            elif f == "team":
                if not m.teams:
                    clear = True
                it[f] = None if clear else self.pick(m.teams)
                v = it[f] or ""
            elif f in ("opex", "capex"):
                it[f] = rand_cents(r)
                v = money_text(r, it[f])
            elif f == "benefit":
                it[f] = None if clear else rand_cents(r)
                v = "" if clear else money_text(r, it[f])
            elif f == "fte":
                it[f] = rand_dec(r, 0, 12)
                v = dec_text(it[f])
            elif f == "priority":
                it[f] = r.randrange(1, 6)
                v = str(it[f])
            pairs.append("%s=%s" % (f, v))
        ok = it["start"] <= it["end"]
        if it["optimistic"] is not None:
            ok = ok and it["start"] <= it["optimistic"] <= it["end"]
        if it["pessimistic"] is not None:
            ok = ok and it["pessimistic"] >= it["end"]
        args = ["set", iid] + pairs
        if not ok:
            return bad(args)
        k = r.random()
        if k < 0.03:
            return bad(args + ["nosuch=1"])
        if k < 0.05:
            return bad(args + [r.choice(["fte=", "priority=", "opex=",
                                         "title=", "start=", "status=",
                                         "priority=0", "fte=1.234",
                                         "goals=no-such", "team=no-such",
                                         "depends_on=" + iid,
                                         "stage=done"])])
        if k < 0.06:
            return bad(["set", iid, "fte"], 64)

        def apply(_):
            m.inits[iid] = it
        return Cmd(args, {0}, apply)

    def set_goal(self):
        m, r = self.m, self.r
        if not m.goals:
            return self.add_goal()
        gid = self.pick(m.goals)
        g = dict(m.goals[gid])
        pairs = []
        for f in r.sample(["title", "metric", "baseline", "target", "unit",
                           "due", "owner", "priority"], r.randrange(1, 4)):
            clear = r.random() < 0.25 and f != "title"
            if clear:
                g[f] = None
                v = ""
            elif f in ("title", "metric", "unit", "owner"):
                g[f] = rand_text(r, leading=True)
                v = g[f]
            elif f in ("baseline", "target"):
                g[f] = rand_dec(r, 0, 1000)
                if r.random() < 0.2:
                    g[f] = -g[f]
                v = dec_text(g[f])
            elif f == "due":
                v, g[f] = Period.around(r, rand_day(r), m.fys, True)
            else:
                g[f] = r.randrange(1, 6)
                v = str(g[f])
            pairs.append("%s=%s" % (f, v))
        args = ["set", gid] + pairs
        k = r.random()
        if k < 0.05:
            return bad(args + [r.choice(["title=", "priority=9", "due=2026-13",
                                         "opex=5", "baseline=x"])])

        def apply(_):
            m.goals[gid] = g
        return Cmd(args, {0}, apply)

    def set_team(self):
        m, r = self.m, self.r
        if not m.teams:
            return self.add_team()
        tid = self.pick(m.teams)
        if tid in m.items():
            return bad(["set", tid, "capacity=3"])
        cap = rand_dec(r, 0, 30)
        if r.random() < 0.1:
            return bad(["set", tid, r.choice(["capacity=", "capacity=-1",
                                              "size=3"])])

        def apply(_):
            m.teams[tid] = cap
        return Cmd(["set", tid, "capacity=" + dec_text(cap)], {0}, apply)

    def set_budget(self):
        m, r = self.m, self.r
        if not m.budgets:
            return self.add_budget()
        key = self.pick_budget()
        name = key[0] + ("/" + key[1] if key[1] else "")
        if name in m.items():
            return bad(["set", name, "amount=5"])
        cents = rand_cents(r)
        if r.random() < 0.1:
            return bad(["set", name, r.choice(["amount=", "amount=x",
                                               "pillar=team"])])

        def apply(_):
            m.budgets[key] = cents
        return Cmd(["set", name, "amount=" + money_text(r, cents)], {0},
                   apply)

    def pick_budget(self):
        keys = sorted(self.m.budgets, key=lambda k: (k[0], k[1] or ""))
        return self.r.choice(keys)

    # rm
    def rm(self):
        m, r = self.m, self.r
        kinds = [k for k, s in (("item", m.items()), ("team", m.teams),
                                ("budget", m.budgets)) if s]
        if not kinds or r.random() < 0.05:
            return bad(["rm", "no-such-thing"])
        kind = r.choice(kinds)
        force = r.random() < 0.5
        if kind == "budget":
            key = self.pick_budget()
            name = key[0] + ("/" + key[1] if key[1] else "")
            if name in m.items() or (not key[1] and name in m.teams):
                return self.rm_item(name, force)

            def apply(_):
                del m.budgets[key]
            return Cmd(["rm", name] + (["--force"] if force else []), {0},
                       apply)
        if kind == "team":
            tid = self.pick(m.teams)
            if tid in m.items():
                return self.rm_item(tid, force)
            users = m.team_users(tid)
            args = ["rm", tid] + (["--force"] if force else [])
            if users and not force:
                return bad(args)

            def apply(_):
                del m.teams[tid]
                for u in users:
                    m.inits[u]["team"] = None
            return Cmd(args, {0}, apply)
        return self.rm_item(self.pick(m.items()), force)

    def rm_item(self, x, force):
        m = self.m
        args = ["rm", x] + (["--force"] if force else [])
        users = m.users_of(x)
        if users and not force:
            return bad(args)

        def apply(_):
            if x in m.goals:
                del m.goals[x]
                for v in m.inits.values():
                    if x in v["goals"]:
                        v["goals"].remove(x)
            else:
                del m.inits[x]
                for v in m.inits.values():
                    if x in v["depends_on"]:
                        v["depends_on"].remove(x)
        return Cmd(args, {0}, apply)

    # config
    def config(self):
        m, r = self.m, self.r
        k = r.random()
        if k < 0.6:
            return self.config_mix()
        if k < 0.7:
            return self.config_pillars()
        if k < 0.77:
            return self.config_fys()
        if k < 0.79:
            c = r.choice(CURRENCIES)
            if r.random() < 0.1:
                return bad(["config", "currency", r.choice(["eur", "EURO",
                                                            ""])])

            def apply(_):
                m.currency = c
            return Cmd(["config", "currency", c], {0}, apply)
        if k < 0.83:
            n = rand_text(r)

            def apply(_):
                m.name = n
            return Cmd(["config", "name", n], {0}, apply)
        if k < 0.9:
            key = r.choice(sorted(POLICY_DEFAULTS))
            if r.random() < 0.3:
                def apply(_):
                    m.policy[key] = POLICY_DEFAULTS[key]
                return Cmd(["config", "--unset", "policy." + key], {0}, apply)
            if key == "max_open_per_owner":
                v = Decimal(r.randrange(0, 20))
            else:
                v = rand_dec(r, 0, 100)
            if r.random() < 0.1:
                return bad(["config", "policy." + key,
                            r.choice(["x", "1,5", "five"])])

            def apply(_):
                m.policy[key] = v
            return Cmd(["config", "policy." + key, dec_text(v)], {0}, apply)
        if k < 0.95:
            return bad(["config", r.choice(["nam", "policy.nope",
                                            "policy.target_mixx.team"]),
                        "1"], 64)
        # readers of the settings
        args = r.choice([["config"], ["config", "--format", "json"],
                         ["config", "pillars"], ["config", "name"]])
        exp = {1} if args == ["config", "name"] and m.name is None else {0}
        return Cmd(args, exp, writes=False)

    def config_mix(self):
        m, r = self.m, self.r
        # grow more often than shrink, so the mix reaches every size
        full = len(m.mix) == len(m.pillars)
        if m.mix and r.random() < (0.6 if full else 0.2):
            p = self.pick(m.mix)

            def apply(_):
                del m.mix[p]
            return Cmd(["config", "--unset", "policy.target_mix." + p], {0},
                       apply)
        free = [p for p in m.pillars if p not in m.mix]
        p = r.choice(free) if free and r.random() < 0.8 else \
            r.choice(m.pillars)
        v = rand_dec(r, 0, 100)
        k = r.random()
        if k < 0.05:
            return bad(["config", "policy.target_mix." + p, "100.5"])
        if k < 0.08:
            q = r.choice([x for x in PILLAR_POOL if x not in m.pillars] +
                         ["zz"])
            return bad(["config", "policy.target_mix." + q, "5"])
        if k < 0.1 and p not in m.mix:
            # removing a target that is not there changes nothing
            return Cmd(["config", "--unset", "policy.target_mix." + p], {0})

        def apply(_):
            m.mix[p] = v
        return Cmd(["config", "policy.target_mix." + p, dec_text(v)], {0},
                   apply)

    def config_pillars(self):
        m, r = self.m, self.r
        used = m.pillars_used()
        if r.random() < 0.15:
            new = list(DEFAULT_PILLARS)
            args = ["config", "--unset", "pillars"]
        else:
            keep = [p for p in m.pillars if p in used or r.random() < 0.7]
            extra = [p for p in PILLAR_POOL if p not in keep]
            new = keep + r.sample(extra, r.randrange(0, min(4, len(extra))))
            if not new:
                new = [r.choice(PILLAR_POOL)]
            r.shuffle(new)
            args = ["config", "pillars", ",".join(new)]
        if not used <= set(new):
            return bad(args)

        def apply(_):
            m.pillars = new
        return Cmd(args, {0}, apply)

    def config_fys(self):
        m, r = self.m, self.r
        if r.random() < 0.05:
            return bad(["config", "fiscal_year_start", r.choice(["0", "13",
                                                                 "x"])])
        if r.random() < 0.3:
            to = m.fys
        else:
            to = (m.fys - 1 + r.choice([3, 6, 9, 1, 2, 4])) % 12 + 1
        args = ["config", "fiscal_year_start", str(to)]
        if r.random() < 0.2:
            args = ["config", "--unset", "fiscal_year_start"]
            to = 1
        labels = [b[0] for b in m.budgets]
        for v in m.inits.values():
            labels += list(v["actuals"])
        new = {lab: relabel(lab, m.fys, to) for lab in labels}
        if any(v is None or not label_ok(v, to) for v in new.values()):
            return bad(args)

        def apply(_):
            m.budgets = {(new[p], pl): a for (p, pl), a in m.budgets.items()}
            for v in m.inits.values():
                v["actuals"] = {new[q]: a for q, a in v["actuals"].items()}
            m.fys = to
        return Cmd(args, {0}, apply)

    # links
    def link(self, on):
        m, r = self.m, self.r
        if not m.inits or not m.goals:
            return self.add_goal() if not m.goals else self.add_init()
        iid, gid = self.hot(m.inits, "goals"), self.pick(m.goals)
        cur = m.inits[iid]["goals"]
        if on:
            if r.random() < 0.05:
                return bad(["link", iid, "no-such-goal"])
            if r.random() < 0.03:
                return bad(["link", iid], 64)

            def apply(_):
                if gid not in cur:
                    cur.append(gid)
            return Cmd(["link", iid, gid], {0}, apply)
        if cur and r.random() < 0.8:
            gid = r.choice(cur)
        if gid not in cur:
            return bad(["unlink", iid, gid])

        def apply2(_):
            cur.remove(gid)
        return Cmd(["unlink", iid, gid], {0}, apply2)

    def depend(self, on):
        m, r = self.m, self.r
        if len(m.inits) < 2:
            return self.add_init()
        iid = self.hot(m.inits, "depends_on")
        pid = self.pick(set(m.inits) - {iid})
        cur = m.inits[iid]["depends_on"]
        if on:
            if r.random() < 0.05:
                return bad(["depend", iid, iid])
            if r.random() < 0.05 and m.goals:
                return bad(["depend", iid, self.pick(m.goals)])

            def apply(_):
                if pid not in cur:
                    cur.append(pid)
            return Cmd(["depend", iid, pid], {0}, apply)
        if cur and r.random() < 0.8:
            pid = r.choice(cur)
        if pid not in cur:
            return bad(["undepend", iid, pid])

        def apply2(_):
            cur.remove(pid)
        return Cmd(["undepend", iid, pid], {0}, apply2)

    # tracking
    def actual(self):
        m, r = self.m, self.r
        if not m.inits:
            return self.add_init()
        iid = self.hot(m.inits, "actuals")
        acts = m.inits[iid]["actuals"]
        if acts and r.random() < 0.3:
            q = r.choice(sorted(acts))

            def apply(_):
                del acts[q]
            return Cmd(["actual", iid, q, "--unset"], {0}, apply)
        y, qn = quarter_of(mabs(rand_day(r)), m.fys)
        q = "%d-Q%d" % (y, qn)
        if not label_ok(q, m.fys):
            q = self.rand_label()
        cents = rand_cents(r)
        k = r.random()
        if k < 0.04:
            return bad(["actual", iid, "FY2026", "5"])
        if k < 0.06:
            return bad(["actual", iid, "2026-Q5", "5"])
        if k < 0.08 and q not in acts:
            return bad(["actual", iid, q, "--unset"])
        if k < 0.1:
            return bad(["actual", "no-such", q, "5"])
        if k < 0.11:
            return bad(["actual", iid, q], 64)

        def apply(_):
            acts[q] = cents
        return Cmd(["actual", iid, q, money_text(r, cents)], {0}, apply)

    def on_day(self, args):
        """Adds --on (or not): the day the figure is for."""
        r = self.r
        if r.random() < 0.3:
            return TODAY
        txt, d = Period.around(r, rand_day(r), self.m.fys, True)
        args += ["--on", txt]
        return d

    def progress(self):
        m, r = self.m, self.r
        if not m.inits:
            return self.add_init()
        iid = self.hot(m.inits, "progress")
        pr = m.inits[iid]["progress"]
        if pr and r.random() < 0.3:
            d = r.choice(sorted(pr))

            def apply(_):
                del pr[d]
            return Cmd(["progress", iid, "--unset", "--on", d.isoformat()],
                       {0}, apply)
        args = ["progress", iid]
        v = rand_dec(r, 0, 100)
        args.append(dec_text(v) + ("%" if r.random() < 0.2 else ""))
        d = self.on_day(args)
        k = r.random()
        if k < 0.04:
            return bad(["progress", iid, r.choice(["100.01", "33.333",
                                                   "lots"])])
        if k < 0.06:
            return bad(["progress", iid, "10", "--on", "2026-02-30"])
        if k < 0.07 and m.goals:
            return bad(["progress", self.pick(m.goals), "10"])
        if k < 0.08:
            return bad(["progress", iid, "10", "--unset"], 64)
        if k < 0.09 and d not in pr:
            return bad(["progress", iid, "--unset", "--on", d.isoformat()])

        def apply(_):
            pr[d] = v
        return Cmd(args, {0}, apply)

    def measure(self):
        m, r = self.m, self.r
        if not m.goals:
            return self.add_goal()
        gid = self.hot(m.goals, "measurements")
        ms = m.goals[gid]["measurements"]
        if ms and r.random() < 0.3:
            d = r.choice(sorted(ms))

            def apply(_):
                del ms[d]
            return Cmd(["measure", gid, "--unset", "--on", d.isoformat()],
                       {0}, apply)
        args = ["measure", gid]
        v = rand_dec(r, 0, 10000)
        d = self.on_day(args)
        if r.random() < 0.2:
            v = -v
            args += ["--", dec_text(v)]
        else:
            args.append(dec_text(v))
        k = r.random()
        if k < 0.04:
            return bad(["measure", gid, "nan"])
        if k < 0.06 and m.inits:
            return bad(["measure", self.pick(m.inits), "10"])
        if k < 0.07:
            return bad(["measure", gid, "-5"], 64)

        def apply(_):
            ms[d] = v
        return Cmd(args, {0}, apply)

    # --apply
    def schedule(self):
        m = self.m
        es = m.schedule()
        args = ["schedule", "--apply"]
        if self.r.random() < 0.5:
            args += ["--format", self.r.choice(["json", "csv"])]
        if es is None:
            return bad(args)
        moved = {}
        for k, s in es.items():
            v = m.inits[k]
            shift = s - v["start"]
            if shift:
                moved[k] = shift
        for k, sh in moved.items():
            v = m.inits[k]
            for f in ("end", "pessimistic"):
                if v[f] is not None and v[f] + sh > HI:
                    return bad(args)

        def apply(_):
            for k, sh in moved.items():
                v = m.inits[k]
                for f in ("start", "end", "optimistic", "pessimistic"):
                    if v[f] is not None:
                        v[f] = v[f] + sh
        return Cmd(args, {0}, apply)

    def optimize(self):
        m, r = self.m, self.r
        args = ["optimize", "--apply", "--time-limit", "5"]
        if r.random() < 0.5:
            args += ["--budget-scale", str(r.randrange(30, 101))]
        if r.random() < 0.3:
            args += ["--objective", "priority"]
        if r.random() < 0.3:
            args += ["--keep", r.choice(["none", "done", "active,done",
                                         "approved,active"])]
        if r.random() < 0.2:
            args.append("--ignore-capacity")
        want = "deferred"
        if r.random() < 0.3:
            args.append("--cancel")
            want = "cancelled"
        if m.has_cycle():
            return bad(args)

        def apply(p):
            for line in p.stderr.splitlines():
                # roadmap: deferred ID (was STATUS), cancelled with
                # --cancel
                w = line.split()
                if w[:2] == ["roadmap:", want] and len(w) == 5:
                    iid = w[2]
                    if iid not in m.inits:
                        raise Failure("optimize cancelled %r, not an "
                                      "initiative" % iid)
                    m.inits[iid]["status"] = want
        return Cmd(args, {0, 1}, apply)

    # import
    def import_csv(self):
        m, r = self.m, self.r
        table = r.choice(["initiatives", "initiatives", "goals", "teams",
                          "budgets", "actuals", "progress", "measurements"])
        update = r.random() < 0.5
        dry = r.random() < 0.15
        return getattr(self, "csv_" + table)(update, dry)

    def csv_cmd(self, header, rows, table, update, dry, apply, ok=True):
        r = self.r
        delim = r.choice([",", ",", ";", "\t"])
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delim, lineterminator=r.choice(
            ["\n", "\r\n"]))
        w.writerow(header)
        for row in rows:
            w.writerow(row)
        data = buf.getvalue()
        if r.random() < 0.1:
            data = "\ufeff" + data
        name = "in.csv"
        args = ["import", name]
        # a header of goals may also be one of initiatives
        plain = table == "goals" and not set(header) & {
            "metric", "baseline", "target", "unit", "due"}
        if r.random() < 0.5 or plain:
            args += ["--table", table]
        if update:
            args.append("--update")
        if dry:
            args.append("--dry-run")
        if delim != "," and r.random() < 0.5:
            args += ["--delimiter", "tab" if delim == "\t" else delim]
        files = {name: data}
        stdin = None
        if r.random() < 0.1:
            # standard input; the header tells the table or --table does
            args[1], files, stdin = "-", {}, data
        if not ok:
            return Cmd(args, {65}, files=files, stdin=stdin)
        if r.random() < 0.04:
            # one bad row: nothing is imported
            bad_rows = rows + [["x" * 70] + [""] * (len(header) - 1)]
            buf = io.StringIO()
            w = csv.writer(buf, delimiter=delim)
            w.writerow(header)
            for row in bad_rows:
                w.writerow(row)
            return Cmd(args, {65}, files={name: buf.getvalue()})
        if dry:
            return Cmd(args, {0}, files=files, stdin=stdin, writes=False)
        return Cmd(args, {0}, apply, files=files, stdin=stdin)

    def csv_initiatives(self, update, dry):
        m, r = self.m, self.r
        cols = ["id", "title", "start", "end"]
        extra = ["pillar", "stage", "status", "owner", "team", "opex",
                 "capex", "fte", "priority", "benefit", "goals",
                 "depends_on", "optimistic", "pessimistic"]
        cols += r.sample(extra, r.randrange(0, len(extra) + 1))
        r.shuffle(cols)
        rows, new = [], {}
        ok = True
        n = r.randrange(1, 4)
        olds = sorted(m.inits) if update else []
        for j in range(n):
            if olds and r.random() < 0.5:
                iid = r.choice(olds)
                olds.remove(iid)
                base = dict(m.inits[iid])
            else:
                iid = self.new_id("i")
                if iid in new:
                    continue
                base = None
            _, it = self.init_fields()
            if base is not None:
                for f in ("actuals", "progress"):
                    it[f] = base[f]
                # columns not given keep their values
                for f in extra:
                    if f not in cols:
                        it[f] = base[f]
            else:
                fresh = init_item(it["title"], it["start"], it["end"])
                for f in extra:
                    if f in cols:
                        fresh[f] = it[f]
                it = fresh
            # references may point forward within the file
            if "depends_on" in cols and new and r.random() < 0.3:
                it["depends_on"] = [r.choice(sorted(new))]
            it["depends_on"] = [d for d in it["depends_on"] if d != iid]
            if (it["optimistic"] is not None and not
                    it["start"] <= it["optimistic"] <= it["end"]) or (
                    it["pessimistic"] is not None and
                    it["pessimistic"] < it["end"]):
                ok = False
            row = []
            for c in cols:
                v = it.get(c)
                if c == "id":
                    v = iid
                if c in ("goals", "depends_on"):
                    row.append(";".join(v))
                elif c in ("start", "end", "optimistic", "pessimistic"):
                    row.append(v.isoformat() if v else "")
                elif c in ("opex", "capex", "benefit"):
                    row.append("" if v is None else "%d.%02d" % divmod(v,
                                                                       100))
                elif c in ("title", "owner"):
                    row.append(csv_text(v or ""))
                elif c in ("fte", "priority"):
                    row.append(str(v))
                else:
                    row.append(v or "")
            rows.append(row)
            new[iid] = it
        # a dependency on one that is removed from the file is fine: all
        # references exist once the file is in
        if not update and any(i in m.items() for i in new):
            ok = False

        def apply(_):
            for k, v in new.items():
                m.inits[k] = v
        return self.csv_cmd(cols, rows, "initiatives", update, dry, apply,
                            ok)

    def csv_goals(self, update, dry):
        m, r = self.m, self.r
        extra = ["metric", "baseline", "target", "unit", "due", "owner",
                 "priority"]
        cols = ["id", "title"] + r.sample(extra, r.randrange(0, 8))
        rows, new = [], {}
        for j in range(r.randrange(1, 4)):
            if update and m.goals and r.random() < 0.5:
                gid = self.pick(m.goals)
                g = dict(m.goals[gid])
            else:
                gid = self.new_id("g")
                g = goal_item("")
            if gid in new:
                continue
            g["title"] = rand_text(r, leading=True)
            row = []
            for c in cols:
                if c == "id":
                    row.append(gid)
                elif c == "title":
                    row.append(csv_text(g["title"]))
                elif r.random() < 0.3:
                    g[c] = None
                    row.append("")
                elif c in ("metric", "unit", "owner"):
                    g[c] = rand_text(r, leading=True)
                    row.append(csv_text(g[c]))
                elif c in ("baseline", "target"):
                    g[c] = rand_dec(r, 0, 1000)
                    row.append(dec_text(g[c]))
                elif c == "due":
                    g[c] = rand_day(r)
                    row.append(g[c].isoformat())
                else:
                    g[c] = r.randrange(1, 6)
                    row.append(str(g[c]))
            rows.append(row)
            new[gid] = g
        ok = update or not any(i in m.items() for i in new)

        def apply(_):
            for k, v in new.items():
                m.goals[k] = v
        return self.csv_cmd(cols, rows, "goals", update, dry, apply, ok)

    def csv_teams(self, update, dry):
        m, r = self.m, self.r
        rows, new = [], {}
        for j in range(r.randrange(1, 4)):
            if update and m.teams and r.random() < 0.5:
                tid = self.pick(m.teams)
            else:
                tid = self.new_team_id()
            new[tid] = rand_dec(r, 0, 30)
            rows.append([tid, dec_text(new[tid])])
        ok = update or not any(t in m.teams for t in new)
        rows = [[k, dec_text(v)] for k, v in new.items()]

        def apply(_):
            m.teams.update(new)
        return self.csv_cmd(["id", "capacity"], rows, "teams", update, dry,
                            apply, ok)

    def csv_budgets(self, update, dry):
        m, r = self.m, self.r
        new = {}
        for j in range(r.randrange(1, 4)):
            if update and m.budgets and r.random() < 0.5:
                key = self.pick_budget()
            else:
                key = (self.rand_label(r.random() < 0.3),
                       r.choice(m.pillars) if r.random() < 0.4 else None)
            new[key] = rand_cents(r)
        rows = [[p, pl or "", "%d.%02d" % divmod(a, 100)]
                for (p, pl), a in new.items()]
        ok = update or not any(k in m.budgets for k in new)

        def apply(_):
            m.budgets.update(new)
        return self.csv_cmd(["period", "pillar", "amount"], rows, "budgets",
                            update, dry, apply, ok)

    def csv_actuals(self, update, dry):
        m, r = self.m, self.r
        if not m.inits:
            return self.add_init()
        new = {}
        for j in range(r.randrange(1, 5)):
            iid = self.hot(m.inits, "actuals")
            acts = m.inits[iid]["actuals"]
            if update and acts and r.random() < 0.5:
                q = r.choice(sorted(acts))
            else:
                y, qn = quarter_of(mabs(rand_day(r)), m.fys)
                q = "%d-Q%d" % (y, qn)
                if not label_ok(q, m.fys):
                    continue
            new[(iid, q)] = rand_cents(r)
        if not new:
            return self.actual()
        rows = [[i, q, "%d.%02d" % divmod(a, 100)] for (i, q), a in
                new.items()]
        ok = update or not any(q in m.inits[i]["actuals"] for i, q in new)

        def apply(_):
            for (i, q), a in new.items():
                m.inits[i]["actuals"][q] = a
        return self.csv_cmd(["initiative", "quarter", "amount"], rows,
                            "actuals", update, dry, apply, ok)

    def csv_readings(self, kind, update, dry):
        m, r = self.m, self.r
        owners = m.inits if kind == "progress" else m.goals
        if not owners:
            return self.add_init() if kind == "progress" else self.add_goal()
        field = "progress" if kind == "progress" else "measurements"
        new = {}
        for j in range(r.randrange(1, 5)):
            x = self.hot(owners, field)
            have = owners[x][field]
            if update and have and r.random() < 0.5:
                d = r.choice(sorted(have))
            else:
                d = rand_day(r)
            new[(x, d)] = rand_dec(r, 0, 100)
        rows = [[x, d.isoformat(), dec_text(v)] for (x, d), v in new.items()]
        ok = update or not any(d in owners[x][field] for x, d in new)

        def apply(_):
            for (x, d), v in new.items():
                owners[x][field][d] = v
        head = ["initiative", "date", "percent"] if kind == "progress" else \
            ["goal", "date", "value"]
        return self.csv_cmd(head, rows, kind, update, dry, apply, ok)

    def csv_progress(self, update, dry):
        return self.csv_readings("progress", update, dry)

    def csv_measurements(self, update, dry):
        return self.csv_readings("measurements", update, dry)

    def import_json(self):
        """A roadmap file of its own (maybe another fiscal calendar)
        merged in: new items, and with --update whole items replaced."""
        m, r = self.m, self.r
        update = r.random() < 0.5
        dry = r.random() < 0.15
        fys = m.fys
        if r.random() < 0.3:
            fys = (m.fys - 1 + r.choice([3, 6, 9])) % 12 + 1
        doc = {"format": 1, "currency": m.currency,
               "fiscal_year_start": fys, "pillars": list(m.pillars)}
        teams, goals, inits, budgets = {}, {}, {}, {}
        for _ in range(r.randrange(0, 3)):
            tid = self.pick(m.teams) if update and m.teams and \
                r.random() < 0.5 else self.new_team_id()
            teams[tid] = rand_dec(r, 0, 30)
        for _ in range(r.randrange(0, 3)):
            gid = self.pick(m.goals) if update and m.goals and \
                r.random() < 0.5 else self.new_id("g")
            g = goal_item(rand_text(r))
            if r.random() < 0.5:
                g["due"] = rand_day(r)
            if r.random() < 0.5:
                g["measurements"] = {rand_day(r): rand_dec(r, 0, 100)}
            goals[gid] = g
        ok = True
        for _ in range(r.randrange(0, 4)):
            iid = self.pick(m.inits) if update and m.inits and \
                r.random() < 0.5 else self.new_id("i")
            if iid in goals:
                continue
            _, it = self.init_fields()
            it["depends_on"] = [d for d in it["depends_on"] if d != iid]
            if it["team"] is None and teams and r.random() < 0.5:
                it["team"] = r.choice(sorted(teams))
            if r.random() < 0.5:
                for _ in range(r.randrange(1, 4)):
                    y, qn = quarter_of(mabs(rand_day(r)), fys)
                    if label_ok("%d-Q%d" % (y, qn), fys):
                        it["actuals"]["%d-Q%d" % (y, qn)] = rand_cents(r)
            if r.random() < 0.3:
                it["progress"] = {rand_day(r): rand_dec(r, 0, 100)}
            inits[iid] = it
        for _ in range(r.randrange(0, 3)):
            key = self.pick_budget() if update and m.budgets and \
                r.random() < 0.5 else (self.rand_label(r.random() < 0.3),
                                       r.choice(m.pillars)
                                       if r.random() < 0.4 else None)
            if key in m.budgets and key not in budgets:
                # the file's label in its own calendar
                lab = relabel(key[0], m.fys, fys)
                if lab is None:
                    continue
                budgets[(lab, key[1])] = rand_cents(r)
            else:
                budgets[key] = rand_cents(r)
        day = lambda d: d.isoformat()
        doc["teams"] = [{"id": k, "capacity": float(v) if v % 1 else int(v)}
                        for k, v in teams.items()]
        doc["goals"] = []
        for k, g in goals.items():
            o = {"id": k, "title": g["title"]}
            if g["due"]:
                o["due"] = day(g["due"])
            if g["measurements"]:
                o["measurements"] = {day(d): num(v) for d, v in
                                     g["measurements"].items()}
            doc["goals"].append(o)
        doc["initiatives"] = []
        for k, it in inits.items():
            o = {"id": k, "title": it["title"]}
            for f in ("goals", "depends_on"):
                if it[f]:
                    o[f] = it[f]
            for f in ("pillar", "stage", "owner", "team"):
                if it[f]:
                    o[f] = it[f]
            if it["status"] != "proposed":
                o["status"] = it["status"]
            o["start"], o["end"] = day(it["start"]), day(it["end"])
            for f in ("optimistic", "pessimistic"):
                if it[f]:
                    o[f] = day(it[f])
            for f in ("opex", "capex"):
                if it[f]:
                    o[f] = num(Decimal(it[f]) / 100)
            if it["fte"]:
                o["fte"] = num(it["fte"])
            if it["priority"] != 3:
                o["priority"] = it["priority"]
            if it["benefit"] is not None:
                o["benefit"] = num(Decimal(it["benefit"]) / 100)
            if it["actuals"]:
                o["actuals"] = {q: num(Decimal(a) / 100) for q, a in
                                it["actuals"].items()}
            if it["progress"]:
                o["progress"] = {day(d): num(v) for d, v in
                                 it["progress"].items()}
            doc["initiatives"].append(o)
        doc["budgets"] = []
        for (p, pl), a in budgets.items():
            o = {"period": p}
            if pl:
                o["pillar"] = pl
            o["amount"] = num(Decimal(a) / 100)
            doc["budgets"].append(o)
        # the same items in this roadmap's calendar
        conv = {}
        for (p, pl), a in budgets.items():
            lab = relabel(p, fys, m.fys)
            if lab is None or not label_ok(lab, m.fys):
                ok = False
            else:
                conv[(lab, pl)] = a
        for it in inits.values():
            acts = {}
            for q, a in it["actuals"].items():
                lab = relabel(q, fys, m.fys)
                if lab is None or not label_ok(lab, m.fys):
                    ok = False
                else:
                    acts[lab] = a
            it["actuals"] = acts
        if not update:
            if any(k in m.teams for k in teams) or \
               any(k in m.items() for k in list(goals) + list(inits)) or \
               any(k in m.budgets for k in conv):
                ok = False
        if any(k in m.inits for k in goals) or \
           any(k in m.goals for k in inits):
            ok = False
        text = json.dumps(doc, indent=r.choice([None, 2]), ensure_ascii=
                          r.random() < 0.5)
        args = ["import", "in.json"] + (["--update"] if update else []) + \
            (["--dry-run"] if dry else [])
        if r.random() < 0.05:
            doc["currency"] = "XTS" if m.currency != "XTS" else "USD"
            return Cmd(args, {65}, files={"in.json": json.dumps(doc)})
        if not ok:
            return Cmd(args, {65}, files={"in.json": text})
        if dry:
            return Cmd(args, {0}, files={"in.json": text}, writes=False)

        def apply(_):
            m.teams.update(teams)
            m.goals.update(goals)
            m.inits.update(inits)
            m.budgets.update(conv)
        return Cmd(args, {0}, apply, files={"in.json": text})

    def init_force(self):
        m, r = self.m, self.r
        args = ["init", "--force"]
        name, cur, fys, pil = None, "USD", 1, None
        if r.random() < 0.5:
            name = rand_text(r)
            args += ["--name", name]
        if r.random() < 0.3:
            cur = r.choice(CURRENCIES)
            args += ["--currency", cur]
        if r.random() < 0.3:
            fys = r.randrange(1, 13)
            args += ["--fiscal-year-start", str(fys)]
        if r.random() < 0.3:
            pil = r.sample(PILLAR_POOL, r.randrange(1, 8))
            args += ["--pillars", ",".join(pil)]
        if r.random() < 0.1:
            return Cmd(["init"], {73})

        def apply(_):
            m.reset(name, cur, fys, pil)
        return Cmd(args, {0}, apply)

    def reader(self):
        """A report: reads only; 65 only for a dependency cycle."""
        m, r = self.m, self.r
        args = r.choice([
            ["list", "--format", "json"], ["list", "goals"],
            ["list", "budgets", "--format", "csv"], ["list", "teams"],
            ["budget", "--by", r.choice(["quarter", "year", "pillar", "goal",
                                         "team"])],
            ["schedule", "--format", "json"], ["timeline"],
            ["status", "--format", "json"], ["check", "--format", "json"],
            ["check", "--as-of", "2026-06-30", "--strict"],
            ["export", "--format", r.choice(["json", "md", "csv"])],
            ["forecast", "--trials", "200", "--format", "json"],
            ["optimize", "--format", "json", "--time-limit", "5"],
        ])
        if m.items() and r.random() < 0.3:
            args = ["show", self.pick(m.items()), "--format",
                    r.choice(["text", "json"])]
        exp = {0, 1}
        if m.has_cycle():
            exp.add(65)
        return Cmd(args, exp, writes=False)

    def next(self):
        m = self.m
        # a roadmap that grows too big shrinks again
        big = len(m.inits) > 14 or len(m.goals) > 10
        ops = [
            (self.add_goal, 2 if big else 6), (self.add_init, 3 if big else 9),
            (self.add_team, 3),
            (self.add_budget, 4), (self.set_init, 10), (self.set_goal, 4),
            (self.set_team, 2), (self.set_budget, 2),
            (self.rm, 14 if big else 6),
            (self.config, 18), (lambda: self.link(True), 6),
            (lambda: self.link(False), 3), (lambda: self.depend(True), 4),
            (lambda: self.depend(False), 2), (self.actual, 6),
            (self.progress, 4), (self.measure, 3), (self.import_csv, 6),
            (self.import_json, 3), (self.optimize, 1), (self.schedule, 2),
            (self.init_force, 0.4), (self.reader, 3),
        ]
        total = sum(w for _, w in ops)
        x = self.r.random() * total
        for f, w in ops:
            x -= w
            if x < 0:
                return f()
        return ops[-1][0]()


def num(v):
    v = Decimal(v)
    return int(v) if v == v.to_integral_value() else float(v)


# ---- running


class Runner:
    def __init__(self, work):
        self.work = work
        self.env = dict(os.environ)
        for k in ("ROADMAP_FILE", "ROADMAP_LOCK_TIMEOUT", "SOURCE_DATE_EPOCH"):
            self.env.pop(k, None)
        self.env.update(NO_COLOR="1", LC_ALL="C.UTF-8", COLUMNS="80",
                        ROADMAP_TODAY=TODAY.isoformat())
        self.log = []

    def run(self, args, stdin=None):
        self.log.append(args if stdin is None else (args, stdin))
        try:
            p = subprocess.run([ROADMAP] + args, cwd=self.work, env=self.env,
                               capture_output=True, timeout=300, input=stdin,
                               encoding="utf-8", errors="replace")
        except subprocess.TimeoutExpired:
            raise Failure("timed out: %s" % shlex_join(args))
        if p.returncode < 0:
            raise Failure("killed by signal %d: %s\n%s" % (
                -p.returncode, shlex_join(args), p.stderr))
        for s in SANITIZER:
            if s in p.stderr:
                raise Failure("sanitizer report from %s:\n%s" % (
                    shlex_join(args), p.stderr))
        if p.returncode == 70:
            raise Failure("internal error (70) from %s:\n%s" % (
                shlex_join(args), p.stderr))
        return p

    def path(self, name):
        return os.path.join(self.work, name)

    def read(self, name="roadmap.json"):
        with open(self.path(name), "rb") as f:
            return f.read()


def shlex_join(args):
    import shlex
    return " ".join(shlex.quote(a) for a in args)


def canonical_noop(model):
    v = model.policy["max_open_per_owner"]
    return ["-f", "rt.json", "config", "policy.max_open_per_owner",
            fmt_dec(v)]


def verify(run, model, step):
    """The file loads, is canonical and holds what the model holds."""
    p = run.run(["check"])
    if p.returncode not in (0, 1):
        raise Failure("check exited %d:\n%s" % (p.returncode, p.stderr))
    data = run.read()
    with open(run.path("rt.json"), "wb") as f:
        f.write(data)
    p = run.run(canonical_noop(model))
    if p.returncode != 0:
        raise Failure("a save that changes nothing exited %d:\n%s" % (
            p.returncode, p.stderr))
    again = run.read("rt.json")
    if again != data:
        raise Failure("not canonical: a save that changes nothing rewrote "
                      "it (rt.json in the work directory)")
    doc = json.loads(data.decode("utf-8"), parse_float=Decimal)
    diffs = differences(model.norm(), norm_file(doc))
    if diffs:
        raise Failure("the file does not hold what the model holds:\n" +
                      "\n".join(diffs[:20]))


def step(run, gen, model, n):
    cmd = gen.next()
    for name, data in cmd.files.items():
        with open(run.path(name), "w", encoding="utf-8", newline="") as f:
            f.write(data)
        run.log.append(("file", name, data))
    before = run.read()
    p = run.run(cmd.args, cmd.stdin)
    if p.returncode not in cmd.expect:
        raise Failure("%s exited %d, expected %s\nstderr: %s" % (
            shlex_join(cmd.args), p.returncode,
            " or ".join(map(str, sorted(cmd.expect))), p.stderr.strip()))
    if p.returncode != 0 or not cmd.writes or cmd.apply is None:
        if run.read() != before and cmd.args[:2] != ["init", "--force"]:
            raise Failure("%s (exit %d) changed the file" % (
                shlex_join(cmd.args), p.returncode))
    was = model.norm()
    sizes = list_sizes(model)
    if p.returncode == 0 and cmd.apply:
        cmd.apply(p)
    note_sizes(sizes, list_sizes(model), GROWN, SHRUNK)
    # an unchanged file that the model says is unchanged was checked
    if run.read() != before or model.norm() != was or cmd.args[0] == "init":
        verify(run, model, n)
    return cmd, p


def list_sizes(m):
    """The length of every list the file holds, by kind and owner."""
    out = {"pillars": {"": len(m.pillars)}, "target_mix": {"": len(m.mix)},
           "teams": {"": len(m.teams)}, "goals": {"": len(m.goals)},
           "initiatives": {"": len(m.inits)}, "budgets": {"": len(m.budgets)}}
    for f in ("goals", "depends_on", "actuals", "progress"):
        out["initiative." + f] = {k: len(v[f]) for k, v in m.inits.items()}
    out["goal.measurements"] = {k: len(v["measurements"])
                                for k, v in m.goals.items()}
    return out


def note_sizes(before, after, grown, shrunk):
    for kind, now in after.items():
        for owner, n in now.items():
            old = before.get(kind, {}).get(owner)
            if old is not None and n > old:
                grown.setdefault(kind, set()).add(old)
            elif old is not None and n < old:
                shrunk.setdefault(kind, set()).add(old)


def write_replay(run):
    """replay.sh: the commands of the run, for an empty directory."""
    lines = ["#!/bin/sh", "# the commands of the failed run, in order: run "
             "it in an empty directory", "set -x",
             "export NO_COLOR=1 LC_ALL=C.UTF-8 COLUMNS=80 "
             "ROADMAP_TODAY=%s" % TODAY.isoformat(),
             "R=${ROADMAP:-%s}" % ROADMAP, 'here=$(dirname "$0")']
    for k, e in enumerate(run.log):
        if isinstance(e, tuple) and e[0] == "file":
            with open(run.path("step-%d-%s" % (k, e[1])), "w",
                      encoding="utf-8", newline="") as f:
                f.write(e[2])
            lines.append('cp "$here/step-%d-%s" %s' % (k, e[1], e[1]))
        elif isinstance(e, tuple):
            with open(run.path("step-%d-stdin" % k), "w", encoding="utf-8",
                      newline="") as f:
                f.write(e[1])
            lines.append('"$R" %s < "$here/step-%d-stdin"' % (
                shlex_join(e[0]), k))
        else:
            lines.append('"$R" ' + shlex_join(e))
    with open(run.path("replay.sh"), "w") as f:
        f.write("\n".join(lines) + "\n")


def run_seed(seed, n):
    """One run of STEPS steps from a new roadmap; TAP cases from n + 1.
    Returns the last case's number, or None after a failure."""
    GROWN.clear()
    SHRUNK.clear()
    work = tempfile.mkdtemp(prefix="stateful.")
    run = Runner(work)
    model = Model()
    gen = Gen(random.Random(seed), model)
    print("# seed %d, %d steps (STATEFUL_SEED, STATEFUL_STEPS)" % (seed,
                                                                   STEPS))
    stats = {}
    k = 0
    try:
        n += 1
        p = run.run(["init"])
        if p.returncode != 0:
            raise Failure("init exited %d: %s" % (p.returncode, p.stderr))
        # the canonical check can fail: a file that is not canonical is
        # rewritten by the save that changes nothing
        data = run.read()
        loose = json.dumps(json.loads(data), indent=4).encode()
        with open(run.path("rt.json"), "wb") as f:
            f.write(loose)
        run.run(canonical_noop(model))
        if run.read("rt.json") != data or loose == data:
            raise Failure("control: the save that changes nothing does not "
                          "rewrite a loose file canonically")
        verify(run, model, 0)
        print("ok %d - seed %d: init, and the canonical check can fail" % (
            n, seed))
        for k in range(1, STEPS + 1):
            n += 1
            cmd, p = step(run, gen, model, k)
            key = cmd.args[0] + ("!" if p.returncode else "")
            stats[key] = stats.get(key, 0) + 1
            print("ok %d - seed %d step %d: %s -> %d" % (
                n, seed, k, shlex_join(cmd.args)[:120].replace("#", "\\#"),
                p.returncode))
    except Failure as e:
        last = [a if isinstance(a, list) else a[0] for a in run.log
                if a[0] != "file"]
        last = [a for a in last if a[:2] != ["-f", "rt.json"] and
                a != ["check"]]
        print("not ok %d - seed %d step %d: %s" % (n, seed, k, shlex_join(
            last[-1] if last else [])[:120].replace("#", "\\#")))
        for line in str(e).splitlines():
            print("#   " + line)
        write_replay(run)
        print("# reproduce: STATEFUL_SEED=%d STATEFUL_STEPS=%d ROADMAP=%s "
              "python3 %s" % (seed, k, ROADMAP, sys.argv[0]))
        print("# the work directory (the roadmap; replay.sh replays the run "
              "in an empty directory): %s" % work)
        print("1..%d" % n)
        return None
    print("# %s" % ", ".join("%s %d" % kv for kv in sorted(stats.items())))
    span = lambda s: ",".join(map(str, sorted(s))) or "-"
    for kind in sorted(set(GROWN) | set(SHRUNK)):
        print("# %s grown from sizes %s, shrunk from %s" % (
            kind, span(GROWN.get(kind, ())), span(SHRUNK.get(kind, ()))))
    shutil.rmtree(work, ignore_errors=True)
    return n


def main():
    if not ROADMAP:
        print("stateful.py: set ROADMAP to the roadmap binary",
              file=sys.stderr)
        return 2
    n = 0
    for seed in SEEDS:
        n = run_seed(seed, n)
        if n is None:
            return 1
    print("1..%d" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
