/* test_prefilter.c - the prefilter's name graph (src/prefilter/pf_index.c)
 * and tokenizer: which header names become triggers, and which must
 * not. */
#include "prefilter/pf_index.h"
#include "prefilter/pf_lex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static int trig(const struct pf_index *x, const char *name)
{
	return pf_index_is_trigger(x, name, strlen(name));
}

static void add(struct pf_index *x, const char *text)
{
	const char **incs;
	size_t *inclen, n;

	CHECK(pf_index_header(x, text, strlen(text), &incs, &inclen, &n) == 0);
	free(incs);
	free(inclen);
}

static const char slab_h[] =
	"/* kmalloc in a comment: wrap_comment() */\n"
	"#define __printf(a, b) __attribute__((format(printf, a, b)))\n"
	"#define my_alloc(n) kmalloc(n, 0)\n"
	"#define NOT_ALLOC(n) \"kmalloc\" n\n"
	"#define MK(x) kmal##x\n"
	"#define GLUE(a, b) a##b\n"
	"#define CLASS(x) class_##x##_t\n"
	"#define DEFINE_THING(name, code) static inline void *name(void) { return code; }\n"
	"void *kmalloc(size_t size, gfp_t flags);\n"
	"static inline void *wrap(int n)\n{\n\treturn my_alloc(n);\n}\n"
	"static inline int unrelated(size_t x)\n{\n\treturn x + 1;\n}\n"
	"DEFINE_THING(made_fn, kmalloc(4, 0))\n"
	"DEFINE_THING(other_fn, 0)\n"
	"__printf(1, 2) void *fmt_alloc(const char *f, ...)\n{\n\treturn wrap(1);\n}\n"
	"struct ops { void *(*alloc)(size_t); } ops_inst = { .alloc = wrap };\n"
	"static inline int uses_struct(void) { return sizeof(struct ops); }\n";

/* Braces split by #if branches: the file is read as one definition. */
static const char unbalanced_h[] =
	"#ifdef A\n"
	"static inline void *ua(void) {\n"
	"#else\n"
	"static inline void *ua(void) {\n"
	"#endif\n"
	"\treturn kzalloc(1, 0);\n"
	"}\n"
	"static inline int later(void) { return 0; }\n";

static void test_closure(void)
{
	struct pf_index *x = pf_index_new();
	size_t names, defs, ntrig;

	CHECK(x);
	if (!x)
		return;
	CHECK(pf_index_root(x, "kmalloc") == 0);
	CHECK(pf_index_root(x, "kzalloc") == 0);
	add(x, slab_h);
	add(x, unbalanced_h);
	CHECK(pf_index_close(x) == 0);
	CHECK(trig(x, "kmalloc"));
	CHECK(trig(x, "my_alloc"));       /* macro naming a root */
	CHECK(trig(x, "wrap"));           /* function calling that macro */
	CHECK(trig(x, "fmt_alloc"));      /* behind an attribute macro */
	CHECK(trig(x, "made_fn"));        /* defined by a macro call */
	CHECK(trig(x, "DEFINE_THING") == 0);
	CHECK(trig(x, "MK"));             /* pastes a piece of "kmalloc" */
	CHECK(trig(x, "ua"));
	CHECK(trig(x, "later"));          /* coarse: same unbalanced file */
	CHECK(!trig(x, "unrelated"));
	CHECK(!trig(x, "other_fn"));
	CHECK(!trig(x, "NOT_ALLOC"));     /* only a string */
	CHECK(!trig(x, "GLUE"));          /* pastes parameters only */
	CHECK(!trig(x, "CLASS"));         /* pieces of no root's name */
	CHECK(!trig(x, "__printf"));
	CHECK(!trig(x, "size_t"));
	CHECK(!trig(x, "gfp_t"));
	CHECK(!trig(x, "uses_struct"));
	CHECK(!trig(x, "wrap_comment"));
	pf_index_counts(x, &names, &defs, &ntrig);
	CHECK(ntrig == 9);  /* the two roots and the seven above */
	pf_index_free(x);
}

static void test_lex(void)
{
	static const char src[] =
		"#include \"local.h\"\n"
		"#include <linux/slab.h>\n"
		"#include TRACE_FILE\n"
		"int a = 0x1e+5; /* b */ char *s = \"c\\\"d\"; // e\n"
		"#define LONG x \\\n y\n"
		"z L'q' u8\"w\"\n";
	const char *want[] = { "a", "char", "s", "z" };
	struct pf_lex lx;
	struct pf_tok_t t;
	const char *name;
	size_t len, n = 0;
	int inc = 0, dir = 0;

	pf_lex_init(&lx, src, strlen(src));
	for (pf_lex_next(&lx, &t); t.kind != PF_EOF; pf_lex_next(&lx, &t)) {
		if (t.kind == PF_HASH) {
			pf_lex_next(&lx, &t);
			dir++;
			if (t.len == 7 && !strncmp(t.s, "include", 7)) {
				int q = pf_lex_include(&lx, &name, &len);

				CHECK(q == (inc == 0 ? '"' : inc == 1 ? '<' : 0));
				if (inc == 0)
					CHECK(len == 7 && !strncmp(name, "local.h", 7));
				inc++;
				pf_lex_skip_directive(&lx);
			} else {
				/* define LONG x y: skip to its end */
				pf_lex_skip_directive(&lx);
			}
			continue;
		}
		if (t.kind != PF_IDENT)
			continue;
		if (!strncmp(t.s, "int", 3) && t.len == 3)
			continue;
		if (n < 4)
			CHECK(t.len == strlen(want[n]) &&
			      !strncmp(t.s, want[n], t.len));
		n++;
	}
	CHECK(inc == 3);
	CHECK(dir == 4);
	/* "y" of the continued #define is inside the directive: skipped */
	CHECK(n == 4);
}

int main(void)
{
	test_closure();
	test_lex();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
