#!/bin/bash
# pipeline.sh - check where pipelines look (roadmap(1), check): SARIF valid against
# the OASIS schema, JUnit against the Jenkins schema, GitHub workflow
# commands against the runner's grammar; every finding on its item's line;
# fingerprints that survive a shuffled, reindented file; and a baseline
# gate that reports only what a change adds.
. "$(dirname "$0")/lib.sh"
# the checker's verdict; what is wrong is shown as a TAP comment
py() {
  local out rc
  out=$(/usr/bin/python3 "$here/pipeline_check.py" "$@" 2>&1)
  rc=$?
  [ $rc = 0 ] || printf '%s\n' "$out" | sed 's/^/# /'
  return $rc
}
man=$here/../../docs/roadmap.1.scd
# the rules of the man page's CHECK RULES, one "code" line each, and those
# it says come only from a program that builds a roadmap with the library
# (a file holding one does not load: no fixture can hold one)
man_rules() {
  awk '/^# CHECK RULES/ { on = 1; next } /^# / { on = 0 }
    on && match($0, /^\*[a-z-]+\* \((error|warning|info);/) {
      code = substr($0, 2, index(substr($0, 2), "*") - 1); print code }' "$man"
}
library_only() {
  awk '/^# CHECK RULES/ { on = 1; next } /^# / { on = 0 }
    on && match($0, /^\*[a-z-]+\* \(/) { code = substr($0, 2, index(substr($0, 2), "*") - 1) }
    on && /program that builds a roadmap with the library/ { print code }' "$man"
}
rules=$(man_rules | wc -l)
# fifteen rules, and three more of a day: each one a testcase in JUnit and
# a rule in SARIF
ok_if "the man page describes the 18 rules" test "$rules" = 18
t "one of them comes only from the library (tests/lib/test-check.c)" 0 \
  "invalid-dates" "" -- library_only
codes_known() { # every rule of the man page is a code the check adds
  local c
  for c in $(man_rules); do
    grep -q "\"$c\"" "$here"/../../lib/analysis/check*.c || { echo "# no rule $c in lib/analysis/check*.c"; return 1; }
  done
}
ok_if "and the check adds each of them" codes_known

# --- the rules and the fixtures, exactly ------------------------------------
# NAME.json produces the rule NAME, NAME-ok.json is its near miss that
# produces nothing; a rule of a day has its day beside it in NAME.as-of
fixture_set() { # the rules the fixtures are of: near misses (ok) or not
  local f name
  for f in "$DATA"/check/*.json; do
    name=$(basename "$f" .json)
    case $1:$name in
      ok:*-ok) echo "${name%-ok}" ;;
      produce:*-ok) ;;
      produce:*) echo "$name" ;;
    esac
  done | sort
}
t "a fixture produces every rule a file can hold, and nothing else" 0 \
  "$(man_rules | grep -vxF -f <(library_only) | sort)" "" -- fixture_set produce
t "every rule has a near miss, and nothing else has one" 0 \
  "$(man_rules | sort)" "" -- fixture_set ok
sidecars() { # every NAME.as-of is beside a NAME.json
  local f
  for f in "$DATA"/check/*.as-of; do
    [ -f "${f%.as-of}.json" ] || echo "$(basename "$f")"
  done
}
t "every day has its fixture" 0 "" "" -- sidecars

# --- every rule's fixture, in every format --------------------------------
seen=codes-found.txt # every code a fixture produced, one a line
: > "$seen"
for f in "$DATA"/check/*.json; do
  name=$(basename "$f" .json)
  cp "$f" "$name.json"
  day=()
  [ -f "${f%.json}.as-of" ] && day=(--as-of "$(cat "${f%.json}.as-of")")
  R -f "$name.json" check --format json "${day[@]}" > "$name.findings.json"
  codes=$(/usr/bin/python3 -c '
import json, sys
print(" ".join(sorted({f["code"] for f in json.load(open(sys.argv[1]))["findings"]})))' "$name.findings.json")
  printf '%s\n' $codes >> "$seen"
  case $name in
    *-ok) t "$name: the near miss produces nothing" 0 "" "" -- echo -n "$codes" ;;
    *) ok_if "$name: produces $name" bash -c "[[ ' $codes ' == *' $name '* ]]"
       ok_if "$name: each finding is on its item's line" \
         py lines "$name.json" "$name.findings.json" ;;
  esac
  R -f "$name.json" check --format sarif "${day[@]}" > "$name.sarif"
  ok_if "$name: SARIF validates against the 2.1.0 schema" \
    py sarif "$DATA/sarif-schema-2.1.0.json" "$name.sarif"
  R -f "$name.json" check --format junit "${day[@]}" > "$name.xml"
  ok_if "$name: JUnit validates, one testcase per rule" \
    py junit "$DATA/junit-jenkins.xsd" "$name.xml" "$rules"
  R -f "$name.json" check --format github "${day[@]}" > "$name.gh"
  case $name in
    *-ok) ok_if "$name: GitHub gets a command per finding (or none)" \
            bash -c "test \$(wc -l < '$name.gh') = \$(grep -c '\"fingerprint\"' '$name.findings.json')" ;;
    *) ok_if "$name: GitHub lines follow the runner's grammar" \
         bash -c "test -s '$name.gh' && /usr/bin/python3 '$here/pipeline_check.py' github '$name.gh' >/dev/null" ;;
  esac
done
t "the fixtures produce only rules of the man page" 0 "" "" \
  -- comm -23 <(grep -v '^$' "$seen" | sort -u) <(man_rules | sort)

# --- the example, exactly ---------------------------------------------------
cp "$EXAMPLES/acme/roadmap.json" acme.json
t "github: one command per finding, escaped" 1 \
  "$(cat "$golden/check-github.out")" "" -- R -f acme.json check --format github
R -f acme.json check --format sarif > acme.sarif
t "sarif: a result's location and fingerprint" 0 '{
  "ruleId": "budget-overrun",
  "ruleIndex": 5,
  "level": "error",
  "uri": "acme.json",
  "startLine": 589,
  "fingerprint": "c93f0c058fdcbdb8d53caab50aecffb3"
}' "" -- /usr/bin/python3 -c '
import json, sys
r = json.load(open("acme.sarif"))["runs"][0]["results"][0]
loc = r["locations"][0]["physicalLocation"]
print(json.dumps({"ruleId": r["ruleId"], "ruleIndex": r["ruleIndex"],
  "level": r["level"], "uri": loc["artifactLocation"]["uri"],
  "startLine": loc["region"]["startLine"],
  "fingerprint": r["partialFingerprints"]["roadmapFinding/v1"]}, indent=2))'
t "sarif: a rule's help is the man page's" 0 \
  "An initiative that counts serves no goal: money spent on something the business did not ask for. Fix: roadmap link ID GOAL, or cancel it." "" \
  -- /usr/bin/python3 -c '
import json
rules = json.load(open("acme.sarif"))["runs"][0]["tool"]["driver"]["rules"]
print([r for r in rules if r["id"] == "unaligned-initiative"][0]["fullDescription"]["text"])'

# --- a file name that needs escaping ---------------------------------------
cp acme.json 'road,map: 100%.json'
R -f 'road,map: 100%.json' check --format github > odd.gh
ok_if "github: an odd file name still follows the grammar" py github odd.gh
t "github: its properties are escaped" 0 \
  "::error file=road%2Cmap%3A 100%25.json,line=589,title=budget-overrun::2026-Q3: planned USD 1,819,012.91 exceeds the envelope of USD 1,600,000.00 by USD 219,012.91" "" \
  -- head -n1 odd.gh
R -f 'road,map: 100%.json' check --format sarif > odd.sarif
ok_if "sarif: an odd file name is a valid URI reference" \
  grep -q '"uri": "road%2Cmap%3A%20100%25.json"' odd.sarif
ok_if "sarif: and validates" py sarif "$DATA/sarif-schema-2.1.0.json" odd.sarif

# --- markup in roadmap text stays text -------------------------------------
cp acme.json markup.json
R -f markup.json set zero-trust 'owner=<b>Ann</b> & "Bo"' 2>/dev/null
R -f markup.json set data-retention 'owner=<b>Ann</b> & "Bo"' 2>/dev/null
R -f markup.json set backup-dr 'owner=<b>Ann</b> & "Bo"' 2>/dev/null
R -f markup.json set edge-compute 'owner=<b>Ann</b> & "Bo"' 2>/dev/null
R -f markup.json check --strict --format junit > markup.xml
ok_if "junit: an owner's markup is escaped and the report validates" \
  py junit "$DATA/junit-jenkins.xsd" markup.xml "$rules"
t "junit: and reads back as the owner's text" 0 \
  'roadmap.json:1: warning <b>Ann</b> & "Bo": owns 4 open initiatives; the policy allows 3' "" \
  -- /usr/bin/python3 -c '
from lxml import etree
d = etree.parse("markup.xml")
f = [c for c in d.getroot().findall("testcase") if c.get("name") == "owner-overload"][0]
line = [l for l in f.find("failure").text.split("\n") if "Ann" in l][0]
print("roadmap.json:1:" + line.split(":", 2)[2])'
ok_if "the schema itself rejects a report without a name (it can fail)" \
  bash -c "sed 's/<testsuite name=\"roadmap check\"/<testsuite/' markup.xml > nameless.xml &&
    ! /usr/bin/python3 '$here/pipeline_check.py' junit '$DATA/junit-jenkins.xsd' nameless.xml $rules >/dev/null"

# --- fingerprints survive reformatting and reordering ----------------------
R -f acme.json check --format json > before.json
for seed in 1 2 3; do
  py reshape acme.json "shuffled$seed.json" "$seed" >/dev/null
  R -f "shuffled$seed.json" check --format json > "after$seed.json"
  ok_if "shuffle $seed: every fingerprint survives" \
    py same-fingerprints before.json "after$seed.json"
  ok_if "shuffle $seed: and every finding is on its item's new line" \
    py lines "shuffled$seed.json" "after$seed.json"
done
cp acme.json twice.json
R -f twice.json actual multi-region 2026-Q2 900k 2>/dev/null
R -f twice.json actual multi-region 2026-Q3 900k 2>/dev/null
fp() { # the fingerprint of multi-region's actuals-overrun in QUARTER
  "$ROADMAP" -f "$1" check --format json | /usr/bin/python3 -c '
import json, sys
print(" ".join(f["fingerprint"] for f in json.load(sys.stdin)["findings"]
               if f["code"] == "actuals-overrun" and f["subject"] == "multi-region"
               and sys.argv[1] in f["message"]))' "$2"
}
q2=$(fp twice.json 2026-Q2)
q3=$(fp twice.json 2026-Q3)
ok_if "one initiative's overruns in two quarters have two fingerprints" \
  test -n "$q2" -a -n "$q3" -a "$q2" != "$q3"
R -f twice.json actual multi-region 2026-Q2 --unset 2>/dev/null
ok_if "and the later keeps its own when the earlier is fixed" test "$(fp twice.json 2026-Q3)" = "$q3"
# two findings alike in code, subject and related ids (an unknown team and
# an unknown pillar of one name): the second has the first's again with
# its rank, so each is its own
cat > alike.json <<'JSON'
{"format": 1, "goals": [{"id": "g", "title": "G"}],
 "initiatives": [{"id": "a", "title": "A", "goals": ["g"], "team": "x",
                  "pillar": "x", "start": "2026-01-01", "end": "2026-03-01"}]}
JSON
t "two findings alike: two fingerprints, the second ranked" 0 \
  "unknown-reference a c4ca0f7f9224a53b86c1bb401f08b272
unknown-reference a 69f8899cb23de9169783c9f57e23f1c4" "" \
  -- bash -c "'$ROADMAP' -f alike.json check --format json | /usr/bin/python3 -c '
import json, sys
for f in json.load(sys.stdin)[\"findings\"]:
    print(f[\"code\"], f[\"subject\"], f[\"fingerprint\"])'"

# --- the baseline gate ------------------------------------------------------
cp acme.json new.json
R -f new.json add initiative side-project --title "Side project" \
  --start 2026-Q1 --end 2026-Q2 2>/dev/null
t "baseline: only the finding the change adds" 1 \
  "error   unaligned-initiative side-project: serves no goal
1 error, 0 warnings, 0 infos; 16 known findings left out (in the baseline)" "" \
  -- R -f new.json check --baseline acme.json
t "baseline: from a pipe" 1 \
  "::error file=new.json,line=579,title=unaligned-initiative::side-project: serves no goal" "" \
  -- bash -c "cat acme.json | '$ROADMAP' -f new.json check --format github --baseline -"
t "baseline: from a process substitution, in JSON" 0 \
  "known 16, errors 1: unaligned-initiative side-project line 579" "" \
  -- bash -c "'$ROADMAP' -f new.json check --format json --baseline <(cat acme.json) |
    /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
f = d[\"findings\"]
print(\"known %d, errors %d: %s\" % (d[\"known\"], d[\"errors\"],
  \" \".join(\"%s %s line %s\" % (x[\"code\"], x[\"subject\"], x[\"line\"]) for x in f)))'"
t "baseline: nothing new passes the gate" 0 \
  "0 errors, 0 warnings, 0 infos; 16 known findings left out (in the baseline)" "" \
  -- R -f acme.json check --baseline acme.json
t "baseline: --strict gates on new warnings only" 0 \
  "0 errors, 0 warnings, 0 infos; 16 known findings left out (in the baseline)" "" \
  -- R -f acme.json check --strict --baseline "$EXAMPLES/acme/roadmap.json"
t "baseline: a missing file is 66" 66 "" \
  "roadmap: the baseline none.json cannot be read:
roadmap: none.json: cannot open: No such file or directory" \
  -- R -f acme.json check --baseline none.json
echo '{"format": 1, "goals": [{"id": "g"}]}' > bad-base.json
t "baseline: a bad one is 65" 65 "" \
  'roadmap: the baseline bad-base.json cannot be read:
roadmap: bad-base.json: goals[0] "g": missing required field "title"' \
  -- R -f acme.json check --baseline bad-base.json
# --- a known finding that grew counts as new ---------------------------------
# a quarter's overrun from 5,496.83 to 495,496.83, a team's load above its
# capacity from 0.5 to 1.5 FTE: the same fingerprints, worse; an overrun
# that shrank and an unaligned initiative stay known
cat > grow-old.json <<'JSON'
{"format": 1, "teams": [{"id": "t", "capacity": 1}], "goals": [{"id": "g", "title": "G"}],
 "initiatives": [
  {"id": "a", "title": "A", "goals": ["g"], "team": "t", "fte": 1.5,
   "start": "2026-01-01", "end": "2026-03-31", "opex": 105496.83},
  {"id": "b", "title": "B", "start": "2026-04-01", "end": "2026-06-30"},
  {"id": "c", "title": "C", "goals": ["g"], "start": "2026-07-01", "end": "2026-09-30", "opex": 120000}],
 "budgets": [{"period": "2026-Q1", "amount": 100000}, {"period": "2026-Q3", "amount": 100000}]}
JSON
sed 's/105496.83/595496.83/' grow-old.json > grow-money.json
t "baseline: an overrun that grew fails the gate" 1 \
  "error   budget-overrun       2026-Q1: planned USD 595,496.83 exceeds the envelope of USD 100,000.00 by USD 495,496.83 (the excess grew since the baseline, from USD 5,496.83 to USD 495,496.83)
1 error, 0 warnings, 0 infos (1 grew since the baseline); 3 known findings left out (in the baseline)" "" \
  -- R -f grow-money.json check --baseline grow-old.json
t "baseline: one that stayed the same does not" 0 \
  "0 errors, 0 warnings, 0 infos; 4 known findings left out (in the baseline)" "" \
  -- R -f grow-old.json check --baseline grow-old.json
sed -e 's/"fte": 1.5/"fte": 2.5/' -e 's/"opex": 120000/"opex": 110000/' grow-money.json > grow.json
R -f grow.json add initiative d --title D --start 2026-04-01 --end 2026-04-30 2>/dev/null
t "baseline: grown ones beside a new one; a shrunk one stays known" 1 \
  "error   budget-overrun       2026-Q1: planned USD 595,496.83 exceeds the envelope of USD 100,000.00 by USD 495,496.83 (the excess grew since the baseline, from USD 5,496.83 to USD 495,496.83)
error   unaligned-initiative d: serves no goal
warning capacity-overrun     t@2026-Q1: load 2.5 FTE exceeds the capacity of 1 FTE (the load above capacity grew since the baseline, from 0.5 FTE to 1.5 FTE)
2 errors, 1 warning, 0 infos (2 grew since the baseline); 2 known findings left out (in the baseline)" "" \
  -- R -f grow.json check --baseline grow-old.json
t "baseline: JSON marks new and updated" 1 \
  "errors 2, warnings 1, known 2, grew 2
budget-overrun 2026-Q1 updated
unaligned-initiative d new
capacity-overrun t@2026-Q1 updated" "" \
  -- bash -c "'$ROADMAP' -f grow.json check --format json --baseline grow-old.json > grow.out.json; rc=\$?
    /usr/bin/python3 -c '
import json
d = json.load(open(\"grow.out.json\"))
print(\"errors %d, warnings %d, known %d, grew %d\" % (d[\"errors\"], d[\"warnings\"], d[\"known\"], d[\"grew\"]))
for f in d[\"findings\"]:
    print(f[\"code\"], f[\"subject\"], f[\"baseline_state\"])'; exit \$rc"
R -f grow.json check --format sarif --baseline grow-old.json > grow.sarif
t "baseline: SARIF's baselineState, new or updated" 0 \
  "budget-overrun 2026-Q1 updated
unaligned-initiative d new
capacity-overrun t@2026-Q1 updated
{'knownFindingsLeftOut': 2, 'knownFindingsGrown': 2}" "" -- /usr/bin/python3 -c '
import json
run = json.load(open("grow.sarif"))["runs"][0]
for r in run["results"]:
    print(r["ruleId"], r["properties"]["subject"], r["baselineState"])
print(run["properties"])'
ok_if "baseline: and the SARIF validates" py sarif "$DATA/sarif-schema-2.1.0.json" grow.sarif
ok_if "without a baseline no result has a baselineState" bash -c "
  ! '$ROADMAP' -f grow.json check --format sarif | grep -q baselineState"
R -f grow.json check --format junit --baseline grow-old.json > grow.xml
ok_if "baseline: the JUnit validates" py junit "$DATA/junit-jenkins.xsd" grow.xml "$rules"
t "baseline: JUnit fails the grown overrun and says how many grew" 0 \
  "roadmap.baseline.known=2 roadmap.baseline.grew=2
budget-overrun: grow.json:49: error 2026-Q1: planned USD 595,496.83 exceeds the envelope of USD 100,000.00 by USD 495,496.83 (the excess grew since the baseline, from USD 5,496.83 to USD 495,496.83)" "" \
  -- /usr/bin/python3 -c '
from lxml import etree
d = etree.parse("grow.xml").getroot()
print(" ".join("%s=%s" % (p.get("name"), p.get("value")) for p in d.find("properties")
               if p.get("name").startswith("roadmap.baseline")))
c = [c for c in d.findall("testcase") if c.get("name") == "budget-overrun"][0]
print("budget-overrun: " + c.find("failure").text.strip())'
t "baseline: GitHub annotates the grown ones" 1 \
  "::error file=grow.json,line=49,title=budget-overrun::2026-Q1: planned USD 595,496.83 exceeds the envelope of USD 100,000.00 by USD 495,496.83 (the excess grew since the baseline, from USD 5,496.83 to USD 495,496.83)
::error file=grow.json,line=41,title=unaligned-initiative::d: serves no goal
::warning file=grow.json,line=5,title=capacity-overrun::t@2026-Q1: load 2.5 FTE exceeds the capacity of 1 FTE (the load above capacity grew since the baseline, from 0.5 FTE to 1.5 FTE)" "" \
  -- R -f grow.json check --format github --baseline grow-old.json
sed 's/{"format": 1,/{"format": 1, "currency": "EUR",/' grow-old.json > grow-eur.json
sed 's/"fte": 1.5/"fte": 2.5/' grow-money.json > grow-both.json
t "baseline: money in another currency is not compared, FTE is" 0 \
  "warning capacity-overrun     t@2026-Q1: load 2.5 FTE exceeds the capacity of 1 FTE (the load above capacity grew since the baseline, from 0.5 FTE to 1.5 FTE)
0 errors, 1 warning, 0 infos (1 grew since the baseline); 3 known findings left out (in the baseline)" "" \
  -- R -f grow-both.json check --baseline grow-eur.json
t "an unknown format is a usage error" 64 "" \
  "roadmap: check: unknown format 'xml' (text, json, sarif, junit or github)
usage: roadmap check [--format text|json|sarif|junit|github] [--strict] [--baseline OLD] [--as-of DATE] [selection]
(see 'roadmap help check')" -- R -f acme.json check --format xml
finish
