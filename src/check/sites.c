/* sites.c - what the interpreter saw at ksize() calls and memory accesses,
 * joined over every visit (loop rounds, calling contexts), and the rules
 * that turn it into findings: ksize-non-kmalloc, ksize-maybe-non-kmalloc,
 * ksize-interior, ksize-after-free, slack-write/read, overflow-write/read.
 */
#include "check/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int rule_on(const struct eng_tu *t, int rule)
{
	return !t->env->enabled_rules_mask ||
	       (t->env->enabled_rules_mask & (1u << rule));
}

void eng_note_ksize(struct eng_fn *f, CXCursor call, const char *callee,
		    const struct val *arg, int shared)
{
	struct eng_tu *t = f->t;
	unsigned long long site = cx_site(call);
	struct ks_site *k;
	size_t i;

	if (t->pass != 1)
		return;
	for (i = 0; i < t->nks; i++)
		if (t->ks[i].site == site) {
			k = &t->ks[i];
			k->v = val_join(&k->v, arg);
			k->shared |= shared;
			return;
		}
	if (t->nks == t->capks) {
		size_t nc = t->capks ? t->capks * 2 : 16;
		struct ks_site *nv = realloc(t->ks, nc * sizeof(*nv));

		if (!nv) {
			t->oom = 1;
			return;
		}
		t->ks = nv;
		t->capks = nc;
	}
	k = &t->ks[t->nks++];
	memset(k, 0, sizeof(*k));
	k->site = site;
	k->loc = cx_loc(&t->arena, call);
	k->function = f->name;
	k->callee = kc_arena_strdup(&t->arena, callee);
	k->v = *arg;
	k->shared = shared;
}

/* ---- access judgement ---- */

enum { V_UNBOUNDED = -1, V_FINE = 0, V_SLACK = 1, V_OVERFLOW = 2 };

struct judged {
	int verdict;
	long long end_hi;          /* worst access end, when numeric */
	long long req;             /* requested size used, -1 if symbolic */
	unsigned long long bucket; /* 0 if unknown */
	int ksize_bound;           /* end is ksize(obj) + delta */
	long long delta;
	int sym_bound;             /* end is the size symbol + delta */
	int definite;              /* every combination is past the request */
};

/* A single value: one exact symbolic form, or a constant. */
static int exact(const struct ival *a)
{
	if (a->nt)
		return a->slo == a->shi;
	return iv_is_const(a, NULL);
}

static int family_judged(const struct eng_tu *t, const struct prov_obj *o)
{
	if (o->origin != PO_ALLOC)
		return 0;
	if (o->family == APIDB_FAM_KMALLOC || o->family == APIDB_FAM_KCONST)
		return 1;
	/* kvmalloc below a page never falls back to vmalloc */
	if (o->family == APIDB_FAM_KVMALLOC && o->size.hi != IV_PINF &&
	    t->config &&
	    (unsigned long long)o->size.hi <=
	    slab_config_page_size(t->config))
		return 1;
	return 0;
}

static int has_ksize_term(const struct eng_tu *t, const struct ival *a)
{
	int i;

	for (i = 0; i < a->nt; i++) {
		const struct prov_sym *ps = ir_sym(&t->objs, a->sym[i]);

		if (ps && ps->kind == SYM_KSIZE)
			return 1;
	}
	return 0;
}

/* 1 if the numeric upper end of a is attained on some path: a constant
 * or marked reached (a unit-stride index run to its bound) */
static int hi_reached(const struct ival *a)
{
	return iv_is_const(a, NULL) || a->reach;
}

/* The same for the symbolic upper end: also an exact form (n + 3). */
static int shi_reached(const struct ival *a)
{
	return a->sreach || (a->nt && a->slo == a->shi);
}

static void judge(const struct eng_tu *t, const struct prov_obj *o,
		  struct ival off, struct ival len, int single,
		  struct judged *j)
{
	const struct slab_config *cfg = t->config;
	struct ival end = iv_add(off, len);
	long long r;

