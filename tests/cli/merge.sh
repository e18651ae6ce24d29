#!/bin/bash
# merge.sh - the three-way merge (roadmap(1), merge): every kind of
# conflict with its exact report, the clean merges equal to making both
# sides' edits in turn, the files it refuses, --git-setup, a real git merge
# through the printed setup, and random edit sequences (merge_random.py).
. "$(dirname "$0")/lib.sh"

R init --name "Merge test" 2>/dev/null
R add goal g1 --title "Goal one" --due 2027-Q4
R add goal g2 --title "Goal two"
R add team core --capacity 5
R add initiative a --title "Alpha" --start 2027-Q1 --end 2027-Q2 --goal g1 --opex 100k --team core
R add initiative b --title "Beta" --start 2027-Q1 --end 2027-Q3 --opex 50k --depends-on a
R add budget 2027-Q1 1M
R add budget FY2027 500k --pillar innovation
R config policy.target_mix.strategy 40 >/dev/null
R progress a 10 --on 2027-01-31
R measure g1 5 --on 2027-01-31
R scenario new cut 2>/dev/null
R --scenario cut set a opex=80k
cp roadmap.json base.json

# fork: ours (o.json) and theirs (t.json) from the base; O and T edit them;
# seq: the edits of both made in turn on a copy of the base (s.json), which
# a clean merge must equal byte for byte. An edit that fails is a failed
# case (the cases after it would test less than they say).
fork() { cp base.json o.json; cp base.json t.json; cp base.json s.json; : > edits; }
O() { R -f o.json "$@" >/dev/null 2>&1 || ok_if "ours' edit: $*" false; printf '%q ' "$@" >> edits; echo >> edits; }
T() { R -f t.json "$@" >/dev/null 2>&1 || ok_if "theirs' edit: $*" false; printf '%q ' "$@" >> edits.t; echo >> edits.t; }
seq_both() {
  local line
  while IFS= read -r line; do
    eval "R -f s.json $line" >/dev/null 2>&1 || ok_if "replayed: $line" false
  done < <(cat edits edits.t 2>/dev/null)
  rm -f edits.t
}
M() { R merge base.json o.json t.json -o m.json "$@"; }

# ---------------------------------------------------------------- clean
fork
O set a end=2027-Q3 title="Alpha two"
O actual a 2027-Q1 20k
O link b g1
O add initiative c --title Gamma --start 2027-Q2 --end 2027-Q4 --depends-on a
O set 2027-Q1 amount=1.2M
O config name "Merged"
O config policy.target_mix.team 10
O capacity core 6 --from 2027-04-01
T actual a 2027-Q2 30k
T set b opex=60k status=approved
T link b g2
T progress a 40 --on 2027-03-31
T measure g1 7 --on 2027-03-31
T add goal g3 --title "Goal three"
T add budget 2027-Q2 900k
T config currency EUR
T config policy.mix_tolerance 8
T rm g2 --force
T scenario new grow
seq_both
t 'a clean merge says nothing' 0 '' '' -- M
ok_if 'and equals both sides edited in turn' cmp m.json s.json
t 'the merged file loads and check runs' 0 '' '' -- bash -c "'$ROADMAP' -f m.json check > /dev/null; test \$? -le 1"
t 'the same change on both sides is no conflict' 0 '' '' -- R merge base.json o.json o.json -o m2.json
ok_if 'and gives that side' cmp m2.json o.json
t 'theirs unchanged gives ours' 0 '' '' -- R merge base.json o.json base.json -o m3.json
ok_if 'byte for byte' cmp m3.json o.json
t 'ours unchanged gives theirs' 0 '' '' -- R merge base.json base.json t.json -o m4.json
ok_if 'byte for byte' cmp m4.json t.json

# ---------------------------------------------------------------- conflicts
fork
O set a end=2027-Q3
T set a end=2027-Q4
t 'a field changed differently' 1 'initiative "a": end: base "2027-06-30", ours "2027-09-30", theirs "2027-12-31"' '' -- M
ok_if 'ours is kept' cmp m.json o.json
t 'as JSON' 1 '{
  "conflicts": [
    {
      "kind": "initiative",
      "id": "a",
      "field": "end",
      "base": "2027-06-30",
      "ours": "2027-09-30",
      "theirs": "2027-12-31"
    }
  ],
  "merged": false
}' '' -- M --format json
t 'a clean merge as JSON' 0 '{
  "conflicts": [],
  "merged": true
}' '' -- R merge base.json o.json base.json -o m5.json --format json

