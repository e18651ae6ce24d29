#!/bin/bash
# locale.sh - compiles de_DE.UTF-8 (a decimal comma) into a private LOCPATH
# and runs test-locale under it. A missing locale source is a failure:
# 'make deps' installs the Debian package 'locales' that holds it.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if ! localedef -i de_DE -f UTF-8 "$dir/de_DE.UTF-8" >"$dir/log" 2>&1; then
  echo "1..1"
  echo "not ok 1 - compile de_DE.UTF-8 with localedef (is 'locales' installed?)"
  sed 's/^/# /' "$dir/log"
  exit 1
fi
LOCPATH=$dir exec "$1"
