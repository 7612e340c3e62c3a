/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: the slab allocator API (kmalloc family, kmem_cache,
 * kvmalloc, ksize, kmalloc_size_roundup).
 *
 * Default: the 6.1 shape, where kmalloc() & co. are static inline
 * wrappers that call __kmalloc(), kmalloc_trace() or kmalloc_large().
 * With -DKC_STUB_6_12: the 6.10+ shape, where every public allocator is
 * a macro X(...) -> alloc_hooks(X_noprof(...)).
 *
 * Declarations only (the analyzer never links).  Written for ksizecheck
 * from documented signatures and attributes; not kernel source.
 */
#ifndef _KSTUB_LINUX_SLAB_H
#define _KSTUB_LINUX_SLAB_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/err.h>
#include <linux/cleanup.h>
#ifdef KC_STUB_6_12
#include <linux/alloc_tag.h>
#endif

#define SLAB_HWCACHE_ALIGN	((__force slab_flags_t)0x00002000U)
#define SLAB_CACHE_DMA		((__force slab_flags_t)0x00004000U)
#define SLAB_PANIC		((__force slab_flags_t)0x00040000U)
#define SLAB_TYPESAFE_BY_RCU	((__force slab_flags_t)0x00080000U)
#define SLAB_ACCOUNT		((__force slab_flags_t)0x04000000U)
#define SLAB_RECLAIM_ACCOUNT	((__force slab_flags_t)0x00020000U)

/* kmalloc(0) returns this; dereferencing it faults, kfree/ksize accept it. */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/* x86_64 SLUB, 4K pages: caches up to two pages, then the page allocator. */
#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)
#define KMALLOC_SHIFT_MAX	(10 + PAGE_SHIFT)
#define KMALLOC_MIN_SIZE	(1 << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE	(1UL << KMALLOC_SHIFT_MAX)
#define ARCH_KMALLOC_MINALIGN	8

