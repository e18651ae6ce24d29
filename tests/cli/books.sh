#!/bin/bash
# books.sh - actuals from the books (roadmap(1), import --format ledger|
# focus): a register that the real hledger makes of a journal
# (tests/data/books/company.journal) is imported and compared with
# hledger's own quarterly balance; a July fiscal year and a FOCUS file
# with many-decimal costs are worked by hand; bad rules, registers and
# FOCUS rows are refused with their line.
. "$(dirname "$0")/lib.sh"
B=$DATA/books

if ! command -v hledger >/dev/null 2>&1; then
  # not a skip: the comparison with hledger is the point (make deps
  # installs it)
  echo "not ok 1 - hledger is not installed (make deps installs it)"
  echo "1..1"
  exit 1
fi
cp "$B"/*.csv .
hledger -f "$B/company.journal" register expenses -O csv > register.csv

setup() {
  rm -f roadmap.json
  R init --fiscal-year-start "$1" 2>/dev/null
  R add initiative cloud --title "Cloud platform" --start 2026-01-01 --end 2027-06-30 --opex 20k --capex 10k
  R add initiative tools --title "Developer tools" --start 2026-01-01 --end 2026-12-31 --capex 2k
}
setup 1

# NAME FORMAT FILE RULES TABLE N REPLACED ROWS: --dry-run prints TABLE and
# writes nothing; the import prints it and records N actuals (REPLACED of
# them replacing one); the roadmap's actuals are then ROWS (the CSV
# export's, under its header); importing again changes no byte.
imports() {
  local name=$1 format=$2 file=$3 rules=$4 table=$5 count=$6 replaced=$7 rows=$8
  cp roadmap.json before.json
  t "$name: --dry-run" 0 "$table" \
    "roadmap: dry run: $count actuals to record ($replaced replacing one); nothing written" -- \
    R import --format "$format" "$file" --map "$rules" --dry-run
  ok_if "$name: --dry-run writes nothing" cmp -s before.json roadmap.json
  t "$name: the import" 0 "$table" \
    "roadmap: imported $file: $count actuals recorded ($replaced replaced)" -- \
    R import --format "$format" "$file" --map "$rules"
  t "$name: the actuals" 0 "initiative,quarter,amount,opex,capex,estimated
$rows" "" -- R export --format csv --table actuals
  cp roadmap.json once.json
  ok_if "$name: re-importing succeeds and is idempotent" \
    eval 'R import --format "$format" "$file" --map "$rules" >/dev/null 2>&1 &&
      cmp -s once.json roadmap.json'
}

ledger_table='INITIATIVE  QUARTER      OPEX     CAPEX
cloud       2026-Q1  1,560.45  6,000.00
cloud       2026-Q2  1,208.33      0.00
cloud       2026-Q3  1,402.17      0.00
cloud       2026-Q4    295.05  3,000.00
cloud       2027-Q1  1,377.77      0.00
tools       2026-Q1         -    899.00
tools       2026-Q3         -    231.00

UNMAPPED          TOTAL
expenses:cloudy   42.10
expenses:travel  780.00

QUARTER     SOURCE   RECORDED  UNMAPPED
2026-Q1   8,501.55   8,459.45     42.10
2026-Q2   1,988.33   1,208.33    780.00
2026-Q3   1,633.17   1,633.17      0.00
2026-Q4   3,295.05   3,295.05      0.00
2027-Q1   1,377.77   1,377.77      0.00
TOTAL    16,795.87  15,973.77    822.10'

cp roadmap.json before.json
t "--dry-run shows what would be recorded" 0 "$ledger_table" \
  "roadmap: dry run: 7 actuals to record (0 replacing one); nothing written" -- \
  R import --format ledger register.csv --map company-rules.csv --dry-run
ok_if "--dry-run writes nothing" cmp -s before.json roadmap.json

# an actual the register replaces, and one in a quarter it does not have
R actual cloud 2026-Q1 99
R actual cloud 2025-Q4 7 --kind capex
t "the import records them" 0 "${ledger_table/cloud       2026-Q1  1,560.45  6,000.00/cloud       2026-Q1  1,560.45  6,000.00  replaces}" \
  "roadmap: imported register.csv: 7 actuals recorded (1 replaced)" -- \
  R import --format ledger register.csv --map company-rules.csv
t "split actuals: replaced in the register's quarters, kept in others" 0 "initiative,quarter,amount,opex,capex,estimated
cloud,2025-Q4,7.00,0.00,7.00,false
cloud,2026-Q1,7560.45,1560.45,6000.00,false
cloud,2026-Q2,1208.33,1208.33,0.00,false
cloud,2026-Q3,1402.17,1402.17,0.00,false
cloud,2026-Q4,3295.05,295.05,3000.00,false
cloud,2027-Q1,1377.77,1377.77,0.00,false
tools,2026-Q1,899.00,0.00,899.00,false
tools,2026-Q3,231.00,0.00,231.00,false" "" -- R export --format csv --table actuals

# hledger's own quarterly balance of each rule's accounts (a sub-account
# rule wins over its parent's: cloud's opex is expenses:cloud less
# expenses:cloud:reserved), beside what the import recorded
hl() {
  hledger -f "$B/company.journal" balance --quarterly -O csv "$@" |
    /usr/bin/python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
for q, v in zip(rows[0][1:], rows[-1][1:]):
    v = v.replace("$", "").replace(",", "")
    print("%s-%s %.2f" % (q[:4], q[4:], float(v) if v != "0" else 0))'
}
ours() { # INITIATIVE KIND: the recorded actuals of the 2026-2027 quarters
  R export --format csv --table actuals | awk -F, -v i="$1" -v k="$2" \
    '$1 == i && $2 >= "2026" { print $2, (k == "opex" ? $4 : $5) }' |
    grep -v ' 0.00$'
}
same "cloud opex equals hledger's expenses:cloud less reserved" \
  "$(declare -f hl); B=$B hl 'acct:^expenses:cloud(:|$)' 'not:acct:^expenses:cloud:reserved(:|$)' | grep -v ' 0.00$'" \
  "$(declare -f ours R); ROADMAP=$ROADMAP ours cloud opex"
same "cloud capex equals hledger's expenses:cloud:reserved" \
  "$(declare -f hl); B=$B hl 'acct:^expenses:cloud:reserved(:|$)' | grep -v ' 0.00$'" \
  "$(declare -f ours R); ROADMAP=$ROADMAP ours cloud capex"
same "tools capex equals hledger's expenses:software" \
  "$(declare -f hl); B=$B hl 'acct:^expenses:software(:|$)' | grep -v ' 0.00$'" \
  "$(declare -f ours R); ROADMAP=$ROADMAP ours tools capex"
same "each quarter's source total equals hledger's balance of expenses" \
  "$(declare -f hl); B=$B hl expenses" \
  "$(declare -f R); ROADMAP=$ROADMAP R import --format ledger register.csv --map company-rules.csv --dry-run 2>/dev/null | awk '/^20..-Q. / { gsub(\",\", \"\", \$2); print \$1, \$2 }'"

cp roadmap.json once.json
t "re-importing the same register" 0 "$(printf '%s\n' "$ledger_table" | sed -e '2,6s/$/  replaces/' -e '7,8s/$/  replaces capex, keeps opex/')" \
  "roadmap: imported register.csv: 7 actuals recorded (7 replaced)" -- \
  R import --format ledger register.csv --map company-rules.csv
ok_if "is idempotent: the file is byte-identical" cmp -s once.json roadmap.json

# A July fiscal year, by hand: January-March 2026 is FY2026's third
# quarter, April-June its fourth, July-September 2026 FY2027's first,
# October-December its second, January-March 2027 its third.
setup 7
t "a July fiscal year: the same sums in fiscal quarters" 0 "INITIATIVE  QUARTER      OPEX     CAPEX
cloud       2026-Q3  1,560.45  6,000.00
cloud       2026-Q4  1,208.33      0.00
cloud       2027-Q1  1,402.17      0.00
cloud       2027-Q2    295.05  3,000.00
cloud       2027-Q3  1,377.77      0.00
tools       2026-Q3         -    899.00
tools       2027-Q1         -    231.00

UNMAPPED          TOTAL
expenses:cloudy   42.10
expenses:travel  780.00

QUARTER     SOURCE   RECORDED  UNMAPPED
2026-Q3   8,501.55   8,459.45     42.10
2026-Q4   1,988.33   1,208.33    780.00
2027-Q1   1,633.17   1,633.17      0.00
2027-Q2   3,295.05   3,295.05      0.00
2027-Q3   1,377.77   1,377.77      0.00
TOTAL    16,795.87  15,973.77    822.10" \
  "roadmap: imported register.csv: 7 actuals recorded (0 replaced)" -- \
  R import --format ledger register.csv --map company-rules.csv

# FOCUS, by hand. 2026-Q1: cloud's opex is 3 x 0.0049999999 =
# 0.0149999997; unmapped 100.123456789012 (team=ml) + 0.0015 (no tags) =
# 100.124956789012; the source 100.139956788712 -> 100.14. Rounded each
# alone, 0.01 + 100.12 = 100.13 would lose a cent: the largest remainder
# (cloud's .49999997 of a cent) takes it. 2026-Q2: cap=yes is the first
# rule the tags hold (before project=cloud): 250.0000000001 capex to
# tools; -0.0000000001 untagged; the source 250.00.
setup 1
focus_table='INITIATIVE  QUARTER  OPEX   CAPEX
cloud       2026-Q1  0.02       -
tools       2026-Q2     -  250.00

UNMAPPED        TOTAL
(no tags)        0.00
{"team":"ml"}  100.12

QUARTER  SOURCE  RECORDED  UNMAPPED
2026-Q1  100.14      0.02    100.12
2026-Q2  250.00    250.00      0.00
TOTAL    350.14    250.02    100.12'
imports focus focus focus.csv focus-rules.csv "$focus_table" 2 0 \
  "cloud,2026-Q1,0.02,0.02,0.00,false
tools,2026-Q2,250.00,0.00,250.00,false"

# Refused, with the line, and nothing written.
refused() { # NAME FORMAT FILE RULES MESSAGE...
  local name=$1 fmt=$2 file=$3 rules=$4
  shift 4
  t "$name" 65 "" "$(printf '%s\n' "$@")" -- \
    R import --format "$fmt" "$file" --map "$rules"
}
refused "focus: another currency, at its first line" focus focus-eur.csv focus-rules.csv \
  'roadmap: focus-eur.csv:5: column "BillingCurrency": "EUR": the roadmap'"'"'s amounts are in USD (import converts no currency)' \
  'roadmap: focus-eur.csv: nothing imported'
refused "focus: bad rows" focus bad-focus.csv focus-rules.csv \
  'roadmap: bad-focus.csv:2: column "BilledCost": "0.000000000000000000001" has more than 20 decimals' \
  'roadmap: bad-focus.csv:3: column "Tags": tag "a" appears twice' \
  'roadmap: bad-focus.csv:4: column "Tags": is not a JSON object' \
  'roadmap: bad-focus.csv:5: column "Tags": is not JSON (unexpected end of file)' \
  'roadmap: bad-focus.csv:6: column "ChargePeriodStart": "20260101" is not a date (YYYY-MM-DD or an ISO date-time, years 1900-2200)' \
  'roadmap: bad-focus.csv:7: the row has 5 fields; the header has 4' \
  'roadmap: bad-focus.csv:8: column "BilledCost": "abc" is not a decimal number' \
  'roadmap: bad-focus.csv: nothing imported'
refused "ledger: bad rows, another currency at its first line, a stock, a decimal comma" ledger bad-register.csv company-rules.csv \
  'roadmap: bad-register.csv:3: column "date": "2026-02-30" is not a date (YYYY-MM-DD, years 1900-2200)' \
  'roadmap: bad-register.csv:4: column "amount": "10 AAPL": commodity "AAPL" is not a currency (an ISO 4217 code, or $ € £ ¥)' \
  'roadmap: bad-register.csv:5: column "amount": "ten dollars" is not an amount (a number with a currency symbol or code)' \
  'roadmap: bad-register.csv:6: column "amount": "EUR 5" is in "EUR", the roadmap'"'"'s amounts in USD (import converts no currency)' \
  'roadmap: bad-register.csv:8: the row has 5 fields; the header has 7' \
  'roadmap: bad-register.csv:9: column "account": is empty' \
  'roadmap: bad-register.csv:10: column "amount": "$1,50" has a '"','"' that is no thousands separator (decimals take '"'.'"')' \
  'roadmap: bad-register.csv: nothing imported'
refused "ledger: a refund past the cost is a negative actual" ledger refund.csv company-rules.csv \
  'roadmap: refund.csv: "cloud" 2026-Q1 opex: the sum is -0.01: refunds exceed the cost, and an actual cannot be negative' \
  'roadmap: refund.csv: nothing imported'
refused "bad rules: every one with its line" ledger register.csv bad-rules.csv \
  'roadmap: bad-rules.csv:3: column "initiative": no initiative "nosuch"' \
  'roadmap: bad-rules.csv:4: column "kind": "Capex" is not opex or capex' \
  'roadmap: bad-rules.csv:5: column "match": "expenses:cloud" is already mapped on line 2' \
  'roadmap: bad-rules.csv:6: column "match": "team=web" is a tag key=value: ledger rules match an account' \
  'roadmap: bad-rules.csv:7: column "match": "expenses:" ends with '"':'"' (a rule names an account, which matches its sub-accounts too)' \
  'roadmap: bad-rules.csv:8: column "match": is empty' \
  'roadmap: bad-rules.csv: nothing imported'
refused "bad rules: a missing column" ledger register.csv bad-rules-header.csv \
  'roadmap: bad-rules-header.csv:1: column "kind": is missing from the header (a rules file needs match, initiative, kind)' \
  'roadmap: bad-rules-header.csv: nothing imported'
refused "bad rules: none" ledger register.csv empty-rules.csv \
  'roadmap: empty-rules.csv: no rules (each line after the header maps a match to an initiative and a kind)' \
  'roadmap: empty-rules.csv: nothing imported'
refused "bad focus rules" focus focus.csv bad-focus-rules.csv \
  'roadmap: bad-focus-rules.csv:2: column "match": "project" is not a tag key=value (focus rules match tags)' \
  'roadmap: bad-focus-rules.csv:4: column "match": "cap=yes" is already mapped on line 3' \
  'roadmap: bad-focus-rules.csv: nothing imported'
refused "a FOCUS file read as a register" ledger focus.csv company-rules.csv \
  'roadmap: focus.csv:1: column "date": is missing from the header (a register as hledger register -O csv writes it has date, account and amount)' \
  'roadmap: focus.csv:1: column "account": is missing from the header (a register as hledger register -O csv writes it has date, account and amount)' \
  'roadmap: focus.csv:1: column "amount": is missing from the header (a register as hledger register -O csv writes it has date, account and amount)' \
  'roadmap: focus.csv: nothing imported'
ok_if "refused imports wrote nothing" cmp -s once.json roadmap.json

# An import sets the kinds its rules map to an initiative and keeps the
# other as recorded: the FOCUS rules map only cloud's opex and tools'
# capex, so a cloud bill imported after the register keeps the capex the
# register recorded for cloud (6,000.00 in 2026-Q1), and tools keeps the
# opex recorded by hand. A quarter holding an unsplit actual is refused,
# as actual --kind refuses it.
setup 1
R import --format ledger register.csv --map company-rules.csv >/dev/null 2>&1
R actual tools 2026-Q2 40 --kind opex
kept_table='INITIATIVE  QUARTER  OPEX   CAPEX
cloud       2026-Q1  0.02       -  replaces opex, keeps capex
tools       2026-Q2     -  250.00  replaces capex, keeps opex
'"${focus_table#*$'\n'tools*$'\n'}"
imports "focus after the register (the kinds no rule maps are kept)" \
  focus focus.csv focus-rules.csv "$kept_table" 2 2 \
  "cloud,2026-Q1,6000.02,0.02,6000.00,false
cloud,2026-Q2,1208.33,1208.33,0.00,false
cloud,2026-Q3,1402.17,1402.17,0.00,false
cloud,2026-Q4,3295.05,295.05,3000.00,false
cloud,2027-Q1,1377.77,1377.77,0.00,false
tools,2026-Q1,899.00,0.00,899.00,false
tools,2026-Q2,290.00,40.00,250.00,false
tools,2026-Q3,231.00,0.00,231.00,false"
R actual cloud 2026-Q1 99
cp roadmap.json unsplit.json
refused "focus: a quarter holding an unsplit actual, of which the rules bring one kind" focus focus.csv focus-rules.csv \
  'roadmap: focus.csv: "cloud" 2026-Q1: holds an unsplit actual of 99.00 and the rules bring only its opex: its capex was never recorded apart (remove it with actual --unset and record the capex with --kind, then import)' \
  'roadmap: focus.csv: nothing imported'
ok_if "focus: the refused import wrote nothing" cmp -s unsplit.json roadmap.json
t "the register, whose rules map both of cloud's kinds, replaces the unsplit actual whole" 0 "cloud,2026-Q1,7560.45,1560.45,6000.00,false" "" -- \
  bash -c '"$ROADMAP" import --format ledger register.csv --map company-rules.csv >/dev/null 2>&1 && "$ROADMAP" export --format csv --table actuals | grep "^cloud,2026-Q1,"'

printf '"txnidx","date","code","description","account","amount","total"\n"1","2026-01-05","","x","expenses:\033[31mred","$1.00",""\n' > esc.csv
t "an account's control characters are escaped in the listing" 0 "UNMAPPED              TOTAL
expenses:\\x1b[31mred   1.00

QUARTER  SOURCE  RECORDED  UNMAPPED
2026-Q1    1.00      0.00      1.00
TOTAL      1.00      0.00      1.00" \
  "roadmap: dry run: 0 actuals to record (0 replacing one); nothing written" -- \
  R import --format ledger esc.csv --map company-rules.csv --dry-run

usage='usage: roadmap import FILE [--table initiatives|goals|teams|budgets|actuals|progress|measurements] [--update] [--dry-run] [--delimiter ,|;|tab] [--ignore-columns A,B] [--format ledger|focus] [--map RULES]
(see '"'"'roadmap help import'"'"')'
t "an unknown format" 64 "" "roadmap: import: unknown format 'beancount' (ledger or focus)
$usage" -- R import --format beancount register.csv --map company-rules.csv
t "--map without --format" 64 "" "roadmap: import: --map needs --format ledger or focus
$usage" -- R import register.csv --map company-rules.csv
t "--format without --map" 64 "" "roadmap: import: --format ledger needs --map RULES (which initiative and kind each cost is)
$usage" -- R import --format ledger register.csv
t "--format with a table's option" 64 "" "roadmap: import: --format focus takes none of --table, --update, --delimiter, --ignore-columns
$usage" -- R import --format focus focus.csv --map focus-rules.csv --update
t "the register and the rules both from stdin" 64 "" "roadmap: import: only one of FILE and --map RULES can be -
$usage" -- bash -c '"$ROADMAP" import --format focus - --map - < focus-rules.csv'
t "a missing register" 66 "" "roadmap: nope.csv: cannot open: No such file or directory" -- \
  R import --format focus nope.csv --map focus-rules.csv
t "a missing rules file" 66 "" "roadmap: nope.csv: cannot open: No such file or directory" -- \
  R import --format focus focus.csv --map nope.csv
t "the register from stdin" 0 "$focus_table" \
  "roadmap: dry run: 2 actuals to record (2 replacing one); nothing written" -- \
  bash -c 'set -o pipefail; "$ROADMAP" import --format focus - --map focus-rules.csv --dry-run < focus.csv | sed -E "s/  replaces( opex, keeps capex| capex, keeps opex)?\$//"'

finish
