/* tbl.c - rules/ *.tbl reader (see tbl.h). */
#include "util/tbl.h"
#include "util/strbuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int kc_tbl_field_err(const struct kc_tbl_rec *rec, int i, struct kc_err *err,
		     const char *fmt, ...)
{
	va_list ap;
	unsigned col = (i >= 0 && i < rec->nfields) ? rec->col[i] : 1;

	va_start(ap, fmt);
	kc_err_vset(err, KC_EPARSE, rec->file, rec->line, col, fmt, ap);
	va_end(ap);
	return -KC_EPARSE;
}

int kc_tbl_field_u64(const struct kc_tbl_rec *rec, int i,
		     unsigned long long *out, struct kc_err *err)
{
	const char *s;
	char *end;
	unsigned long long v;

	if (i >= rec->nfields)
		return kc_tbl_field_err(rec, rec->nfields - 1, err,
					"missing field %d", i + 1);
	s = rec->field[i];
	if (*s < '0' || *s > '9')
		return kc_tbl_field_err(rec, i, err,
					"'%s' is not a number", s);
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno)
		return kc_tbl_field_err(rec, i, err, "'%s' is out of range",
					s);
	if (*end == 'K' || *end == 'M' || *end == 'G') {
		int sh = *end == 'K' ? 10 : *end == 'M' ? 20 : 30;

		if (v > (~0ULL >> sh))
			return kc_tbl_field_err(rec, i, err,
						"'%s' is out of range", s);
		v <<= sh;
		end++;
	}
	if (*end)
		return kc_tbl_field_err(rec, i, err,
					"'%s' is not a number", s);
	*out = v;
	return 0;
}

int kc_tbl_parse(const char *name, const char *text, kc_tbl_fn fn, void *data,
		 struct kc_err *err)
{
	struct kc_tbl_rec rec;
	const char *p = text;
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	int ret = 0;

	memset(&rec, 0, sizeof(rec));
	rec.file = name;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		char *q;

		lineno++;
		if (len + 1 > cap) {
			char *nl = realloc(line, len + 1);

			if (!nl) {
				ret = kc_err_set(err, KC_ENOMEM, name, lineno,
						 0, "out of memory");
				break;
			}
			line = nl;
			cap = len + 1;
		}
		memcpy(line, p, len);
		line[len] = '\0';
		if (len && line[len - 1] == '\r')
			line[len - 1] = '\0';
		p = eol ? eol + 1 : p + len;

		rec.line = lineno;
		rec.nfields = 0;
		q = line;
		for (;;) {
			while (*q == ' ' || *q == '\t')
				q++;
			if (!*q || *q == '#')
				break;
			if (rec.nfields == KC_TBL_MAX_FIELDS) {
				ret = kc_err_set(err, KC_EPARSE, name, lineno,
						 (unsigned)(q - line) + 1,
						 "too many fields (at most %d)",
						 KC_TBL_MAX_FIELDS);
				goto out;
			}
			rec.col[rec.nfields] = (unsigned)(q - line) + 1;
			if (*q == '"') {
				char *close = strchr(q + 1, '"');

				if (!close) {
					ret = kc_err_set(err, KC_EPARSE, name,
							 lineno,
							 (unsigned)(q - line) + 1,
							 "unterminated quote");
					goto out;
				}
				rec.field[rec.nfields++] = q + 1;
				*close = '\0';
				q = close + 1;
				continue;
			}
			rec.field[rec.nfields++] = q;
			while (*q && *q != ' ' && *q != '\t' && *q != '#')
				q++;
			if (*q == '#') {
				*q = '\0';
				break;
			}
			if (*q)
				*q++ = '\0';
		}
		if (!rec.nfields)
			continue;
		ret = fn(&rec, data, err);
		if (ret)
			break;
	}
out:
	free(line);
	return ret;
}

int kc_tbl_read(const char *path, kc_tbl_fn fn, void *data,
		struct kc_err *err)
{
	struct kc_strbuf sb = KC_STRBUF_INIT;
	int ret;

	if (kc_strbuf_read_file(&sb, path)) {
		ret = kc_err_set(err, KC_EIO, path, 0, 0, "cannot read: %s",
				 strerror(errno));
		kc_strbuf_release(&sb);
		return ret;
	}
	if (memchr(sb.buf, '\0', sb.len)) {
		kc_strbuf_release(&sb);
		return kc_err_set(err, KC_EPARSE, path, 0, 0,
				  "binary data in a rules file");
	}
	ret = kc_tbl_parse(path, sb.buf, fn, data, err);
	kc_strbuf_release(&sb);
	return ret;
}
