#!/bin/bash
# README command 1: installs the Debian packages, builds ksizecheck, and
# runs it on the bundled corpus (kernel-style code with known answers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
mkdir -p build/corpus
bash scripts/corpus-compdb.sh > build/corpus/compile_commands.json
echo "== ksizecheck -p build/corpus (the corpus has known bugs: exit 1 expected)"
set +e
build/ksizecheck -p build/corpus
rc=$?
set -e
if [ "$rc" -gt 1 ]; then
	echo "setup: ksizecheck failed with exit status $rc" >&2
	exit "$rc"
fi
echo "setup: done (ksizecheck exit status $rc: 0 clean, 1 findings)"
