#!/bin/bash
# bad-files.sh - every fixture in tests/data/bad is rejected by readers and
# writers alike: exit 65, the exact located message, the file unchanged.
. "$(dirname "$0")/lib.sh"

for f in "$DATA"/bad/*.json; do
  name=$(basename "$f" .json)
  cp "$f" "$name.json"
  want=$(cat "$DATA/bad/$name.err")
  t "$name: list rejects it" 65 "" "$want" -- R -f "$name.json" list
  t "$name: add rejects it" 65 "" "$want" -- R -f "$name.json" add goal zz --title Z
  ok_if "$name: the file is unchanged" cmp -s "$f" "$name.json"
done

# files that cannot be opened are 66, not 65
mkfifo fifo.json
t "a FIFO is not a roadmap" 66 "" "roadmap: fifo.json: is not a regular file" -- R -f fifo.json list
mkdir dir.json
t "a directory is not a roadmap" 66 "" "roadmap: dir.json: is a directory, not a file" -- R -f dir.json list
truncate -s 1100M huge.json # sparse: nothing is written
t "a file over the size cap is 65" 65 "" "roadmap: huge.json: the file is larger than 1 GiB, the most a roadmap may be" -- R -f huge.json list
rm -f huge.json
if [ "$(id -u)" != 0 ]; then
  cp "$DATA/good/small.json" locked.json && chmod 000 locked.json
  t "an unreadable roadmap is 66" 66 "" "roadmap: locked.json: cannot open: Permission denied" -- R -f locked.json list
fi
finish
