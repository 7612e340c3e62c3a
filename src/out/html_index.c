/* html_index.c - index.html of the HTML report: the run's parse
 * accounting, counts by rule, directory and file, and the table of
 * findings (filters, sorting and search come from report.js; without
 * JavaScript the page shows every finding, sorted by file and line).
 */
#include "out/html_int.h"

#include <stdlib.h>
#include <string.h>

#include "diag/finding_json.h"

struct count {
	const char *key;    /* rule id, directory or file */
	size_t keylen;
	size_t n;
	int rule;           /* by rule: the rule, for its severity */
};

struct counts {
	struct count *v;
	size_t n;
};

/* Adds one to key[0..len) in c (c->v has room for every finding). */
static void count_add(struct counts *c, const char *key, size_t len,
		      int rule)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].keylen == len && !strncmp(c->v[i].key, key, len)) {
			c->v[i].n++;
			return;
		}
	c->v[c->n].key = key;
	c->v[c->n].keylen = len;
	c->v[c->n].n = 1;
	c->v[c->n].rule = rule;
	c->n++;
}

static int count_cmp(const void *a, const void *b)
{
	const struct count *x = a, *y = b;
	size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
	int r;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	r = strncmp(x->key, y->key, n);
	return r ? r : (x->keylen > y->keylen) - (x->keylen < y->keylen);
}

/* Length of the directory prefix ("a/b/", with its slash) that every
 * finding's path shares; the index shows paths without it. */
static size_t common_dir(const struct kc_diag *d)
{
	size_t i, k, len;

	if (!d->n)
		return 0;
	len = strlen(d->v[0]->loc.file);
	for (i = 1; i < d->n; i++) {
		const char *a = d->v[0]->loc.file, *b = d->v[i]->loc.file;

		for (k = 0; k < len && a[k] == b[k]; k++)
			;
		len = k;
	}
	while (len && d->v[0]->loc.file[len - 1] != '/')
		len--;
	return len;
}

static size_t dir_len(const char *file)
{
	const char *slash = strrchr(file, '/');

	return slash ? (size_t)(slash - file) : 0;
}

/* One summary table: what (a heading and the data-kind of its rows). */
static void count_table(struct html_buf *b, struct counts *c,
			const char *id, const char *title, const char *col,
			const char *param, size_t pre)
{
	size_t i;

	qsort(c->v, c->n, sizeof(*c->v), count_cmp);
	hb_printf(b, "<div class=\"summary\"><h3>%s</h3>\n"
		  "<table id=\"%s\"><thead><tr><th scope=\"col\">%s</th>"
		  "<th scope=\"col\" class=\"num\">findings</th></tr></thead>\n<tbody>\n",
		  title, id, col);
	for (i = 0; i < c->n; i++) {
		const struct count *k = &c->v[i];

		hb_puts(b, "<tr data-key=\"");
		hb_escn(b, k->key, k->keylen);
		hb_printf(b, "\"><td><a href=\"index.html?%s=", param);
		hb_escn(b, k->key, k->keylen);
		hb_puts(b, "\">");
		if (k->keylen > pre)
			hb_escn(b, k->key + pre, k->keylen - pre);
		else
			hb_puts(b, pre ? "./" : "(current directory)");
		hb_printf(b, "</a></td><td class=\"num\" data-count=\"%zu\">%zu</td></tr>\n",
			  k->n, k->n);
	}
	hb_puts(b, "</tbody></table></div>\n");
}

static void summaries(struct html_buf *b, const struct kc_diag *d,
		      size_t pre)
{
	struct counts rules = { 0 }, dirs = { 0 }, files = { 0 };
	size_t i;

	rules.v = calloc(d->n + 1, sizeof(*rules.v));
	dirs.v = calloc(d->n + 1, sizeof(*dirs.v));
	files.v = calloc(d->n + 1, sizeof(*files.v));
	if (!rules.v || !dirs.v || !files.v) {
		b->oom = 1;
		goto out;
	}
	for (i = 0; i < d->n; i++) {
		const struct kc_finding *f = d->v[i];
		const char *id = kc_rule_info(f->rule)->id;

		count_add(&rules, id, strlen(id), f->rule);
		count_add(&dirs, f->loc.file, dir_len(f->loc.file), -1);
		count_add(&files, f->loc.file, strlen(f->loc.file), -1);
	}
	hb_puts(b, "<section id=\"summary\"><h2>Findings by rule, directory and file</h2>\n"
		"<div class=\"summaries\">\n");
	count_table(b, &rules, "by-rule", "By rule", "rule", "rule", 0);
	count_table(b, &dirs, "by-dir", "By directory", "directory", "path",
		    pre);
	count_table(b, &files, "by-file", "By file", "file", "path", pre);
	hb_puts(b, "</div></section>\n");
out:
	free(rules.v);
	free(dirs.v);
	free(files.v);
}

