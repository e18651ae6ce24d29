#!/bin/bash
# optimize.sh - which initiatives to fund, checked against exhaustive
# search: random portfolios of 14 to 17 initiatives (quarter, year and
# pillar envelopes, capacities, dependencies, kept work) under both
# objectives, budget cuts and without capacity, and again with amounts of
# 10^8 to 10^12 and near ties a cent apart; the frontier; --apply; a
# 400-initiative portfolio against the greedy cut line; the time limit on
# the wall clock, a frontier it stops, Ctrl-C; the exact output, the
# infeasible answer and the errors.
. "$(dirname "$0")/lib.sh"
py() {
  local out rc
  out=$(/usr/bin/python3 "$here/optimize_check.py" "$@" 2>&1)
  rc=$?
  [ $rc = 0 ] || printf '%s\n' "$out" | sed 's/^/# /'
  return $rc
}

# --- against exhaustive search ----------------------------------------------
infeasible=0
for seed in 1 2 3 4 5 6 7 8; do
  size=$((14 + seed % 4))
  py gen "$seed" "$size" "r$seed.json"
  R -f "r$seed.json" export --format json > "e$seed.json"
  R -f "r$seed.json" optimize --format json --frontier > "p$seed.json"
  grep -q '"status": "infeasible"' "p$seed.json" && infeasible=$((infeasible + 1))
  ok_if "seed $seed ($size initiatives): the exhaustive optimum, the cheapest of its value" \
    py verify "r$seed.json" "e$seed.json" "p$seed.json"
  ok_if "seed $seed: the frontier never rises as the budget falls" py frontier "p$seed.json"
  R -f "r$seed.json" optimize --format json --objective priority --budget-scale 85 > "q$seed.json"
  ok_if "seed $seed: by priority, at 85 %" \
    py verify "r$seed.json" "e$seed.json" "q$seed.json" --scale 85 --objective priority
  R -f "r$seed.json" optimize --format json --ignore-capacity --budget-scale 70 > "c$seed.json"
  ok_if "seed $seed: without capacity, at 70 %" \
    py verify "r$seed.json" "e$seed.json" "c$seed.json" --scale 70 --ignore-capacity
  R -f "r$seed.json" optimize --format json --budget-scale 130 > "w$seed.json"
  ok_if "seed $seed: at 130 %" py verify "r$seed.json" "e$seed.json" "w$seed.json" --scale 130
done
ok_if "some portfolios are optimal, some infeasible (both paths ran)" \
  test "$infeasible" -ge 1 -a "$infeasible" -le 6
# amounts of 10^8 to 10^12 units with odd cents, benefits a cent or two
# apart: past what the solver's tolerances (relative to the amounts) can
# separate, so "optimal" must be proven exactly; and the solver's own
# debugging line ("2mir_test: ...") must not reach standard output
for mag in 1e8 1e10 1e12; do
  for seed in 1 5 9; do
    py gen "$seed" 15 "m$seed.json" "$mag"
    R -f "m$seed.json" export --format json > "me$seed.json"
    for how in "" --ignore-capacity; do
      R -f "m$seed.json" optimize --format json $how > "mp$seed.json"
      ok_if "amounts near $mag, seed $seed${how:+ $how}: the exhaustive optimum, to the cent" \
        py verify "m$seed.json" "me$seed.json" "mp$seed.json" $how
    done
  done
done
cp p1.json tampered.json
/usr/bin/python3 -c '
import json
p = json.load(open("tampered.json"))
p["funded"], p["cut"] = p["funded"][1:], p["cut"] + p["funded"][:1]
json.dump(p, open("tampered.json", "w"))'
ok_if "the exhaustive check fails a plan that is not the optimum (it can fail)" \
  bash -c "! /usr/bin/python3 '$here/optimize_check.py' verify r1.json e1.json tampered.json >/dev/null"

