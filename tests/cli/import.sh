#!/bin/bash
# import.sh - CSV and JSON imports: round trips, all-or-nothing, located
# errors for hostile CSV, --update, --dry-run, delimiters and the BOM.
. "$(dirname "$0")/lib.sh"

# export every table, import into an empty roadmap, export again
for src in "$EXAMPLES/acme/roadmap.json" "$DATA/good/small.json"; do
  name=$(basename "$(dirname "$src")")
  cp "$src" "$name-src.json"
  for tb in teams goals initiatives budgets actuals progress measurements; do
    "$ROADMAP" -f "$name-src.json" export --format csv --table "$tb" > "$name-$tb.csv"
  done
  "$ROADMAP" -f "$name-new.json" init 2>/dev/null
  "$ROADMAP" -f "$name-src.json" list >/dev/null
  sed -n 's/^  "name": \(.*\),$/\1/p' "$name-src.json" > /dev/null
  for tb in teams goals initiatives budgets actuals progress measurements; do
    "$ROADMAP" -f "$name-new.json" import "$name-$tb.csv" 2>/dev/null
  done
  ok_if "$name: CSV export, import, export gives identical bytes" bash -c "
    for tb in teams goals initiatives budgets actuals progress measurements; do
      cmp -s <($ROADMAP -f $name-src.json export --format csv --table \$tb) \
             <($ROADMAP -f $name-new.json export --format csv --table \$tb) || exit 1
    done"
  ok_if "$name: and the same items" bash -c "$ROADMAP diff $name-src.json $name-new.json | grep -v '^changed roadmap: name' | grep -q . && exit 1 || exit 0"
  "$ROADMAP" -f "$name-src.json" export --format json > "$name-export.json"
  "$ROADMAP" -f "$name-json.json" init 2>/dev/null
  t "$name: import a JSON export" 0 "" "" -- bash -c "$ROADMAP -f $name-json.json import $name-export.json 2>/dev/null"
  ok_if "$name: JSON export, import, export gives identical items" bash -c "cmp -s <($ROADMAP -f $name-src.json export --format csv) <($ROADMAP -f $name-json.json export --format csv)"
done

R init 2>/dev/null
R add goal g --title Goal
R add team t --capacity 2
cp roadmap.json before.json
printf 'id,title,start,end,goals,opex\na,Alpha,2026-Q1,2026-Q2,g,100k\nb,"Beta, ""the second""",2026-03,2026-04,g,1.5M\n' > two.csv
t "dry run lists the changes" 0 'added initiative "a"
added initiative "b"
spend 2026-Q1: 0.00 -> 812,018.84 (+812,018.84)
spend 2026-Q2: 0.00 -> 787,981.16 (+787,981.16)' "roadmap: dry run: 2 to add, 0 to update; nothing written" -- R import two.csv --dry-run
ok_if "dry run writes nothing" cmp -s before.json roadmap.json
t "import" 0 "" "roadmap: imported two.csv: 2 added, 0 updated" -- R import two.csv
t "the titles survive quoting" 0 'Beta, "the second"' "" -- bash -c "$ROADMAP show b --format json | sed -n 's/^  \"title\": \"\\(.*\\)\",\$/\\1/p' | sed 's/\\\\\"/\"/g'"
cp roadmap.json after.json
t "existing ids need --update" 65 "" 'roadmap: two.csv:2: column "id": initiative "a" already exists (use --update)
roadmap: two.csv:3: column "id": initiative "b" already exists (use --update)
roadmap: two.csv: nothing imported' -- R import two.csv
ok_if "and nothing changed" cmp -s after.json roadmap.json
printf 'id,title,start,end,opex\na,Alpha two,2026-Q1,2026-Q3,200k\n' > upd.csv
t "--update" 0 "" "roadmap: imported upd.csv: 0 added, 1 updated" -- R import upd.csv --update
t "the update applied, the rest kept" 0 "a,Alpha two,2026-09-30,200000.00,g" "" -- bash -c "$ROADMAP list --format csv | awk -F, '\$1==\"a\" {print \$1\",\"\$2\",\"\$9\",\"\$10\",\"\$16}'"

