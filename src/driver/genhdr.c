/* genhdr.c - TUs that lack headers Kbuild generates during the build: the
 * worker's record of missing includes, the parent's verdict per TU, the
 * grouped report and --build-generated's make (see genhdr.h).
 */
#include "driver/genhdr_int.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "driver/run.h"
#include "diag/stats.h"
#include "util/clock.h"
#include "util/strlist.h"

#define MAX_HEADERS_SHOWN 6   /* per directory line */
#define MAX_DIRS_SHOWN 24

struct kc_genhdr *kc_genhdr_new(const char *tree, const char *tree_real,
				char *const *make_argv, size_t n)
{
	struct kc_genhdr *g = calloc(1, sizeof(*g));

	if (!g)
		return NULL;
	g->make_status = -1;
	g->tree = strdup(tree);
	g->tree_real = strdup(tree_real);
	g->make = calloc(n + 1, sizeof(*g->make));
	if (!g->tree || !g->tree_real || !g->make)
		goto oom;
	for (g->nmake = 0; g->nmake < n; g->nmake++)
		if (!make_argv[g->nmake] ||
		    !(g->make[g->nmake] = strdup(make_argv[g->nmake])))
			goto oom;
	return g;
oom:
	kc_genhdr_free(g);
	return NULL;
}

static void tu_release(struct genhdr_tu *t)
{
	for (size_t i = 0; i < t->nheaders; i++)
		free(t->headers[i]);
	free(t->headers);
	free(t->file);
}

void kc_genhdr_free(struct kc_genhdr *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->tus.n; i++)
		tu_release(&g->tus.v[i]);
	KC_VEC_FREE(&g->tus);
	for (size_t i = 0; i < g->mk.n; i++) {
		free(g->mk.v[i].path);
		free(g->mk.v[i].text);
	}
	KC_VEC_FREE(&g->mk);
	for (size_t i = 0; g->make && i < g->nmake; i++)
		free(g->make[i]);
	free(g->make);
	free(g->tree);
	free(g->tree_real);
	free(g);
}

void kc_genhdr_set_build(struct kc_genhdr *g, int jobs)
{
	if (g)
		g->build_jobs = jobs > 0 ? jobs : 1;
}

void kc_genhdr_note_missing(json_object *missing, const char *msg,
			    const char *from)
{
	const char *e = strstr(msg, "' file not found");
	json_object *pair;

	if (msg[0] != '\'' || !e || e == msg + 1 || !from)
		return;
	pair = json_object_new_array();
	if (!pair)
		return;
	json_object_array_add(pair, json_object_new_string_len(
					    msg + 1, (int)(e - msg - 1)));
	json_object_array_add(pair, json_object_new_string(from));
	if (json_object_array_add(missing, pair))
		json_object_put(pair);
}

/* Normalises "a/./b/../c" to "a/c" in place; 0, or -1 when it climbs
 * above its start or is absolute. */
static int norm_path(char *p)
{
	char buf[PATH_MAX];
	size_t o = 0;
	const char *s = p;

	if (*p == '/' || strlen(p) >= sizeof(buf))
		return -1;
	while (*s) {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);

		if (n == 2 && s[0] == '.' && s[1] == '.') {
			if (!o)
				return -1;
			while (o && buf[o - 1] != '/')
				o--;
			if (o)
				o--;  /* the slash before it */
		} else if (n && !(n == 1 && s[0] == '.')) {
			if (o)
				buf[o++] = '/';
			memcpy(buf + o, s, n);
			o += n;
		}
		s += n + (e ? 1 : 0);
	}
	buf[o] = '\0';
	memcpy(p, buf, o + 1);
	return 0;
}

/* dir (tree-relative, absolute under the tree, or "") + "/" + name,
 * normalised into buf; 0, or -1 when it is not in the tree. */
static int cand_path(const struct kc_genhdr *g, const char *dir,
		     size_t dirlen, const char *name, char *buf, size_t size)
{
	size_t tl = strlen(g->tree_real);

	if (name[0] == '/')
		return -1;
	if (dir[0] == '/') {
		if (dirlen < tl || strncmp(dir, g->tree_real, tl) ||
		    (dirlen > tl && dir[tl] != '/'))
			return -1;
		dir += tl;
		dirlen -= tl;
		while (dirlen && *dir == '/') {
			dir++;
			dirlen--;
		}
	}
	if ((size_t)snprintf(buf, size, "%.*s%s%s", (int)dirlen, dir,
			     dirlen ? "/" : "", name) >= size)
		return -1;
	return norm_path(buf);
}