fork
O rm b
T set b opex=70k status=active
t 'removed by ours, changed by theirs' 1 'initiative "b": status: base "proposed", ours removed it, theirs "active"
initiative "b": opex: base 50000, ours removed it, theirs 70000' '' -- M
ok_if 'stays removed' bash -c "! '$ROADMAP' -f m.json show b >/dev/null 2>&1"
t 'as JSON: removed says which side' 1 '{
  "conflicts": [
    {
      "kind": "initiative",
      "id": "b",
      "field": "status",
      "base": "proposed",
      "ours": null,
      "theirs": "active",
      "removed": "ours"
    },
    {
      "kind": "initiative",
      "id": "b",
      "field": "opex",
      "base": 50000,
      "ours": null,
      "theirs": 70000,
      "removed": "ours"
    }
  ],
  "merged": false
}' '' -- M --format json
fork
O set g2 title="Goal 2"
T rm g2
t 'changed by ours, removed by theirs' 1 'goal "g2": title: base "Goal two", ours "Goal 2", theirs removed it' '' -- M
ok_if 'stays' cmp m.json o.json
fork
T rm g2
t 'removed by theirs, unchanged by ours: removed' 0 '' '' -- M
ok_if 'as theirs' cmp m.json t.json

fork
O actual a 2027-Q1 20k
T actual a 2027-Q1 25k
O progress a 30 --on 2027-02-28
T progress a 35 --on 2027-02-28
O measure g1 6 --on 2027-01-31
T measure g1 8 --on 2027-01-31
O capacity core 7 --from 2027-07-01
T capacity core 8 --from 2027-07-01
t 'dated records conflict by key' 1 'team "core": capacity_changes.2027-07-01: base null, ours 7, theirs 8
goal "g1": measurements.2027-01-31: base 5, ours 6, theirs 8
initiative "a": actuals.2027-Q1: base null, ours 20000, theirs 25000
initiative "a": progress.2027-02-28: base null, ours 30, theirs 35' '' -- M
ok_if 'ours kept' cmp m.json o.json
fork
O actual a 2027-Q1 --kind opex 20k
T actual a 2027-Q1 --kind capex 5k
t 'an actual split differently is one value' 1 'initiative "a": actuals.2027-Q1: base null, ours {"opex":20000,"capex":0}, theirs {"opex":0,"capex":5000}' '' -- M

fork
O config currency GBP
T config currency EUR
O config policy.target_mix.strategy 30
T config policy.target_mix.strategy 35
O config policy.target_mix.team 10
T config policy.target_mix.team 10
t 'settings conflict key by key' 1 'setting "currency": base "USD", ours "GBP", theirs "EUR"
setting "policy.target_mix.strategy": base 40, ours 30, theirs 35' '' -- M
fork
O config pillars strategy,team,operations,innovation,people
T config pillars strategy,team,innovation
t 'pillars merge as a set' 0 '' '' -- M
t 'added by ours, removed by theirs' 0 'strategy,team,innovation,people' '' -- R -f m.json config pillars
# a plain roadmap: no envelope or target holds a pillar or the fiscal year
R -f plain.json init 2>/dev/null
cp plain.json po.json
cp plain.json pt.json
R -f po.json config pillars strategy,team
R -f pt.json config pillars operations,innovation
t 'pillars merge as a set, never to none' 1 'setting "pillars": no pillar would be left; ours kept' '' -- R merge plain.json po.json pt.json -o m.json
ok_if 'ours kept' cmp m.json po.json

fork
O set 2027-Q1 amount=1.1M
T set 2027-Q1 amount=1.3M
O add budget 2027-Q3 2M
T add budget 2027-Q3 2M
O add budget 2027-Q4 1M
T add budget 2027-Q4 3M
t 'envelopes by period and pillar' 1 'budget "2027-Q1": amount: base 1000000, ours 1100000, theirs 1300000
budget "2027-Q4": amount: base null, ours 1000000, theirs 3000000' '' -- M

