/* fix_diff.c - unified diffs as produced by spatch -D patch: parse into
 * hunks, write the kept hunks, apply them to the original text.
 */
#include "fix/fix_int.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"

static const char *line_end(const char *p)
{
	const char *e = strchr(p, '\n');

	return e ? e + 1 : p + strlen(p);
}

static int is_prefix(const char *s, const char *pre)
{
	size_t n = strlen(pre);

	return strnlen(s, n) == n && !memcmp(s, pre, n);
}

/* "@@ -a[,b] +c[,d] @@..." */
static int parse_header(const char *p, struct fix_hunk *h)
{
	char *end;

	if (strncmp(p, "@@ -", 4))
		return -1;
	p += 4;
	h->old_start = (unsigned)strtoul(p, &end, 10);
	h->old_len = 1;
	if (*end == ',')
		h->old_len = (unsigned)strtoul(end + 1, &end, 10);
	if (strncmp(end, " +", 2))
		return -1;
	h->new_start = (unsigned)strtoul(end + 2, &end, 10);
	h->new_len = 1;
	if (*end == ',')
		h->new_len = (unsigned)strtoul(end + 1, &end, 10);
	if (strncmp(end, " @@", 3))
		return -1;
	return 0;
}

/* Sets first_line/last_line from the body: the old lines that are removed,
 * or before which lines are inserted. */
static void hunk_span(struct fix_hunk *h)
{
	const char *p = h->body, *end = h->body + h->body_len;
	unsigned old = h->old_start;

	h->first_line = 0;
	h->last_line = 0;
	while (p < end) {
		const char *e = line_end(p);
		unsigned at = 0;

		if (*p == '-')
			at = old;
		else if (*p == '+')
			at = old ? old : 1;
		if (at) {
			if (!h->first_line || at < h->first_line)
				h->first_line = at;
			if (at > h->last_line)
				h->last_line = at;
		}
		if (*p == ' ' || *p == '-' || *p == '\n')
			old++;
		p = e;
	}
}

int fix_diff_parse(const char *diff, struct fix_hunks *out)
{
	const char *p = diff;

	memset(out, 0, sizeof(*out));
	while (*p) {
		struct fix_hunk h;
		const char *e = line_end(p);

		if (strncmp(p, "@@ ", 3)) {
			p = e;  /* ---, +++ and anything before a hunk */
			continue;
		}
		memset(&h, 0, sizeof(h));
		if (parse_header(p, &h))
			return -KC_EPARSE;
		p = e;
		h.body = p;
		while (*p && (*p == ' ' || *p == '-' || *p == '+' ||
			      *p == '\\' || *p == '\n')) {
			if (is_prefix(p, "--- ") && is_prefix(line_end(p), "+++ "))
				break;  /* next file's header */
			p = line_end(p);
		}
		h.body_len = (size_t)(p - h.body);
		h.keep = 1;
		hunk_span(&h);
		if (KC_VEC_PUSH(&out->h, h))
			return -KC_ENOMEM;
	}
	return 0;
}

void fix_hunks_release(struct fix_hunks *hs)
{
	KC_VEC_FREE(&hs->h);
}

int fix_diff_name(const char *path, const char *root, char *buf,
		  size_t size)
{
	char rp[PATH_MAX], rr[PATH_MAX];
	size_t n;

	if (!realpath(path, rp))
		snprintf(rp, sizeof(rp), "%s", path);
	if (!realpath(root ? root : ".", rr))
		rr[0] = '\0';
	n = strlen(rr);
	if (n == 1)
		n = 0;  /* root is / */
	if (rr[0] && !strncmp(rp, rr, n) && rp[n] == '/') {
		snprintf(buf, size, "%s", rp + n + 1);
		return 0;
	}
	snprintf(buf, size, "%s", rp[0] == '/' ? rp + 1 : rp);
	return 1;
}

size_t fix_diff_write(const struct fix_hunks *hs, const char *name, FILE *out)
{
	long delta = 0;
	size_t i, nw = 0;

	for (i = 0; i < hs->h.n; i++) {
		const struct fix_hunk *h = &hs->h.v[i];

		if (!h->keep)
			continue;
		if (!nw)
			fprintf(out, "--- a/%s\n+++ b/%s\n", name, name);
		fprintf(out, "@@ -%u,%u +%ld,%u @@\n", h->old_start, h->old_len,
			(long)h->old_start + delta + (h->new_len && !h->old_len),
			h->new_len);
		fwrite(h->body, 1, h->body_len, out);
		if (h->body_len && h->body[h->body_len - 1] != '\n')
			fputc('\n', out);
		delta += (long)h->new_len - (long)h->old_len;
		nw++;
	}
	return nw;
}

/* Appends original lines [*cur, upto) (1-based line numbers). */
static int copy_lines(const char **tp, unsigned *cur, unsigned upto,
		      struct kc_strbuf *res)
{
	while (*cur < upto && **tp) {
		const char *e = line_end(*tp);

		if (kc_strbuf_add(res, *tp, (size_t)(e - *tp)))
			return -KC_ENOMEM;
		*tp = e;
		(*cur)++;
	}
	return *cur == upto ? 0 : -KC_EPARSE;
}

/* Compares the hunk line (after its prefix) with the text line at tp. */
static int same_line(const char *hl, const char *he, const char *tp)
{
	size_t hn = (size_t)(he - hl), tn = (size_t)(line_end(tp) - tp);

	if (hn && hl[hn - 1] == '\n')
		hn--;
	if (tn && tp[tn - 1] == '\n')
		tn--;
	return hn == tn && !memcmp(hl, tp, hn);
}

int fix_diff_apply(const struct fix_hunks *hs, const char *text,
		   struct kc_strbuf *res)
{
	const char *tp = text;
	unsigned cur = 1;
	size_t i;
	int ret;

	for (i = 0; i < hs->h.n; i++) {
		const struct fix_hunk *h = &hs->h.v[i];
		const char *p = h->body, *end = h->body + h->body_len;
		unsigned start = h->old_len ? h->old_start : h->old_start + 1;

		if (!h->keep)
			continue;
		if (start < cur)
			return -KC_EPARSE;  /* overlapping hunks */
		ret = copy_lines(&tp, &cur, start, res);
		if (ret)
			return ret;
		while (p < end) {
			const char *e = line_end(p);

			if (*p == ' ' || *p == '-' || *p == '\n') {
				/* a bare newline is an empty context line */
				const char *hl = *p == '\n' ? p : p + 1;

				if (!*tp || !same_line(hl, e, tp))
					return -KC_EPARSE;
				if (*p != '-' && kc_strbuf_add(res, tp,
						(size_t)(line_end(tp) - tp)))
					return -KC_ENOMEM;
				tp = line_end(tp);
				cur++;
			} else if (*p == '+') {
				if (kc_strbuf_add(res, p + 1, (size_t)(e - p - 1)))
					return -KC_ENOMEM;
				if (e[-1] != '\n' && kc_strbuf_addch(res, '\n'))
					return -KC_ENOMEM;
			}
			/* '\\ No newline at end of file' and blank: skip */
			p = e;
		}
	}
	if (kc_strbuf_adds(res, tp))
		return -KC_ENOMEM;
	return 0;
}