static int exists_in_tree(const struct kc_genhdr *g, const char *rel)
{
	char p[PATH_MAX];
	struct stat st;

	if ((size_t)snprintf(p, sizeof(p), "%s/%s", g->tree_real, rel) >=
	    sizeof(p))
		return 0;
	return !stat(p, &st);
}

/* Adds rel to t's headers unless it is there; -1 on OOM. */
static int add_header(struct genhdr_tu *t, const char *rel)
{
	char **nv;

	for (size_t i = 0; i < t->nheaders; i++)
		if (!strcmp(t->headers[i], rel))
			return 0;
	nv = realloc(t->headers, (t->nheaders + 1) * sizeof(*nv));
	if (!nv)
		return -1;
	t->headers = nv;
	if (!(nv[t->nheaders] = strdup(rel)))
		return -1;
	t->nheaders++;
	return 0;
}

/* Tries candidate dir/name: adds it to t when Kbuild generates it.
 * Returns 1 when added, 0 when not, -1 on OOM. */
static int try_cand(struct kc_genhdr *g, struct genhdr_tu *t,
		    const char *dir, size_t dirlen, const char *name)
{
	char c[PATH_MAX];
	int r;

	if (cand_path(g, dir, dirlen, name, c, sizeof(c)) ||
	    exists_in_tree(g, c))
		return 0;
	r = kc_genhdr_is_generated(g, c);
	if (r <= 0)
		return r;
	return add_header(t, c) ? -1 : 1;
}

/* Fills t->headers with the generated headers among the missing includes
 * of tu. Returns 0 or -1 on OOM. */
static int classify(struct kc_genhdr *g, const struct kc_tu *tu,
		    json_object *missing, struct genhdr_tu *t)
{
	for (size_t i = 0; i < json_object_array_length(missing); i++) {
		json_object *pair = json_object_array_get_idx(missing, i);
		const char *name, *from, *slash;
		int r;

		if (json_object_array_length(pair) != 2)
			continue;
		name = json_object_get_string(json_object_array_get_idx(pair, 0));
		from = json_object_get_string(json_object_array_get_idx(pair, 1));
		if (!name || !from)
			continue;
		if (!strncmp(from, "./", 2))
			from += 2;
		/* beside the including file, then the -I/-iquote dirs */
		slash = strrchr(from, '/');
		r = try_cand(g, t, from, slash ? (size_t)(slash - from) : 0,
			     name);
		for (int a = 0; !r && a < tu->argc; a++) {
			const char *f = tu->argv[a], *d = NULL;

			if (!strcmp(f, "-I") || !strcmp(f, "-iquote"))
				d = a + 1 < tu->argc ? tu->argv[++a] : NULL;
			else if (!strncmp(f, "-I", 2))
				d = f + 2;
			else if (!strncmp(f, "-iquote", 7))
				d = f + 7;
			if (d && !strncmp(d, "./", 2))
				d += 2;
			if (d)
				r = try_cand(g, t, d, strlen(d), name);
		}
		if (r < 0)
			return -1;
	}
	return 0;
}

static struct genhdr_tu *find_tu(struct kc_genhdr *g, size_t idx)
{
	for (size_t i = 0; i < g->tus.n; i++)
		if (g->tus.v[i].idx == idx)
			return &g->tus.v[i];
	return NULL;
}

int kc_genhdr_take(struct kc_genhdr *g, const struct kc_tu *tu, size_t idx,
		   json_object *res)
{
	struct genhdr_tu t = { 0 }, *old;
	json_object *missing, *c, *v;

	if (!g)
		return KC_GENHDR_NONE;
	old = find_tu(g, idx);
	if (!json_object_object_get_ex(res, "missing_includes", &missing) ||
	    classify(g, tu, missing, &t) || !t.nheaders) {
		tu_release(&t);
		if (old) {  /* rebuilt, and now it has them */
			tu_release(old);
			*old = g->tus.v[--g->tus.n];
		}
		return KC_GENHDR_NONE;
	}
	if (json_object_object_get_ex(res, "counters", &c) &&
	    json_object_object_get_ex(c, kc_stat_name(KC_STAT_CLANG_ERRORS),
				      &v))
		t.errors = (unsigned long long)json_object_get_int64(v);
	t.idx = idx;
	t.file = strdup(tu->file);
	t.state = g->build_jobs && !old ? GENHDR_HELD : GENHDR_QUIET;
	if (!t.file) {
		tu_release(&t);
		return KC_GENHDR_NONE;
	}
	if (old) {
		tu_release(old);
		*old = t;
	} else if (KC_VEC_PUSH(&g->tus, t)) {
		tu_release(&t);
		return KC_GENHDR_NONE;
	}
	return t.state == GENHDR_HELD ? KC_GENHDR_HOLD : KC_GENHDR_QUIET;
}