fork
O --scenario cut set b opex=10k
T --scenario cut set b opex=20k
t 'a scenario changed on both sides' 1 'scenario "cut": base {"name":"cut","changes":[{"kind":"initiative","id":"a","field":"opex","base":100000,"value":80000}]}, ours {"name":"cut","changes":[{"kind":"initiative","id":"a","field":"opex","base":100000,"value":80000},{"kind":"initiative","id":"b","field":"opex","base":50000,"value":10000}]}, theirs {"name":"cut","changes":[{"kind":"initiative","id":"a","field":"opex","base":100000,"value":80000},{"kind":"initiative","id":"b","field":"opex","base":50000,"value":20000}]}' '' -- M

fork
O add goal z --title Zed
T add initiative z --title Zed --start 2027-Q1 --end 2027-Q2
t 'a goal and an initiative of one id' 1 'initiative "z": ours has a goal "z"; ours kept' '' -- M
ok_if 'ours kept' cmp m.json o.json
fork
O add initiative z --title Zed --start 2027-Q1 --end 2027-Q2 --opex 10k
T add initiative z --title Zed --start 2027-Q1 --end 2027-Q3 --opex 10k
t 'added on both sides differently' 1 'initiative "z": end: base null, ours "2027-06-30", theirs "2027-09-30"' '' -- M

fork
O set a start=2027-Q2
T set a end=2027-Q1
t 'merged dates that cross' 1 'initiative "a": the merged initiative would not load: end 2027-03-31 is before start 2027-04-01; ours kept' '' -- M
ok_if 'ours kept' cmp m.json o.json
t 'the merged file loads' 0 '' '' -- bash -c "'$ROADMAP' -f m.json list >/dev/null"

# ---------------------------------------------------------------- refused
cp plain.json pt.json
R -f pt.json config fiscal_year_start 4
rm -f m.json m.json.lock
t 'fiscal years that differ' 65 '' 'roadmap: pt.json: fiscal_year_start differs (base 1, ours 1, theirs 4): the quarters of actuals and envelopes would not line up; merge with one fiscal year, then change it' -- R merge plain.json plain.json pt.json -o m.json
ok_if 'nothing written' test ! -e m.json
ok_if 'and no lock file' test ! -e m.json.lock
t 'named by the side that changed it' 65 '' 'roadmap: pt.json: fiscal_year_start differs (base 1, ours 4, theirs 1): the quarters of actuals and envelopes would not line up; merge with one fiscal year, then change it' -- R merge plain.json pt.json plain.json -o m.json
printf '{"format": 1, "bogus": 1}\n' > bad.json
t 'a file that does not load' 65 '' 'roadmap: bad.json: unknown field "bogus"' -- R merge base.json bad.json t.json -o m.json
ok_if 'nothing written, no lock file' test ! -e m.json -a ! -e m.json.lock
t 'a missing file' 66 '' 'roadmap: nope.json: cannot open: No such file or directory' -- R merge base.json o.json nope.json -o new.json
ok_if 'leaves no lock file' test ! -e new.json.lock
t 'three files' 64 '' "roadmap: merge: merge needs BASE, OURS and THEIRS files
usage: roadmap merge BASE OURS THEIRS [--format text|json] [-o FILE] [--git-setup]
(see 'roadmap help merge')" -- R merge base.json o.json
t 'one - at most' 64 '' "roadmap: merge: only one of BASE, OURS and THEIRS can be -
usage: roadmap merge BASE OURS THEIRS [--format text|json] [-o FILE] [--git-setup]
(see 'roadmap help merge')" -- R merge - - t.json -o m.json
t 'the output is a file' 64 '' "roadmap: merge: the merged roadmap is written to a file (OURS, or -o FILE), not to -
usage: roadmap merge BASE OURS THEIRS [--format text|json] [-o FILE] [--git-setup]
(see 'roadmap help merge')" -- R merge base.json - t.json