# --- --apply ---------------------------------------------------------------
cp r1.json apply.json
cuts=$(/usr/bin/python3 -c 'import json; print(len(json.load(open("p1.json"))["cut"]))')
R -f apply.json optimize --budget-scale 100 --apply >/dev/null 2>applied.txt
ok_if "--apply says what it deferred" test "$(grep -c '^roadmap: deferred i[0-9]* (was ' applied.txt)" = "$cuts"
ok_if "after --apply, check finds no overrun" \
  bash -c "! '$ROADMAP' -f apply.json check --format json | grep -q '\"code\": \"\\(budget\\|capacity\\)-overrun\"'"
t "after --apply, nothing is left to cut" 0 "0" "" \
  -- bash -c "'$ROADMAP' -f apply.json optimize --format json | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)[\"cut\"]))'"
cp r3.json inf.json
t "an infeasible plan: exit 1, the limit named, nothing written" 1 \
  "infeasible (objective benefit, envelopes at 100 %)
the kept and mandatory initiatives and their prerequisites
alone break t2@2026-Q4" "" \
  -- bash -c "'$ROADMAP' -f inf.json optimize --apply | head -n3; exit \${PIPESTATUS[0]}"
ok_if "and the file is unchanged" cmp -s r3.json inf.json
t "with --keep none the same portfolio is feasible" 0 "optimal" "" \
  -- bash -c "'$ROADMAP' -f inf.json optimize --keep none --format json | sed -n 's/^  \"status\": \"\\(.*\\)\",\$/\\1/p'"

# --- 400 initiatives ---------------------------------------------------------
# The large solves test CBC's answers and the time limit's clock, which the
# sanitizers (several times slower, CBC itself not instrumented) only
# stretch: they run in the normal build.
if [ -z "${SANITIZE_FLAGS:-}" ]; then
py gen 42 400 big.json
R -f big.json export --format json > big-e.json
R -f big.json optimize --format json --time-limit 60 > big-p.json
ok_if "400 initiatives: proven optimal, at least the greedy cut line" \
  py greedy big.json big-e.json big-p.json

# realistic portfolios (tests/perf/gen-portfolio: eight teams, two years,
# amounts as people estimate them) on which CBC, given the rows in cents,
# proved plans "optimal" that were not (272,873,000 and 285,530,000); a
# plan of the value given is known to hold in each (found and proven
# here in 1.5 and 2.7 s on an idle machine; CBC now and then takes far
# longer, so the limit is 20 s). Whatever the load: an
# "optimal" answer has exactly that value, a "feasible" one (the clock
# stopped CBC) a bound at least that value, and every plan holds
for c in "45 100 273139000" "43 85 285942000"; do
  set -- $c
  /usr/bin/python3 "$here/../perf/gen-portfolio" 400 "$1" > "real-$1.json"
  # without meson's MALLOC_PERTURB_, which fills every block CBC
  # allocates and makes these solves ten times slower
  MALLOC_PERTURB_= R -f "real-$1.json" optimize --budget-scale "$2" \
    --format json --time-limit 20 > "real-$1-p.json"
  t "realistic portfolio $1 at $2 %: never optimal short of ${3%000} thousand" 0 \
    "ok" "" -- /usr/bin/python3 -c "
import json, sys
d, known = json.load(open(sys.argv[1])), float(sys.argv[2])
if d['status'] == 'optimal':
    print('ok' if d['value'] == known and d['gap'] == 0 else d)
else:
    print('ok' if d['status'] == 'feasible' and d['bound'] >= known >= 0
          and d['value'] <= d['bound'] else d)" "real-$1-p.json" "$3"
  R -f "real-$1.json" export --format json > "real-$1-e.json"
  ok_if "realistic portfolio $1 at $2 %: the plan holds" \
    py holds "real-$1-e.json" "real-$1-p.json" "$2"
done

