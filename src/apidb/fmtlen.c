/* fmtlen.c - the most characters a kernel format can produce (fmtlen.h).
 * The grammar is format_decode() of lib/vsprintf.c (6.1, 6.12): flags
 * "-+ #0", a width (digits or '*'), a precision ('.' then digits or '*'),
 * a qualifier (hh h l ll L z t), a conversion (c s p % o x X d i u). */
#include "apidb/fmtlen.h"

#include <ctype.h>
#include <string.h>

#define UNBOUNDED (-1LL)

struct spec {
	int left, plus, space, special;
	long long width;       /* -1: none */
	long long prec;        /* -1: none */
	int bits;              /* of the converted integer */
	int is_signed;
	int base;
};

/* Digits of v in base (v >= 0). */
static int ndigits(unsigned long long v, int base)
{
	int n = 1;

	while (v >= (unsigned long long)base) {
		v /= (unsigned long long)base;
		n++;
	}
	return n;
}

/* The largest magnitude a bits-wide integer of that signedness prints
 * (the '-' of the most negative value included). */
static int widest_int(int bits, int is_signed, int base)
{
	unsigned long long max;

	if (bits >= 64)
		max = is_signed && base == 10 ? 9223372036854775808ULL :
			~0ULL;
	else if (is_signed && base == 10)
		max = 1ULL << (bits - 1);
	else
		max = (1ULL << bits) - 1;
	return ndigits(max, base) + (is_signed && base == 10);
}

/* Characters of integer conversion s for an argument in [lo, hi] when
 * known: number() prints sign, prefix, then max(digits, precision). */
static long long int_len(const struct spec *s, const struct fmt_argv *a)
{
	long long len;
	int sign = 0, digits;

	int vbits = s->is_signed ? s->bits - 1 : s->bits;

	if (a && a->have_range && a->lo >= 0 &&
	    (vbits >= 63 || (unsigned long long)a->hi < (1ULL << vbits))) {
		digits = ndigits((unsigned long long)a->hi, s->base);
	} else if (a && a->have_range && s->is_signed && s->base == 10 &&
		   s->bits >= 32 && a->lo > -2147483647LL &&
		   a->hi < 2147483647LL) {
		long long m = a->hi > -a->lo ? a->hi : -a->lo;

		digits = ndigits((unsigned long long)m, 10);
		sign = a->lo < 0;
	} else {
		digits = widest_int(s->bits, s->is_signed, s->base);
		if (s->is_signed && s->base == 10) {
			digits--;
			sign = 1;
		}
	}
	if (s->is_signed && s->base == 10 && (s->plus || s->space))
		sign = 1;
	len = digits;
	if (s->prec > len)
		len = s->prec;
	len += sign;
	if (s->special && s->base == 16)
		len += 2;
	else if (s->special && s->base == 8)
		len += 1;
	return len;
}

/* A '*' width or precision: the largest magnitude argument i can have,
 * or -1 when unknown. */
static long long star(fmt_arg_fn arg, void *data, unsigned i)
{
	struct fmt_argv a = { 0 };

	if (!arg || arg(data, i, &a) || !a.have_range)
		return UNBOUNDED;
	if (a.lo < -(1LL << 31) || a.hi > (1LL << 31))
		return UNBOUNDED;
	return a.hi > -a.lo ? a.hi : -a.lo;
}

/* Characters of a %p conversion with extension ext[0..n): the kinds of
 * pointer() whose output has a fixed most, else -1. */
static long long ptr_len(const char *ext, size_t n)
{
	char e[8];

	if (n >= sizeof(e))
		return UNBOUNDED;
	memcpy(e, ext, n);
	e[n] = 0;
	/* plain (hashed), x (raw), K (restricted): 2 * sizeof(void *) hex
	 * digits, or "(____ptrval____)" (16) before the hash key is ready */
	if (!strcmp(e, "") || !strcmp(e, "x") || !strcmp(e, "K"))
		return 16;
	/* ip4_addr[sizeof("255.255.255.255")]; i4: no dots, 3 digits each */
	if (e[0] == 'I' && e[1] == '4' && (!e[2] || (strchr("hnbl", e[2]) &&
						   !e[3])))
		return 15;
	if (e[0] == 'i' && e[1] == '4' && (!e[2] || (strchr("hnbl", e[2]) &&
						   !e[3])))
		return 12;
	/* mac_addr[sizeof("xx:xx:xx:xx:xx:xx")]; m: contiguous */
	if (!strcmp(e, "M") || !strcmp(e, "MR") || !strcmp(e, "MF"))
		return 17;
	if (!strcmp(e, "m") || !strcmp(e, "mR"))
		return 12;
	/* uuid[UUID_STRING_LEN + 1] */
	if (e[0] == 'U' && (!e[1] || (strchr("bBlL", e[1]) && !e[2])))
		return 36;
	return UNBOUNDED;
}

