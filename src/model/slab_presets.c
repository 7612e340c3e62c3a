/* slab_presets.c - the records of rules/slab/presets.tbl (preset, size,
 * when, note, checked, default) read into a struct slab_model, each bad
 * row rejected at its file:line:col (format in docs/model.md); the files
 * are opened and the classes read in slab_load.c (slab_int.h).
 */
#include "model/slab_int.h"
#include "util/tbl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct slab_config *find_cfg(struct slab_model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (!strcmp(m->cfg[i]->id, id))
			return m->cfg[i];
	return NULL;
}

static int parse_alloc(const char *s, enum slab_alloc *out)
{
	if (!strcmp(s, "slub"))
		*out = SLAB_ALLOC_SLUB;
	else if (!strcmp(s, "slab"))
		*out = SLAB_ALLOC_SLAB;
	else if (!strcmp(s, "slob"))
		*out = SLAB_ALLOC_SLOB;
	else
		return -1;
	return 0;
}

/* "6.1-6.11" or "6.12-" */
static int parse_range(const char *s, unsigned *since, unsigned *until)
{
	char buf[32];
	const char *dash = strchr(s, '-');
	unsigned a, b;

	if (!dash || (size_t)(dash - s) >= sizeof(buf))
		return -1;
	memcpy(buf, s, (size_t)(dash - s));
	buf[dash - s] = '\0';
	if (slab_parse_version(buf, &a, &b))
		return -1;
	*since = SLAB_VER(a, b);
	if (!dash[1]) {
		*until = 0;
		return 0;
	}
	if (slab_parse_version(dash + 1, &a, &b))
		return -1;
	*until = SLAB_VER(a, b);
	return *until < *since ? -1 : 0;
}

static int oom(const struct kc_tbl_rec *rec, struct kc_err *err)
{
	return kc_err_set(err, KC_ENOMEM, rec->file, rec->line, 0,
			  "out of memory");
}

static int preset_rec(struct slab_model *m, const struct kc_tbl_rec *rec,
		      struct kc_err *err)
{
	struct slab_config *c;

	if (rec->nfields != 6)
		return kc_tbl_field_err(rec, rec->nfields > 6 ? 6 : 0, err,
					"'preset' takes ID ARCH ALLOC KERNELS LABEL");
	if (m->nchecked)
		return kc_tbl_field_err(rec, 0, err,
					"'preset' after a 'checked' record (the checked kernels come last)");
	if (find_cfg(m, rec->field[1]))
		return kc_tbl_field_err(rec, 1, err, "duplicate preset '%s'",
					rec->field[1]);
	if (m->n == m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 32;
		void *p = realloc(m->cfg, ncap * sizeof(*m->cfg));

		if (!p)
			return oom(rec, err);
		m->cfg = p;
		m->cap = ncap;
	}
	c = calloc(1, sizeof(*c));
	if (!c)
		return oom(rec, err);
	m->cfg[m->n++] = c;
	c->id = slab_xstrdup(rec->field[1]);
	c->arch = slab_xstrdup(rec->field[2]);
	c->label = slab_xstrdup(rec->field[5]);
	c->note = slab_xstrdup("");
	if (!c->id || !c->arch || !c->label || !c->note)
		return oom(rec, err);
	if (parse_alloc(rec->field[3], &c->alloc))
		return kc_tbl_field_err(rec, 3, err,
					"unknown allocator '%s' (slub, slab or slob)",
					rec->field[3]);
	if (parse_range(rec->field[4], &c->since, &c->until))
		return kc_tbl_field_err(rec, 4, err,
					"bad kernel range '%s' (e.g. 6.1-6.11 or 6.12-)",
					rec->field[4]);
	return 0;
}

static struct slab_config *cfg_of(struct slab_model *m,
				  const struct kc_tbl_rec *rec,
				  struct kc_err *err)
{
	struct slab_config *c;

	if (rec->nfields < 2) {
		kc_tbl_field_err(rec, 0, err, "'%s' needs a preset id",
				 rec->field[0]);
		return NULL;
	}
	c = find_cfg(m, rec->field[1]);
	if (!c)
		kc_tbl_field_err(rec, 1, err,
				 "unknown preset '%s' (no 'preset' record before)",
				 rec->field[1]);
	return c;
}