cp roadmap.json before.json
printf 'id,title,start,end,opex,capex\nx1,X,2026-01-01,2026-02-30,12abc,1\nx2,X,2026-01-01\nx3,X,2026-01-01,2026-02-01,1,2,3\nx4,,2026-01-01,2026-02-01,1,2\n=x5,X,2026-01-01,2026-02-01,1,2\nx6,X,2026-Q5,2026-02-01,-5,1.001\n' > hostile.csv
t "hostile rows: every error, located" 65 "" 'roadmap: hostile.csv:2: column "end": 2026-02-30 is not a date
roadmap: hostile.csv:2: column "opex": "12abc" is not an amount (like 250k, 1.5M, 1,250,000 or 99.95)
roadmap: hostile.csv:3: the row has 3 fields; the header has 6
roadmap: hostile.csv:4: the row has 7 fields; the header has 6
roadmap: hostile.csv:5: column "title": is empty
roadmap: hostile.csv:6: column "id": "=x5" is not a valid id
roadmap: hostile.csv:7: column "start": "2026-Q5" is not a date or period (YYYY-MM-DD, YYYY-MM, YYYY-Qn or FYYYYY)
roadmap: hostile.csv:7: column "opex": "-5" is not an amount (like 250k, 1.5M, 1,250,000 or 99.95)
roadmap: hostile.csv:7: column "capex": "1.001" has more than two decimals (is "." a thousands separator? then write 1001 or 1,001)
roadmap: hostile.csv: nothing imported' -- R import hostile.csv
ok_if "the roadmap is unchanged" cmp -s before.json roadmap.json
printf 'id,title,start,end\nq,"open quote,2026-01-01,2026-02-01\n' > unterminated.csv
t "an unterminated quote" 65 "" "roadmap: unterminated.csv:2: unterminated quoted field (a closing '\"' is missing)
roadmap: unterminated.csv: nothing imported" -- R import unterminated.csv
printf 'id,title,start,end\nq,ab"c,2026-01-01,2026-02-01\n' > quote.csv
t "a stray quote" 65 "" "roadmap: quote.csv:2: malformed quoting (a quote inside an unquoted field, or text after a closing quote)
roadmap: quote.csv: nothing imported" -- R import quote.csv
printf 'id,title,start,colour\nq,Q,2026-01-01,red\n' > columns.csv
t "unknown and missing columns" 65 "" 'roadmap: columns.csv:1: column "colour": unknown column (the initiatives table has: id, title, pillar, stage, status, owner, team, start, end, opex, capex, total, fte, priority, benefit, goals, depends_on, optimistic, pessimistic, notes, mandatory, useful_life, in_service)
roadmap: columns.csv:1: column "end": is missing from the header (the initiatives table needs it)
roadmap: columns.csv: nothing imported' -- R import columns.csv
printf 'id,title,start,end\nd,D,2026-01-01,2026-02-01\nd,D again,2026-01-01,2026-02-01\ng,Clash,2026-01-01,2026-02-01\n' > dups.csv
t "duplicate ids in the file and with a goal" 65 "" 'roadmap: dups.csv:3: column "id": initiative "d" already exists (use --update)
roadmap: dups.csv:4: column "id": "g" is already a goal
roadmap: dups.csv: nothing imported' -- R import dups.csv
printf 'id,title,start,end,goals,depends_on,team,pillar\nr1,R,2026-01-01,2026-02-01,nope,r2,t,team\nr2,R,2026-03-01,2026-04-01,g,ghost,crew,moon\n' > refs.csv
t "references must exist (forward ones in the file are fine), reported in line order" 65 "" "roadmap: refs.csv:2: column \"goals\": no goal \"nope\"
roadmap: refs.csv:3: column \"pillar\": no pillar \"moon\" (the roadmap's pillars: strategy, team, operations, innovation)
roadmap: refs.csv:3: column \"team\": no team \"crew\"
roadmap: refs.csv: nothing imported" -- R import refs.csv
ok_if "still unchanged" cmp -s before.json roadmap.json
{ echo "id,title,start,end"; for i in $(seq 1 25); do echo "bad id $i,T,2026-01-01,2026-02-01"; done; } > many.csv
t "at most 20 errors, then a count" 65 "roadmap: many.csv: 5 more errors not shown" "" -- bash -c "$ROADMAP import many.csv 2>&1 | sed -n 21p; exit \${PIPESTATUS[0]}"

