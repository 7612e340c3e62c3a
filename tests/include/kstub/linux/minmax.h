/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: min/max/clamp in the shape both trees use (6.1.192
 * has the 6.12 minmax.h backported): single-evaluation GNU statement
 * expressions holding __auto_type (or the given type) temporaries, a
 * compile-time signedness check (compiletime_assert, a do/while with a
 * call to an error function), then a ?: comparison.  The signedness test
 * here is simpler than the kernel's.  Not kernel source.
 */
#ifndef _KSTUB_LINUX_MINMAX_H
#define _KSTUB_LINUX_MINMAX_H

#include <linux/compiler.h>

#define BUILD_BUG_ON_MSG(cond, msg)	compiletime_assert(!(cond), msg)

#define __kc_is_signed(ux)	((typeof(ux))-1 < (typeof(ux))1)
/* 1: unsigned, 2: signed, 3: a constant, fine with either */
#define __sign_use(ux) \
	(__builtin_constant_p(ux) ? 3 : (__kc_is_signed(ux) ? 2 : 1))
#define __types_ok(ux, uy)	(__sign_use(ux) & __sign_use(uy))
#define __types_ok3(ux, uy, uz) \
	(__sign_use(ux) & __sign_use(uy) & __sign_use(uz))

#define __cmp_op_min <
#define __cmp_op_max >

#define __cmp(op, x, y)	((x) __cmp_op_##op (y) ? (x) : (y))

#define __cmp_once_unique(op, type, x, y, ux, uy) \
	({ type ux = (x); type uy = (y); __cmp(op, ux, uy); })

#define __cmp_once(op, type, x, y) \
	__cmp_once_unique(op, type, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))

#define __careful_cmp_once(op, x, y, ux, uy) ({			\
	__auto_type ux = (x); __auto_type uy = (y);		\
	BUILD_BUG_ON_MSG(!__types_ok(ux, uy),			\
		#op "(" #x ", " #y ") signedness error");	\
	__cmp(op, ux, uy); })

#define __careful_cmp(op, x, y) \
	__careful_cmp_once(op, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))

#define min(x, y)		__careful_cmp(min, x, y)
#define max(x, y)		__careful_cmp(max, x, y)
#define min3(x, y, z)		min((typeof(x))min(x, y), z)
#define max3(x, y, z)		max((typeof(x))max(x, y), z)
#define min_t(type, x, y)	__cmp_once(min, type, x, y)
#define max_t(type, x, y)	__cmp_once(max, type, x, y)

#define __clamp(val, lo, hi) \
	((val) >= (hi) ? (hi) : ((val) <= (lo) ? (lo) : (val)))

#define __clamp_once(type, val, lo, hi, uval, ulo, uhi) ({		\
	type uval = (val);						\
	type ulo = (lo);						\
	type uhi = (hi);						\
	BUILD_BUG_ON_MSG(statically_true(ulo > uhi),			\
		"clamp() low limit " #lo " greater than high limit " #hi); \
	BUILD_BUG_ON_MSG(!__types_ok3(uval, ulo, uhi),			\
		"clamp(" #val ", " #lo ", " #hi ") signedness error");	\
	__clamp(uval, ulo, uhi); })

#define __careful_clamp(type, val, lo, hi) \
	__clamp_once(type, val, lo, hi, __UNIQUE_ID(v_), __UNIQUE_ID(l_), \
		     __UNIQUE_ID(h_))

#define clamp(val, lo, hi)	__careful_clamp(__auto_type, val, lo, hi)
#define clamp_t(type, val, lo, hi) __careful_clamp(type, val, lo, hi)
#define clamp_val(val, lo, hi)	__careful_clamp(typeof(val), val, lo, hi)

#define swap(a, b) \
	do { typeof(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

#endif /* _KSTUB_LINUX_MINMAX_H */
