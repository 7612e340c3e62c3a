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

int slab_config_for_tree(const struct slab_model *m, const char *tree_dir,
			 const struct slab_config **out, const char **warning,
			 struct kc_err *err)
{
	struct kc_strbuf sb = KC_STRBUF_INIT;
	const struct slab_config *best = NULL;
	unsigned major, minor, v, bestd = ~0u;
	size_t i, bestn = 0;
	struct kc_strbuf msg = KC_STRBUF_INIT;
	char path[4096];
	int ret;

	*out = NULL;
	*warning = NULL;
	ret = slab_tree_version(tree_dir, &major, &minor, err);
	if (ret)
		return ret;
	v = SLAB_VER(major, minor);
	snprintf(path, sizeof(path), "%s/.config", tree_dir);
	if (kc_strbuf_read_file(&sb, path)) {
		kc_strbuf_release(&sb);
		*out = slab_model_default(m, major, minor);
		kc_strbuf_addf(&msg,
			       "%s: no .config, so the slab model cannot see the arch, allocator or page size; using %s",
			       path, (*out)->id);
		*warning = slab_model_keep_warning(m, msg.buf);
		kc_strbuf_release(&msg);
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
		*out = best;
		return 0;
	}
	if (best) {
		kc_strbuf_addf(&msg,
			       "no slab preset for this configuration at kernel %u.%u; using %s (%s)",
			       major, minor, best->id, best->label);
	} else {
		best = slab_model_default(m, major, minor);
		kc_strbuf_addf(&msg,
			       "unknown arch/allocator/page size combination in %s (kernel %u.%u); using the default %s (%s)",
			       path, major, minor, best->id, best->label);
	}
	*out = best;
	*warning = slab_model_keep_warning(m, msg.buf);
	kc_strbuf_release(&msg);
	return 0;
}
