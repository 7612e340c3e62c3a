#!/usr/bin/env bash
# eval-ksize-sites.sh - run ksizecheck on every file of a kernel tree that
# mentions ksize()/__ksize() and compare its findings with the expected
# verdicts in docs/eval/ksize-sites-<major.minor>.tsv.
#
# Without a ksizecheck binary (or with --parse-only) it runs
# `clang-19 -fsyntax-only` with each file's exact Kbuild flags instead, and
# reports which files do not parse and why.
#
# Flags come from `make LLVM=-19 -n V=1 path/file.o` in the tree (read
# only: -n runs nothing), or from `ksizecheck kernel --tree T FILE` with
# --kernel-mode.  Results (findings, logs, times, the comparison) go to a
# directory outside the repository, ${TMPDIR:-/tmp}/ksizecheck-eval/... by default.
#
# TSV columns (tab separated, first line is the header):
#   file line function expected notes report_lines truth v612|v61 in_build
# expected is a comma list of rule ids, "none" or "undecidable";
# report_lines is a comma list of lines where the finding may be reported
# (the ksize line itself always counts), or "-"; a token "fp:RULE" in notes
# marks a rule that would be a false positive at that site.
#
# Exit: 0 when the comparison has no false positive and no miss (or, in
# parse-only mode, when every file parses), 1 otherwise, 2 on usage errors.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
tree=
kc=
tsv=
out=
jobs=1
mode=auto
only_calls=0
files_arg=
kc_args=auto
reuse=0

usage() {
	cat <<EOF
usage: $0 --tree DIR [--ksizecheck BIN] [options]
  -t, --tree DIR        configured kernel tree (make LLVM=-19 prepare done)
  -k, --ksizecheck BIN  ksizecheck binary; without it: --parse-only
      --parse-only      run clang-19 -fsyntax-only with the Kbuild flags
      --kernel-mode     run 'BIN kernel --tree DIR FILE' instead of
                        'BIN FILE -- FLAGS'
      --tsv FILE        expected verdicts (default docs/eval/ksize-sites-X.Y.tsv)
  -o, --out DIR         results directory (default $TMPDIR/ksizecheck-eval/ksize-X.Y-<time>)
  -j N                  parallel jobs, at most 2 (default 1)
      --calls-only      only files with a real ksize()/__ksize() call
      --files "A B"     only these tree-relative files
      --compare-only DIR  redo only the comparison on an earlier results
                        directory (after a TSV edit); nothing is run
      --kc-args "ARGS"  extra ksizecheck options (default: --slab-config
                        x86_64-slub-X.Y when ksizecheck knows that preset)
EOF
}

die() {
	echo "eval-ksize-sites: $*" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	-t|--tree) tree=$2; shift 2 ;;
	-k|--ksizecheck) kc=$2; shift 2 ;;
	--parse-only) mode=parse; shift ;;
	--kernel-mode) mode=kernel; shift ;;
	--tsv) tsv=$2; shift 2 ;;
	-o|--out) out=$2; shift 2 ;;
	-j) jobs=$2; shift 2 ;;
	--calls-only) only_calls=1; shift ;;
	--files) files_arg=$2; shift 2 ;;
	--kc-args) kc_args=$2; shift 2 ;;
	--compare-only) out=$2; reuse=1; mode=files; shift 2 ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done

[ -n "$tree" ] || { usage >&2; exit 2; }
[ -f "$tree/Makefile" ] || die "'$tree' is not a kernel tree"
tree=$(cd "$tree" && pwd)
[ -f "$tree/.config" ] || die "'$tree' is not configured (.config missing)"
case "$jobs" in 1|2) ;; *) die "-j must be 1 or 2 (shared machine)" ;; esac

if [ "$mode" = auto ]; then
	if [ -n "$kc" ]; then mode=files; else mode=parse; fi
fi
if [ "$mode" != parse ] && [ "$reuse" = 0 ]; then
	[ -n "$kc" ] || die "--kernel-mode needs --ksizecheck"
	[ -x "$kc" ] || die "cannot run ksizecheck '$kc'"
	kc=$(cd "$(dirname "$kc")" && pwd)/$(basename "$kc")
fi

kver=$(make -s -C "$tree" kernelversion 2>/dev/null) ||
	die "cannot read the kernel version of '$tree'"