	memset(j, 0, sizeof(*j));
	j->verdict = V_UNBOUNDED;
	j->req = -1;
	if (iv_is_const(&len, &r) && r == 0) {
		j->verdict = V_FINE;
		return;
	}
	/* a negative offset (a header before the pointer) is not ours; a
	 * lower bound lost in arithmetic on ksize() is fine */
	if ((off.hi < 0 && !off.nt) || !cfg)
		return;
	if (o->ksize_sym && iv_single_sym(&end) == o->ksize_sym &&
	    end.shi != IV_PINF) {
		long long d = end.shi;

		/* past ksize() only if the offset reaches its bound: a loop
		 * stepping by 4 to i < ksize() stops at ksize() - 4 */
		if (d > 0 && off.nt && !shi_reached(&off))
			return;
		j->ksize_bound = 1;
		j->delta = d;
		if (iv_is_const(&o->size, &r) && r > 0) {
			unsigned long long b = o->rounded ?
				(unsigned long long)r : slab_bucket(cfg, r);

			j->req = r;
			j->bucket = b;
			j->end_hi = (long long)b + d;
			if (j->end_hi > (long long)b)
				j->verdict = V_OVERFLOW;
			else if (j->end_hi > r)
				j->verdict = V_SLACK;
			else
				j->verdict = V_FINE;
			return;
		}
		if (o->rounded)
			j->verdict = d > 0 ? V_OVERFLOW : V_FINE;
		else if (d > 0)
			j->verdict = V_OVERFLOW;
		else if (d == 0)
			j->verdict = V_SLACK;
		return;
	}
	/* numbers are not trusted when the end is bounded by the ksize() of
	 * another object, or when the TU did not parse cleanly (sizeof of
	 * a broken type) */
	if (end.hi != IV_PINF && o->size.hi != IV_PINF && o->size.hi > 0 &&
	    !has_ksize_term(t, &end) && !t->tu_errors && single) {
		unsigned long long b;
		int definite = end.lo > o->size.hi;

		j->definite = definite;
		/* a numeric verdict must not come from combining independent
		 * ranges: the request is one known size, and the offset or
		 * the length is exact (a loop index or a guarded length is
		 * fine), unless every combination is past the request */
		if (!definite && (o->size.lo != o->size.hi ||
				  (!iv_is_const(&off, NULL) &&
				   !iv_is_const(&len, NULL))))
			return;
		/* nor from an offset whose upper end no path may reach (a
		 * stride loop, a bound through a lost relation) */
		if (!definite && !hi_reached(&off))
			return;
		r = o->size.hi;
		j->req = r;
		j->end_hi = end.hi;
		if (end.hi <= r) {
			j->verdict = V_FINE;
			return;
		}
		b = o->rounded ? (unsigned long long)r : slab_bucket(cfg, r);
		j->bucket = b;
		if (!b)
			return;
		j->verdict = (unsigned long long)end.hi > b ? V_OVERFLOW :
							      V_SLACK;
		return;
	}
	if (end.nt && o->size.nt && iv_same_form(&end, &o->size) &&
	    end.shi != IV_PINF &&
	    o->size.shi != IV_PINF) {
		long long d = end.shi - o->size.shi;

		j->definite = end.slo - o->size.shi > 0;
		if (d > 0 && !j->definite && !shi_reached(&off))
			return;
		/* the worst end must not come from combining two ranges
		 * (an offset and a length both bounded by an index) */
		if (d > 0 && !j->definite && !exact(&off) && !exact(&len))
			return;
		j->sym_bound = 1;
		/* forms divided by den: d counts numerator units, the ends
		 * differ by at most d / den rounded up */
		j->delta = end.den > 1 && d > 0 ? (d + end.den - 1) / end.den :
						  d;
		if (d <= 0)
			j->verdict = V_FINE;
		else
			j->verdict = o->rounded ? V_OVERFLOW : V_SLACK;
	}
}

/* The first preset (table order) of the judged kernel version under which
 * an access ending at end on a request of req is past the bucket. */