static void acc_row(struct html_buf *b, const char *key, const char *label,
		    json_object *acc)
{
	json_object *v = html_jget(acc, key);

	hb_printf(b, "<tr><th scope=\"row\">%s</th><td class=\"num\" id=\"acc-%s\"",
		  label, key);
	if (!v && acc)  /* counters are written when non-zero */
		hb_puts(b, " data-count=\"0\">0</td></tr>\n");
	else if (v && json_object_is_type(v, json_type_int))
		hb_printf(b, " data-count=\"%lld\">%lld</td></tr>\n",
			  (long long)json_object_get_int64(v),
			  (long long)json_object_get_int64(v));
	else
		hb_puts(b, ">not recorded</td></tr>\n");
}

static void accounting(struct html_buf *b, const struct html_ctx *c)
{
	json_object *acc = html_jget(c->doc, "accounting");
	json_object *notes = html_jget(c->doc, "notifications"), *n;
	size_t i;

	hb_puts(b, "<section id=\"run\"><h2>The run</h2>\n<table class=\"kv\" id=\"accounting\">\n");
	acc_row(b, "tu_total", "files in the run", acc);
	acc_row(b, "tu_parsed", "parsed", acc);
	acc_row(b, "tu_parsed_with_errors", "parsed with errors", acc);
	acc_row(b, "tu_failed", "failed to parse", acc);
	acc_row(b, "tu_prefiltered", "prefiltered (not parsed: nothing to check)", acc);
	acc_row(b, "tu_skipped", "skipped (excluded by the configuration, unchanged)", acc);
	acc_row(b, "findings", "findings", acc);
	acc_row(b, "suppressed_inline", "suppressed by comments", acc);
	acc_row(b, "suppressed_baseline", "known in the baseline", acc);
	acc_row(b, "baseline_fixed", "baseline entries fixed", acc);
	hb_puts(b, "</table>\n");
	if (notes && json_object_is_type(notes, json_type_array) &&
	    json_object_array_length(notes)) {
		hb_puts(b, "<h3>Files with problems</h3>\n<ul class=\"notes\">\n");
		for (i = 0; i < json_object_array_length(notes); i++) {
			n = json_object_array_get_idx(notes, i);
			hb_puts(b, "<li class=\"sev-");
			hb_esc(b, html_jstr(n, "level"));
			hb_puts(b, "\"><code>");
			hb_esc(b, html_jstr(n, "file"));
			if (html_jint(n, "line"))
				hb_printf(b, ":%lld", html_jint(n, "line"));
			hb_puts(b, "</code>: ");
			hb_esc(b, html_jstr(n, "level"));
			hb_puts(b, ": ");
			hb_esc(b, html_jstr(n, "message"));
			hb_puts(b, "</li>\n");
		}
		hb_puts(b, "</ul>\n");
	}
	hb_puts(b, "</section>\n");
}

static void filters(struct html_buf *b, const struct kc_diag *d)
{
	int r;

	hb_puts(b, "<form id=\"filters\" hidden>\n"
		"<label>Rule <select name=\"rule\" id=\"f-rule\"><option value=\"\">all</option>");
	for (r = 0; r < KC_RULE_COUNT; r++) {
		size_t i;

		for (i = 0; i < d->n && d->v[i]->rule != r; i++)
			;
		if (i == d->n)
			continue;
		hb_puts(b, "<option>");
		hb_esc(b, kc_rule_info(r)->id);
		hb_puts(b, "</option>");
	}
	hb_puts(b, "</select></label>\n"
		"<label>Severity <select name=\"sev\" id=\"f-sev\"><option value=\"\">all</option>"
		"<option>error</option><option>warning</option><option>note</option></select></label>\n"
		"<label>Path <input type=\"search\" name=\"path\" id=\"f-path\" placeholder=\"drivers/net/\"></label>\n"
		"<label>Search <input type=\"search\" name=\"q\" id=\"f-q\" placeholder=\"message, function\"></label>\n"
		"</form>\n");
}

