/* diag.c - finding collection, ordering and the text writer (diag.h). */
#include "diag/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const struct kc_rule_info rule_table[] = {
#define KC_RULE(e, id, sev, fix, family, summary, full, help) \
	{ id, sev, fix, summary, full, help, #family },
#include "rules/rule_list.h"
};

const struct kc_rule_info *kc_rule_info(int rule)
{
	if (rule < 0 || rule >= KC_RULE_COUNT)
		return NULL;
	return &rule_table[rule];
}

int kc_rule_by_id(const char *id)
{
	int i;

	for (i = 0; i < KC_RULE_COUNT; i++)
		if (!strcmp(rule_table[i].id, id))
			return i;
	return -1;
}

void kc_diag_init(struct kc_diag *d)
{
	memset(d, 0, sizeof(*d));
	kc_arena_init(&d->arena);
}

void kc_diag_release(struct kc_diag *d)
{
	free(d->v);
	kc_arena_release(&d->arena);
	memset(d, 0, sizeof(*d));
}

static int diag_push(struct kc_diag *d, struct kc_finding *f)
{
	if (d->n == d->cap) {
		size_t ncap = d->cap ? d->cap * 2 : 64;
		struct kc_finding **nv = realloc(d->v, ncap * sizeof(*nv));

		if (!nv)
			return -KC_ENOMEM;
		d->v = nv;
		d->cap = ncap;
	}
	d->v[d->n++] = f;
	return 0;
}

