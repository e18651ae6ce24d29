#!/bin/bash
# good-files.sh - every fixture in tests/data/good loads, and a save through
# the CLI (an add and a remove) reproduces it byte for byte.
. "$(dirname "$0")/lib.sh"

for f in "$DATA"/good/*.json "$EXAMPLES"/acme/roadmap.json; do
  name=$(basename "$(dirname "$f")")-$(basename "$f" .json)
  cp "$f" "$name.json"
  ok_if "$name: loads" bash -c "$ROADMAP -f $name.json list --format json >/dev/null"
  ok_if "$name: add then rm" bash -c "$ROADMAP -f $name.json add goal zz-tmp --title Z && $ROADMAP -f $name.json rm zz-tmp"
  ok_if "$name: saves byte for byte" cmp -s "$f" "$name.json"
done
finish
