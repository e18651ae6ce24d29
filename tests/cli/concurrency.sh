#!/bin/bash
# concurrency.sh - concurrent writers queue on the lock and none is lost;
# readers meanwhile always see a whole file.
. "$(dirname "$0")/lib.sh"

writers=${WRITERS:-8}
adds=${ADDS:-50}
[ -z "${ROADMAP_TEST_LONG:-}" ] || adds=$((adds * 5))
R init --name "Concurrency" 2>/dev/null
for w in $(seq 1 "$writers"); do
  (
    for i in $(seq 1 "$adds"); do
      "$ROADMAP" add initiative "w$w-$i" --title "Writer $w item $i" \
        --start 2026-Q1 --end 2026-Q2 --opex 1k || echo "writer $w add $i failed: $?" >> failures
    done
  ) &
done
# a reader in a loop while the writers run
(
  until [ -e stop.reader ]; do
    "$ROADMAP" list --format json > /dev/null 2>> reader.errors || echo fail >> reader.failures
    echo read >> reader.reads
  done
) &
reader=$!
wait_writers() {
  for p in $(jobs -p); do
    [ "$p" = "$reader" ] || wait "$p"
  done
}
wait_writers
touch stop.reader
wait "$reader"
ok_if "every writer exited 0" test ! -s failures
count=$("$ROADMAP" list --format csv | tail -n +2 | wc -l)
t "all $((writers * adds)) initiatives are present" 0 "$((writers * adds))" "" -- echo "$count"
ok_if "the file is valid" bash -c "$ROADMAP list --format json > /dev/null"
ok_if "a reader ran while they wrote ($(wc -l < reader.reads) reads)" test "$(wc -l < reader.reads)" -gt 1
ok_if "readers never saw a broken file" test ! -s reader.failures
ok_if "no temporary files remain" test -z "$(ls -A | grep '^\.roadmap.json.tmp')"

# Writers into a scenario and into the roadmap itself at once share the
# lock: none is lost, and each lands where it was sent.
R scenario new what-if 2>/dev/null
half=$((writers / 2))
sadds=$((adds / 10))
for w in $(seq 1 "$half"); do
  (
    for i in $(seq 1 "$sadds"); do
      "$ROADMAP" add initiative "s$w-$i" --title "Scenario $w item $i" \
        --start 2026-Q1 --end 2026-Q2 --scenario what-if || echo "scenario writer $w add $i failed: $?" >> sfailures
    done
  ) &
  (
    for i in $(seq 1 "$sadds"); do
      "$ROADMAP" add initiative "b$w-$i" --title "Base $w item $i" \
        --start 2026-Q1 --end 2026-Q2 || echo "base writer $w add $i failed: $?" >> sfailures
    done
  ) &
done
wait
ok_if "every scenario and base writer exited 0" test ! -s sfailures
t "the scenario holds its $((half * sadds)) additions" 0 "$((half * sadds))" "" -- \
  bash -c "$ROADMAP scenario list --format csv | tail -n 1 | cut -d, -f2"
t "the roadmap holds its own $((half * sadds)) and none of the scenario's" 0 "$((half * sadds))" "" -- \
  bash -c "$ROADMAP list --format csv | grep -c '^b[0-9]'; if $ROADMAP list --format csv | grep -q '^s[0-9]'; then echo leaked; fi"
t "the scenario sees both" 0 "$((writers * adds + 2 * half * sadds))" "" -- \
  bash -c "$ROADMAP --scenario what-if list --format csv | tail -n +2 | wc -l"
finish