size_t kc_genhdr_held(const struct kc_genhdr *g)
{
	size_t n = 0;

	for (size_t i = 0; g && i < g->tus.n; i++)
		n += g->tus.v[i].state == GENHDR_HELD;
	return n;
}

/* The objects (DIR/FILE.o) of the TUs in state, sorted, unique; *n their
 * count. malloc'ed strings in a malloc'ed array, or NULL. */
static char **objects(const struct kc_genhdr *g, int state, size_t *n)
{
	char **v = calloc(g->tus.n + 1, sizeof(*v));
	size_t k = 0;

	*n = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < g->tus.n; i++) {
		const char *f = g->tus.v[i].file;
		size_t len = strlen(f);

		if (g->tus.v[i].state != state)
			continue;
		if (len > 2 && !strcmp(f + len - 2, ".c"))
			len -= 2;
		v[k] = malloc(len + 3);
		if (!v[k])
			break;
		snprintf(v[k++], len + 3, "%.*s.o", (int)len, f);
	}
	qsort(v, k, sizeof(*v), kc_strv_cmp);
	for (size_t i = 0; i < k; i++)
		if (*n && !strcmp(v[*n - 1], v[i]))
			free(v[i]);
		else
			v[(*n)++] = v[i];
	return v;
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

/* "make -C TREE LLVM=-19 -k" as the user would type it */
static void print_make(const struct kc_genhdr *g, FILE *f)
{
	fputs("make", f);
	for (size_t i = 1; i < g->nmake; i++) {
		if (!strcmp(g->make[i], "-C") && i + 1 < g->nmake) {
			if (strcmp(g->tree, "."))
				fprintf(f, " -C %s", g->tree);
			i++;
			continue;
		}
		fprintf(f, " %s", g->make[i]);
	}
	fputs(" -k", f);
}

