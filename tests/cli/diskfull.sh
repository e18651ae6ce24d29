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

# A full /tmp: the deck is built beside its target, never in /tmp, so it
# comes out whole. Inside a private mount namespace the working directory
# is bound on /mnt, then a tiny tmpfs is mounted over /tmp and filled.
R -f small/roadmap.json export --format xlsx -o deck.xlsx
good=$(sha256sum < deck.xlsx)
# the binary is copied in: it may itself live under /tmp (a CI clone)
cp "$ROADMAP" roadmap-bin
if unshare -m true 2>/dev/null; then
  unshare -m bash -c '
    mount --rbind "$PWD" /mnt && cd /mnt &&
    mount -t tmpfs -o size=64k tmpfs /tmp &&
    dd if=/dev/zero of=/tmp/filler bs=1k 2>/dev/null
    df -k /tmp | tail -1 | awk "{exit \$4 != 0}" || exit 3
    "$0" -f small/roadmap.json add goal late2 --title "Late 2" 2>/dev/null
    "$0" -f small/roadmap.json export --format xlsx -o deck.xlsx' /mnt/roadmap-bin 2>tmpfull.err
  rc=$?
  ok_if "with /tmp full, the deck export exits 0" test "$rc" = 0
  ok_if "and says where the deck is" test "$(cat tmpfull.err)" = "roadmap: wrote the board deck to deck.xlsx"
  ok_if "the deck changed (a goal was added)" test "$(sha256sum < deck.xlsx)" != "$good"
  R -f small/roadmap.json budget --format json > small-budget.json
  tap_from "the deck made with /tmp full" /usr/bin/python3 "$here/xlsx_check.py" deck.xlsx small-budget.json \
    "$(R -f small/roadmap.json list --format json >/dev/null; sed -n 's/^  "name": "\(.*\)",$/\1/p' small/roadmap.json)"
else
  ok_if "unshare -m (a private mount namespace) works as root" false
fi
finish
