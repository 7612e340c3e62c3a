/* prefilter.c - kc_prefilter_build (index the headers under the run's
 * include directories) and kc_prefilter_check (one TU's own text). */
#define _GNU_SOURCE /* asprintf */
#include "prefilter/prefilter.h"
#include "util/clock.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "apidb/apidb.h"
#include "driver/run.h"
#include "prefilter/pf_cache.h"
#include "prefilter/pf_index.h"
#include "prefilter/pf_lex.h"
#include "util/strbuf.h"
#include "util/strlist.h"
#include "util/vec.h"
#include "util/digest.h"

struct seen {                  /* (dev, inode) of indexed files */
	KC_VEC(unsigned long long) v;
};

struct kc_prefilter {
	struct pf_index *ix;
	struct seen seen;
	size_t headers;
	unsigned long long bytes;
	double seconds;
	KC_VEC(char *) todo;       /* quoted includes of headers, to index */
	struct kc_strbuf rec;      /* what was read (pf_cache.h) */
	long long newest;          /* latest time stamp in rec, ns */
	int from_cache;            /* the index was loaded (pf_cache.h) */
};

/* 1 if the file (st) was indexed already; else remembers it. */
static int seen_add(struct seen *s, const struct stat *st, int *oom)
{
	unsigned long long k = ((unsigned long long)st->st_dev << 40) ^
			       (unsigned long long)st->st_ino;

	/* binary search in a sorted array; one insert per header read,
	 * cheap beside the reading */
	size_t lo = 0, hi = s->v.n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->v.v[mid] < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->v.n && s->v.v[lo] == k)
		return 1;
	if (KC_VEC_RESERVE(&s->v)) {
		*oom = 1;
		return 1;
	}
	memmove(&s->v.v[lo + 1], &s->v.v[lo], (s->v.n - lo) * sizeof(k));
	s->v.v[lo] = k;
	s->v.n++;
	return 0;
}

static int index_file(struct kc_prefilter *pf, const char *path)
{
	struct kc_strbuf sb;
	struct stat st;
	const char **incs;
	size_t *inclen, ninc;
	int oom = 0, ret;
	char dir[PATH_MAX];
	const char *slash;

	if (stat(path, &st) || !S_ISREG(st.st_mode))
		return pf_cache_note_file(&pf->rec, path, NULL, &pf->newest);
	if (seen_add(&pf->seen, &st, &oom))
		return oom ? -1 : 0;
	if (pf_cache_note_file(&pf->rec, path, &st, &pf->newest))
		return -1;
	kc_strbuf_init(&sb);
	if (kc_strbuf_read_file(&sb, path)) {
		kc_strbuf_release(&sb);
		return 0;  /* unreadable: clang reports it if it matters */
	}
	pf->headers++;
	pf->bytes += sb.len;
	ret = pf_index_header(pf->ix, sb.buf, sb.len, &incs, &inclen, &ninc);
	slash = strrchr(path, '/');
	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) : 1,
		 slash ? path : ".");
	for (size_t i = 0; !ret && i < ninc; i++) {
		char *p = NULL;

		if (asprintf(&p, "%s/%.*s", dir, (int)inclen[i], incs[i]) < 0 ||
		    KC_VEC_PUSH(&pf->todo, p)) {
			free(p);
			ret = -1;
		}
	}
	free(incs);
	free(inclen);
	kc_strbuf_release(&sb);
	return ret;
}

static int ends_with_h(const char *name)
{
	size_t n = strlen(name);

	return n > 2 && !strcmp(name + n - 2, ".h");
}

/* Every .h under dir; symbolic links to directories are not followed
 * (loops), links to files are. */
static int index_dir(struct kc_prefilter *pf, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int ret = 0;

	if (!d || depth > 64) {
		if (d)
			closedir(d);
		return 0;
	}
	if (pf_cache_note_dir(&pf->rec, dir, &pf->newest)) {
		closedir(d);
		return -1;
	}
	while (!ret && (e = readdir(d))) {
		char path[PATH_MAX];
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >=
		    (int)sizeof(path))
			continue;
		if (lstat(path, &st))
			continue;
		if (S_ISDIR(st.st_mode))
			ret = index_dir(pf, path, depth + 1);
		else if (ends_with_h(e->d_name))
			ret = index_file(pf, path);
	}
	closedir(d);
	return ret;
}

