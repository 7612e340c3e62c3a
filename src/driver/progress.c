/* progress.c - see progress.h. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "driver/env.h"
#include "driver/progress.h"
#include "util/clock.h"

int kc_progress_init(struct kc_progress *p, size_t total, int enabled,
		     struct kc_err *err)
{
	double secs = KC_PROGRESS_LOG_SECONDS;
	int ret;

	ret = kc_env_number("KSIZECHECK_PROGRESS_SECONDS", 1e-3,
			    "seconds between progress lines, more than 0",
			    &secs, err);
	p->enabled = enabled;
	p->tty = isatty(2);
	p->interval = p->tty ? 0.2 : secs;
	p->shown = 0;
	p->total = total;
	p->done = 0;
	p->findings = 0;
	p->start = p->last = kc_now();
	return ret;
}

/* "1:05", "1:02:03" */
static void fmt_time(char *buf, size_t size, double secs)
{
	unsigned long s = secs > 0 ? (unsigned long)secs : 0;

	if (s >= 3600)
		snprintf(buf, size, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60,
			 s % 60);
	else
		snprintf(buf, size, "%lu:%02lu", s / 60, s % 60);
}

/* One plain line for a log: no carriage return, no escape sequence. */
static void log_line(const struct kc_progress *p, double el)
{
	char e[32], left[32];

	fmt_time(e, sizeof(e), el);
	fprintf(stderr, "ksizecheck: progress: %zu/%zu files, %zu finding%s, %s elapsed",
		p->done, p->total, p->findings, p->findings == 1 ? "" : "s",
		e);
	if (p->done && p->done < p->total) {
		fmt_time(left, sizeof(left),
			 el / (double)p->done * (double)(p->total - p->done));
		fprintf(stderr, ", about %s left", left);
	}
	fputc('\n', stderr);
	fflush(stderr);
}

void kc_progress_update(struct kc_progress *p, int force)
{
	double now, rate, el;
	unsigned long eta;

	if (!p->enabled)
		return;
	now = kc_now();
	if (!force && now - p->last < p->interval)
		return;
	p->last = now;
	el = now - p->start;
	if (!p->tty) {
		log_line(p, el);
		return;
	}
	rate = el > 0 ? (double)p->done / el : 0;
	fprintf(stderr, "\rksizecheck: [%zu/%zu] %.1f files/s", p->done,
		p->total, rate);
	if (rate > 0 && p->done < p->total) {
		eta = (unsigned long)((double)(p->total - p->done) / rate);
		fprintf(stderr, ", ETA %lu:%02lu", eta / 60, eta % 60);
	}
	fprintf(stderr, ", %zu finding%s\033[K", p->findings,
		p->findings == 1 ? "" : "s");
	fflush(stderr);
	p->shown = 1;
}

void kc_progress_clear(struct kc_progress *p)
{
	if (!p->enabled || !p->shown || !p->tty)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->shown = 0;
}