struct kmem_cache;
struct list_lru;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
struct kmem_cache *kmem_cache_create_usercopy(const char *name,
					      unsigned int size,
					      unsigned int align,
					      slab_flags_t flags,
					      unsigned int useroffset,
					      unsigned int usersize,
					      void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
unsigned int kmem_cache_size(struct kmem_cache *s);

#define KMEM_CACHE(__struct, __flags)					\
	kmem_cache_create(#__struct, sizeof(struct __struct),		\
			  __alignof__(struct __struct), (__flags), NULL)

void kfree(const void *objp);
void kfree_sensitive(const void *objp);
size_t __ksize(const void *objp);

/*
 * ksize - the usable size of a kmalloc object.  Must not be used to write
 * past the requested size; use kmalloc_size_roundup() before allocating
 * or krealloc(p, ksize(p), gfp) instead.
 */
size_t ksize(const void *objp);

/* The bucket kmalloc(size) would use; call before allocating. */
size_t kmalloc_size_roundup(size_t size);

void kmem_cache_free(struct kmem_cache *s, void *objp);
void kmem_cache_free_bulk(struct kmem_cache *s, size_t size, void **p);

void kvfree(const void *addr);
void kvfree_sensitive(const void *addr, size_t len);

DEFINE_FREE(kfree, void *, if (!IS_ERR_OR_NULL(_T)) kfree(_T))
DEFINE_FREE(kvfree, void *, if (!IS_ERR_OR_NULL(_T)) kvfree(_T))

#define kfree_rcu(ptr, rhf)	kfree(ptr)

enum kmalloc_cache_type {
	KMALLOC_NORMAL = 0,
	KMALLOC_CGROUP,
	KMALLOC_RECLAIM,
	KMALLOC_DMA,
	NR_KMALLOC_TYPES
};

extern struct kmem_cache *
kmalloc_caches[NR_KMALLOC_TYPES][KMALLOC_SHIFT_HIGH + 1];

#ifndef KC_STUB_6_12
static __always_inline enum kmalloc_cache_type kmalloc_type(gfp_t flags)
#else
/* 6.12: the caller address picks one of the random kmalloc caches */
static __always_inline enum kmalloc_cache_type kmalloc_type(gfp_t flags,
							  unsigned long caller)
#endif
{
#ifdef KC_STUB_6_12
	(void)caller;
#endif
	if (flags & __GFP_DMA)
		return KMALLOC_DMA;
	if (flags & __GFP_RECLAIMABLE)
		return KMALLOC_RECLAIM;
	if (flags & __GFP_ACCOUNT)
		return KMALLOC_CGROUP;
	return KMALLOC_NORMAL;
}

/*
 * Size index: 0 -> 0, 1 -> 96, 2 -> 192, n -> 1 << n.  Sizes 65..96 use
 * index 1, 129..192 index 2; no 24/40/48 byte classes.
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	unsigned int shift;

	if (!size)
		return 0;
	if (size <= KMALLOC_MIN_SIZE)
		return KMALLOC_SHIFT_LOW;
	if (size > 64 && size <= 96)
		return 1;
	if (size > 128 && size <= 192)
		return 2;
	for (shift = 4; shift <= KMALLOC_SHIFT_HIGH; shift++)
		if (size <= (1UL << shift))
			return shift;
	return ~0U;
}

#ifndef KC_STUB_6_12
/* ------------------------------------------------------------------ 6.1 */

void * __must_check krealloc(const void *objp, size_t new_size,
			     gfp_t flags) __realloc_size(2);

void *__kmalloc(size_t size, gfp_t flags)
	__assume_kmalloc_alignment __alloc_size(1);
void *__kmalloc_node(size_t size, gfp_t flags, int node)
	__assume_kmalloc_alignment __alloc_size(1);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
	__assume_slab_alignment __malloc;
void *kmem_cache_alloc_lru(struct kmem_cache *s, struct list_lru *lru,
			   gfp_t gfpflags) __assume_slab_alignment __malloc;
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node)
	__assume_slab_alignment __malloc;
int kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t flags, size_t size,
			  void **p);
void *kmalloc_trace(struct kmem_cache *s, gfp_t flags, size_t size)
	__assume_kmalloc_alignment __alloc_size(3);
void *kmalloc_node_trace(struct kmem_cache *s, gfp_t gfpflags, int node,
			 size_t size) __assume_kmalloc_alignment __alloc_size(4);
void *kmalloc_large(size_t size, gfp_t flags)
	__assume_page_alignment __alloc_size(1);
void *kmalloc_large_node(size_t size, gfp_t flags, int node)
	__assume_page_alignment __alloc_size(1);
void *__kmalloc_node_track_caller(size_t size, gfp_t flags, int node,
				  unsigned long caller) __alloc_size(1);

static __always_inline __alloc_size(1) void *kmalloc(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size)) {
		unsigned int index;

		if (size > KMALLOC_MAX_CACHE_SIZE)
			return kmalloc_large(size, flags);
		index = kmalloc_index(size);
		if (!index)
			return ZERO_SIZE_PTR;
		return kmalloc_trace(kmalloc_caches[kmalloc_type(flags)][index],
				     flags, size);
	}
	return __kmalloc(size, flags);
}

static __always_inline __alloc_size(1) void *
kmalloc_node(size_t size, gfp_t flags, int node)
{
	if (__builtin_constant_p(size)) {
		unsigned int index;

		if (size > KMALLOC_MAX_CACHE_SIZE)
			return kmalloc_large_node(size, flags, node);
		index = kmalloc_index(size);
		if (!index)
			return ZERO_SIZE_PTR;
		return kmalloc_node_trace(kmalloc_caches[kmalloc_type(flags)][index],
					  flags, node, size);
	}
	return __kmalloc_node(size, flags, node);
}

