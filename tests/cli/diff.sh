#!/bin/bash
# diff.sh - what changed between two roadmaps; exit 0 same, 1 different.
. "$(dirname "$0")/lib.sh"
cp "$EXAMPLES/acme/roadmap.json" old.json
cp old.json new.json
R -f new.json set checkout-v2 end=2027-Q1 opex=700k
R -f new.json rm eng-ladder
R -f new.json add goal growth --title "New markets"
R -f new.json add budget FY2027 5M --pillar strategy

g diff-text R diff old.json new.json
g diff-json R diff old.json new.json --format json
t "the same roadmap: exit 0, no output" 0 "" "" -- R diff old.json old.json
printf '{"format":1,"currency":"USD","pillars":["strategy","team","operations","innovation"],"initiatives":[{"id":"a","title":"A","start":"2026-Q1","end":"2026-Q1","status":"proposed","priority":3}]}' > loose.json
printf '{\n  "format": 1,\n  "initiatives": [\n    {\n      "id": "a",\n      "title": "A",\n      "start": "2026-01-01",\n      "end": "2026-03-31"\n    }\n  ]\n}\n' > tight.json
t "defaults written out or left out are no change" 0 "" "" -- R diff loose.json tight.json
t "stdin as OLD" 1 "removed budget \"FY2027/strategy\"" "" -- bash -c "$ROADMAP diff - old.json < new.json | grep budget; exit \${PIPESTATUS[0]}"
t "process substitution (a pipe) as OLD" 1 "removed budget \"FY2027/strategy\"" "" -- bash -c "$ROADMAP diff <(cat new.json) old.json | grep budget; exit \${PIPESTATUS[0]}"
t "a missing file is 66" 66 "" "roadmap: nope.json: cannot open: No such file or directory" -- R diff old.json nope.json
t "a bad file is 65" 65 "" "roadmap: bad.json:1:1: the file is empty" -- bash -c ": > bad.json; $ROADMAP diff old.json bad.json"
# two currencies: the change is named, amounts are shown in their own
# currency and never subtracted (no delta), equal figures included
printf '{"format":1,"initiatives":[{"id":"a","title":"A","start":"2026-01-01","end":"2026-03-31","opex":100},{"id":"b","title":"B","start":"2026-04-01","end":"2026-06-30","opex":50}]}' > usd.json
sed -e 's/{"format":1,/{"format":1,"currency":"EUR",/' -e 's/"opex":100}/"opex":90}/' usd.json > eur.json
t "another currency: named, shown, never subtracted" 1 'changed roadmap: currency "USD" -> "EUR"
changed initiative "a": opex 100 -> 90
spend 2026-Q1: USD 100.00 -> EUR 90.00
spend 2026-Q2: USD 50.00 -> EUR 50.00' "" -- R diff usd.json eur.json
t "and in JSON the delta is null" 1 '[{"period": "2026-Q1", "old": 100, "new": 90, "delta": null}, {"period": "2026-Q2", "old": 50, "new": 50, "delta": null}]' "" -- \
  bash -c "$ROADMAP diff usd.json eur.json --format json | /usr/bin/python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)[\"spend\"]))'; exit \${PIPESTATUS[0]}"
# the policy is compared key by key, under the names `config` uses; a
# pillar's target on one side only is null on the other
printf '{"format":1,"policy":{"target_mix":{"innovation":40,"team":30},"mix_tolerance":10}}' > pol-old.json
printf '{"format":1,"policy":{"target_mix":{"innovation":35,"strategy":20},"mix_tolerance":15}}' > pol-new.json
t "policy changes key by key" 1 'changed roadmap: policy.target_mix.innovation 40 -> 35
changed roadmap: policy.target_mix.strategy null -> 20
changed roadmap: policy.target_mix.team 30 -> null
changed roadmap: policy.mix_tolerance 10 -> 15' "" -- R diff pol-old.json pol-new.json
t "and in JSON" 1 '[{"kind": "roadmap", "id": null, "field": "policy.target_mix.innovation", "old": 40, "new": 35}, {"kind": "roadmap", "id": null, "field": "policy.target_mix.strategy", "old": null, "new": 20}, {"kind": "roadmap", "id": null, "field": "policy.target_mix.team", "old": 30, "new": null}, {"kind": "roadmap", "id": null, "field": "policy.mix_tolerance", "old": 10, "new": 15}]' "" -- \
  bash -c "$ROADMAP diff pol-old.json pol-new.json --format json | /usr/bin/python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)[\"changed\"]))'; exit \${PIPESTATUS[0]}"
printf '{"format":1,"policy":{"mix_tolerance":5,"target_mix":{}}}' > pol-def.json
printf '{"format":1}' > bare.json
t "a default written out is no policy change" 0 "" "" -- R diff bare.json pol-def.json
# a field the new file no longer has (notes cleared, an end date range
# dropped) is a change to null
printf '{"format":1,"initiatives":[{"id":"a","title":"A","start":"2026-01-01","end":"2026-03-31","opex":100,"notes":"pilot first","optimistic":"2026-03-15"}]}' > cleared-old.json
printf '{"format":1,"initiatives":[{"id":"a","title":"A","start":"2026-01-01","end":"2026-03-31","opex":100}]}' > cleared-new.json
t "a cleared field is a change to null" 1 'changed initiative "a": optimistic "2026-03-15" -> null
changed initiative "a": notes "pilot first" -> null' "" -- R diff cleared-old.json cleared-new.json
t "diff needs two files" 64 "" "roadmap: diff: diff needs OLD and NEW files
usage: roadmap diff OLD NEW [--format text|json]
(see 'roadmap help diff')" -- R diff old.json
finish