printf '\xef\xbb\xbfid;title;start;end;opex\nsemi;Semi;2026-Q1;2026-Q1;1.000,50\n' > semi.csv
t "amounts keep '.' as the decimal point, whatever the delimiter" 65 "" 'roadmap: semi.csv:2: column "opex": "1.000,50" is not an amount (like 250k, 1.5M, 1,250,000 or 99.95)
roadmap: semi.csv: nothing imported' -- R import semi.csv --delimiter ';'
R add initiative est --title Est --start 2026-01-01 --end 2026-12-31 --optimistic 2026-10-01
cp roadmap.json before-est.json
printf 'id,title,start,end\nest,Est,2026-01-01,2026-06-30\n' > est.csv
t "an update judged with the estimates it keeps: the dry run refuses what the import would" 65 "" 'roadmap: est.csv:2: optimistic 2026-10-01 is after end 2026-06-30 (the most likely)
roadmap: est.csv: nothing imported' -- R import est.csv --update --dry-run
t "and the import, located" 65 "" 'roadmap: est.csv:2: optimistic 2026-10-01 is after end 2026-06-30 (the most likely)
roadmap: est.csv: nothing imported' -- R import est.csv --update
printf 'id,title,start,end,optimistic\nest,Est,2026-01-01,2026-06-30,\n' > est2.csv
t "an empty estimate column clears it, so the row is fine" 0 "" "roadmap: imported est2.csv: 0 added, 1 updated" -- R import est2.csv --update
cp before-est.json roadmap.json
printf 'id;title;start;end;opex;capex\neu;Euro;2026-Q1;2026-Q1;145.000;1.250.000\n' > eu.csv
t "a thousands dot is refused, never read 1,000 times too small" 65 "" 'roadmap: eu.csv:2: column "opex": "145.000" has more than two decimals (is "." a thousands separator? then write 145000 or 145,000)
roadmap: eu.csv:2: column "capex": "1.250.000" is not an amount (is "." a thousands separator? then write 1250000 or 1,250,000)
roadmap: eu.csv: nothing imported' -- R import eu.csv --delimiter ';'
printf 'period,amount\n2026-Q1,250.000\n' > eub.csv
t "in envelopes too" 65 "" 'roadmap: eub.csv:2: column "amount": "250.000" has more than two decimals (is "." a thousands separator? then write 250000 or 250,000)
roadmap: eub.csv: nothing imported' -- R import eub.csv --table budgets
printf '\xef\xbb\xbfid;title;start;end;opex\nsemi;Semi;2026-Q1;2026-Q1;1,000.50\n' > semi.csv
t "a BOM and ';'" 0 "" "roadmap: imported semi.csv: 1 added, 0 updated" -- R import semi.csv --delimiter ';'
printf 'id\ttitle\tstart\tend\ntabbed\tTabbed\t2026-Q1\t2026-Q1\n' > tab.tsv
t "tab-separated" 0 "" "roadmap: imported tab.tsv: 1 added, 0 updated" -- R import tab.tsv --delimiter tab
printf 'period,pillar,amount\n2026-Q1,,1M\nFY2026,innovation,250k\n' > budgets.csv
t "budgets" 0 "" "roadmap: imported budgets.csv: 2 added, 0 updated" -- R import budgets.csv --table budgets
t "the envelopes" 0 "period,pillar,amount
2026-Q1,,1000000.00
FY2026,innovation,250000.00" "" -- R list budgets --format csv
t "a missing file is 66" 66 "" "roadmap: nothing.csv: cannot open: No such file or directory" -- R import nothing.csv
t "an unknown delimiter" 64 "" "roadmap: import: unknown delimiter '|' (',', ';' or tab)
usage: roadmap import FILE [--table initiatives|goals|teams|budgets|actuals|progress|measurements] [--update] [--dry-run] [--delimiter ,|;|tab] [--ignore-columns A,B] [--format ledger|focus] [--map RULES]
(see 'roadmap help import')" -- R import budgets.csv --delimiter '|'

