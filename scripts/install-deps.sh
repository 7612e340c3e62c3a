#!/bin/bash
# Installs the Debian packages ksizecheck needs to build, test and
# evaluate (Debian 12 "bookworm"; run as root). Idempotent: skips apt when
# everything is already installed.
set -euo pipefail
PKGS=(
	bc
	bison
	build-essential
	clang-19
	cmake
	coccinelle
	flex
	git
	libclang-19-dev
	libclang-rt-19-dev
	libelf-dev
	libjson-c-dev
	libsqlite3-dev
	libssl-dev
	libxxhash-dev
	lld-19
	llvm-19
	patch
	pkg-config
	python3
	sparse
)
missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
	echo "install-deps: all ${#PKGS[@]} packages present"
	exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