static void findings_table(struct html_buf *b, const struct kc_diag *d,
			   size_t pre)
{
	size_t i;

	hb_printf(b, "<section id=\"list\"><h2>Findings</h2>\n");
	filters(b, d);
	hb_printf(b, "<p class=\"shown\"><span id=\"shown\">%zu</span> of "
		  "<span id=\"total\">%zu</span> findings shown</p>\n",
		  d->n, d->n);
	if (!d->n) {
		hb_puts(b, "<p>No findings.</p>\n");
	}
	hb_puts(b, "<table id=\"findings\"><thead><tr>"
		"<th scope=\"col\" data-key=\"idx\"><button type=\"button\">#</button></th>"
		"<th scope=\"col\" data-key=\"sevn\"><button type=\"button\">severity</button></th>"
		"<th scope=\"col\" data-key=\"rule\"><button type=\"button\">rule</button></th>"
		"<th scope=\"col\" data-key=\"loc\"><button type=\"button\">location</button></th>"
		"<th scope=\"col\" data-key=\"func\"><button type=\"button\">function</button></th>"
		"<th scope=\"col\" data-key=\"msg\"><button type=\"button\">message</button></th>"
		"</tr></thead>\n<tbody>\n");
	for (i = 0; i < d->n; i++) {
		const struct kc_finding *f = d->v[i];
		const char *sev = kc_severity_name(f->severity);
		const char *id = kc_rule_info(f->rule)->id;

		hb_printf(b, "<tr data-idx=\"%zu\" data-sev=\"%s\" data-sevn=\"%d\" data-rule=\"",
			  i + 1, sev, 2 - f->severity);
		hb_esc(b, id);
		hb_puts(b, "\" data-file=\"");
		hb_esc(b, f->loc.file);
		hb_printf(b, "\" data-line=\"%u\">", f->loc.line);
		hb_printf(b, "<td class=\"num\">%zu</td><td><span class=\"sev sev-%s\">%s</span></td><td>",
			  i + 1, sev, sev);
		hb_esc(b, id);
		hb_printf(b, "</td><td class=\"loc\"><a href=\"f/%zu.html\">", i + 1);
		hb_esc(b, f->loc.file + pre);
		hb_printf(b, ":%u:%u</a></td><td><code>", f->loc.line, f->loc.col);
		hb_esc(b, f->function ? f->function : "");
		hb_puts(b, "</code></td><td class=\"msg\">");
		hb_esc(b, f->message);
		hb_puts(b, "</td></tr>\n");
	}
	hb_puts(b, "</tbody></table></section>\n");
}

static void suppressed(struct html_buf *b, json_object *doc)
{
	json_object *arr = html_jget(doc, "suppressed");
	size_t i, n;

	if (!arr || !json_object_is_type(arr, json_type_array))
		return;
	n = json_object_array_length(arr);
	if (!n)
		return;
	hb_printf(b, "<section id=\"suppressed\"><h2>Suppressed (%zu)</h2>\n<ul>\n", n);
	for (i = 0; i < n; i++) {
		json_object *s = json_object_array_get_idx(arr, i);
		json_object *f = html_jget(s, "finding");

		hb_puts(b, "<li><code>");
		hb_esc(b, html_jstr(f, "file"));
		hb_printf(b, ":%lld</code> [", html_jint(f, "line"));
		hb_esc(b, html_jstr(f, "rule"));
		hb_puts(b, "] ");
		hb_esc(b, html_jstr(f, "message"));
		hb_puts(b, " &mdash; ");
		hb_esc(b, html_jstr(s, "kind"));
		if (html_jstr(s, "reason")) {
			hb_puts(b, ": ");
			hb_esc(b, html_jstr(s, "reason"));
		}
		hb_puts(b, "</li>\n");
	}
	hb_puts(b, "</ul></section>\n");
}

void html_index(struct html_buf *b, const struct html_ctx *c)
{
	json_object *tool = html_jget(c->doc, "tool");
	size_t pre = common_dir(c->d);

	html_page_head(b, "ksizecheck report", "style.css");
	hb_puts(b, "<header><h1>ksizecheck report</h1>\n<p class=\"meta\">");
	hb_esc(b, c->o->origin ? c->o->origin : "this run");
	hb_puts(b, " &middot; ksizecheck ");
	hb_esc(b, html_jstr(tool, "version") ? html_jstr(tool, "version") :
	       KC_VERSION);
	if (html_jstr(c->doc, "config")) {
		hb_puts(b, " &middot; slab configuration <code>");
		hb_esc(b, html_jstr(c->doc, "config"));
		hb_puts(b, "</code>");
	}
	if (html_jstr(c->doc, "command_line")) {
		hb_puts(b, " &middot; <code>");
		hb_esc(b, html_jstr(c->doc, "command_line"));
		hb_puts(b, "</code>");
	}
	hb_puts(b, "</p></header>\n<main>\n");
	accounting(b, c);
	if (pre) {
		hb_puts(b, "<p class=\"meta\" id=\"common-dir\">Paths below are relative to <code>");
		hb_escn(b, c->d->v[0]->loc.file, pre);
		hb_puts(b, "</code>.</p>\n");
	}
	summaries(b, c->d, pre);
	findings_table(b, c->d, pre);
	suppressed(b, c->doc);
	hb_puts(b, "</main>\n<script src=\"report.js\"></script>\n");
	html_page_foot(b);
}
