/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: vmalloc family (not kmalloc-backed; free with vfree).
 * Default 6.1 names; -DKC_STUB_6_12 gives *_noprof + alloc_hooks().
 * Not kernel source.
 */
#ifndef _KSTUB_LINUX_VMALLOC_H
#define _KSTUB_LINUX_VMALLOC_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#ifdef KC_STUB_6_12
#include <linux/alloc_tag.h>
#endif

struct page;

#ifndef KC_STUB_6_12

extern void *vmalloc(unsigned long size) __alloc_size(1);
extern void *vzalloc(unsigned long size) __alloc_size(1);
extern void *vmalloc_user(unsigned long size) __alloc_size(1);
extern void *vmalloc_node(unsigned long size, int node) __alloc_size(1);
extern void *vzalloc_node(unsigned long size, int node) __alloc_size(1);
extern void *vmalloc_32(unsigned long size) __alloc_size(1);
extern void *__vmalloc(unsigned long size, gfp_t gfp_mask) __alloc_size(1);
extern void *vmalloc_array(size_t n, size_t size) __alloc_size(1, 2);
extern void *vcalloc(size_t n, size_t size) __alloc_size(1, 2);

#else /* KC_STUB_6_12 */

extern void *vmalloc_noprof(unsigned long size) __alloc_size(1);
#define vmalloc(...)		alloc_hooks(vmalloc_noprof(__VA_ARGS__))
extern void *vzalloc_noprof(unsigned long size) __alloc_size(1);
#define vzalloc(...)		alloc_hooks(vzalloc_noprof(__VA_ARGS__))
extern void *vmalloc_user_noprof(unsigned long size) __alloc_size(1);
#define vmalloc_user(...)	alloc_hooks(vmalloc_user_noprof(__VA_ARGS__))
extern void *vmalloc_node_noprof(unsigned long size, int node) __alloc_size(1);
#define vmalloc_node(...)	alloc_hooks(vmalloc_node_noprof(__VA_ARGS__))
extern void *vzalloc_node_noprof(unsigned long size, int node) __alloc_size(1);
#define vzalloc_node(...)	alloc_hooks(vzalloc_node_noprof(__VA_ARGS__))
extern void *vmalloc_32_noprof(unsigned long size) __alloc_size(1);
#define vmalloc_32(...)		alloc_hooks(vmalloc_32_noprof(__VA_ARGS__))
extern void *__vmalloc_noprof(unsigned long size, gfp_t gfp_mask) __alloc_size(1);
#define __vmalloc(...)		alloc_hooks(__vmalloc_noprof(__VA_ARGS__))
extern void *vmalloc_array_noprof(size_t n, size_t size) __alloc_size(1, 2);
#define vmalloc_array(...)	alloc_hooks(vmalloc_array_noprof(__VA_ARGS__))
extern void *vcalloc_noprof(size_t n, size_t size) __alloc_size(1, 2);
#define vcalloc(...)		alloc_hooks(vcalloc_noprof(__VA_ARGS__))
void * __must_check vrealloc_noprof(const void *p, size_t size, gfp_t flags)
	__realloc_size(2);
#define vrealloc(...)		alloc_hooks(vrealloc_noprof(__VA_ARGS__))

#endif /* KC_STUB_6_12 */

extern void vfree(const void *addr);
extern void vfree_atomic(const void *addr);
extern struct page *vmalloc_to_page(const void *addr);
extern bool is_vmalloc_addr(const void *x);
extern void *vmap(struct page **pages, unsigned int count,
		  unsigned long flags, unsigned int prot);
extern void vunmap(const void *addr);

#endif /* _KSTUB_LINUX_VMALLOC_H */
