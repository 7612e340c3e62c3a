/* pf_lex.c - the prefilter's tokenizer (pf_lex.h). */
#include "prefilter/pf_lex.h"

#include <string.h>

void pf_lex_init(struct pf_lex *lx, const char *buf, size_t len)
{
	lx->p = buf;
	lx->end = buf + len;
	lx->bol = 1;
	lx->in_dir = 0;
}

static int is_id(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '$';
}

/* Skips blanks and comments. Returns 1 if it stopped at a newline that
 * ends a directive (the newline is not consumed). */
static int skip_blanks(struct pf_lex *lx, int *saw_blank)
{
	const char *p = lx->p, *e = lx->end;

	while (p < e) {
		if (*p == '\\' && p + 1 < e && p[1] == '\n') {
			p += 2;
		} else if (*p == '\\' && p + 2 < e && p[1] == '\r' &&
			   p[2] == '\n') {
			p += 3;
		} else if (*p == '\n') {
			if (lx->in_dir)
				break;
			lx->bol = 1;
			p++;
		} else if (*p == ' ' || *p == '\t' || *p == '\r' ||
			   *p == '\f' || *p == '\v') {
			p++;
		} else if (*p == '/' && p + 1 < e && p[1] == '*') {
			const char *q = p + 2;

			while (q + 1 < e && !(q[0] == '*' && q[1] == '/'))
				q++;
			p = q + 1 < e ? q + 2 : e;
		} else if (*p == '/' && p + 1 < e && p[1] == '/') {
			while (p < e && *p != '\n') {
				if (*p == '\\' && p + 1 < e && p[1] == '\n')
					p++;
				p++;
			}
		} else {
			break;
		}
		*saw_blank = 1;
	}
	lx->p = p;
	return p < e && *p == '\n';
}

static const char *skip_quoted(const char *p, const char *e, char q)
{
	p++;
	while (p < e && *p != q && *p != '\n') {
		if (*p == '\\' && p + 1 < e)
			p++;
		p++;
	}
	return p < e && *p == q ? p + 1 : p;
}

void pf_lex_next(struct pf_lex *lx, struct pf_tok_t *t)
{
	int blank = 0;
	const char *p;

	if (skip_blanks(lx, &blank)) {
		lx->p++;
		lx->in_dir = 0;
		lx->bol = 1;
		t->kind = PF_EOL;
		t->s = lx->p - 1;
		t->len = 1;
		t->glued = 0;
		return;
	}
	p = lx->p;
	t->s = p;
	t->glued = !blank;
	if (p >= lx->end) {
		t->kind = lx->in_dir ? PF_EOL : PF_EOF;
		t->len = 0;
		lx->in_dir = 0;
		return;
	}
	if (*p == '#' && lx->bol && !lx->in_dir) {
		lx->in_dir = 1;
		lx->bol = 0;
		lx->p = p + 1;
		t->kind = PF_HASH;
		t->len = 1;
		return;
	}
	lx->bol = 0;
	if (is_id((unsigned char)*p) && !(*p >= '0' && *p <= '9')) {
		/* L"x", u8'x' prefixes make a literal, not an identifier */
		const char *q = p;

		while (q < lx->end && is_id((unsigned char)*q))
			q++;
		if (q < lx->end && (*q == '"' || *q == '\'') &&
		    (size_t)(q - p) <= 2 && strchr("LuU8", *p)) {
			lx->p = skip_quoted(q, lx->end, *q);
			t->kind = PF_OTHER;
			t->len = (size_t)(lx->p - p);
			return;
		}
		lx->p = q;
		t->kind = PF_IDENT;
		t->len = (size_t)(q - p);
		return;
	}
	if ((*p >= '0' && *p <= '9') ||
	    (*p == '.' && p + 1 < lx->end && p[1] >= '0' && p[1] <= '9')) {
		const char *q = p + 1;

		while (q < lx->end &&
		       (is_id((unsigned char)*q) || *q == '.' ||
			((*q == '+' || *q == '-') && strchr("eEpP", q[-1]))))
			q++;
		lx->p = q;
		t->kind = PF_OTHER;
		t->len = (size_t)(q - p);
		return;
	}
	if (*p == '"' || *p == '\'') {
		lx->p = skip_quoted(p, lx->end, *p);
		t->kind = PF_OTHER;
		t->len = (size_t)(lx->p - p);
		return;
	}
	t->kind = PF_PUNCT;
	if (*p == '#' && p + 1 < lx->end && p[1] == '#') {
		t->len = 2;
		lx->p = p + 2;
		return;
	}
	t->len = 1;
	lx->p = p + 1;
}

int pf_lex_include(struct pf_lex *lx, const char **s, size_t *len)
{
	int blank = 0;
	const char *p, *q;
	char close;

	if (skip_blanks(lx, &blank))
		return 0;
	p = lx->p;
	if (p >= lx->end || (*p != '"' && *p != '<'))
		return 0;
	close = *p == '"' ? '"' : '>';
	q = p + 1;
	while (q < lx->end && *q != close && *q != '\n')
		q++;
	if (q >= lx->end || *q != close)
		return 0;
	*s = p + 1;
	*len = (size_t)(q - p - 1);
	lx->p = q + 1;
	return *p;
}

void pf_lex_skip_directive(struct pf_lex *lx)
{
	struct pf_tok_t t;

	do
		pf_lex_next(lx, &t);
	while (t.kind != PF_EOL && t.kind != PF_EOF);
}