# --explain where the clock stops the flips (400 at 85 %: each flip is a
# search of seconds): each figure not proven is a range that holds the
# exact one. The optimum, 293,055,000, and the best plans with
# init-0001, init-0009 and init-0027 forced in, 292,899,000, 293,015,000
# and 293,023,000, were proven by optimize --keep active,done,ID
/usr/bin/python3 "$here/../perf/gen-portfolio" 400 42 > real-42.json
MALLOC_PERTURB_= R -f real-42.json optimize --budget-scale 85 --explain \
  --format json --time-limit 6 > real-42-x.json
t "--explain at 400, 85 %, 6 s: every figure a range holding the exact one" 0 \
  "ok" "" -- /usr/bin/python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
exact = {'init-0001': 292899000, 'init-0009': 293015000,
         'init-0027': 293023000}
bad = [e for e in d['explain'] if e['status'] == 'infeasible' or
       e['value_if_flipped_min'] > e['value_if_flipped'] or
       (e['status'] == 'optimal') !=
       (e['value_if_flipped_min'] == e['value_if_flipped'])]
bad += [(e, exact[e['id']]) for e in d['explain'] if e['id'] in exact and
        not d['value'] - e['value_if_flipped'] <= exact[e['id']] <=
        d['value'] - e['value_if_flipped_min']]
ok = d['value'] <= 293055000 <= d['bound'] and len(d['explain']) == 320
print('ok' if ok and not bad and len(exact) == 3 else (d['value'], bad))" \
  real-42-x.json
R -f real-42.json optimize --budget-scale 85 --explain --time-limit 3 \
  > real-42-x.txt
ok_if "--explain's table: a range where the clock stopped a flip" \
  grep -Eq '^init-0001 +cut +-?[0-9,.]+ to [0-9,.]+ +would break ' real-42-x.txt
# --explain keeps to the clock on a large portfolio: the local search on
# each flip the clock stops (a pass is O(n^2)) and the exact search's root
# LP after it took 13 s of processor time under a 2 s limit at 1,200
# initiatives; now 3.2 s. Processor time, which a busy machine does not
# stretch
/usr/bin/python3 "$here/../perf/gen-portfolio" 1200 7 > real-1200.json
TIMEFORMAT='%U %S'
{ time MALLOC_PERTURB_= R -f real-1200.json optimize --budget-scale 85 \
  --explain --format json --time-limit 2 > real-1200-x.json 2>&1; } 2> cpu.txt
unset TIMEFORMAT
took=$(awk '{ printf "%.1f", $1 + $2 }' cpu.txt)
ok_if "--explain at 1,200, --time-limit 2: the flips stop with the clock ($took s of processor)" \
  awk -v t="$took" 'BEGIN { exit !(t > 0 && t < 8) }'
fi

# --- the time limit ------------------------------------------------------------
# a portfolio no solver proves in seconds; the processors kept busy, so that
# a limit on CPU seconds (the solver's default) would run far past it
py hard 1 200 hard.json
spin() { while :; do :; done; }
spin & spin1=$!
spin & spin2=$!
s=$EPOCHREALTIME
R -f hard.json optimize --format json --time-limit 2 > hard-p.json
e=$EPOCHREALTIME
{ kill "$spin1" "$spin2"; wait "$spin1" "$spin2"; } 2>/dev/null
took=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.1f", e - s }')
ok_if "--time-limit 2 is the whole command's wall clock, on busy processors ($took s)" \
  awk -v t="$took" 'BEGIN { exit !(t < 6) }'
ok_if "a plan the time limit stopped: feasible, the exact bound above it, the gap" \
  py bounded hard-p.json
# a frontier the clock stops: each budget's plan starts the next, so none
# falls below a smaller budget's, and the plan is its own scale's point
py gen 3 600 front.json 1e10
R -f front.json optimize --format json --frontier --budget-scale 85 --time-limit 2 > front-p.json
ok_if "a time-limited frontier never rises as the budget falls; the plan is its point" \
  py frontier front-p.json

