/* dbsend.c - the worker's side of the fact database in a run
 * (docs/factdb.md, "In a run"): a TU's facts as the "facts" member of
 * its result (dbsend.h), which the parent writes (dbwrite.c) and the
 * result cache keeps. */
#include <json-c/json.h>
#include <string.h>

#include "diag/json_util.h"
#include "driver/dbsend.h"
#include "prefilter/pf_defs.h"
#include "util/digest.h"
#include "util/strbuf.h"

/* Digest of what a TU's facts depend on: the main file's content and
 * the translated flags (into hex, KC_DIGEST_HEX bytes). */
static void facts_digest(const char *file, const char *const *args,
			 int nargs, char *hex)
{
	struct kc_digest *d = kc_digest_new();

	hex[0] = '\0';
	if (!d)
		return;
	kc_digest_add_file(d, file);
	for (int i = 0; i < nargs; i++)
		kc_digest_add_str(d, args[i]);
	kc_digest_hex(d, hex);
	kc_digest_free(d);
}

static json_object *str_or_empty(const char *s)
{
	return json_object_new_string(s ? s : "");
}

/* One definition: [name, is_static, line, [records...]]. */
static json_object *fn_json(const struct kc_fn_fact *ff, int full)
{
	json_object *e = json_object_new_array();
	json_object *recs = json_object_new_array();
	int bad = 0;

	bad |= kc_jadd(e, NULL, str_or_empty(ff->function));
	bad |= kc_jadd(e, NULL, json_object_new_int(ff->is_static));
	bad |= kc_jadd(e, NULL, json_object_new_int64(ff->line));
	for (int k = 0; full && k < 4 && ff->records[k]; k++)
		bad |= kc_jadd(recs, NULL,
			       json_object_new_string(ff->records[k]));
	bad |= kc_jadd(e, NULL, recs);
	if (bad) {
		json_object_put(e);
		return NULL;
	}
	return e;
}

/* One store: [field, display, what, size, function, line]. */
static json_object *store_json(const struct factdb_store *st)
{
	json_object *e = json_object_new_array();
	int bad = 0;

	bad |= kc_jadd(e, NULL, str_or_empty(st->field));
	bad |= kc_jadd(e, NULL, str_or_empty(st->display));
	bad |= kc_jadd(e, NULL, str_or_empty(st->what));
	bad |= kc_jadd(e, NULL, str_or_empty(st->size));
	bad |= kc_jadd(e, NULL, str_or_empty(st->function));
	bad |= kc_jadd(e, NULL, json_object_new_int64(st->line));
	if (bad) {
		json_object_put(e);
		return NULL;
	}
	return e;
}

/* The TU's facts as the "facts" member of its result, which the parent
 * writes into the database (run.c) and the result cache keeps (a warm
 * round one still writes them). With clang errors only the definitions
 * are kept: a body clang could not parse may do what the analysis did
 * not see, so its functions have no records (which makes any external
 * one unknown to the tree) and its stores are not claimed. Facts that
 * do not fit in memory are not sent in part: "facts_error" makes the
 * parent count the TU as not written, and the round keeps the old
 * database (a missing definition would let another TU's records pass
 * the agreement rule). */
static void facts_to_json(json_object *res, const struct kc_tu_facts *f,
			  const char *digest, int status)
{
	json_object *o = json_object_new_object();
	json_object *fns = json_object_new_array();
	json_object *stores = json_object_new_array();
	int full = status == KC_TU_CLEAN, bad = !o || !digest[0];

	for (size_t i = 0; !bad && i < f->fns.n; i++)
		bad = kc_jadd(fns, NULL, fn_json(&f->fns.v[i], full));
	for (size_t i = 0; !bad && full && i < f->stores.n; i++)
		bad = kc_jadd(stores, NULL, store_json(&f->stores.v[i]));
	if (!bad && (json_object_object_add(o, "digest",
			json_object_new_string(digest)) ||
		     json_object_object_add(o, "fns", fns)))
		bad = 1;
	else if (!bad)
		fns = NULL;
	if (!bad && json_object_object_add(o, "stores", stores))
		bad = 1;
	else if (!bad)
		stores = NULL;
	json_object_put(fns);
	json_object_put(stores);
	if (bad || json_object_object_add(res, "facts", o)) {
		json_object_put(o);
		json_object_object_add(res, "facts_error",
				       json_object_new_boolean(1));
	}
}

static int def_json(void *data, const char *name, size_t nlen,
		    int is_static, unsigned line)
{
	json_object *e = json_object_new_array();
	int bad = 0;

	bad |= kc_jadd(e, NULL, json_object_new_string_len(name, (int)nlen));
	bad |= kc_jadd(e, NULL, json_object_new_int(is_static));
	bad |= kc_jadd(e, NULL, json_object_new_int64(line));
	bad |= kc_jadd(e, NULL, json_object_new_array());
	if (bad) {
		json_object_put(e);
		return -1;
	}
	return kc_jadd(data, NULL, e);
}

/* The facts of a TU the prefilter skipped: the definitions its text
 * spells (prefilter/pf_defs.h), without records or stores; it calls no
 * allocator, so it has none to give, but another definition of one of
 * its functions must not pass the agreement rule alone. A file that
 * cannot be read or scanned gives "facts_error" (the round keeps the
 * old database). */
void kc_facts_prefiltered(json_object *res, const struct kc_tu *tu)
{
	struct kc_strbuf path = KC_STRBUF_INIT, text = KC_STRBUF_INIT;
	json_object *o = json_object_new_object();
	json_object *fns = json_object_new_array();
	char digest[KC_DIGEST_HEX + 12];
	int bad = !o || !fns;

	if (tu->dir && tu->file[0] != '/')
		kc_strbuf_addf(&path, "%s/%s", tu->dir, tu->file);
	else
		kc_strbuf_addf(&path, "%s", tu->file);
	bad = bad || !path.buf || kc_strbuf_read_file(&text, path.buf) ||
	      pf_defs_scan(text.buf, text.len, def_json, fns);
	if (!bad) {
		memcpy(digest, "prefiltered:", 12);
		kc_digest_buf_hex(text.buf, text.len, digest + 12);
		bad = json_object_object_add(o, "digest",
					     json_object_new_string(digest)) ||
		      json_object_object_add(o, "fns", fns);
		if (!bad)
			fns = NULL;
	}
	if (!bad && !json_object_object_add(res, "facts", o))
		o = NULL;
	else
		json_object_object_add(res, "facts_error",
				       json_object_new_boolean(1));
	json_object_put(fns);
	json_object_put(o);
	kc_strbuf_release(&path);
	kc_strbuf_release(&text);
}

void kc_facts_to_result(json_object *res, const struct kc_tu_facts *f,
			const char *file, const char *const *args, int nargs,
			int status)
{
	char digest[KC_DIGEST_HEX];

	facts_digest(file, args, nargs, digest);
	facts_to_json(res, f, digest, status);
}
