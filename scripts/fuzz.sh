#!/bin/bash
# fuzz.sh - build and run the libFuzzer harnesses of fuzz/ (docs/fuzzing.md).
#
#   scripts/fuzz.sh build              configure + build $KC_FUZZ_BUILD
#   scripts/fuzz.sh list               harness names
#   scripts/fuzz.sh run H [SECONDS]    fuzz harness H (default 300 s, one
#                                      job), corpus kept in $KC_FUZZ_BUILD/corpus/H
#   scripts/fuzz.sh regress [H...]     run every fuzz/regress/H input once
#   scripts/fuzz.sh smoke              CI: build, regression inputs, and a
#                                      short run of each harness
#   scripts/fuzz.sh smoke-one H        the same for one harness (ctest -L fuzz)
#
# Needs clang-19 with libFuzzer (libclang-rt-19-dev). Without it, "smoke"
# prints why and exits 77 (CTest skip). Environment: KC_FUZZ_BUILD (build
# dir, default build-fuzz-lf in the source tree), KC_FUZZ_CC (clang-19),
# KC_FUZZ_JOBS (make -j, default 2).
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
B=${KC_FUZZ_BUILD:-$SRC/build-fuzz-lf}
CC=${KC_FUZZ_CC:-clang-19}
J=${KC_FUZZ_JOBS:-2}
# every fuzz/fuzz_H.c is harness H
HARNESSES=$(cd "$SRC/fuzz" && for f in fuzz_*.c; do f=${f#fuzz_}; printf '%s ' "${f%.c}"; done)

die() { echo "fuzz.sh: $*" >&2; exit 2; }

# can CC build and link a libFuzzer program? else prints why, returns 1
have_libfuzzer() {
	local t=""
	command -v "$CC" >/dev/null 2>&1 || { echo "fuzz.sh: SKIP: no $CC in PATH"; return 1; }
	t=$(mktemp -d "${TMPDIR:-/tmp}/kc-fuzzcheck.XXXXXX") || return 1
	printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$t/t.c"
	if ! "$CC" -fsanitize=fuzzer,address,undefined "$t/t.c" -o "$t/t" >"$t/log" 2>&1; then
		echo "fuzz.sh: SKIP: $CC cannot link -fsanitize=fuzzer (install libclang-rt-19-dev):"
		sed 's/^/  /' "$t/log" | head -3
		rm -rf "$t"
		return 1
	fi
	rm -rf "$t"
	return 0
}

do_build() {
	if [ ! -f "$B/CMakeCache.txt" ]; then
		CC=$CC cmake -S "$SRC" -B "$B" -DKC_FUZZ=ON -DBUILD_TESTING=OFF \
			-DCMAKE_BUILD_TYPE=RelWithDebInfo >"$B.configure.log" 2>&1 ||
			{ cat "$B.configure.log"; die "cmake configure failed"; }
	fi
	local t=""
	for h in $HARNESSES; do t="$t fuzz_$h"; done
	# shellcheck disable=SC2086
	cmake --build "$B" -j"$J" --target $t >"$B.build.log" 2>&1 ||
		{ grep -E "error|Error" "$B.build.log" | head -20; tail -5 "$B.build.log"
		  cp "$B.build.log" "$B.build-failed.log"; die "build failed (log: $B.build-failed.log)"; }
}

# seeds H: (re)creates $B/seeds/H from the repository's own inputs
seeds() {
	local h=$1 d=$B/seeds/$1 f
	rm -rf "$d"
	mkdir -p "$d"
	[ -d "$SRC/fuzz/seeds/$h" ] && cp "$SRC/fuzz/seeds/$h"/* "$d"/ 2>/dev/null
	case $h in
	tbl|apidb)
		cp "$SRC"/rules/*.tbl "$d"/
		cp "$SRC"/fuzz/seeds/tbl/* "$d"/ 2>/dev/null ;;
	slab)
		cp "$SRC/rules/slab/presets.tbl" "$d/presets.tbl"
		{ cat "$SRC/rules/slab/classes.tbl"; printf '\n%%%%\n'; cat "$SRC/rules/slab/presets.tbl"; } >"$d/both.tbl" ;;
	flags)
		cp "$SRC/rules/flags.tbl" "$d"/ ;;
	analyze)
		for f in "$SRC"/corpus/*.c "$SRC"/tests/rules/*/*.c; do
			[ -f "$f" ] || continue
			cp "$f" "$d/$(basename "$(dirname "$f")")_$(basename "$f")"
		done ;;
	esac
	return 0
}

dict_of() {
	case $1 in
	tbl|apidb|slab|flags) echo "$SRC/fuzz/dict/tbl.dict" ;;
	analyze) echo "$SRC/fuzz/dict/c.dict" ;;
	*) echo "$SRC/fuzz/dict/json.dict" ;;
	esac
}

