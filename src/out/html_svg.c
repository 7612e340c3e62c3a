/* html_svg.c - the object picture of a slack or overflow finding and its
 * verdict under each slab preset of the kernel version it was judged for.
 *
 * The picture is drawn to scale from the finding's slab numbers (the JSON
 * "slab" object): the requested size, the slack up to the bucket end, and
 * the access range split into the bytes inside the request, inside the
 * slack and past the bucket (the overflow: its own colour, a hatch and a
 * text label, never colour alone). Each number drawn is also a text label
 * carrying data-k/data-v attributes, which the browser test compares with
 * the JSON. When the request or the access is not a constant the picture
 * is a schematic and says so.
 */
#include "out/html_int.h"

#include <string.h>

#include "model/slab.h"

#define BIG (1ULL << 40)   /* above: not a size to draw */
#define X0 16.0
#define WIDTH 700.0
#define PL(n) ((n) == 1 ? "" : "s")

struct geom {
	unsigned long long req_lo, req, bucket, start, end;
	double scale;
};

static double px(const struct geom *g, unsigned long long v)
{
	return X0 + (double)v * g->scale;
}

/* The fills of the slack (dots) and of the overflow (hatch). */
static const char defs[] =
	"<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
	"<rect width=\"6\" height=\"6\" class=\"ov-bg\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"ov-line\"/></pattern>"
	"<pattern id=\"dots\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
	"<rect width=\"6\" height=\"6\" class=\"sl-bg\"/><circle cx=\"3\" cy=\"3\" r=\"1\" class=\"sl-dot\"/></pattern></defs>\n";

static int drawable(const struct kc_slab_numbers *n)
{
	return n->req_hi < BIG && n->bucket_hi > 0 && n->bucket_hi < BIG &&
	       n->acc_off_lo >= 0 && n->acc_off_hi >= n->acc_off_lo &&
	       (unsigned long long)n->acc_off_hi < BIG && n->acc_len_hi < BIG;
}

static const struct slab_config *config_of(const struct slab_model *m,
					   const char *name)
{
	size_t i;

	if (!m || !name)
		return NULL;
	for (i = 0; i < slab_model_count(m); i++) {
		const struct slab_config *c = slab_model_get(m, i);

		if (!strcmp(slab_config_label(c), name) ||
		    !strcmp(slab_config_id(c), name))
			return c;
	}
	return NULL;
}

static void rect(struct html_buf *b, const struct geom *g,
		 unsigned long long lo, unsigned long long hi, double y,
		 double h, const char *cls)
{
	double w;

	if (hi <= lo)
		return;
	w = px(g, hi) - px(g, lo);
	hb_printf(b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n",
		  cls, px(g, lo), y, w < 3 ? 3 : w, h);
}

/* A key line: a swatch of class cls, then the text; k and v for tests. */
static void key(struct html_buf *b, double y, const char *cls,
		const char *k, unsigned long long v, const char *text)
{
	hb_printf(b, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\"/>\n",
		  cls, X0, y - 11);
	hb_printf(b, "<text class=\"lbl\" x=\"%.1f\" y=\"%.1f\" data-k=\"%s\" data-v=\"%llu\">",
		  X0 + 22, y, k, v);
	hb_esc(b, text);
	hb_puts(b, "</text>\n");
}

static void tick(struct html_buf *b, const struct geom *g,
		 unsigned long long v, double y, int row)
{
	hb_printf(b, "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
		  px(g, v), y, px(g, v), y + 6 + 14.0 * row);
	hb_printf(b, "<text class=\"tk\" x=\"%.1f\" y=\"%.1f\">%llu</text>\n",
		  px(g, v), y + 18 + 14.0 * row, v);
}