# --ignore-columns: named columns skipped, not checked; the others still
# refused by name; a name the header lacks is a usage error
printf 'id,title,colour,start,Size,end\nign,Ign,,2026-Q1,not checked,2026-Q2\n' > ignore.csv
cp roadmap.json before.json
t "a column import does not know is refused" 65 "" 'roadmap: ignore.csv:1: column "colour": unknown column (the initiatives table has: id, title, pillar, stage, status, owner, team, start, end, opex, capex, total, fte, priority, benefit, goals, depends_on, optimistic, pessimistic, notes, mandatory, useful_life, in_service)
roadmap: ignore.csv:1: column "Size": unknown column (the initiatives table has: id, title, pillar, stage, status, owner, team, start, end, opex, capex, total, fte, priority, benefit, goals, depends_on, optimistic, pessimistic, notes, mandatory, useful_life, in_service)
roadmap: ignore.csv: nothing imported' -- R import ignore.csv
t "--ignore-columns skips one, the other is still refused" 65 "" 'roadmap: ignore.csv:1: column "Size": unknown column (the initiatives table has: id, title, pillar, stage, status, owner, team, start, end, opex, capex, total, fte, priority, benefit, goals, depends_on, optimistic, pessimistic, notes, mandatory, useful_life, in_service)
roadmap: ignore.csv: nothing imported' -- R import ignore.csv --ignore-columns colour
t "a name the header lacks is a usage error, named" 64 "" 'roadmap: ignore.csv:1: column "color": --ignore-columns names it, but the header has no such column
roadmap: ignore.csv:1: column "wieght": --ignore-columns names it, but the header has no such column
roadmap: ignore.csv: nothing imported' -- R import ignore.csv --ignore-columns colour,color,size,wieght
ok_if "nothing written" cmp -s before.json roadmap.json
printf '{"format": 1}' > empty.json
t "JSON has no columns to ignore" 64 "" 'roadmap: empty.json: --ignore-columns applies to CSV files only
roadmap: empty.json: nothing imported' -- R import empty.json --ignore-columns colour
t "both skipped (any case, spaces trimmed, the option repeats)" 0 "" "roadmap: imported ignore.csv: 1 added, 0 updated" -- R import ignore.csv --ignore-columns 'COLOUR, size ' --ignore-columns colour
t "the row imported without them" 0 "ign,Ign,2026-01-01,2026-06-30" "" -- bash -c "$ROADMAP list --format csv | awk -F, '\$1==\"ign\" {print \$1\",\"\$2\",\"\$8\",\"\$9}'"
printf 'id,title,start,end,opex\nrow,Row,2026-Q1,2026-Q2,1,extra\n' > width.csv
t "row widths are still counted with the ignored columns" 65 "" 'roadmap: width.csv:2: the row has 6 fields; the header has 5
roadmap: width.csv: nothing imported' -- R import width.csv --ignore-columns opex

# a header of one column holding '|': another delimiter, one that import
# does not read
printf 'id|title|start|end\np|P|2026-Q1|2026-Q2\n' > pipe.csv
t "a '|' header: wrong delimiter?" 65 "" "roadmap: pipe.csv:1: the header does not split into columns: wrong delimiter? (import reads ',', ';' or tab, not '|')
roadmap: pipe.csv: nothing imported" -- R import pipe.csv

