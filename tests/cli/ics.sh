#!/bin/bash
# ics.sh - export --format ics (roadmap(1), export): an RFC 5545 calendar,
# parsed back with Python's icalendar and compared event by event with the
# roadmap; escaping, folding at 75 octets (never inside a UTF-8
# character), CRLF, stable UIDs, a selection.
. "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1796601600 # 2026-12-07T00:00:00Z

cp "$EXAMPLES/acme/roadmap.json" roadmap.json
t "export --format ics" 0 "" "" -- R export --format ics -o acme.ics

# every counting initiative an all-day event from its start to the day
# after its end; every goal with a due date one on that day
cat > compare.py <<'PY'
import icalendar, json, re, subprocess, sys, datetime
roadmap, ics = sys.argv[1], sys.argv[2]
sel = sys.argv[3:]
cal = icalendar.Calendar.from_ical(open(ics, "rb").read())
events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
inits = json.loads(subprocess.run([roadmap, "list", "initiatives", "--format", "json"] + sel,
                                  capture_output=True, check=True).stdout)
goals = json.loads(subprocess.run([roadmap, "list", "goals", "--format", "json"],
                                  capture_output=True, check=True).stdout)
day = datetime.date.fromisoformat
# the UIDs' domain: the roadmap's name, lowercased, other runs a hyphen
name = json.loads(subprocess.run([roadmap, "config", "--format", "json"],
                                 capture_output=True, check=True).stdout).get("name") or ""
dom = re.sub("[^a-z0-9]+", "-", name.lower()).strip("-")[:63].strip("-")
dom = dom + ".roadmap" if dom else "roadmap"
bad, want = [], set()
for i in inits:
    if i["status"] in ("cancelled", "deferred"):
        continue
    uid = "initiative-%s@%s" % (i["id"], dom)
    want.add(uid)
    e = events.get(uid)
    if e is None:
        bad.append("no event for " + i["id"]); continue
    if str(e["SUMMARY"]) != i["title"]: bad.append(uid + " summary")
    if e["DTSTART"].dt != day(i["start"]): bad.append(uid + " start")
    if e["DTEND"].dt != day(i["end"]) + datetime.timedelta(days=1): bad.append(uid + " end")
    d = str(e["DESCRIPTION"])
    if ("Initiative: %s\n" % i["id"]) not in d or ("Status: %s\n" % i["status"]) not in d:
        bad.append(uid + " description")
    if i.get("notes") and not d.endswith("\n\n" + i["notes"]): bad.append(uid + " notes")
    if str(e["STATUS"]) != ("TENTATIVE" if i["status"] == "proposed" else "CONFIRMED"): bad.append(uid + " status")
served = {g for i in inits if i["status"] not in ("cancelled", "deferred") for g in i.get("goals", [])}
for g in goals:
    if not g.get("due") or (sel and g["id"] not in served):
        continue
    uid = "goal-%s@%s" % (g["id"], dom)
    want.add(uid)
    e = events.get(uid)
    if e is None:
        bad.append("no event for goal " + g["id"]); continue
    if str(e["SUMMARY"]) != "Due: " + g["title"]: bad.append(uid + " summary")
    if e["DTSTART"].dt != day(g["due"]): bad.append(uid + " due")
if set(events) != want:
    bad.append("extra or missing: %s" % sorted(set(events) ^ want))
print(len(want), "events", bad if bad else "match")
PY
events=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open("roadmap.json")); print(sum(1 for i in d["initiatives"] if i.get("status") not in ("cancelled","deferred")) + sum(1 for g in d["goals"] if g.get("due")))')
t "every event matches the roadmap" 0 "$events events match" "" -- /usr/bin/python3 compare.py "$ROADMAP" acme.ics

# the text rules of RFC 5545 on every line
cat > lines.py <<'PY'
import sys
raw = open(sys.argv[1], "rb").read()
bad = []
if not raw.endswith(b"\r\n"): bad.append("no final CRLF")
lines = raw.split(b"\r\n")[:-1]
if b"\n" in raw.replace(b"\r\n", b""): bad.append("a bare LF")
for n, l in enumerate(lines, 1):
    if len(l) > 75: bad.append("line %d has %d octets" % (n, len(l)))
    try: l.decode("utf-8")
    except UnicodeDecodeError: bad.append("line %d splits a character" % n)
print(bad if bad else "ok")
PY
t "CRLF, at most 75 octets a line, no character split" 0 "ok" "" -- /usr/bin/python3 lines.py acme.ics

# escaping and folding: commas, semicolons, backslashes, newlines, and
# a long title of two-byte characters
R -f esc.json init --name 'Esc; a, b' 2>/dev/null
long=$(printf 'é%.0s' $(seq 1 60))
R -f esc.json add goal g --title 'Goal, one; two' --due 2026-12-31 >/dev/null
R -f esc.json add initiative a --title "A\\B, C; D $long" --start 2026-03-01 --end 2026-03-01 --goal g --notes 'line one
line, two' >/dev/null
R -f esc.json export --format ics -o esc.ics
t "escaped text reads back as written" 0 "['Esc; a, b', 'A\\\\B, C; D $long', 'Initiative: a\\nStatus: proposed\\nGoals: g\\nPlanned spend: USD 0.00\\n\\nline one\\nline, two', 'Due: Goal, one; two']" "" -- \
  /usr/bin/python3 -c 'import icalendar,sys; c=icalendar.Calendar.from_ical(open("esc.ics","rb").read()); e=list(c.walk("VEVENT")); print([str(c["X-WR-CALNAME"]), str(e[0]["SUMMARY"]), str(e[0]["DESCRIPTION"]), str(e[1]["SUMMARY"])])'
