/* ival.c - integer intervals with an optional symbolic linear bound: their
 * constructors, arithmetic, join, widening, assumptions and text (val.h).
 */
#include "ir/val.h"

#include <stdio.h>
#include <string.h>

static long long sat(long long v)
{
	if (v <= IV_NINF)
		return IV_NINF;
	if (v >= IV_PINF)
		return IV_PINF;
	return v;
}

static long long sadd(long long a, long long b)
{
	if (a == IV_NINF || b == IV_NINF)
		return (a == IV_PINF || b == IV_PINF) ? 0 : IV_NINF;
	if (a == IV_PINF || b == IV_PINF)
		return IV_PINF;
	return sat(a + b);
}

static long long smul(long long a, long long b)
{
	__int128 r = (__int128)a * b;

	if (!a || !b)
		return 0;
	if (a == IV_NINF || a == IV_PINF || b == IV_NINF || b == IV_PINF)
		return ((a < 0) != (b < 0)) ? IV_NINF : IV_PINF;
	if (r <= IV_NINF)
		return IV_NINF;
	if (r >= IV_PINF)
		return IV_PINF;
	return (long long)r;
}

struct ival iv_top(void)
{
	struct ival r;

	memset(&r, 0, sizeof(r));
	r.lo = r.slo = IV_NINF;
	r.hi = r.shi = IV_PINF;
	return r;
}

struct ival iv_const(long long c)
{
	struct ival r = iv_top();

	r.lo = r.hi = sat(c);
	return r;
}

long long iv_floor_div(long long a, long long b)
{
	long long q = a / b;

	return (a % b && (a < 0) != (b < 0)) ? q - 1 : q;
}

struct ival iv_range(long long lo, long long hi)
{
	struct ival r = iv_top();

	r.lo = sat(lo);
	r.hi = sat(hi);
	return r;
}

struct ival iv_sym(int sym)
{
	struct ival r = iv_top();

	r.nt = 1;
	r.sym[0] = sym;
	r.coef[0] = 1;
	r.den = 1;
	r.slo = r.shi = 0;
	return r;
}

int iv_is_const(const struct ival *a, long long *c)
{
	if (a->lo != a->hi || a->lo == IV_NINF || a->lo == IV_PINF)
		return 0;
	if (c)
		*c = a->lo;
	return 1;
}

int iv_is_top(const struct ival *a)
{
	return a->lo == IV_NINF && a->hi == IV_PINF && !a->nt;
}

int iv_single_sym(const struct ival *a)
{
	return a->nt == 1 && a->coef[0] == 1 && a->den == 1 ? a->sym[0] : 0;
}

int iv_same_form(const struct ival *a, const struct ival *b)
{
	int i;

	if (a->nt != b->nt || (a->nt && a->den != b->den))
		return 0;
	for (i = 0; i < a->nt; i++)
		if (a->sym[i] != b->sym[i] || a->coef[i] != b->coef[i])
			return 0;
	return 1;
}

static void iv_norm(struct ival *r)
{
	if (r->nt && r->slo <= IV_NINF && r->shi >= IV_PINF)
		r->nt = 0;
	if (!r->nt) {
		r->slo = IV_NINF;
		r->shi = IV_PINF;
		r->den = 0;
	} else if (r->den < 1) {
		r->den = 1;
	}
}

/* Form offsets of a: its own when symbolic, else its numeric range. */
static void form_off(const struct ival *a, long long *lo, long long *hi)
{
	if (a->nt) {
		*lo = a->slo;
		*hi = a->shi;
	} else {
		*lo = a->lo;
		*hi = a->hi;
	}
}

static struct ival iv_add_raw(struct ival a, struct ival b)
{
	struct ival r = iv_top();
	long long alo, ahi, blo, bhi;
	int i = 0, j = 0, ok = 1;

