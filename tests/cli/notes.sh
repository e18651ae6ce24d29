#!/bin/bash
# notes.sh - the notes of goals and initiatives (docs/roadmap.5.scd): text of
# up to 4,000 characters with newlines, through add, set, show, list, the
# CSV, JSON, XLSX and HTML exports, import and the file.
. "$(dirname "$0")/lib.sh"

R init --name "Notes" 2>/dev/null
nl='
'
t "add a goal with notes" 0 "" "" -- R add goal g1 --title "Goal one" --notes "First line${nl}second, with a comma"
t "add an initiative with notes" 0 "" "" -- R add initiative i1 --title "Init one" --start 2026-Q1 --end 2026-Q2 --goal g1 --notes "Say \"hi\", twice${nl}=not a formula"
t "add an initiative without" 0 "" "" -- R add initiative i2 --title "Init two" --start 2026-Q1 --end 2026-Q2
t "the file holds them, and leaves out the absent" 0 '{
  "format": 1,
  "name": "Notes",
  "goals": [
    {
      "id": "g1",
      "title": "Goal one",
      "notes": "First line\nsecond, with a comma"
    }
  ],
  "initiatives": [
    {
      "id": "i1",
      "title": "Init one",
      "goals": ["g1"],
      "start": "2026-01-01",
      "end": "2026-06-30",
      "notes": "Say \"hi\", twice\n=not a formula"
    },
    {
      "id": "i2",
      "title": "Init two",
      "start": "2026-01-01",
      "end": "2026-06-30"
    }
  ]
}' "" -- cat roadmap.json
t "show: one field a line, the notes' lines under the first" 0 "goal g1: Goal one
  metric      -
  baseline    -
  target      -
  unit        -
  due         -
  owner       -
  priority    -
  notes       First line
              second, with a comma" "" -- bash -c "$ROADMAP show g1 | sed -n 1,10p"
t "show: absent notes" 0 "  notes       -" "" -- bash -c "$ROADMAP show i2 | grep '^  notes'"
t "show --format json" 0 '  "notes": "Say \"hi\", twice\n=not a formula",' "" -- bash -c "$ROADMAP show i1 --format json | grep '\"notes\"'"
t "list --format json: null when absent" 0 '    "notes": "Say \"hi\", twice\n=not a formula",
    "notes": null,' "" -- bash -c "$ROADMAP list --format json | grep '\"notes\"'"
t "set notes" 0 "" "" -- R set i2 "notes=one${nl}two, three"
t "show after set" 0 "  notes       one
              two, three" "" -- bash -c "$ROADMAP show i2 | sed -n '/^  notes/,/^  useful_life/p' | grep -v '^  useful_life'"
t "the CSV export quotes the notes" 0 'id,title,pillar,stage,status,owner,team,start,end,opex,capex,total,fte,priority,benefit,goals,depends_on,optimistic,pessimistic,notes,mandatory,useful_life,in_service
i1,Init one,,,proposed,,,2026-01-01,2026-06-30,0.00,0.00,0.00,0,3,,g1,,,,"Say ""hi"", twice
=not a formula",false,,
i2,Init two,,,proposed,,,2026-01-01,2026-06-30,0.00,0.00,0.00,0,3,,,,,,"one
two, three",false,,' "" -- R export --format csv --table initiatives
t "and the goals' export" 0 'id,title,metric,baseline,target,unit,due,owner,priority,notes
g1,Goal one,,,,,,,,"First line
second, with a comma"' "" -- R export --format csv --table goals

# round trips: CSV and JSON into new roadmaps give the same items
R export --format csv --table goals > goals.csv
R export --format csv --table initiatives > inits.csv
R export --format json > all.json
R -f csv.json init --name "Notes" 2>/dev/null
t "import the goals' CSV" 0 "" "roadmap: imported goals.csv: 1 added, 0 updated" -- R -f csv.json import goals.csv --table goals
t "import the initiatives' CSV" 0 "" "roadmap: imported inits.csv: 2 added, 0 updated" -- R -f csv.json import inits.csv --table initiatives
ok_if "the CSV round trip keeps the notes, newlines and commas" cmp -s roadmap.json csv.json
R -f json.json init --name "Notes" 2>/dev/null
t "import the JSON export" 0 "" "roadmap: imported all.json: 3 added, 0 updated" -- R -f json.json import all.json
ok_if "the JSON round trip keeps them" cmp -s roadmap.json json.json
printf 'id,title,start,end,notes\ni1,Init one,2026-Q1,2026-Q2,"new\nlines"\n' > update.csv
t "import --update changes notes" 0 "" "roadmap: imported update.csv: 0 added, 1 updated" -- R -f csv.json import update.csv --table initiatives --update
t "to the cell's text" 0 '  "notes": "new\nlines",' "" -- bash -c "$ROADMAP -f csv.json show i1 --format json | grep '\"notes\"'"
printf 'id,title,start,end,notes\ni1,Init one,2026-Q1,2026-Q2,\n' > clear.csv
t "an empty cell clears them" 0 "" "roadmap: imported clear.csv: 0 added, 1 updated" -- R -f csv.json import clear.csv --table initiatives --update
t "and show says so" 0 "  notes       -" "" -- bash -c "$ROADMAP -f csv.json show i1 | grep '^  notes'"

