/* pf_lex.h - a C tokenizer for the prefilter: identifiers and the few
 * punctuators it needs, with comments, string and character literals and
 * numbers skipped, and preprocessor directives delimited (a directive
 * ends at an unescaped newline; PF_EOL marks it). No macro expansion: the
 * prefilter reasons about macros by name (pf_index.c).
 */
#ifndef KC_PREFILTER_PF_LEX_H
#define KC_PREFILTER_PF_LEX_H

#include <stddef.h>

enum pf_tok {
	PF_EOF = 0,
	PF_IDENT,
	PF_PUNCT,    /* one character in tok.s[0]; "##" has len 2 */
	PF_HASH,     /* '#' that starts a directive */
	PF_EOL,      /* end of a directive */
	PF_OTHER,    /* number, string or character literal */
};

struct pf_tok_t {
	int kind;         /* enum pf_tok */
	const char *s;    /* in the buffer */
	size_t len;
	int glued;        /* no blank before it (#define F( against F ( ) */
};

struct pf_lex {
	const char *p, *end;
	int bol;          /* only blanks since the last newline */
	int in_dir;       /* inside a directive */
};

void pf_lex_init(struct pf_lex *lx, const char *buf, size_t len);
/* Next token; PF_EOF at the end of the buffer. */
void pf_lex_next(struct pf_lex *lx, struct pf_tok_t *t);
/* After "#include": the header name. Returns '"' or '<' with the name in
 * s and len, or 0 for a computed include (#include MACRO). Leaves the
 * lexer inside the directive. */
int pf_lex_include(struct pf_lex *lx, const char **s, size_t *len);
/* Skips the rest of the current directive (up to and including PF_EOL). */
void pf_lex_skip_directive(struct pf_lex *lx);

#endif