mm=$(echo "$kver" | cut -d. -f1,2)
[ -n "$tsv" ] || tsv=$here/docs/eval/ksize-sites-$mm.tsv
if [ "$kc_args" = auto ]; then
	kc_args=
	presets=
	[ "$mode" = parse ] || [ "$reuse" = 1 ] ||
		presets=$("$kc" model --list 2>/dev/null || true)
	if printf '%s\n' "$presets" | grep -q "^x86_64-slub-$mm "; then
		kc_args="--slab-config x86_64-slub-$mm"
	fi
fi
[ -f "$tsv" ] || echo "eval-ksize-sites: no expectations '$tsv'" \
	"(running without comparison)" >&2
[ -n "$out" ] || out=${TMPDIR:-/tmp}/ksizecheck-eval/ksize-$mm-$(date -u +%Y%m%dT%H%M%S)
case "$out" in "$here"|"$here"/*) die "results must go outside the repo" ;; esac
mkdir -p "$out/cmd" "$out/log"
echo "tree $tree ($kver), mode $mode${kc_args:+ ($kc_args)}, results in $out"

# ---- 1. the files --------------------------------------------------------

# Lines with a real call: the name followed by '(' that is neither a member
# (ops->ksize), a declaration/definition, nor a comment line.
call_lines() {
	grep -nE '(^|[^A-Za-z0-9_>.])(__)?ksize[[:space:]]*\(' "$1" |
		grep -vE '^[0-9]+:[[:space:]]*(\*([[:space:]]|/|$)|/\*|//)' |
		grep -vE '^[0-9]+:[[:space:]]*size_t[[:space:]]+(__)?ksize\(' |
		cut -d: -f1 || true
}

if [ "$reuse" = 1 ]; then
	[ -f "$out/files" ] && [ -f "$out/findings.tsv" ] ||
		die "'$out' is not a results directory"
elif [ -n "$files_arg" ]; then
	printf '%s\n' $files_arg >"$out/files"
else
	(cd "$tree" && grep -rlwE --include='*.c' 'ksize|__ksize' . |
		sed 's,^\./,,' |
		grep -vE '^(tools|scripts|Documentation|samples)/' |
		sort) >"$out/files"
fi
[ "$reuse" = 1 ] || : >"$out/sites.tsv"
[ "$reuse" = 1 ] || while read -r f; do
	for l in $(call_lines "$tree/$f"); do
		printf '%s\t%s\n' "$f" "$l" >>"$out/sites.tsv"
	done
done <"$out/files"
if [ "$only_calls" = 1 ] && [ "$reuse" = 0 ]; then
	cut -f1 "$out/sites.tsv" | sort -u >"$out/files"
fi
nfiles=$(wc -l <"$out/files")
nsites=$(wc -l <"$out/sites.tsv")
echo "$nfiles files mention ksize/__ksize; $nsites call sites"

# ---- 2. per file: flags, then parse or check -----------------------------

# Heuristic: is $1 (tree-relative .c) compiled by this .config?  Prints y,
# m, n, other-arch or "?" (not found).  It reads only the Makefile of the
# file's directory (continuation lines joined, one level of composite
# objects, ifeq blocks ignored) and trusts that the directory is built; the
# TSV's in_build column is the hand-checked answer for call sites.
selected() {
	local f=$1 dir base r up
	case "$f" in arch/x86/*) ;; arch/*) echo other-arch; return ;; esac
	dir=$(dirname "$f")
	r=$(mk_selects "$dir" "$(basename "$f" .c).o")
	# then every directory up to the top must be descended into
	while [ "$r" != n ] && [ "$dir" != . ] && [ "$(dirname "$dir")" != . ]; do
		up=$(mk_selects "$(dirname "$dir")" "$(basename "$dir")/")
		case "$up" in n) r=n ;; m) [ "$r" = y ] && r=m ;; esac
		dir=$(dirname "$dir")
	done
	echo "$r"
}

# mk_selects DIR TOKEN: y, m, n or ? for "x.o" or "subdir/" in DIR/Makefile
mk_selects() {
	local dir=$1 want=$2
	[ -f "$tree/$dir/Makefile" ] || { echo '?'; return; }
	sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' "$tree/$dir/Makefile" |
	awk -v want="$want" -v cfg="$tree/.config" '
	BEGIN {
		while ((getline l < cfg) > 0)
			if (l ~ /^CONFIG_.*=[ym]$/) {
				split(l, kv, "=")
				c[kv[1]] = kv[2]
			}
	}
	# "X-$(CONFIG_S)" becomes X-y, X-m or X-n; X-objs becomes X-y
	function norm(lhs,   sym) {
		sub(/-objs$/, "-y", lhs)
		if (match(lhs, /\$\(CONFIG_[A-Za-z0-9_]+\)/)) {
			sym = substr(lhs, RSTART + 2, RLENGTH - 3)
			lhs = substr(lhs, 1, RSTART - 1) \
				((sym in c) ? c[sym] : "n")
		}
		return lhs
	}
	{
		if (!match($0, /^[ \t]*[A-Za-z0-9_.$()-]+[ \t]*[:+]?=/))
			next
		lhs = substr($0, 1, RLENGTH)
		rhs = substr($0, RLENGTH + 1)
		reset = (lhs ~ /:=$/)
		sub(/[ \t]*[:+]?=$/, "", lhs)
		gsub(/^[ \t]+/, "", lhs)
		lhs = norm(lhs)
		if (reset) members[lhs] = ""
		n = split(rhs, w, /[ \t]+/)
		for (i = 1; i <= n; i++)
			if (w[i] ~ /(\.o|\/)$/) {
				members[lhs] = members[lhs] " " w[i]
				seen[w[i]] = 1
			}
	}
	# y, m or n for object o (depth limits composite-object recursion)
	function sel(o, depth,   v, best, k, n, l, pre, r) {
		if (depth > 2) return "?"
		best = "?"
		for (v in members) {
			if (index(members[v] " ", " " o " ") == 0) continue
			if (v ~ /-n$/) { if (best == "?") best = "n"; continue }
			r = (v ~ /-m$/) ? "m" : "y"
			pre = v
			sub(/-[ymn]$/, "", pre)
			if (pre != "obj" && pre !~ /^(lib|core|drivers|mmu|libs)$/) {
				k = sel(pre ".o", depth + 1)
				if (k == "n") { if (best == "?") best = "n"; continue }
				if (k == "m") r = "m"
			}
			if (r == "y") return "y"
			best = "m"
		}
		if (best == "?" && (o in seen)) best = "n"
		return best
	}
	END { print sel(want, 0) }'
}

# Prints the clang command Kbuild would run for $1 (tree-relative .c), or
# nothing when Kbuild has no rule for it (other arch, not an object).
kbuild_cmd() {
	local obj=${1%.c}.o
	make -C "$tree" LLVM=-19 -n V=1 "$obj" 2>/dev/null |
		tr ';' '\n' |
		grep -E "^[[:space:]]*clang-19 .* -c -o $obj $1[[:space:]]*$" |
		tail -n 1 | sed 's/^[[:space:]]*//' || true
}