	r.lo = (a.lo == IV_NINF || b.lo == IV_NINF) ? IV_NINF :
						      sadd(a.lo, b.lo);
	r.hi = (a.hi == IV_PINF || b.hi == IV_PINF) ? IV_PINF :
						      sadd(a.hi, b.hi);
	if (!a.nt && !b.nt)
		return r;
	if (a.nt && b.nt && a.den != b.den) {
		iv_norm(&r);
		return r;
	}
	r.den = a.nt ? a.den : b.den;
	while (i < a.nt || j < b.nt) {
		int s, c;

		if (j >= b.nt || (i < a.nt && a.sym[i] < b.sym[j])) {
			s = a.sym[i];
			c = a.coef[i++];
		} else if (i >= a.nt || b.sym[j] < a.sym[i]) {
			s = b.sym[j];
			c = b.coef[j++];
		} else {
			s = a.sym[i];
			c = a.coef[i++] + b.coef[j++];
		}
		if (!c)
			continue;
		if (r.nt == IV_NTERMS) {
			ok = 0;
			break;
		}
		r.sym[r.nt] = s;
		r.coef[r.nt++] = c;
	}
	if (!ok) {
		r.nt = 0;
		return r;
	}
	form_off(&a, &alo, &ahi);
	form_off(&b, &blo, &bhi);
	if (r.den > 1) {
		/* a plain number k joins a form over den as k * den */
		if (!a.nt) {
			alo = smul(alo, r.den);
			ahi = smul(ahi, r.den);
		}
		if (!b.nt) {
			blo = smul(blo, r.den);
			bhi = smul(bhi, r.den);
		}
	}
	r.slo = (alo <= IV_NINF || blo <= IV_NINF) ? IV_NINF :
						     sadd(alo, blo);
	r.shi = (ahi >= IV_PINF || bhi >= IV_PINF) ? IV_PINF :
						     sadd(ahi, bhi);
	if (!r.nt) {
		/* the symbols cancelled: the offsets are the value */
		long long lo = r.slo, hi = r.shi;

		if (r.den > 1) {
			lo = lo <= IV_NINF ? IV_NINF : lo / r.den - 1;
			hi = hi >= IV_PINF ? IV_PINF : hi / r.den;
		}
		if (lo > r.lo)
			r.lo = lo;
		if (hi < r.hi)
			r.hi = hi;
	}
	iv_norm(&r);
	return r;
}

struct ival iv_neg(struct ival a)
{
	struct ival r = a;
	int i;

	r.reach = 0;
	r.sreach = 0;
	r.lo = a.hi == IV_PINF ? IV_NINF : -a.hi;
	r.hi = a.lo == IV_NINF ? IV_PINF : -a.lo;
	r.rounded = 0;
	/* -floor(x/d) is not floor(-x/d): keep the form only undivided */
	if (a.nt && a.den > 1) {
		r.nt = 0;
		r.slo = IV_NINF;
		r.shi = IV_PINF;
		return r;
	}
	for (i = 0; i < a.nt; i++)
		r.coef[i] = -a.coef[i];
	if (a.nt) {
		r.slo = a.shi >= IV_PINF ? IV_NINF : -a.shi;
		r.shi = a.slo <= IV_NINF ? IV_PINF : -a.slo;
	}
	return r;
}

/* hi of a + b is attained when one of them is a constant and the other's
 * hi is attained */
struct ival iv_add(struct ival a, struct ival b)
{
	struct ival r = iv_add_raw(a, b);

	r.reach = (a.reach && iv_is_const(&b, NULL)) ||
		  (b.reach && iv_is_const(&a, NULL));
	r.sreach = r.nt && ((a.sreach && iv_is_const(&b, NULL)) ||
			    (b.sreach && iv_is_const(&a, NULL)));
	return r;
}

struct ival iv_sub(struct ival a, struct ival b)
{
	return iv_add(a, iv_neg(b));
}

static struct ival iv_mul_raw(struct ival a, struct ival b)
{
	struct ival r = iv_top();
	long long p[4], lo, hi;
	int i;
	long long c;

