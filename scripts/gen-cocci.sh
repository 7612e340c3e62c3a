#!/bin/bash
# gen-cocci.sh - generate the allocator alternations of cocci/*.cocci.
#
# The allocator names live in one place, rules/allocators.tbl (the API
# database). While that table is missing or has no usable rows, the
# fallback list cocci/gen/allocators.list is read instead. The semantic
# patches are written from the rule templates in
# cocci/gen/*.py; each generated file names its generator
# on line 1 and is committed.
#
# Usage: scripts/gen-cocci.sh [--check] [--table FILE] [--out DIR]
#   --check   do not write; exit 1 if a committed file is out of date
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
check=0
table=""
out="$here/cocci"
while [ $# -gt 0 ]; do
	case "$1" in
	--check) check=1 ;;
	--table) table="$2"; shift ;;
	--out) out="$2"; shift ;;
	*) echo "gen-cocci: unknown option '$1'" >&2; exit 2 ;;
	esac
	shift
done
export PYTHONDONTWRITEBYTECODE=1
exec python3 "$here/cocci/gen/templates.py" "$here" "$out" "$check" \
	"$table"
