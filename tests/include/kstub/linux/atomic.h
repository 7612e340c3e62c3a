/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: atomics (declarations only). Not kernel source. */
#ifndef _KSTUB_LINUX_ATOMIC_H
#define _KSTUB_LINUX_ATOMIC_H

#include <linux/types.h>

#define ATOMIC_INIT(i)		{ (i) }

int atomic_read(const atomic_t *v);
void atomic_set(atomic_t *v, int i);
void atomic_inc(atomic_t *v);
void atomic_dec(atomic_t *v);
void atomic_add(int i, atomic_t *v);
void atomic_sub(int i, atomic_t *v);
int atomic_inc_return(atomic_t *v);
bool atomic_dec_and_test(atomic_t *v);

typedef atomic64_t atomic_long_t;
long atomic_long_read(const atomic_long_t *v);
void atomic_long_add(long i, atomic_long_t *v);
void atomic_long_sub(long i, atomic_long_t *v);

#endif /* _KSTUB_LINUX_ATOMIC_H */