static const struct slab_config *overflow_config(const struct eng_tu *t,
						 long long req, long long end)
{
	const struct slab_model *m = t->env->model;
	unsigned since = slab_config_since(t->config);
	size_t i;

	if (!m)
		return NULL;
	for (i = 0; i < slab_model_count(m); i++) {
		const struct slab_config *c = slab_model_get(m, i);
		unsigned long long b;

		if (c == t->config ||
		    (!t->env->all_configs &&
		     !slab_config_has_version(c, since / 1000, since % 1000)))
			continue;
		b = slab_bucket(c, (unsigned long long)req);
		if (b && (unsigned long long)end > b)
			return c;
	}
	return NULL;
}

static struct acc_site *acc_get(struct eng_tu *t, unsigned long long site)
{
	size_t i;
	struct acc_site *a;

	for (i = t->nacc; i > 0; i--)
		if (t->acc[i - 1].site == site)
			return &t->acc[i - 1];
	if (t->nacc == t->capacc) {
		size_t nc = t->capacc ? t->capacc * 2 : 64;
		struct acc_site *nv = realloc(t->acc, nc * sizeof(*nv));

		if (!nv)
			return NULL;
		t->acc = nv;
		t->capacc = nc;
	}
	a = &t->acc[t->nacc++];
	memset(a, 0, sizeof(*a));
	a->site = site;
	a->rule = -1;
	return a;
}

static const char *sym_name(const struct eng_tu *t, int sym)
{
	const struct prov_sym *s = ir_sym(&t->objs, sym);

	if (!s)
		return "?";
	if (s->kind == SYM_KSIZE)
		return "ksize()";
	return s->name ? s->name : "?";
}

static void describe_end(const struct eng_tu *t, const struct judged *j,
			 const struct prov_obj *o, struct ival off,
			 struct ival len, char *buf, size_t size)
{
	char ob[64], lb[64];

	iv_str(&off, ob, sizeof(ob));
	if (j->ksize_bound) {
		if (j->delta)
			snprintf(lb, sizeof(lb), "ksize()%+lld", j->delta);
		else
			snprintf(lb, sizeof(lb), "ksize()");
		if (j->bucket)
			snprintf(buf, size, "ends at %s = %lld", lb,
				 j->end_hi);
		else
			snprintf(buf, size, "ends at %s", lb);
		return;
	}
	if (j->sym_bound) {
		snprintf(buf, size, "ends up to %lld byte%s past %s",
			 j->delta, j->delta == 1 ? "" : "s",
			 o->size_text ? o->size_text :
			 o->size.nt == 1 && o->size.coef[0] == 1 &&
			 o->size.den == 1 ? sym_name(t, o->size.sym[0]) :
			 "the request");
		return;
	}
	iv_str(&len, lb, sizeof(lb));
	snprintf(buf, size, "of %s byte%s at offset %s ends at %lld", lb,
		 iv_is_const(&len, NULL) && len.lo == 1 ? "" : "s", ob,
		 j->end_hi);
}

