/* path.c - the one encoder and reader of state keys (path.h). */
#include "ir/path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Separators of a relation's terms: "#x" then, per term, REL_SEP path
 * REL_COEF coefficient. Neither can occur in a path. */
#define REL_SEP '\x1e'
#define REL_COEF '\x1f'

/* ---- builders ---- */

/* A root that does not fit is cut, not refused (the name is only
 * informative); only steps make a path untracked. */
void path_root_var(struct path_buf *b, unsigned hash, const char *name)
{
	snprintf(b->s, sizeof(b->s), "v%x:%s", hash, name);
	b->n = strlen(b->s);
	b->bad = 0;
}

void path_root_global(struct path_buf *b, const char *name)
{
	snprintf(b->s, sizeof(b->s), "g:%s", name);
	b->n = strlen(b->s);
	b->bad = 0;
}

static const char *step_spelling(enum path_step step)
{
	switch (step) {
	case PATH_STEP_DOT:
		return ".";
	case PATH_STEP_ARROW:
		return "->";
	case PATH_STEP_ELEM:
		return "[]";
	case PATH_STEP_DEREF:
		return "->*";
	default:
		return "";
	}
}

int path_append(char *buf, size_t size, const char *base,
		enum path_step step, const char *tail)
{
	int n = snprintf(buf, size, "%s%s%s", base, step_spelling(step),
			 tail);

	return n < 0 || (size_t)n >= size ? -1 : 0;
}

void path_add(struct path_buf *b, enum path_step step, const char *field)
{
	if (b->bad)
		return;
	if (step == PATH_STEP_NONE) {
		b->bad = 1;
		return;
	}
	if (step == PATH_STEP_ELEM || step == PATH_STEP_DEREF || !field)
		field = "";
	snprintf(b->s + b->n, sizeof(b->s) - b->n, "%s%s",
		 step_spelling(step), field);
	b->n = strlen(b->s);
	if (b->n + 1 >= sizeof(b->s))
		b->bad = 1;
}

int path_sibling(char *buf, size_t size, const char *key, const char *name,
		 const char *sib)
{
	size_t klen = strlen(key), nlen = strlen(name), blen;

	if (nlen > klen)
		return -1;
	blen = klen - nlen;
	if (strcmp(key + blen, name) || blen + strlen(sib) + 1 > size)
		return -1;
	memcpy(buf, key, blen);
	strcpy(buf + blen, sib);
	return 0;
}

const char *path_text(const struct path_buf *b)
{
	return b->bad ? NULL : b->s;
}

