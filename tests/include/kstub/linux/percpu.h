/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: per-CPU allocations (not kmalloc-backed; free with
 * free_percpu).  Default 6.1 names; -DKC_STUB_6_12 gives
 * pcpu_alloc_noprof + alloc_hooks().  Not kernel source.
 */
#ifndef _KSTUB_LINUX_PERCPU_H
#define _KSTUB_LINUX_PERCPU_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/gfp.h>
#ifdef KC_STUB_6_12
#include <linux/alloc_tag.h>
#endif

#define NR_CPUS		64
extern unsigned long __per_cpu_offset[NR_CPUS];
extern unsigned int nr_cpu_ids;

#ifndef KC_STUB_6_12

extern void __percpu *__alloc_percpu(size_t size, size_t align) __alloc_size(1);
extern void __percpu *__alloc_percpu_gfp(size_t size, size_t align,
					 gfp_t gfp) __alloc_size(1);

#else /* KC_STUB_6_12 */

extern void __percpu *pcpu_alloc_noprof(size_t size, size_t align,
					bool reserved, gfp_t gfp) __alloc_size(1);
#define __alloc_percpu_gfp(_size, _align, _gfp) \
	alloc_hooks(pcpu_alloc_noprof(_size, _align, false, _gfp))
#define __alloc_percpu(_size, _align) \
	alloc_hooks(pcpu_alloc_noprof(_size, _align, false, GFP_KERNEL))

#endif /* KC_STUB_6_12 */

extern void free_percpu(void __percpu *__pdata);

#define alloc_percpu_gfp(type, gfp)					\
	(typeof(type) __percpu *)__alloc_percpu_gfp(sizeof(type),	\
						__alignof__(type), gfp)
#define alloc_percpu(type)						\
	(typeof(type) __percpu *)__alloc_percpu(sizeof(type),		\
						__alignof__(type))

#define per_cpu_ptr(ptr, cpu)						\
	((typeof(ptr))((unsigned long)(ptr) + __per_cpu_offset[(cpu)]))

int kc_stub_smp_processor_id(void);
#define smp_processor_id()	kc_stub_smp_processor_id()
#define this_cpu_ptr(ptr)	per_cpu_ptr(ptr, smp_processor_id())
#define get_cpu()		smp_processor_id()
#define put_cpu()		do { } while (0)

#define for_each_possible_cpu(cpu) \
	for ((cpu) = 0; (cpu) < (int)nr_cpu_ids; (cpu)++)

#endif /* _KSTUB_LINUX_PERCPU_H */