# ---------------------------------------------------------------- OURS replaced
fork
O set a title="Ours"
T set b title="Theirs"
cp o.json o-before.json
t 'without -o OURS is replaced' 0 '' '' -- R merge base.json o.json t.json
ok_if 'with both changes' bash -c "'$ROADMAP' -f o.json list --format csv | grep -q '^b,Theirs,' && '$ROADMAP' -f o.json list --format csv | grep -q '^a,Ours,'"
ok_if 'under its lock' test -e o.json.lock
cp o-before.json .merge_file_abc123
t "git's temporary file" 0 '' '' -- R merge base.json .merge_file_abc123 t.json -o .merge_file_abc123
ok_if 'gets no lock file' test ! -e .merge_file_abc123.lock
ok_if 'and is merged' cmp .merge_file_abc123 o.json

# ---------------------------------------------------------------- git
setup="echo 'roadmap.json merge=roadmap' >> .gitattributes
echo 'roadmap.json.lock' >> .gitignore
echo '*.roadmap.json merge=roadmap' >> .gitattributes
git config merge.roadmap.name 'roadmap three-way merge'
git config merge.roadmap.driver 'roadmap merge %O %A %B -o %A'"
t '--git-setup' 0 "$setup" '' -- R merge --git-setup
t '--git-setup for a named file' 0 "echo 'plans/q3.json merge=roadmap' >> .gitattributes
echo 'plans/q3.json.lock' >> .gitignore
git config merge.roadmap.name 'roadmap three-way merge'
git config merge.roadmap.driver 'roadmap merge %O %A %B -o %A'" '' -- R -f plans/q3.json merge --git-setup
t '--git-setup takes no files' 64 '' "roadmap: merge: --git-setup takes no files
usage: roadmap merge BASE OURS THEIRS [--format text|json] [-o FILE] [--git-setup]
(see 'roadmap help merge')" -- R merge --git-setup a.json

if command -v git >/dev/null 2>&1; then
  mkdir -p bin repo
  ln -s "$ROADMAP" bin/roadmap
  export PATH=$work/bin:$PATH
  export GIT_CONFIG_NOSYSTEM=1 HOME=$work
  (
    cd repo || exit 1
    git init -q -b main .
    git config user.name Tester
    git config user.email tester@example.com
    roadmap merge --git-setup | sh
    cp ../base.json roadmap.json
    git add -A && git commit -qm base
    git checkout -qb cto
    roadmap set a end=2027-Q3
    git commit -qam "cto moves a"
    git checkout -q main
    roadmap actual a 2027-Q1 20k
    git commit -qam "cfo records an actual"
  ) > git.log 2>&1
  t 'git merges two branches cleanly' 0 'Auto-merging roadmap.json' '' -- git -C repo merge -q --no-edit cto
  t 'with both changes' 0 'a,2027-09-30,20000' '' -- bash -c "cd repo && roadmap list --format json | python3 -c 'import json,sys; a=[x for x in json.load(sys.stdin) if x[\"id\"]==\"a\"][0]; print(\"a\", a[\"end\"], a[\"actuals\"][\"2027-Q1\"], sep=\",\")'"
  (
    cd repo || exit 1
    git checkout -qb cfo
    roadmap set b opex=70k
    git commit -qam "cfo: b costs more"
    git checkout -q main
    roadmap set b opex=55k
    git commit -qam "cto: b costs less"
  ) >> git.log 2>&1
  t 'git reports the conflict the merge lists' 1 'initiative "b": opex: base 50000, ours 55000, theirs 70000
Auto-merging roadmap.json
CONFLICT (content): Merge conflict in roadmap.json
Automatic merge failed; fix conflicts and then commit the result.' '' -- bash -c 'cd repo && git merge --no-edit cfo 2>&1'
  t 'the file keeps ours and loads' 0 '55000' '' -- bash -c "cd repo && roadmap show b --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"opex\"])'"
  t 'and nothing is left in the work tree' 0 'UU roadmap.json' '' -- git -C repo status --porcelain
else
  echo "ok $((n + 1)) - git # SKIP git is not installed"
  n=$((n + 1))
fi

# ---------------------------------------------------------------- random
tap_from random python3 "$here/merge_random.py"
finish