static void to_scale(struct html_buf *b, const struct kc_finding *f,
		     const struct slab_config *c)
{
	const struct kc_slab_numbers *n = &f->slab;
	struct geom g;
	unsigned long long max, in_end, sl_lo, sl_end, ov_lo;
	char text[256], bname[64] = "";
	double y;

	g.req_lo = n->req_lo;
	g.req = n->req_hi;
	g.bucket = n->bucket_hi;
	g.start = (unsigned long long)n->acc_off_lo;
	g.end = (unsigned long long)n->acc_off_hi + n->acc_len_hi;
	max = g.bucket > g.end ? g.bucket : g.end;
	max = max > g.req ? max : g.req;
	g.scale = WIDTH / (double)(max ? max : 1);
	if (c)
		slab_bucket_name(c, g.bucket, bname, sizeof(bname));
	in_end = g.end < g.req ? g.end : g.req;
	sl_lo = g.start > g.req ? g.start : g.req;
	sl_end = g.end < g.bucket ? g.end : g.bucket;
	ov_lo = g.start > g.bucket ? g.start : g.bucket;

	hb_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"obj\" viewBox=\"0 0 %.0f %d\" "
		  "role=\"img\" "
		  "aria-label=\"The object to scale: requested size, slack, bucket end and the access\">\n"
		  "%s", X0 * 2 + WIDTH + 40, 280, defs);
	hb_puts(b, "<text class=\"row\" x=\"16\" y=\"14\">object</text>\n");
	rect(b, &g, 0, g.req, 20, 30, "req");
	if (g.req_lo < g.req)
		rect(b, &g, g.req_lo, g.req, 20, 30, "req-var");
	rect(b, &g, g.req, g.bucket, 20, 30, "slack");
	hb_printf(b, "<line class=\"bend\" x1=\"%.1f\" y1=\"16\" x2=\"%.1f\" y2=\"110\"/>\n",
		  px(&g, g.bucket), px(&g, g.bucket));
	hb_puts(b, "<text class=\"row\" x=\"16\" y=\"68\">access</text>\n");
	if (g.end > g.start) {
		rect(b, &g, g.start, in_end, 74, 20, "acc-in");
		rect(b, &g, sl_lo, sl_end, 74, 20, "acc-slack");
		rect(b, &g, ov_lo, g.end, 74, 20, "acc-over");
	}
	tick(b, &g, 0, 100, 0);
	if (g.req != g.bucket)
		tick(b, &g, g.req, 100, 1);
	tick(b, &g, g.bucket, 100, 0);
	if (g.end != g.bucket && g.end != g.req)
		tick(b, &g, g.end, 100, 2);
	if (g.start && g.start != g.req && g.start != g.bucket)
		tick(b, &g, g.start, 100, 3);

	y = 184;
	if (g.req_lo < g.req)
		snprintf(text, sizeof(text), "requested: %llu to %llu bytes%s%s",
			 g.req_lo, g.req, n->requested_expr ? " = " : "",
			 n->requested_expr ? n->requested_expr : "");
	else
		snprintf(text, sizeof(text), "requested: %llu byte%s%s%s", g.req, PL(g.req),
			 n->requested_expr ? " = " : "",
			 n->requested_expr ? n->requested_expr : "");
	key(b, y, "req", "requested", g.req, text);
	if (g.req >= g.bucket)
		snprintf(text, sizeof(text),
			 "slack: 0 bytes (the request fills the bucket)");
	else
		snprintf(text, sizeof(text),
			 "slack: %llu byte%s (offsets %llu to %llu), owned but not requested",
			 g.bucket - g.req, PL(g.bucket - g.req), g.req,
			 g.bucket - 1);
	key(b, y += 18, "slack", "slack", g.bucket - (g.req < g.bucket ? g.req : g.bucket), text);
	snprintf(text, sizeof(text), "bucket end: %llu%s%s%s (%s)", g.bucket,
		 bname[0] ? " (" : "", bname, bname[0] ? ")" : "",
		 n->config ? n->config : "judged configuration");
	key(b, y += 18, "bend-key", "bucket", g.bucket, text);
	if (n->acc_off_lo == n->acc_off_hi && n->acc_len_lo == n->acc_len_hi)
		snprintf(text, sizeof(text),
			 "access: %llu byte%s at offset %llu, ends at %llu",
			 n->acc_len_hi, PL(n->acc_len_hi), g.start, g.end);
	else if (n->acc_off_lo == n->acc_off_hi)
		snprintf(text, sizeof(text),
			 "access: %llu to %llu bytes at offset %llu, ends at up to %llu",
			 n->acc_len_lo, n->acc_len_hi, g.start, g.end);
	else
		snprintf(text, sizeof(text),
			 "access: offset %lld to %lld, length %llu to %llu, ends at up to %llu",
			 n->acc_off_lo, n->acc_off_hi, n->acc_len_lo,
			 n->acc_len_hi, g.end);
	key(b, y += 18, "acc-key", "access-end", g.end, text);
	if (g.end > g.bucket) {
		snprintf(text, sizeof(text),
			 "OVERFLOW: %llu byte%s past the bucket end (offsets %llu to %llu)",
			 g.end - ov_lo, PL(g.end - ov_lo), ov_lo, g.end - 1);
		key(b, y += 18, "acc-over", "overflow", g.end - ov_lo, text);
	} else if (g.end > g.req) {
		snprintf(text, sizeof(text),
			 "in the slack: %llu byte%s past the request, inside the bucket",
			 sl_end - sl_lo, PL(sl_end - sl_lo));
		key(b, y += 18, "acc-slack", "in-slack", sl_end - sl_lo, text);
	}
	hb_puts(b, "</svg>\n");
}