# rows of delimiters only (spreadsheets write them below a table) are
# blank lines: skipped, and later lines keep their numbers
printf ',,,\nid,title,start,end\n,,,\nbl1,B,2026-Q1,2026-Q2\n,,,,\n\n"",""\nbl2,B,2026-Q5,2026-Q2\n,,,\n' > blank.csv
t "blank rows are skipped; a later error keeps its line" 65 "" 'roadmap: blank.csv:8: column "start": "2026-Q5" is not a date or period (YYYY-MM-DD, YYYY-MM, YYYY-Qn or FYYYYY)
roadmap: blank.csv: nothing imported' -- R import blank.csv
sed -i 's/2026-Q5/2026-Q1/' blank.csv
t "and without the error, both rows import" 0 "" "roadmap: imported blank.csv: 2 added, 0 updated" -- R import blank.csv
printf ',,,\n,\n' > allblank.csv
t "a file of blank rows has no header" 65 "" 'roadmap: allblank.csv:1: no header row (the file is empty)
roadmap: allblank.csv: nothing imported' -- R import allblank.csv
printf '{"format": 1, "goals": [{"id": "g", "title": "Again"}]}' > dup.json
t "JSON: duplicates are located" 65 "" 'roadmap: dup.json: goals[0] "g": the goal already exists (use --update)
roadmap: dup.json: nothing imported' -- R import dup.json
printf '{"format": 1, "goals": [{"id": "g", "title": "Again"}' > broken.json
t "JSON: syntax errors are located" 65 "" 'roadmap: broken.json:1:54: unexpected end of file
roadmap: broken.json: nothing imported' -- R import broken.json
# header names in any case; ';' and tab guessed from the header
rm -f roadmap.json && R init 2>/dev/null
printf 'ID;Title;START;End;Opex\ncase1;Case;2026-Q1;2026-Q2;10000\n' > guessed.csv
t "';' guessed from the header, names in any case" 0 "" "roadmap: imported guessed.csv: 1 added, 0 updated" -- R import guessed.csv
printf 'id\ttitle\tstart\tend\ncase2\tTab\t2026-Q1\t2026-Q2\n' > guessed.tsv
t "tab guessed from the header" 0 "" "roadmap: imported guessed.tsv: 1 added, 0 updated" -- R import guessed.tsv
t "a header that does not split: wrong delimiter?" 65 "" "roadmap: guessed.csv:1: the header does not split into columns: wrong delimiter? (try --delimiter ';')
roadmap: guessed.csv: nothing imported" -- R import guessed.csv --delimiter ,
printf 'id,title,start,end,opex\ncase1,Renamed,2026-Q1,2026-Q3,12000\n' > upd.csv
t "--update --dry-run shows field by field" 0 'changed initiative "case1": title "Case" -> "Renamed"
changed initiative "case1": end "2026-06-30" -> "2026-09-30"
changed initiative "case1": opex 10000 -> 12000
spend 2026-Q1: 4,972.38 -> 3,956.04 (-1,016.34)
spend 2026-Q2: 5,027.62 -> 4,000.00 (-1,027.62)
spend 2026-Q3: 0.00 -> 4,043.96 (+4,043.96)' "roadmap: dry run: 0 to add, 1 to update; nothing written" -- R import upd.csv --update --dry-run

# JSON from another fiscal calendar: labels converted, or refused by name
rm -f roadmap.json && R init 2>/dev/null
printf '{"format":1,"name":"October books","fiscal_year_start":10,"initiatives":[{"id":"q","title":"Q","start":"2026-01-01","end":"2026-03-31","actuals":{"2026-Q2":5}}],"budgets":[{"period":"2026-Q1","amount":5}]}\n' > oct.json
t "quarters of an October year become calendar quarters" 0 "" "roadmap: oct.json: settings not merged (the roadmap keeps its own): name, fiscal_year_start
roadmap: imported oct.json: 2 added, 0 updated" -- R import oct.json
t "the budget period moved with its days" 0 "period,pillar,amount
2025-Q4,,5.00" "" -- R list budgets --format csv
t "the actual moved with its days" 0 "initiative,quarter,amount,opex,capex,estimated
q,2026-Q1,5.00,5.00,0.00,true" "" -- R export --format csv --table actuals
printf '{"format":1,"fiscal_year_start":7,"initiatives":[{"id":"y","title":"Y","start":"2026-01-01","end":"2026-03-31","actuals":{"2026-Q3":1}}],"budgets":[{"period":"FY2026","amount":5}]}\n' > july.json
cp roadmap.json before.json
t "a fiscal year that is no whole year here is refused, by name" 65 "" "roadmap: july.json: budgets[0]: period FY2026 (2025-07-01 to 2026-06-30 in the file's calendar) is not a whole fiscal year of this roadmap, whose fiscal year starts in month 1
roadmap: july.json: nothing imported" -- R import july.json
ok_if "nothing written" cmp -s before.json roadmap.json
printf '{"format":1,"fiscal_year_start":2,"initiatives":[{"id":"z","title":"Z","start":"2026-01-01","end":"2026-03-31","actuals":{"2026-Q1":1}}]}\n' > feb.json
t "a quarter that is no whole quarter here is refused, by name" 65 "" "roadmap: feb.json: initiatives[0] \"z\": actual for 2026-Q1 (2025-02-01 to 2025-04-30 in the file's calendar) is not a whole fiscal quarter of this roadmap, whose fiscal year starts in month 1
roadmap: feb.json: nothing imported" -- R import feb.json
printf '{"format":1,"currency":"EUR","initiatives":[{"id":"e","title":"E","start":"2026-01-01","end":"2026-03-31","opex":5}]}\n' > eur.json
t "another currency is refused" 65 "" "roadmap: eur.json: currency: the file's amounts are in EUR, the roadmap's in USD (import converts no currency)
roadmap: eur.json: nothing imported" -- R import eur.json
ok_if "nothing written" cmp -s before.json roadmap.json

finish
