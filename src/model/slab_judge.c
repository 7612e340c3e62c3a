/* slab_judge.c - judging an access [off, off+len) against a kmalloc object
 * of requested size S: in bounds, slack (past S, inside the bucket),
 * overflow (past the bucket), zero-size, allocation fails. Ranges are
 * taken independently and the worst and best case are both reported. */
#include "model/slab_int.h"

#include <stdio.h>
#include <string.h>

static unsigned long long sat_add(unsigned long long a, unsigned long long b)
{
	if (a == SLAB_UNBOUNDED || b == SLAB_UNBOUNDED || a > ~0ULL - b)
		return SLAB_UNBOUNDED;
	return a + b;
}

const char *slab_verdict_name(enum slab_verdict v)
{
	switch (v) {
	case SLAB_IN_BOUNDS:
		return "in-bounds";
	case SLAB_UNKNOWN:
		return "unknown";
	case SLAB_ALLOC_FAILS:
		return "alloc-fails";
	case SLAB_SLACK:
		return "slack";
	case SLAB_ZERO_SIZE:
		return "zero-size";
	case SLAB_OVERFLOW:
		return "overflow";
	}
	return "?";
}

static void consider(struct slab_judgement *j, enum slab_verdict v,
		     unsigned long long s, unsigned long long b,
		     unsigned long long e)
{
	if (v <= j->verdict)
		return;
	j->verdict = v;
	j->worst_req = s;
	j->worst_bucket = b;
	j->worst_end = e;
}

/* the verdict at the most benign point of the ranges */
static enum slab_verdict best_case(const struct slab_config *c,
				   const struct slab_judgement *j,
				   unsigned long long len_lo)
{
	unsigned long long s, b;

	if (!len_lo)
		return SLAB_IN_BOUNDS;
	if (!j->req_hi)
		return SLAB_ZERO_SIZE;
	if (j->req_lo > c->max)
		return SLAB_ALLOC_FAILS;
	s = j->req_hi < c->max ? j->req_hi : c->max;
	b = slab_bucket(c, s);
	if (j->end_lo <= s)
		return SLAB_IN_BOUNDS;
	if (j->end_lo <= b)
		return SLAB_SLACK;
	return SLAB_OVERFLOW;
}

int slab_judge(const struct slab_config *c, unsigned long long req_lo,
	       unsigned long long req_hi, unsigned long long off_lo,
	       unsigned long long off_hi, unsigned long long len_lo,
	       unsigned long long len_hi, struct slab_judgement *out)
{
	unsigned long long s_lo, s_hi;

	memset(out, 0, sizeof(*out));
	out->verdict = SLAB_UNKNOWN;
	out->best = SLAB_UNKNOWN;
	out->config = c;
	out->nconfigs = 1;
	if (!c || req_lo > req_hi || off_lo > off_hi || len_lo > len_hi)
		return -KC_EUSAGE;
	out->req_lo = req_lo;
	out->req_hi = req_hi;
	slab_bucket_range(c, req_lo, req_hi, &out->bucket_lo, &out->bucket_hi);
	out->end_lo = sat_add(off_lo, len_lo);
	out->end_hi = sat_add(off_hi, len_hi);
	out->verdict = SLAB_IN_BOUNDS;
	out->worst_req = req_hi;
	out->worst_bucket = out->bucket_hi;
	out->worst_end = out->end_hi;
	if (!len_hi) {
		/* nothing is touched */
		out->best = SLAB_IN_BOUNDS;
		out->definite = 1;
		return 0;
	}
	if (!req_lo)
		consider(out, SLAB_ZERO_SIZE, 0, 0, out->end_hi);
	if (req_hi > c->max)
		consider(out, SLAB_ALLOC_FAILS,
			 req_lo > c->max ? req_lo : c->max + 1, 0,
			 out->end_hi);
	s_lo = req_lo ? req_lo : 1;
	s_hi = req_hi < c->max ? req_hi : c->max;
	if (s_lo <= s_hi) {
		/* the smallest S has the smallest bucket: worst case */
		unsigned long long b = slab_bucket(c, s_lo);

		if (out->end_hi == SLAB_UNBOUNDED)
			consider(out, SLAB_UNKNOWN, s_lo, b, out->end_hi);
		else if (out->end_hi > b)
			consider(out, SLAB_OVERFLOW, s_lo, b, out->end_hi);
		else if (out->end_hi > s_lo)
			consider(out, SLAB_SLACK, s_lo, b, out->end_hi);
	}
	out->best = best_case(c, out, len_lo);
	if (out->best > out->verdict) {
		/* e.g. unbounded end, but even the shortest access overflows */
		unsigned long long s = s_hi >= s_lo ? s_hi : req_hi;

		out->verdict = out->best;
		out->worst_req = s;
		out->worst_bucket = slab_bucket(c, s);
		out->worst_end = out->end_lo;
	}
	out->definite = out->verdict == out->best;
	return 0;
}