/* Reads a number at *p; -1 when there is none. */
static long long read_num(const char **p, const char *end)
{
	long long v = -1;

	while (*p < end && isdigit((unsigned char)**p)) {
		v = (v < 0 ? 0 : v) * 10 + (**p - '0');
		if (v > (1LL << 31))
			v = 1LL << 31;
		(*p)++;
	}
	return v;
}

long long fmt_max_len(const char *fmt, size_t n, fmt_arg_fn arg, void *data,
		      unsigned *nargs)
{
	const char *p = fmt, *end = fmt + n;
	long long total = 0, len;
	unsigned ai = 0;
	int bounded = 1;

	while (p < end) {
		struct spec s = { .width = -1, .prec = -1, .bits = 32 };
		struct fmt_argv a = { .strmax = -1 };
		int have = 0;
		char q = 0;

		if (*p != '%') {
			total++;
			p++;
			continue;
		}
		p++;
		for (; p < end && strchr("-+ #0", *p); p++) {
			s.left |= *p == '-';
			s.plus |= *p == '+';
			s.space |= *p == ' ';
			s.special |= *p == '#';
		}
		if (p < end && *p == '*') {
			s.width = star(arg, data, ai++);
			if (s.width < 0)
				bounded = 0;
			p++;
		} else {
			s.width = read_num(&p, end);
		}
		if (p < end && *p == '.') {
			p++;
			if (p < end && *p == '*') {
				s.prec = star(arg, data, ai++);
				if (s.prec < 0)
					bounded = 0;
				p++;
			} else {
				s.prec = read_num(&p, end);
				if (s.prec < 0)
					s.prec = 0;
			}
		}
		if (p < end && (*p == 'h' || *p == 'l' || *p == 'L' ||
				*p == 'z' || *p == 't')) {
			q = *p++;
			if (p < end && *p == q && (q == 'l' || q == 'h')) {
				q = q == 'l' ? 'L' : 'H';
				p++;
			}
		}
		if (p >= end)
			return UNBOUNDED;       /* a '%' that ends the format */
		switch (q) {
		case 'H': s.bits = 8; break;
		case 'h': s.bits = 16; break;
		case 'l': case 'L': case 'z': case 't': s.bits = 64; break;
		default: s.bits = 32; break;
		}
		switch (*p) {
		case '%':
			/* FORMAT_TYPE_PERCENT_CHAR: one '%', width ignored */
			s.width = -1;
			len = 1;
			break;
		case 'c':
			ai++;
			len = 1;
			break;
		case 's':
			have = arg && !arg(data, ai, &a);
			ai++;
			if (have && a.strmax >= 0)
				/* a NULL pointer prints "(null)" */
				len = a.strmax > 6 || a.nonnull ? a.strmax :
					6;
			else
				len = s.prec >= 0 ? s.prec : UNBOUNDED;
			if (len >= 0 && s.prec >= 0 && s.prec < len)
				len = s.prec;
			break;
		case 'p': {
			const char *e = p + 1;

			while (e < end && isalnum((unsigned char)*e))
				e++;
			len = ptr_len(p + 1, (size_t)(e - p - 1));
			ai++;
			p = e - 1;
			break;
		}
		case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
			s.is_signed = *p == 'd' || *p == 'i';
			s.base = *p == 'o' ? 8 : (*p == 'x' || *p == 'X') ? 16 :
				10;
			have = arg && !arg(data, ai, &a);
			ai++;
			len = int_len(&s, have ? &a : NULL);
			break;
		default:
			/* %n and anything format_decode() refuses */
			return UNBOUNDED;
		}
		p++;
		if (len < 0) {
			bounded = 0;
			continue;
		}
		if (s.width > len)
			len = s.width;
		total += len;
	}
	if (nargs)
		*nargs = ai;
	return bounded ? total : UNBOUNDED;
}