static inline __alloc_size(1, 2) void *
kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	if (__builtin_constant_p(n) && __builtin_constant_p(size))
		return kmalloc(bytes, flags);
	return __kmalloc(bytes, flags);
}

static inline __realloc_size(2, 3) void * __must_check
krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(new_n, new_size, &bytes)))
		return NULL;
	return krealloc(p, bytes, flags);
}

static inline __alloc_size(1, 2) void *
kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

#define kmalloc_track_caller(size, flags) \
	__kmalloc_node_track_caller(size, flags, NUMA_NO_NODE, _RET_IP_)
#define kmalloc_node_track_caller(size, flags, node) \
	__kmalloc_node_track_caller(size, flags, node, _RET_IP_)

static inline __alloc_size(1, 2) void *
kmalloc_array_node(size_t n, size_t size, gfp_t flags, int node)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	if (__builtin_constant_p(n) && __builtin_constant_p(size))
		return kmalloc_node(bytes, flags, node);
	return __kmalloc_node(bytes, flags, node);
}

static inline __alloc_size(1, 2) void *
kcalloc_node(size_t n, size_t size, gfp_t flags, int node)
{
	return kmalloc_array_node(n, size, flags | __GFP_ZERO, node);
}

static inline void *kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags)
{
	return kmem_cache_alloc(k, flags | __GFP_ZERO);
}

static inline __alloc_size(1) void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline __alloc_size(1) void *
kzalloc_node(size_t size, gfp_t flags, int node)
{
	return kmalloc_node(size, flags | __GFP_ZERO, node);
}

/* May fall back to vmalloc when size > PAGE_SIZE and flags may block. */
extern void *kvmalloc_node(size_t size, gfp_t flags, int node) __alloc_size(1);

static inline __alloc_size(1) void *kvmalloc(size_t size, gfp_t flags)
{
	return kvmalloc_node(size, flags, NUMA_NO_NODE);
}

static inline __alloc_size(1) void *
kvzalloc_node(size_t size, gfp_t flags, int node)
{
	return kvmalloc_node(size, flags | __GFP_ZERO, node);
}

static inline __alloc_size(1) void *kvzalloc(size_t size, gfp_t flags)
{
	return kvmalloc(size, flags | __GFP_ZERO);
}

static inline __alloc_size(1, 2) void *
kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kvmalloc(bytes, flags);
}

static inline __alloc_size(1, 2) void *
kvcalloc(size_t n, size_t size, gfp_t flags)
{
	return kvmalloc_array(n, size, flags | __GFP_ZERO);
}

extern void *kvrealloc(const void *p, size_t oldsize, size_t newsize,
		       gfp_t flags) __realloc_size(3);

#else /* KC_STUB_6_12 */
/* ----------------------------------------------------------------- 6.12 */

typedef struct kmem_cache *kmem_buckets[KMALLOC_SHIFT_HIGH + 1];

/*
 * CONFIG_SLAB_BUCKETS (y in allmodconfig): the bucket set follows the
 * size argument of the node entry points.  -DKC_STUB_NO_SLAB_BUCKETS
 * drops it.
 */
#ifndef KC_STUB_NO_SLAB_BUCKETS
#define DECL_BUCKET_PARAMS(_size, _b)	size_t (_size), kmem_buckets *(_b)
#define PASS_BUCKET_PARAMS(_size, _b)	(_size), (_b)
#else
#define DECL_BUCKET_PARAMS(_size, _b)	size_t (_size)
#define PASS_BUCKET_PARAMS(_size, _b)	(_size)
#endif

kmem_buckets *kmem_buckets_create(const char *name, slab_flags_t flags,
				  unsigned int useroffset,
				  unsigned int usersize,
				  void (*ctor)(void *));

void * __must_check krealloc_noprof(const void *objp, size_t new_size,
				    gfp_t flags) __realloc_size(2);
