#!/bin/bash
# cache-make-bench.sh - `make C=1|C=2 CHECK=ksizecheck` with and without
# the result cache (issue 19), against a plain make of the same
# directories. Not a test: figures for notes.
#
#   bench/cache-make-bench.sh [-k KSIZECHECK] [-j J] [-m MAKEFLAGS] COPY DIR...
#
# COPY is a full, writable copy of a configured and prepared kernel tree
# (cp -a "$KC_KERNEL_TREE_61" COPY: this builds objects in it, so never
# the shared tree, and not a hard-linked copy either). MAKEFLAGS default
# to LLVM=-19. Each step removes the directories' objects first where it
# says "compile"; the C=2 steps run the checker alone (objects up to
# date), so they show the checker's cost without the compiler's.
set -eu
K=${KSIZECHECK:-ksizecheck}
J=2 MF="LLVM=-19"
while getopts k:j:m: o; do
	case $o in
	k) K=$OPTARG ;;
	j) J=$OPTARG ;;
	m) MF=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || { echo "usage: $0 [-k KSIZECHECK] [-j J] [-m MAKEFLAGS] COPY DIR..." >&2; exit 2; }
COPY=$1
shift
# Kbuild builds a directory only when it is named with a trailing slash
set -- $(for d in "$@"; do printf '%s/ ' "${d%/}"; done)
K=$(command -v "$K")
C=$(mktemp -d "${TMPDIR:-/tmp}/kc-make-cache.XXXXXX")
trap 'rm -rf "$C"' EXIT
cd "$COPY"
[ -f .config ] || { echo "$COPY: not a configured kernel tree" >&2; exit 2; }

rmo() { for d in "$@"; do rm -f "$d"*.o "$d".*.o.cmd; done; }
# step NAME MAKE-ARGS...: one timed make over the directories
step() {
	name=$1
	shift
	t0=$(date +%s.%N)
	make $MF -j"$J" "$@" >"$C/$name.log" 2>&1 || echo "  ($name: make failed)"
	t1=$(date +%s.%N)
	printf '%-36s %7.1f s  %3s files checked\n' "$name" \
		"$(echo "$t0 $t1" | awk '{ print $2 - $1 }')" \
		"$(grep -c '^  CHECK' "$C/$name.log" || true)"
}
make $MF -j"$J" "$@" >/dev/null 2>&1 || true   # host tools, first objects
echo "tree copy: $COPY, directories: $*, -j$J, $MF"
step "make (nothing to do)" "$@"
rmo "$@"; step "make (compile)" "$@"
step "C=2, --no-cache" C=2 CHECK="$K --no-cache" "$@"
rm -rf "$C/cache"
step "C=2, cold cache" C=2 CHECK="$K --cache-dir $C/cache" "$@"
step "C=2, warm cache" C=2 CHECK="$K --cache-dir $C/cache" "$@"
rmo "$@"; step "C=1 (compile), --no-cache" C=1 CHECK="$K --no-cache" "$@"
rm -rf "$C/cache"
rmo "$@"; step "C=1 (compile), cold cache" C=1 CHECK="$K --cache-dir $C/cache" "$@"
rmo "$@"; step "C=1 (compile), warm cache" C=1 CHECK="$K --cache-dir $C/cache" "$@"
