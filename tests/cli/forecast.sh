#!/bin/bash
# forecast.sh - Monte Carlo dates and costs against exact results: a lone
# triangular estimate (closed form), a chain of identical ones (the
# convolution), two parallel branches feeding a goal (the product of their
# distribution functions), all at 100,000 trials; certain durations give
# the schedule; the same seed gives the same bytes on one CPU or many; a
# chain of 3,000 in little memory (percentiles from memory that grows with
# the trials, not with the days an end can fall on); every seed of the
# documented range, 0 to 2^53.
. "$(dirname "$0")/lib.sh"
py() {
  local out rc
  out=$(/usr/bin/python3 "$here/forecast_check.py" "$@" 2>&1)
  rc=$?
  [ $rc = 0 ] || printf '%s\n' "$out" | sed 's/^/# /'
  return $rc
}

py gen fc.json
R -f fc.json forecast --trials 100000 --format json > fc-out.json
ok_if "every figure within a day (or 0.01) of its exact value" py exact fc-out.json
R -f fc.json forecast --trials 100000 --seed 99 --format json > fc-99.json
ok_if "and with another seed" py exact fc-99.json
ok_if "another seed gives other figures" bash -c "! cmp -s fc-out.json fc-99.json"
if command -v taskset >/dev/null 2>&1; then
  t "one CPU gives the same bytes as every CPU" 0 "" "" \
    -- bash -c "cmp <(taskset -c 0 '$ROADMAP' -f fc.json forecast --format json) <('$ROADMAP' -f fc.json forecast --format json)"
  # 100 trials: on one CPU the narrow ranges of end days are counted, on
  # two or more they are kept per trial and selected
  t "and with 100 trials" 0 "" "" \
    -- bash -c "cmp <(taskset -c 0 '$ROADMAP' -f fc.json forecast --trials 100 --format json) <('$ROADMAP' -f fc.json forecast --trials 100 --format json)"
fi

# --- a long chain: memory that grows with the trials, not the chain's depth --
/usr/bin/python3 "$here/../perf/gen-chain" 3000 > chain.json
if [ -z "${SANITIZE_FLAGS:-}" ]; then
  # a histogram over every day an end could fall on took 0.6 to 1 GB of
  # address space per thread
  t "a chain of 3,000, 1,000 trials: within 400 MB of address space" 0 "" "" \
    -- bash -c "ulimit -v 400000 && '$ROADMAP' -f chain.json forecast --trials 1000 --format json > chain-f.json"
else
  # (no address-space limit under AddressSanitizer: its shadow is larger)
  t "a chain of 3,000, 1,000 trials" 0 "" "" \
    -- bash -c "'$ROADMAP' -f chain.json forecast --trials 1000 --format json > chain-f.json"
fi
ok_if "its ends against the normal limit of the sum of exact durations" \
  py chain chain.json chain-f.json
cp "$EXAMPLES/acme/roadmap.json" acme.json
/usr/bin/python3 -c '
import json
d = json.load(open("acme.json"))
for i in d["initiatives"]:
    i.pop("optimistic", None)
    i.pop("pessimistic", None)
json.dump(d, open("certain.json", "w"), indent=2)'
R -f certain.json forecast --format json > acme-f.json
R -f certain.json schedule --format json > acme-s.json
ok_if "without estimates every percentile is the schedule's earliest end" \
  py schedule acme-f.json acme-s.json
t "the table: the least likely on time first" 0 "$(cat "$golden/forecast-fixture.out")" "" \
  -- R -f fc.json forecast --trials 20000 --seed 3
ok_if "the table fits 80 columns" fits 80 "$ROADMAP" -f fc.json forecast
ok_if "the example's fits 80 columns" fits 80 "$ROADMAP" -f acme.json forecast
ok_if "and 60, its dates whole" bash -c '
  out=$(COLUMNS=60 "$0" -f acme.json forecast --as-of 2026-12-07) &&
  [ "$(printf "%s\n" "$out" | wc -L)" -le 60 ] &&
  printf "%s\n" "$out" | grep -q "^INITIATIVE  *PLANNED  *P50  *P80  *ON TIME$" &&
  printf "%s\n" "$out" | grep -q "^[a-z0-9-]*…*  *[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]  *[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]  *[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]  *[0-9.]* %$" &&
  ! printf "%s\n" "$out" | grep -q "[0-9-]…"' "$ROADMAP"
t "CSV: the initiatives" 0 "id,planned_end,p50,p80,p95,on_time
solo,2026-03-31,2026-04-03,2026-04-16,2026-05-04,0.41
c1,2026-01-30,2026-02-01,2026-02-07,2026-02-13,0.37
c2,2026-01-30,2026-03-06,2026-03-15,2026-03-21,0
c3,2026-01-30,2026-04-06,2026-04-17,2026-04-25,0
p1,2026-02-19,2026-02-27,2026-03-13,2026-03-22,0.25
p2,2026-03-01,2026-02-24,2026-03-02,2026-03-07,0.77" "" \
  -- R -f fc.json forecast --trials 100 --format csv