static int passes(const struct slab_config *c, const struct slab_filter *f)
{
	if (!f)
		return 1;
	if (f->major && !slab_config_has_version(c, f->major, f->minor))
		return 0;
	if (f->arch && strcmp(f->arch, c->arch))
		return 0;
	if (f->alloc >= 0 && (int)c->alloc != f->alloc)
		return 0;
	return 1;
}

int slab_judge_all(const struct slab_model *m, const struct slab_filter *f,
		   unsigned long long req_lo, unsigned long long req_hi,
		   unsigned long long off_lo, unsigned long long off_hi,
		   unsigned long long len_lo, unsigned long long len_hi,
		   struct slab_judgement *out)
{
	struct slab_judgement j;
	size_t i, n = 0;
	int ret;

	memset(out, 0, sizeof(*out));
	out->verdict = SLAB_UNKNOWN;
	for (i = 0; i < m->n; i++) {
		const struct slab_config *c = m->cfg[i];

		if (!passes(c, f))
			continue;
		ret = slab_judge(c, req_lo, req_hi, off_lo, off_hi, len_lo,
				 len_hi, &j);
		if (ret)
			return ret;
		if (!n++ || j.verdict > out->verdict)
			*out = j;
	}
	out->nconfigs = n;
	return n ? 0 : -KC_EUSAGE;
}

int slab_judge_with_alt(const struct slab_model *m,
			const struct slab_config *c, unsigned major,
			unsigned minor, unsigned long long req_lo,
			unsigned long long req_hi, unsigned long long off_lo,
			unsigned long long off_hi, unsigned long long len_lo,
			unsigned long long len_hi, struct slab_judgement *main,
			struct slab_judgement *alt)
{
	struct slab_filter f;
	int ret;

	ret = slab_judge(c, req_lo, req_hi, off_lo, off_hi, len_lo, len_hi,
			 main);
	*alt = *main;
	if (ret)
		return ret;
	f.major = major ? major : c->since / 1000;
	f.minor = major ? minor : c->since % 1000;
	f.arch = NULL;
	f.alloc = -1;
	ret = slab_judge_all(m, &f, req_lo, req_hi, off_lo, off_hi, len_lo,
			     len_hi, alt);
	if (ret) {
		*alt = *main; /* no preset for that version: nothing worse */
		return 0;
	}
	return alt->verdict > main->verdict;
}

const char *slab_judgement_describe(const struct slab_judgement *j,
				    char *buf, size_t size)
{
	const struct slab_config *c = j->config;
	const char *label = c ? c->label : "?";
	char name[64];
	const char *maybe = j->definite ? "" : " (worst case over the ranges)";

	if (!c) {
		snprintf(buf, size, "no slab configuration");
		return buf;
	}
	slab_bucket_name(c, j->worst_bucket, name, sizeof(name));
	switch (j->verdict) {
	case SLAB_IN_BOUNDS:
		snprintf(buf, size,
			 "access stays within the requested %llu bytes on %s",
			 j->req_lo, label);
		break;
	case SLAB_UNKNOWN:
		snprintf(buf, size,
			 "access end cannot be bounded (object of %llu bytes, %s, on %s)",
			 j->worst_req, name, label);
		break;
	case SLAB_ALLOC_FAILS:
		snprintf(buf, size,
			 "size %llu is above KMALLOC_MAX_SIZE %llu on %s: kmalloc returns NULL%s",
			 j->worst_req, c->max, label, maybe);
		break;
	case SLAB_SLACK:
		snprintf(buf, size,
			 "access ends at offset %llu, past the requested %llu bytes but inside %s (%llu bytes, slack %llu) on %s%s",
			 j->worst_end, j->worst_req, name, j->worst_bucket,
			 j->worst_bucket - j->worst_req, label, maybe);
		break;
	case SLAB_ZERO_SIZE:
		snprintf(buf, size,
			 "size can be 0: kmalloc returns ZERO_SIZE_PTR and any access faults%s",
			 maybe);
		break;
	case SLAB_OVERFLOW:
		snprintf(buf, size,
			 "access ends at offset %llu, past %s (%llu bytes) that holds the requested %llu bytes on %s%s",
			 j->worst_end, name, j->worst_bucket, j->worst_req,
			 label, maybe);
		break;
	}
	return buf;
}
