/* entry.c - one TU's cache entry: the key, the lookup with the
 * validation of every file the parse read, and the store.
 *
 * Entry (a blob, cache.c): {"key": HEX, "file": MAIN, "deps": [[PATH,
 * SIZE, MTIME_NS, CTIME_NS, "HASH"], ...], "absent": [PATH, ...],
 * "result": {...}}. "absent" (format 2) lists, for a TU whose only clang
 * errors are missing includes, every path where a missing header would
 * have been found; the entry is valid only while none of them exists. A dependency
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

/* The entry format, in every key: entries of another format are never
 * found (2: "absent", results with missing-include errors). */
#define ENTRY_FORMAT "entry 2"

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
	kc_digest_add_str(d, ENTRY_FORMAT);
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

/* 1 when the array of paths a (or none) names no file that exists now,
 * 0 otherwise: a missing header that appeared makes the entry stale, and
 * so does a path that cannot be checked. */
static int absent_valid(json_object *a, int status)
{
	size_t n;

	if (!a)  /* an entry with errors must say what was missing */
		return status == KC_TU_CLEAN;
	if (!json_object_is_type(a, json_type_array))
		return 0;
	n = json_object_array_length(a);
	if (status != KC_TU_CLEAN && !n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const char *p = json_object_get_string(
			json_object_array_get_idx(a, i));
		struct stat st;

		if (!p || !stat(p, &st) || (errno != ENOENT && errno != ENOTDIR))
			return 0;
	}
	return 1;
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
		if (status != KC_TU_CLEAN && status != KC_TU_ERRORS)
			status = 0;
		for (size_t i = 0; status > 0 &&
		     i < json_object_array_length(deps); i++)
			if (!dep_valid(json_object_array_get_idx(deps, i)))
				status = 0;
		if (status > 0 && !absent_valid(kc_jget(e, "absent"), status))
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
					    "findings", "facts",
					    "missing_includes" };
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

/* The include search directories of the translated flags args, in
 * clang's order: quoted[0..nq) (-iquote), then angled[0..na) (-I, then
 * -isystem, then -idirafter). Returns 0, or -1 when the TU's misses cannot
 * be recorded: no -nostdinc (clang's builtin and system directories would
 * be searched too), a flag that changes the search in another way
 * (sysroot, prefixes, frameworks, modules, MS lookup, a VFS overlay), a
 * directory relative to the sysroot, or no memory. */
struct search {
	const char **quoted, **angled;
	size_t nq, na;
};

static int search_dirs(const char *const *args, int nargs, struct search *s)
{
	static const char *const banned[] = {
		"-I-", "-iprefix", "-iwithprefix", "-isysroot", "--sysroot",
		"-F", "-iframework", "-cxx-isystem", "-isystem-after",
		"-imsvc", "-ivfsoverlay", "-fmodules", "-fms-compatibility",
		"--driver-mode", "-fimplicit-module-maps", "-index-header-map",
		"--include-directory-after", "--include-prefix",
		"--include-with-prefix", "--embed-dir", "-iembed-dir",
	};
	/* the directory options, by group: 0 quoted, 1 -I, 2 -isystem,
	 * 3 -idirafter; clang searches the angled groups in that order */
	static const struct { const char *opt; int group; } opts[] = {
		{ "-iquote", 0 }, { "--include-directory=", 1 },
		{ "--include-directory", 1 }, { "-I", 1 }, { "-isystem", 2 },
		{ "-idirafter", 3 },
	};
	const char **dirs = calloc((size_t)nargs + 1, sizeof(*dirs));
	int *group = calloc((size_t)nargs + 1, sizeof(*group));
	size_t nd = 0;
	int nostdinc = 0, bad = !dirs || !group;

	s->quoted = calloc((size_t)nargs + 1, sizeof(*s->quoted));
	s->angled = calloc((size_t)nargs + 1, sizeof(*s->angled));
	s->nq = s->na = 0;
	bad |= !s->quoted || !s->angled;
	for (int i = 0; !bad && i < nargs; i++) {
		const char *a = args[i], *d = NULL;
		size_t o;

		if (!strcmp(a, "-nostdinc"))
			nostdinc = 1;
		for (size_t b = 0; b < sizeof(banned) / sizeof(banned[0]); b++)
			if (!strncmp(a, banned[b], strlen(banned[b])))
				bad = 1;
		for (o = 0; !bad && o < sizeof(opts) / sizeof(opts[0]); o++) {
			size_t ol = strlen(opts[o].opt);

			if (strncmp(a, opts[o].opt, ol))
				continue;
			if (a[ol])
				d = a + ol;
			else if (i + 1 < nargs)
				d = args[++i];
			else
				bad = 1;
			break;
		}
		if (bad || !d)
			continue;
		/* a sysroot-relative or empty directory: not followed */
		if (!*d || *d == '=' || !strncmp(d, "$SYSROOT", 8)) {
			bad = 1;
			break;
		}
		dirs[nd] = d;
		group[nd++] = opts[o].group;
	}
	for (int g = 0; !bad && g < 4; g++)
		for (size_t i = 0; i < nd; i++)
			if (group[i] == g && !g)
				s->quoted[s->nq++] = dirs[i];
			else if (group[i] == g)
				s->angled[s->na++] = dirs[i];
	free(dirs);
	free(group);
	return bad || !nostdinc ? -1 : 0;
}

