#!/bin/bash
# source.sh - the source stays in the shape issue 12 set: every file short
# enough to read, and every field of an item spelled in at most two
# source files (its name in lib/include/roadmap-names.h, and the `add`
# option that sets it, which uses the same macro).
. "$(dirname "$0")/lib.sh"
: "${SOURCE_ROOT:?set SOURCE_ROOT to the source directory}"
cd "$SOURCE_ROOT" || exit 1
sources=$(ls lib/*.c lib/*.h lib/include/*.h cmd/*.c cmd/*.h)
ok_if "there are sources to measure" test "$(echo "$sources" | wc -l)" -gt 40
longest=$(wc -l $sources | grep -v ' total$' | sort -n | tail -n1)
ok_if "no source file is over 900 lines (longest:$longest)" \
  test "$(echo "$longest" | awk '{ print $1 }')" -le 900
names=$(awk -F'"' '/^#define ROADMAP_FIELD_/ && NF == 3 { print $2 }' \
  lib/include/roadmap-names.h)
ok_if "the names header spells the item fields" \
  test "$(echo "$names" | grep -c -x -e owner -e opex -e depends_on -e amount)" -eq 4
# "id" is also every other format's word for an identifier (SARIF's rule
# id), so it is left out of the count, and so are a command's name (the
# `status` command is a word of the command line, not the field) and an
# element of the HTML page (its <title> is HTML's word).
for name in $(echo "$names" | grep -v -x id); do
  files=$(for f in $sources; do
    grep -F "\"$name\"" "$f" | grep -v -e '^ *\.name = ' \
      -e 'h_open(p, "' -e 'h_el(p, "' | grep -q . && echo "$f"
  done | tr '\n' ' ')
  count=$(echo "$files" | wc -w)
  ok_if "\"$name\" is spelled in $count source file(s) (at most 2): $files" \
    test "$count" -ge 1 -a "$count" -le 2
done
finish