#define krealloc(...)		alloc_hooks(krealloc_noprof(__VA_ARGS__))

void *kmem_cache_alloc_noprof(struct kmem_cache *cachep, gfp_t flags)
	__assume_slab_alignment __malloc;
#define kmem_cache_alloc(...)	alloc_hooks(kmem_cache_alloc_noprof(__VA_ARGS__))

void *kmem_cache_alloc_lru_noprof(struct kmem_cache *s, struct list_lru *lru,
				  gfp_t gfpflags) __assume_slab_alignment __malloc;
#define kmem_cache_alloc_lru(...) \
	alloc_hooks(kmem_cache_alloc_lru_noprof(__VA_ARGS__))

void *kmem_cache_alloc_node_noprof(struct kmem_cache *s, gfp_t flags,
				   int node) __assume_slab_alignment __malloc;
#define kmem_cache_alloc_node(...) \
	alloc_hooks(kmem_cache_alloc_node_noprof(__VA_ARGS__))

int kmem_cache_alloc_bulk_noprof(struct kmem_cache *s, gfp_t flags,
				 size_t size, void **p);
#define kmem_cache_alloc_bulk(...) \
	alloc_hooks(kmem_cache_alloc_bulk_noprof(__VA_ARGS__))

#define kmem_cache_zalloc(_k, _flags)	kmem_cache_alloc(_k, (_flags) | __GFP_ZERO)

void *__kmalloc_noprof(size_t size, gfp_t flags)
	__assume_kmalloc_alignment __alloc_size(1);
void *__kmalloc_node_noprof(DECL_BUCKET_PARAMS(size, b), gfp_t flags,
			    int node) __assume_kmalloc_alignment __alloc_size(1);
void *__kmalloc_cache_noprof(struct kmem_cache *s, gfp_t flags, size_t size)
	__assume_kmalloc_alignment __alloc_size(3);
void *__kmalloc_cache_node_noprof(struct kmem_cache *s, gfp_t gfpflags,
				  int node, size_t size)
	__assume_kmalloc_alignment __alloc_size(4);
void *__kmalloc_large_noprof(size_t size, gfp_t flags)
	__assume_page_alignment __alloc_size(1);
void *__kmalloc_large_node_noprof(size_t size, gfp_t flags, int node)
	__assume_page_alignment __alloc_size(1);
void *__kmalloc_node_track_caller_noprof(DECL_BUCKET_PARAMS(size, b),
					 gfp_t flags, int node,
					 unsigned long caller) __alloc_size(1);

static __always_inline __alloc_size(1) void *
kmalloc_noprof(size_t size, gfp_t flags)
{
	if (__builtin_constant_p(size) && size) {
		unsigned int index;

		if (size > KMALLOC_MAX_CACHE_SIZE)
			return __kmalloc_large_noprof(size, flags);
		index = kmalloc_index(size);
		return __kmalloc_cache_noprof(
				kmalloc_caches[kmalloc_type(flags, _RET_IP_)][index],
				flags, size);
	}
	return __kmalloc_noprof(size, flags);
}
#define kmalloc(...)		alloc_hooks(kmalloc_noprof(__VA_ARGS__))

static __always_inline __alloc_size(1) void *
kmalloc_node_noprof(size_t size, gfp_t flags, int node)
{
	if (__builtin_constant_p(size) && size) {
		unsigned int index;

		if (size > KMALLOC_MAX_CACHE_SIZE)
			return __kmalloc_large_node_noprof(size, flags, node);
		index = kmalloc_index(size);
		return __kmalloc_cache_node_noprof(
				kmalloc_caches[kmalloc_type(flags, _RET_IP_)][index],
				flags, node, size);
	}
	return __kmalloc_node_noprof(PASS_BUCKET_PARAMS(size, NULL), flags, node);
}
#define kmalloc_node(...)	alloc_hooks(kmalloc_node_noprof(__VA_ARGS__))