void eng_access(struct eng_fn *f, const struct state *s, CXCursor at,
		const struct val *ptr, struct ival extra, struct ival len,
		int write, const char *what)
{
	struct eng_tu *t = f->t;
	unsigned i;
	int single, nobj = 0;

	if (t->pass != 1 || t->quiet)
		return;
	/* numbers are judged only when the pointer has one target: several
	 * targets usually mean objects of other rounds or calling contexts
	 * that the guards in this one do not describe */
	for (i = 0; i < ptr->np; i++)
		if (ptr->p[i].kind == PK_OBJ || ptr->p[i].kind == PK_FREED)
			nobj++;
	single = nobj == 1 && !ptr->ptop;
	for (i = 0; i < ptr->np; i++) {
		const struct pel *e = &ptr->p[i];
		struct prov_obj *o;
		struct acc_site *a;
		struct judged j;
		struct ival off;
		int rule, rank;
		char endb[160], reqb[96], cfgb[160], bname[48];
		const char *label;
		const struct slab_config *worst;

		if (e->kind != PK_OBJ)
			continue;
		o = ir_obj(&t->objs, e->obj);
		if (!o || !family_judged(t, o))
			continue;
		a = acc_get(t, cx_site(at));
		if (!a) {
			t->oom = 1;
			return;
		}
		if (!a->loc.file) {
			a->loc = cx_loc(&t->arena, at);
			a->function = f->name;
		}
		off = iv_add(e->off, extra);
		/* a length that may be negative is, as the size_t the sink
		 * takes, any size: no bound (usbtmc: an int count from the
		 * device, clamped from above only) */
		if (!len.nt && len.lo < 0) {
			a->unbounded = 1;
			continue;
		}
		judge(t, o, off, len, single, &j);
		if (j.verdict == V_UNBOUNDED) {
			struct ival end = iv_add(off, len), b;

			/* judge the guarded bound of the end instead */
			if (eng_rel_bound(f, s, &end, &b)) {
				judge(t, o, iv_sub(b, len), len, single,
				      &j);
				if (j.verdict != V_UNBOUNDED)
					off = iv_sub(b, len);
			}
		}
		/* a verdict from a range (a guarded length, an index) in a
		 * callee analysed in its caller's context, on an object it
		 * did not allocate: the callee's bound may be meant for
		 * another caller's object, or a relation the analysis does
		 * not keep (an is_last flag, i + 1 < n) may prune it */
		if (j.verdict != V_UNBOUNDED && j.verdict != V_FINE &&
		    !j.ksize_bound && !j.definite && f->caller &&
		    o->fn != clang_hashCursor(f->fn) &&
		    (!exact(&off) || !exact(&len)))
			j.verdict = V_UNBOUNDED;
		/* an object read back in another function from a field that
		 * also holds objects of other sites or sizes: the bounds
		 * there may belong to another of them */
		if (j.verdict != V_UNBOUNDED && !j.ksize_bound &&
		    o->fn != clang_hashCursor(f->fn) &&
		    eng_fact_mixed_obj(t, o))
			j.verdict = V_UNBOUNDED;
		/* a numeric end past KMALLOC_MAX_SIZE comes from a guard
		 * that is not about this object (count <= INT_MAX): the
		 * bound that matters (what the device or caller can send)
		 * is not known */
		if (j.verdict == V_OVERFLOW && !j.ksize_bound &&
		    !j.sym_bound && !j.definite && j.end_hi > 0 &&
		    (unsigned long long)j.end_hi > slab_config_max(t->config))
			j.verdict = V_UNBOUNDED;
		if (j.verdict == V_UNBOUNDED) {
			a->unbounded = 1;
			continue;
		}
		a->judged = 1;
		if (j.verdict == V_FINE)
			continue;
		if (j.verdict == V_OVERFLOW)
			rule = write ? KC_RULE_OVERFLOW_WRITE :
				       KC_RULE_OVERFLOW_READ;
		else
			rule = write ? KC_RULE_SLACK_WRITE :
				       KC_RULE_SLACK_READ;
		rank = j.verdict * 2 + write;
		if (a->rule >= 0 && a->rank >= rank)
			continue;
		a->rule = rule;
		a->rank = rank;
		a->obj = e->obj;
		describe_end(t, &j, o, off, len, endb, sizeof(endb));
		if (j.req >= 0)
			snprintf(reqb, sizeof(reqb), " %lld", j.req);
		else if (o->size_text)
			snprintf(reqb, sizeof(reqb), " '%s'", o->size_text);
		else
			reqb[0] = '\0';
		label = slab_config_label(t->config);
		if (j.bucket)
			snprintf(cfgb, sizeof(cfgb), "bucket %llu (%s) on %s",
				 j.bucket, slab_bucket_name(t->config,
							    j.bucket, bname,
							    sizeof(bname)),
				 label);
		else
			snprintf(cfgb, sizeof(cfgb),
				 "the kmalloc bucket on %s", label);
		worst = NULL;
		if (j.verdict == V_SLACK && j.req > 0 && !j.ksize_bound &&
		    !j.sym_bound && !o->rounded)
			worst = overflow_config(t, j.req, j.end_hi);
		if (j.verdict == V_SLACK && worst && t->env->all_configs) {
			/* every preset is judged: the worst one decides */
			rule = write ? KC_RULE_OVERFLOW_WRITE :
				       KC_RULE_OVERFLOW_READ;
			rank = V_OVERFLOW * 2 + write;
			a->rule = rule;
			a->rank = rank;
			a->msg = kc_arena_printf(&t->arena,
				"%s%s %s, past the end of bucket %llu on %s "
				"for the requested size%s of %s() (inside %s)",
				what ? what : (write ? "write" : "read"),
				what ? "()" : "", endb,
				slab_bucket(worst, (unsigned long long)j.req),
				slab_config_label(worst), reqb, o->alloc,
				cfgb);
		} else if (j.verdict == V_SLACK)
			a->msg = kc_arena_printf(&t->arena,
				"%s%s %s, past the requested size%s of "
				"%s() but inside %s; %s",
				what ? what : (write ? "write" : "read"),
				what ? "()" : "", endb, reqb, o->alloc, cfgb,
				j.sym_bound ? "it overflows when the request "
				"is itself a bucket size; allocate "
				"kmalloc_size_roundup() bytes or fix the bound"
				: worst ? kc_arena_printf(&t->arena,
				"an overflow on %s; allocate "
				"kmalloc_size_roundup() of the size and use "
				"only that", slab_config_label(worst)) :
				"allocate kmalloc_size_roundup() of the "
				"size and use only that");
		else
			a->msg = kc_arena_printf(&t->arena,
				"%s%s %s, past the end of %s for the requested "
				"size%s of %s()",
				what ? what : (write ? "write" : "read"),
				what ? "()" : "", endb, cfgb, reqb, o->alloc);
		memset(&a->slab, 0, sizeof(a->slab));
		a->slab.valid = 1;
		a->slab.allocator = o->alloc;
		a->slab.requested_expr = o->size_text;
		a->slab.req_lo = o->size.lo > 0 ? o->size.lo : 0;
		a->slab.req_hi = o->size.hi != IV_PINF ?
			(unsigned long long)o->size.hi :
							  SLAB_UNBOUNDED;
		a->slab.bucket_lo = a->slab.bucket_hi = j.bucket;
		a->slab.acc_off_lo = off.lo;
		a->slab.acc_off_hi = off.hi;
		a->slab.acc_len_lo = len.lo > 0 ? len.lo : 0;
		a->slab.acc_len_hi = len.hi != IV_PINF ?
			(unsigned long long)len.hi :
							 SLAB_UNBOUNDED;
		a->slab.config = label;
		a->slab.worst_config = worst ? slab_config_label(worst) : NULL;
	}
}

