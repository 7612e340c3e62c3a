#!/bin/sh
# kernel-sarif.sh - a real kernel run through the SARIF writer and the
# official validator (not part of ctest: it takes minutes).
#   sh tests/output/kernel-sarif.sh KSIZECHECK TREE OUT.sarif [PATHS...]
# TREE must be configured and prepared (make allmodconfig; make prepare).
# Prints the run's summary, the verdict of the validator with GitHub's rules, the SARIF size and
# the results per rule. Exit 0 when the SARIF validates.
set -u
K=$(realpath "$1")
tree=$2
out=$(realpath -m "$3")
shift 3
MT=${KC_SARIF_MULTITOOL:-${KC_NPM_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/ksizecheck/npm-tools}/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool}
cd "$tree" || exit 2
start=$(date +%s)
"$K" kernel --tree . -j2 --format sarif -o "$out" --fail-on none "$@"
rc=$?
echo "ksizecheck exit status $rc in $(($(date +%s) - start)) s"
[ -x "$MT" ] || { echo "no SARIF validator at $MT"; exit 2; }
log=$(mktemp)
"$MT" validate --level "Error;Warning" --rule-kind "Gh;Sarif" -o "$log.sarif" "$out" >"$log" 2>&1
vrc=$?
if [ $vrc != 0 ] || grep -Eq ': (error|warning) ' "$log"; then
	echo "SARIF validator: FAILED"
	grep -E ': (error|warning) ' "$log" | head -20
	rm -f "$log" "$log.sarif"
	exit 1
fi
echo "SARIF validator: no errors, no warnings"
echo "$out: $(wc -c <"$out") bytes"
grep -o '"ruleId": "[a-z-]*"' "$out" | sort | uniq -c
rm -f "$log" "$log.sarif"
exit 0
