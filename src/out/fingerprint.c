/* fingerprint.c - stable finding fingerprints and path normalization.
 *
 * A fingerprint must survive unrelated edits (lines added above, the file
 * re-indented) but change when the code of the finding changes. So it
 * hashes what the finding is about, never where it is: the rule id, the
 * enclosing function, and the normalized text (comments and whitespace
 * runs dropped) of the finding's line and of the lines its allocation,
 * ksize and free notes point at. Two identical findings in one file get
 * ":0", ":1", ... in source order.
 */
#include "out/output.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out/srcfile.h"

const char *out_rel_path(const char *path, char *buf, size_t size)
{
	char cwd[PATH_MAX], real[PATH_MAX];
	size_t n;

	snprintf(buf, size, "%s", path);
	if (!getcwd(cwd, sizeof(cwd)) || !realpath(path, real))
		return buf;
	n = strlen(cwd);
	if (!strncmp(real, cwd, n) && real[n] == '/')
		snprintf(buf, size, "%s", real + n + 1);
	else if (path[0] == '/')
		snprintf(buf, size, "%s", real);
	return buf;
}

static int is_evidence(const char *kind)
{
	return kind && (!strcmp(kind, "allocation") || !strcmp(kind, "ksize") ||
			!strcmp(kind, "free"));
}

/* Hashes the normalized text of file:line; 0 when it cannot be read. */
static int hash_line(struct out_src_cache *c, const char *file, unsigned line,
		     unsigned long long *h)
{
	const struct out_src *s = out_src_get(c, file);
	char norm[1024];
	const char *p;
	size_t len;
	int in_comment = 0;

	if (!s)
		return -1;
	p = out_src_line(s, line, &len);
	if (!p)
		return 0;
	len = out_normalize_line(p, len, norm, sizeof(norm), &in_comment);
	*h = out_fnv1a(*h, norm, len + 1);
	return 1;
}

static unsigned long long hash_message(unsigned long long h, const char *m)
{
	for (; m && *m; m++)
		if (*m < '0' || *m > '9')
			h = out_fnv1a(h, m, 1);
	return h;
}

static int fingerprint_one(struct out_src_cache *c, const struct kc_finding *f,
			   unsigned long long *out)
{
	const char *id = kc_rule_info(f->rule)->id;
	unsigned long long h = OUT_FNV_INIT;
	unsigned i;
	int r;

	h = out_fnv1a(h, id, strlen(id) + 1);
	if (f->function)
		h = out_fnv1a(h, f->function, strlen(f->function));
	h = out_fnv1a(h, "", 1);
	r = hash_line(c, f->loc.file, f->loc.line, &h);
	if (r < 0)
		return -KC_ENOMEM;
	if (!r)
		h = hash_message(h, f->message);
	for (i = 0; i < f->nnotes; i++) {
		const struct kc_note *n = &f->notes[i];

		if (!is_evidence(n->kind))
			continue;
		h = out_fnv1a(h, n->kind, strlen(n->kind) + 1);
		if (hash_line(c, n->loc.file, n->loc.line, &h) < 0)
			return -KC_ENOMEM;
	}
	*out = h;
	return 0;
}

int out_fingerprint_all(struct kc_diag *d, struct kc_err *err)
{
	struct out_src_cache cache;
	unsigned long long *h;
	size_t i, j;
	int ret = 0;

	if (!d->n)
		return 0;
	h = calloc(d->n, sizeof(*h));
	if (!h)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	out_src_cache_init(&cache);
	for (i = 0; i < d->n && !ret; i++)
		ret = fingerprint_one(&cache, d->v[i], &h[i]);
	for (i = 0; i < d->n && !ret; i++) {
		struct kc_finding *f = d->v[i];
		unsigned occ = 0;

		if (f->fingerprint)
			continue;
		for (j = 0; j < i; j++)
			if (h[j] == h[i] &&
			    !strcmp(d->v[j]->loc.file, f->loc.file))
				occ++;
		f->fingerprint = kc_arena_printf(&d->arena, "%016llx:%u",
						 h[i], occ);
		if (!f->fingerprint)
			ret = -KC_ENOMEM;
	}
	out_src_cache_release(&cache);
	free(h);
	if (ret)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	return 0;
}