/* Include directories (-I, -isystem, -iquote, -idirafter) and forced
 * includes (-include) of one TU, resolved against its directory, added
 * to dirs (as realpaths, without duplicates). */
static int tu_dirs(const struct kc_tu *tu, void *vdirs, void *vfiles)
{
	KC_VEC(char *) *dirs = vdirs, *files = vfiles;
	static const char *const opt[] = { "-I", "-isystem", "-iquote",
					   "-idirafter", "-include" };

	for (int i = 0; i < tu->argc; i++) {
		const char *a = tu->argv[i], *val = NULL;
		char buf[PATH_MAX], rp[PATH_MAX];
		size_t k;
		int is_file = 0;

		for (k = 0; k < sizeof(opt) / sizeof(opt[0]); k++) {
			size_t n = strlen(opt[k]);

			if (strncmp(a, opt[k], n))
				continue;
			val = a[n] ? a + n : (i + 1 < tu->argc ?
					      tu->argv[++i] : NULL);
			is_file = k == 4;
			break;
		}
		if (!val)
			continue;
		if (val[0] == '/' || !tu->dir)
			snprintf(buf, sizeof(buf), "%s", val);
		else
			snprintf(buf, sizeof(buf), "%s/%s", tu->dir, val);
		if (!realpath(buf, rp))
			continue;
		if (is_file) {
			char *c = strdup(rp);

			if (!c || KC_VEC_PUSH(files, c)) {
				free(c);
				return -1;
			}
			continue;
		}
		for (k = 0; k < dirs->n; k++)
			if (!strcmp(dirs->v[k], rp))
				break;
		if (k == dirs->n) {
			char *c = strdup(rp);

			if (!c || KC_VEC_PUSH(dirs, c)) {
				free(c);
				return -1;
			}
		}
	}
	return 0;
}

static int add_root(const struct apidb_fn *f, void *data)
{
	if (!apidb_fn_may_report(f))
		return 0;
	return pf_index_root(data, f->name) ? -1 : 0;
}

/* Indexes every header of dirs and files and the quoted includes they
 * reach. Returns 0 or -1 on OOM. */
static int index_all(struct kc_prefilter *pf, char *const *dirs,
		     size_t ndirs, char *const *files, size_t nfiles)
{
	for (size_t i = 0; i < ndirs; i++)
		if (index_dir(pf, dirs[i], 0))
			return -1;
	for (size_t i = 0; i < nfiles; i++)
		if (index_file(pf, files[i]))
			return -1;
	/* headers reached by "..." from indexed headers, wherever they are */
	while (pf->todo.n) {
		char *p = pf->todo.v[--pf->todo.n];
		int r = index_file(pf, p);

		free(p);
		if (r)
			return -1;
	}
	return pf_index_close(pf->ix);
}

int kc_prefilter_build(struct kc_prefilter **out, const struct apidb *api,
		       const struct kc_tu_list *tus,
		       const struct kc_cache *cache, struct kc_err *err)
{
	char key[KC_DIGEST_HEX] = "";
	struct kc_prefilter *pf = calloc(1, sizeof(*pf));
	KC_VEC(char *) dirs = { 0 }, files = { 0 };
	double t0 = kc_now();
	int ret = -1;

	*out = NULL;
	if (pf)
		kc_strbuf_init(&pf->rec);
	if (!pf || !(pf->ix = pf_index_new()))
		goto out;
	if (apidb_foreach(api, add_root, pf->ix))
		goto out;
	/* the shared directories are the same for most TUs: look at each
	 * distinct flag set once by its first -I list */
	for (size_t i = 0; i < tus->n; i++)
		if (!tus->v[i].skip && tu_dirs(&tus->v[i], &dirs, &files))
			goto out;
	if (cache) {
		/* the key does not depend on the order of the TUs */
		if (dirs.n)
			qsort(dirs.v, dirs.n, sizeof(*dirs.v), kc_strv_cmp);
		if (files.n)
			qsort(files.v, files.n, sizeof(*files.v), kc_strv_cmp);
		pf_cache_key(cache, dirs.v, dirs.n, files.v, files.n, key);
		switch (pf_cache_load(cache, key, pf->ix, &pf->headers)) {
		case -1:
			goto out;
		case 1:
			pf->from_cache = 1;
			break;
		}
	}
	if (!pf->from_cache) {
		long long start = pf_cache_clock();

		if (index_all(pf, dirs.v, dirs.n, files.v, files.n))
			goto out;
		pf_cache_store(cache, key, &pf->rec, pf->newest, start,
			       pf->ix);
	}
	pf->seconds = kc_now() - t0;
	*out = pf;
	pf = NULL;
	ret = 0;
out:
	for (size_t i = 0; i < dirs.n; i++)
		free(dirs.v[i]);
	for (size_t i = 0; i < files.n; i++)
		free(files.v[i]);
	KC_VEC_FREE(&dirs);
	KC_VEC_FREE(&files);
	kc_prefilter_free(pf);
	if (ret)
		return kc_err_set(err, KC_ENOMEM, NULL, 0, 0,
				  "out of memory while indexing headers for "
				  "the prefilter");
	return 0;
}

