/* html_finding.c - f/N.html, the page of one finding: the steps that
 * explain it (its notes, then the finding itself), numbered like
 * scan-build's path notes; the source around each step with the step's
 * line highlighted; the object picture and the per-preset verdicts
 * (html_svg.c); the fix; the rule's documentation.
 */
#include "out/html_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/finding_json.h"
#include "out/output.h"
#include "out/rule_text.h"
#include "out/srcfile.h"

#define CONTEXT 3    /* lines shown around a step */
#define MERGE_GAP 25 /* excerpts closer than this are shown as one */

struct step {
	unsigned no;          /* 1-based */
	const char *kind;     /* allocation, ksize, free, path, macro, access */
	struct kc_loc loc;
	const char *msg;
};

/* The steps of f in order: its notes, then the finding's own site. */
static size_t steps_of(const struct kc_finding *f, struct step *s)
{
	size_t i, n = 0;

	for (i = 0; i < f->nnotes; i++, n++) {
		s[n].no = (unsigned)n + 1;
		s[n].kind = f->notes[i].kind ? f->notes[i].kind : "note";
		s[n].loc = f->notes[i].loc;
		s[n].msg = f->notes[i].msg;
	}
	s[n].no = (unsigned)n + 1;
	s[n].kind = !strncmp(kc_rule_info(f->rule)->id, "ksize-", 6) ?
		    "ksize" : "access";
	s[n].loc = f->loc;
	s[n].msg = f->message;
	return n + 1;
}

/* A CSS class token for a note kind (kinds come from the input). */
static const char *kind_class(const char *kind)
{
	static const char *const known[] = {
		"allocation", "ksize", "free", "path", "macro", "access",
	};
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(kind, known[i]))
			return known[i];
	return "note";
}

static void anchor_id(struct html_buf *b, size_t fileno, unsigned line)
{
	hb_printf(b, "s%zu-L%u", fileno, line);
}

/* Screen column (tabs to 8) of byte column col of line p[0..len). */
static unsigned screen_col(const char *p, size_t len, unsigned col)
{
	unsigned x = 0;
	size_t i;

	for (i = 0; i + 1 < col && i < len; i++)
		x = p[i] == '\t' ? (x + 8) & ~7u : x + 1;
	return x;
}

static void source_lines(struct html_buf *b, const struct out_src *src,
			 size_t fileno, const struct step *s, size_t ns,
			 const char *file, unsigned lo, unsigned hi)
{
	unsigned line;
	size_t k;

	for (line = lo; line <= hi; line++) {
		size_t len;
		const char *p = out_src_line(src, line, &len);
		const char *cls = NULL;

		if (!p)
			break;
		for (k = 0; k < ns; k++)
			if (s[k].loc.line == line && !strcmp(s[k].loc.file, file))
				cls = kind_class(s[k].kind);
		hb_puts(b, "<tr id=\"");
		anchor_id(b, fileno, line);
		hb_puts(b, "\"");
		if (cls)
			hb_printf(b, " class=\"hl hl-%s\"", cls);
		hb_printf(b, "><td class=\"ln\">%u</td><td class=\"code\">", line);
		hb_escn(b, p, len);
		hb_puts(b, "</td></tr>\n");
		for (k = 0; k < ns; k++) {
			if (s[k].loc.line != line || strcmp(s[k].loc.file, file))
				continue;
			hb_printf(b, "<tr class=\"bubble-row\"><td class=\"ln\"></td><td>"
				  "<div class=\"bubble b-%s\" style=\"margin-left: %uch\">"
				  "<span class=\"stepno\">%u</span> <b>",
				  kind_class(s[k].kind),
				  screen_col(p, len, s[k].loc.col), s[k].no);
			hb_esc(b, s[k].kind);
			hb_puts(b, "</b>: ");
			hb_esc(b, s[k].msg);
			hb_puts(b, "</div></td></tr>\n");
		}
	}
}

static int cmp_uint(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return (x > y) - (x < y);
}

/* The excerpts of one file: every step line of file with CONTEXT lines
 * around it, excerpts closer than MERGE_GAP joined. */
