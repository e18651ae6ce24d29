#!/bin/bash
# diskfull.sh - a full disk: `add` and `export` exit 74, the roadmap's bytes
# are unchanged and no partial file remains. Needs root to mount a small
# tmpfs; elsewhere the cases are skipped.
. "$(dirname "$0")/lib.sh"

mkdir -p small
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=256k tmpfs small 2>/dev/null; then
  echo "ok 1 # SKIP a tmpfs needs root"
  echo "1..1"
  exit 0
fi
trap 'umount "$work/small" 2>/dev/null; rm -rf "$work"' EXIT
/usr/bin/python3 "$here/../perf/gen" 150 3 > small/roadmap.json
cd small
size=$(stat -c %s roadmap.json)
# fill the disk so that what is left cannot hold a second copy
dd if=/dev/zero of=filler bs=1k count=$(( (256 * 1024 - 2 * size) / 1024 + 8 )) 2>/dev/null
before=$(sha256sum < roadmap.json)
t "add on a full disk is 74" 74 "" "roadmap: roadmap.json: cannot write: No space left on device" -- R add goal late --title Late
ok_if "the roadmap's bytes are unchanged" test "$(sha256sum < roadmap.json)" = "$before"
ok_if "no temporary file remains" test -z "$(ls -A | grep '^\.roadmap\.json\.tmp\.')"
t "export to a full disk is 74" 74 "" "roadmap: out.json: cannot write: No space left on device" -- R export --format json -o out.json
ok_if "no partial export remains" test ! -e out.json -a -z "$(ls -A | grep tmp)"
dd if=/dev/zero of=filler2 bs=1k 2>/dev/null # every last block
t "the XLSX deck on a full disk" 74 "" "" -- bash -c "$ROADMAP export --format xlsx -o deck.xlsx 2>/dev/null"
ok_if "no partial deck remains" test ! -e deck.xlsx -a -z "$(ls -A | grep roadmap-deck)"
rm -f filler filler2
t "with room again, add works" 0 "" "" -- R add goal late --title Late
cd ..
finish
