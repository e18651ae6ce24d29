#!/bin/bash
# hostile.sh - issue 11's cases: nothing the tool writes fails to load, no
# wrapped figure, no escape byte or injected statement in any output, every
# output error is exit 74, and a failing command changes nothing.
. "$(dirname "$0")/lib.sh"

# unchanged NAME FILE...: every FILE is byte-identical to its .before copy
snap() { for f in "$@"; do cp "$f" "$f.before"; done; }
unchanged() {
  local name=$1 f ok=true
  shift
  for f in "$@"; do cmp -s "$f" "$f.before" || ok=false; done
  ok_if "$name" $ok
}

# --- 1. dates: nothing written fails to load -------------------------------
R -f july.json init --name J --fiscal-year-start 7 2>/dev/null
R -f july.json add goal g --title G 2>/dev/null
R -f july.json add initiative a --title A --goal g --start 2026-01-01 --end 2026-06-30 2>/dev/null
snap july.json
t "--start FY1900 in a July year begins in 1899" 65 "" \
  "roadmap: --start FY1900 begins 1899-07-01, outside the years 1900-2200" \
  -- R -f july.json add initiative b --title B --start FY1900 --end 2026-01-01
t "--due 1900-Q1 in a July year" 65 "" \
  "roadmap: 1900-Q1 begins 1899-07-01, outside the years 1900-2200" \
  -- R -f july.json add goal h --title H --due 1900-Q1
t "set start=FY1900" 65 "" \
  "roadmap: FY1900 begins 1899-07-01, outside the years 1900-2200" \
  -- R -f july.json set a start=FY1900
t "add budget FY1900" 65 "" \
  "roadmap: FY1900 begins 1899-07-01, outside the years 1900-2200" \
  -- R -f july.json add budget FY1900 5
t "actual for 1900-Q1" 65 "" \
  "roadmap: 1900-Q1 begins 1899-07-01, outside the years 1900-2200" \
  -- R -f july.json actual a 1900-Q1 5
t "add: end before start" 65 "" \
  "roadmap: \"b\": end 2026-01-01 is before start 2027-01-01" \
  -- R -f july.json add initiative b --title B --start 2027-01-01 --end 2026-01-01
t "set: end before start" 65 "" \
  "roadmap: \"a\": end 2025-12-31 is before start 2026-01-01" \
  -- R -f july.json set a end=2025-12-31
unchanged "refused edits leave the file byte-identical" july.json
t "set both dates at once, in either order" 0 "" "" \
  -- R -f july.json set a start=2027-01-01 end=2027-03-31
t "the file loads after it" 0 "0 errors, 0 warnings, 0 infos" "" -- R -f july.json check

printf 'id,title,start,end\nx,X,2027-01-01,2026-01-01\ny,Y,1900-Q1,2026-01-01\n' > dates.csv
snap july.json
t "import: end before start, and a quarter before 1900, each located" 65 "" \
  'roadmap: dates.csv:2: end 2026-01-01 is before start 2027-01-01
roadmap: dates.csv:3: column "start": 1900-Q1 begins 1899-07-01, outside the years 1900-2200
roadmap: dates.csv: nothing imported' -- R -f july.json import dates.csv
unchanged "import refused: file unchanged" july.json

# schedule --apply past 2200: refused, nothing written
cat > late.json <<'JSON'
{
  "format": 1,
  "goals": [{"id": "g", "title": "G"}],
  "initiatives": [
    {"id": "a", "title": "A", "goals": ["g"], "start": "2150-01-01", "end": "2199-12-31"},
    {"id": "b", "title": "B", "goals": ["g"], "start": "2150-01-01", "end": "2160-12-31", "depends_on": ["a"]}
  ]
}
JSON
snap late.json
t "schedule --apply refuses a move past 2200" 65 "" \
  'roadmap: "b" would move to end 2211-01-01, outside the years 1900-2200' \
  -- R -f late.json schedule --apply --format csv
unchanged "schedule --apply refused: file unchanged" late.json

# a 20,000-long chain of three-century initiatives: exact, never wrapped
python3 - <<'PY'
import json
n = 20000
inits = [{"id": "i%d" % k, "title": "T", "goals": ["g"], "start": "1900-01-01",
          "end": "2200-12-31"} for k in range(n)]
for k in range(1, n):
    inits[k]["depends_on"] = ["i%d" % (k - 1)]
json.dump({"format": 1, "goals": [{"id": "g", "title": "G"}],
           "initiatives": inits}, open("chain.json", "w"))
