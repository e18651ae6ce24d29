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
  'roadmap: dates.csv:2: column "end": 2026-01-01 is before start 2027-01-01
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

finish
