/* test_pf_defs.c - function definitions by tokens (prefilter/pf_defs.h):
 * definitions with attributes and annotations, statics, declarations,
 * initializers, struct bodies, directives and comments. */
#include "prefilter/pf_defs.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static int collect(void *data, const char *name, size_t nlen, int is_static,
		   unsigned line)
{
	char *out = data;
	size_t len = strlen(out);

	snprintf(out + len, 1024 - len, "%.*s%s:%u ", (int)nlen, name,
		 is_static ? "(s)" : "", line);
	return 0;
}

static void expect(const char *text, const char *want)
{
	char got[1024] = "";

	CHECK(pf_defs_scan(text, strlen(text), collect, got) == 0);
	if (strcmp(got, want)) {
		fprintf(stderr, "for:\n%s\ngot  '%s'\nwant '%s'\n", text, got,
			want);
		failures++;
	}
}

int main(void)
{
	expect("int a(void) { return f(1); }\n"
	       "static void *b(int n, char *p)\n{\n\tif (n) { g(); }\n}\n",
	       "a:1 b(s):2 ");
	expect("int c(void);\nstatic int d(int);\nint (*fp)(int);\n"
	       "static struct ops o = { .f = d, };\nint x = h(3);\n",
	       "");
	expect("void __init e(void) __acquires(l) __cold\n{\n}\n"
	       "int f2(void) __attribute__((weak));\n"
	       "struct s { int (*m)(void); };\n"
	       "#define G(x) int x(void) { return 0; }\n"
	       "/* int h(void) { } */ static inline int i(void) { return 1; }\n",
	       "e:1 i(s):7 ");
	expect("DEFINE_MUTEX(lock);\nEXPORT_SYMBOL(e);\n"
	       "SYSCALL_DEFINE1(j, int, a)\n{\n}\n",
	       "SYSCALL_DEFINE1:3 ");
	return failures ? 1 : 0;
}