static inline __alloc_size(1, 2) void *
kmalloc_array_noprof(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc_noprof(bytes, flags);
}
#define kmalloc_array(...)	alloc_hooks(kmalloc_array_noprof(__VA_ARGS__))

static inline __realloc_size(2, 3) void * __must_check
krealloc_array_noprof(void *p, size_t new_n, size_t new_size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(new_n, new_size, &bytes)))
		return NULL;
	return krealloc_noprof(p, bytes, flags);
}
#define krealloc_array(...)	alloc_hooks(krealloc_array_noprof(__VA_ARGS__))

#define kcalloc(n, size, flags)	kmalloc_array(n, size, (flags) | __GFP_ZERO)

#define kmalloc_node_track_caller_noprof(size, flags, node, caller) \
	__kmalloc_node_track_caller_noprof(PASS_BUCKET_PARAMS(size, NULL), \
					   flags, node, caller)
#define kmalloc_node_track_caller(...) \
	alloc_hooks(kmalloc_node_track_caller_noprof(__VA_ARGS__, _RET_IP_))
#define kmalloc_track_caller(...) \
	kmalloc_node_track_caller(__VA_ARGS__, NUMA_NO_NODE)

static inline __alloc_size(1, 2) void *
kmalloc_array_node_noprof(size_t n, size_t size, gfp_t flags, int node)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc_node_noprof(bytes, flags, node);
}
#define kmalloc_array_node(...) \
	alloc_hooks(kmalloc_array_node_noprof(__VA_ARGS__))
#define kcalloc_node(_n, _size, _flags, _node) \
	kmalloc_array_node(_n, _size, (_flags) | __GFP_ZERO, _node)

static inline __alloc_size(1) void *kzalloc_noprof(size_t size, gfp_t flags)
{
	return kmalloc_noprof(size, flags | __GFP_ZERO);
}
#define kzalloc(...)		alloc_hooks(kzalloc_noprof(__VA_ARGS__))
#define kzalloc_node(_size, _flags, _node) \
	kmalloc_node(_size, (_flags) | __GFP_ZERO, _node)

#define kmem_buckets_alloc(_b, _size, _flags) \
	alloc_hooks(__kmalloc_node_noprof(PASS_BUCKET_PARAMS(_size, _b), \
					  _flags, NUMA_NO_NODE))
#define kmem_buckets_alloc_track_caller(_b, _size, _flags) \
	alloc_hooks(__kmalloc_node_track_caller_noprof( \
			PASS_BUCKET_PARAMS(_size, _b), _flags, NUMA_NO_NODE, \
			_RET_IP_))

/* May fall back to vmalloc when size > PAGE_SIZE and flags may block. */
void *__kvmalloc_node_noprof(DECL_BUCKET_PARAMS(size, b), gfp_t flags,
			     int node) __alloc_size(1);
#define kvmalloc_node_noprof(size, flags, node) \
	__kvmalloc_node_noprof(PASS_BUCKET_PARAMS(size, NULL), flags, node)
#define kvmalloc_node(...)	alloc_hooks(kvmalloc_node_noprof(__VA_ARGS__))
#define kvmalloc(_size, _flags)	kvmalloc_node(_size, _flags, NUMA_NO_NODE)
#define kvmalloc_noprof(_size, _flags) \
	kvmalloc_node_noprof(_size, _flags, NUMA_NO_NODE)
#define kvzalloc(_size, _flags)	kvmalloc(_size, (_flags) | __GFP_ZERO)
#define kvzalloc_node(_size, _flags, _node) \
	kvmalloc_node(_size, (_flags) | __GFP_ZERO, _node)

static inline __alloc_size(1, 2) void *
kvmalloc_array_node_noprof(size_t n, size_t size, gfp_t flags, int node)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kvmalloc_node_noprof(bytes, flags, node);
}
#define kvmalloc_array_noprof(...) \
	kvmalloc_array_node_noprof(__VA_ARGS__, NUMA_NO_NODE)
