/* srcfile.c - source file cache and line normalization (srcfile.h). */
#include "out/srcfile.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

void out_src_cache_init(struct out_src_cache *c)
{
	memset(c, 0, sizeof(*c));
}

void out_src_cache_release(struct out_src_cache *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].path);
		free(c->v[i].text);
		free(c->v[i].line_off);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

static int src_index(struct out_src *s)
{
	size_t cap = 256, i;
	size_t *off = malloc(cap * sizeof(*off));

	if (!off)
		return -1;
	s->nlines = 0;
	off[s->nlines++] = 0;
	for (i = 0; s->text[i]; i++) {
		if (s->text[i] != '\n' || !s->text[i + 1])
			continue;
		if (s->nlines == cap) {
			size_t *n = realloc(off, 2 * cap * sizeof(*off));

			if (!n) {
				free(off);
				return -1;
			}
			off = n;
			cap *= 2;
		}
		off[s->nlines++] = i + 1;
	}
	s->line_off = off;
	return 0;
}

const struct out_src *out_src_get(struct out_src_cache *c, const char *path)
{
	struct kc_strbuf sb = KC_STRBUF_INIT;
	struct out_src *s;
	size_t i;

	for (i = c->n; i-- > 0;)
		if (!strcmp(c->v[i].path, path))
			return &c->v[i];
	if (c->n == c->cap) {
		size_t ncap = c->cap ? 2 * c->cap : 16;
		struct out_src *nv = realloc(c->v, ncap * sizeof(*nv));

		if (!nv)
			return NULL;
		c->v = nv;
		c->cap = ncap;
	}
	s = &c->v[c->n];
	memset(s, 0, sizeof(*s));
	s->path = strdup(path);
	if (!s->path)
		return NULL;
	if (!kc_strbuf_read_file(&sb, path)) {
		s->text = kc_strbuf_detach(&sb);
		if (!s->text || src_index(s)) {
			free(s->text);
			free(s->path);
			return NULL;
		}
	} else {
		kc_strbuf_release(&sb);
	}
	c->n++;
	return s;
}

const char *out_src_line(const struct out_src *s, unsigned line, size_t *len)
{
	const char *p, *e;

	if (!s->text || !line || line > s->nlines)
		return NULL;
	p = s->text + s->line_off[line - 1];
	e = strchr(p, '\n');
	if (!e)
		e = p + strlen(p);
	*len = (size_t)(e - p);
	if (*len && p[*len - 1] == '\r')
		(*len)--;
	return p;
}

static int is_word(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '_';
}

static void put(char *dst, size_t size, size_t *n, char ch)
{
	if (*n + 1 < size)
		dst[(*n)++] = ch;
}

size_t out_normalize_line(const char *p, size_t len, char *dst, size_t size,
			  int *in_comment)
{
	size_t i = 0, n = 0;
	int blank = 0;

	if (!size)
		return 0;
	while (i < len) {
		char ch = p[i];

		if (*in_comment) {
			if (ch == '*' && i + 1 < len && p[i + 1] == '/') {
				*in_comment = 0;
				i += 2;
				blank = 1;
			} else {
				i++;
			}
			continue;
		}
		if (ch == '/' && i + 1 < len && p[i + 1] == '*') {
			*in_comment = 1;
			i += 2;
			continue;
		}
		if (ch == '/' && i + 1 < len && p[i + 1] == '/')
			break;
		if (ch == ' ' || ch == '\t' || ch == '\f' || ch == '\v' ||
		    ch == '\r') {
			blank = 1;
			i++;
			continue;
		}
		if (blank && n && is_word(dst[n - 1]) && is_word(ch))
			put(dst, size, &n, ' ');
		blank = 0;
		if (ch == '"' || ch == '\'') {
			char q = ch;

			put(dst, size, &n, p[i++]);
			while (i < len && p[i] != q) {
				if (p[i] == '\\' && i + 1 < len)
					put(dst, size, &n, p[i++]);
				put(dst, size, &n, p[i++]);
			}
			if (i < len)
				put(dst, size, &n, p[i++]);
			continue;
		}
		put(dst, size, &n, ch);
		i++;
	}
	dst[n] = '\0';
	return n;
}

unsigned long long out_fnv1a(unsigned long long h, const void *p, size_t len)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= b[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}