t "a name's punctuation becomes one hyphen in the UIDs' domain" 0 "UID:goal-g@esc-a-b.roadmap" "" -- \
  bash -c "grep -a '^UID:goal' esc.ics | tr -d '\r'"
t "the escapes in the file" 0 'SUMMARY:A\\B\, C\; D' "" -- bash -c "grep -a '^SUMMARY:A' esc.ics | cut -c1-20"
t "its long lines are folded, none split inside a character" 0 "ok" "" -- /usr/bin/python3 lines.py esc.ics
t "a one-day initiative ends the next day" 0 "DTSTART;VALUE=DATE:20260301
DTEND;VALUE=DATE:20260302" "" -- bash -c "grep -aE '^DT(START|END)' esc.ics | head -2 | tr -d '\r'"

# every goal in the description, however long the list: 20 goals of
# 59-character ids make a line of more than 1,000 characters
/usr/bin/python3 -c '
import json
g = ["goal-%02d-%s" % (i, "x" * 50) for i in range(1, 21)]
json.dump({"format": 1, "goals": [{"id": x, "title": x} for x in g],
           "initiatives": [{"id": "a", "title": "A", "start": "2026-01-01",
                            "end": "2026-01-31", "goals": g}]}, open("many.json", "w"))'
goals=$(/usr/bin/python3 -c 'print(", ".join("goal-%02d-%s" % (i, "x" * 50) for i in range(1, 21)))')
t "a description lists all the goals" 0 "Goals: $goals" "" -- bash -c "'$ROADMAP' -f many.json export --format ics | /usr/bin/python3 -c 'import icalendar,sys; e=icalendar.Calendar.from_ical(sys.stdin.buffer.read()).walk(\"VEVENT\")[0]; print([l for l in str(e[\"DESCRIPTION\"]).split(\"\\n\") if l.startswith(\"Goals\")][0])'"

# UIDs are the ids: a new title keeps the event
before=$(grep -a '^UID' acme.ics)
R set checkout-v2 title="Checkout, rebuilt" >/dev/null
R export --format ics -o acme2.ics
t "UIDs stay when titles change" 0 "$before" "" -- bash -c "grep -a '^UID' acme2.ics"
t "the same roadmap gives the same bytes" 0 "" "" -- bash -c "'$ROADMAP' export --format ics | cmp - acme2.ics"
t "the UIDs' domain is the roadmap's name" 0 "UID:initiative-checkout-v2@acme-technology-roadmap-2026-2027.roadmap" "" -- \
  bash -c "grep -a '^UID:initiative-checkout-v2' acme2.ics | tr -d '\r'"
# without SOURCE_DATE_EPOCH the stamp is the file's last save, never the
# clock (as the deck's creation date): the same bytes run to run
touch -d '2026-03-04 05:06:07 UTC' roadmap.json
t "DTSTAMP without SOURCE_DATE_EPOCH: when the roadmap was saved" 0 "DTSTAMP:20260304T050607Z" "" -- \
  bash -c "env -u SOURCE_DATE_EPOCH '$ROADMAP' export --format ics | grep -a -m1 '^DTSTAMP' | tr -d '\r'"
t "and from a pipe 1980-01-01" 0 "DTSTAMP:19800101T000000Z" "" -- \
  bash -c "env -u SOURCE_DATE_EPOCH '$ROADMAP' -f - export --format ics < roadmap.json | grep -a -m1 '^DTSTAMP' | tr -d '\r'"
t "the same bytes twice without SOURCE_DATE_EPOCH" 0 "" "" -- \
  bash -c "env -u SOURCE_DATE_EPOCH '$ROADMAP' export --format ics > s1.ics; sleep 1.1; env -u SOURCE_DATE_EPOCH '$ROADMAP' export --format ics | cmp - s1.ics"

# a selection: its initiatives and the goals they serve
t "a selection" 0 "" "" -- R export --format ics --pillar innovation -o innovation.ics
m=$(/usr/bin/python3 -c '
import json,subprocess,sys
i=json.loads(subprocess.run([sys.argv[1],"list","initiatives","--format","json","--pillar","innovation"],capture_output=True,check=True).stdout)
i=[x for x in i if x["status"] not in ("cancelled","deferred")]
g={y for x in i for y in x.get("goals",[])}
d={x["id"]:x for x in json.load(open("roadmap.json"))["goals"]}
print(len(i)+sum(1 for y in g if d[y].get("due")))' "$ROADMAP")
t "its events match the selected initiatives" 0 "$m events match" "" -- /usr/bin/python3 compare.py "$ROADMAP" innovation.ics --pillar innovation
t "the calendar names the selection" 0 "Acme technology roadmap 2026-2027 (Selection: pillar = innovation)" "" -- \
  /usr/bin/python3 -c 'import icalendar; print(icalendar.Calendar.from_ical(open("innovation.ics","rb").read())["X-WR-CALNAME"])'
t "a scenario is named too" 0 "" 'roadmap: made scenario "late": see it with --scenario late' -- R scenario new late
t "the scenario's calendar" 0 "Acme technology roadmap 2026-2027 (Scenario: late)" "" -- \
  bash -c "'$ROADMAP' --scenario late export --format ics | /usr/bin/python3 -c 'import icalendar,sys; print(icalendar.Calendar.from_ical(sys.stdin.buffer.read())[\"X-WR-CALNAME\"])'"
finish
