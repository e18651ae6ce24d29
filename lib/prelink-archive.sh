#!/bin/sh
# prelink-archive.sh IN.a OUT.a - the installed static library: every
# object of IN.a linked into one relocatable object whose hidden symbols
# (everything but the roadmap_ API, built with -fvisibility=hidden) are
# made local, so that the archive exports the same names as the shared
# library and no helper can clash with an embedder's (docs/reliability.md).
set -eu
in=$1
out=$2
tmp=$out.prelink.o
rm -f "$out" "$tmp"
ld -r --whole-archive "$in" -o "$tmp"
objcopy --localize-hidden "$tmp"
ar rcs "$out" "$tmp"
rm -f "$tmp"