static void schematic(struct html_buf *b, const struct kc_finding *f)
{
	const struct kc_slab_numbers *n = &f->slab;
	int over = !strncmp(kc_rule_info(f->rule)->id, "overflow-", 9);

	hb_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"obj\" viewBox=\"0 0 760 170\" "
		  "role=\"img\" aria-label=\"The object, not to scale\">\n%s"
		  "<text class=\"row\" x=\"16\" y=\"14\">object (not to scale)</text>\n"
		  "<rect class=\"req\" x=\"16\" y=\"20\" width=\"360\" height=\"30\"/>\n"
		  "<rect class=\"slack\" x=\"376\" y=\"20\" width=\"160\" height=\"30\"/>\n"
		  "<line class=\"bend\" x1=\"536\" y1=\"16\" x2=\"536\" y2=\"84\"/>\n"
		  "<rect class=\"acc-in\" x=\"300\" y=\"60\" width=\"76\" height=\"20\"/>\n"
		  "<rect class=\"acc-slack\" x=\"376\" y=\"60\" width=\"160\" height=\"20\"/>\n",
		  defs);
	if (over)
		hb_puts(b, "<rect class=\"acc-over\" x=\"536\" y=\"60\" width=\"120\" height=\"20\"/>\n");
	hb_puts(b, "<text class=\"lbl\" x=\"16\" y=\"110\" data-k=\"schematic\" data-v=\"0\">requested: ");
	if (n->requested_expr) {
		hb_esc(b, n->requested_expr);
		hb_puts(b, ", ");
	}
	if (n->req_hi < BIG)
		hb_printf(b, "%llu to %llu bytes", n->req_lo, n->req_hi);
	else
		hb_puts(b, "not a constant");
	if (n->allocator) {
		hb_puts(b, ", from ");
		hb_esc(b, n->allocator);
		hb_puts(b, "()");
	}
	hb_printf(b, "</text>\n<text class=\"lbl\" x=\"16\" y=\"130\">%s",
		  over ? "OVERFLOW: the access (lower bar) ends past the bucket end" :
			 "the access (lower bar) ends past the request, inside the bucket (slack)");
	if (n->acc_len_lo == n->acc_len_hi)
		hb_printf(b, "; %llu byte%s accessed", n->acc_len_hi,
			  n->acc_len_hi == 1 ? " is" : "s are");
	hb_puts(b, "</text>\n<text class=\"lbl\" x=\"16\" y=\"150\">the message above gives the bounds that are known");
	if (n->config) {
		hb_puts(b, "; judged under ");
		hb_esc(b, n->config);
	}
	hb_puts(b, "</text>\n</svg>\n");
}

void html_slab_svg(struct html_buf *b, const struct kc_finding *f,
		   const struct slab_model *m)
{
	if (!f->slab.valid)
		return;
	hb_puts(b, "<section id=\"object\"><h2>The object</h2>\n");
	if (drawable(&f->slab))
		to_scale(b, f, config_of(m, f->slab.config));
	else
		schematic(b, f);
	hb_puts(b, "</section>\n");
}

void html_slab_presets(struct html_buf *b, const struct kc_finding *f,
		       const struct slab_model *m)
{
	const struct kc_slab_numbers *n = &f->slab;
	const struct slab_config *c = config_of(m, n->config);
	unsigned since, major, minor;
	unsigned long long off_lo, off_hi;
	size_t i;

	if (!n->valid)
		return;
	hb_puts(b, "<section id=\"presets\"><h2>Verdict under each slab preset</h2>\n");
	if (!c || n->req_hi >= BIG) {
		hb_puts(b, c ? "<p>The requested size is not a constant: the verdict is the same under every preset.</p>\n" :
			"<p>Not available: the slab model or the judged configuration is unknown here.</p>\n");
		hb_puts(b, "</section>\n");
		return;
	}
	since = slab_config_since(c);
	major = since / 1000;
	minor = since % 1000;
	off_lo = n->acc_off_lo < 0 ? 0 : (unsigned long long)n->acc_off_lo;
	off_hi = n->acc_off_hi < 0 ? 0 :
		 (unsigned long long)n->acc_off_hi >= BIG ? SLAB_UNBOUNDED :
		 (unsigned long long)n->acc_off_hi;
	hb_printf(b, "<p>The presets of kernel %u.%u; the finding was judged under <code>",
		  major, minor);
	hb_esc(b, slab_config_id(c));
	hb_puts(b, "</code>.</p>\n<table id=\"preset-table\"><thead><tr><th scope=\"col\">preset</th>"
		"<th scope=\"col\" class=\"num\">bucket</th><th scope=\"col\">cache</th>"
		"<th scope=\"col\">verdict</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < slab_model_count(m); i++) {
		const struct slab_config *p = slab_model_get(m, i);
		struct slab_judgement j;
		unsigned long long blo, bhi;
		char name[64];

		if (!slab_config_has_version(p, major, minor) ||
		    slab_judge(p, n->req_lo, n->req_hi, off_lo, off_hi,
			       n->acc_len_lo, n->acc_len_hi, &j) ||
		    slab_bucket_range(p, n->req_lo, n->req_hi, &blo, &bhi))
			continue;
		hb_printf(b, "<tr class=\"v-%s%s\"><td><code>", slab_verdict_name(j.verdict),
			  p == c ? " judged" : "");
		hb_esc(b, slab_config_id(p));
		hb_puts(b, "</code>");
		if (p == c)
			hb_puts(b, " (judged)");
		if (blo == bhi)
			hb_printf(b, "</td><td class=\"num\">%llu</td><td>", bhi);
		else
			hb_printf(b, "</td><td class=\"num\">%llu to %llu</td><td>", blo, bhi);
		hb_esc(b, slab_bucket_name(p, bhi, name, sizeof(name)));
		hb_printf(b, "</td><td>%s</td></tr>\n", slab_verdict_name(j.verdict));
	}
	hb_puts(b, "</tbody></table></section>\n");
}
