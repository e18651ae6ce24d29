#!/bin/bash
# guide.sh - every command in docs/guide.md, run in order as written: the
# guide cannot rot. Lines using jq are skipped when jq is not installed.
. "$(dirname "$0")/lib.sh"
mkdir -p bin
ln -s "$ROADMAP" bin/roadmap
export PATH=$work/bin:$PATH
guide=$here/../../docs/guide.md
in=false
while IFS= read -r line; do
  case $line in
    '```sh') in=true; continue ;;
    '```') in=false; continue ;;
  esac
  $in || continue
  [ -n "$line" ] || continue
  if [[ $line == *jq* ]] && ! command -v jq >/dev/null 2>&1; then
    echo "ok $((n + 1)) - $line # SKIP jq is not installed"
    n=$((n + 1))
    continue
  fi
  ok_if "$line" bash -o pipefail -c "{ $line ; } >/dev/null 2>&1"
done < "$guide"
ok_if "the guide made a board deck" test -s board.xlsx
ok_if "and a Markdown export" test -s roadmap.md
finish