# Turns the compile command into flags usable for a parse: drops the
# compiler name, the dependency output and "-c -o X.o X.c".
cmd_to_flags() {
	sed -E -e 's/^clang-19 //' -e 's/-Wp,-MMD,[^ ]+ //' \
		-e 's/ -c -o [^ ]+\.o [^ ]+\.c[[:space:]]*$//'
}

run_one() {
	local f=$1 key cmd flags t0 t1 rc=0 sel
	key=$(echo "$f" | tr '/' '_')
	sel=$(selected "$f")
	case "$sel" in
	other-arch)
		printf '%s\tother-arch\t0\t0\t0.00\t%s\n' "$f" "$sel" \
			>"$out/log/$key.res"
		return 0 ;;
	esac
	cmd=$(kbuild_cmd "$f")
	if [ -z "$cmd" ] && [ "$mode" != kernel ]; then
		printf '%s\tno-cmd\t0\t0\t0.00\t%s\n' "$f" "$sel" \
			>"$out/log/$key.res"
		return 0
	fi
	printf '%s\n' "$cmd" >"$out/cmd/$key.sh"
	flags=$(printf '%s\n' "$cmd" | cmd_to_flags)
	t0=$(date +%s.%N)
	case "$mode" in
	parse)
		(cd "$tree" && eval "clang-19 $flags -fsyntax-only $f") \
			>"$out/log/$key.out" 2>"$out/log/$key.err" || rc=$?
		;;
	files)
		(cd "$tree" && eval "\"$kc\" $kc_args --format=text $f -- $flags") \
			>"$out/log/$key.out" 2>"$out/log/$key.err" || rc=$?
		;;
	kernel)
		(cd "$tree" && eval "\"$kc\" kernel $kc_args --tree \"$tree\" --format=text $f") \
			>"$out/log/$key.out" 2>"$out/log/$key.err" || rc=$?
		;;
	esac
	t1=$(date +%s.%N)
	local nerr nfind
	nerr=$(grep -cE ': (fatal )?error: ' "$out/log/$key.err" || true)
	nfind=$(grep -cE '^[^ ]+:[0-9]+(:[0-9]+)?: (error|warning): .*\[[a-z-]+\]$' \
		"$out/log/$key.out" || true)
	printf '%s\t%s\t%s\t%s\t%.2f\t%s\n' "$f" "$rc" "$nerr" "$nfind" \
		"$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" "$sel" \
		>"$out/log/$key.res"
}

