#!/usr/bin/env python3
"""gen-rules.py - the check rules' table, made from the man page.

Reads the CHECK RULES section of roadmap.1.scd (each rule is a line
"*code* (severity; subject...)" followed by its tab-indented text) and
writes the C table that check's SARIF and JUnit output describe the rules
with, so the help a pipeline shows is the man page's, word for word.
usage: gen-rules.py roadmap.1.scd rules.c
"""
import re
import sys


def plain(text):
    """scdoc's inline markup removed: *bold* and _underline_."""
    text = re.sub(r"\*([^*]+)\*", r"\1", text)
    return re.sub(r"(?<![A-Za-z0-9])_([^_]+)_(?![A-Za-z0-9])", r"\1", text)


def c_string(text):
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + out + '"'


def main():
    src, dst = sys.argv[1], sys.argv[2]
    lines = open(src, encoding="utf-8").read().split("\n")
    start = lines.index("# CHECK RULES")
    rules = []
    for line in lines[start + 1:]:
        if line.startswith("# "):
            break
        m = re.match(r"^\*([a-z-]+)\* \((error|warning|info); (.*)\)$", line)
        if m:
            rules.append({"code": m.group(1), "severity": m.group(2),
                          "about": plain(m.group(3)), "text": []})
        elif line.startswith("\t") and rules:
            rules[-1]["text"].append(line.strip())
    if len(rules) < 10:
        sys.exit("gen-rules.py: found %d rules in %s" % (len(rules), src))
    sev = {"error": "ROADMAP_SEVERITY_ERROR",
           "warning": "ROADMAP_SEVERITY_WARNING",
           "info": "ROADMAP_SEVERITY_INFO"}
    with open(dst, "w", encoding="utf-8") as out:
        out.write("/* rules.c - made by lib/analysis/gen-rules.py from the CHECK RULES "
                  "section\n * of docs/roadmap.1.scd; do not edit. */\n")
        out.write('#include "roadmap.h"\n\n')
        out.write("static const struct roadmap_rule rules[] = {\n")
        for r in rules:
            text = plain(" ".join(r["text"]))
            first = re.split(r"(?<=\.)\s", text, maxsplit=1)[0]
            out.write("\t{%s, %s,\n\t %s,\n\t %s,\n\t %s},\n" % (
                c_string(r["code"]), sev[r["severity"]],
                c_string(r["about"]), c_string(first),
                c_string(text)))
        out.write("};\n\n")
        out.write("const struct roadmap_rule *roadmap_rules(size_t *n)\n{\n"
                  "\t*n = sizeof(rules) / sizeof(rules[0]);\n"
                  "\treturn rules;\n}\n")


if __name__ == "__main__":
    main()
