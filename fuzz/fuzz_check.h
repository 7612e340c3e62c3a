/* fuzz_check.h - invariants every harness checks after a loader call:
 * a failure carries a message, success leaves no error code. A violation
 * aborts, so libFuzzer keeps the input as a crash.
 */
#ifndef KC_FUZZ_CHECK_H
#define KC_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#include "util/err.h"

/* ret: the loader's return value; err: the error record it filled. */
static inline void fuzz_check_err(const char *what, int ret,
				  const struct kc_err *err)
{
	if (ret < 0 && !err->msg[0]) {
		fprintf(stderr, "%s: failed (%d) without a message\n", what,
			ret);
		abort();
	}
	if (ret > 0) {
		fprintf(stderr, "%s: positive return %d\n", what, ret);
		abort();
	}
}

#endif
