/* check.h - the assertion every unit test uses: CHECK(cond) reports the
 * failed condition with its line and counts it in `failures`; main()
 * returns failures != 0. */
#ifndef KC_TESTS_UNIT_CHECK_H
#define KC_TESTS_UNIT_CHECK_H

#include <stdio.h>

static int failures;

#define CHECK(cond)                                                          \
	do {                                                                 \
		if (!(cond)) {                                               \
			fprintf(stderr, "%s:%d: check failed: %s\n",         \
				__FILE__, __LINE__, #cond);                  \
			failures++;                                          \
		}                                                            \
	} while (0)

#endif