PY
R -f chain.json schedule --format csv > chain.csv
ok_if "a long chain: the second link starts 2201-01-01" grep -q "^i1,1900-01-01,2200-12-31,2201-01-01,2501-12-31," chain.csv
ok_if "a long chain: dates past 9999 show 9999-12-31, never a wrapped year" \
  bash -c '! grep -Eq ",0[0-9]{3}-|,-" chain.csv && grep -q "^i19999,1900-01-01,2200-12-31,9999-12-31,9999-12-31," chain.csv'
ok_if "a long chain: the last shift is exact (19999 x 109,938 days)" \
  grep -q '^i19999,.*,2198650062$' chain.csv

# --- 2. every sum is checked ------------------------------------------------
python3 - <<'PY'
import json
inits = [{"id": "i%d" % k, "title": "T", "goals": ["g"], "start": "2026-01-01",
          "end": "2026-03-31", "opex": 1000000000000, "capex": 1000000000000}
         for k in range(47000)]
json.dump({"format": 1, "goals": [{"id": "g", "title": "G"}], "initiatives": inits},
          open("huge-sum.json", "w"))
json.dump({"format": 1, "goals": [{"id": "g", "title": "G"}]}, open("none.json", "w"))
PY
t "diff: a quarter's sum past the largest amount is 65, never a wrapped figure" 65 "" \
  "roadmap: planned spend in a quarter adds up to more than the largest amount this tool can hold" \
  -- R diff none.json huge-sum.json
t "show GOAL: 65, not a negative total" 65 "" \
  "roadmap: planned spend adds up to more than the largest amount this tool can hold" \
  -- R -f huge-sum.json show g
t "show GOAL --format json: 65, not out of memory" 65 "" \
  'roadmap: the planned cost of goal "g" adds up to more than the largest amount this tool can hold' \
  -- R -f huge-sum.json show g --format json

# --- 3. goal numbers exactly, whatever the locale ---------------------------
R -f nums.json init 2>/dev/null
R -f nums.json add goal g --title G --baseline 1234567.5 --target 0.00001 --unit u 2>/dev/null
t "list goals prints numbers in full" 0 "ID  TITLE  METRIC                  DUE  OWNER  PRI
g   G      1234567.5 -> 0.00001 u  -    -        -" "" -- R -f nums.json list goals
ok_if "show prints them in full" bash -c "'$ROADMAP' -f nums.json show g | grep -qx '  baseline    1234567.5' && '$ROADMAP' -f nums.json show g | grep -qx '  target      0.00001'"
ok_if "the Markdown too" bash -c "'$ROADMAP' -f nums.json export --format md | grep -qF '| 1234567.5 -> 0.00001 u |'"
t "a number is parsed from its text: 90,5 is not one" 65 "" \
  'roadmap: target "90,5" is not a number' -- R -f nums.json set g target=90,5
t "nor is one with more digits than a double holds" 65 "" \
  'roadmap: target "1.10000000000000000001" has more than 15 significant digits' \
  -- R -f nums.json set g target=1.10000000000000000001
t "a number too large is out of range, whatever its digits" 65 "" \
  'roadmap: target "123456789012345678901234567890" is out of range (numbers are below 1e16 and, unless 0, at least 1e-15)' \
  -- R -f nums.json set g target=123456789012345678901234567890
t "an FTE figure past the most is out of range" 65 "" \
  'roadmap: capacity "2000000" is out of range (at most 1000000 FTE)' \
  -- R -f nums.json add team t --capacity 2000000
printf 'id,capacity\nt,99999999999999999999\n' > fte.csv
t "in CSV too" 65 "" 'roadmap: fte.csv:2: column "capacity": "99999999999999999999" is out of range (at most 1000000 FTE)
roadmap: fte.csv: nothing imported' -- R -f nums.json import fte.csv --table teams
t "an amount with many decimals is refused, not rounded" 65 "" 'roadmap: amount "21.000000000000000000000000000000" has more than two decimals' -- R -f nums.json add budget 2026-Q1 21.000000000000000000000000000000
t "many leading zeros are exact" 0 "period,pillar,amount
2026-Q1,,21.00" "" -- bash -c "'$ROADMAP' -f nums.json add budget 2026-Q1 00000000000000000000000000000021.00 && '$ROADMAP' -f nums.json list budgets --format csv"

