#!/bin/bash
# source.sh - the source stays in the shape issue 12 set: every file short
# enough to read, and every field of an item spelled in at most two
# source files (its name in lib/include/roadmap-names.h, and the `add`
# option that sets it, which uses the same macro).
. "$(dirname "$0")/lib.sh"
: "${SOURCE_ROOT:?set SOURCE_ROOT to the source directory}"
cd "$SOURCE_ROOT" || exit 1
sources=$(ls lib/*/*.c lib/*/*.h lib/include/*.h cmd/*.c cmd/*.h)
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
# One pass over the sources: for each name, the files that spell it.
spelled=$(grep -H -F "$(echo "$names" | grep -v -x id | sed 's/.*/"&"/')" $sources |
  grep -v -e '^[^:]*: *\.name = ' -e 'h_open(p, "' -e 'h_el(p, "' |
  awk -v names="$(echo "$names" | grep -v -x id | tr '\n' ' ')" '
    BEGIN { n = split(names, want, " ") }
    {
      file = substr($0, 1, index($0, ":") - 1)
      for (i = 1; i <= n; i++) {
        if (index($0, "\"" want[i] "\"") && !seen[want[i], file]++) {
          files[want[i]] = files[want[i]] " " file
        }
      }
    }
    END { for (i = 1; i <= n; i++) print want[i] ":" files[want[i]] }')
ok_if "every name was looked for" \
  test "$(echo "$spelled" | wc -l)" -eq "$(echo "$names" | grep -vc -x id)"
while IFS=: read -r name files; do
  count=$(echo "$files" | wc -w)
  ok_if "\"$name\" is spelled in $count source file(s) (at most 2):$files" \
    test "$count" -ge 1 -a "$count" -le 2
done <<< "$spelled"
finish