enum { K_PAGE, K_MIN, K_CUTOFF, K_MAX, K_LINE, K_UNIT, K_NUM };
static const char *const num_keys[K_NUM] = { "page", "min", "cutoff",
					     "max", "line", "unit" };

/* field index of each numeric key in the size record, -1 if absent */
struct size_fields {
	int idx[K_NUM];
};

static int size_key(const struct kc_tbl_rec *rec, int i,
		    struct slab_config *c, struct size_fields *sf,
		    struct kc_err *err)
{
	const char *f = rec->field[i];
	const char *eq = strchr(f, '=');
	struct kc_tbl_rec one;
	unsigned long long v;
	size_t klen;
	int k, ret;

	if (!eq)
		return kc_tbl_field_err(rec, i, err,
					"expected key=value, got '%s'", f);
	klen = (size_t)(eq - f);
	if (klen == 8 && !strncmp(f, "minalign", 8)) {
		if (!strcmp(eq + 1, "compile"))
			c->min_runtime = 0;
		else if (!strcmp(eq + 1, "runtime"))
			c->min_runtime = 1;
		else
			return kc_tbl_field_err(rec, i, err,
						"minalign must be compile or runtime, not '%s'",
						eq + 1);
		return 0;
	}
	if (klen == 4 && !strncmp(f, "over", 4)) {
		if (!strcmp(eq + 1, "pages"))
			c->over_size = 0;
		else if (!strcmp(eq + 1, "size"))
			c->over_size = 1;
		else
			return kc_tbl_field_err(rec, i, err,
						"over must be pages or size, not '%s'",
						eq + 1);
		return 0;
	}
	for (k = 0; k < K_NUM; k++)
		if (strlen(num_keys[k]) == klen &&
		    !strncmp(f, num_keys[k], klen))
			break;
	if (k == K_NUM)
		return kc_tbl_field_err(rec, i, err, "unknown key '%.*s'",
					(int)klen, f);
	if (sf->idx[k] >= 0)
		return kc_tbl_field_err(rec, i, err, "second %s=",
					num_keys[k]);
	sf->idx[k] = i;
	/* parse the value as a one-field record so errors point at the
	 * value's column */
	one = *rec;
	one.nfields = i + 1;
	one.field[i] = eq + 1;
	one.col[i] = rec->col[i] + (unsigned)klen + 1;
	ret = kc_tbl_field_u64(&one, i, &v, err);
	if (ret)
		return ret;
	switch (k) {
	case K_PAGE:
		if (!slab_is_pow2(v) || v < 4096)
			return kc_tbl_field_err(&one, i, err,
						"page size %llu is not a power of two >= 4096",
						v);
		c->page = v;
		break;
	case K_MIN:
		/* setup_kmalloc_cache_index_table: BUILD_BUG_ON(
		 * KMALLOC_MIN_SIZE > 256 || !is_power_of_2()) */
		if (!slab_is_pow2(v) || v < 8 || v > 256)
			return kc_tbl_field_err(&one, i, err,
						"min %llu is not a power of two in 8..256",
						v);
		c->min = v;
		break;
	case K_CUTOFF:
		c->cutoff = v;
		break;
	case K_MAX:
		c->max = v;
		break;
	case K_LINE:
		if (!slab_is_pow2(v))
			return kc_tbl_field_err(&one, i, err,
						"line %llu is not a power of two",
						v);
		c->line = v;
		break;
	default:
		if (!slab_is_pow2(v) || v > 8)
			return kc_tbl_field_err(&one, i, err,
						"unit %llu is not 1, 2, 4 or 8",
						v);
		c->unit = v;
		break;
	}
	return 0;
}

