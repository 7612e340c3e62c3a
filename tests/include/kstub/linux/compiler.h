/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: compiler attributes and helpers used by kernel code.
 * Written for ksizecheck tests from documented facts; not kernel source.
 */
#ifndef _KSTUB_LINUX_COMPILER_H
#define _KSTUB_LINUX_COMPILER_H

#ifdef __CHECKER__
# define __user		__attribute__((noderef, address_space(__user)))
# define __iomem	__attribute__((noderef, address_space(__iomem)))
# define __percpu	__attribute__((noderef, address_space(__percpu)))
# define __force	__attribute__((force))
# define __bitwise	__attribute__((bitwise))
#else
# define __user
# define __iomem
# define __percpu
# define __force
# define __bitwise
#endif

#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __used			__attribute__((__used__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __malloc		__attribute__((__malloc__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __cold			__attribute__((__cold__))
#define __noreturn		__attribute__((__noreturn__))
#define __weak			__attribute__((__weak__))
#define __section(s)		__attribute__((__section__(s)))
#define __init
#define __exit
#define __initdata
#define __read_mostly
#define __ro_after_init

/*
 * __alloc_size(): 1-based argument numbers whose product is the object
 * size, plus __malloc.  __realloc_size() is the same without __malloc.
 */
#define __alloc_size(x, ...)	__attribute__((__alloc_size__(x, ## __VA_ARGS__))) __malloc
#define __realloc_size(x, ...)	__attribute__((__alloc_size__(x, ## __VA_ARGS__)))

#define __assume_kmalloc_alignment	__attribute__((__assume_aligned__(8)))
#define __assume_slab_alignment		__attribute__((__assume_aligned__(8)))
#define __assume_page_alignment		__attribute__((__assume_aligned__(4096)))

/*
 * __counted_by(member): the 6.12 tree enables it when the compiler has the
 * attribute; the 6.1 backport expands it to nothing.
 */
#if defined(KC_STUB_6_12) && defined(__has_attribute)
# if __has_attribute(__counted_by__)
#  define __counted_by(member)	__attribute__((__counted_by__(member)))
# endif
#endif
#ifndef __counted_by
# define __counted_by(member)
#endif

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define barrier()		__asm__ __volatile__("" : : : "memory")
#define READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val)	do { *(volatile typeof(x) *)&(x) = (val); } while (0)

#define __same_type(a, b)	__builtin_types_compatible_p(typeof(a), typeof(b))
#define __must_be_array(a)	0

#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)
#define __UNIQUE_ID(prefix)	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

/* A constant expression test that does not evaluate its argument. */
#define __is_constexpr(x) \
	(sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))

#define unreachable()		__builtin_unreachable()

#define _RET_IP_		(unsigned long)__builtin_return_address(0)

/*
 * compiletime_assert(): a call to an error-attributed noreturn function
 * in a do/while, which only an optimizing build removes (the kernel's
 * shape outside sparse; sparse sees an empty do/while).
 */
#ifdef __CHECKER__
# define __compiletime_assert(condition, msg, prefix, suffix) do { } while (0)
#else
# define __compiletime_assert(condition, msg, prefix, suffix)		\
	do {								\
		__noreturn extern void prefix ## suffix(void)		\
			__attribute__((__error__(msg)));		\
		if (!(condition))					\
			prefix ## suffix();				\
	} while (0)
#endif
/* one more level, so __COUNTER__ expands before the ## paste */
#define _compiletime_assert(condition, msg, prefix, suffix) \
	__compiletime_assert(condition, msg, prefix, suffix)
#define compiletime_assert(condition, msg) \
	_compiletime_assert(condition, msg, __compiletime_assert_, __COUNTER__)

#define statically_true(x)	(__builtin_constant_p(x) && (x))

#if defined(__has_attribute)
# if __has_attribute(__fallthrough__)
#  define fallthrough		__attribute__((__fallthrough__))
# endif
#endif
#ifndef fallthrough
# define fallthrough		do {} while (0)  /* fallthrough */
#endif

#endif /* _KSTUB_LINUX_COMPILER_H */
