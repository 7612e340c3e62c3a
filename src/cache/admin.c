/* admin.c - the cache's size cap (eviction, oldest used first) and the
 * `ksizecheck cache stats|clear` subcommand. */
#define _GNU_SOURCE
#include "cache/cache_int.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "driver/run.h"

struct file_ent {
	char *path;
	long long mtime;
	unsigned long long size;
};

struct file_list {
	struct file_ent *v;
	size_t n, cap;
	unsigned long long bytes;
	size_t stale_tmp;
};

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && !strcmp(s + n - m, suf);
}

/* Adds the cache files of dir (and its two-digit subdirectories) to l;
 * removes temporary files older than an hour (a killed writer's). */
static void scan(struct file_list *l, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	time_t now = time(NULL);

	if (!d)
		return;
	while ((e = readdir(d))) {
		char path[PATH_MAX];
		struct stat st;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    (size_t)snprintf(path, sizeof(path), "%s/%s", dir,
				     e->d_name) >= sizeof(path) ||
		    lstat(path, &st))
			continue;
		if (S_ISDIR(st.st_mode) && depth == 0 &&
		    strlen(e->d_name) == 2) {
			scan(l, path, 1);
			continue;
		}
		if (!S_ISREG(st.st_mode))
			continue;
		if (!strncmp(e->d_name, ".tmp.", 5)) {
			if (now - st.st_mtime > 3600 && !unlink(path))
				l->stale_tmp++;
			continue;
		}
		if (!ends_with(e->d_name, ".kce") &&
		    !ends_with(e->d_name, ".kch"))
			continue;
		if (l->n == l->cap) {
			size_t ncap = l->cap ? l->cap * 2 : 1024;
			struct file_ent *v = realloc(l->v, ncap * sizeof(*v));

			if (!v)
				break;
			l->v = v;
			l->cap = ncap;
		}
		l->v[l->n].path = strdup(path);
		if (!l->v[l->n].path)
			break;
		l->v[l->n].mtime = (long long)st.st_mtim.tv_sec * 1000000000LL +
				   st.st_mtim.tv_nsec;
		l->v[l->n].size = (unsigned long long)st.st_size;
		l->bytes += l->v[l->n].size;
		l->n++;
	}
	closedir(d);
}

static void scan_cache(struct file_list *l, const char *cache_dir)
{
	static const char *const subs[] = { "results", "hidx" };

	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++) {
		char dir[PATH_MAX];

		if ((size_t)snprintf(dir, sizeof(dir), "%s/%s", cache_dir,
				     subs[i]) < sizeof(dir))
			scan(l, dir, 0);
	}
}

static void file_list_release(struct file_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].path);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static int by_age(const void *a, const void *b)
{
	const struct file_ent *x = a, *y = b;

	return x->mtime < y->mtime ? -1 : x->mtime > y->mtime;
}

size_t kc_cache_trim(struct kc_cache *c, int every)
{
	struct file_list l = { 0 };
	unsigned long long goal = c->max_bytes / 10 * 9;
	size_t removed = 0;

	if (!every) {
		unsigned seed = (unsigned)getpid() ^ (unsigned)time(NULL);

		if (rand_r(&seed) % KC_CACHE_TRIM_EVERY)
			return 0;
	}
	scan_cache(&l, c->dir);
	if (l.bytes > c->max_bytes) {
		qsort(l.v, l.n, sizeof(*l.v), by_age);
		for (size_t i = 0; i < l.n && l.bytes > goal; i++)
			if (!unlink(l.v[i].path) || errno == ENOENT) {
				l.bytes -= l.v[i].size;
				removed++;
			}
	}
	file_list_release(&l);
	return removed;
}

void kc_cache_count(struct kc_cache_counts *n, json_object *res)
{
	json_object *v;

	if (!json_object_object_get_ex(res, "cache", &v))
		return;
	if (!strcmp(json_object_get_string(v), "hit"))
		n->hits++;
	else
		n->misses++;
	if (json_object_object_get_ex(res, "cache_stored", &v))
		n->stored++;
	if (json_object_object_get_ex(res, "cache_corrupt", &v))
		n->corrupt++;
}

void kc_cache_counts_print(const struct kc_cache_counts *n, FILE *f)
{
	if (!n->hits && !n->misses)
		return;
	fprintf(f, "ksizecheck: stats: %-24s %llu  (results replayed from the cache)\n",
		"cache-hits", n->hits);
	fprintf(f, "ksizecheck: stats: %-24s %llu  (TUs re-checked)\n",
		"cache-misses", n->misses);
	fprintf(f, "ksizecheck: stats: %-24s %llu  (results written)\n",
		"cache-stored", n->stored);
	if (n->corrupt)
		fprintf(f, "ksizecheck: stats: %-24s %llu  (entries ignored: bad checksum)\n",
			"cache-corrupt", n->corrupt);
	if (n->evicted)
		fprintf(f, "ksizecheck: stats: %-24s %llu  (entries removed by the size cap)\n",
			"cache-evicted", n->evicted);
}

static int usage(void)
{
	fprintf(stderr, "usage: ksizecheck cache stats|clear [--cache-dir DIR]\n");
	return 2;
}

int kc_cache_main(int argc, char **argv)
{
	const char *dir = NULL, *cmd = NULL;
	struct file_list l = { 0 };
	char path[PATH_MAX];
	size_t kce = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--cache-dir") && i + 1 < argc)
			dir = argv[++i];
		else if (!strncmp(argv[i], "--cache-dir=", 12))
			dir = argv[i] + 12;
		else if (!cmd && (!strcmp(argv[i], "stats") ||
				  !strcmp(argv[i], "clear")))
			cmd = argv[i];
		else
			return usage();
	}
	if (!cmd)
		return usage();
	if (kc_cache_dir(dir, NULL, path, sizeof(path))) {
		fprintf(stderr, "ksizecheck: no cache directory: set --cache-dir, $KSIZECHECK_CACHE_DIR, $XDG_CACHE_HOME or $HOME\n");
		return 2;
	}
	scan_cache(&l, path);
	for (size_t i = 0; i < l.n; i++)
		kce += ends_with(l.v[i].path, ".kce");
	if (!strcmp(cmd, "stats")) {
		printf("cache directory   %s\n", path);
		printf("results           %zu\n", kce);
		printf("header indexes    %zu\n", l.n - kce);
		printf("size              %.1f MB\n", (double)l.bytes / 1e6);
		file_list_release(&l);
		return 0;
	}
	{
		size_t removed = 0, failed = 0;

		for (size_t i = 0; i < l.n; i++) {
			if (!unlink(l.v[i].path) || errno == ENOENT)
				removed++;
			else
				failed++;
		}
		printf("removed %zu cache files (%.1f MB) from %s\n", removed,
		       (double)l.bytes / 1e6, path);
		file_list_release(&l);
		if (failed) {
			fprintf(stderr, "ksizecheck: cannot remove %zu cache files from '%s'\n",
				failed, path);
			return 2;
		}
	}
	return 0;
}
