/* genhdr_rules.c - is a missing file one that a Kbuild rule generates?
 * (see genhdr.h). Reads the Makefile/Kbuild that owns the file's
 * directory and scripts/Makefile.build, each once per run.
 */
#include "driver/genhdr_int.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int is_file(const char *tree, const char *dir, const char *name)
{
	char p[PATH_MAX];
	struct stat st;

	if ((size_t)snprintf(p, sizeof(p), "%s/%s%s%s", tree, dir,
			     *dir ? "/" : "", name) >= sizeof(p))
		return 0;
	return !stat(p, &st) && S_ISREG(st.st_mode);
}

/* The text of tree-relative file rel ("" when it cannot be read), read
 * once; NULL on OOM. */
static const char *mk_text(struct kc_genhdr *g, const char *rel)
{
	struct genhdr_mk m;
	struct kc_strbuf sb = KC_STRBUF_INIT;
	char p[PATH_MAX];

	for (size_t i = 0; i < g->mk.n; i++)
		if (!strcmp(g->mk.v[i].path, rel))
			return g->mk.v[i].text;
	snprintf(p, sizeof(p), "%s/%s", g->tree_real, rel);
	if (kc_strbuf_read_file(&sb, p))
		kc_strbuf_reset(&sb);
	if (kc_strbuf_adds(&sb, ""))
		return NULL;
	m.path = strdup(rel);
	m.text = kc_strbuf_detach(&sb);
	if (!m.path || !m.text || KC_VEC_PUSH(&g->mk, m)) {
		free(m.path);
		free(m.text);
		return NULL;
	}
	return m.text;
}

/* Drops the make-variable prefixes that stand for a directory:
 * "$(obj)/", "$(src)/", "$(objtree)/", "$(srctree)/". */
static const char *strip_vars(const char *t)
{
	static const char *const pre[] = { "$(obj)/", "$(src)/",
					   "$(objtree)/", "$(srctree)/" };
	int again = 1;

	while (again) {
		again = 0;
		for (size_t i = 0; i < sizeof(pre) / sizeof(pre[0]); i++)
			if (!strncmp(t, pre[i], strlen(pre[i]))) {
				t += strlen(pre[i]);
				again = 1;
			}
	}
	return t;
}

/* Does word t (a Makefile token) name rel, exactly or as a pattern
 * "P%S" whose S is more than a file extension (".asn1.h", "_reg_safe.h",
 * ".xml.h": not "%.h" or "%.c", which would match anything)? */
static int word_names(const char *t, size_t tn, const char *rel)
{
	const char *pct = memchr(t, '%', tn);
	size_t rn = strlen(rel), pn, sn;
	const char *s, *dot;

	if (!pct)
		return tn == rn && !memcmp(t, rel, rn);
	if (memchr(t, '$', tn) || memchr(pct + 1, '%', tn - (size_t)(pct - t) - 1))
		return 0;
	pn = (size_t)(pct - t);
	s = pct + 1;
	sn = tn - pn - 1;
	dot = NULL;
	for (const char *q = s; q < s + sn; q++)
		if (*q == '.')
			dot = q;
	if (!dot || dot == s)
		return 0;  /* no extension, or nothing before it */
	return rn > pn + sn && !memcmp(rel, t, pn) &&
	       !memcmp(rel + rn - sn, s, sn);
}

/* Does the text of a Makefile name rel (or tree-relative full) in one of
 * its words? Words end at blanks and at : = ; , \ | and a ')' that
 * closes nothing in the word. */
static int text_names(const char *text, const char *rel, const char *full)
{
	const char *p = text;

	while (*p) {
		const char *b, *e;
		int open = 0;

		while (*p && strchr(" \t\r\n:=;,\\|", *p))
			p++;
		b = p;
		while (*p && !strchr(" \t\r\n:=;,\\|", *p)) {
			if (*p == '(')
				open++;
			else if (*p == ')' && --open < 0)
				break;
			p++;
		}
		e = p;
		if (*p == ')')
			p++;
		if (e > b) {
			const char *w = strip_vars(b);

			if (w < e && (word_names(w, (size_t)(e - w), rel) ||
				      word_names(w, (size_t)(e - w), full)))
				return 1;
		}
	}
	return 0;
}

int kc_genhdr_is_generated(struct kc_genhdr *g, const char *path)
{
	char dir[PATH_MAX], mk[PATH_MAX + 16];
	const char *rel, *text;
	char *slash;

	snprintf(dir, sizeof(dir), "%s", path);
	/* the nearest directory above path with a Makefile or Kbuild; the
	 * top one builds no single objects' headers */
	for (;;) {
		slash = strrchr(dir, '/');
		if (!slash)
			return 0;
		*slash = '\0';
		if (is_file(g->tree_real, dir, "Makefile") ||
		    is_file(g->tree_real, dir, "Kbuild"))
			break;
	}
	rel = path + strlen(dir) + 1;
	for (int k = 0; k < 2; k++) {
		snprintf(mk, sizeof(mk), "%s/%s", dir, k ? "Kbuild" : "Makefile");
		text = mk_text(g, mk);
		if (!text)
			return -1;
		if (text_names(text, rel, path))
			return 1;
	}
	/* the generic rules every directory has, e.g.
	 * $(obj)/%.asn1.c $(obj)/%.asn1.h: $(src)/%.asn1 */
	text = mk_text(g, "scripts/Makefile.build");
	if (!text)
		return -1;
	if (!strchr(rel, '/') && text_names(text, rel, rel))
		return 1;
	return 0;
}
