/* return_claims.c - the access_bounds family's judgement of the promise
 * at a return (slack-write, overflow-write).
 *
 * A function with an allocator record promises SIZE usable bytes at the
 * pointer it returns (interp/claims.c reports each return through the
 * on_return hook).
 */
#include "rules/access_bounds.h"
#include "util/vec.h"

#include <stdio.h>
#include <string.h>

/* ---- the claim at a return (realloc-like helpers) ----
 *
 * `if (new_size <= ksize(p)) return p;` in a function whose record
 * promises new_size bytes hands its callers p's slack: the callers then
 * use bytes past what p was requested with (6.1 devm_krealloc). The
 * claim is judged for each object returned that the function did not
 * allocate (one of unknown origin: the realloc argument, a field), when
 * the path's guard bounds the promised size by ksize() of that object or
 * of the container it sits in (ksize(container_of(p, struct hdr, data)),
 * SYM_KSIZE_HDR). past is where the promised bytes may end relative to
 * that ksize(): > 0 passes the bucket on every kernel (overflow-write);
 * 0 reaches it, which is slack only when the old request was not itself
 * a bucket size, so it is reported only when the analysis knows that
 * (claim_unrounded, at the TU's end); < 0 is not judged. */

/* The ksize() symbol of object o (or of its container), or 0. */
static int ksize_sym_of(const struct eng_tu *t, const struct prov_obj *o,
			int sym)
{
	const struct prov_sym *ps = ir_sym(&t->objs, sym);

	if (!ps || !sym)
		return 0;
	if ((ps->kind == SYM_KSIZE && sym == o->ksize_sym) ||
	    (ps->kind == SYM_KSIZE_HDR && sym == o->hdr_ksize_sym))
		return sym;
	return 0;
}

/* The guard on this path: a form over two paths, x <= k + *g, where k
 * holds ksize() of o (its symbol in *sym, plus the constant *kc) and x
 * is the other path (*x, its value *xv). 1 if found. */
static int ksize_guard(struct eng_fn *f, const struct state *s,
		       const struct prov_obj *o, int *sym, long long *kc,
		       long long *g, const char **x, struct ival *xv)
{
	const struct eng_tu *t = f->t;
	unsigned i, w;

	for (i = 0; i < s->n; i++) {
		const char *path[2];
		long long coef[2];
		const struct ival *r = &s->e[i].v.iv;

		if (!eng_rel_is_path_form(s->e[i].key) ||
		    eng_rel_path_terms(f, s->e[i].key, 2, path, coef) != 2 ||
		    coef[0] + coef[1] != 0 ||
		    (coef[0] != 1 && coef[0] != -1))
			continue;
		for (w = 0; w < 2; w++) {
			const struct val *kv = st_find(s, path[w]);
			const struct val *ov = st_find(s, path[!w]);
			int ks;

			if (!kv || !ov || !iv_single_sym(&kv->iv) ||
			    kv->iv.slo != kv->iv.shi)
				continue;
			ks = ksize_sym_of(t, o, iv_single_sym(&kv->iv));
			if (!ks)
				continue;
			/* coef[w] * k - coef[w] * x in [lo, hi] */
			if (coef[w] == 1 && r->lo != IV_NINF)
				*g = -r->lo;
			else if (coef[w] == -1 && r->hi != IV_PINF)
				*g = r->hi;
			else
				continue;
			*sym = ks;
			*kc = kv->iv.slo;
			*x = path[!w];
			*xv = ov->iv;
			return 1;
		}
	}
	return 0;
}

