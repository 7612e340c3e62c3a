/* html_page.c - the page buffer, HTML escaping and the page frame of the
 * HTML report (html_int.h).
 */
#include "out/html_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/jsonfile.h"
#include "out/output.h"

void hb_init(struct html_buf *b)
{
	kc_strbuf_init(&b->sb);
	b->oom = 0;
}

void hb_release(struct html_buf *b)
{
	kc_strbuf_release(&b->sb);
}

void hb_puts(struct html_buf *b, const char *s)
{
	if (!b->oom && kc_strbuf_adds(&b->sb, s))
		b->oom = 1;
}

void hb_printf(struct html_buf *b, const char *fmt, ...)
{
	va_list ap;

	if (b->oom)
		return;
	va_start(ap, fmt);
	if (kc_strbuf_vaddf(&b->sb, fmt, ap))
		b->oom = 1;
	va_end(ap);
}

void hb_escn(struct html_buf *b, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n && !b->oom; i++) {
		const char *ent;

		switch (s[i]) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		case '\0': ent = "\xef\xbf\xbd"; break;
		default: continue;
		}
		if (kc_strbuf_add(&b->sb, s + start, i - start) ||
		    kc_strbuf_adds(&b->sb, ent))
			b->oom = 1;
		start = i + 1;
	}
	if (!b->oom && kc_strbuf_add(&b->sb, s + start, n - start))
		b->oom = 1;
}

void hb_esc(struct html_buf *b, const char *s)
{
	if (s)
		hb_escn(b, s, strlen(s));
}

void html_page_head(struct html_buf *b, const char *title, const char *css)
{
	hb_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		"<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<title>");
	hb_esc(b, title);
	hb_puts(b, "</title>\n<link rel=\"stylesheet\" href=\"");
	hb_esc(b, css);
	hb_puts(b, "\">\n</head>\n<body>\n");
}

void html_page_foot(struct html_buf *b)
{
	hb_puts(b, "<footer>ksizecheck " KC_VERSION
		" &middot; <a href=\"" OUT_INFORMATION_URI "\">"
		OUT_INFORMATION_URI "</a></footer>\n</body>\n</html>\n");
}

int html_page_save(const struct html_buf *b, const char *dir,
		   const char *name, struct kc_err *err)
{
	char path[4096];
	FILE *f;

	if (b->oom)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path))
		return kc_err_set(err, KC_EIO, NULL, 0, 0,
				  "path too long: '%s/%s'", dir, name);
	f = fopen(path, "w");
	if (!f)
		return kc_err_set(err, KC_EIO, NULL, 0, 0,
				  "cannot write '%s': %s", path,
				  strerror(errno));
	out_utf8_fputs(b->sb.buf, f);
	if (ferror(f) | fclose(f))
		return kc_err_set(err, KC_EIO, NULL, 0, 0,
				  "cannot write '%s': %s", path,
				  strerror(errno));
	return 0;
}

json_object *html_jget(json_object *o, const char *key)
{
	json_object *v = NULL;

	if (!o || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v))
		return NULL;
	return v;
}

const char *html_jstr(json_object *o, const char *key)
{
	json_object *v = html_jget(o, key);

	return v && json_object_is_type(v, json_type_string) ?
	       json_object_get_string(v) : NULL;
}

long long html_jint(json_object *o, const char *key)
{
	json_object *v = html_jget(o, key);

	return v && json_object_is_type(v, json_type_int) ?
	       json_object_get_int64(v) : 0;
}

void html_rule_link(struct html_buf *b, int rule)
{
	const struct kc_rule_info *r = kc_rule_info(rule);

	if (!r)
		return;
	hb_puts(b, "<a class=\"rule\" href=\"" OUT_RULE_DOC_URI);
	hb_esc(b, r->id);
	hb_puts(b, ".md\">");
	hb_esc(b, r->id);
	hb_puts(b, "</a>");
}
