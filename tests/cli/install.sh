#!/bin/bash
# install.sh - meson install into a DESTDIR puts every file in its place,
# the embedding example compiles against the installed roadmap.pc and runs,
# and bash completion completes commands, options and ids.
. "$(dirname "$0")/lib.sh"
dest=$work/dest
meson install -C "$BUILD_ROOT" --destdir "$dest" --no-rebuild --quiet >/dev/null 2>&1
prefix=$(meson introspect "$BUILD_ROOT" --buildoptions 2>/dev/null |
  /usr/bin/python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
root=$dest$prefix
for f in bin/roadmap include/roadmap.h share/man/man1/roadmap.1 \
  share/man/man5/roadmap.5 share/bash-completion/completions/roadmap; do
  ok_if "installs $f" test -s "$root/$f"
done
lib=$(dirname "$(find "$root" -name libroadmap.a | head -n1)")
ok_if "installs libroadmap.a" test -s "$lib/libroadmap.a"
ok_if "installs libroadmap.so" test -e "$lib/libroadmap.so"
ok_if "installs roadmap.pc" test -s "$lib/pkgconfig/roadmap.pc"
nm -g --defined-only "$lib/libroadmap.a" | awk 'NF == 3 { print $3 }' > static.syms
nm -D --defined-only "$lib/libroadmap.so" | awk 'NF == 3 { print $3 }' | grep -v '^_' > shared.syms
ok_if "the static archive exports only roadmap_ names (and some)" \
  bash -c "test \$(grep -c '^roadmap_' static.syms) -gt 100 && ! grep -v '^roadmap_' static.syms"
ok_if "so does the shared library" bash -c "! grep -v '^roadmap_' shared.syms"
ok_if "and both export the same names" cmp -s <(sort static.syms) <(sort shared.syms)
ok_if "the installed binary runs" bash -c "'$root/bin/roadmap' --version | grep -qx 'roadmap 0.1.0'"
flags=$(PKG_CONFIG_PATH=$lib/pkgconfig pkg-config --define-variable=prefix="$root" --cflags --libs roadmap)
ok_if "examples/embed.c compiles against the installed roadmap.pc" \
  cc -std=c11 -Wall -Wextra -Werror ${SANITIZE_FLAGS:-} "$EXAMPLES/embed.c" $flags -o embed
t "and reports the findings through the public API" 0 'error dependency-order recs: starts 2026-07-01, on or before the end of its prerequisite "pipeline" (2026-09-30)
error unaligned-initiative recs: serves no goal
warning unbudgeted-spend 2026-Q2: USD 198,907.10 planned with no quarter or fiscal-year envelope
errors: 2, warnings: 1' "" -- env LD_LIBRARY_PATH="$lib" ./embed
if command -v man >/dev/null 2>&1; then
  ok_if "the man page renders" bash -c "MANWIDTH=80 man -l '$root/share/man/man1/roadmap.1' 2>/dev/null | grep -q 'CHECK RULES'"
fi
ok_if "the man page has every section" grep -q '^\.SH CHECK RULES' "$root/share/man/man1/roadmap.1"

# completion: commands, options, ids from the current roadmap
cp "$EXAMPLES/acme/roadmap.json" roadmap.json
complete_words() {
  PATH=$root/bin:$PATH bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _roadmap; printf "%s\n" "${COMPREPLY[@]}"' _ "$root/share/bash-completion/completions/roadmap" "$@"
}
t "completes commands" 0 "check
checkout-v2" "" -- bash -c "$(declare -f complete_words); root='$root'; complete_words roadmap che; complete_words roadmap show checkout"
t "completes options" 0 "--status
--strict" "" -- bash -c "$(declare -f complete_words); root='$root'; complete_words roadmap check --st"
t "completes ids" 0 "recs-engine" "" -- bash -c "$(declare -f complete_words); root='$root'; complete_words roadmap depend recs"
t "completes envelopes for set and rm" 0 "FY2026/innovation" "" -- bash -c "$(declare -f complete_words); root='$root'; complete_words roadmap rm FY2026"
t "completes config keys" 0 "policy.target_mix.operations" "" -- bash -c "$(declare -f complete_words); root='$root'; complete_words roadmap config policy.target_mix.o"
finish
