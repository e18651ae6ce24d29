#!/bin/bash
# html.sh - the HTML report (roadmap(1), export --format html): one self-contained page, escaped,
# the same bytes for the same input, rendered in headless Chromium with no
# console message and no request leaving the page, its figures equal to
# `budget --format json`; screenshots at desktop and phone width and a PDF
# are left in $BUILD_ROOT/html-shots for a person to look at.
. "$(dirname "$0")/lib.sh"
py() {
  local out rc
  out=$(/usr/bin/python3 "$here/html_check.py" "$@" 2>&1)
  rc=$?
  [ $rc = 0 ] || printf '%s\n' "$out" | sed 's/^/# /'
  return $rc
}
shots=${BUILD_ROOT:-$work}/html-shots
mkdir -p "$shots"

# a hostile roadmap: every text a browser could take for markup
cp "$EXAMPLES/acme/roadmap.json" acme.json
hostile='<script>alert(1)</script> & "Q3" </title><img src=x onerror=alert(2)>'
R -f acme.json config name "$hostile"
R -f acme.json set retention 'title=</td></tr></table><svg onload=alert(3)>'
R -f acme.json set checkout-v2 'title=]]><!-- <style>body{display:none}</style>'
R -f acme.json add initiative 'x.y-z' --title '<a href="https://evil.example/">click</a>' \
  --start 2026-Q2 --end 2026-Q3 --opex 1k --goal revenue 2>/dev/null
# the longest title there may be: 1,000 characters of four bytes
long=$(printf '\xf0\x9d\x84\x9e%.0s' $(seq 1000))
R -f acme.json set backup-dr "title=$long"
t "export --format html writes the page" 0 "" "" -- R -f acme.json export --format html -o page.html
ok_if "a 4,000-byte title stays whole in the timeline's tooltip" grep -qF "backup-dr: $long (" page.html
ok_if "self-contained and escaped: no script, handler or outside URL; lang, title, chart alternatives" \
  py static page.html "$hostile"
ok_if "the hostile title is shown as text" grep -qF '<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Q3&quot; &lt;/title&gt;&lt;img src=x onerror=alert(2)&gt;</h1>' page.html
ok_if "a URL in a title stays text" grep -qF '&lt;a href=&quot;https://evil.example/&quot;&gt;click&lt;/a&gt;' page.html
ok_if "in print a heading keeps with what follows it (the capitalization tables' h3 too)" grep -qF 'h2,h3,section>p.note{break-after:avoid}' page.html
t "to standard output without -o" 0 "" "" -- bash -c "'$ROADMAP' -f acme.json export --format html | cmp -s - page.html"

# the same bytes for the same input; SOURCE_DATE_EPOCH sets today
unset ROADMAP_TODAY
SOURCE_DATE_EPOCH=1781827200 R -f acme.json export --format html -o a.html # 2026-06-19
SOURCE_DATE_EPOCH=1781827200 R -f acme.json export --format html -o b.html
ok_if "byte-identical for the same input" cmp -s a.html b.html
ok_if "SOURCE_DATE_EPOCH is today: the goals and the today line are as of 2026-06-19" \
  bash -c "grep -q 'as of 2026-06-19' a.html && grep -q 'today 2026-06-19' a.html"
ok_if "--as-of wins" bash -c "SOURCE_DATE_EPOCH=1781827200 '$ROADMAP' -f acme.json export --format html --as-of 2026-Q3 | grep -q 'today 2026-09-30'"
export ROADMAP_TODAY=2026-05-15

# Chromium, headless: its console and a proxy that sees every request
chrome=$(command -v chromium || command -v chromium-browser)
ok_if "Chromium is installed (make deps)" test -n "$chrome"
: > req.log
/usr/bin/python3 -c '
import socket, sys, threading
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(16)
open("port", "w").write(str(s.getsockname()[1]))
def serve(c):
    line = c.recv(4096).split(b"\r\n")[0].decode("latin-1")
    with open("req.log", "a") as f:
        f.write(line + "\n")
    c.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"); c.close()
while True:
    c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()