# Ctrl-C: SIGINT, as a terminal sends it (set -m, or a non-interactive
# shell starts the job with SIGINT ignored), ends the command at once by
# the signal, the roadmap untouched, the writer's lock file left (it is
# never deleted) and free
cp hard.json int.json
bash -c 'set -m
  "$0" -f int.json optimize --apply --time-limit 60 > int.out 2> int.err &
  pid=$!
  sleep 1
  s=$EPOCHREALTIME
  kill -INT $pid
  wait $pid
  rc=$?
  echo "$rc $(awk -v s="$s" -v e="$EPOCHREALTIME" "BEGIN { printf \"%.1f\", e - s }")"' \
  "$ROADMAP" > int.rc 2>/dev/null
read -r rc took < int.rc
ok_if "SIGINT during optimize --apply ends it by the signal (status $rc)" test "$rc" = 130
ok_if "at once ($took s after the signal)" awk -v t="$took" 'BEGIN { exit !(t < 2) }'
ok_if "having printed nothing" test ! -s int.out -a ! -s int.err
ok_if "with the roadmap byte for byte as it was" cmp -s hard.json int.json
ok_if "its lock file left and free, nothing else beside it" \
  bash -c 'flock -n int.json.lock true && [ "$(echo int.json*)" = "int.json int.json.lock" ]'

# --- output for people and scripts -----------------------------------------
cp "$EXAMPLES/acme/roadmap.json" acme.json
# the example records actuals and progress: a note suggests --as-of
note="roadmap: note: the roadmap records actuals or progress; 'optimize --as-of DATE' decides from that day"
t "the plan for a 15 % cut" 0 "$(cat "$golden/optimize-acme-85.out")" "$note" \
  -- R -f acme.json optimize --budget-scale 85 --frontier
for w in 60 80; do
  ok_if "the plan fits $w columns" fits "$w" "$ROADMAP" -f acme.json optimize --budget-scale 85 --frontier
done
t "the JSON contract" 0 "$(cat "$golden/optimize-acme-85.json")" "$note" \
  -- R -f acme.json optimize --budget-scale 85 --objective priority --format json
t "the same input gives the same output" 0 "" "" \
  -- bash -c "cmp <('$ROADMAP' -f acme.json optimize --format json --frontier 2>/dev/null) <('$ROADMAP' -f acme.json optimize --format json --frontier 2>/dev/null)"

# --- errors ------------------------------------------------------------------
usage="usage: roadmap optimize [--objective benefit|priority] [--budget-scale PCT] [--keep S] [--as-of DATE] [--ignore-capacity] [--time-limit SEC] [--frontier] [--explain] [--apply] [--cancel] [--format table|json]
(see 'roadmap help optimize')"
t "a budget scale of 0" 64 "" "roadmap: optimize: --budget-scale must be a whole number from 1 to 1000, not '0'
$usage" -- R -f acme.json optimize --budget-scale 0
t "a fractional budget scale" 64 "" "roadmap: optimize: --budget-scale must be a whole number from 1 to 1000, not '85.5'
$usage" -- R -f acme.json optimize --budget-scale 85.5
t "a negative time limit" 64 "" "roadmap: optimize: --time-limit must be a number of seconds from 0.1 to 1000000, not '-1'
$usage" -- R -f acme.json optimize --time-limit -1
t "an unknown status to keep" 64 "" "roadmap: optimize: unknown status 'actve' in --keep (proposed, approved, active, done, cancelled, deferred, or none)
$usage" -- R -f acme.json optimize --keep actve
t "an unknown objective" 64 "" "roadmap: optimize: unknown objective 'value' (benefit or priority)
$usage" -- R -f acme.json optimize --objective value
cp acme.json cycle.json
R -f cycle.json depend multi-region checkout-v2 2>/dev/null
t "a dependency cycle is 65, as in schedule" 65 "" \
  'roadmap: dependency cycle: checkout-v2 -> multi-region -> checkout-v2' \
  -- R -f cycle.json optimize
finish
