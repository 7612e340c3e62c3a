/* clock.h - monotonic time for timeouts, deadlines and --stats. */
#ifndef KC_UTIL_CLOCK_H
#define KC_UTIL_CLOCK_H

/* Seconds on CLOCK_MONOTONIC. */
double kc_now(void);

#endif
