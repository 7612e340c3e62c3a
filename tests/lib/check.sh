# check.sh - assertions shared by the shell test drivers (tests/cli,
# tests/robust). Source it after setting CASE; it sets FAIL=0 and the
# assertions set FAIL=1. Every command's output goes to out.txt in the
# current (scratch) directory.

FAIL=0

# run CMD...: runs it, output in out.txt, status in $got; a crash of the
# command itself (signal) always fails the case
run() {
	"$@" >out.txt 2>&1 </dev/null
	got=$?
	if [ "$got" -gt 128 ]; then
		echo "FAIL $CASE: '$*' died with signal $((got - 128))"
		sed 's/^/  | /' out.txt | head -20
		FAIL=1
	fi
}

# expect STATUS TEXT CMD...: CMD exits with STATUS and prints TEXT
expect() {
	want=$1 text=$2
	shift 2
	run "$@"
	if [ "$got" != "$want" ]; then
		echo "FAIL $CASE: '$*' exited $got, expected $want"
		sed 's/^/  | /' out.txt | head -20
		FAIL=1
		return
	fi
	has "$text"
}

# has TEXT: the last command printed TEXT (an empty TEXT always holds)
has() {
	if [ -n "$1" ] && ! grep -qF -- "$1" out.txt; then
		echo "FAIL $CASE: did not print: $1"
		sed 's/^/  | /' out.txt | head -20
		FAIL=1
	fi
}

# refute TEXT: the last command did not print TEXT
refute() {
	if grep -qF -- "$1" out.txt; then
		echo "FAIL $CASE: printed unexpected: $1"
		sed 's/^/  | /' out.txt | head -20
		FAIL=1
	fi
}

# count N TEXT: the last command printed TEXT on exactly N lines
count() {
	n=$(grep -cF -- "$2" out.txt)
	if [ "$n" != "$1" ]; then
		echo "FAIL $CASE: '$2' printed $n times, expected $1"
		FAIL=1
	fi
}

# ok_c FILE: a small C file that parses cleanly and has no finding
ok_c() {
	cat >"$1" <<'C'
#include <stddef.h>
struct item { int len; char data[]; };
size_t item_size(const struct item *it) { return sizeof(*it) + (size_t)it->len; }
C
}