# --- estimates are validated where they are written -------------------------
cp acme.json est.json
t "add: an optimistic end after the planned one is refused" 65 "" \
  'roadmap: "late": optimistic 2027-02-28 is after end 2026-12-31 (the most likely)' \
  -- R -f est.json add initiative late --title Late --start 2026-Q3 --end 2026-Q4 --goal revenue --optimistic 2027-02
t "set: a pessimistic end before the planned one is refused" 65 "" \
  'roadmap: "recs-engine": pessimistic 2026-10-31 is before end 2026-12-31 (the most likely)' \
  -- R -f est.json set recs-engine pessimistic=2026-10
t "set: an optimistic end before the start is refused" 65 "" \
  'roadmap: "recs-engine": optimistic 2026-06-30 is before start 2026-07-01' \
  -- R -f est.json set recs-engine optimistic=2026-06-30
ok_if "and the file is unchanged" cmp -s acme.json est.json
t "set: both at once, in any order" 0 "" "" \
  -- R -f est.json set recs-engine pessimistic=2027-Q1 optimistic=2026-11-30
/usr/bin/python3 -c '
import json
d = json.load(open("fc.json"))
d["initiatives"][1]["pessimistic"] = "2026-01-10"
json.dump(d, open("bad-est.json", "w"), indent=2)'
t "a file with a pessimistic end before the planned one" 65 "" \
  'roadmap: bad-est.json: initiatives[1] "c1": pessimistic 2026-01-10 is before end 2026-01-30 (the most likely)' \
  -- R -f bad-est.json forecast
printf 'id,title,start,end,goals,optimistic,pessimistic\nx,X,2026-01-01,2026-03-31,revenue,2026-04-15,2026-05-01\ny,Y,2026-01-01,2026-03-31,revenue,2026-02-15,2026-03-01\n' > est.csv
t "import: every bad estimate, located" 65 "" \
  "roadmap: est.csv:2: optimistic 2026-04-15 is after end 2026-03-31 (the most likely)
roadmap: est.csv:3: pessimistic 2026-03-01 is before end 2026-03-31 (the most likely)
roadmap: est.csv: nothing imported" -- R -f est.json import est.csv
cp acme.json moved.json
R -f moved.json schedule --apply >/dev/null 2>&1
t "schedule --apply moves an initiative's estimates with it" 0 \
  "2026-10-01 2027-07-02 2027-06-01 2027-10-30" "" \
  -- bash -c "'$ROADMAP' -f moved.json show checkout-v2 --format json |
    /usr/bin/python3 -c 'import json, sys; d = json.load(sys.stdin); print(d[\"start\"], d[\"end\"], d[\"optimistic\"], d[\"pessimistic\"])'"
cp acme.json cyc.json
R -f cyc.json depend multi-region checkout-v2 2>/dev/null
t "a dependency cycle is 65, as in schedule" 65 "" \
  'roadmap: dependency cycle: checkout-v2 -> multi-region -> checkout-v2' -- R -f cyc.json forecast
usage="usage: roadmap forecast [--trials N] [--seed S] [--as-of DATE] [--format table|csv|json] [selection]
(see 'roadmap help forecast')"
t "no trials" 64 "" "roadmap: forecast: --trials must be a whole number from 1 to 10000000, not '0'
$usage" -- R -f fc.json forecast --trials 0
t "too many trials" 64 "" "roadmap: forecast: --trials must be a whole number from 1 to 10000000, not '2e7'
$usage" -- R -f fc.json forecast --trials 2e7
t "a negative seed" 64 "" "roadmap: forecast: --seed must be a whole number from 0 to 9007199254740992, not '-1'
$usage" -- R -f fc.json forecast --seed -1
# the seed's range is 0 to 2^53, every one of them, and the JSON says it
# with every digit
seed_of() { R -f fc.json forecast --trials 10 --seed "$1" --format json | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["seed"])'; }
t "seed 0, the first" 0 "0" "" -- seed_of 0
t "seed 2^53 - 1 (16 digits)" 0 "9007199254740991" "" -- seed_of 9007199254740991
t "seed 2^53, the last" 0 "9007199254740992" "" -- seed_of 9007199254740992
t "the table says the seed" 0 "forecast: 10 trials, seed 9007199254740991" "" \
  -- bash -c "'$ROADMAP' -f fc.json forecast --trials 10 --seed 9007199254740991 | head -n 1"
t "seed 2^53 + 1 is out of range" 64 "" "roadmap: forecast: --seed must be a whole number from 0 to 9007199254740992, not '9007199254740993'
$usage" -- R -f fc.json forecast --seed 9007199254740993
t "so is 2^64" 64 "" "roadmap: forecast: --seed must be a whole number from 0 to 9007199254740992, not '18446744073709551616'
$usage" -- R -f fc.json forecast --seed 18446744073709551616
t "a seed written 7e0 is 7" 0 "$(R -f fc.json forecast --trials 10 --seed 7)" "" \
  -- R -f fc.json forecast --trials 10 --seed 7e0
finish