' &
proxy=$!
trap 'kill $proxy 2>/dev/null; rm -rf "$work"' EXIT
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s port ] && break; sleep 0.2; done
browse() { # LOG ARGS...: Chromium with its console on stderr, through the proxy
  local log=$1
  shift
  timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --disable-default-apps --user-data-dir="$work/profile" \
    --proxy-server="http://127.0.0.1:$(cat port)" --proxy-bypass-list='<-loopback>' \
    --enable-logging=stderr --v=0 "$@" 2> "$log"
}
browse blank.err --dump-dom about:blank > /dev/null
cp req.log baseline.log
: > req.log
browse dom.err --dump-dom "file://$work/page.html" > dom.html
ok_if "the page renders" test -s dom.html
ok_if "no console message" bash -c "! grep -a 'CONSOLE' dom.err"
ok_if "no request leaves the page" py requests req.log baseline.log
R -f acme.json budget --format json > budget.json
R -f acme.json check --format json > findings.json
ok_if "the rendered DOM: every section, quarter, initiative and finding; the budget table equals budget --format json" \
  py dom dom.html budget.json acme.json findings.json

# the findings' count in check's words: one warning, not "1 warnings"
t "the findings count says 1 warning" 0 '<p class="note">0 errors, 1 warning, 0 infos.</p>' "" -- \
  bash -c "$ROADMAP -f '$EXAMPLES/acme/roadmap.json' export --format html --id db-upgrade --as-of 2026-10-15 | grep -o '<p class=\"note\">[0-9]* error[^<]*</p>'"

# the checks above can fail: a page that logs and reaches out is caught
printf '<!DOCTYPE html><html lang="en"><title>t</title><img src="http://example.com/x.png"><script>console.error("boom")</script></html>' > bad.html
: > req.log
browse bad.err --dump-dom "file://$work/bad.html" > /dev/null
ok_if "control: a console message is seen" grep -aq 'CONSOLE.*boom' bad.err
ok_if "control: an outside request is seen" bash -c "! /usr/bin/python3 '$here/html_check.py' requests req.log baseline.log > /dev/null"
ok_if "control: the static check refuses it" bash -c "! /usr/bin/python3 '$here/html_check.py' static bad.html t > /dev/null"

# the mix's shares are exact past 64 bits: 180 and 90 initiatives at the
# largest opex and capex, so a pillar's spend x 1000 is about 3.6e19
R -f big.json init --name Big 2> /dev/null
R -f big.json config pillars a,b
{
  echo 'id,title,pillar,start,end,opex,capex'
  for i in $(seq 1 270); do
    p=a; [ "$i" -gt 180 ] && p=b
    echo "i$i,I,$p,2026-01-01,2026-12-31,1000000000000,1000000000000"
  done
} > big.csv
R -f big.json import big.csv > /dev/null
t "a mix past 64 bits: two thirds is 66.7 %, a third 33.3 %" 0 \
  '<desc id="mix-d">a 66.7 %; b 33.3 %</desc>' "" -- \
  bash -c "$ROADMAP -f big.json export --format html -o - | grep -o '<desc id=\"mix-d\">[^<]*</desc>'"

# the pictures: desktop and phone width, and the print (landscape PDF)
browse shot1.err --window-size=1280,6000 --screenshot="$shots/desktop-1280.png" "file://$work/page.html" > /dev/null
browse shot2.err --window-size=390,9000 --screenshot="$shots/phone-390.png" "file://$work/page.html" > /dev/null
browse pdf.err --no-pdf-header-footer --print-to-pdf="$shots/print.pdf" "file://$work/page.html" > /dev/null
ok_if "a screenshot at 1280 pixels" py png "$shots/desktop-1280.png" 1280
ok_if "a screenshot at 390 pixels" py png "$shots/phone-390.png" 390
# sections flow (a page each printed 7 before the Capitalization section,
# whose two quarterly tables of the example take about two pages): 8
# pages, and no fewer than its content needs
ok_if "the print: sections flow onto shared pages" py pdf "$shots/print.pdf" 4 8
# the example's first printed page holds the headline and the spend chart
# under it (a section moves on only when it would not fit the rest of a
# page), its second the mix and the goals
R -f "$EXAMPLES/acme/roadmap.json" export --format html --as-of 2026-10-15 -o ex.html
browse pdf2.err --no-pdf-header-footer --print-to-pdf="$work/ex.pdf" "file://$work/ex.html" > /dev/null
t "the print fills its pages: the headings on pages 1 and 2" 0 "Headline figures
Planned spend per quarter
--
Investment mix
Goals" "" -- bash -c "pdftotext -f 1 -l 1 ex.pdf - | grep -xE 'Headline figures|Planned spend per quarter'; echo --
pdftotext -f 2 -l 2 ex.pdf - | grep -xE 'Investment mix|Goals'"
cp page.html "$shots/page.html"