# options common to every run of harness h
opts_of() {
	local o="-dict=$(dict_of "$1") -max_len=65536 -timeout=25 -rss_limit_mb=2048"
	[ "$1" = analyze ] && o="$o -detect_leaks=0 -max_len=16384"
	# merge explains every bad shard on stderr
	[ "$1" = merge ] && o="$o -close_fd_mask=2"
	echo "$o"
}

do_run() {
	local h=$1 secs=${2:-300} c=$B/corpus/$1
	[ -x "$B/fuzz/fuzz_$h" ] || die "no harness fuzz_$h in $B (run: fuzz.sh build)"
	seeds "$h"
	mkdir -p "$c" "$B/artifacts/$h"
	# shellcheck disable=SC2046
	"$B/fuzz/fuzz_$h" $(opts_of "$h") -max_total_time="$secs" \
		-print_final_stats=1 -artifact_prefix="$B/artifacts/$h/" \
		"$c" "$B/seeds/$h"
}

# runs the regression inputs of the given harnesses; returns 1 on a failure
do_regress() {
	local fail=0 h n
	for h in "$@"; do
		[ -d "$SRC/fuzz/regress/$h" ] || continue
		n=$(find "$SRC/fuzz/regress/$h" -type f | wc -l)
		[ "$n" -gt 0 ] || continue
		# shellcheck disable=SC2046
		if ! "$B/fuzz/fuzz_$h" $(opts_of "$h") "$SRC/fuzz/regress/$h"/* >"$B/regress-$h.log" 2>&1; then
			echo "FAIL regress $h:"
			grep -E "ERROR|SUMMARY|Running:|runtime error" "$B/regress-$h.log" | head -10
			fail=1
		else
			echo "ok   regress $h ($n inputs)"
		fi
	done
	return $fail
}

# smoke_one H: the regression inputs of H, then a short run from its seeds
smoke_one() {
	local h=$1 runs=2000 fail=0
	[ "$h" = analyze ] && runs=150
	do_regress "$h" || fail=1
	seeds "$h"
	mkdir -p "$B/smoke-artifacts/$h"
	# shellcheck disable=SC2046
	if ! "$B/fuzz/fuzz_$h" $(opts_of "$h") -runs=$runs -seed=1 -max_total_time=40 \
		-print_final_stats=1 -artifact_prefix="$B/smoke-artifacts/$h/" \
		"$B/seeds/$h" >"$B/smoke-$h.log" 2>&1; then
		echo "FAIL smoke $h (log: $B/smoke-$h.log):"
		grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$B/smoke-$h.log" | head -10
		fail=1
	else
		echo "ok   smoke $h: $(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$B/smoke-$h.log" | grep -Eo '[0-9]+$' || echo '?') executions"
	fi
	return $fail
}

do_smoke() {
	local fail=0 h t0
	have_libfuzzer || exit 77
	t0=$(date +%s)
	do_build
	echo "fuzz.sh: built in $(( $(date +%s) - t0 )) s"
	for h in $HARNESSES; do
		smoke_one "$h" || fail=1
	done
	echo "fuzz.sh: smoke done in $(( $(date +%s) - t0 )) s"
	exit $fail
}

case ${1:-} in
build) have_libfuzzer || exit 77; do_build ;;
list) echo "$HARNESSES" ;;
run) [ $# -ge 2 ] || die "usage: fuzz.sh run HARNESS [SECONDS]"; do_run "$2" "${3:-300}" ;;
regress) shift; [ $# -gt 0 ] || set -- $HARNESSES; do_regress "$@" ;;
smoke) do_smoke ;;
smoke-one)
	[ $# -ge 2 ] || die "usage: fuzz.sh smoke-one HARNESS"
	have_libfuzzer || exit 77
	[ -x "$B/fuzz/fuzz_$2" ] || do_build
	smoke_one "$2" ;;
*) die "usage: fuzz.sh build|list|run H [SECONDS]|regress [H...]|smoke|smoke-one H" ;;
esac