/* Cross-checks one preset's numbers; errors point at the key. */
static int size_check(const struct kc_tbl_rec *rec, struct slab_config *c,
		      const struct size_fields *sf, struct kc_err *err)
{
	int k;

	for (k = 0; k < K_UNIT; k++)
		if (sf->idx[k] < 0)
			return kc_tbl_field_err(rec, 1, err,
						"preset '%s' has no %s=", c->id,
						num_keys[k]);
	if (c->alloc == SLAB_ALLOC_SLOB) {
		if (!c->unit)
			return kc_tbl_field_err(rec, 1, err,
						"SLOB preset '%s' needs unit=",
						c->id);
		if (c->cutoff != c->page - c->min - 1)
			return kc_tbl_field_err(rec, sf->idx[K_CUTOFF], err,
						"SLOB cutoff must be page - min - 1 = %llu, not %llu",
						c->page - c->min - 1,
						c->cutoff);
	} else {
		if (c->unit)
			return kc_tbl_field_err(rec, sf->idx[K_UNIT], err,
						"unit= is for SLOB presets only");
		if (c->cutoff != 2 * c->page)
			return kc_tbl_field_err(rec, sf->idx[K_CUTOFF], err,
						"cutoff must be 2 * page = %llu (KMALLOC_SHIFT_HIGH = PAGE_SHIFT + 1), not %llu",
						2 * c->page, c->cutoff);
	}
	if (!slab_is_pow2(c->max) || c->max < 2 * c->page)
		return kc_tbl_field_err(rec, sf->idx[K_MAX], err,
					"max %llu is not a power of two >= 2 pages",
					c->max);
	c->have_size = 1;
	return 0;
}

static int size_rec(struct slab_model *m, const struct kc_tbl_rec *rec,
		    struct kc_err *err)
{
	struct slab_config *c = cfg_of(m, rec, err);
	struct size_fields sf;
	int i, ret;

	if (!c)
		return -KC_EPARSE;
	if (c->have_size)
		return kc_tbl_field_err(rec, 0, err,
					"second 'size' record for '%s'", c->id);
	for (i = 0; i < K_NUM; i++)
		sf.idx[i] = -1;
	for (i = 2; i < rec->nfields; i++) {
		ret = size_key(rec, i, c, &sf, err);
		if (ret)
			return ret;
	}
	return size_check(rec, c, &sf, err);
}

