#!/bin/bash
# Installs what the HTML report test (tests/html/) needs and nothing else
# uses: Debian's chromium (a real headless browser) and two HTML
# validators from Debian, tidy and python3-html5lib. Best effort: without
# root or apt the test skips and prints why. Idempotent.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v tidy >/dev/null 2>&1 || need+=(tidy)
python3 -c 'import html5lib' >/dev/null 2>&1 || need+=(python3-html5lib)
if [ ${#need[@]} -eq 0 ]; then
	echo "install-browser: chromium, tidy and html5lib present"
	exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "install-browser: cannot install ${need[*]} (needs root and apt-get); the HTML browser test will be skipped"
	exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1 ||
   { apt-get update >/dev/null 2>&1 &&
     apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1; }; then
	echo "install-browser: installed ${need[*]}"
else
	echo "install-browser: apt-get install ${need[*]} failed; the HTML browser test will be skipped"
fi
exit 0
