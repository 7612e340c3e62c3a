#!/bin/bash
# Runs the whole ksizecheck test suite: a warnings-as-errors build, every
# CTest label (unit, rules, corpus, cli, cocci, output), then the same
# suite under AddressSanitizer + UndefinedBehaviorSanitizer in a
# fault-injection build, which adds the malloc-failure test (label
# fault, tests/fault.cmake).
#   scripts/test.sh           both passes
#   KC_TEST_ASAN=0 scripts/test.sh   skip the sanitizer pass
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}

bash scripts/install-deps.sh
bash scripts/install-npm-tools.sh
bash scripts/install-browser.sh   # chromium and validators: the html tests only

echo "== build (warnings are errors)"
cmake -S . -B build -DKC_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$JOBS"
echo "== tests"
(cd build && ctest -j"$JOBS" --output-on-failure)

if [ "${KC_TEST_ASAN:-1}" != 0 ]; then
	echo "== build (ASan + UBSan)"
	cmake -S . -B build-asan -DKC_WERROR=ON -DCMAKE_BUILD_TYPE=Asan \
		-DKC_FAULT_INJECT=ON >/dev/null
	cmake --build build-asan -j"$JOBS"
	echo "== tests under ASan + UBSan"
	# libclang is not instrumented; leaks inside it are not ours to fix.
	# cocci (spatch only) and fuzz (its own clang build) add nothing here.
	(cd build-asan && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest -j"$JOBS" --output-on-failure -LE '^(cocci|fuzz)$')
fi