void kc_prefilter_free(struct kc_prefilter *pf)
{
	if (!pf)
		return;
	pf_index_free(pf->ix);
	kc_strbuf_release(&pf->rec);
	KC_VEC_FREE(&pf->seen.v);
	for (size_t i = 0; i < pf->todo.n; i++)
		free(pf->todo.v[i]);
	KC_VEC_FREE(&pf->todo);
	free(pf);
}

void kc_prefilter_describe(const struct kc_prefilter *pf, FILE *f)
{
	size_t names, defs, trig;

	pf_index_counts(pf->ix, &names, &defs, &trig);
	if (pf->from_cache) {
		fprintf(f, "ksizecheck: prefilter: index of %zu headers loaded from the cache in %.2f s: %zu trigger names\n",
			pf->headers, pf->seconds, trig);
		return;
	}
	fprintf(f, "ksizecheck: prefilter: %zu headers (%.1f MB) indexed in "
		"%.2f s: %zu definitions, %zu trigger names\n", pf->headers,
		(double)pf->bytes / 1e6, pf->seconds, defs, trig);
}

/* ---- one TU ---- */

struct tu_scan {
	struct kc_prefilter *pf;
	KC_VEC(char *) visited;    /* realpaths scanned for this TU */
	KC_VEC(char *) qdirs;      /* where "..." includes are searched */
	char *why;
	size_t size;
};

static int scan_file(struct tu_scan *s, const char *path, int depth);

static unsigned line_of(const char *buf, const char *at)
{
	unsigned n = 1;

	for (; buf < at; buf++)
		n += *buf == '\n';
	return n;
}

/* "name" from the directory of `from`, then the -iquote/-I directories. */
static int scan_include(struct tu_scan *s, const char *from,
			const char *name, size_t len, int depth)
{
	const char *slash = strrchr(from, '/');
	char path[PATH_MAX];
	struct stat st;

	snprintf(path, sizeof(path), "%.*s/%.*s",
		 slash ? (int)(slash - from) : 1, slash ? from : ".",
		 (int)len, name);
	if (name[0] == '/')
		snprintf(path, sizeof(path), "%.*s", (int)len, name);
	for (size_t i = 0; stat(path, &st) && i < s->qdirs.n; i++)
		snprintf(path, sizeof(path), "%s/%.*s", s->qdirs.v[i],
			 (int)len, name);
	if (stat(path, &st)) {
		snprintf(s->why, s->size, "%s: #include \"%.*s\" not found",
			 from, (int)len, name);
		return 1;
	}
	return scan_file(s, path, depth + 1);
}

