/* access_messages.c - what a verdict of the access_bounds family says:
 * the rule a slack or overflow verdict is reported as and its message
 * (with the first preset under which a slack access overflows), the
 * access's end in words, the finding's slab numbers, and the report of
 * every access site with its notes when the TU ends (ab_emit). The
 * judgement itself is in access_bounds.c (access_bounds.h).
 */
#include "rules/access_bounds.h"
#include "rules/family.h"

#include <stdio.h>
#include <string.h>

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


static const char *sym_name(const struct eng_tu *t, int sym)
{
	const struct prov_sym *s = ir_sym(&t->objs, sym);

	if (!s)
		return "?";
	if (s->kind == SYM_KSIZE || s->kind == SYM_KSIZE_HDR)
		return "ksize()";
	return s->name ? s->name : "?";
}

void ab_describe_end(const struct eng_tu *t, const struct judged *j,
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
			 iv_single_sym(&o->size) ?
			 sym_name(t, iv_single_sym(&o->size)) :
			 "the request");
		return;
	}
	iv_str(&len, lb, sizeof(lb));
	snprintf(buf, size, "of %s byte%s at offset %s ends at %lld", lb,
		 iv_is_const(&len, NULL) && len.lo == 1 ? "" : "s", ob,
		 j->end_hi);
}

/* The slab numbers of site a's finding: object o's request, bucket, and
 * an access of len bytes at off, under the judged configuration. */
void ab_set_slab(const struct eng_tu *t, struct acc_site *a,
		 const struct prov_obj *o, unsigned long long bucket,
		 struct ival off, struct ival len)
{
	memset(&a->slab, 0, sizeof(a->slab));
	a->slab.valid = 1;
	a->slab.allocator = o->alloc;
	a->slab.requested_expr = o->size_text;
	a->slab.req_lo = o->size.lo > 0 ? o->size.lo : 0;
	a->slab.req_hi = o->size.hi != IV_PINF ?
		(unsigned long long)o->size.hi : SLAB_UNBOUNDED;
	a->slab.bucket_lo = a->slab.bucket_hi = bucket;
	a->slab.acc_off_lo = off.lo;
	a->slab.acc_off_hi = off.hi;
	a->slab.acc_len_lo = len.lo > 0 ? len.lo : 0;
	a->slab.acc_len_hi = len.hi != IV_PINF ?
		(unsigned long long)len.hi : SLAB_UNBOUNDED;
	a->slab.config = slab_config_label(t->config);
}

/* Keeps verdict j (slack or overflow) at site a when it is worse than
 * what a holds, with its message and slab numbers. */
void ab_record_verdict(struct eng_tu *t, struct acc_site *a,
		       const struct prov_obj *o, int obj,
		       const struct judged *j, struct ival off,
		       struct ival len, int write, const char *what)
{
	int rule, rank;
	char endb[160], reqb[96], cfgb[160], bname[48];
	const char *label;
	const struct slab_config *worst;