int kc_genhdr_build(struct kc_genhdr *g, FILE *log, size_t **idx, size_t *n)
{
	size_t nobj = 0, k = 0;
	char **obj = objects(g, GENHDR_HELD, &nobj);
	char **argv = obj ? calloc(g->nmake + nobj + 3, sizeof(*argv)) : NULL;
	char jobs[32];
	double t0 = kc_now();
	int status = 0;
	pid_t pid;

	*idx = calloc(g->tus.n + 1, sizeof(**idx));
	*n = 0;
	if (!obj || !argv || !*idx) {
		free_strv(obj, nobj);
		free(argv);
		free(*idx);
		*idx = NULL;
		return -KC_ENOMEM;
	}
	snprintf(jobs, sizeof(jobs), "-j%d", g->build_jobs);
	for (size_t i = 0; i < g->nmake; i++)
		argv[k++] = g->make[i];
	argv[k++] = "-k";
	argv[k++] = jobs;
	for (size_t i = 0; i < nobj; i++)
		argv[k++] = obj[i];
	fprintf(log, "ksizecheck: --build-generated: building the %zu object%s whose generated headers are missing: ",
		nobj, nobj == 1 ? "" : "s");
	print_make(g, log);
	fprintf(log, " %s", jobs);
	for (size_t i = 0; i < nobj; i++)
		fprintf(log, " %s", obj[i]);
	fputc('\n', log);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		/* on log: our stdout carries the findings */
		dup2(fileno(log), 1);
		dup2(fileno(log), 2);
		execvp(argv[0], argv);
		fprintf(log, "ksizecheck: cannot run '%s': %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		g->make_status = 127;
	else
		g->make_status = WIFEXITED(status) ? WEXITSTATUS(status) :
				 128 + WTERMSIG(status);
	g->build_seconds = kc_now() - t0;
	for (size_t i = 0; i < g->tus.n; i++)
		if (g->tus.v[i].state == GENHDR_HELD) {
			g->tus.v[i].state = GENHDR_REBUILT;
			(*idx)[(*n)++] = g->tus.v[i].idx;
		}
	fprintf(log, "ksizecheck: --build-generated: make %s in %.1f s; checking those %zu file%s again\n",
		g->make_status ? "failed (see its errors above)" : "finished",
		g->build_seconds, *n, *n == 1 ? "" : "s");
	free_strv(obj, nobj);
	free(argv);
	return 0;
}

/* Length of the directory part of a tree-relative path (0 for none). */
static size_t dir_len(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? (size_t)(s - p) : 0;
}

/* Does tu u lack a header in directory d (length dn)? */
static int lacks_in(const struct genhdr_tu *u, const char *d, size_t dn)
{
	for (size_t h = 0; h < u->nheaders; h++)
		if (dir_len(u->headers[h]) == dn &&
		    !strncmp(u->headers[h], d, dn))
			return 1;
	return 0;
}

/* Orders paths by directory, then name. */
static int cmp_hdr(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	size_t xn = dir_len(x), yn = dir_len(y);
	int c = strncmp(x, y, xn < yn ? xn : yn);

	if (c)
		return c;
	if (xn != yn)
		return xn < yn ? -1 : 1;
	return strcmp(x, y);
}

void kc_genhdr_report(const struct kc_genhdr *g, FILE *f)
{
	KC_VEC(char *) hdrs = { 0 };  /* every header once, sorted */
	unsigned long long nerr = 0;
	size_t nfiles = 0, nobj = 0, shown = 0;
	char **obj;

	for (size_t i = 0; g && i < g->tus.n; i++) {
		const struct genhdr_tu *u = &g->tus.v[i];

		if (u->state != GENHDR_QUIET)
			continue;
		nfiles++;
		nerr += u->errors;
		for (size_t h = 0; h < u->nheaders; h++)
			if (KC_VEC_PUSH(&hdrs, u->headers[h]))
				break;
	}
	if (!nfiles) {
		KC_VEC_FREE(&hdrs);
		return;
	}
	qsort(hdrs.v, hdrs.n, sizeof(*hdrs.v), cmp_hdr);
	fprintf(f, "ksizecheck: %zu file%s include%s headers that Kbuild generates during a build (not 'make prepare'), missing in '%s'%s; checked as far as they parsed, %llu clang error%s not shown:\n",
		nfiles, nfiles == 1 ? "" : "s", nfiles == 1 ? "s" : "",
		g->tree, g->make_status >= 0 ? " even after the build" : "",
		nerr, nerr == 1 ? "" : "s");
	for (size_t i = 0; i < hdrs.n;) {
		const char *d = hdrs.v[i];
		size_t dn = dir_len(d), nh = 0, nf = 0;

		if (++shown > MAX_DIRS_SHOWN) {
			fprintf(f, "ksizecheck:   ... and more directories\n");
			break;
		}
		fprintf(f, "ksizecheck:   %.*s/:", (int)dn, d);
		for (; i < hdrs.n && dir_len(hdrs.v[i]) == dn &&
		       !strncmp(hdrs.v[i], d, dn); i++) {
			if (i && !strcmp(hdrs.v[i], hdrs.v[i - 1]))
				continue;
			if (nh++ < MAX_HEADERS_SHOWN)
				fprintf(f, " %s", hdrs.v[i] + dn + 1);
		}
		if (nh > MAX_HEADERS_SHOWN)
			fprintf(f, " and %zu more", nh - MAX_HEADERS_SHOWN);
		for (size_t t = 0; t < g->tus.n; t++)
			nf += g->tus.v[t].state == GENHDR_QUIET &&
			      lacks_in(&g->tus.v[t], d, dn);
		fprintf(f, " (%zu file%s)\n", nf, nf == 1 ? "" : "s");
	}
	obj = objects(g, GENHDR_QUIET, &nobj);
	fputs("ksizecheck: Kbuild makes them with the objects that include them: ", f);
	print_make(g, f);
	for (size_t i = 0; obj && i < nobj; i++)
		fprintf(f, " %s", obj[i]);
	fputc('\n', f);
	if (g->make_status < 0)
		fprintf(f, "ksizecheck: or run again with --build-generated, which runs that make first\n");
	free_strv(obj, nobj);
	KC_VEC_FREE(&hdrs);
}
