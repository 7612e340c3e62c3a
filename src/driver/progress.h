/* progress.h - progress of a run on stderr.
 *
 * On a terminal: "ksizecheck: [120/412] 3.1 files/s, ETA 1:34, 2 findings",
 * rewritten in place at most 5 times a second; call kc_progress_clear()
 * before printing anything else on stderr.
 * Otherwise (a CI log, a file): a plain line every 30 seconds
 * ($KSIZECHECK_PROGRESS_SECONDS), never a control character:
 *   "ksizecheck: progress: 120/412 files, 2 findings, 1:05 elapsed,
 *    about 3:40 left"
 * Nothing at all when disabled (--quiet).
 */
#ifndef KC_DRIVER_PROGRESS_H
#define KC_DRIVER_PROGRESS_H

#include <stddef.h>

#include "util/err.h"

/* seconds between two plain lines when stderr is not a terminal */
#define KC_PROGRESS_LOG_SECONDS 30.0

struct kc_progress {
	int enabled;
	int tty;             /* stderr is a terminal: the in-place line */
	int shown;           /* a line is on screen (tty) */
	double interval;     /* seconds between two lines */
	size_t total, done;
	size_t findings;
	double start, last;
};

/* Starts the clock. The interval of the plain lines is
 * $KSIZECHECK_PROGRESS_SECONDS when set (a number more than 0, for tests
 * and short CI jobs), else KC_PROGRESS_LOG_SECONDS. Returns 0, or a usage
 * error naming the variable with err filled. */
int kc_progress_init(struct kc_progress *p, size_t total, int enabled,
		     struct kc_err *err);
/* Redraws the line, or prints the next plain line when its interval has
 * passed (rate-limited unless force). */
void kc_progress_update(struct kc_progress *p, int force);
/* Erases the terminal line if one is shown. */
void kc_progress_clear(struct kc_progress *p);

#endif
