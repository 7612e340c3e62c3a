/* parse-options.c - kc-parse-options: times one libclang parse of a TU
 * with a given set of CXTranslationUnit_* options, to measure what
 * sharing or skipping work would buy (bench/parse-options.sh). Not part
 * of ksizecheck.
 *
 *   kc-parse-options OPTIONS [mem] -- CLANG-ARGS... FILE
 *
 * OPTIONS is a number (CXTranslationUnit_* bits); "mem" keeps preambles
 * in memory (CXIndexOptions.StorePreamblesInMemory). Prints
 * "FILE SECONDS errors=N".
 */
#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

static double now(void)
{
	struct timeval t;

	gettimeofday(&t, NULL);
	return (double)t.tv_sec + t.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	CXTranslationUnit tu = NULL;
	CXIndexOptions io;
	CXIndex ix;
	unsigned opts, nerr = 0;
	int i = 2, ec;
	const char *file;
	double t0, t1;

	if (argc < 4) {
		fprintf(stderr, "usage: %s OPTIONS [mem] -- ARGS... FILE\n",
			argv[0]);
		return 2;
	}
	opts = (unsigned)strtoul(argv[1], NULL, 0);
	memset(&io, 0, sizeof(io));
	io.Size = sizeof(io);
	if (!strcmp(argv[i], "mem")) {
		io.StorePreamblesInMemory = 1;
		i++;
	}
	ix = clang_createIndexWithOptions(&io);
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	file = argv[argc - 1];
	t0 = now();
	ec = clang_parseTranslationUnit2(ix, NULL,
					 (const char *const *)argv + i,
					 argc - i, NULL, 0, opts, &tu);
	t1 = now();
	if (!ec)
		for (unsigned k = 0; k < clang_getNumDiagnostics(tu); k++) {
			CXDiagnostic d = clang_getDiagnostic(tu, k);

			nerr += clang_getDiagnosticSeverity(d) >=
				CXDiagnostic_Error;
			clang_disposeDiagnostic(d);
		}
	printf("%s %.3f errors=%u%s\n", file, t1 - t0, nerr,
	       ec ? " (failed)" : "");
	if (tu)
		clang_disposeTranslationUnit(tu);
	clang_disposeIndex(ix);
	return 0;
}
