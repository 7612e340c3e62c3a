# expect.sh - assertions shared by the test drivers that run one named
# test per invocation (tests/output, tests/html). Source it after setting
# KC_TMP_PREFIX: it makes $tmp (removed on exit), sets fails=0, and the
# assertions count failures in $fails; the driver exits 1 when fails > 0.

tmp=$(mktemp -d "${TMPDIR:-/tmp}/${KC_TMP_PREFIX:-kc-test}.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# expect_rc WANT CMD...: runs CMD (stdout > $tmp/out, stderr > $tmp/err)
expect_rc() {
	want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" != "$want" ]; then
		fail "'$*' exited $rc, want $want"
		sed 's/^/  stderr: /' "$tmp/err" | head -20
	fi
}

# expect_grep FILE PATTERN [what]: FILE has a line matching PATTERN
expect_grep() {
	if ! grep -q -- "$2" "$1"; then
		fail "${3:-$1} has no '$2'"
		sed 's/^/  | /' "$1" | head -20
	fi
}

# expect_no_grep FILE PATTERN [what]: FILE has no line matching PATTERN
expect_no_grep() {
	if grep -q -- "$2" "$1"; then
		fail "${3:-$1} has '$2'"
		grep -- "$2" "$1" | sed 's/^/  | /' | head -5
	fi
}
