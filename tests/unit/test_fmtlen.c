/* test_fmtlen.c - the most characters of kernel formats (fmtlen.h),
 * each figure counted by hand from lib/vsprintf.c's rules. */
#include <string.h>

#include "apidb/fmtlen.h"
#include "check.h"

/* Arguments for a test: a range for every integer, a string length. */
struct args {
	int have_range;
	long long lo, hi;
	long long strmax;
	int nonnull;
};

static int give(void *data, unsigned i, struct fmt_argv *out)
{
	const struct args *a = data;

	(void)i;
	if (!a)
		return -1;
	out->have_range = a->have_range;
	out->lo = a->lo;
	out->hi = a->hi;
	out->strmax = a->strmax;
	out->nonnull = a->nonnull;
	return 0;
}

static long long len(const char *fmt, const struct args *a)
{
	return fmt_max_len(fmt, strlen(fmt), give, (void *)a, NULL);
}

int main(void)
{
	struct args digit = { 1, 0, 9, -1, 0 }, two = { 1, 0, 99, -1, 0 };
	struct args neg = { 1, -5, 3, -1, 0 }, width30 = { 1, 0, 30, -1, 0 };
	struct args big = { 1, 0, 3000000000LL, -1, 0 };
	struct args s3 = { 0, 0, 0, 3, 0 }, s10 = { 0, 0, 0, 10, 0 };
	struct args lit3 = { 0, 0, 0, 3, 1 };
	unsigned nargs = 0;

	/* dm-ima's capacity line: 24 letters, a u64, ';' */
	CHECK(len("current_device_capacity=%llu;", NULL) == 45);
	CHECK(len("plain text", NULL) == 10);
	CHECK(len("100%%", NULL) == 4);
	CHECK(len("%5%", NULL) == 1);
	/* widest value per qualifier and base (x86_64: long is 64 bits) */
	CHECK(len("%d", NULL) == 11);
	CHECK(len("%i", NULL) == 11);
	CHECK(len("%u", NULL) == 10);
	CHECK(len("%x", NULL) == 8);
	CHECK(len("%X", NULL) == 8);
	CHECK(len("%#x", NULL) == 10);
	CHECK(len("%o", NULL) == 11);
	CHECK(len("%#o", NULL) == 12);
	CHECK(len("%lx", NULL) == 16);
	CHECK(len("%llx", NULL) == 16);
	CHECK(len("%ld", NULL) == 20);
	CHECK(len("%lld", NULL) == 20);
	CHECK(len("%llu", NULL) == 20);
	CHECK(len("%Lu", NULL) == 20);
	CHECK(len("%zu", NULL) == 20);
	CHECK(len("%zd", NULL) == 20);
	CHECK(len("%td", NULL) == 20);
	CHECK(len("%hd", NULL) == 6);
	CHECK(len("%hu", NULL) == 5);
	CHECK(len("%hhd", NULL) == 4);
	CHECK(len("%hhu", NULL) == 3);
	CHECK(len("%hhx", NULL) == 2);
	CHECK(len("%+u", NULL) == 10);
	CHECK(len("%+d", NULL) == 11);
	CHECK(len("%c", NULL) == 1);
	/* widths and precisions */
	CHECK(len("%08x", NULL) == 8);
	CHECK(len("%12x", NULL) == 12);
	CHECK(len("%-12d|", NULL) == 13);
	CHECK(len("%.20d", NULL) == 21);
	CHECK(len("%.20u", NULL) == 20);
	/* known ranges */
	CHECK(len("%d", &digit) == 1);
	CHECK(len("%5d", &digit) == 5);
	CHECK(len("%u", &two) == 2);
	CHECK(len("%x", &two) == 2);
	CHECK(len("%d", &neg) == 2);
	CHECK(len("%+d", &two) == 3);
	/* 3e9 does not fit an int: %d prints it negative, widest form */
	CHECK(len("%d", &big) == 11);
	CHECK(len("%u", &big) == 10);
	CHECK(len("%*d", &width30) == 30);
	CHECK(len("%.*s", &width30) == 30);
	/* strings: unknown is unbounded, a precision bounds it, NULL prints
	 * "(null)" */
	CHECK(len("%s", NULL) == -1);
	CHECK(len("%.8s", NULL) == 8);
	CHECK(len("%s", &s3) == 6);
	CHECK(len("%s", &lit3) == 3);
	CHECK(len("%.2s", &lit3) == 2);
	CHECK(len("%s", &s10) == 10);
	CHECK(len("%.4s", &s10) == 4);
	CHECK(len("%12s", &s10) == 12);
	CHECK(len("name=%s;", &s10) == 16);
	/* pointers */
	CHECK(len("%p", NULL) == 16);
	CHECK(len("%px", NULL) == 16);
	CHECK(len("%pK", NULL) == 16);
	CHECK(len("%pI4", NULL) == 15);
	CHECK(len("%pI4n", NULL) == 15);
	CHECK(len("%pi4", NULL) == 12);
	CHECK(len("%pM", NULL) == 17);
	CHECK(len("%pMR", NULL) == 17);
	CHECK(len("%pm", NULL) == 12);
	CHECK(len("%pU", NULL) == 36);
	CHECK(len("%pUb", NULL) == 36);
	CHECK(len("[%pM]", NULL) == 19);
	/* what the model does not know is unbounded, never a guess */
	CHECK(len("%pS", NULL) == -1);
	CHECK(len("%pI6", NULL) == -1);
	CHECK(len("%n", NULL) == -1);
	CHECK(len("%*d", NULL) == -1);
	CHECK(len("%.*s", NULL) == -1);
	CHECK(len("%jd", NULL) == -1);
	CHECK(len("50%", NULL) == -1);
	CHECK(len("%d%s", NULL) == -1);
	/* the arguments a format consumes */
	CHECK(fmt_max_len("%*.*s %d %% %pM %c", 18, NULL, NULL, &nargs) ==
	      -1);
	CHECK(nargs == 6);
	return failures != 0;
}