static void source_file(struct html_buf *b, const struct html_ctx *c,
			size_t fileno,
			const char *file, const struct step *s, size_t ns)
{
	char path[4096];
	const struct out_src *src;
	unsigned lines[64], lo, hi;
	size_t k, n = 0;

	if (file[0] != '/' && c->o->source_root)
		snprintf(path, sizeof(path), "%s/%s", c->o->source_root, file);
	else
		snprintf(path, sizeof(path), "%s", file);
	hb_puts(b, "<h3 class=\"file\"><code>");
	hb_esc(b, file);
	hb_puts(b, "</code></h3>\n");
	src = out_src_get(c->src, path);
	if (!src) {
		b->oom = 1;
		return;
	}
	if (!src->text) {
		hb_puts(b, "<p class=\"nosrc\">Source not available: cannot read <code>");
		hb_esc(b, path);
		hb_puts(b, "</code> where this report was rendered");
		if (!c->o->source_root)
			hb_puts(b, " (<code>ksizecheck report --source-root DIR</code> reads it below DIR)");
		hb_puts(b, ". The steps above give the lines.</p>\n");
		return;
	}
	for (k = 0; k < ns && n < 64; k++)
		if (!strcmp(s[k].loc.file, file) && s[k].loc.line)
			lines[n++] = s[k].loc.line;
	qsort(lines, n, sizeof(lines[0]), cmp_uint);
	hb_puts(b, "<table class=\"src\">\n");
	for (k = 0; k < n;) {
		lo = lines[k] > CONTEXT ? lines[k] - CONTEXT : 1;
		hi = lines[k] + CONTEXT;
		for (k++; k < n && lines[k] <= hi + MERGE_GAP; k++)
			hi = lines[k] + CONTEXT;
		if (lo > 1)
			hb_puts(b, "<tr class=\"gap\"><td class=\"ln\">&hellip;</td><td></td></tr>\n");
		source_lines(b, src, fileno, s, ns, file, lo, hi);
	}
	hb_puts(b, "</table>\n");
}

static void steps_list(struct html_buf *b, const struct step *s, size_t ns,
		       const char **files, size_t nfiles)
{
	size_t k, j;

	hb_puts(b, "<section id=\"steps\"><h2>Steps</h2>\n<ol class=\"steps\">\n");
	for (k = 0; k < ns; k++) {
		for (j = 0; j < nfiles && strcmp(files[j], s[k].loc.file); j++)
			;
		hb_printf(b, "<li class=\"b-%s\"><span class=\"stepno\">%u</span> <b>",
			  kind_class(s[k].kind), s[k].no);
		hb_esc(b, s[k].kind);
		hb_puts(b, "</b> at <a href=\"#");
		anchor_id(b, j, s[k].loc.line);
		hb_puts(b, "\"><code>");
		hb_esc(b, s[k].loc.file);
		hb_printf(b, ":%u:%u</code></a>: ", s[k].loc.line, s[k].loc.col);
		hb_esc(b, s[k].msg);
		hb_puts(b, "</li>\n");
	}
	hb_puts(b, "</ol></section>\n");
}

/* The part of a unified diff whose "+++ b/PATH" is file (or ends with
 * "/file", or file ends with "/PATH"): start and length in diff, 0 when
 * none. Hunks of one file are
 * contiguous in fix_run()'s output. */
static size_t diff_for(const char *diff, const char *file, size_t *start)
{
	const char *p = diff, *sec = NULL;
	size_t flen = strlen(file);

	for (; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p)) {
		const char *nl = strchr(p, '\n'), *q;
		size_t plen;

		if (strncmp(p, "--- ", 4) || !nl || strncmp(nl + 1, "+++ ", 4))
			continue;
		if (sec)
			break;
		q = nl + 5;
		if (!strncmp(q, "b/", 2))
			q += 2;
		plen = strcspn(q, "\t\n");
		/* the diff names files relative to where ksizecheck ran
		 * (fix_diff_name()), the finding may name it absolute */
		if ((plen == flen && !strncmp(q, file, flen)) ||
		    (plen > flen && q[plen - flen - 1] == '/' &&
		     !strncmp(q + plen - flen, file, flen)) ||
		    (flen > plen && file[flen - plen - 1] == '/' &&
		     !strncmp(file + flen - plen, q, plen)))
			sec = p;
	}
	if (!sec)
		return 0;
	*start = (size_t)(sec - diff);
	return (size_t)(p - sec);
}

