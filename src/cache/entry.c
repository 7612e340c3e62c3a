/* entry.c - one TU's cache entry: the key, the lookup with the
 * validation of every file the parse read, and the store.
 *
 * Entry (a blob, cache.c): {"key": HEX, "file": MAIN, "deps": [[PATH,
 * SIZE, MTIME_NS, CTIME_NS, "HASH"], ...], "result": {...}}. A dependency
 * whose size and both times are unchanged is trusted without reading it
 * (as ccache's inode cache does); a file modified in the second before
 * the TU began is recorded with times 0, so every lookup hashes it (its
 * time stamp could be reused by a second edit); an entry whose files
 * changed while the TU ran is not stored at all.
 */
#define _GNU_SOURCE
#include "cache/cache_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "driver/run.h"
#include "diag/json_util.h"
#include "diag/stats.h"
#include "util/strlist.h"

static double wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long long ts_ns(const struct timespec *t)
{
	return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

void kc_cache_key_tu(const struct kc_cache *c, const char *file,
		     const char *const *args, int nargs,
		     struct kc_cache_key *k)
{
	struct kc_digest *d;
	unsigned long long h;
	char cwd[PATH_MAX];

	k->hex[0] = '\0';
	k->start = wall_now();
	if (!c || !getcwd(cwd, sizeof(cwd)) || kc_digest_file(file, &h))
		return;
	d = kc_digest_new();
	if (!d)
		return;
	kc_digest_add_str(d, c->base);
	kc_digest_add_str(d, cwd);
	kc_digest_add_str(d, file);
	kc_digest_add_u64(d, (unsigned long long)nargs);
	for (int i = 0; i < nargs; i++)
		kc_digest_add_str(d, args[i]);
	kc_digest_add_u64(d, h);
	kc_digest_hex(d, k->hex);
	kc_digest_free(d);
}

static void entry_place(const struct kc_cache_key *k, char *sub,
			size_t subsz, char *name, size_t namesz)
{
	snprintf(sub, subsz, "results/%.2s", k->hex);
	snprintf(name, namesz, "%s.kce", k->hex);
}

/* 1 when the dependency d ([path, size, mtime, ctime, hash]) is as
 * recorded, 0 otherwise (or when d is malformed). */
static int dep_valid(json_object *d)
{
	const char *path, *want;
	unsigned long long h;
	struct stat st;
	long long mt, ct;
	char hex[17];

	if (!json_object_is_type(d, json_type_array) ||
	    json_object_array_length(d) != 5)
		return 0;
	path = json_object_get_string(json_object_array_get_idx(d, 0));
	want = json_object_get_string(json_object_array_get_idx(d, 4));
	mt = json_object_get_int64(json_object_array_get_idx(d, 2));
	ct = json_object_get_int64(json_object_array_get_idx(d, 3));
	if (!path || !want || stat(path, &st) ||
	    (long long)st.st_size !=
	    json_object_get_int64(json_object_array_get_idx(d, 1)))
		return 0;
	if (mt && mt == ts_ns(&st.st_mtim) && ct == ts_ns(&st.st_ctim))
		return 1;
	if (kc_digest_file(path, &h))
		return 0;
	snprintf(hex, sizeof(hex), "%016llx", h);
	return !strcmp(hex, want);
}

int kc_cache_lookup(struct kc_cache *c, const struct kc_cache_key *k,
		    json_object *res)
{
	char sub[64], name[64], path[PATH_MAX];
	json_object *e, *deps, *r, *st;
	size_t len;
	char *text;
	int status = 0;

	if (!c)
		return 0;
	if (!k->hex[0]) {
		json_object_object_add(res, "cache",
				       json_object_new_string("miss"));
		return 0;
	}
	entry_place(k, sub, sizeof(sub), name, sizeof(name));
	text = kc_cache_read_blob(c, sub, name, &len);
	if (!text && len == (size_t)-1)
		json_object_object_add(res, "cache_corrupt",
				       json_object_new_boolean(1));
	e = text ? json_tokener_parse(text) : NULL;
	free(text);
	deps = e ? kc_jget(e, "deps") : NULL;
	r = e ? kc_jget(e, "result") : NULL;
	st = r ? kc_jget(r, "status") : NULL;
	if (deps && st && json_object_is_type(deps, json_type_array) &&
	    json_object_is_type(r, json_type_object) && kc_jget(e, "key") &&
	    !strcmp(json_object_get_string(kc_jget(e, "key")), k->hex)) {
		status = json_object_get_int(st);
		for (size_t i = 0; status > 0 &&
		     i < json_object_array_length(deps); i++)
			if (!dep_valid(json_object_array_get_idx(deps, i)))
				status = 0;
	}
	if (status > 0) {
		json_object_object_foreach(r, key, val)
			json_object_object_add(res, key, json_object_get(val));
		/* the eviction is oldest-used first */
		if ((size_t)snprintf(path, sizeof(path), "%s/%s/%s", c->dir,
				     sub, name) < sizeof(path))
			utimensat(AT_FDCWD, path, NULL, 0);
	}
	json_object_put(e);
	json_object_object_add(res, "cache", json_object_new_string(
				       status > 0 ? "hit" : "miss"));
	return status;
}

struct incl {
	char **v;
	size_t n, cap;
	int oom;
};

static void on_inclusion(CXFile f, CXSourceLocation *stack, unsigned n,
			 CXClientData data)
{
	struct incl *in = data;
	CXString s = clang_getFileName(f);
	const char *p = clang_getCString(s);
	char *copy = p ? strdup(p) : NULL;

	clang_disposeString(s);
	if (!copy)
		return;
	if (in->n == in->cap) {
		size_t ncap = in->cap ? in->cap * 2 : 256;
		char **v = realloc(in->v, ncap * sizeof(*v));

		if (!v) {
			free(copy);
			in->oom = 1;
			return;
		}
		in->v = v;
		in->cap = ncap;
	}
	in->v[in->n++] = copy;
}

/* The dependency array of the files in in (sorted, unique); NULL when
 * one cannot be read or changed after start (then nothing is stored). */
static json_object *deps_json(struct incl *in, double start)
{
	json_object *deps = json_object_new_array();
	long long racy = (long long)((start - 1.0) * 1e9);
	long long during = (long long)((start - 0.05) * 1e9);

	qsort(in->v, in->n, sizeof(*in->v), kc_strv_cmp);
	for (size_t i = 0; deps && i < in->n; i++) {
		unsigned long long h;
		json_object *d;
		struct stat st;
		long long mt, ct;
		char hex[17];

		if (i && !strcmp(in->v[i], in->v[i - 1]))
			continue;
		if (stat(in->v[i], &st) || kc_digest_file(in->v[i], &h))
			goto fail;
		mt = ts_ns(&st.st_mtim);
		ct = ts_ns(&st.st_ctim);
		if (mt >= during || ct >= during)
			goto fail;
		if (mt >= racy || ct >= racy)
			mt = ct = 0;
		snprintf(hex, sizeof(hex), "%016llx", h);
		d = json_object_new_array();
		if (!d || json_object_array_add(deps, d)) {
			json_object_put(d);
			goto fail;
		}
		json_object_array_add(d, json_object_new_string(in->v[i]));
		json_object_array_add(d, json_object_new_int64(st.st_size));
		json_object_array_add(d, json_object_new_int64(mt));
		json_object_array_add(d, json_object_new_int64(ct));
		json_object_array_add(d, json_object_new_string(hex));
	}
	return deps;
fail:
	json_object_put(deps);
	return NULL;
}

/* The part of res worth replaying: no timings, no per-run keys. */
static json_object *result_json(json_object *res, int status)
{
	static const char *const keep[] = { "errors", "unknown_flags",
					    "findings", "facts" };
	json_object *r = json_object_new_object(), *cnt, *v;

	if (!r)
		return NULL;
	json_object_object_add(r, "status", json_object_new_int(status));
	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if ((v = kc_jget(res, keep[i])))
			json_object_object_add(r, keep[i], json_object_get(v));
	cnt = json_object_new_object();
	json_object_object_add(r, "counters", cnt);
	if ((v = kc_jget(res, "counters")) && cnt) {
		json_object_object_foreach(v, key, val) {
			int id = kc_stat_by_name(key);

			if (id == KC_STAT_PARSE_US || id == KC_STAT_ANALYZE_US)
				continue;
			json_object_object_add(cnt, key, json_object_get(val));
		}
	}
	return r;
}

void kc_cache_store(struct kc_cache *c, const struct kc_cache_key *k,
		    CXTranslationUnit tu, int status, json_object *res)
{
	struct incl in = { 0 };
	json_object *e = NULL, *deps, *cnt, *skipped;
	char sub[64], name[64];
	const char *text;

	/* clean, complete results only (cache.h) */
	if (!c || !k->hex[0] || !tu || status != KC_TU_CLEAN ||
	    kc_jget(res, "analysis_error"))
		return;
	cnt = kc_jget(res, "counters");
	skipped = cnt ? kc_jget(cnt, kc_stat_name(KC_STAT_FUNCS_SKIPPED_TIME)) :
			NULL;
	if (skipped && json_object_get_int64(skipped) > 0)
		return;
	clang_getInclusions(tu, on_inclusion, &in);
	deps = in.oom ? NULL : deps_json(&in, k->start);
	for (size_t i = 0; i < in.n; i++)
		free(in.v[i]);
	free(in.v);
	if (!deps)
		return;
	e = json_object_new_object();
	if (!e) {
		json_object_put(deps);
		return;
	}
	json_object_object_add(e, "key", json_object_new_string(k->hex));
	json_object_object_add(e, "deps", deps);
	json_object_object_add(e, "result", result_json(res, status));
	text = json_object_to_json_string_ext(e, JSON_C_TO_STRING_PLAIN |
						 JSON_C_TO_STRING_NOSLASHESCAPE);
	entry_place(k, sub, sizeof(sub), name, sizeof(name));
	if (text && !kc_cache_write_blob(c, sub, name, text, strlen(text)))
		json_object_object_add(res, "cache_stored",
				       json_object_new_boolean(1));
	json_object_put(e);
}
