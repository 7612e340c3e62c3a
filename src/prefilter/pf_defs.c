/* pf_defs.c - function definitions by tokens (pf_defs.h). */
#include "prefilter/pf_defs.h"

#include <string.h>

#include "prefilter/pf_lex.h"

static int is_punct(const struct pf_tok_t *t, char c)
{
	return t->kind == PF_PUNCT && t->len == 1 && t->s[0] == c;
}

static int is_ident(const struct pf_tok_t *t, const char *s)
{
	return t->kind == PF_IDENT && t->len == strlen(s) &&
	       !memcmp(t->s, s, t->len);
}

/* The next token outside directives. */
static void next(struct pf_lex *lx, struct pf_tok_t *t)
{
	for (;;) {
		pf_lex_next(lx, t);
		if (t->kind != PF_HASH)
			return;
		do
			pf_lex_next(lx, t);
		while (t->kind != PF_EOL && t->kind != PF_EOF);
	}
}

/* Skips a balanced ( ... ) whose '(' was just read; 0, or -1 at EOF. */
static int skip_parens(struct pf_lex *lx, struct pf_tok_t *t)
{
	int depth = 1;

	while (depth) {
		next(lx, t);
		if (t->kind == PF_EOF)
			return -1;
		if (is_punct(t, '('))
			depth++;
		else if (is_punct(t, ')'))
			depth--;
	}
	return 0;
}

/* The line of at, counting on from the last position asked (*from,
 * *line): definitions come in order, so the text is walked once. */
static unsigned line_of(const char **from, unsigned *line, const char *at)
{
	for (; *from < at; (*from)++)
		*line += **from == '\n';
	return *line;
}

int pf_defs_scan(const char *buf, size_t len,
		 int (*cb)(void *data, const char *name, size_t nlen,
			   int is_static, unsigned line),
		 void *data)
{
	struct pf_lex lx;
	struct pf_tok_t t, name = { 0 };
	int depth = 0, is_static = 0, have_name = 0, rc;
	const char *from = buf;
	unsigned line = 1;

	pf_lex_init(&lx, buf, len);
	for (next(&lx, &t); t.kind != PF_EOF; next(&lx, &t)) {
		if (depth) {
			depth += is_punct(&t, '{') - is_punct(&t, '}');
			if (!depth)
				is_static = have_name = 0;
			continue;
		}
		if (is_punct(&t, '{')) {
			depth = 1;
			continue;
		}
		if (is_punct(&t, ';') || is_punct(&t, '}') ||
		    is_punct(&t, '=')) {
			is_static = have_name = 0;
			if (is_punct(&t, '='))
				is_static = -1; /* an initializer follows */
			continue;
		}
		if (is_ident(&t, "static") && is_static >= 0) {
			is_static = 1;
			continue;
		}
		if (t.kind == PF_IDENT) {
			name = t;
			have_name = 1;
			continue;
		}
		if (!is_punct(&t, '(') || !have_name || is_static < 0)
			continue;
		/* NAME ( ... ): a definition when '{' follows the
		 * attributes and annotations */
		if (skip_parens(&lx, &t))
			break;
		for (next(&lx, &t); t.kind == PF_IDENT; next(&lx, &t)) {
			next(&lx, &t);
			if (!is_punct(&t, '('))
				break;
			if (skip_parens(&lx, &t))
				return 0;
		}
		if (is_punct(&t, '{')) {
			rc = cb(data, name.s, name.len, is_static,
				line_of(&from, &line, name.s));
			if (rc)
				return rc;
			depth = 1;
			continue;
		}
		/* a declaration, or something else: the token decides */
		have_name = 0;
		if (is_punct(&t, ';'))
			is_static = 0;
		else if (is_punct(&t, '='))
			is_static = -1;
	}
	return 0;
}