#define kvcalloc_noprof(_n, _s, _f) \
	kvmalloc_array_node_noprof(_n, _s, (_f) | __GFP_ZERO, NUMA_NO_NODE)
#define kvmalloc_array(...)	alloc_hooks(kvmalloc_array_noprof(__VA_ARGS__))
#define kvcalloc(...)		alloc_hooks(kvcalloc_noprof(__VA_ARGS__))

void *kvrealloc_noprof(const void *p, size_t size, gfp_t flags)
	__realloc_size(2);
#define kvrealloc(...)		alloc_hooks(kvrealloc_noprof(__VA_ARGS__))

/*
 * 6.12.117 type-based helpers: kmalloc_obj(T) = sizeof(T),
 * kmalloc_objs(T, n) = size_mul(sizeof(T), n), kmalloc_flex(T, fam, n) =
 * struct_size_t(T, fam, n); optional gfp argument, GFP_KERNEL by default.
 */
#define __kc_second(a, b, ...)		b
#define default_gfp(...)		__kc_second(_, ##__VA_ARGS__, GFP_KERNEL)

#define __alloc_objs(KMALLOC, GFP, TYPE, COUNT)				\
({									\
	const size_t __obj_size = size_mul(sizeof(TYPE), COUNT);	\
	(TYPE *)KMALLOC(__obj_size, GFP);				\
})

#define __alloc_flex(KMALLOC, GFP, TYPE, FAM, COUNT)			\
({									\
	const size_t __count = (COUNT);					\
	const size_t __obj_size = struct_size_t(TYPE, FAM, __count);	\
	(TYPE *)KMALLOC(__obj_size, GFP);				\
})

#define kmalloc_obj(T, ...) \
	__alloc_objs(kmalloc, default_gfp(__VA_ARGS__), typeof(T), 1)
#define kmalloc_objs(T, COUNT, ...) \
	__alloc_objs(kmalloc, default_gfp(__VA_ARGS__), typeof(T), COUNT)
#define kmalloc_flex(T, FAM, COUNT, ...) \
	__alloc_flex(kmalloc, default_gfp(__VA_ARGS__), typeof(T), FAM, COUNT)
#define kzalloc_obj(T, ...) \
	__alloc_objs(kzalloc, default_gfp(__VA_ARGS__), typeof(T), 1)
#define kzalloc_objs(T, COUNT, ...) \
	__alloc_objs(kzalloc, default_gfp(__VA_ARGS__), typeof(T), COUNT)
#define kzalloc_flex(T, FAM, COUNT, ...) \
	__alloc_flex(kzalloc, default_gfp(__VA_ARGS__), typeof(T), FAM, COUNT)
#define kvmalloc_obj(T, ...) \
	__alloc_objs(kvmalloc, default_gfp(__VA_ARGS__), typeof(T), 1)
#define kvmalloc_objs(T, COUNT, ...) \
	__alloc_objs(kvmalloc, default_gfp(__VA_ARGS__), typeof(T), COUNT)
#define kvmalloc_flex(T, FAM, COUNT, ...) \
	__alloc_flex(kvmalloc, default_gfp(__VA_ARGS__), typeof(T), FAM, COUNT)
#define kvzalloc_obj(T, ...) \
	__alloc_objs(kvzalloc, default_gfp(__VA_ARGS__), typeof(T), 1)
#define kvzalloc_objs(T, COUNT, ...) \
	__alloc_objs(kvzalloc, default_gfp(__VA_ARGS__), typeof(T), COUNT)
#define kvzalloc_flex(T, FAM, COUNT, ...) \
	__alloc_flex(kvzalloc, default_gfp(__VA_ARGS__), typeof(T), FAM, COUNT)

#endif /* KC_STUB_6_12 */

#endif /* _KSTUB_LINUX_SLAB_H */
