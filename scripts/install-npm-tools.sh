#!/bin/bash
# Installs the official SARIF validator (@microsoft/sarif-multitool, from
# the npm registry) into $KC_NPM_TOOLS (default
# ~/.cache/ksizecheck/npm-tools), outside the repository. Best effort:
# without npm or its registry the output tests skip SARIF validation and
# say so. Idempotent.
set -u
dir=${KC_NPM_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/ksizecheck/npm-tools}
mt=$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ -x "$mt" ]; then
	echo "install-npm-tools: sarif-multitool present in $dir"
	exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
	echo "install-npm-tools: no npm; SARIF validation will be skipped"
	exit 0
fi
mkdir -p "$dir"
if npm install --silent --no-audit --no-fund --prefix "$dir" \
	@microsoft/sarif-multitool@^5.7.0 >/dev/null 2>&1; then
	echo "install-npm-tools: installed sarif-multitool in $dir"
else
	echo "install-npm-tools: npm install failed; SARIF validation will be skipped"
fi
exit 0
