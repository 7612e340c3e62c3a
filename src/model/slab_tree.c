/* slab_tree.c - choosing the slab preset for a configured kernel tree:
 * VERSION/PATCHLEVEL from its Makefile, CONFIG_ options from its .config,
 * matched against the "when" conditions of rules/slab/presets.tbl. */
#include "model/slab_int.h"
#include "util/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Value of "NAME = value" at the start of a Makefile line, or -1. */
static long make_var(const char *text, const char *name)
{
	size_t n = strlen(name);
	const char *p = text;

	while (p && *p) {
		if (!strncmp(p, name, n)) {
			const char *q = p + n;

			while (*q == ' ' || *q == '\t')
				q++;
			if (*q == '=') {
				q++;
				while (*q == ' ' || *q == '\t')
					q++;
				if (*q >= '0' && *q <= '9')
					return strtol(q, NULL, 10);
				return -1;
			}
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return -1;
}

int slab_tree_version(const char *tree_dir, unsigned *major, unsigned *minor,
		      struct kc_err *err)
{
	struct kc_strbuf sb = KC_STRBUF_INIT;
	char path[4096];
	long a, b;

	snprintf(path, sizeof(path), "%s/Makefile", tree_dir);
	if (kc_strbuf_read_file(&sb, path)) {
		int e = errno;

		kc_strbuf_release(&sb);
		return kc_err_set(err, KC_EIO, path, 0, 0, "cannot read: %s",
				  strerror(e));
	}
	a = make_var(sb.buf, "VERSION");
	b = make_var(sb.buf, "PATCHLEVEL");
	kc_strbuf_release(&sb);
	if (a <= 0 || b < 0)
		return kc_err_set(err, KC_EPARSE, path, 0, 0,
				  "no VERSION/PATCHLEVEL: not a kernel tree");
	*major = (unsigned)a;
	*minor = (unsigned)b;
	return 0;
}

/* Value of CONFIG_name in a .config text: "y", "m", "42", "n" when it is
 * "# ... is not set" or absent. Writes into buf. */
static const char *config_value(const char *text, const char *name,
				char *buf, size_t size)
{
	size_t n = strlen(name);
	const char *p = text;

	while (p && *p) {
		if (!strncmp(p, name, n) && p[n] == '=') {
			const char *v = p + n + 1;
			size_t len = strcspn(v, "\n");

			if (len >= size)
				len = size - 1;
			memcpy(buf, v, len);
			buf[len] = '\0';
			/* strings are quoted in .config */
			if (len >= 2 && buf[0] == '"' && buf[len - 1] == '"') {
				memmove(buf, buf + 1, len - 2);
				buf[len - 2] = '\0';
			}
			return buf;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return "n";
}

static int cond_holds(const struct slab_cond *cd, const char *config)
{
	char buf[128];

	return !strcmp(config_value(config, cd->name, buf, sizeof(buf)),
		       cd->value);
}

static int all_hold(const struct slab_config *c, const char *config)
{
	size_t i;

	for (i = 0; i < c->nconds; i++)
		if (!cond_holds(&c->conds[i], config))
			return 0;
	return 1;
}

static void ver_str(unsigned v, char *buf, size_t size)
{
	snprintf(buf, size, "%u.%u", v / 1000, v % 1000);
}

enum slab_fit slab_model_version_fit(const struct slab_model *m,
				     unsigned major, unsigned minor,
				     unsigned *lo, unsigned *hi)
{
	unsigned v = SLAB_VER(major, minor);
	size_t i;

	*lo = *hi = 0;
	if (!m->nchecked)
		return SLAB_FIT_BETWEEN;
	for (i = 0; i < m->nchecked; i++) {
		if (m->checked[i].ver == v) {
			*lo = *hi = v;
			return SLAB_FIT_READ;
		}
		if (m->checked[i].ver > v) {
			*hi = m->checked[i].ver;
			if (!i)
				return SLAB_FIT_OLDER;
			*lo = m->checked[i - 1].ver;
			return SLAB_FIT_BETWEEN;
		}
	}
	*lo = m->checked[m->nchecked - 1].ver;
	return SLAB_FIT_NEWER;
}

/* The version whose sources checked version v was found identical to,
 * following same= (v itself when it has none). */
static unsigned same_as(const struct slab_model *m, unsigned v)
{
	size_t i;
	int hops;

	for (hops = 0; hops < 8; hops++) {
		for (i = 0; i < m->nchecked; i++)
			if (m->checked[i].ver == v)
				break;
		if (i == m->nchecked || !m->checked[i].same)
			return v;
		v = m->checked[i].same;
	}
	return v;
}

/* Appends to msg what the version fit means for the preset c; returns 1
 * when the version's sources were not read (a warning is due). */
static int add_fit(const struct slab_model *m, struct kc_strbuf *msg,
		   unsigned major, unsigned minor,
		   const struct slab_config *c)
{
	unsigned lo, hi;
	char a[16], b[16];

	switch (slab_model_version_fit(m, major, minor, &lo, &hi)) {
	case SLAB_FIT_READ:
		kc_strbuf_addf(msg, "the slab sources of kernel %u.%u were read for rules/slab/presets.tbl",
			       major, minor);
		return 0;
	case SLAB_FIT_NEWER:
		ver_str(lo, a, sizeof(a));
		kc_strbuf_addf(msg, "kernel %u.%u is newer than every kernel whose slab sources were read (the newest is %s); %s is used as for %s, so its size classes are not verified for %u.%u",
			       major, minor, a, c->id, a, major, minor);
		return 1;
	case SLAB_FIT_OLDER:
		ver_str(hi, a, sizeof(a));
		kc_strbuf_addf(msg, "kernel %u.%u is older than every kernel whose slab sources were read (the oldest is %s); %s's size classes are not verified for it",
			       major, minor, a, c->id);
		return 1;
	case SLAB_FIT_BETWEEN:
		break;
	}
	ver_str(lo, a, sizeof(a));
	ver_str(hi, b, sizeof(b));
	if (same_as(m, lo) == same_as(m, hi)) {
		/* both neighbours were read and found identical: what lies
		 * between is taken to be the same (a note, not a warning) */
		kc_strbuf_addf(msg, "the slab sources of kernel %u.%u were not read, but those of %s and %s were and are identical; %s covers it",
			       major, minor, a, b, c->id);
		return 0;
	}
	kc_strbuf_addf(msg, "the slab sources of kernel %u.%u were not read (those of %s and %s were); %s covers it by its kernel range, not by a check",
		       major, minor, a, b, c->id);
	return 1;
}

static void conds_str(const struct slab_config *c, struct kc_strbuf *sb)
{
	size_t i;

	for (i = 0; i < c->nconds; i++)
		kc_strbuf_addf(sb, "%s%s=%s", i ? " " : "", c->conds[i].name,
			       c->conds[i].value);
}

int slab_config_for_tree(const struct slab_model *m, const char *tree_dir,
			 struct slab_choice *out, struct kc_err *err)
{
	struct kc_strbuf sb = KC_STRBUF_INIT;
	const struct slab_config *best = NULL;
	unsigned major, minor, v, bestd = ~0u;
	size_t i, bestn = 0;
	struct kc_strbuf msg = KC_STRBUF_INIT, why = KC_STRBUF_INIT;
	char path[4096];
	int ret, warn = 0;

	memset(out, 0, sizeof(*out));
	ret = slab_tree_version(tree_dir, &major, &minor, err);
	if (ret)
		return ret;
	v = SLAB_VER(major, minor);
	snprintf(path, sizeof(path), "%s/.config", tree_dir);
	if (kc_strbuf_read_file(&sb, path)) {
		kc_strbuf_release(&sb);
		best = slab_model_default(m, major, minor);
		kc_strbuf_addf(&msg,
			       "%s: no .config, so the slab model cannot see the arch, allocator or page size; using %s",
			       path, best->id);
		kc_strbuf_addf(&why, "the default for kernel %u.%u: the tree has no .config; ",
			       major, minor);
		add_fit(m, &why, major, minor, best);
		out->config = best;
		out->warning = slab_model_keep_warning(m, msg.buf);
		out->reason = slab_model_keep_warning(m, why.buf);
		kc_strbuf_release(&msg);
		kc_strbuf_release(&why);
		return 0;
	}
	/* the most specific preset whose conditions all hold, nearest in
	 * version (0 = the range holds the tree's version) */
	for (i = 0; i < m->n; i++) {
		const struct slab_config *c = m->cfg[i];
		unsigned d;

		if (!c->nconds || !all_hold(c, sb.buf))
			continue;
		d = slab_ver_dist(c, v);
		if (d < bestd || (d == bestd && c->nconds > bestn)) {
			best = c;
			bestd = d;
			bestn = c->nconds;
		}
	}
	kc_strbuf_release(&sb);
	if (best && !bestd) {
		kc_strbuf_addf(&why, "chosen for kernel %u.%u from %s (", major,
			       minor, path);
		conds_str(best, &why);
		kc_strbuf_addf(&why, "); ");
		warn = add_fit(m, &why, major, minor, best);
		if (warn) {
			kc_strbuf_addf(&msg, "slab preset %s (%s) for kernel %u.%u: ",
				       best->id, best->label, major, minor);
			add_fit(m, &msg, major, minor, best);
		}
	} else if (best) {
		kc_strbuf_addf(&msg,
			       "no slab preset for this configuration at kernel %u.%u; using %s (%s)",
			       major, minor, best->id, best->label);
		kc_strbuf_addf(&why, "the nearest in kernel version to %u.%u of the presets matching %s (",
			       major, minor, path);
		conds_str(best, &why);
		kc_strbuf_addf(&why, "); ");
		kc_strbuf_addf(&msg, "; ");
		add_fit(m, &msg, major, minor, best);
		add_fit(m, &why, major, minor, best);
		warn = 1;
	} else {
		best = slab_model_default(m, major, minor);
		kc_strbuf_addf(&msg,
			       "unknown arch/allocator/page size combination in %s (kernel %u.%u); using the default %s (%s)",
			       path, major, minor, best->id, best->label);
		kc_strbuf_addf(&why, "the default for kernel %u.%u: no preset matches %s; ",
			       major, minor, path);
		add_fit(m, &why, major, minor, best);
		warn = 1;
	}
	out->config = best;
	out->reason = slab_model_keep_warning(m, why.buf);
	if (warn)
		out->warning = slab_model_keep_warning(m, msg.buf);
	kc_strbuf_release(&msg);
	kc_strbuf_release(&why);
	return 0;
}

int slab_choice_named(const struct slab_model *m, const char *name,
		      struct slab_choice *out)
{
	struct kc_strbuf why = KC_STRBUF_INIT;

	memset(out, 0, sizeof(*out));
	if (name) {
		out->config = slab_model_find(m, name);
		if (!out->config)
			return -KC_EUSAGE;
		kc_strbuf_addf(&why, "named by --slab-config or slab_config of .ksizecheck.json");
	} else {
		out->config = slab_model_default(m, 0, 0);
		kc_strbuf_addf(&why, "the default, the newest %s %s preset: no kernel tree to read the version and .config from (ksizecheck kernel --tree, or --slab-config, choose one)",
			       m->default_arch, slab_alloc_name(m->default_alloc));
	}
	out->reason = slab_model_keep_warning(m, why.buf);
	kc_strbuf_release(&why);
	return 0;
}