# --- 4. one atomic-write path ----------------------------------------------
mkdir links && cd links
ln -s real.json link.json
t "init through a dangling symlink creates its target" 0 "" "roadmap: created link.json" -- R -f link.json init
ok_if "the link is still a link" test -L link.json -a -f real.json
ln -s deck-real.xlsx deck.xlsx
ln -s md-real.md md.md
R -f link.json export --format xlsx -o deck.xlsx 2>/dev/null
R -f link.json export --format md -o md.md
ok_if "exports write through symlinks" test -L deck.xlsx -a -s deck-real.xlsx -a -L md.md -a -s md-real.md
snap real.json
t "an export onto the roadmap itself is refused" 73 "" \
  "roadmap: real.json: is the roadmap itself (export to another file)" \
  -- R -f link.json export --format json -o real.json
unchanged "and the roadmap is untouched" real.json
mkfifo fifo.json
t "init --force on a FIFO fails at once" 73 "" "roadmap: fifo.json: is not a regular file" \
  -- timeout 10 "$ROADMAP" -f fifo.json init --force
chmod 640 real.json
if [ "$(id -u)" = 0 ]; then
  chown nobody real.json
  R -f real.json add goal g --title G 2>/dev/null
  ok_if "a root save keeps the file's owner" test "$(stat -c %U real.json)" = nobody
fi
ok_if "a save keeps the file's permissions" test "$(stat -c %a real.json)" = 640
( true & echo $! > dead.pid; wait )
dead=$(cat dead.pid)
: > ".real.json.tmp.$dead.abcdef"
: > ".md-real.md.tmp.$dead.ghijkl"
R -f real.json export --format md -o md-real.md
ok_if "an export, which takes no lock, leaves crashed writers' temporaries alone" \
  test "$(ls -A | grep -c '\.tmp\.')" -eq 2
R -f real.json add goal g2 --title G2 2>/dev/null
ok_if "the next holder of the roadmap's lock removes its crashed temporaries" \
  test "$(ls -A | grep '\.tmp\.')" = ".md-real.md.tmp.$dead.ghijkl"
cd ..

# --- 5. no injection ---------------------------------------------------------
t "an argument's escape bytes are shown, not sent" 64 "" \
  "roadmap: unknown command 'li\\x1b[31mst' (see 'roadmap help')" -- R $'li\x1b[31mst'
printf 'id,ti\x1b[2Jtle,start,end\n' > esc.csv
t "a CSV header cell's escape bytes too" 65 "" \
  'roadmap: esc.csv:1: column "ti\x1b[2Jtle": unknown column (the initiatives table has: id, title, pillar, stage, status, owner, team, start, end, opex, capex, total, fte, priority, benefit, goals, depends_on, optimistic, pessimistic, notes, mandatory, useful_life, in_service)
roadmap: esc.csv:1: column "title": is missing from the header (the initiatives table needs it)
roadmap: esc.csv: nothing imported' -- R -f nums.json import esc.csv
R -f inj.json init --name '# *Evil* <b>x</b> [l](u) #' 2>/dev/null
R -f inj.json add goal g --title G 2>/dev/null
k=0
for title in 'section Evil' 'title Pwned' 'excludes weekends' 'click g call alert()' \
  '2026-01-01 launch' 'A: b; c # d % e %% f'; do
  k=$((k + 1))
  R -f inj.json add initiative "i$k" --title "$title" --goal g --start 2026-01-01 --end 2026-03-31 2>/dev/null
done
R -f inj.json export --format md > inj.md
ok_if "the Markdown heading is escaped like any text" \
  grep -qxF '# \# \*Evil\* \<b>x\</b> \[l\](u) \#' inj.md
sed -n '/^```mermaid/,/^```$/p' inj.md > gantt.txt
ok_if "no gantt line becomes a statement (six task lines, none a keyword)" bash -c \
  "test \$(grep -c ' :crit, ' gantt.txt) = 6 &&
   ! grep -Eiq '^ *(section Evil|title Pwned|excludes|click|2026-01-01 launch)' gantt.txt"
ok_if "gantt lines keep their text as Mermaid entity codes" \
  grep -qF '    A#58; b#59; c #35; d #37; e #37;#37; f :crit, 2026-01-01, 2026-04-01' gantt.txt
ok_if "a keyword title keeps its text" grep -qF '    #115;ection Evil :' gantt.txt

# --- 6. hostile numbers and bytes -------------------------------------------
for v in 1.10000000000000000001 1e-400 1000000000000.00001 -0; do
  printf '{"format": 1, "teams": [{"id": "t", "capacity": %s}]}\n' "$v" > "num.json"
  R -f num.json list teams >/dev/null 2>num.err
  ok_if "$v in a file is bad data, located" grep -q '^roadmap: num.json:1:49: number ' num.err