[ "$reuse" = 1 ] || while read -r f; do
	run_one "$f" &
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
		wait -n || true
	done
done <"$out/files"
wait

# results.tsv: file rc clang-errors findings seconds selected
[ "$reuse" = 1 ] || cat "$out"/log/*.res | sort >"$out/results.tsv"

# findings.tsv: file line col severity rule message (paths tree-relative)
[ "$reuse" = 1 ] || : >"$out/findings.tsv"
if [ "$mode" != parse ] && [ "$reuse" = 0 ]; then
	cat "$out"/log/*.out 2>/dev/null |
		sed -nE 's/^([^ :]+):([0-9]+):([0-9]+): (error|warning): (.*) \[([a-z-]+)\]$/\1\t\2\t\3\t\4\t\6\t\5/p' |
		sed -E "s,^$tree/,,; s,^\./,," | sort -t"$(printf '\t')" -k1,1 -k2,2n \
		>"$out/findings.tsv"
fi

# ---- 3. report -----------------------------------------------------------

total=$(awk -F'\t' '{s += $5} END {printf "%.1f", s}' "$out/results.tsv")
nocmd=$(awk -F'\t' '$2 == "no-cmd" || $2 == "other-arch"' \
	"$out/results.tsv" | wc -l)
# a failure: clang rc != 0, or ksizecheck rc >= 2 (1 only means findings)
minrc=1
[ "$mode" = parse ] || minrc=2
bad=$(awk -F'\t' -v m=$minrc '$2 ~ /^[0-9]+$/ && $2 >= m && $6 != "n"' \
	"$out/results.tsv" | wc -l)
badn=$(awk -F'\t' -v m=$minrc '$2 ~ /^[0-9]+$/ && $2 >= m && $6 == "n"' \
	"$out/results.tsv" | wc -l)
echo
echo "== per file ($mode; rc, clang errors, findings, seconds, in .config) =="
awk -F'\t' '{printf "%-56s %10s %4s %4s %7s %s\n", $1, $2, $3, $4, $5, $6}' \
	"$out/results.tsv"
echo "files: $nfiles, not run (other arch / no Kbuild rule): $nocmd," \
	"rc != 0: $bad built + $badn not built, total time ${total}s"
if [ $((bad + badn)) -gt 0 ]; then
	echo
	echo "== first errors of the files that failed =="
	awk -F'\t' -v m=$minrc '$2 ~ /^[0-9]+$/ && $2 >= m {print $1, "(" $6 ")"}' \
		"$out/results.tsv" |
	while read -r f sel; do
		key=$(echo "$f" | tr '/' '_')
		echo "-- $f $sel"
		{ grep -E 'error' "$out/log/$key.err" ||
		  cat "$out/log/$key.err"; } | head -n 3
	done
fi

status=0
[ "$bad" -eq 0 ] || status=1

if [ -f "$tsv" ]; then
	echo
	echo "== call sites not in $(basename "$tsv") / rows with no call =="
	tail -n +2 "$tsv" | cut -f1,2 | sort >"$out/tsv-sites"
	sort "$out/sites.tsv" >"$out/grep-sites"
	comm -13 "$out/tsv-sites" "$out/grep-sites" | sed 's/^/untracked: /'
	comm -23 "$out/tsv-sites" "$out/grep-sites" | while IFS=$'\t' read -r f l; do
		grep -qx "$f" "$out/files" && echo "stale row: $f:$l"
	done || true
fi

if [ -f "$tsv" ] && [ "$mode" != parse ]; then
	echo
	echo "== comparison with $(basename "$tsv") =="
	awk -F'\t' -v files="$out/files" -v fnd="$out/findings.tsv" \
		-v cmp="$out/compare.tsv" '
	BEGIN {
		while ((getline f < files) > 0) run[f] = 1
		nf = 0
		while ((getline ln < fnd) > 0) {
			split(ln, a, "\t")
			nf++; ff[nf] = a[1]; fl[nf] = a[2]; fr[nf] = a[5]
			fm[nf] = a[6]; used[nf] = 0
		}
		printf "" > cmp
	}
	NR == 1 { next }
	!($1 in run) { skipped++; next }
	{
		file = $1; line = $2; want = $4; notes = $5
		lines = "," line ","
		if ($6 != "-") lines = lines $6 ","
		got = ""
		for (i = 1; i <= nf; i++) {
			if (ff[i] != file || index(lines, "," fl[i] ",") == 0)
				continue
			used[i] = 1
			got = got (got == "" ? "" : ",") fr[i] "@" fl[i]
			if (index(notes, "fp:" fr[i]))
				fpr[NR] = fpr[NR] " " fr[i] "@" fl[i]
		}
		verdict = ""
		if (want == "none") {
			verdict = (got == "") ? "ok-silent" : "FP"
		} else if (want == "undecidable") {
			verdict = (got == "") ? "undecided-silent" \
				: "undecided-flagged(" $7 ")"
		} else {
			n = split(want, r, ",")
			hit = 0
			for (k = 1; k <= n; k++)
				if (index("," got, "," r[k] "@")) hit++
			verdict = (hit == n) ? "TP" : (hit ? "TP-partial" : "MISS")
		}
		if (fpr[NR] != "") verdict = "FP"
		count[verdict]++
		printf "%-44s %5s %-16.16s %-26s %s\n", file, line, want,
			(got == "" ? "-" : got), verdict
		printf "%s\t%s\t%s\t%s\t%s\n", file, line, want, got, \
			verdict >> cmp
	}
	END {
		# findings away from every ksize() row: in self-tests (KASAN,
		# KFENCE, KUnit: out-of-bounds on purpose) or elsewhere (need
		# a hand verdict; ksize-* ones are suspect, every call is a row)
		for (i = 1; i <= nf; i++) {
			if (used[i]) continue
			cls = (ff[i] ~ /(^|\/)(kasan_test|kfence_test|test_)|_test(_c)?\.c$|-test\.c$/) ? \
				"selftest" : (fr[i] ~ /^ksize-/ ? "ksize-elsewhere" : "other")
			ucount[cls]++
			un++
			printf "unmatched (%s): %s:%s [%s] %s\n", cls, ff[i], fl[i],
				fr[i], fm[i]
			printf "%s\t%s\t-\t%s\tunmatched-%s\n", ff[i], fl[i],
				fr[i], cls >> cmp
		}
		tp = count["TP"] + count["TP-partial"]
		fp = count["FP"]
		printf "\nrows: TP %d (partial %d)  MISS %d  FP %d  silent-ok %d  " \
			"undecidable: silent %d, flagged %d  (rows of files not " \
			"run: %d)\n", tp, count["TP-partial"], count["MISS"], fp,
			count["ok-silent"], count["undecided-silent"], nf_und(),
			skipped
		printf "findings away from the rows: %d (selftest %d, " \
			"ksize-* elsewhere %d, other %d)\n", un,
			ucount["selftest"], ucount["ksize-elsewhere"],
			ucount["other"]
		if (tp + fp > 0)
			printf "precision on the ksize() rows: %.2f (TP / (TP + " \
				"FP))\n", tp / (tp + fp)
		if (tp + count["MISS"] > 0)
			printf "recall on the decidable rows: %.2f (TP / (TP + " \
				"MISS))\n", tp / (tp + count["MISS"])
		exit (count["MISS"] + fp > 0) ? 1 : 0
	}
	function nf_und(  k, s) {
		s = 0
		for (k in count) if (k ~ /^undecided-flagged/) s += count[k]
		return s
	}' "$tsv" || status=1
fi
exit $status