# what notes refuse: control characters but the newline, bidi controls,
# more than 4,000 characters (a character, not a byte)
t "a tab is refused" 65 "" "roadmap: notes contains a control character" -- R set i1 "notes=a$(printf '\t')b"
t "a carriage return is refused" 65 "" "roadmap: notes contains a control character" -- R set i1 "notes=a$(printf '\r')${nl}b"
t "a bidi control is refused" 65 "" "roadmap: notes contains a bidirectional control character (U+202E)" -- R set i1 "notes=a$(printf '\u202e')b"
long=$(printf '%4001s' '' | tr ' ' x)
t "4,001 characters are refused" 65 "" "roadmap: notes is longer than 4000 characters" -- R add goal g2 --title T --notes "$long"
wide=$(printf '%4000s' '' | sed 's/ /é/g')
t "4,000 two-byte characters are fine" 0 "" "" -- R set g1 "notes=$wide"
t "a title still takes no newline" 65 "" "roadmap: title contains a control character" -- R set i1 "title=a${nl}b"
printf 'id,title,start,end,notes\ni9,Nine,2026-Q1,2026-Q2,"a\tb"\n' > bad.csv
t "import refuses a tab in a notes cell" 65 "" 'roadmap: bad.csv:2: column "notes": contains a control character
roadmap: bad.csv: nothing imported' -- R import bad.csv --table initiatives
printf '{"format": 1, "goals": [{"id": "g", "title": "G", "notes": 4}]}' > num.json
t "the file's notes must be text" 65 "" 'roadmap: num.json: goals[0] "g": notes must be a string' -- R -f num.json list goals
printf '{"format": 1, "goals": [{"id": "g", "title": "G", "notes": "%s"}]}' "$long" > long.json
t "and at most 4,000 characters" 65 "" 'roadmap: long.json: goals[0] "g": notes is longer than 4000 characters' -- R -f long.json list goals
t "the help of add names the option" 0 "  --notes T      free text, newlines allowed (at most 4,000 characters)" "" -- bash -c "$ROADMAP help add | grep -m1 -- '--notes'"

# the deck: a wrapped Notes column on the Goals and Initiatives sheets
R set g1 "notes=First line${nl}second, with a comma"
R export --format xlsx -o deck.xlsx 2>/dev/null
ok_if "the deck has the notes, wrapped" /usr/bin/python3 -c '
import openpyxl
wb = openpyxl.load_workbook("deck.xlsx")
for sheet, want in (("Goals", {"g1": "First line\nsecond, with a comma"}),
                    ("Initiatives", {"i1": "Say \"hi\", twice\n=not a formula",
                                     "i2": "one\ntwo, three"})):
    ws = wb[sheet]
    head = [c.value for c in ws[1]]
    col = head.index("Notes")
    got = {r[0].value: r[col] for r in ws.iter_rows(min_row=2)}
    assert {k: got[k].value for k in want} == want, (sheet, got)
    assert all(got[k].alignment.wrap_text for k in want), sheet
    # a row tall enough for its two lines, the others as they were
    tall = {r[0].value: ws.row_dimensions[r[0].row].height
            for r in ws.iter_rows(min_row=2)}
    assert all(tall[k] == 30 for k in want), (sheet, tall)
    assert all(tall[k] is None for k in tall if k not in want), (sheet, tall)
'
# the HTML page: a Notes section, lines kept, text escaped
R set i2 "notes=<b>bold?</b>${nl}next"
R export --format html -o page.html 2>/dev/null
ok_if "the page lists the notes" grep -q '<section id="notes" class="keep" aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2>' page.html
ok_if "line by line, escaped" grep -q '<td>i2</td><td>Init two</td><td>&lt;b&gt;bold?&lt;/b&gt;<br/>next</td>' page.html
R -f json.json set i1 notes=
R -f json.json set i2 notes=
R -f json.json set g1 notes=
R -f json.json export --format html -o plain.html 2>/dev/null
ok_if "and the navigation links it" grep -q '<a href="#budget">Budget</a><a href="#notes">Notes</a></nav>' page.html
ok_if "a roadmap without notes has no such section" bash -c "! grep -q 'id=\"notes\"' plain.html"
ok_if "nor such a link" bash -c "! grep -q 'href=\"#notes\"' plain.html"
finish