static char *diag_vfmt(struct kc_diag *d, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *p;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return NULL;
	p = kc_arena_alloc(&d->arena, (size_t)n + 1);
	if (p)
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

struct kc_finding *kc_report(struct kc_diag *d, int rule, struct kc_loc loc,
			     const char *fmt, ...)
{
	const struct kc_rule_info *ri = kc_rule_info(rule);
	struct kc_finding *f;
	va_list ap;

	if (!ri)
		return NULL;
	f = kc_arena_alloc(&d->arena, sizeof(*f));
	if (!f)
		goto oom;
	f->rule = rule;
	f->severity = ri->severity;
	f->fix = ri->fix;
	f->loc = loc;
	f->loc.file = kc_arena_strdup(&d->arena, loc.file ? loc.file : "");
	va_start(ap, fmt);
	f->message = diag_vfmt(d, fmt, ap);
	va_end(ap);
	if (!f->message || !f->loc.file || diag_push(d, f))
		goto oom;
	return f;
oom:
	d->oom = 1;
	return NULL;
}

static int note_push(struct kc_diag *d, struct kc_finding *f,
		     const struct kc_note *n)
{
	if (f->nnotes == f->notes_cap) {
		unsigned ncap = f->notes_cap ? f->notes_cap * 2 : 4;
		struct kc_note *nv = kc_arena_alloc(&d->arena,
						    ncap * sizeof(*nv));

		if (!nv)
			return -KC_ENOMEM;
		if (f->nnotes)
			memcpy(nv, f->notes, f->nnotes * sizeof(*nv));
		f->notes = nv;
		f->notes_cap = ncap;
	}
	f->notes[f->nnotes++] = *n;
	return 0;
}

int kc_note(struct kc_diag *d, struct kc_finding *f, const char *kind,
	    struct kc_loc loc, const char *fmt, ...)
{
	struct kc_note n;
	va_list ap;

	if (!f)
		return -KC_ENOMEM;
	n.kind = kc_arena_strdup(&d->arena, kind ? kind : "note");
	n.loc = loc;
	n.loc.file = kc_arena_strdup(&d->arena, loc.file ? loc.file : "");
	va_start(ap, fmt);
	n.msg = diag_vfmt(d, fmt, ap);
	va_end(ap);
	if (!n.kind || !n.loc.file || !n.msg || note_push(d, f, &n)) {
		d->oom = 1;
		return -KC_ENOMEM;
	}
	return 0;
}

static const char *dup_or_null(struct kc_diag *d, const char *s, int *bad)
{
	char *p;

	if (!s)
		return NULL;
	p = kc_arena_strdup(&d->arena, s);
	if (!p)
		*bad = 1;
	return p;
}

struct kc_finding *kc_diag_copy(struct kc_diag *d, const struct kc_finding *src)
{
	struct kc_finding *f = kc_arena_alloc(&d->arena, sizeof(*f));
	int bad = 0;
	unsigned i;

	if (!f)
		goto oom;
	*f = *src;
	f->notes = NULL;
	f->nnotes = f->notes_cap = 0;
	f->loc.file = dup_or_null(d, src->loc.file, &bad);
	f->function = dup_or_null(d, src->function, &bad);
	f->message = dup_or_null(d, src->message, &bad);
	f->fix = dup_or_null(d, src->fix, &bad);
	f->fingerprint = dup_or_null(d, src->fingerprint, &bad);
	f->slab.allocator = dup_or_null(d, src->slab.allocator, &bad);
	f->slab.requested_expr = dup_or_null(d, src->slab.requested_expr, &bad);
	f->slab.config = dup_or_null(d, src->slab.config, &bad);
	f->slab.worst_config = dup_or_null(d, src->slab.worst_config, &bad);
	for (i = 0; i < src->nnotes && !bad; i++) {
		struct kc_note n = src->notes[i];

		n.kind = dup_or_null(d, n.kind, &bad);
		n.loc.file = dup_or_null(d, n.loc.file, &bad);
		n.msg = dup_or_null(d, n.msg, &bad);
		if (!bad && note_push(d, f, &n))
			bad = 1;
	}
	if (bad || diag_push(d, f))
		goto oom;
	return f;
oom:
	d->oom = 1;
	return NULL;
}

static int str_cmp(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int finding_cmp(const void *pa, const void *pb)
{
	const struct kc_finding *a = *(const struct kc_finding *const *)pa;
	const struct kc_finding *b = *(const struct kc_finding *const *)pb;
	int c;

	c = str_cmp(a->loc.file, b->loc.file);
	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	c = strcmp(kc_rule_info(a->rule)->id, kc_rule_info(b->rule)->id);
	if (c)
		return c;
	return str_cmp(a->message, b->message);
}

void kc_diag_sort_unique(struct kc_diag *d)
{
	size_t i, j;

	if (d->n < 2)
		return;
	qsort(d->v, d->n, sizeof(*d->v), finding_cmp);
	for (i = 1, j = 0; i < d->n; i++)
		if (finding_cmp(&d->v[j], &d->v[i]))
			d->v[++j] = d->v[i];
	d->n = j + 1;
}

static const char *sev_name(int sev)
{
	return sev == KC_SEV_ERROR ? "error" :
	       sev == KC_SEV_WARNING ? "warning" : "note";
}

static void write_loc(FILE *out, const struct kc_loc *l)
{
	if (l->line && l->col)
		fprintf(out, "%s:%u:%u: ", l->file, l->line, l->col);
	else if (l->line)
		fprintf(out, "%s:%u: ", l->file, l->line);
	else
		fprintf(out, "%s: ", l->file);
}

int kc_diag_write_text(const struct kc_diag *d, FILE *out)
{
	size_t i;
	unsigned k;

	for (i = 0; i < d->n; i++) {
		const struct kc_finding *f = d->v[i];

		write_loc(out, &f->loc);
		fprintf(out, "%s: %s [%s]\n", sev_name(f->severity),
			f->message, kc_rule_info(f->rule)->id);
		for (k = 0; k < f->nnotes; k++) {
			write_loc(out, &f->notes[k].loc);
			fprintf(out, "note: %s\n", f->notes[k].msg);
		}
	}
	return ferror(out) ? -KC_EIO : 0;
}

size_t kc_diag_count(const struct kc_diag *d, int min_severity)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++)
		if (d->v[i]->severity >= min_severity)
			n++;
	return n;
}