	if (iv_is_const(&b, &c) && c == 1)
		return a;
	if (iv_is_const(&a, &c) && c == 1)
		return b;
	p[0] = smul(a.lo, b.lo);
	p[1] = smul(a.lo, b.hi);
	p[2] = smul(a.hi, b.lo);
	p[3] = smul(a.hi, b.hi);
	lo = hi = p[0];
	for (i = 1; i < 4; i++) {
		if (p[i] < lo)
			lo = p[i];
		if (p[i] > hi)
			hi = p[i];
	}
	r.lo = lo;
	r.hi = hi;
	if (!a.nt && b.nt)
		return iv_mul(b, a);
	if (a.nt && iv_is_const(&b, &c) && c > 0 && c < (1 << 20)) {
		r.nt = a.nt;
		for (i = 0; i < a.nt; i++)
			r.sym[i] = a.sym[i];
		if (a.den % c == 0) {
			/* floor(x / (d*c)) * c <= x / d */
			r.den = a.den / (int)c;
			for (i = 0; i < a.nt; i++)
				r.coef[i] = a.coef[i];
			r.slo = a.slo <= IV_NINF ? IV_NINF :
						   sadd(a.slo, -(c - 1) * r.den);
			r.shi = a.shi;
		} else {
			r.den = a.den;
			for (i = 0; i < a.nt; i++)
				r.coef[i] = a.coef[i] * (int)c;
			r.slo = smul(a.slo, c);
			r.shi = smul(a.shi, c);
		}
		iv_norm(&r);
	}
	return r;
}

struct ival iv_mul(struct ival a, struct ival b)
{
	struct ival r = iv_mul_raw(a, b);
	long long c;

	r.reach = (a.reach && iv_is_const(&b, &c) && c >= 0) ||
		  (b.reach && iv_is_const(&a, &c) && c >= 0);
	r.sreach = r.nt && ((a.sreach && iv_is_const(&b, &c) && c >= 0) ||
			    (b.sreach && iv_is_const(&a, &c) && c >= 0));
	return r;
}

struct ival iv_div(struct ival a, struct ival b)
{
	long long c;

	if (a.nt && iv_is_const(&b, &c) && c > 0 && c < (1 << 20) &&
	    (long long)a.den * c < (1 << 24)) {
		struct ival r = a;

		r.den = a.den * (int)c;
		r.rounded = 0;
		r.reach = 0;
		r.sreach = 0;
		r.lo = a.lo >= 0 ? a.lo / c : IV_NINF;
		r.hi = a.hi == IV_PINF ? IV_PINF : a.hi / c;
		return r;
	}

	if (iv_is_const(&b, &c) && c > 0 && a.lo >= 0) {
		struct ival r = iv_top();

		r.lo = a.lo / c;
		r.hi = a.hi == IV_PINF ? IV_PINF : a.hi / c;
		return r;
	}
	if (a.lo >= 0 && b.lo >= 1)
		return iv_range(0, a.hi);
	return iv_top();
}

struct ival iv_shl(struct ival a, struct ival b)
{
	long long c;

	if (iv_is_const(&b, &c) && c >= 0 && c < 62)
		return iv_mul(a, iv_const(1LL << c));
	if (b.lo >= 0 && b.hi < 62 && a.lo >= 0)
		return iv_mul(a, iv_range(1LL << b.lo, 1LL << b.hi));
	return iv_top();
}

struct ival iv_shr(struct ival a, struct ival b)
{
	long long c;

	if (iv_is_const(&b, &c) && c >= 0 && c < 62)
		return iv_div(a, iv_const(1LL << c));
	if (a.lo >= 0)
		return iv_range(0, a.hi);
	return iv_top();
}

struct ival iv_and(struct ival a, struct ival b)
{
	if (b.lo >= 0 && b.hi != IV_PINF)
		return iv_range(0, b.hi);
	if (a.lo >= 0 && a.hi != IV_PINF)
		return iv_range(0, a.hi);
	if (a.lo >= 0 || b.lo >= 0)
		return iv_range(0, IV_PINF);
	return iv_top();
}