static int valid_cond_name(const char *s, size_t n)
{
	size_t i;

	if (n < 8 || strncmp(s, "CONFIG_", 7))
		return 0;
	for (i = 7; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static int when_rec(struct slab_model *m, const struct kc_tbl_rec *rec,
		    struct kc_err *err)
{
	struct slab_config *c = cfg_of(m, rec, err);
	int i;

	if (!c)
		return -KC_EPARSE;
	if (c->nconds)
		return kc_tbl_field_err(rec, 0, err,
					"second 'when' record for '%s'", c->id);
	if (rec->nfields < 3)
		return kc_tbl_field_err(rec, 1, err,
					"'when' needs CONFIG_X=VALUE conditions");
	c->conds = calloc((size_t)rec->nfields - 2, sizeof(*c->conds));
	if (!c->conds)
		return oom(rec, err);
	for (i = 2; i < rec->nfields; i++) {
		const char *f = rec->field[i];
		const char *eq = strchr(f, '=');
		struct slab_cond *cd = &c->conds[c->nconds];

		if (!eq || !eq[1] || !valid_cond_name(f, (size_t)(eq - f)))
			return kc_tbl_field_err(rec, i, err,
						"expected CONFIG_NAME=VALUE, got '%s'",
						f);
		cd->name = malloc((size_t)(eq - f) + 1);
		cd->value = slab_xstrdup(eq + 1);
		if (!cd->name || !cd->value) {
			free(cd->name);
			free(cd->value);
			return oom(rec, err);
		}
		memcpy(cd->name, f, (size_t)(eq - f));
		cd->name[eq - f] = '\0';
		c->nconds++;
	}
	return 0;
}

static int version_field(const struct kc_tbl_rec *rec, int i, unsigned *v,
			 struct kc_err *err)
{
	unsigned a, b;

	if (slab_parse_version(rec->field[i], &a, &b))
		return kc_tbl_field_err(rec, i, err,
					"bad kernel version '%s' (want 6.13)",
					rec->field[i]);
	*v = SLAB_VER(a, b);
	return 0;
}

static const struct slab_checked *find_checked(const struct slab_model *m,
					       unsigned v)
{
	size_t i;

	for (i = 0; i < m->nchecked; i++)
		if (m->checked[i].ver == v)
			return &m->checked[i];
	return NULL;
}

/* checked VERSION [same=VERSION] "SOURCE": every preset that covers the
 * "same" version must cover VERSION too (checked here, so a range edit
 * that contradicts a checked fact fails to load). */
static int checked_rec(struct slab_model *m, const struct kc_tbl_rec *rec,
		       struct kc_err *err)
{
	struct slab_checked k = { 0, 0, NULL };
	size_t i;
	int ret;

	if (rec->nfields != 3 && rec->nfields != 4)
		return kc_tbl_field_err(rec, 0, err,
					"'checked' takes VERSION [same=VERSION] \"SOURCE\"");
	if (!*rec->field[rec->nfields - 1] ||
	    !strchr(rec->field[rec->nfields - 1], ' '))
		return kc_tbl_field_err(rec, rec->nfields - 1, err,
					"'checked' needs the source that was read, in quotes");
	ret = version_field(rec, 1, &k.ver, err);
	if (ret)
		return ret;
	if (find_checked(m, k.ver))
		return kc_tbl_field_err(rec, 1, err, "kernel %s checked twice",
					rec->field[1]);
	if (m->nchecked && k.ver < m->checked[m->nchecked - 1].ver)
		return kc_tbl_field_err(rec, 1, err,
					"'checked' records must be in version order");
	if (m->nchecked == SLAB_MAX_CHECKED)
		return kc_tbl_field_err(rec, 0, err, "too many 'checked' records");
	if (rec->nfields == 4) {
		const char *f = rec->field[2];

		if (strncmp(f, "same=", 5))
			return kc_tbl_field_err(rec, 2, err,
						"expected same=VERSION, got '%s'", f);
		{
			unsigned a, b;

			if (slab_parse_version(f + 5, &a, &b))
				return kc_tbl_field_err(rec, 2, err,
							"bad kernel version '%s'",
							f + 5);
			k.same = SLAB_VER(a, b);
		}
		if (!find_checked(m, k.same))
			return kc_tbl_field_err(rec, 2, err,
						"same=%s: that kernel has no earlier 'checked' record",
						f + 5);
		for (i = 0; i < m->n; i++) {
			const struct slab_config *c = m->cfg[i];

			if (slab_ver_dist(c, k.same) == 0 &&
			    slab_ver_dist(c, k.ver) != 0)
				return kc_tbl_field_err(rec, 1, err,
							"kernel %s is checked the same as %s, but preset '%s' covers %s and not %s",
							rec->field[1], f + 5, c->id, f + 5,
							rec->field[1]);
		}
	}
	k.source = slab_xstrdup(rec->field[rec->nfields - 1]);
	if (!k.source)
		return oom(rec, err);
	m->checked[m->nchecked++] = k;
	return 0;
}

int slab_presets_rec(const struct kc_tbl_rec *rec, void *data,
		     struct kc_err *err)
{
	struct slab_model *m = data;
	const char *kind = rec->field[0];

	if (!strcmp(kind, "preset"))
		return preset_rec(m, rec, err);
	if (!strcmp(kind, "size"))
		return size_rec(m, rec, err);
	if (!strcmp(kind, "when"))
		return when_rec(m, rec, err);
	if (!strcmp(kind, "checked"))
		return checked_rec(m, rec, err);
	if (!strcmp(kind, "note")) {
		struct slab_config *c = cfg_of(m, rec, err);
		char *s;

		if (!c)
			return -KC_EPARSE;
		if (rec->nfields != 3)
			return kc_tbl_field_err(rec, 0, err,
						"'note' takes ID \"TEXT\"");
		s = slab_xstrdup(rec->field[2]);
		if (!s)
			return oom(rec, err);
		free(c->note);
		c->note = s;
		return 0;
	}
	if (!strcmp(kind, "default")) {
		if (rec->nfields != 3)
			return kc_tbl_field_err(rec, 0, err,
						"'default' takes ARCH ALLOC");
		if (m->have_default)
			return kc_tbl_field_err(rec, 0, err,
						"second 'default' record");
		if (parse_alloc(rec->field[2], &m->default_alloc))
			return kc_tbl_field_err(rec, 2, err,
						"unknown allocator '%s'",
						rec->field[2]);
		m->default_arch = slab_xstrdup(rec->field[1]);
		if (!m->default_arch)
			return oom(rec, err);
		m->have_default = 1;
		return 0;
	}
	return kc_tbl_field_err(rec, 0, err,
				"unknown record '%s' (preset, size, when, note, checked or default)",
				kind);
}

