#!/bin/sh
# check-layers.sh [ROOT] - fails when a file of ROOT/src (default: this
# repository) includes a header of a layer above its own. The layers are
# written down once, in ROOT/docs/architecture.md: the table rows between
# "<!-- layers: begin -->" and "<!-- layers: end -->" give a rank and a
# path prefix under src/ (the longest prefix that matches a file wins);
# the rows between the "layer-exceptions" markers give a file, a header
# and the reason it may include it. Each violation is printed as
#   src/FILE:LINE: includes 'HEADER' (layer DIR, rank N) above its own
#   layer DIR (rank M)
# and so is a file no layer covers. Exit 0 when there is none, 1 when
# there are, 2 when the table is missing.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
doc=$root/docs/architecture.md
[ -f "$doc" ] || { echo "check-layers: no $doc" >&2; exit 2; }
cd "$root/src" || exit 2
find . -name '*.[ch]' | sed 's|^\./||' | LC_ALL=C sort |
awk -v doc="$doc" '
function strip(s) { gsub(/`/, "", s); gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
# rank of path p (longest matching prefix); -1 when no row covers it
function rank_of(p,   i, best, bl) {
	best = -1; bl = -1
	for (i = 1; i <= nl; i++)
		if (substr(p, 1, length(lp[i])) == lp[i] && length(lp[i]) > bl) {
			best = i; bl = length(lp[i])
		}
	return best
}
BEGIN {
	while ((getline line < doc) > 0) {
		if (line ~ /<!-- layers: begin -->/) { mode = 1; continue }
		if (line ~ /<!-- layers: end -->/) { mode = 0; continue }
		if (line ~ /<!-- layer-exceptions: begin -->/) { mode = 2; continue }
		if (line ~ /<!-- layer-exceptions: end -->/) { mode = 0; continue }
		if (!mode || line !~ /^\|/ || line ~ /^\|[ -]*\|/) continue
		n = split(line, f, "|")
		if (mode == 1 && strip(f[2]) ~ /^[0-9]+$/) {
			nl++; lr[nl] = strip(f[2]) + 0; lp[nl] = strip(f[3])
		} else if (mode == 2 && strip(f[2]) != "file") {
			exc[strip(f[2]) " " strip(f[3])] = 1
		}
	}
	if (!nl) { print "check-layers: no layer table in " doc > "/dev/stderr"; exit 2 }
}
{
	file = $0
	me = rank_of(file)
	if (me < 0) {
		printf "src/%s: in no layer of docs/architecture.md\n", file
		bad++
		next
	}
	ln = 0
	while ((getline line < file) > 0) {
		ln++
		if (line !~ /^[ \t]*#[ \t]*include[ \t]*"/) continue
		h = line
		sub(/^[ \t]*#[ \t]*include[ \t]*"/, "", h)
		sub(/".*/, "", h)
		if (h !~ /\//) continue          # same directory
		them = rank_of(h)
		if (them < 0 || lr[them] <= lr[me]) continue
		if ((file " " h) in exc) continue
		printf "src/%s:%d: includes '\''%s'\'' (layer %s, rank %d) above its own layer %s (rank %d)\n",
		       file, ln, h, lp[them], lr[them], lp[me], lr[me]
		bad++
	}
	close(file)
}
END {
	if (bad) {
		printf "check-layers: %d violation%s (layers: docs/architecture.md)\n", bad, bad == 1 ? "" : "s" > "/dev/stderr"
		exit 1
	}
}'