/* ---- ksize verdicts ---- */

static const char *kind_text(struct eng_tu *t, const struct prov_obj *o)
{
	switch (o->origin) {
	case PO_STACK:
		return kc_arena_printf(&t->arena, "the stack variable '%s'",
				       o->alloc);
	case PO_GLOBAL:
		return kc_arena_printf(&t->arena, "the global '%s'",
				       o->alloc);
	case PO_LITERAL:
		return "a string literal (.rodata)";
	case PO_UNKNOWN:
		return "memory of unknown origin";
	}
	switch (o->family) {
	case APIDB_FAM_KMEM_CACHE:
		return kc_arena_printf(&t->arena, "a kmem_cache object from "
				       "%s()", o->alloc);
	case APIDB_FAM_VMALLOC:
		return kc_arena_printf(&t->arena, "vmalloc memory from %s()",
				       o->alloc);
	case APIDB_FAM_DEVM:
	case APIDB_FAM_DEVM_CONST:
		return kc_arena_printf(&t->arena, "a devres buffer from %s() "
				       "(it starts after the devres header)",
				       o->alloc);
	case APIDB_FAM_PAGE:
		return kc_arena_printf(&t->arena, "page allocator memory "
				       "from %s()", o->alloc);
	case APIDB_FAM_PERCPU:
		return kc_arena_printf(&t->arena, "per-CPU memory from %s()",
				       o->alloc);
	case APIDB_FAM_DMA:
		return kc_arena_printf(&t->arena, "DMA coherent memory from "
				       "%s()", o->alloc);
	case APIDB_FAM_KVMALLOC:
		return kc_arena_printf(&t->arena, "%s() memory, which is "
				       "vmalloc memory when the size is above "
				       "a page", o->alloc);
	case APIDB_FAM_KCONST:
		return kc_arena_printf(&t->arena, "the result of %s(), which "
				       "may be its .rodata argument",
				       o->alloc);
	}
	return kc_arena_printf(&t->arena, "memory from %s()", o->alloc);
}

