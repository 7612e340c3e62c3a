/* progress.c - see progress.h. */
#include <stdio.h>
#include <time.h>

#include "driver/progress.h"
#include "util/clock.h"

void kc_progress_init(struct kc_progress *p, size_t total, int enabled)
{
	p->enabled = enabled;
	p->shown = 0;
	p->total = total;
	p->done = 0;
	p->findings = 0;
	p->start = p->last = kc_now();
}

void kc_progress_update(struct kc_progress *p, int force)
{
	double now, rate, el;
	unsigned long eta;

	if (!p->enabled)
		return;
	now = kc_now();
	if (!force && now - p->last < 0.2)
		return;
	p->last = now;
	el = now - p->start;
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
	if (!p->enabled || !p->shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->shown = 0;
}