static int add_path(struct incl *out, const char *dir, size_t dirlen,
		    const char *name)
{
	char *p;

	if (out->n == out->cap) {
		size_t ncap = out->cap ? out->cap * 2 : 16;
		char **v = realloc(out->v, ncap * sizeof(*v));

		if (!v)
			return -1;
		out->v = v;
		out->cap = ncap;
	}
	if (name[0] == '/')
		p = strdup(name);
	else if (asprintf(&p, "%.*s/%s", (int)dirlen, dir, name) < 0)
		p = NULL;
	if (!p)
		return -1;
	out->v[out->n++] = p;
	return 0;
}

/* The absent paths of the missing includes incl ([NAME, FROM, FORM],
 * tu.c) under the flags args: for "NAME", FROM's directory, then the
 * -iquote directories, then the angled ones; for <NAME> the angled ones
 * only (FORM unknown: all). Sorted and unique; NULL when the misses cannot
 * be recorded (search_dirs) or one of the paths exists now (a header that
 * appeared during the parse). */
static json_object *absent_json(json_object *incl, const char *const *args,
				int nargs)
{
	struct search s;
	struct incl out = { 0 };
	json_object *a = NULL;
	int bad = search_dirs(args, nargs, &s) || !incl ||
		  !json_object_array_length(incl);

	for (size_t i = 0; !bad && i < json_object_array_length(incl); i++) {
		json_object *t = json_object_array_get_idx(incl, i);
		const char *name, *from, *form, *slash;

		name = json_object_get_string(json_object_array_get_idx(t, 0));
		from = json_object_get_string(json_object_array_get_idx(t, 1));
		form = json_object_get_string(json_object_array_get_idx(t, 2));
		if (!name || !*name || !from || !form) {
			bad = 1;
			break;
		}
		if (name[0] == '/') {
			bad = add_path(&out, "", 0, name);
			continue;
		}
		if (form[0] != '<') {
			slash = strrchr(from, '/');
			bad = slash ? add_path(&out, from, (size_t)(slash - from),
					       name) :
				      add_path(&out, ".", 1, name);
			for (size_t q = 0; !bad && q < s.nq; q++)
				bad = add_path(&out, s.quoted[q],
					       strlen(s.quoted[q]), name);
		}
		for (size_t q = 0; !bad && q < s.na; q++)
			bad = add_path(&out, s.angled[q], strlen(s.angled[q]),
				       name);
	}
	if (!bad) {
		qsort(out.v, out.n, sizeof(*out.v), kc_strv_cmp);
		a = json_object_new_array();
	}
	for (size_t i = 0; a && i < out.n; i++) {
		struct stat st;

		if (i && !strcmp(out.v[i], out.v[i - 1]))
			continue;
		if (!stat(out.v[i], &st) ||
		    (errno != ENOENT && errno != ENOTDIR) ||
		    json_object_array_add(a, json_object_new_string(out.v[i]))) {
			json_object_put(a);
			a = NULL;
		}
	}
	for (size_t i = 0; i < out.n; i++)
		free(out.v[i]);
	free(out.v);
	free(s.quoted);
	free(s.angled);
	return a;
}

void kc_cache_store(struct kc_cache *c, const struct kc_cache_key *k,
		    CXTranslationUnit tu, int status, json_object *res,
		    const char *const *args, int nargs, json_object *incl)
{
	struct incl in = { 0 };
	json_object *e = NULL, *deps, *cnt, *skipped, *absent = NULL;
	char sub[64], name[64];
	const char *text;

	/* complete results only: clean, or with missing includes alone
	 * (cache.h) */
	if (!c || !k->hex[0] || !tu ||
	    (status != KC_TU_CLEAN && status != KC_TU_ERRORS) ||
	    kc_jget(res, "analysis_error"))
		return;
	if (status == KC_TU_ERRORS &&
	    !(absent = absent_json(incl, args, nargs)))
		return;
	cnt = kc_jget(res, "counters");
	skipped = cnt ? kc_jget(cnt, kc_stat_name(KC_STAT_FUNCS_SKIPPED_TIME)) :
			NULL;
	if (skipped && json_object_get_int64(skipped) > 0) {
		json_object_put(absent);
		return;
	}
	clang_getInclusions(tu, on_inclusion, &in);
	deps = in.oom ? NULL : deps_json(&in, k->start);
	for (size_t i = 0; i < in.n; i++)
		free(in.v[i]);
	free(in.v);
	if (!deps) {
		json_object_put(absent);
		return;
	}
	e = json_object_new_object();
	if (!e) {
		json_object_put(deps);
		json_object_put(absent);
		return;
	}
	json_object_object_add(e, "key", json_object_new_string(k->hex));
	json_object_object_add(e, "deps", deps);
	if (absent)
		json_object_object_add(e, "absent", absent);
	json_object_object_add(e, "result", result_json(res, status));
	text = json_object_to_json_string_ext(e, JSON_C_TO_STRING_PLAIN |
						 JSON_C_TO_STRING_NOSLASHESCAPE);
	entry_place(k, sub, sizeof(sub), name, sizeof(name));
	if (text && !kc_cache_write_blob(c, sub, name, text, strlen(text)))
		json_object_object_add(res, "cache_stored",
				       json_object_new_boolean(1));
	json_object_put(e);
}
