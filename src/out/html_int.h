/* html_int.h - internal to the HTML report (src/out/html*.c): the page
 * buffer with HTML escaping, the page frame, and the pieces each file
 * renders. Not a public API; html.h is.
 */
#ifndef KC_OUT_HTML_INT_H
#define KC_OUT_HTML_INT_H

#include <stddef.h>

#include <json-c/json.h>

#include "diag/diag.h"
#include "out/html.h"
#include "util/strbuf.h"

/* A page being built. Appends never fail: an allocation failure sets oom
 * and later appends are dropped; html_page_save() reports it. */
struct html_buf {
	struct kc_strbuf sb;
	int oom;
};

void hb_init(struct html_buf *b);
void hb_release(struct html_buf *b);
/* Appends s as is (markup the report itself writes). */
void hb_puts(struct html_buf *b, const char *s);
void hb_printf(struct html_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends text escaped for an element or a quoted attribute: & < > " '
 * become entities. Everything from sources, paths, messages and the JSON
 * goes through these. */
void hb_esc(struct html_buf *b, const char *s);
void hb_escn(struct html_buf *b, const char *s, size_t n);

/* <!DOCTYPE html> ... <body>, with the stylesheet at css (relative URL). */
void html_page_head(struct html_buf *b, const char *title, const char *css);
void html_page_foot(struct html_buf *b);
/* Writes b to dir/name as UTF-8 (invalid bytes become U+FFFD). Returns 0,
 * -KC_ENOMEM (b->oom) or -KC_EIO with err. */
int html_page_save(const struct html_buf *b, const char *dir,
		   const char *name, struct kc_err *err);

/* JSON document accessors: NULL / 0 when absent or of another type. */
json_object *html_jget(json_object *o, const char *key);
const char *html_jstr(json_object *o, const char *key);
long long html_jint(json_object *o, const char *key);

/* The assets (html_asset.c), written to DIR as style.css and report.js. */
extern const char html_css[];
extern const char html_js[];

struct slab_model;
struct out_src_cache;

/* What the pages of one report share. */
struct html_ctx {
	const struct out_html_opts *o;
	const struct kc_diag *d;
	json_object *doc;
	struct slab_model *model;     /* NULL: no presets table */
	struct out_src_cache *src;    /* source files, each read once */
};

/* index.html (html_index.c). */
void html_index(struct html_buf *b, const struct html_ctx *c);
/* f/N.html for finding i (html_finding.c). */
void html_finding(struct html_buf *b, const struct html_ctx *c, size_t i);
/* The object picture and the per-preset verdicts (html_svg.c); nothing
 * when f has no slab numbers. */
void html_slab_svg(struct html_buf *b, const struct kc_finding *f,
		   const struct slab_model *m);
void html_slab_presets(struct html_buf *b, const struct kc_finding *f,
		       const struct slab_model *m);

/* Path of a rule's documentation page (OUT_RULE_DOC_URI + id + ".md"). */
void html_rule_link(struct html_buf *b, int rule);

#endif