enum { KS_GOOD, KS_BAD, KS_MAYBE, KS_UNKNOWN };

static int ks_class(const struct eng_tu *t, const struct prov_obj *o)
{
	if (o->origin == PO_UNKNOWN)
		return KS_UNKNOWN;
	if (o->origin != PO_ALLOC)
		return KS_BAD;
	switch (o->family) {
	case APIDB_FAM_KMALLOC:
		return KS_GOOD;
	case APIDB_FAM_KVMALLOC:
		if (family_judged(t, o))
			return KS_GOOD;
		return KS_MAYBE;
	case APIDB_FAM_KCONST:
		return KS_MAYBE;
	default:
		return KS_BAD;
	}
}

static void emit_ksize(struct eng_tu *t, struct ks_site *k)
{
	const struct val *v = &k->v;
	int ngood = 0, nbad = 0, nmaybe = 0, nunk = v->ptop, nfreed = 0;
	int bad = 0, maybe = 0, freed = 0, interior = 0, total = 0;
	unsigned freed_line = 0, i;
	struct kc_finding *fd;
	const struct prov_obj *o;
	char ob[64];

	eng_stat(t, "ksize-calls", 1);
	for (i = 0; i < v->np; i++) {
		const struct pel *e = &v->p[i];

		if (e->kind == PK_NULL || e->kind == PK_ERR)
			continue;
		total++;
		if (e->kind == PK_FREED) {
			nfreed++;
			if (!freed) {
				freed = e->obj;
				freed_line = e->line;
			}
			continue;
		}
		o = ir_obj(&t->objs, e->obj);
		switch (ks_class(t, o)) {
		case KS_GOOD:
			ngood++;
			break;
		case KS_BAD:
			nbad++;
			if (!bad)
				bad = e->obj;
			break;
		case KS_MAYBE:
			nmaybe++;
			if (!maybe)
				maybe = e->obj;
			break;
		default:
			nunk++;
		}
		/* a pointer of unknown origin may itself be an interior
		 * pointer that the code steps back from (ptr -= hdr) */
		if (!interior && (e->off.lo > 0 ||
				  (e->off.hi < 0 && o->origin != PO_UNKNOWN)))
			interior = (int)i + 1;
	}
	eng_stat(t, nunk ? "ksize-unresolved" : "ksize-resolved", 1);
	if (nfreed && rule_on(t, KC_RULE_KSIZE_AFTER_FREE) &&
	    (!k->shared || (nfreed == total && !nunk))) {
		int all = nfreed == total && !nunk;

		o = ir_obj(&t->objs, freed);
		fd = kc_report(t->out, KC_RULE_KSIZE_AFTER_FREE, k->loc,
			       all ? "%s() on memory that was freed at line %u"
				   : "%s() on memory that is freed on the "
				     "path through line %u",
			       k->callee, freed_line);
		if (fd) {
			fd->function = kc_arena_strdup(&t->out->arena,
						       k->function);
			if (o && o->loc.file)
				kc_note(t->out, fd, "allocation", o->loc,
					"allocated here by %s()", o->alloc);
		}
	}
	if (interior && rule_on(t, KC_RULE_KSIZE_INTERIOR)) {
		const struct pel *e = &v->p[interior - 1];

		o = ir_obj(&t->objs, e->obj);
		fd = kc_report(t->out, KC_RULE_KSIZE_INTERIOR, k->loc,
			       "%s() on a pointer %s bytes into %s; ksize() "
			       "needs the start of the object", k->callee,
			       iv_str(&e->off, ob, sizeof(ob)),
			       kind_text(t, o));
		if (fd) {
			fd->function = kc_arena_strdup(&t->out->arena,
						       k->function);
			if (o->loc.file)
				kc_note(t->out, fd, "allocation", o->loc,
					"object starts here (%s)", o->alloc);
		}
	}
	if (nbad && !ngood && !nmaybe && !nunk && !nfreed &&
	    rule_on(t, KC_RULE_KSIZE_NON_KMALLOC)) {
		o = ir_obj(&t->objs, bad);
		fd = kc_report(t->out, KC_RULE_KSIZE_NON_KMALLOC, k->loc,
			       "%s() on %s, not a kmalloc object", k->callee,
			       kind_text(t, o));
		if (fd) {
			fd->function = kc_arena_strdup(&t->out->arena,
						       k->function);
			if (o->loc.file)
				kc_note(t->out, fd, "allocation", o->loc,
					"%s here", o->origin == PO_ALLOC ?
					"allocated" : "declared");
		}
	} else if ((nbad || nmaybe) && (!k->shared || (!ngood && !nunk)) &&
		   rule_on(t, KC_RULE_KSIZE_MAYBE_NON_KMALLOC)) {
		o = ir_obj(&t->objs, nbad ? bad : maybe);
		if (nbad)
			fd = kc_report(t->out, KC_RULE_KSIZE_MAYBE_NON_KMALLOC,
				       k->loc, "%s() on %s on the path "
				       "through line %u", k->callee,
				       kind_text(t, o), o->loc.line);
		else
			fd = kc_report(t->out, KC_RULE_KSIZE_MAYBE_NON_KMALLOC,
				       k->loc, "%s() on %s", k->callee,
				       kind_text(t, o));
		if (fd) {
			fd->function = kc_arena_strdup(&t->out->arena,
						       k->function);
			if (o->loc.file)
				kc_note(t->out, fd, "allocation", o->loc,
					"allocated here by %s()", o->alloc);
		}
	}
}