# the timeline: titles (the id with the title in the tooltip), the
# progress of each started initiative and a mark on each late one, as
# status sees the page's day
cp "$EXAMPLES/acme/roadmap.json" tl.json
R -f tl.json export --format html --as-of 2026-12-07 -o tl.html
R -f tl.json status --as-of 2026-12-07 --format json > tl-status.json
t "the timeline's labels are the titles, the id and title in the tooltip" 0 \
  '<text x="14" y="69" font-size="11" fill="#222" data-id="checkout-v2"><title>checkout-v2: Checkout rebuild (one-page, wallets)</title>Checkout rebuild (one-page, wa…</text>
<text x="14" y="91" font-size="11" fill="#222" data-id="mobile-app"><title>mobile-app: Native mobile app</title>Native mobile app</text>' "" -- \
  bash -c "grep -o '<text[^>]*data-id=\"[^\"]*\"[^>]*><title>[^<]*</title>[^<]*</text>' tl.html | head -2"
t "a late mark on exactly the initiatives status finds late" 0 \
  "$(/usr/bin/python3 -c "import json; print(sum(1 for i in json.load(open('tl-status.json'))['initiatives'] if i['late']))")" "" -- \
  bash -c "grep -o '>late<' tl.html | wc -l"
t "a progress line on each started initiative with progress" 0 \
  "$(/usr/bin/python3 -c "import json; print(sum(1 for i in json.load(open('tl-status.json'))['initiatives'] if (i['progress'] or 0) > 0))")" "" -- \
  bash -c "grep -o 'class=\"done-line\"' tl.html | wc -l"

# the spend chart's axis: round ticks (1, 2, 2.5, 5 x 10^n), at most six
# intervals, ending at the first tick at or above the tallest bar or
# envelope
axis() { # PEAK: one initiative in one quarter; the chart's tick labels
  printf '{"format":1,"initiatives":[{"id":"a","title":"A","start":"2026-01-01","end":"2026-03-31","opex":%s}]}' "$1" > axis.json
  R -f axis.json export --format html -o axis.html &&
    /usr/bin/python3 -c "
import re, sys
page = open(sys.argv[1]).read()
svg = page[page.index('spend-t'):]
svg = svg[:svg.index('</svg>')]
print(' '.join(re.findall(r'<text[^>]*text-anchor=\"end\"[^>]*>([^<]*)</text>', svg)))" axis.html
}
t "a 2.1M peak: ticks of 500k up to 2.5M" 0 "0 500k 1M 1.5M 2M 2.5M" "" -- axis 2100000
t "a 1.4M peak: ticks of 250k up to 1.5M" 0 "0 250k 500k 750k 1M 1.25M 1.5M" "" -- axis 1400000
t "a peak on a tick ends there" 0 "0 200k 400k 600k 800k 1M" "" -- axis 1000000
t "a peak of 7 ends at 8" 0 "0 2 4 6 8" "" -- axis 7
# the label over a column that passes its envelope by a cent says so
printf '{"format": 1, "initiatives": [{"id": "a", "title": "A", "start": "2026-01-01", "end": "2026-03-31", "opex": 2100000}, {"id": "b", "title": "B", "start": "2026-04-01", "end": "2026-06-30", "opex": 500.5}], "budgets": [{"period": "2026-Q1", "amount": 2099999.99}, {"period": "2026-Q2", "amount": 500}]}' > cent.json
t "overrun labels: a cent and half a unit are shown, not +0" 0 "+0.01
+0.50" "" -- bash -c "'$ROADMAP' -f cent.json export --format html | grep -o '>+[0-9.kM]*<' | tr -d '<>'"
# and one that rounds to a thousand thousand is a million
printf '{"format": 1, "initiatives": [{"id": "a", "title": "A", "start": "2026-01-01", "end": "2026-03-31", "opex": 1999500}, {"id": "b", "title": "B", "start": "2026-04-01", "end": "2026-06-30", "opex": 1999499.99}], "budgets": [{"period": "2026-Q1", "amount": 1000000}, {"period": "2026-Q2", "amount": 1000000}]}' > mega.json
t "overrun labels: 999,500 is +1M, not +1000k; 999,499.99 is +999k" 0 "+1M
+999k" "" -- bash -c "'$ROADMAP' -f mega.json export --format html | grep -o '>+[0-9.kM]*<' | tr -d '<>'"
finish
