/* slab_load.c - loading rules/slab/classes.tbl and presets.tbl into a
 * struct slab_model, with every bad row rejected at its file:line:col
 * (format in docs/model.md): the kernel version parser, the classes'
 * records, each preset's classes, and the model's release and kept
 * warnings; presets.tbl's records are read by slab_presets.c. */
#include "model/slab_int.h"
#include "util/tbl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int slab_parse_version(const char *s, unsigned *major, unsigned *minor)
{
	char *end;
	unsigned long a, b;

	if (!s || *s < '0' || *s > '9')
		return -KC_EUSAGE;
	errno = 0;
	a = strtoul(s, &end, 10);
	if (errno || *end != '.' || a == 0 || a > 99)
		return -KC_EUSAGE;
	s = end + 1;
	if (*s < '0' || *s > '9')
		return -KC_EUSAGE;
	b = strtoul(s, &end, 10);
	if (errno || b > 999)
		return -KC_EUSAGE;
	if (*end == '.') {
		s = end + 1;
		if (*s < '0' || *s > '9')
			return -KC_EUSAGE;
		strtoul(s, &end, 10);
	}
	if (*end)
		return -KC_EUSAGE;
	*major = (unsigned)a;
	*minor = (unsigned)b;
	return 0;
}

/* ---- loading ---- */

struct load_ctx {
	struct slab_model *m;
};

char *slab_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

static int classes_rec(const struct kc_tbl_rec *rec, void *data,
		       struct kc_err *err)
{
	struct slab_model *m = data;
	unsigned long long idx, size;
	size_t i, j;
	int ret;

	if (strcmp(rec->field[0], "class"))
		return kc_tbl_field_err(rec, 0, err,
					"unknown record '%s' (expected 'class')",
					rec->field[0]);
	if (rec->nfields != 3)
		return kc_tbl_field_err(rec, rec->nfields > 3 ? 3 : 0, err,
					"'class' takes INDEX SIZE");
	ret = kc_tbl_field_u64(rec, 1, &idx, err);
	if (ret)
		return ret;
	if (idx < 1 || idx > 31)
		return kc_tbl_field_err(rec, 1, err,
					"kmalloc index %llu is not in 1..31", idx);
	ret = kc_tbl_field_u64(rec, 2, &size, err);
	if (ret)
		return ret;
	if (size < 8 || size % 8)
		return kc_tbl_field_err(rec, 2, err,
					"class size %llu is not a multiple of 8",
					size);
	if (m->nclasses == SLAB_MAX_CLASSES)
		return kc_tbl_field_err(rec, 0, err, "too many classes");
	for (i = 0; i < m->nclasses; i++)
		if (m->classes[i] == size)
			return kc_tbl_field_err(rec, 2, err,
						"duplicate class size %llu",
						size);
	/* insertion sort by size */
	for (i = 0; i < m->nclasses && m->classes[i] < size; i++)
		;
	for (j = m->nclasses; j > i; j--)
		m->classes[j] = m->classes[j - 1];
	m->classes[i] = size;
	m->nclasses++;
	return 0;
}

static void fill_classes(const struct slab_model *m, struct slab_config *c)
{
	size_t i;

	c->nclasses = 0;
	if (c->alloc == SLAB_ALLOC_SLOB)
		return;
	for (i = 0; i < m->nclasses; i++) {
		unsigned long long s = m->classes[i];

		if (s >= c->min && s <= c->cutoff && s % c->min == 0)
			c->classes[c->nclasses++] = s;
	}
}