done
printf 'id,title,start,end\na,A\0B,2026-01-01,2026-02-01\n' > nul.csv
t "a NUL byte in a CSV cell is bad data" 65 "" 'roadmap: nul.csv:2: a NUL byte: the file is not text
roadmap: nul.csv: nothing imported' -- R -f nums.json import nul.csv

# --- 7. every output error is exit 74 ---------------------------------------
for cmd in "show g" "help" "list --help" "--version" "list goals"; do
  t "$cmd into /dev/full is 74" 74 "" "roadmap: cannot write to standard output: No space left on device" \
    -- bash -c "'$ROADMAP' -f nums.json $cmd > /dev/full"
  t "$cmd with stdout closed is 74" 74 "" "roadmap: cannot write to standard output: Bad file descriptor" \
    -- bash -c "'$ROADMAP' -f nums.json $cmd >&-"
done
cat > shift.json <<'JSON'
{
  "format": 1,
  "goals": [{"id": "g", "title": "G"}],
  "initiatives": [
    {"id": "a", "title": "A", "goals": ["g"], "start": "2026-01-01", "end": "2026-03-31"},
    {"id": "b", "title": "B", "goals": ["g"], "start": "2026-01-01", "end": "2026-01-31", "depends_on": ["a"]}
  ]
}
JSON
snap shift.json
t "schedule --apply whose output fails is 74" 74 "" "roadmap: cannot write to standard output: No space left on device" \
  -- bash -c "'$ROADMAP' -f shift.json schedule --apply --format json > /dev/full"
unchanged "and the roadmap is unchanged" shift.json

# --- 8. no hang, no quadratic blow-up (timed in tests/perf; here: no hang) ---
/usr/bin/python3 "$here/../perf/gen-hostile"
for f in mix goals envelopes; do
  timeout 60 "$ROADMAP" -f $f.json check >/dev/null 2>&1
  ok_if "$f.json: check ends (no hang)" test $? -le 1
done
timeout 60 "$ROADMAP" -f envelopes.json budget --by pillar --format csv >/dev/null
ok_if "120,000 envelopes: budget --by pillar ends" test $? = 0

# --- 9. located everywhere ---------------------------------------------------
printf 'id,title,start,end\ra,A,2026-01-01,2026-02-30\rb,B,2026-01-01,2026-13-01\r' > cr.csv
t "CSV with CR-only line ends: real line numbers" 65 "" 'roadmap: cr.csv:2: column "end": 2026-02-30 is not a date
roadmap: cr.csv:3: column "end": 2026-13-01 is not a date
roadmap: cr.csv: nothing imported' -- R -f nums.json import cr.csv
cat > bad-items.json <<'JSON'
{"format": 1, "goals": [{"id": "g2", "title": "G2", "due": "2026-02-30"}],
 "initiatives": [
  {"id": "a", "title": "A", "start": "2026-01-01", "end": "2025-01-01"},
  {"id": "b", "title": "B", "start": "2026-01-01", "end": "2026-06-30"},
  {"id": "c", "title": "C", "start": "2026-01-01", "end": "2026-02-30"}],
 "budgets": [{"period": "2026-Q5", "amount": 1}]}
JSON
t "a JSON import reports every bad item" 65 "" 'roadmap: bad-items.json: goals[0] "g2": due 2026-02-30 is not a date
roadmap: bad-items.json: initiatives[0] "a": end 2025-01-01 is before start 2026-01-01
roadmap: bad-items.json: initiatives[2] "c": end 2026-02-30 is not a date
roadmap: bad-items.json: budgets[0]: period "2026-Q5" is not a fiscal quarter (YYYY-Qn) or fiscal year (FYYYYY)
roadmap: bad-items.json: nothing imported' -- R -f nums.json import bad-items.json
R -f guard.json init 2>/dev/null
R -f guard.json add goal g --title G 2>/dev/null
R -f guard.json add initiative q --title "'=1+1" --goal g --start 2026-01-01 --end 2026-02-01 2>/dev/null
R -f guard.json add initiative r --title "=SUM(A1)" --goal g --start 2026-01-01 --end 2026-02-01 2>/dev/null
R -f guard.json export --format csv > guard.csv
R -f guard.json rm q 2>/dev/null
R -f guard.json rm r 2>/dev/null
R -f guard.json import guard.csv 2>/dev/null
ok_if "CSV export -> import keeps a title that starts with a guard quote" \
  bash -c "'$ROADMAP' -f guard.json show q | grep -qxF \"initiative q: '=1+1\""
ok_if "and a formula-like title" \
  bash -c "'$ROADMAP' -f guard.json show r | grep -qxF 'initiative r: =SUM(A1)'"

finish