	if (j->verdict == V_OVERFLOW)
		rule = write ? KC_RULE_OVERFLOW_WRITE :
			       KC_RULE_OVERFLOW_READ;
	else
		rule = write ? KC_RULE_SLACK_WRITE :
			       KC_RULE_SLACK_READ;
	rank = j->verdict * 2 + write;
	if (a->rule >= 0 && a->rank >= rank)
		return;
	a->rule = rule;
	a->rank = rank;
	a->obj = obj;
	a->ksize_bound = j->ksize_bound;
	ab_describe_end(t, j, o, off, len, endb, sizeof(endb));
	if (j->req >= 0)
		snprintf(reqb, sizeof(reqb), " %lld", j->req);
	else if (o->size_text)
		snprintf(reqb, sizeof(reqb), " '%s'", o->size_text);
	else
		reqb[0] = '\0';
	label = slab_config_label(t->config);
	if (j->bucket)
		snprintf(cfgb, sizeof(cfgb), "bucket %llu (%s) on %s",
			 j->bucket, slab_bucket_name(t->config,
						    j->bucket, bname,
						    sizeof(bname)),
			 label);
	else
		snprintf(cfgb, sizeof(cfgb),
			 "the kmalloc bucket on %s", label);
	worst = NULL;
	if (j->verdict == V_SLACK && j->req > 0 && !j->ksize_bound &&
	    !j->sym_bound && !o->rounded)
		worst = overflow_config(t, j->req, j->end_hi);
	if (j->verdict == V_SLACK && worst && t->env->all_configs) {
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
			slab_bucket(worst, (unsigned long long)j->req),
			slab_config_label(worst), reqb, o->alloc,
			cfgb);
	} else if (j->verdict == V_SLACK)
		a->msg = kc_arena_printf(&t->arena,
			"%s%s %s, past the requested size%s of "
			"%s() but inside %s; %s",
			what ? what : (write ? "write" : "read"),
			what ? "()" : "", endb, reqb, o->alloc, cfgb,
			j->sym_bound ? "it overflows when the request "
			"is itself a bucket size; allocate "
			"kmalloc_size_roundup() bytes or fix the bound"
			: worst ? kc_arena_printf(&t->arena,
			"an overflow on %s; allocate "
			"kmalloc_size_roundup() of the size and use "
			"only that", slab_config_label(worst)) :
			"allocate kmalloc_size_roundup() of the "
			"size and use only that");
	else if (j->before)
		a->msg = kc_arena_printf(&t->arena,
			"%s%s of %lld byte%s at offset %lld, before the start "
			"of the object of %s() (requested size%s%s%s): outside "
			"it on every kernel",
			what ? what : (write ? "write" : "read"),
			what ? "()" : "", len.lo, len.lo == 1 ? "" : "s",
			off.lo, o->alloc, reqb[0] ? reqb : " unknown",
			j->bucket ? ", " : "", j->bucket ? cfgb : "");
	else
		a->msg = kc_arena_printf(&t->arena,
			"%s%s %s, past the end of %s for the requested "
			"size%s of %s()",
			what ? what : (write ? "write" : "read"),
			what ? "()" : "", endb, cfgb, reqb, o->alloc);
	ab_set_slab(t, a, o, j->bucket, off, len);
	a->slab.worst_config = worst ? slab_config_label(worst) : NULL;
}

/* Names the stores behind the field facts the verdict at a relied on:
 * the object's requested size read from a field, the capacity field
 * that bounded the access. */
static void fact_notes(struct eng_tu *t, struct kc_finding *fd,
		       const struct acc_site *a, const struct prov_obj *o)
{
	const char *m;

	if (o->from_fact && o->field &&
	    (m = eng_fact_describe(t, o->field, 0)))
		/* a fact from the database has no allocation in this TU:
		 * the note goes with the access */
		kc_note(t->out, fd, "field", o->loc.file ? o->loc : a->loc,
			"%s", m);
	if (a->ksize_bound && o->cap_field &&
	    (m = eng_fact_describe(t, o->cap_field, 1)))
		kc_note(t->out, fd, "field", a->loc, "%s", m);
}

int ab_emit(struct eng_tu *t)
{
	size_t i;

	if (ab_claims_judge(t))
		return -KC_ENOMEM;

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
				kc_note(t->out, fd, "allocation",
					rule_alloc_loc(o, a->function),
					"allocated here by %s, requested %s "
					"bytes",
					rule_alloc_by(t, o, a->function, 1),
					iv_str(&o->size, rb, sizeof(rb)));
			else
				kc_note(t->out, fd, "allocation",
					rule_alloc_loc(o, a->function),
					"allocated here by %s%s",
					rule_alloc_by(t, o, a->function, 1),
					o->rounded ? ", rounded to a bucket" :
					", a request that is not rounded to a "
					"bucket");
			rule_note_fact(t, fd, o);
		}
		if (o)
			fact_notes(t, fd, a, o);
	}
	return 0;
}