int eng_emit(struct eng_tu *t)
{
	size_t i;

	for (i = 0; i < t->nks; i++)
		emit_ksize(t, &t->ks[i]);
	for (i = 0; i < t->nacc; i++) {
		struct acc_site *a = &t->acc[i];
		struct kc_finding *fd;
		const struct prov_obj *o;

		if (a->judged)
			eng_stat(t, "accesses-judged", 1);
		else if (a->unbounded)
			eng_stat(t, "accesses-unbounded", 1);
		if (a->rule < 0 || !rule_on(t, a->rule))
			continue;
		fd = kc_report(t->out, a->rule, a->loc, "%s", a->msg);
		if (!fd)
			return -KC_ENOMEM;
		fd->function = kc_arena_strdup(&t->out->arena, a->function);
		fd->slab = a->slab;
		fd->slab.allocator = kc_arena_strdup(&t->out->arena,
						     a->slab.allocator);
		fd->slab.requested_expr = a->slab.requested_expr ?
			kc_arena_strdup(&t->out->arena,
					a->slab.requested_expr) : NULL;
		o = ir_obj(&t->objs, a->obj);
		if (o && o->loc.file) {
			char rb[64];

			if (o->size.lo >= 0 && o->size.hi < IV_PINF)
				kc_note(t->out, fd, "allocation", o->loc,
					"allocated here by %s(%s), requested %s "
					"bytes", o->alloc,
					o->size_text ? o->size_text : "",
					iv_str(&o->size, rb, sizeof(rb)));
			else
				kc_note(t->out, fd, "allocation", o->loc,
					"allocated here by %s(%s)%s", o->alloc,
					o->size_text ? o->size_text : "",
					o->rounded ? ", rounded to a bucket" :
					", a request that is not rounded to a "
					"bucket");
		}
	}
	return t->out->oom ? -KC_ENOMEM : 0;
}