/* 1 if path or a file it includes with quotes names a trigger. */
static int scan_file(struct tu_scan *s, const char *path, int depth)
{
	char rp[PATH_MAX];
	struct kc_strbuf sb;
	struct pf_lex lx;
	struct pf_tok_t t;
	int ret = 0, after_hash = 0;
	char *c;

	if (!realpath(path, rp)) {
		snprintf(s->why, s->size, "%s: cannot resolve", path);
		return 1;
	}
	for (size_t i = 0; i < s->visited.n; i++)
		if (!strcmp(s->visited.v[i], rp))
			return 0;
	c = strdup(rp);
	if (!c || KC_VEC_PUSH(&s->visited, c)) {
		free(c);
		return -1;
	}
	if (depth > 200) {
		snprintf(s->why, s->size, "%s: includes nested too deeply", rp);
		return 1;
	}
	kc_strbuf_init(&sb);
	if (kc_strbuf_read_file(&sb, rp)) {
		kc_strbuf_release(&sb);
		snprintf(s->why, s->size, "%s: cannot read", rp);
		return 1;  /* the parse reports it */
	}
	pf_lex_init(&lx, sb.buf, sb.len);
	for (pf_lex_next(&lx, &t); !ret && t.kind != PF_EOF;
	     pf_lex_next(&lx, &t)) {
		if (t.kind == PF_HASH) {
			after_hash = 1;
			continue;
		}
		if (t.kind == PF_IDENT && after_hash && t.len == 7 &&
		    !strncmp(t.s, "include", 7)) {
			const char *name;
			size_t len;
			int q = pf_lex_include(&lx, &name, &len);

			if (q == '"') {
				ret = scan_include(s, rp, name, len, depth);
			} else if (!q) {
				snprintf(s->why, s->size,
					 "%s:%u: computed #include", rp,
					 line_of(sb.buf, t.s));
				ret = 1;
			}
			pf_lex_skip_directive(&lx);
			after_hash = 0;
			continue;
		}
		after_hash = 0;
		if (t.kind == PF_IDENT &&
		    pf_index_is_trigger(s->pf->ix, t.s, t.len)) {
			snprintf(s->why, s->size, "%s:%u: names %.*s", rp,
				 line_of(sb.buf, t.s), (int)t.len, t.s);
			ret = 1;
		}
	}
	kc_strbuf_release(&sb);
	return ret;
}

/* -DNAME=VALUE on the command line may name a trigger too. */
static int scan_defines(struct tu_scan *s, const struct kc_tu *tu)
{
	for (int i = 0; i < tu->argc; i++) {
		const char *a = tu->argv[i];
		struct pf_lex lx;
		struct pf_tok_t t;

		if (!strcmp(a, "-D") && i + 1 < tu->argc)
			a = tu->argv[++i];
		else if (!strncmp(a, "-D", 2))
			a += 2;
		else
			continue;
		pf_lex_init(&lx, a, strlen(a));
		for (pf_lex_next(&lx, &t); t.kind != PF_EOF;
		     pf_lex_next(&lx, &t))
			if (t.kind == PF_IDENT &&
			    pf_index_is_trigger(s->pf->ix, t.s, t.len)) {
				snprintf(s->why, s->size,
					 "command line -D%s names %.*s", a,
					 (int)t.len, t.s);
				return 1;
			}
	}
	return 0;
}

int kc_prefilter_check(struct kc_prefilter *pf, const struct kc_tu *tu,
		       char *why, size_t size)
{
	struct tu_scan s = { .pf = pf, .why = why, .size = size };
	KC_VEC(char *) files = { 0 };
	char main_path[PATH_MAX];
	int ret;

	snprintf(why, size, "no allocator or size query reachable");
	ret = tu_dirs(tu, &s.qdirs, &files) ? -1 : 0;
	if (tu->file[0] == '/' || !tu->dir)
		snprintf(main_path, sizeof(main_path), "%s", tu->file);
	else
		snprintf(main_path, sizeof(main_path), "%s/%s", tu->dir,
			 tu->file);
	if (!ret)
		ret = scan_defines(&s, tu);
	if (!ret)
		ret = scan_file(&s, main_path, 0);
	for (size_t i = 0; !ret && i < files.n; i++)
		ret = scan_file(&s, files.v[i], 0);
	for (size_t i = 0; i < s.visited.n; i++)
		free(s.visited.v[i]);
	for (size_t i = 0; i < s.qdirs.n; i++)
		free(s.qdirs.v[i]);
	for (size_t i = 0; i < files.n; i++)
		free(files.v[i]);
	KC_VEC_FREE(&s.visited);
	KC_VEC_FREE(&s.qdirs);
	KC_VEC_FREE(&files);
	return ret;
}