static void claim_one(struct eng_fn *f, const struct state *s,
		      const struct rule_return *r, const struct prov_obj *o,
		      long long off)
{
	struct eng_tu *t = f->t;
	const struct prov_sym *ps;
	struct ret_claim c;
	struct ival d, b, xv;
	const char *x = NULL;
	long long kc = 0, g = 0, hdr, past;
	int sym = 0;
	char xb[96], wb[200];
	const char *tf;

	/* a promise bounded otherwise too (size <= 8 checked earlier) may
	 * never reach the old object's bucket: only an unbounded one */
	if (r->size.hi != IV_PINF)
		return;
	if (iv_single_sym(&r->size) &&
	    r->size.shi != IV_PINF && r->size.sreach &&
	    (sym = ksize_sym_of(t, o, iv_single_sym(&r->size)))) {
		/* the guard narrowed the promised size itself to ksize()
		 * (`if (n <= ksize(p)) return p;`), a bound it attains */
		kc = r->size.shi;
		d = iv_const(0);
		snprintf(xb, sizeof(xb), "%s", r->size_text ? r->size_text :
			 "the size");
	} else if (!r->size.nt || r->size.slo != r->size.shi) {
		return;	/* the promise must be one exact form to reach */
	} else if (ksize_guard(f, s, o, &sym, &kc, &g, &x, &xv) &&
	    (d = iv_sub(xv, r->size), !d.nt && d.lo == d.hi &&
	     d.lo != IV_NINF)) {
		/* x = size + d, d one constant */
		if (r->size_text && d.lo)
			snprintf(xb, sizeof(xb), "%s = %s %c %lld",
				 path_root_name(x), r->size_text,
				 d.lo > 0 ? '+' : '-',
				 d.lo > 0 ? d.lo : -d.lo);
		else
			snprintf(xb, sizeof(xb), "%s", path_root_name(x));
	} else if (eng_rel_bound(f, s, &r->size, &b) &&
		   iv_single_sym(&b) && b.shi != IV_PINF &&
		   (sym = ksize_sym_of(t, o, iv_single_sym(&b)))) {
		/* the promised size itself: size <= ksize() + b.shi */
		kc = b.shi;
		g = 0;
		d = iv_const(0);
		snprintf(xb, sizeof(xb), "%s", r->size_text ? r->size_text :
			 "the size");
	} else {
		return;
	}
	ps = ir_sym(&t->objs, sym);
	hdr = ps->kind == SYM_KSIZE_HDR ? -ps->off : 0;
	/* size = x - d <= ksize + kc + g - d, at hdr + off in the object
	 * ksize() measures */
	past = hdr + off + kc + g - d.lo;
	if (past < 0)
		return;
	memset(&c, 0, sizeof(c));
	c.site = cx_site(r->at);
	c.loc = cx_loc(&t->arena, r->at);
	c.function = f->name;
	c.past = past;
	c.ptype = ps->ptype;
	c.local_type = ps->local_type;
	c.type_name = ps->name;
	if (hdr)
		snprintf(wb, sizeof(wb), "ksize() of its %s container (%lld "
			 "header bytes before %s)", ps->name ? ps->name :
			 "header", hdr, r->ret_text ? r->ret_text :
			 "the pointer");
	else
		snprintf(wb, sizeof(wb), "ksize() of %s",
			 r->ret_text ? r->ret_text : "the returned object");
	/* the record's file as the tables name it: rules/allocators.tbl,
	 * or the --rules file's own name, not a machine-local path */
	tf = r->api->file ? r->api->file : "?";
	if (strrchr(tf, '/')) {
		const char *p = strrchr(tf, '/');

		while (p > tf && p[-1] != '/')
			p--;
		tf = p > tf && !strncmp(p, "rules/", 6) ? p :
		     strrchr(tf, '/') + 1;
	}
	c.msg = kc_arena_printf(&t->arena,
		"%s() returns %s for %s byte%s (its record: alloc %s, %s:%u) "
		"when %s fits %s",
		f->name, r->ret_text ? r->ret_text : "an existing object",
		r->size_text ? r->size_text : "the promised",
		r->size_text ? "s" : "size in",
		r->api->name, tf, r->api->line, xb, wb);
	if (!c.msg)
		return;
	KC_VEC_PUSH(&t->claims, c);
}

