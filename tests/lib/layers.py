#!/usr/bin/env python3
"""layers.py ARCHIVE LAYER... - lib/ in layers, read from the built objects.

Each object of the library's archive is named after its folder (meson
names lib/model/edit.c's object model_edit.c.o). nm gives the symbols each
object defines and the ones it leaves undefined; an undefined symbol that
another object defines is a use of that object's folder. LAYER... are the
folders from the ground up (lib/meson.build's lib_layers): a folder may
use itself and the folders before it, never one after it, so the folders
form no circle. TAP output; every upward use is listed with its symbols.
"""
import collections
import os
import subprocess
import sys


def folder_of(member, layers):
    name = os.path.basename(member)
    if name.startswith("meson-generated_"):
        name = name.split("_..", 1)[1].lstrip("_")
    head = name.split("_", 1)[0]
    return head if head in layers else None


def main():
    archive, layers = sys.argv[1], sys.argv[2:]
    out = subprocess.run(["nm", "-A", archive], capture_output=True,
                         text=True, check=True).stdout
    defined, undefined = {}, collections.defaultdict(set)
    members = set()
    for line in out.splitlines():
        where, _, rest = line.rpartition(".o:")
        member = where + ".o"
        members.add(member)
        parts = rest.split()
        if len(parts) == 3 and parts[1] in "TDBRVWG":
            defined[parts[2]] = member
        elif len(parts) == 2 and parts[0] == "U":
            undefined[member].add(parts[1])
    tests = []
    unplaced = sorted(os.path.basename(m) for m in members
                      if folder_of(m, layers) is None)
    tests.append((not unplaced and len(members) > 20,
                  "every one of the %d objects sits in a layer folder%s"
                  % (len(members), ": not " + ", ".join(unplaced)
                     if unplaced else "")))
    uses = collections.defaultdict(set)  # (from, to) -> symbols
    for member, syms in undefined.items():
        src = folder_of(member, layers)
        for s in syms:
            if s in defined and defined[s] != member:
                dst = folder_of(defined[s], layers)
                if dst != src:
                    uses[(src, dst)].add(s)
    rank = {d: i for i, d in enumerate(layers)}
    tests.append((len(uses) >= len(layers) - 1,
                  "the folders use each other (%d pairs seen)" % len(uses)))
    for (src, dst), syms in sorted(uses.items()):
        if rank[dst] > rank[src]:
            tests.append((False, "%s uses %s, a layer above it: %s" %
                          (src, dst, " ".join(sorted(syms)))))
    for layer in layers:
        up = [d for (s, d) in uses if s == layer and rank[d] > rank[layer]]
        tests.append((not up, "%s uses no layer above it" % layer))
    print("1..%d" % len(tests))
    for i, (ok, what) in enumerate(tests, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, what))
    return 0 if all(ok for ok, _ in tests) else 1


if __name__ == "__main__":
    sys.exit(main())