struct ival iv_join(struct ival a, struct ival b)
{
	struct ival r = iv_top();

	r.lo = a.lo < b.lo ? a.lo : b.lo;
	r.hi = a.hi > b.hi ? a.hi : b.hi;
	if (a.nt && iv_same_form(&a, &b)) {
		r = a;
		r.lo = a.lo < b.lo ? a.lo : b.lo;
		r.hi = a.hi > b.hi ? a.hi : b.hi;
		r.slo = a.slo < b.slo ? a.slo : b.slo;
		r.shi = a.shi > b.shi ? a.shi : b.shi;
	}
	r.rounded = a.rounded && b.rounded;
	r.reach = a.hi > b.hi ? a.reach : b.hi > a.hi ? b.reach :
		  (a.reach || b.reach);
	r.sreach = r.nt && (a.shi > b.shi ? a.sreach : b.shi > a.shi ?
			    b.sreach : (a.sreach || b.sreach));
	iv_norm(&r);
	return r;
}

struct ival iv_widen(struct ival old, struct ival nw)
{
	struct ival r = iv_join(old, nw);

	if (r.lo < old.lo)
		r.lo = IV_NINF;
	if (r.hi > old.hi)
		r.hi = IV_PINF;
	if (r.nt && iv_same_form(&r, &old)) {
		if (r.slo < old.slo)
			r.slo = IV_NINF;
		if (r.shi > old.shi)
			r.shi = IV_PINF;
	}
	iv_norm(&r);
	return r;
}

int iv_equal(const struct ival *a, const struct ival *b)
{
	return a->lo == b->lo && a->hi == b->hi && iv_same_form(a, b) &&
	       (!a->nt || (a->slo == b->slo && a->shi == b->shi)) &&
	       a->rounded == b->rounded;
}

void iv_assume_le(struct ival *a, const struct ival *b, long long adj,
		  int prefer)
{
	long long h = sadd(b->hi, adj);

	if (b->hi != IV_PINF && h < a->hi) {
		a->hi = h;
		a->reach = 0;
	}
	if (b->nt && b->shi != IV_PINF) {
		long long sh = sadd(b->shi, smul(adj, b->den));

		if (a->nt && iv_same_form(a, b)) {
			if (sh < a->shi) {
				a->shi = sh;
				a->sreach = 0;
			}
		} else if (!a->nt || prefer) {
			int i;

			a->sreach = 0;
			a->nt = b->nt;
			a->den = b->den;
			for (i = 0; i < b->nt; i++) {
				a->sym[i] = b->sym[i];
				a->coef[i] = b->coef[i];
			}
			a->slo = IV_NINF;
			a->shi = sh;
		}
	}
}

void iv_assume_ge(struct ival *a, const struct ival *b, long long adj)
{
	long long l = sadd(b->lo, adj);

	if (b->lo != IV_NINF && l > a->lo)
		a->lo = l;
	if (b->nt && a->nt && iv_same_form(a, b) && b->slo != IV_NINF) {
		long long sl = sadd(b->slo, smul(adj, b->den));

		if (sl > a->slo)
			a->slo = sl;
	}
}

const char *iv_str(const struct ival *a, char *buf, unsigned size)
{
	char lo[32], hi[32];

	if (a->lo == a->hi) {
		snprintf(buf, size, "%lld", a->lo);
		return buf;
	}
	if (a->lo == IV_NINF)
		snprintf(lo, sizeof(lo), "-inf");
	else
		snprintf(lo, sizeof(lo), "%lld", a->lo);
	if (a->hi == IV_PINF)
		snprintf(hi, sizeof(hi), "inf");
	else
		snprintf(hi, sizeof(hi), "%lld", a->hi);
	snprintf(buf, size, "[%s, %s]", lo, hi);
	return buf;
}
