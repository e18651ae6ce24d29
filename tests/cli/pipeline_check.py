#!/usr/bin/python3
"""pipeline_check.py - independent checks of check's pipeline formats.

  sarif SCHEMA FILE.sarif        validates against the OASIS schema
  junit XSD FILE.xml RULES       validates; one testcase per rule
  github FILE.txt                every line follows the runner's grammar
  lines ROADMAP FINDINGS.json    each finding's line is its item's line,
                                 found by searching the file's text
  reshape IN OUT SEED            OUT: IN's lists shuffled, reindented
  same-fingerprints A.json B.json  the two findings' fingerprints agree

Prints "ok" or what is wrong; exits 1 on a failure.
"""
import json
import random
import re
import sys


def fail(msg):
    print(msg)
    sys.exit(1)


def sarif(schema_path, path):
    import jsonschema
    schema = json.load(open(schema_path))
    doc = json.load(open(path))
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(doc))
    if errors:
        fail("; ".join(e.message for e in errors[:5]))
    results = doc["runs"][0]["results"]
    rules = [r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]]
    for r in results:
        if rules[r["ruleIndex"]] != r["ruleId"]:
            fail("ruleIndex of %s points at %s" % (r["ruleId"],
                                                   rules[r["ruleIndex"]]))
        if not r["partialFingerprints"].get("roadmapFinding/v1"):
            fail("a result without its fingerprint")
        if r["locations"][0]["physicalLocation"]["region"]["startLine"] < 1:
            fail("a result without a line")
    print("ok")


def junit(xsd_path, path, n_rules):
    from lxml import etree
    schema = etree.XMLSchema(etree.parse(xsd_path))
    doc = etree.parse(path)
    if not schema.validate(doc):
        fail(str(schema.error_log))
    root = doc.getroot()
    cases = root.findall("testcase")
    if root.tag != "testsuite" or len(cases) != int(n_rules):
        fail("%s with %d testcases" % (root.tag, len(cases)))
    failing = sum(1 for c in cases if c.find("failure") is not None)
    if int(root.get("tests")) != len(cases) or \
            int(root.get("failures")) != failing:
        fail("tests=%s failures=%s, counted %d and %d" % (
            root.get("tests"), root.get("failures"), len(cases), failing))
    print("ok")


# A workflow command: ::level key=value,key=value::data. Values have no raw
# ',' ':' '%' CR or LF (only %25 %2C %3A %0D %0A); data no raw % CR LF.
PROP = r"(?:[^%,:\r\n]|%25|%2C|%3A|%0D|%0A)+"
DATA = r"(?:[^%\r\n]|%25|%0D|%0A)*"
LINE = re.compile(r"^::(error|warning|notice) file=(%s),line=([1-9][0-9]*),"
                  r"title=(%s)::(%s)$" % (PROP, PROP, DATA))


def github(path):
    text = open(path, encoding="utf-8").read()
    if not text.endswith("\n"):
        fail("no final newline")
    for line in text[:-1].split("\n"):
        if not LINE.match(line):
            fail("not a workflow command: %r" % line)
    print("ok")


def item_lines(text):
    """(kind key) -> line, by searching the text: an item's "id" member,
    an envelope's "period" (with its pillar when it has one)."""
    lines = text.split("\n")
    found = {}
    for i, line in enumerate(lines, 1):
        m = re.search(r'"id":\s*"([^"]*)"', line)
        if m:
            found.setdefault(("id", m.group(1)), i)
        m = re.search(r'"period":\s*"([^"]*)"', line)
        if m:
            # the envelope's pillar, if any, is in the same object
            rest = "\n".join(lines[i - 1:i + 4])
            obj = rest[:rest.find("}")]
            p = re.search(r'"pillar":\s*"([^"]*)"', obj)
            key = m.group(1) + ("/" + p.group(1) if p else "")
            found.setdefault(("period", key), i)
    return found


def expected_line(f, found):
    code, subject = f["code"], f["subject"]
    if code in ("budget-overrun", "envelope-mismatch"):
        return found.get(("period", subject))
    if code == "unknown-reference" and re.match(r"^(FY)?[0-9]{4}", subject):
        # an envelope naming an unknown pillar: related holds the pillar
        return found.get(("period", subject + "/" + f["related"][0]))
    if code == "capacity-overrun":
        return found.get(("id", subject.split("@")[0]))
    if code == "owner-overload":
        return found.get(("id", f["related"][0]))
    if code in ("unbudgeted-spend", "mix-off-target"):
        return None
    return found.get(("id", subject))


def lines(roadmap, findings):
    found = item_lines(open(roadmap, encoding="utf-8").read())
    data = json.load(open(findings))
    if not data["findings"]:
        fail("no findings to check")
    for f in data["findings"]:
        want = expected_line(f, found)
        if f["line"] != want:
            fail("%s %s: line %s, its item is on %s" % (
                f["code"], f["subject"], f["line"], want))
    print("ok")


def reshape(src, dst, seed):
    doc = json.load(open(src))
    rnd = random.Random(int(seed))
    for key in ("teams", "goals", "initiatives", "budgets"):
        if key in doc:
            rnd.shuffle(doc[key])
    keys = list(doc.keys())
    rnd.shuffle(keys)
    with open(dst, "w") as out:
        json.dump({k: doc[k] for k in keys}, out, indent=5)
    print("ok")


def same_fingerprints(a, b):
    fa = sorted(f["fingerprint"] for f in json.load(open(a))["findings"])
    fb = sorted(f["fingerprint"] for f in json.load(open(b))["findings"])
    if not fa or fa != fb or len(set(fa)) != len(fa):
        fail("%d and %d fingerprints differ (or repeat)" % (len(fa), len(fb)))
    print("ok")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"sarif": sarif, "junit": junit, "github": github, "lines": lines,
     "reshape": reshape, "same-fingerprints": same_fingerprints}[cmd](*args)
