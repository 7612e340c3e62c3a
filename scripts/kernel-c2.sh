#!/bin/sh
# kernel-c2.sh - ksizecheck in Kbuild's checker slot on a real tree:
#
#   scripts/kernel-c2.sh [-k KSIZECHECK] [-s] TREE DIR/
#
# runs `make LLVM=-19 C=2 CHECK="KSIZECHECK [--sparse]" DIR/` in TREE (C=2
# checks every file of DIR whether or not it is rebuilt; the objects are
# compiled as usual) and prints how many files were checked, the
# findings and anything ksizecheck printed. -s chains sparse too.
set -eu
K=${KSIZECHECK:-ksizecheck} SP=
while getopts k:s o; do
	case $o in
	k) K=$OPTARG ;;
	s) SP=--sparse ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# = 2 ] || { echo "usage: $0 [-k KSIZECHECK] [-s] TREE DIR/" >&2; exit 2; }
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
start=$(date +%s)
set +e
make -C "$1" LLVM=-19 C=2 CHECK="$K $SP" "$2" >"$LOG" 2>&1
rc=$?
set -e
echo "make exit $rc in $(($(date +%s) - start)) s"
echo "files checked: $(grep -c '^  CHECK ' "$LOG")"
grep -vE '^  (CC|CHECK|AR|LD|CALL|DESCEND|MODPOST|GEN|HOSTCC|HOSTLD|SYNC|WRAP|UPD|INSTALL) |^make|^ *$' "$LOG" | head -50 || true
exit $rc
