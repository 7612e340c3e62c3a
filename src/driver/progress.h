/* progress.h - the self-updating progress line on a terminal.
 *
 * "ksizecheck: [120/412] 3.1 files/s, ETA 1:34, 2 findings" on stderr,
 * rewritten in place at most 5 times a second; nothing at all when
 * disabled (not a terminal, --quiet). Call kc_progress_clear() before
 * printing anything else on stderr.
 */
#ifndef KC_DRIVER_PROGRESS_H
#define KC_DRIVER_PROGRESS_H

#include <stddef.h>

struct kc_progress {
	int enabled;
	int shown;           /* a line is on screen */
	size_t total, done;
	size_t findings;
	double start, last;
};

void kc_progress_init(struct kc_progress *p, size_t total, int enabled);
/* Redraws the line (rate-limited unless force). */
void kc_progress_update(struct kc_progress *p, int force);
/* Erases the line if one is shown. */
void kc_progress_clear(struct kc_progress *p);

#endif