int path_call_key(char *buf, size_t size, unsigned long long site,
		  const char *name)
{
	int n = snprintf(buf, size, "@%llx:%s()", site, name ? name : "?");

	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int path_site_key(char *buf, size_t size, unsigned long long site,
		  const char *what)
{
	int n = snprintf(buf, size, "@%llx:%s", site, what);

	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int path_strlen_key(char *buf, size_t size, int obj, long long off)
{
	int n = snprintf(buf, size, "#strlen:%d:%lld", obj, off);

	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int path_strlen_obj(const char *key)
{
	if (path_kind(key) != PATH_STRLEN)
		return 0;
	return atoi(key + 8);
}

int path_mem_key(char *buf, size_t size, int obj, long long off,
		 long long len)
{
	int n = snprintf(buf, size, "#mem:%d:%lld:%lld", obj, off, len);

	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int path_mem_parse(const char *key, long long *off, long long *len)
{
	int obj;

	if (path_kind(key) != PATH_MEM ||
	    sscanf(key + 5, "%d:%lld:%lld", &obj, off, len) != 3)
		return 0;
	return obj;
}

int path_rel_key(char *buf, size_t size, int n, const char *const *path,
		 const long long *coef)
{
	size_t len = 2;
	int i;

	if (size < 3)
		return -1;
	memcpy(buf, "#x", 3);
	for (i = 0; i < n; i++) {
		int w = snprintf(buf + len, size - len, "%c%s%c%lld", REL_SEP,
				 path[i], REL_COEF, coef[i]);

		if (w < 0 || (size_t)w >= size - len)
			return -1;
		len += (size_t)w;
	}
	return 0;
}

int path_def_key(char *buf, size_t size, int index, const char *path)
{
	char tag[16];
	int n;

	if (index < 0)
		snprintf(tag, sizeof(tag), "d");
	else
		snprintf(tag, sizeof(tag), "s%d", index);
	n = snprintf(buf, size, "#x%s%c%s%c0", tag, REL_SEP, path, REL_COEF);

	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* The text may be cut when the form has many terms: the key still
 * identifies the form in practice (the first terms differ). */
void path_bound_key(char *buf, size_t size, const struct ival *form)
{
	size_t n;
	int i;

	n = (size_t)snprintf(buf, size, "#le");
	for (i = 0; i < form->nt && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, ":%d*%d",
				      form->sym[i], form->coef[i]);
	if (n < size)
		snprintf(buf + n, size - n, "/%d", form->den);
}

/* ---- readers ---- */

int path_rel_next(const char *key, size_t *pos, char *buf, size_t size,
		  long long *coef)
{
	const char *p, *c;
	char *end;
	size_t len;

	if (path_kind(key) != PATH_REL)
		return -1;
	p = key + (*pos ? *pos : 2);
	if (!*p)
		return 0;
	if (*p != REL_SEP)
		return -1;
	c = strchr(p + 1, REL_COEF);
	if (!c)
		return -1;
	len = (size_t)(c - p - 1);
	if (len >= size)
		return -1;
	memcpy(buf, p + 1, len);
	buf[len] = '\0';
	*coef = strtoll(c + 1, &end, 10);
	*pos = (size_t)(end - key);
	return 1;
}

enum path_kind path_kind(const char *key)
{
	switch (key[0]) {
	case 'v':
		return PATH_VAR;
	case 'g':
		return PATH_GLOBAL;
	case '@':
		return PATH_CALL;
	case '#':
		break;
	default:
		return PATH_OTHER;
	}
	if (key[1] == 'x')
		return key[2] == REL_SEP ? PATH_REL :
		       key[2] == 'd' ? PATH_DEF :
		       key[2] == 's' ? PATH_DEF_SRC : PATH_OTHER;
	if (!strncmp(key, "#le", 3))
		return PATH_BOUND;
	if (!strncmp(key, "#strlen:", 8))
		return PATH_STRLEN;
	if (!strncmp(key, "#mem:", 5))
		return PATH_MEM;
	return PATH_OTHER;
}

int path_has_step(const char *key, enum path_step step)
{
	switch (step) {
	case PATH_STEP_ELEM:
		return strstr(key, "[]") != NULL;
	case PATH_STEP_DEREF:
		return strstr(key, "->*") != NULL;
	case PATH_STEP_ARROW:
		return strstr(key, "->") != NULL;
	case PATH_STEP_DOT:
		return strchr(key, '.') != NULL;
	default:
		return 0;
	}
}

enum path_step path_step_at(const char *p, size_t *len)
{
	size_t l = 0;
	enum path_step k = PATH_STEP_NONE;

	if (p[0] == '-' && p[1] == '>') {
		k = p[2] == '*' ? PATH_STEP_DEREF : PATH_STEP_ARROW;
		l = k == PATH_STEP_DEREF ? 3 : 2;
	} else if (p[0] == '.') {
		k = PATH_STEP_DOT;
		l = 1;
	} else if (p[0] == '[') {
		k = PATH_STEP_ELEM;
		l = 2;
	}
	if (len)
		*len = l;
	return k;
}

/* A step starts at c: '-' ("->", "->*"), '.' or '['. */
static int step_char(char c)
{
	return c == '-' || c == '.' || c == '[';
}

int path_slot_names(const char *key, const char *prefix, size_t len)
{
	const char *p = key;

	if (key[0] != '#' || key[1] != 'x')
		return 0;
	while ((p = strchr(p, REL_SEP))) {
		p++;
		if (!strncmp(p, prefix, len) &&
		    (p[len] == REL_COEF || step_char(p[len])))
			return 1;
	}
	return 0;
}

const char *path_root_name(const char *key)
{
	const char *p = strchr(key, ':');

	return p ? p + 1 : key;
}

const char *path_last_name(const char *key)
{
	const char *p = key, *q;

	while ((q = strstr(p, "->")))
		p = q + 2;
	q = strrchr(p, '.');
	return q ? q + 1 : p;
}
