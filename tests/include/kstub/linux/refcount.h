/* SPDX-License-Identifier: GPL-2.0 */
/* ksizecheck kstub: refcount_t (declarations only). Not kernel source. */
#ifndef _KSTUB_LINUX_REFCOUNT_H
#define _KSTUB_LINUX_REFCOUNT_H

#include <linux/types.h>

void refcount_set(refcount_t *r, int n);
void refcount_inc(refcount_t *r);
bool __must_check refcount_dec_and_test(refcount_t *r);
unsigned int refcount_read(const refcount_t *r);

#endif /* _KSTUB_LINUX_REFCOUNT_H */
