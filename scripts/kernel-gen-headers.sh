#!/bin/sh
# kernel-gen-headers.sh - build the objects of the TUs that parsed with
# clang errors in a ksizecheck run, so that the headers Kbuild generates
# during a build (not during `make prepare`) exist: selinux flask.h,
# drm/msm *.xml.h, ASN.1 decoders *.asn1.h, radeon *_reg_safe.h, ...
# Kbuild declares those headers as prerequisites of the objects that
# include them, so `make dir/file.o` generates exactly what is missing.
#
#   scripts/kernel-gen-headers.sh TREE RUN.json [MAKE-ARGS...]
#
# RUN.json is `ksizecheck kernel --format json` output; its notifications
# name the TUs parsed with errors. MAKE-ARGS default to LLVM=-19 -j2.
# Objects that fail to build are listed; the exit status is make's.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 TREE RUN.json [MAKE-ARGS...]" >&2; exit 2; }
TREE=$1 RUN=$2
shift 2
[ $# -gt 0 ] || set -- LLVM=-19 -j2
objs=$(python3 - "$RUN" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for n in d.get("notifications", []):
    f = n.get("file", "")
    if f.endswith(".c") and "clang errors" in n.get("message", ""):
        print(f[:-2] + ".o")
PY
)
[ -n "$objs" ] || { echo "$RUN: no TU with clang errors"; exit 0; }
echo "$(echo "$objs" | wc -l) objects to build in $TREE"
cd "$TREE"
# shellcheck disable=SC2086 # one word per object
make "$@" -k $objs
