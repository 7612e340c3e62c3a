/* tulist.c - the list of translation units, shell-style splitting and
 * sharding. */
#include <stdlib.h>
#include <string.h>

#include "driver/genhdr.h"
#include "driver/run.h"
#include "util/strbuf.h"
#include "util/vec.h"

void kc_argv_free(char **argv)
{
	if (!argv)
		return;
	for (char **p = argv; *p; p++)
		free(*p);
	free(argv);
}

static int push_word(void *vec, struct kc_strbuf *w)
{
	KC_VEC(char *) *v = vec;
	char *s = kc_strbuf_detach(w);

	if (!s || KC_VEC_PUSH(v, s)) {
		free(s);
		return -1;
	}
	return 0;
}

char **kc_shell_split(const char *cmd, int seps, int *argc)
{
	KC_VEC(char *) v = { 0 };
	struct kc_strbuf w = KC_STRBUF_INIT;
	int in_word = 0;
	const char *p = cmd;

	*argc = 0;
	while (*p) {
		char c = *p;

		if (c == ' ' || c == '\t' || c == '\n') {
			if (in_word && push_word(&v, &w))
				goto fail;
			in_word = 0;
			p++;
		} else if (seps && (c == ';' || c == '&' || c == '|')) {
			if (in_word && push_word(&v, &w))
				goto fail;
			in_word = 0;
			if (kc_strbuf_addch(&w, c) || push_word(&v, &w))
				goto fail;
			p++;
		} else if (c == '\'') {
			const char *e = strchr(p + 1, '\'');

			if (!e)
				goto bad;
			if (kc_strbuf_add(&w, p + 1, (size_t)(e - p - 1)))
				goto fail;
			in_word = 1;
			p = e + 1;
		} else if (c == '"') {
			p++;
			while (*p && *p != '"') {
				if (*p == '\\' && p[1] &&
				    strchr("\\\"$`\n", p[1]))
					p++;
				if (kc_strbuf_addch(&w, *p++))
					goto fail;
			}
			if (!*p)
				goto bad;
			in_word = 1;
			p++;
		} else if (c == '\\' && p[1]) {
			if (kc_strbuf_addch(&w, p[1]))
				goto fail;
			in_word = 1;
			p += 2;
		} else {
			if (kc_strbuf_addch(&w, c))
				goto fail;
			in_word = 1;
			p++;
		}
	}
	if (in_word && push_word(&v, &w))
		goto fail;
	if (KC_VEC_PUSH(&v, NULL))
		goto fail;
	kc_strbuf_release(&w);
	*argc = (int)v.n - 1;
	return v.v;
bad:
	*argc = -1;
fail:
	kc_strbuf_release(&w);
	if (v.v) {
		for (size_t i = 0; i < v.n; i++)
			free(v.v[i]);
		free(v.v);
	}
	if (*argc != -1)
		*argc = 0;
	return NULL;
}

static unsigned long long hash_str(const char *s);

/* The list's copy of s (open addressing, load at most one half). */
static char *pool_intern(struct kc_tu_list *l, const char *s)
{
	size_t mask, i;

	if (2 * (l->npool + 1) > l->poolcap) {
		size_t nc = l->poolcap ? 2 * l->poolcap : 1024;
		char **np = calloc(nc, sizeof(*np));

		if (!np)
			return NULL;
		for (i = 0; i < l->poolcap; i++) {
			size_t j;

			if (!l->pool[i])
				continue;
			for (j = hash_str(l->pool[i]) & (nc - 1); np[j];
			     j = (j + 1) & (nc - 1))
				;
			np[j] = l->pool[i];
		}
		free(l->pool);
		l->pool = np;
		l->poolcap = nc;
	}
	mask = l->poolcap - 1;
	for (i = hash_str(s) & mask; l->pool[i]; i = (i + 1) & mask)
		if (!strcmp(l->pool[i], s))
			return l->pool[i];
	l->pool[i] = strdup(s);
	if (l->pool[i])
		l->npool++;
	return l->pool[i];
}

void kc_tu_free(struct kc_tu *tu)
{
	free(tu->file);
	free(tu->dir);
	free(tu->argv);
	tu->file = tu->dir = NULL;
	tu->argv = NULL;
}

int kc_tu_list_add(struct kc_tu_list *l, const char *dir, const char *file,
		   char *const *argv, int argc)
{
	struct kc_tu tu = { 0 };

	tu.file = strdup(file);
	tu.dir = dir ? strdup(dir) : NULL;
	tu.argv = calloc((size_t)argc + 1, sizeof(char *));
	if (!tu.file || (dir && !tu.dir) || !tu.argv)
		goto oom;
	for (int i = 0; i < argc; i++) {
		tu.argv[i] = pool_intern(l, argv[i]);
		if (!tu.argv[i])
			goto oom;
		tu.argc++;
	}
	if (KC_VEC_PUSH(l, tu))
		goto oom;
	return 0;
oom:
	kc_tu_free(&tu);
	return -KC_ENOMEM;
}

void kc_tu_list_release(struct kc_tu_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		kc_tu_free(&l->v[i]);
	KC_VEC_FREE(l);
	for (size_t i = 0; i < l->poolcap; i++)
		free(l->pool[i]);
	free(l->pool);
	l->pool = NULL;
	l->npool = l->poolcap = 0;
	kc_genhdr_free(l->gen);
	l->gen = NULL;
}

/* FNV-1a: stable across runs and machines */
static unsigned long long hash_str(const char *s)
{
	unsigned long long h = 1469598103934665603ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

void kc_tu_list_shard(struct kc_tu_list *l, unsigned index, unsigned count)
{
	size_t k = 0;

	if (count <= 1)
		return;
	for (size_t i = 0; i < l->n; i++) {
		if (hash_str(l->v[i].file) % count == index) {
			l->v[k++] = l->v[i];
			continue;
		}
		kc_tu_free(&l->v[i]);
	}
	l->n = k;
}