static void fix_section(struct html_buf *b, const struct html_ctx *c,
			const struct kc_finding *f)
{
	const char *script = f->fix ? f->fix : kc_rule_info(f->rule)->fix;
	size_t start = 0, len = 0;

	hb_puts(b, "<section id=\"fix\"><h2>Fix</h2>\n<p>");
	hb_esc(b, out_rule_fix_text(f->rule));
	hb_puts(b, "</p>\n");
	if (!script) {
		hb_puts(b, "<p>No Coccinelle script fixes this rule.</p></section>\n");
		return;
	}
	if (c->o->fix_diff)
		len = diff_for(c->o->fix_diff, f->loc.file, &start);
	if (len) {
		const char *p = c->o->fix_diff + start, *end = p + len;

		hb_puts(b, "<p>The patch <code>--fix=diff</code> proposed with <code>cocci/");
		hb_esc(b, script);
		hb_puts(b, ".cocci</code> for this file:</p>\n<pre class=\"diff\">");
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
			const char *cls = *p == '+' ? "add" : *p == '-' ? "del" :
					  *p == '@' ? "hunk" : "ctx";

			hb_printf(b, "<span class=\"%s\">", cls);
			hb_escn(b, p, n);
			hb_puts(b, "</span>\n");
			p += n + (nl != NULL);
		}
		hb_puts(b, "</pre>\n");
	} else {
		hb_puts(b, "<p>Script <code>cocci/");
		hb_esc(b, script);
		hb_puts(b, c->o->fix_diff ?
			".cocci</code>: <code>--fix=diff</code> proposed no change in this file.</p>\n" :
			".cocci</code>; run with <code>--format=html --fix=diff</code> to see the patch it proposes here.</p>\n");
	}
	hb_puts(b, "</section>\n");
}

static void header(struct html_buf *b, const struct html_ctx *c, size_t i)
{
	const struct kc_finding *f = c->d->v[i];
	const char *sev = kc_severity_name(f->severity);

	hb_puts(b, "<nav><a href=\"../index.html\">&larr; all findings</a>");
	if (i > 0)
		hb_printf(b, " &middot; <a href=\"%zu.html\" rel=\"prev\">previous</a>", i);
	if (i + 1 < c->d->n)
		hb_printf(b, " &middot; <a href=\"%zu.html\" rel=\"next\">next</a>", i + 2);
	hb_printf(b, " &middot; finding %zu of %zu</nav>\n", i + 1, c->d->n);
	hb_printf(b, "<header><h1><span class=\"sev sev-%s\">%s</span> ", sev, sev);
	html_rule_link(b, f->rule);
	hb_puts(b, "</h1>\n<p class=\"message\" id=\"message\">");
	hb_esc(b, f->message);
	hb_puts(b, "</p>\n<dl class=\"kv\"><dt>where</dt><dd><code>");
	hb_esc(b, f->loc.file);
	hb_printf(b, ":%u:%u</code></dd>", f->loc.line, f->loc.col);
	if (f->function) {
		hb_puts(b, "<dt>function</dt><dd><code>");
		hb_esc(b, f->function);
		hb_puts(b, "</code></dd>");
	}
	if (f->fingerprint) {
		hb_puts(b, "<dt>fingerprint</dt><dd><code>");
		hb_esc(b, f->fingerprint);
		hb_puts(b, "</code></dd>");
	}
	hb_puts(b, "</dl></header>\n");
}

void html_finding(struct html_buf *b, const struct html_ctx *c, size_t i)
{
	const struct kc_finding *f = c->d->v[i];
	struct step *s = calloc(f->nnotes + 1, sizeof(*s));
	const char **files = calloc(f->nnotes + 1, sizeof(*files));
	const struct kc_rule_info *r = kc_rule_info(f->rule);
	size_t ns, nfiles = 0, k, j;
	char title[256];

	if (!s || !files) {
		b->oom = 1;
		goto out;
	}
	ns = steps_of(f, s);
	/* the finding's own file first, then the others in step order */
	files[nfiles++] = f->loc.file;
	for (k = 0; k < ns; k++) {
		for (j = 0; j < nfiles && strcmp(files[j], s[k].loc.file); j++)
			;
		if (j == nfiles)
			files[nfiles++] = s[k].loc.file;
	}
	snprintf(title, sizeof(title), "%s: %s:%u", r->id, f->loc.file,
		 f->loc.line);
	html_page_head(b, title, "../style.css");
	header(b, c, i);
	hb_puts(b, "<main>\n");
	steps_list(b, s, ns, files, nfiles);
	hb_puts(b, "<section id=\"source\"><h2>Source</h2>\n");
	for (j = 0; j < nfiles; j++)
		source_file(b, c, j, files[j], s, ns);
	hb_puts(b, "</section>\n");
	html_slab_svg(b, f, c->model);
	html_slab_presets(b, f, c->model);
	fix_section(b, c, f);
	hb_puts(b, "<section id=\"rule\"><h2>Rule ");
	html_rule_link(b, f->rule);
	hb_puts(b, "</h2>\n<p>");
	hb_esc(b, out_rule_full_text(f->rule));
	hb_puts(b, "</p>\n<p><a href=\"" OUT_RULE_DOC_URI);
	hb_esc(b, r->id);
	hb_puts(b, ".md\">docs/rules/");
	hb_esc(b, r->id);
	hb_puts(b, ".md</a></p></section>\n</main>\n");
	html_page_foot(b);
out:
	free(s);
	free(files);
}
