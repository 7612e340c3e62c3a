/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: kernel integer and pointer-sized types. Not kernel source. */
#ifndef _KSTUB_LINUX_TYPES_H
#define _KSTUB_LINUX_TYPES_H

#include <linux/compiler.h>

typedef signed char		s8;
typedef unsigned char		u8;
typedef signed short		s16;
typedef unsigned short		u16;
typedef signed int		s32;
typedef unsigned int		u32;
typedef signed long long	s64;
typedef unsigned long long	u64;

typedef s8	__s8;
typedef u8	__u8;
typedef s16	__s16;
typedef u16	__u16;
typedef s32	__s32;
typedef u32	__u32;
typedef s64	__s64;
typedef u64	__u64;

typedef u16 __bitwise	__le16;
typedef u16 __bitwise	__be16;
typedef u32 __bitwise	__le32;
typedef u32 __bitwise	__be32;
typedef u64 __bitwise	__le64;
typedef u64 __bitwise	__be64;

typedef __SIZE_TYPE__		size_t;
typedef __PTRDIFF_TYPE__	ptrdiff_t;
typedef long			ssize_t;
typedef long			__kernel_long_t;
typedef long long		loff_t;
typedef unsigned long		uintptr_t;
typedef _Bool			bool;
typedef unsigned int __bitwise	gfp_t;
typedef unsigned int __bitwise	slab_flags_t;
typedef unsigned short		umode_t;
typedef int			pid_t;
typedef unsigned int		uid_t;
typedef u64			dma_addr_t;
typedef u64			phys_addr_t;
typedef u64			resource_size_t;
typedef u32			dev_t;
typedef unsigned int		fmode_t;

enum {
	false	= 0,
	true	= 1
};

#ifndef NULL
#define NULL ((void *)0)
#endif

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic64_t;

typedef struct refcount_struct {
	atomic_t refs;
} refcount_t;

struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};

#endif /* _KSTUB_LINUX_TYPES_H */
