/* test_val.c - integer intervals with symbolic linear bounds and the
 * provenance join (src/ir/val.h). */
#include "ir/val.h"

#include <stdio.h>

#include "check.h"

static void test_numeric(void)
{
	struct ival a = iv_range(2, 5), b = iv_const(3), r;
	long long c;

	r = iv_add(a, b);
	CHECK(r.lo == 5 && r.hi == 8);
	r = iv_mul(a, b);
	CHECK(r.lo == 6 && r.hi == 15);
	r = iv_sub(a, b);
	CHECK(r.lo == -1 && r.hi == 2);
	r = iv_shl(iv_const(1), iv_const(12));
	CHECK(iv_is_const(&r, &c) && c == 4096);
	r = iv_join(iv_const(1), iv_const(9));
	CHECK(r.lo == 1 && r.hi == 9);
	r = iv_widen(iv_range(0, 1), iv_range(0, 2));
	CHECK(r.lo == 0 && r.hi == IV_PINF);
	r = iv_add(iv_top(), iv_const(1));
	CHECK(iv_is_top(&r));
}

static void test_forms(void)
{
	struct ival used = iv_sym(1), size = iv_sym(2), ks = iv_sym(3), r, b;

	/* used + (size - used) == size */
	r = iv_add(used, iv_sub(size, used));
	CHECK(iv_single_sym(&r) == 2 && r.slo == 0 && r.shi == 0);
	/* (ks - 8) / 8 * 8 + 8 <= ks */
	r = iv_div(iv_sub(ks, iv_const(8)), iv_const(8));
	CHECK(r.den == 8);
	r = iv_add(iv_mul(r, iv_const(8)), iv_const(8));
	CHECK(iv_single_sym(&r) == 3 && r.shi == 0);
	/* i < ks - 1: i <= ks - 2 */
	r = iv_range(0, IV_PINF);
	b = iv_sub(ks, iv_const(1));
	iv_assume_le(&r, &b, -1, 0);
	CHECK(iv_single_sym(&r) == 3 && r.shi == -2);
	/* joins keep a common form, drop different ones */
	r = iv_join(iv_add(ks, iv_const(-4)), ks);
	CHECK(iv_single_sym(&r) == 3 && r.slo == -4 && r.shi == 0);
	r = iv_join(ks, used);
	CHECK(!r.nt);
	/* forms with three symbols cancel term by term */
	r = iv_add(iv_add(used, size), iv_const(1));
	r = iv_sub(r, size);
	CHECK(iv_single_sym(&r) == 1 && r.slo == 1 && r.shi == 1);
}

static void test_pointers(void)
{
	struct val a = val_obj(1, iv_const(0)), b = val_null(), r;
	struct pel e = { .kind = PK_OBJ, .obj = 2 };
	int i;

	r = val_join(&a, &b);
	CHECK(r.np == 2);
	r = val_ptr_add(&r, iv_const(8));
	CHECK(r.p[0].kind == PK_OBJ && r.p[0].off.lo == 8);
	r = val_obj(1, iv_const(0));
	for (i = 2; i < 2 + VAL_MAXP + 1; i++) {
		e.obj = i;
		e.off = iv_const(0);
		val_add_pel(&r, &e);
	}
	CHECK(r.np == VAL_MAXP && r.ptop);
	CHECK(val_equal(&a, &a));
	CHECK(!val_equal(&a, &b));
}

int main(void)
{
	test_numeric();
	test_forms();
	test_pointers();
	if (failures)
		fprintf(stderr, "test_val: %d failures\n", failures);
	return failures ? 1 : 0;
}
