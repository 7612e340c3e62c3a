/* access_bounds.c - the rule family of accesses to kmalloc memory:
 * slack-write, slack-read (past the requested size, inside the bucket)
 * and overflow-write, overflow-read (past the bucket), and
 * bound-past-object (a bounded writer told a size past the request
 * while what it writes fits).
 *
 * Every access the interpreter reports (on_access) is judged for each
 * kmalloc object its pointer may point to: the end of the access is
 * compared with the requested size and the bucket the slab model gives
 * for it (judge). Verdicts the analysis cannot stand behind are dropped
 * by the named suppressions below, each with the reason it exists. The
 * worst verdict per site is kept (struct acc_site, over every visit) and
 * reported with its message and slab numbers when the TU ends (ab_emit,
 * access_messages.c, which also words the verdicts).
 * Which lvalues become accesses is decided where they are evaluated
 * (interp/lvalues.c: member_judged, view_ok) and when (interp/loops.c:
 * judge_round, on the loop's fixed point).
 */
#include "rules/access_bounds.h"
#include "rules/family.h"
#include "util/vec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* A single value: one exact symbolic form, or a constant. */
static int exact(const struct ival *a)
{
	if (a->nt)
		return a->slo == a->shi;
	return iv_is_const(a, NULL);
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

/* 1 if the place the access at names has no index that is not a
 * constant (h->len, p[-1], *(p - 1), a container_of() result): its one
 * negative offset is where the code points, not the first value of a
 * loop index
 * (a[i - 1] on a round where a guard the analysis cannot decide keeps i
 * above 0). */
static int constant_place(CXCursor at)
{
	struct cx_kids k;
	enum CXCursorKind kind;
	long long c;
	unsigned i;

	at = cx_strip(at);
	kind = clang_getCursorKind(at);
	/* *(ptr - 1): a pointer and a constant */
	if (kind == CXCursor_BinaryOperator) {
		cx_children(at, &k);
		for (i = 0; i < k.n; i++)
			if (cx_is_integer(cx_type(k.k[i])) ?
			    !cx_eval_int(k.k[i], &c) :
			    !constant_place(k.k[i]))
				return 0;
		return k.n == 2;
	}
	if (kind != CXCursor_MemberRefExpr &&
	    kind != CXCursor_ArraySubscriptExpr &&
	    kind != CXCursor_UnaryOperator && kind != CXCursor_DeclRefExpr &&
	    kind != CXCursor_CStyleCastExpr && kind != CXCursor_ParenExpr &&
	    kind != CXCursor_IntegerLiteral)
		return 0;
	cx_children(at, &k);
	if (kind == CXCursor_ArraySubscriptExpr &&
	    (k.n != 2 || !cx_eval_int(k.k[1], &c)))
		return 0;
	for (i = 0; i < k.n; i++)
		if (!constant_place(k.k[i]))
			return 0;
	return 1;
}

/* The verdict on an access of len bytes at offset off of object o;
 * single: the pointer has o as its one target (numbers are judged only
 * then); before: a negative offset may be judged (constant_place). */
static void judge(const struct eng_tu *t, const struct prov_obj *o,
		  struct ival off, struct ival len, int single, int before,
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
	/* one constant offset before the start of an allocation the
	 * analysis made (a container_of() from a pointer that was never
	 * inside the container): outside the object on every kernel */
	if (cfg && single && before && o->origin == PO_ALLOC &&
	    !o->from_fact && iv_is_const(&off, &r) && r < 0 &&
	    iv_is_const(&len, NULL)) {
		j->verdict = V_OVERFLOW;
		j->before = 1;
		j->definite = 1;
		j->end_hi = r + len.lo;
		if (iv_is_const(&o->size, &j->req) && j->req > 0)
			j->bucket = o->rounded ? (unsigned long long)j->req :
				    slab_bucket(cfg, j->req);
		else
			j->req = -1;
		return;
	}
	/* another negative offset (a header before a pointer of unknown
	 * origin) is not ours; a lower bound lost in arithmetic on ksize()
	 * is fine */
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
	    !eng_has_ksize_term(t, &end) && !t->tu_errors && single) {
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

/* ---- suppressions: verdicts the analysis cannot stand behind ---- */

/* A length that may be negative is, as the size_t the sink takes, any
 * size: no bound (usbtmc: an int count from the device, clamped from
 * above only). */
static int len_may_be_negative(const struct ival *len)
{
	return !len->nt && len->lo < 0;
}

/* A verdict from a range (a guarded length, an index) in a callee
 * analysed in its caller's context, on an object it did not allocate:
 * the callee's bound may be meant for another caller's object, or a
 * relation the analysis does not keep (an is_last flag, i + 1 < n) may
 * prune it. */
static int callee_range_on_foreign_object(const struct eng_fn *f,
					  const struct prov_obj *o,
					  const struct judged *j,
					  const struct ival *off,
					  const struct ival *len)
{
	return j->verdict != V_UNBOUNDED && j->verdict != V_FINE &&
	       !j->ksize_bound && !j->definite && f->caller &&
	       o->fn != clang_hashCursor(f->fn) &&
	       (!exact(off) || !exact(len));
}

/* An object read back in another function from a field that also holds
 * objects of other sites or sizes: the bounds there may belong to
 * another of them. */
static int mixed_field_object(const struct eng_fn *f,
			      const struct prov_obj *o,
			      const struct judged *j)
{
	return j->verdict != V_UNBOUNDED && !j->ksize_bound &&
	       o->fn != clang_hashCursor(f->fn) &&
	       eng_fact_mixed_obj(f->t, o);
}

/* A numeric range verdict (a guarded length, an index) on an object
 * read back from a field in a function that did not allocate it (a
 * bound by ksize() or by the sibling field the request is, i <= x->len,
 * stays judged): the guards there are about what the field's stores
 * promised elsewhere (a length stored
 * only after a check against the buffer, a callee's clamp the analysis
 * did not keep), not this object's request (test_firmware's tst->size
 * checked against PAGE_SIZE, usblp's device id length). */
static int range_on_field_object(const struct eng_fn *f,
				 const struct prov_obj *o,
				 const struct judged *j)
{
	return j->verdict != V_UNBOUNDED && j->verdict != V_FINE &&
	       !j->ksize_bound && !j->sym_bound && !j->definite &&
	       o->from_fact && o->fn != clang_hashCursor(f->fn);
}

/* An access inside a switch on a field of the object whose value is not
 * known (switch (desc->type) { case SERVICE_DESCRIPTOR: ... the address
 * of a service descriptor's field handed to a writer ... }): which
 * layout the object has there is the case's, a tag the analysis does not
 * relate to the size (vidtv's descriptors, nf_tables' transactions). A
 * bound by ksize() is the object's whatever its layout. */
static int under_unknown_tag(const struct eng_fn *f, int obj,
			     const struct judged *j)
{
	return j->verdict != V_UNBOUNDED && j->verdict != V_FINE &&
	       !j->ksize_bound && eng_tag_tested(f, obj);
}

/* A numeric end past KMALLOC_MAX_SIZE comes from a guard that is not
 * about this object (count <= INT_MAX): the bound that matters (what the
 * device or caller can send) is not known. */
static int end_past_kmalloc_max(const struct eng_tu *t,
				const struct judged *j)
{
	return j->verdict == V_OVERFLOW && !j->ksize_bound &&
	       !j->sym_bound && !j->definite && j->end_hi > 0 &&
	       (unsigned long long)j->end_hi > slab_config_max(t->config);
}

/* A request that is one opaque size (ring->mqd_size), or a form whose
 * coefficients and constant are all multiples of e: taken to hold whole
 * elements of e bytes. */
static int whole_elements(const struct ival *req, long long e)
{
	int i;

	if (!req->nt || req->den != 1 || req->slo != req->shi)
		return 0;
	if (req->nt == 1 && req->coef[0] == 1 && req->slo == 0)
		return 1;
	for (i = 0; i < req->nt; i++)
		if (req->coef[i] % e)
			return 0;
	return req->slo % e == 0;
}

/* An element of an array of T (p[i]) ends past a symbolic request by
 * less than one element: indexing steps by whole elements, so it passes
 * the request only when the request is not a multiple of sizeof(T)
 * (kbuf[*pos / 4] under *pos < mqd_size, where mqd_size is a struct
 * size). A request that holds whole elements (whole_elements) is not
 * passed. An end a whole element past (pos <= size) stays reported. */
static int part_of_last_element(const struct prov_obj *o,
				const struct judged *j, CXCursor at,
				const struct ival *len)
{
	long long l;

	if (!j->sym_bound || j->delta <= 0 || !iv_is_const(len, &l) ||
	    j->delta >= l || !whole_elements(&o->size, l))
		return 0;
	at = cx_strip(at);
	return clang_getCursorKind(at) == CXCursor_ArraySubscriptExpr &&
	       cx_type_size(cx_type(at)) == l;
}

struct acc_site *ab_acc_get(struct eng_tu *t, unsigned long long site)
{
	size_t i;
	struct acc_site *a;

	for (i = t->nacc; i > 0; i--)
		if (t->acc[i - 1].site == site)
			return &t->acc[i - 1];
	if (t->nacc == t->capacc &&
	    kc_vec_grow((void **)&t->acc, &t->capacc, sizeof(*t->acc)))
		return NULL;
	a = &t->acc[t->nacc++];
	memset(a, 0, sizeof(*a));
	a->site = site;
	a->rule = -1;
	return a;
}

/* A bounded writer whose output fits the request: its size argument
 * (acc->claim) past the request is bound-past-object, with both numbers.
 * The claim is judged as an access would be, with the same
 * suppressions. */
static void judge_claim(struct eng_fn *f, struct acc_site *a,
			const struct prov_obj *o, int obj, struct ival off,
			int single, const struct rule_access *acc)
{
	struct eng_tu *t = f->t;
	struct judged j;
	char endb[160], bname[48], reqb[96], cfgb[160];
	long long most = acc->len.hi;

	if (len_may_be_negative(&acc->claim))
		return;
	judge(t, o, off, acc->claim, single, 0, &j);
	if (callee_range_on_foreign_object(f, o, &j, &off, &acc->claim) ||
	    range_on_field_object(f, o, &j) ||
	    under_unknown_tag(f, obj, &j) ||
	    mixed_field_object(f, o, &j) || end_past_kmalloc_max(t, &j) ||
	    part_of_last_element(o, &j, acc->at, &acc->claim))
		return;
	if (j.verdict != V_SLACK && j.verdict != V_OVERFLOW)
		return;
	if (a->rule >= 0 && a->rank >= 1)
		return;
	a->rule = KC_RULE_BOUND_PAST_OBJECT;
	a->rank = 1;
	a->obj = obj;
	if (j.ksize_bound) {
		snprintf(endb, sizeof(endb), "size ksize()");
		if (j.delta)
			snprintf(endb + strlen(endb), sizeof(endb) -
				 strlen(endb), "%+lld", j.delta);
		if (j.bucket)
			snprintf(endb + strlen(endb), sizeof(endb) -
				 strlen(endb), " = %lld", j.end_hi);
	} else if (j.sym_bound) {
		memcpy(endb, "a size that ", 13);
		ab_describe_end(t, &j, o, off, acc->claim, endb + 12,
			     sizeof(endb) - 12);
	} else {
		char cb[64], ob[64];

		iv_str(&acc->claim, cb, sizeof(cb));
		iv_str(&off, ob, sizeof(ob));
		snprintf(endb, sizeof(endb), "size %s%s%s", cb,
			 iv_is_const(&off, NULL) && off.lo == 0 ? "" :
			 " at offset ",
			 iv_is_const(&off, NULL) && off.lo == 0 ? "" : ob);
	}
	if (j.req >= 0)
		snprintf(reqb, sizeof(reqb), " %lld", j.req);
	else if (o->size_text)
		snprintf(reqb, sizeof(reqb), " '%s'", o->size_text);
	else
		reqb[0] = 0;
	if (j.bucket)
		snprintf(cfgb, sizeof(cfgb), " (bucket %llu, %s on %s)",
			 j.bucket, slab_bucket_name(t->config, j.bucket,
						    bname, sizeof(bname)),
			 slab_config_label(t->config));
	else
		cfgb[0] = 0;
	a->msg = kc_arena_printf(&t->arena,
		"%s() is given %s, past the requested size%s of %s()%s; its "
		"%s at most %lld byte%s%s, so nothing is written "
		"past the request, but the size argument is wrong",
		acc->what ? acc->what : "write", endb, reqb, o->alloc, cfgb,
		acc->by_src == 2 ? "string after the append is" :
		acc->by_src ? "source is" : "format writes",
		most, most == 1 ? "" : "s",
		acc->by_src ? " with its NUL" : "");
	ab_set_slab(t, a, o, j.bucket, off, acc->len);
}

/* ---- the hooks ---- */

static void on_access(struct eng_fn *f, const struct state *s,
		      const struct rule_access *acc)
{
	struct eng_tu *t = f->t;
	const struct val *ptr = acc->ptr;
	unsigned i;
	int single, nobj = 0, rank, rule;

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
		struct ival off, len = acc->len;
		int as_claim = 0;  /* judging a bounded writer's size */

		if (e->kind != PK_OBJ)
			continue;
		o = ir_obj(&t->objs, e->obj);
		if (!o || !rule_kmalloc_object(t, o))
			continue;
		a = ab_acc_get(t, cx_site(acc->at));
		if (!a)
			return;
		if (!a->loc.file) {
			a->loc = cx_loc(&t->arena, acc->at);
			a->function = f->name;
		}
	again:
		off = iv_add(e->off, acc->extra);
		if (len_may_be_negative(&len)) {
			a->unbounded = 1;
			continue;
		}
		judge(t, o, off, len, single, constant_place(acc->at), &j);
		if (j.verdict == V_UNBOUNDED) {
			struct ival end = iv_add(off, len), b;

			/* judge the guarded bound of the end instead */
			if (eng_rel_bound(f, s, &end, &b)) {
				judge(t, o, iv_sub(b, len), len, single, 0,
				      &j);
				if (j.verdict != V_UNBOUNDED)
					off = iv_sub(b, len);
			}
		}
		if (callee_range_on_foreign_object(f, o, &j, &off, &len) ||
		    range_on_field_object(f, o, &j) ||
		    under_unknown_tag(f, e->obj, &j) ||
		    mixed_field_object(f, o, &j) ||
		    end_past_kmalloc_max(t, &j) ||
		    part_of_last_element(o, &j, acc->at, &len))
			j.verdict = V_UNBOUNDED;
		if (j.verdict == V_UNBOUNDED && acc->bounded && !as_claim) {
			/* what the writer writes at most cannot be judged
			 * against this object (a symbolic request): its size
			 * argument is, as for any sink */
			as_claim = 1;
			len = acc->claim;
			goto again;
		}
		if (j.verdict == V_UNBOUNDED) {
			a->unbounded = 1;
			continue;
		}
		a->judged = 1;
		if (j.verdict == V_FINE) {
			if (acc->bounded && !as_claim)
				judge_claim(f, a, o, e->obj, off, single, acc);
			continue;
		}
		rank = a->rank;
		rule = a->rule;
		ab_record_verdict(t, a, o, e->obj, &j, off, len, acc->write,
			       acc->what);
		if (acc->bounded && !as_claim &&
		    (a->rank != rank || a->rule != rule)) {
			char cb[64];

			/* len is what the format produces at most (or the
			 * source string and its NUL), not the size the
			 * writer was given */
			iv_str(&acc->claim, cb, sizeof(cb));
			a->msg = kc_arena_printf(&t->arena,
				"%s (%s; it is given size %s)",
				a->msg, acc->by_src == 2 ?
				"at most the string there, its source "
				"string and the NUL" : acc->by_src ?
				"at most its source string and its NUL" :
				"the most its format produces", cb);
		}
	}
}

const struct rule_family rule_family_access_bounds = {
	.name = "access_bounds",
	.on_access = on_access,
	.on_return = ab_on_return,
	.emit = ab_emit,
};