void ab_on_return(struct eng_fn *f, const struct state *s,
		      const struct rule_return *r)
{
	struct eng_tu *t = f->t;
	unsigned i;
	long long off;

	for (i = 0; i < r->ret->np; i++) {
		const struct pel *e = &r->ret->p[i];
		const struct prov_obj *o;

		if (e->kind != PK_OBJ || !iv_is_const(&e->off, &off))
			continue;
		o = ir_obj(&t->objs, e->obj);
		/* an object of unknown origin: not allocated on this path */
		if (o && o->origin == PO_UNKNOWN)
			claim_one(f, s, r, o, off);
	}
}

/* Whether every object of the container type the claim measured was
 * requested with a size that is not a bucket size: the type is defined
 * in this file (no other TU allocates it), this TU allocates it
 * somewhere, and every such allocation is a kmalloc one whose request
 * is not rounded (kmalloc_size_roundup, ksize) and is not a constant
 * bucket size. Only when pass 1 saw every function whole and the TU
 * parsed cleanly (a skipped function may allocate it rounded). *rep: one
 * of them, for the note. */
static int claim_unrounded(const struct eng_tu *t, const struct ret_claim *c,
			   int *rep)
{
	int id, n = 0;

	if (!c->ptype || !c->local_type || !t->config || t->incomplete ||
	    t->tu_errors)
		return 0;
	for (id = 1; id <= t->objs.nobj; id++) {
		const struct prov_obj *o = ir_obj(&t->objs, id);
		long long r;

		if (!o || o->origin != PO_ALLOC || o->ptr_type != c->ptype)
			continue;
		if (!rule_kmalloc_object(t, o) || o->rounded)
			return 0;
		if (iv_is_const(&o->size, &r) &&
		    (r <= 0 || slab_bucket(t->config, r) ==
		     (unsigned long long)r))
			return 0;
		if (!n++)
			*rep = id;
	}
	return n > 0;
}

/* Turns the claims into findings (slack-write, overflow-write) at their
 * return statements, kept with the access sites. */
int ab_claims_judge(struct eng_tu *t)
{
	size_t i;

	for (i = 0; i < t->claims.n; i++) {
		const struct ret_claim *c = &t->claims.v[i];
		struct acc_site *a;
		int rep = 0, rule;
		const char *msg;

		if (c->past > 0) {
			rule = KC_RULE_OVERFLOW_WRITE;
			msg = kc_arena_printf(&t->arena,
				"%s, but those bytes may end %lld past it: "
				"callers write past the kmalloc bucket",
				c->msg, c->past);
		} else if (claim_unrounded(t, c, &rep)) {
			const struct prov_obj *o = ir_obj(&t->objs, rep);

			rule = KC_RULE_SLACK_WRITE;
			msg = kc_arena_printf(&t->arena,
				"%s, and every %s of this file is requested "
				"with a size not rounded to a bucket (%s): "
				"callers use the slack past the old request; "
				"compare with the requested size, or allocate "
				"kmalloc_size_roundup() of it",
				c->msg, c->type_name ? c->type_name :
				"object", rule_alloc_by(t, o, o->via_top, 1));
		} else {
			continue;
		}
		if (!msg)
			return -KC_ENOMEM;
		a = ab_acc_get(t, c->site);
		if (!a)
			return -KC_ENOMEM;
		a->judged = 1;
		if (a->rule >= 0 && a->rank >= (rule ==
		    KC_RULE_OVERFLOW_WRITE ? V_OVERFLOW : V_SLACK) * 2 + 1)
			continue;
		a->loc = c->loc;
		a->function = c->function;
		a->rule = rule;
		a->rank = (rule == KC_RULE_OVERFLOW_WRITE ? V_OVERFLOW :
			   V_SLACK) * 2 + 1;
		a->msg = msg;
		a->obj = rep;
		memset(&a->slab, 0, sizeof(a->slab));
	}
	return 0;
}
