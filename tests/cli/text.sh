#!/bin/bash
# text.sh - what text may hold and how input is echoed: bidirectional
# controls are refused in text fields by every way in (the file, add, set,
# config, import of CSV and JSON), and a roadmap's path with an escape,
# a newline, ',' ':' '%', a byte that is not UTF-8 and a bidirectional
# control reaches no output raw (messages, GitHub annotations, SARIF, JUnit).
. "$(dirname "$0")/lib.sh"

snap() { for f in "$@"; do cp "$f" "$f.before"; done; }
unchanged() {
  local name=$1 f ok=true
  shift
  for f in "$@"; do cmp -s "$f" "$f.before" || ok=false; done
  ok_if "$name" $ok
}

# --- bidirectional controls -------------------------------------------------
R init --name N 2>/dev/null
R add goal g --title G 2>/dev/null
R add initiative a --title A --goal g --start 2026-01-01 --end 2026-03-31 2>/dev/null
snap roadmap.json
rlo=$'\u202e' pdf=$'\u202c'
t "add: U+202E in a title" 65 "" \
  'roadmap: "b": title contains a bidirectional control character (U+202E)' \
  -- R add initiative b --title "Pay ${rlo}rodnev${pdf}" --start 2026-01-01 --end 2026-03-31
t "add: U+200F in an owner" 65 "" \
  'roadmap: owner contains a bidirectional control character (U+200F)' \
  -- R add goal h --title H --owner $'CEO\u200f'
t "set: U+2066 in a title" 65 "" \
  'roadmap: title contains a bidirectional control character (U+2066)' \
  -- R set a title=$'A\u2066'
t "set: U+202C alone, in a goal's unit" 65 "" \
  'roadmap: unit contains a bidirectional control character (U+202C)' \
  -- R set g unit=$'%\u202c'
t "config name: U+200E" 65 "" \
  'roadmap: name contains a bidirectional control character (U+200E)' \
  -- R config name $'N\u200e'
printf 'id,title,start,end\nc,C,2026-01-01,2026-03-31\nd,D\xe2\x80\xaeX,2026-01-01,2026-03-31\n' > bidi.csv
t "import CSV: the row and column" 65 "" \
  'roadmap: bidi.csv:3: column "title": contains a bidirectional control character (U+202E)
roadmap: bidi.csv: nothing imported' -- R import bidi.csv
printf '{"format": 1, "initiatives": [{"id": "d", "title": "D\\u2069", "start": "2026-01-01", "end": "2026-03-31"}]}' > bidi.json
t "import JSON: the item and field" 65 "" \
  'roadmap: bidi.json: initiatives[0] "d": title contains a bidirectional control character (U+2069)
roadmap: bidi.json: nothing imported' -- R import bidi.json
unchanged "refused: the roadmap is unchanged" roadmap.json
t "other format characters stay (U+200D joins an emoji)" 0 "" "" \
  -- R set a title=$'Team \U0001F469\u200d\U0001F4BB'
t "and list shows them" 0 $'id,title\na,Team \U0001F469\u200d\U0001F4BB' "" \
  -- bash -c "'$ROADMAP' list initiatives --format csv | cut -d, -f1,2"

# an argument is echoed with its bidirectional control escaped
t "a message escapes U+202E" 64 "" \
  "roadmap: check: unexpected argument 'x\\xe2\\x80\\xae'
usage: roadmap check [--format text|json|sarif|junit|github] [--strict] [--baseline OLD] [--as-of DATE] [selection]
(see 'roadmap help check')" -- R check $'x\u202e'
t "and a quoted id too" 65 "" \
  'roadmap: no goal, initiative or team "x\xe2\x80\xae"' -- R show $'x\u202e'

# --- a hostile path ---------------------------------------------------------
p=$'r\e[31m\nx,y:z%25\xff\u202e.json'
cat > "$p" <<'JSON'
{
  "format": 1,
  "goals": [{"id": "g", "title": "G"}],
  "initiatives": [
    {"id": "i", "title": "I", "start": "2026-01-01", "end": "2026-02-28"}
  ]
}
JSON
shown='r\x1b[31m\x0ax,y:z%25\xff\xe2\x80\xae.json'
t "github: the file property escaped as the runner needs, nothing raw" 1 \
  '::error file=r\x1b[31m%0Ax%2Cy%3Az%2525\xff\xe2\x80\xae.json,line=5,title=unaligned-initiative::i: serves no goal
::warning file=r\x1b[31m%0Ax%2Cy%3Az%2525\xff\xe2\x80\xae.json,line=3,title=goal-unfunded::g: no initiative serves this goal' \
  "" -- R -f "$p" check --format github
t "sarif: the uri percent-encoded" 1 \
  '"uri": "r%1B%5B31m%0Ax%2Cy%3Az%2525%FF%E2%80%AE.json"
"uri": "r%1B%5B31m%0Ax%2Cy%3Az%2525%FF%E2%80%AE.json"' "" \
  -- bash -c "'$ROADMAP' -f \"\$1\" check --format sarif | grep -o '\"uri\": .*'; exit \${PIPESTATUS[0]}" _ "$p"
ok_if "sarif: the whole output is UTF-8 JSON" \
  bash -c "'$ROADMAP' -f \"\$1\" check --format sarif | python3 -c 'import json, sys; json.loads(sys.stdin.buffer.read().decode(\"utf-8\"))'" _ "$p"
t "junit: the path escaped for people, in the property and each line" 1 \
  "    <property name=\"roadmap.file\" value=\"$shown\"/>
    <failure message=\"1 finding\" type=\"error\">$shown:5: error i: serves no goal
    <system-out>$shown:3: warning g: no initiative serves this goal" "" \
  -- bash -c "'$ROADMAP' -f \"\$1\" check --format junit | grep -F 'json'; exit \${PIPESTATUS[0]}" _ "$p"
ok_if "junit: well-formed UTF-8 XML" \
  bash -c "'$ROADMAP' -f \"\$1\" check --format junit | python3 -c 'import sys, xml.dom.minidom as m; m.parseString(sys.stdin.buffer.read())'" _ "$p"
t "text: no path, nothing raw" 1 \
  "error   unaligned-initiative i: serves no goal
warning goal-unfunded        g: no initiative serves this goal
1 error, 1 warning, 0 infos" "" -- R -f "$p" check
printf '{' > "$p.bad"
t "an error message: the path escaped" 65 "" \
  "roadmap: $shown.bad:1:2: unexpected end of file" -- R -f "$p.bad" list
t "the baseline's path escaped too" 65 "" \
  "roadmap: the baseline $shown.bad cannot be read:
roadmap: $shown.bad:1:2: unexpected end of file" -- R -f "$p" check --baseline "$p.bad"
t "a missing roadmap: the path escaped" 66 "" \
  "roadmap: ${shown}x: no roadmap here (create one with 'roadmap init', or choose a file with -f)" -- R -f "${p}x" list
finish