int slab_model_load_files(struct slab_model **out, const char *classes_tbl,
			  const char *presets_tbl, struct kc_err *err)
{
	struct slab_model *m = calloc(1, sizeof(*m));
	size_t i;
	int ret;

	*out = NULL;
	if (!m)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
	m->warn = calloc(1, sizeof(*m->warn));
	if (!m->warn) {
		ret = kc_err_set(err, KC_ENOMEM, NULL, 0, 0, "out of memory");
		goto fail;
	}
	ret = kc_tbl_read(classes_tbl, classes_rec, m, err);
	if (ret)
		goto fail;
	if (!m->nclasses) {
		ret = kc_err_set(err, KC_EPARSE, classes_tbl, 0, 0,
				 "no 'class' records");
		goto fail;
	}
	ret = kc_tbl_read(presets_tbl, slab_presets_rec, m, err);
	if (ret)
		goto fail;
	if (!m->n) {
		ret = kc_err_set(err, KC_EPARSE, presets_tbl, 0, 0,
				 "no 'preset' records");
		goto fail;
	}
	for (i = 0; i < m->n; i++) {
		struct slab_config *c = m->cfg[i];

		if (!c->have_size) {
			ret = kc_err_set(err, KC_EPARSE, presets_tbl, 0, 0,
					 "preset '%s' has no 'size' record",
					 c->id);
			goto fail;
		}
		fill_classes(m, c);
		if (c->alloc != SLAB_ALLOC_SLOB &&
		    (!c->nclasses || c->classes[c->nclasses - 1] != c->cutoff)) {
			ret = kc_err_set(err, KC_EPARSE, presets_tbl, 0, 0,
					 "preset '%s': no class of size cutoff %llu in %s",
					 c->id, c->cutoff, classes_tbl);
			goto fail;
		}
	}
	if (!m->have_default) {
		ret = kc_err_set(err, KC_EPARSE, presets_tbl, 0, 0,
				 "no 'default' record");
		goto fail;
	}
	for (i = 0; i < m->n; i++)
		if (!strcmp(m->cfg[i]->arch, m->default_arch) &&
		    m->cfg[i]->alloc == m->default_alloc)
			break;
	if (i == m->n) {
		ret = kc_err_set(err, KC_EPARSE, presets_tbl, 0, 0,
				 "no preset for the default %s %s",
				 m->default_arch,
				 slab_alloc_name(m->default_alloc));
		goto fail;
	}
	*out = m;
	return 0;
fail:
	slab_model_free(m);
	return ret;
}

int slab_model_load(struct slab_model **out, const char *rules_dir,
		    struct kc_err *err)
{
	char a[4096], b[4096];

	if (!rules_dir)
		rules_dir = "rules";
	if (snprintf(a, sizeof(a), "%s/slab/classes.tbl", rules_dir) >=
		    (int)sizeof(a) ||
	    snprintf(b, sizeof(b), "%s/slab/presets.tbl", rules_dir) >=
		    (int)sizeof(b))
		return kc_err_set(err, KC_EIO, NULL, 0, 0,
				  "rules dir path too long");
	return slab_model_load_files(out, a, b, err);
}

void slab_model_free(struct slab_model *m)
{
	size_t i, j;

	if (!m)
		return;
	for (i = 0; i < m->n; i++) {
		struct slab_config *c = m->cfg[i];

		for (j = 0; j < c->nconds; j++) {
			free(c->conds[j].name);
			free(c->conds[j].value);
		}
		free(c->conds);
		free(c->id);
		free(c->arch);
		free(c->label);
		free(c->note);
		free(c);
	}
	free(m->cfg);
	for (i = 0; i < m->nchecked; i++)
		free(m->checked[i].source);
	if (m->warn) {
		for (i = 0; i < m->warn->n; i++)
			free(m->warn->v[i]);
		free(m->warn->v);
		free(m->warn);
	}
	free(m->default_arch);
	free(m);
}

const char *slab_model_keep_warning(const struct slab_model *m,
				    const char *msg)
{
	struct slab_warnings *w = m->warn;
	char *s;

	if (w->n == w->cap) {
		size_t ncap = w->cap ? w->cap * 2 : 4;
		char **p = realloc(w->v, ncap * sizeof(*p));

		if (!p)
			return "unknown kernel configuration (out of memory)";
		w->v = p;
		w->cap = ncap;
	}
	s = slab_xstrdup(msg);
	if (!s)
		return "unknown kernel configuration (out of memory)";
	w->v[w->n++] = s;
	return s;
}
